#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# blktests in the guest (started by blktests.sh under the VM harness's
# /init). Kernel command line:
#
#   kbind_blk.driver=stock|kbind  the null_blk that "modprobe null_blk"
#                                 loads: the kernel's own, or kbind's
#                                 drop-in (/kbind/blk/kbind.ko)
#   kbind_blk.tests=T1,T2,...     blktests tests to run, in this order
#   kbind_blk.timeout=SECONDS     blktests' TIMEOUT (default 20)
#
# Each test runs in its own "./check" (with RUN_ZONED_TESTS=1, so a test
# that CAN_BE_ZONED also runs on zoned null_blk). Every result becomes a TAP
# case: "ok N - block/006", "ok N - block/006 (zoned)", "ok N - T # SKIP
# reason" for "not run", "not ok N - T" for a failure or for a kernel splat
# logged while the test ran. After each test the guest is reset: null_blk
# and every module loaded since boot are unloaded, configfs items, mounts,
# loop and dm devices and cgroups made since boot removed, and the result
# checked against the state at boot. A reset that cannot be completed is a
# failed case "reset after T" and ends the run: the host boots a fresh VM
# for the remaining tests. "# done T SECONDS" marks each finished test.

set -uo pipefail

# shellcheck source=/dev/null
. /kbind/lib.sh

BT=/blktests
RESULTS=/tmp/blktests-results
DRIVER=stock
TESTS=
TIMEOUT=20
KREL=$(uname -r)
MODDIR=/lib/modules/$KREL
BASE_MODULES=
BASE_MOUNTS=
BASE_CGROUPS=

read_cmdline() {
	local arg args

	read -ra args </proc/cmdline
	for arg in "${args[@]}"; do
		case $arg in
		kbind_blk.driver=*)  DRIVER=${arg#*=} ;;
		kbind_blk.tests=*)   TESTS=${arg#*=} ;;
		kbind_blk.timeout=*) TIMEOUT=${arg#*=} ;;
		esac
	done
	TESTS=${TESTS//,/ }
}

# Debian's programs, not busybox's: the harness's init installs busybox's
# applets as symlinks where no file is, so an applet whose place differs
# from the Debian program's (busybox's /bin/stat, coreutils' /usr/bin/stat)
# would come first in PATH. Those symlinks go.
debian_programs_first() {
	local d f name other

	# One find (Debian's, for -lname) lists the applets: a readlink per
	# file forked thousands of times, minutes on the debug kernel. A pipe,
	# as /dev/fd (process substitution) is not there yet.
	for d in /bin /sbin /usr/bin /usr/sbin; do
		/usr/bin/find "$d/" -maxdepth 1 -lname /bin/busybox |
		while IFS= read -r f; do
			name=${f##*/}
			for other in /bin /sbin /usr/bin /usr/sbin; do
				if [ -e "$other/$name" ] && [ ! -L "$other/$name" ]; then
					rm -f "$f"
					break
				fi
			done
		done
	done
}

# What blktests expects of a system: cgroup2, /dev/shm, /etc/mtab, the
# kernel's config for _have_kernel_option.
setup_system() {
	debian_programs_first
	if grep -qw cgroup2 /proc/filesystems; then
		mount -t cgroup2 cgroup2 /sys/fs/cgroup
	fi
	mkdir -p /dev/shm /etc "$RESULTS"
	mount -t tmpfs tmpfs /dev/shm
	ln -sf /proc/self/fd /dev/fd
	ln -sf /proc/self/fd/0 /dev/stdin
	ln -sf /proc/self/fd/1 /dev/stdout
	ln -sf /proc/self/fd/2 /dev/stderr
	ln -sf /proc/self/mounts /etc/mtab
	printf 'TIMEOUT=%s\n' "$TIMEOUT" >"$BT/config"
}

# Make "modprobe null_blk" load DRIVER's module, and prove it does.
select_driver() {
	local stock want path

	stock=$(find "$MODDIR/kernel" -name 'null_blk.ko*' | head -n 1)
	[ -n "$stock" ] || { echo "no stock null_blk.ko* in $MODDIR"; return 1; }
	case $DRIVER in
	stock) want=$stock ;;
	kbind)
		[ -f /kbind/blk/kbind.ko ] || {
			echo "the drop-in /kbind/blk/kbind.ko is missing"
			return 1
		}
		want=$MODDIR/kernel/drivers/block/null_blk/null_blk.ko
		rm -f "$stock"
		cp /kbind/blk/kbind.ko "$want"
		# a fault-injection build's drop-in needs kbind_fault
		if [ -f /kbind/blk/kbind_fault.ko ]; then
			mkdir -p "$MODDIR/extra"
			cp /kbind/blk/kbind_fault.ko "$MODDIR/extra/"
		fi
		depmod -a || return 1
		;;
	*) echo "unknown driver $DRIVER"; return 1 ;;
	esac
	path=$(modinfo -n null_blk) || return 1
	[ "$path" = "$want" ] || {
		echo "modprobe would load $path, not $want"
		return 1
	}
	modprobe null_blk nr_devices=0 || return 1
	# kbind's drop-in is out of tree: the kernel taints with O for it only
	case "$DRIVER:$(cat /sys/module/null_blk/taint)" in
	stock:*O*) echo "the loaded null_blk is out of tree"; return 1 ;;
	kbind:*O*) ;;
	kbind:*) echo "the loaded null_blk is not the drop-in"; return 1 ;;
	esac
	echo "modprobe null_blk loads $path"
	modprobe -r null_blk
}

