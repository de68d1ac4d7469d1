#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Boot a kernel in QEMU (TCG) on a kbind test initramfs and report its cases.
#
# Usage: run-vm.sh --kver KVER --out DIR [--kernel IMAGE] [--modroot DIR]
#                  [--mem MB] [--ko "a.ko ..."] [--kmod "name ..."]
#                  [--kmod-stage "name ..."] [--bin "prog ..."]
#                  [--tests DIR] [--qemu-args "ARGS"]
#                  [--timeout SECONDS] [--idle-timeout SECONDS]
#                  [--label TEXT] [--smp N] [--append "ARGS"]
#                  [--initramfs FILE] [--accel OPTS]
#
#   --kver KVER       boot /boot/vmlinuz-KVER, kernel modules from
#                     /lib/modules/KVER
#   --kernel IMAGE    boot IMAGE instead of /boot/vmlinuz-KVER
#   --modroot DIR     kernel modules from DIR/lib/modules/KVER
#   --mem MB          guest memory (default 1024)
#   --out DIR         keeps initramfs.cpio.gz, console.log (ttyS0: kernel
#                     and script output), results.tap (ttyS1: guest TAP)
#                     and qemu.log
#   --ko, --kmod, --kmod-stage, --bin, --tests
#                     what goes into the guest, see mkinitramfs.sh
#   --qemu-args ARGS  extra QEMU arguments, e.g. "-device edu"
#   --timeout SECONDS kill QEMU after this long (default 300)
#   --idle-timeout SECONDS
#                     kill QEMU once the guest has written nothing to
#                     results.tap for this long (a guest kernel that hangs
#                     in a long run); default: no such limit
#   --label TEXT      prefix for case names, e.g. "6.1"
#   --smp N           guest CPUs (default 2)
#   --append ARGS     more kernel command line arguments (the guest's
#                     scripts read them in /proc/cmdline)
#   --initramfs FILE  boot this initramfs (built by mkinitramfs.sh) instead
#                     of building one from --ko ... --tests
#   --accel OPTS      QEMU's -accel (default "tcg"); "tcg,thread=single"
#                     runs every vCPU on one host thread (make bench's
#                     instruction counts need it)
#
# Prints one line per guest case, "ok - LABEL: NAME" or "not ok - LABEL:
# NAME" (unnumbered: the caller numbers them) with the guest's "# "
# diagnostics, then the harness case "LABEL: vm boot, clean run, no kernel
# splat". Exits 0 iff every case passed.

set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
DONE_MARKER=KBIND-VM-DONE

KVER=
KERNEL=
MODROOT=
MEM=1024
OUT=
KO=
KMOD=
KSTAGE=
BIN=
TESTS=
QEMU_ARGS=
TIMEOUT=300
LABEL=
SMP=2
APPEND=
INITRAMFS=
ACCEL=tcg

FAILED=0	# set to 1 by the first failed case
QEMU_RC=0	# exit status of timeout(1) around QEMU
IDLE_TIMEOUT=	# --idle-timeout
IDLE_KILLED=	# the idle watch killed QEMU
ELAPSED=0	# seconds QEMU ran

# shellcheck source-path=SCRIPTDIR source=guest/splat.sh
. "$HERE/guest/splat.sh"

usage() {
	sed -n '6,37s/^# \{0,1\}//p' "$0" >&2
	exit 2
}

parse_args() {
	while [ $# -gt 0 ]; do
		[ $# -ge 2 ] || usage
		case $1 in
		--kver)      KVER=$2 ;;
		--kernel)    KERNEL=$2 ;;
		--modroot)   MODROOT=$2 ;;
		--mem)       MEM=$2 ;;
		--out)       OUT=$2 ;;
		--ko)        KO=$2 ;;
		--kmod)      KMOD=$2 ;;
		--kmod-stage) KSTAGE=$2 ;;
		--bin)       BIN=$2 ;;
		--tests)     TESTS=$2 ;;
		--qemu-args) QEMU_ARGS=$2 ;;
		--timeout)   TIMEOUT=$2 ;;
		--idle-timeout) IDLE_TIMEOUT=$2 ;;
		--label)     LABEL=$2 ;;
		--smp)       SMP=$2 ;;
		--append)    APPEND=$2 ;;
		--initramfs) INITRAMFS=$2 ;;
		--accel)     ACCEL=$2 ;;
		*)           usage ;;
		esac
		shift 2
	done
	if [ -z "$KVER" ] || [ -z "$OUT" ]; then
		usage
	fi
	KERNEL=${KERNEL:-/boot/vmlinuz-$KVER}
	[ -r "$KERNEL" ] || {
		echo "run-vm: $KERNEL not found" >&2
		exit 1
	}
}