modules_now() {
	awk '{ print $1 }' /proc/modules | sort
}

mounts_now() {
	awk '{ print $2 }' /proc/mounts | sort
}

cgroups_now() {
	[ -f /sys/fs/cgroup/cgroup.controllers ] || return 0
	find /sys/fs/cgroup -mindepth 1 -type d | sort
}

record_baseline() {
	BASE_MODULES=$(modules_now)
	BASE_MOUNTS=$(mounts_now)
	BASE_CGROUPS=$(cgroups_now)
}

# Lines of $1 not in $2.
extra_lines() {
	comm -23 <(printf '%s\n' "$1" | sed '/^$/d') \
		<(printf '%s\n' "$2" | sed '/^$/d')
}

# Undo what a test may have left, back to the boot baseline; print what
# could not be undone and fail if anything.
reset_state() {
	local m d left

	if [ -d /sys/kernel/config/nullb ]; then
		find /sys/kernel/config/nullb -mindepth 1 -maxdepth 1 \
			-type d -delete
	fi
	for m in $(extra_lines "$(mounts_now)" "$BASE_MOUNTS" | sort -r); do
		umount "$m"
	done
	[ ! -d /sys/module/dm_mod ] || dmsetup remove_all
	[ ! -d /sys/module/loop ] || losetup -D
	for d in $(extra_lines "$(cgroups_now)" "$BASE_CGROUPS" | sort -r); do
		rmdir "$d"
	done
	# Modules in dependency order: whatever nothing uses goes each pass.
	for _ in 1 2 3 4; do
		left=$(extra_lines "$(modules_now)" "$BASE_MODULES")
		[ -n "$left" ] || break
		for m in $left; do
			modprobe -r "$m" 2>/dev/null
		done
	done
	check_reset
}

check_reset() {
	local bad=0 what

	what=$(extra_lines "$(modules_now)" "$BASE_MODULES")
	[ -z "$what" ] || { echo "modules still loaded:" "$what"; bad=1; }
	what=$(extra_lines "$(mounts_now)" "$BASE_MOUNTS")
	[ -z "$what" ] || { echo "still mounted:" "$what"; bad=1; }
	what=$(extra_lines "$(cgroups_now)" "$BASE_CGROUPS")
	[ -z "$what" ] || { echo "cgroups left:" "$what"; bad=1; }
	what=$(cd /sys/block && find . -mindepth 1 -maxdepth 1 \
		\( -name 'nullb*' -o -name 'loop*' -o -name 'dm-*' -o -name 'sd*' \))
	[ -z "$what" ] || { echo "disks left:" "$what"; bad=1; }
	if [ -d /sys/kernel/config/nullb ]; then
		what=$(find /sys/kernel/config/nullb -mindepth 1 -maxdepth 1 -type d)
		[ -z "$what" ] || { echo "nullb configfs items left:" "$what"; bad=1; }
	fi
	return $bad
}