# mkinitramfs's messages become diagnostics; if it fails, so does the
# harness case, and the run stops.
build_initramfs() {
	local msgs rc=0

	mkdir -p "$OUT"
	if [ -n "$INITRAMFS" ]; then
		[ -r "$INITRAMFS" ] || {
			report "not ok" "vm boot, clean run, no kernel splat"
			echo "# $INITRAMFS not found"
			exit 1
		}
		return 0
	fi
	INITRAMFS=$OUT/initramfs.cpio.gz
	msgs=$("$HERE/mkinitramfs.sh" --out "$OUT/initramfs.cpio.gz" \
		--kver "$KVER" --modroot "$MODROOT" --ko "$KO" \
		--kmod "$KMOD" --kmod-stage "$KSTAGE" --bin "$BIN" \
		--tests "$TESTS" 2>&1) || rc=$?
	if [ "$rc" -ne 0 ]; then
		report "not ok" "vm boot, clean run, no kernel splat"
		echo "# building the initramfs failed:"
	fi
	[ -z "$msgs" ] || echo "$msgs" | diag_lines
	[ "$rc" -eq 0 ] || exit 1
}

# Kill process $1 (timeout(1) around QEMU, which passes the signal on)
# once $OUT/results.tap has not grown for IDLE_TIMEOUT seconds; leave
# $OUT/idle-killed behind when it did.
watch_idle() {
	local pid=$1 size last=-1 since=$SECONDS

	while kill -0 "$pid" 2>/dev/null; do
		sleep 5
		size=$(stat -c %s "$OUT/results.tap" 2>/dev/null || echo 0)
		if [ "$size" != "$last" ]; then
			last=$size
			since=$SECONDS
		elif [ $((SECONDS - since)) -ge "$IDLE_TIMEOUT" ]; then
			: >"$OUT/idle-killed"
			kill "$pid" 2>/dev/null
			return 0
		fi
	done
}

boot_vm() {
	local extra start=$SECONDS pid watch qemu

	read -ra extra <<<"$QEMU_ARGS"
	rm -f "$OUT/console.log" "$OUT/results.tap" "$OUT/idle-killed"
	qemu=(timeout -k 10 "$TIMEOUT" qemu-system-x86_64
		-accel "$ACCEL" -machine q35 -cpu max -smp "$SMP" -m "$MEM"
		-display none -monitor none -no-reboot
		-serial "file:$OUT/console.log"
		-serial "file:$OUT/results.tap"
		-kernel "$KERNEL" -initrd "$INITRAMFS"
		-append "console=ttyS0 panic=-1 printk.devkmsg=on${APPEND:+ $APPEND}"
		"${extra[@]}")
	if [ -z "$IDLE_TIMEOUT" ]; then
		"${qemu[@]}" </dev/null >"$OUT/qemu.log" 2>&1 || QEMU_RC=$?
	else
		"${qemu[@]}" </dev/null >"$OUT/qemu.log" 2>&1 &
		pid=$!
		watch_idle "$pid" &
		watch=$!
		wait "$pid" || QEMU_RC=$?
		kill "$watch" 2>/dev/null || :
		wait "$watch" || :
		[ ! -e "$OUT/idle-killed" ] || IDLE_KILLED=1
	fi
	ELAPSED=$((SECONDS - start))
}

# Print "ok - NAME" or "not ok - NAME" and remember a failure.
report() {
	local status=$1 name=${LABEL:+$LABEL: }$2

	[ "$status" = ok ] || FAILED=1
	echo "$status - $name"
}

# Copy stdin to stdout as "# " diagnostics.
diag_lines() {
	sed 's/^/# /'
}

# Guest TAP: renumbered cases with the label, diagnostics as they are. A
# case whose "# begin" line has no result line (the VM died in it) fails.
report_guest_cases() {
	local line pending='' expect=()
	local begin_re='^# begin [0-9]+ - (.*)$'
	local case_re='^(not ok|ok) [0-9]+ - (.*)$'
	local expect_re='^# expect at poweroff: (.*) :: (.*)$'

	[ -f "$OUT/results.tap" ] || return 0
	while IFS= read -r line; do
		if [[ $line =~ $begin_re ]]; then
			pending=${BASH_REMATCH[1]}
		elif [[ $line =~ $case_re ]]; then
			pending=
			report "${BASH_REMATCH[1]}" "${BASH_REMATCH[2]}"
		elif [[ $line =~ $expect_re ]]; then
			expect+=("${BASH_REMATCH[1]}" "${BASH_REMATCH[2]}")
		elif [ "$line" != "$DONE_MARKER" ]; then
			echo "# ${line#\# }"
		fi
	done <"$OUT/results.tap"
	[ -z "$pending" ] || {
		report "not ok" "$pending"
		echo "# did not finish: the VM crashed, hung or timed out"
	}
	report_poweroff_cases "${expect[@]}"
}

# The cases declared with kb_expect_at_poweroff: pairs of REGEX and NAME.
report_poweroff_cases() {
	while [ $# -ge 2 ]; do
		if grep -qx "$DONE_MARKER" "$OUT/results.tap" &&
		   grep -qE -- "$1" "$OUT/console.log"; then
			report ok "$2"
		else
			report "not ok" "$2"
			echo "# no console line matches /$1/ by power off"
		fi
		shift 2
	done
}

# The splat lines of console.log, but for the lines of the lockdep cycle
# report that a case announced it expects (see splat.sh); that case checks
# the report itself.
console_splats() {
	[ -f "$OUT/console.log" ] || return 0
	awk -v mark="$KB_CYCLE_MARK" -v cycle="$KB_CYCLE_RE" \
		-v splat="$KB_SPLAT_RE" '
		index($0, mark) { expected = 1 }
		$0 ~ splat && !(expected && $0 ~ cycle)' "$OUT/console.log"
}

# Print, as "# " diagnostics, why the run was not clean (nothing if it was).
run_problems() {
	local splats show_tail=

	if [ -n "$IDLE_KILLED" ]; then
		echo "# the guest wrote no result for $IDLE_TIMEOUT s: QEMU killed"
		show_tail=1
	elif [ "$QEMU_RC" -eq 124 ] || [ "$QEMU_RC" -eq 137 ]; then
		echo "# QEMU timed out after $TIMEOUT s"
		show_tail=1
	elif [ "$QEMU_RC" -ne 0 ]; then
		echo "# QEMU exited with status $QEMU_RC; qemu.log:"
		diag_lines <"$OUT/qemu.log"
	fi
	grep -qx "$DONE_MARKER" "$OUT/results.tap" 2>/dev/null || {
		echo "# no $DONE_MARKER in results.tap: guest crashed or hung"
		show_tail=1
	}
	[ -z "$show_tail" ] || [ ! -s "$OUT/console.log" ] || {
		echo "# console.log ends with:"
		tail -n 40 "$OUT/console.log" | diag_lines
	}
	splats=$(console_splats)
	[ -z "$splats" ] || {
		echo "# kernel splat in console.log:"
		echo "$splats" | diag_lines
	}
}

report_harness() {
	local problems name="vm boot, clean run, no kernel splat"

	problems=$(run_problems)
	if [ -z "$problems" ]; then
		report ok "$name"
	else
		report "not ok" "$name"
		echo "$problems"
	fi
	echo "# ${LABEL:+$LABEL: }$KVER ran $ELAPSED s in QEMU; logs in $OUT"
}

main() {
	parse_args "$@"
	build_initramfs
	boot_vm
	report_guest_cases
	report_harness
	return "$FAILED"
}

main "$@"