# Report check's results for test $1 from its output $2 and exit status
# $4; $3 holds the kernel splat lines logged while it ran.
# shellcheck disable=SC2094 # $out is only read
report_results() {
	local t=$1 out=$2 splat=$3 rc=$4 line name status detail found=0
	local group=${t%/*}
	local status_re="^($t|$group/\\*\\*\\*)( \\(zoned\\))? .*\\[(passed|failed|not run)\\]\$"

	while IFS= read -r line; do
		[[ $line =~ $status_re ]] || continue
		found=1
		name=$t${BASH_REMATCH[2]}
		status=${BASH_REMATCH[3]}
		# the indented lines after the status line: reasons, diff
		detail=$(awk -v l="$line" '
			found && /^[a-z]+\/[0-9*]/ { exit }
			found && /^    / && !/^    runtime/ { print }
			$0 == l { found = 1 }' "$out" | sed 's/^ *//')
		if [ -n "$splat" ] && [ "$status" != "not run" ]; then
			kb_fail "$name" "kernel splat while the test ran:"
			printf '%s\n' "$splat" | kb_diag_lines
		elif [ "$status" = passed ]; then
			kb_pass "$name"
		elif [ "$status" = "not run" ]; then
			kb_skip "$name" "$(printf '%s' "$detail" | tr '\n' ';' |
				sed 's/;/; /g')"
		else
			kb_fail "$name" "blktests: failed"
			printf '%s\n' "$detail" | head -n 20 | kb_diag_lines
		fi
	done <"$out"
	[ "$found" -eq 1 ] && [ -z "$splat" ] && return 0
	if [ "$found" -eq 0 ] && [ ! -s "$out" ] && [ "$rc" -eq 0 ] &&
	   [ -z "$splat" ]; then
		# check runs a test_device() test only on TEST_DEVS, or on
		# the test's fallback_device(): zbd/007 has none
		kb_skip "$t" "./check ran nothing: a test of TEST_DEVS (none set here) without a fallback device"
	elif [ "$found" -eq 0 ]; then
		kb_fail "$t" "no result from ./check; its output:"
		tail -n 20 "$out" | kb_diag_lines
	elif [ -n "$splat" ]; then
		# a splat in a test that did not run still fails something
		grep -qE "\\[(passed|failed)\\]" "$out" ||
			{ kb_fail "$t" "kernel splat:"; printf '%s\n' "$splat" |
				kb_diag_lines; }
	fi
}

run_test() {
	local t=$1 out start end rc=0 splat

	out=/tmp/check-${t//\//-}.log
	kb_diag "begin 0 - $t"
	echo "kbind: blktests $t ($DRIVER)" >/dev/kmsg
	dmesg -c >/dev/null
	start=$EPOCHREALTIME
	(cd "$BT" && RUN_ZONED_TESTS=1 timeout -k 10 $((TIMEOUT * 8 + 240)) \
		./check -o "$RESULTS" "$t") </dev/null >"$out" 2>&1 || rc=$?
	end=$EPOCHREALTIME
	cat "$out"	# to the console: the host keeps it in console.log
	splat=$(dmesg | grep -E "$KB_SPLAT_RE" || true)
	if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
		kb_fail "$t" "./check timed out"
	else
		report_results "$t" "$out" "$splat" "$rc"
	fi
	kb_diag "time $t $(awk -v s="$start" -v e="$end" \
		'BEGIN { printf "%.1f", e - s }') s"
}

main() {
	local t msg start

	read_cmdline
	setup_system
	kb_diag "blktests: driver $DRIVER, kernel $KREL, $(nproc) CPUs," \
		"TIMEOUT=$TIMEOUT"
	if ! msg=$(select_driver 2>&1); then
		kb_fail "setup: modprobe null_blk loads the $DRIVER null_blk" "$msg"
		return 0
	fi
	kb_diag "$msg"
	record_baseline
	for t in $TESTS; do
		run_test "$t"
		start=$EPOCHREALTIME
		if ! msg=$(reset_state 2>&1); then
			kb_fail "reset after $t" "$msg"
			kb_diag "done $t"
			kb_diag "reset failed: the rest needs a fresh boot"
			return 0
		fi
		kb_diag "reset after $t: $(awk -v s="$start" \
			-v e="$EPOCHREALTIME" 'BEGIN { printf "%.1f", e - s }') s"
		kb_diag "done $t"
	done
}

main
