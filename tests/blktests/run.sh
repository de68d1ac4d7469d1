#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Run blktests' null_blk tests in TCG guests, against the kernel's stock
# null_blk and against kbind's drop-in (build/<krel>/drivers/null_blk/
# dropin/null_blk.ko) on the same kernel, and print one table of results.
#
# Usage: tests/blktests/run.sh [--kernels "LABEL|KREL ..."]
#            [--drivers "stock kbind"] [--repeat N] [--tests "T ..."]
#            [--tests-from FILE] [--tap] [--write-pass-list DIR]
#
#   --kernels      kernels to run on (labels 6.1 6.12 7.2 or releases, as
#                  scripts/kernels.sh --all prints them, or debug: the
#                  debug kernel, once scripts/test-kernel.sh debug built
#                  it); default all, debug included when it is built
#   --drivers      which null_blk(s); default "stock kbind"
#   --repeat N     run everything N times (timing flakes); the table then
#                  shows "k/N passed" per driver
#   --tests        blktests tests (e.g. "block/006 zbd/001"); default every
#                  test that uses null_blk, computed from the blktests tree
#                  (on the debug kernel, by default, only FAULT_TESTS: the
#                  others are the regular kernels', at KASAN's speed)
#   --tests-from   the tests listed in FILE (one a line, "#" comments)
#   --tap          print TAP cases "ok - blktests LABEL T (drop-in)" instead
#                  of the table (for tests/run.sh); a test that is skipped,
#                  or did not run, is never "ok" without "# SKIP"
#   --write-pass-list DIR  write DIR/pass-on-stock-LABEL: the tests (and
#                  zoned variants) that passed on stock in every repeat
#
# blktests comes from $BLKTESTS, else ../shared/blktests next to the repo;
# it is copied to build/blktests/src and its helpers built there (the
# source stays read-only). Without it every case is skipped, with the
# reason. Logs (console, TAP, per-boot) are in build/blktests/LABEL/.
# Exits non-zero if a VM run failed or, in the table, a test passed on
# stock and not on the drop-in.

set -uo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
here=$root/tests/blktests
out=$root/build/blktests
src=${BLKTESTS:-$root/../shared/blktests}
copy=$out/src

KERNELS=
DRIVERS="stock kbind"
REPEAT=${BLKTESTS_REPEAT:-1}
TESTS=()
TESTS_GIVEN=
TAP=
PASS_DIR=
# Guest size: throtl/006 makes ext4 on the default 250 GiB memory-backed
# device with its inode tables and journal written out (about 5 GiB of
# null_blk pages; 4 GiB ran out); block/038 sets 4 submission queues on a
# powered device, which takes 4 CPUs. Guest memory is only taken from
# the host as it is touched.
MEM=${BLKTESTS_MEM:-8192}
SMP=${BLKTESTS_SMP:-4}
TIMEOUT=${BLKTESTS_TIMEOUT:-20}
# The debug kernel (KASAN, lockdep) is several times slower. A test gets
# TIMEOUT * 8 + 240 s: block/015 (2 GiB of 4 KiB direct reads per I/O
# scheduler) took 1467 s there on the drop-in, alone on 2 cores, and ran
# out of 880 s (80) on both drivers beside another guest.
DEBUG_TIMEOUT=${BLKTESTS_TIMEOUT:-200}

# The guests' fio, built static by scripts/deps.sh (which says why).
FIO=${KBIND_CACHE:-/var/cache/kbind}/fio/bin/fio

# The null_blk tests by name, for when the blktests tree is absent (the
# table then says why each is skipped).
FALLBACK_TESTS="block/006 block/007 block/010 block/014 block/015 block/016
block/017 block/018 block/020 block/021 block/022 block/023 block/024
block/029 block/030 block/031 block/034 block/035 block/038 block/039
throtl/001 throtl/002 throtl/003 throtl/004 throtl/005 throtl/006 zbd/001
zbd/002 zbd/003 zbd/004 zbd/005 zbd/006 zbd/010 zbd/011"

# What the guest gets: Debian's programs with their libraries (dash is
# /bin/sh, which zgrep and other scripts name), and the kernel modules the
# null_blk tests load.
GUEST_PKGS="bash dash coreutils util-linux util-linux-extra mount kmod gawk sed
grep findutils procps psmisc diffutils bc bsdutils e2fsprogs f2fs-tools
dmsetup cryptsetup-bin gzip bsdextrautils libc-bin"
GUEST_MODS="null_blk configfs scsi_debug sd_mod sg loop dm-mod dm-crypt
ext4 f2fs kernel/crypto/ kernel/arch/x86/crypto/"

# Tests that need null_blk's fault injection, which only the debug kernel
# has (CONFIG_BLK_DEV_NULL_BLK_FAULT_INJECTION).
FAULT_TESTS="block/014 block/015 block/030"

# Tests whose verdict is a measured time or rate (throttling, timeouts):
# under TCG they fail now and then on either driver.
TIMED_TESTS="block/017 block/024 throtl/*"

timed() {	# test: is it one of TIMED_TESTS?
	local p

	for p in $TIMED_TESTS; do
		# shellcheck disable=SC2053 # a pattern on purpose
		[[ $1 == $p ]] && return 0
	done
	return 1
}

declare -A RES		# "label|driver|rep|test" -> pass|fail|skip|notrun
declare -A WHY		# same key -> reason
declare -A SECS		# "label|driver|test" -> seconds (last repeat)
declare -a ROWS		# test names in order of first appearance
declare -A SEEN_ROW
declare -a RUN_LABELS
declare -a WANT		# the tests and variants asked for
HAS_DROPIN=		# the kernel's initramfs has kbind's drop-in
FAILED=0

die() {
	echo "blktests: $*" >&2
	exit 1
}

usage() {
	sed -n '6,24s/^# \{0,1\}//p' "$0" >&2
	exit 2
}

parse_args() {
	while [ $# -gt 0 ]; do
		case $1 in
		--kernels) KERNELS=$2; shift ;;
		--drivers) DRIVERS=$2; shift ;;
		--repeat) REPEAT=$2; shift ;;
		--tests) read -ra TESTS <<<"$2"; TESTS_GIVEN=1; shift ;;
		--tests-from)
			[ -r "$2" ] || die "$2: not readable"
			mapfile -t TESTS < <(sed 's/#.*//; s/[[:space:]]*$//
				/^$/d' "$2")
			TESTS_GIVEN=1
			shift ;;
		--tap) TAP=1 ;;
		--write-pass-list) PASS_DIR=$2; shift ;;
		*) usage ;;
		esac
		shift
	done
	[[ $REPEAT =~ ^[1-9][0-9]*$ ]] || die "--repeat wants a positive count"
}

# Copy blktests and build its helpers (cached by the commit it names).
prepare_blktests() {
	local commit

	[ -d "$src/tests" ] && [ -x "$src/check" ] || return 1
	commit=$(cat "$src/.commit" 2>/dev/null || echo unknown)
	if [ "$commit" != unknown ] && [ -f "$copy/.kbind-built" ] &&
	   [ "$(cat "$copy/.kbind-built")" = "$commit" ]; then
		return 0
	fi
	rm -rf "$copy"
	mkdir -p "$out"
	cp -a "$src" "$copy" || return 1
	chmod -R u+w "$copy"
	make -C "$copy" -j2 >"$out/build.log" 2>&1 || {
		echo "blktests: building its helpers failed (build/blktests/build.log)" >&2
		return 1
	}
	echo "$commit" >"$copy/.kbind-built"
}

# Every test that uses null_blk: its own file names null_blk, or its
# group's requirements ask for it (throtl). srp names null_blk in its rc
# but needs RDMA and only uses null_blk as a backing device.
null_blk_tests() {
	local t g

	for t in "$copy"/tests/*/[0-9][0-9][0-9]; do
		g=$(basename "$(dirname "$t")")
		if grep -q null_blk "$t" ||
		   sed -n '/^group_requires()/,/^}/p' "$copy/tests/$g/rc" \
			2>/dev/null | grep -q '_have_null_blk'; then
			echo "${t#"$copy"/tests/}"
		fi
	done
}

kernel_line() {	# $1: label or release -> "krel label kdir image modroot"
	local dk

	if [ "$1" = debug ]; then
		dk=$("$root/scripts/test-kernel.sh" debug --cached) || return 0
		echo "$(cat "$dk/release") debug $dk/build $dk/bzImage $dk/modroot"
		return 0
	fi
	"$root/scripts/kernels.sh" --all | awk -v k="$1" '$1 == k || $2 == k'
}

dropin_of() {
	echo "$root/build/$1/drivers/null_blk/dropin/null_blk.ko"
}

# The drop-in's module dependency in a fault-injection build (make test's
# build for the debug kernel), if there is one.
fault_of() {
	echo "$root/build/$1/tests/modules/kbind_fault.ko"
}

# Build build/blktests/LABEL/initramfs.cpio.gz for a kernel.
build_initramfs() {
	local krel=$1 label=$2 kdir=$3 modroot=$4 dir=$out/$2 cfg files
	local dropin stamp

	mkdir -p "$dir"
	# Reused while nothing that goes into it changed.
	stamp=$( {
		echo "$krel $modroot $GUEST_PKGS $GUEST_MODS"
		cat "$root/tests/vm/mkinitramfs.sh" "$root/tests/vm/guest/"* \
			"$here/guest/"* "$here/udevadm" "$copy/.kbind-built" \
			"$modroot/lib/modules/$krel/modules.dep"
		# shellcheck disable=SC2086
		dpkg-query -W ${GUEST_PKGS//$'\n'/ }
		sha256sum "$FIO"
		sha256sum "$(dropin_of "$krel")" "$(fault_of "$krel")" 2>/dev/null
	} | sha256sum)
	if [ -f "$dir/initramfs.cpio.gz" ] &&
	   [ "$(cat "$dir/initramfs.stamp" 2>/dev/null)" = "$stamp" ]; then
		HAS_DROPIN=
		[ ! -f "$(dropin_of "$krel")" ] || HAS_DROPIN=1
		return 0
	fi
	rm -f "$dir/initramfs.stamp"
	cfg=/boot/config-$krel
	[ -f "$cfg" ] || cfg=$kdir/.config
	files="$copy=/blktests $cfg=/boot/config-$krel /usr/bin/gawk=/usr/bin/awk"
	dropin=$(dropin_of "$krel")
	HAS_DROPIN=
	if [ -f "$dropin" ]; then
		files="$files $dropin=/kbind/blk/kbind.ko"
		[ ! -f "$(fault_of "$krel")" ] ||
			files="$files $(fault_of "$krel")=/kbind/blk/kbind_fault.ko"
		HAS_DROPIN=1
	fi
	"$root/tests/vm/mkinitramfs.sh" --out "$dir/initramfs.cpio.gz" \
		--kver "$krel" --modroot "$modroot" --kmod configfs \
		--modtree "${GUEST_MODS//$'\n'/ }" --pkg "${GUEST_PKGS//$'\n'/ }" \
		--bin "$FIO $here/udevadm" --tests "$here/guest" \
		--file "$files" >"$dir/mkinitramfs.log" 2>&1 || return 1
	echo "$stamp" >"$dir/initramfs.stamp"
}

# Record results from one run-vm.sh output (file $5) for label $1, driver
# $2, repeat $3; write the finished tests' names to $5.done. $4: the tests
# it ran.
parse_run() {
	local label=$1 driver=$2 rep=$3 tests=$4 file=$5 line name st why
	local key last="" harness_ok=0

	while IFS= read -r line; do
		case $line in
		"ok - vm boot, clean run, no kernel splat") harness_ok=1 ;;
		"not ok - vm boot, clean run, no kernel splat") ;;
		"ok - "*" # SKIP "*)
			name=${line#ok - }; why=${name#* # SKIP }
			name=${name%% # SKIP *}
			record "$label" "$driver" "$rep" "$name" skip "$why" ;;
		"ok - load kernel module "*) ;;
		"ok - "*)
			record "$label" "$driver" "$rep" "${line#ok - }" pass "" ;;
		"not ok - "*)
			name=${line#not ok - }
			record "$label" "$driver" "$rep" "$name" fail ""
			last=$name ;;
		"# done "*)
			echo "${line#\# done }" >>"$file.done" ;;
		"# time "*)
			read -r _ _ name st _ <<<"$line"
			SECS[$label|$driver|$name]=$st ;;
		"# "*)
			# the first diagnostic after a failure is its reason
			if [ -n "$last" ]; then
				key="$label|$driver|$rep|$last"
				[ -n "${WHY[$key]-}" ] || WHY[$key]=${line#\# }
				last=
			fi ;;
		esac
	done <"$file"
	# a test that began but crashed the VM: run-vm.sh failed it
	for name in $tests; do
		[ -z "${RES[$label|$driver|$rep|$name]-}" ] ||
			grep -qx "# done $name" "$file" || echo "$name" >>"$file.done"
	done
	[ "$harness_ok" -eq 1 ] || {
		record "$label" "$driver" "$rep" "(vm: clean boot and power off, no splat)" fail \
			"see ${file#"$root"/}"
		FAILED=1
	}
}

record() {	# label driver rep name status reason
	local key="$1|$2|$3|$4"

	[ -n "${SEEN_ROW[$1|$4]-}" ] || { ROWS+=("$1|$4"); SEEN_ROW[$1|$4]=1; }
	RES[$key]=$5
	[ -z "$6" ] || WHY[$key]=$6
}

# Run the tests on one kernel with one driver, booting again after a
# failed reset or a crash until every test ran.
run_driver() {
	local krel=$1 label=$2 image=$3 driver=$4 rep=$5 boot=0 logdir
	local tmo=$TIMEOUT done_now t n
	local -a left=("${TESTS[@]}")

	[ "$label" != debug ] || tmo=$DEBUG_TIMEOUT
	# The guest gives a test tmo * 8 + 240 s (and 10 s more to die),
	# then resets: a guest silent for longer is hung (6.1's
	# blk-throttle soft-locks in throtl/004), and the rest boots afresh.
	# The whole run also gets the boot (100 s on the debug kernel) and
	# the closing kmemleak scan.

	while [ ${#left[@]} -gt 0 ]; do
		boot=$((boot + 1))
		logdir=$out/$label/$driver-$rep-$boot
		"$root/tests/vm/run-vm.sh" --kver "$krel" --kernel "$image" \
			--initramfs "$out/$label/initramfs.cpio.gz" \
			--mem "$MEM" --smp "$SMP" --out "$logdir" \
			--append "kbind_blk.driver=$driver kbind_blk.timeout=$tmo kbind_blk.tests=$(IFS=,; echo "${left[*]}")" \
			--timeout $((${#left[@]} * (tmo * 8 + 300) + 600)) \
			--idle-timeout $((tmo * 8 + 420)) \
			>"$logdir.tap" 2>&1
		: >"$logdir.tap.done"
		parse_run "$label" "$driver" "$rep" "${left[*]}" "$logdir.tap"
		done_now=$(cat "$logdir.tap.done")
		n=${#left[@]}
		local -a rest=()
		for t in "${left[@]}"; do
			grep -qx "$t" <<<"$done_now" || rest+=("$t")
		done
		left=("${rest[@]}")
		[ ${#left[@]} -lt "$n" ] || {
			for t in "${left[@]}"; do
				record "$label" "$driver" "$rep" "$t" notrun \
					"the VM made no progress (${logdir#"$root"/}.tap)"
			done
			FAILED=1
			break
		}
	done
}

skip_all() {	# label driver reason: every test skipped
	local t

	for t in "${TESTS[@]}"; do
		for ((r = 1; r <= REPEAT; r++)); do
			record "$1" "$2" "$r" "$t" skip "$3"
		done
	done
}

run_kernel() {
	local krel label kdir image modroot driver r start

	read -r krel label kdir image modroot <<<"$(kernel_line "$1")"
	[ -n "$krel" ] || die "no kernel $1 (scripts/kernels.sh --all)"
	RUN_LABELS+=("$label")
	if [ -z "$HAVE_BLKTESTS" ]; then
		for driver in $DRIVERS; do
			skip_all "$label" "$driver" "$NO_BLKTESTS"
		done
		return
	fi
	start=$SECONDS
	build_initramfs "$krel" "$label" "$kdir" "$modroot" || {
		echo "not ok - blktests $label: guest initramfs (build/blktests/$label/mkinitramfs.log)"
		FAILED=1
		return
	}
	echo "# blktests $label: initramfs built in $((SECONDS - start)) s" >&2
	for driver in $DRIVERS; do
		if [ "$driver" = kbind ] && [ -z "$HAS_DROPIN" ]; then
			skip_all "$label" "$driver" "drop-in not built ($(dropin_of "$krel" | sed "s|$root/||"))"
			continue
		fi
		for ((r = 1; r <= REPEAT; r++)); do
			start=$SECONDS
			run_driver "$krel" "$label" "$image" "$driver" "$r"
			echo "# blktests $label $driver run $r: $((SECONDS - start)) s" >&2
		done
	done
}

# "pass", "fail: why", "skip: why", "k/N passed" over the repeats.
cell() {	# label driver test
	local r st why n_pass=0 n_fail=0 n_skip=0 n_not=0 first=

	for ((r = 1; r <= REPEAT; r++)); do
		st=${RES[$1|$2|$r|$3]-notrun}
		case $st in
		pass) n_pass=$((n_pass + 1)) ;;
		fail) n_fail=$((n_fail + 1)) ;;
		skip) n_skip=$((n_skip + 1)) ;;
		*) n_not=$((n_not + 1)) ;;
		esac
		why=${WHY[$1|$2|$r|$3]-}
		[ -n "$first" ] || [ "$st" = pass ] || first="$st${why:+: $why}"
	done
	if [ "$REPEAT" -gt 1 ] && [ $((n_pass + n_fail)) -gt 0 ]; then
		echo "$n_pass/$REPEAT passed${first:+ ($first)}"
	elif [ "$n_pass" -eq "$REPEAT" ]; then
		echo pass
	elif [ -n "$first" ]; then
		case $first in notrun*) first="not run${first#notrun}" ;; esac
		echo "$first"
	else
		echo "not run"
	fi
}

passed_all() {	# label driver test: did it pass in every repeat?
	local r

	for ((r = 1; r <= REPEAT; r++)); do
		[ "${RES[$1|$2|$r|$3]-}" = pass ] || return 1
	done
}

print_table() {
	local row label t s k secs_s secs_k w=62
	local n_s n_k reg=0

	printf '%-6s %-28s %-*s %s\n' kernel test "$w" stock kbind
	for row in "${ROWS[@]}"; do
		label=${row%%|*}
		t=${row#*|}
		s=$(cell "$label" stock "$t" | cut -c1-$w)
		k=$(cell "$label" kbind "$t" | cut -c1-$w)
		printf '%-6s %-28s %-*s %s\n' "$label" "$t" "$w" "$s" "$k"
	done
	echo
	for label in "${RUN_LABELS[@]}"; do
		for s in $DRIVERS; do
			n_s=0 n_k=0 k=0 t=0
			for row in "${ROWS[@]}"; do
				[ "${row%%|*}" = "$label" ] || continue
				if passed_all "$label" "$s" "${row#*|}"; then
					n_s=$((n_s + 1))
					continue
				fi
				case $(cell "$label" "$s" "${row#*|}") in
				fail*|[0-9]*/[0-9]*" passed"*) n_k=$((n_k + 1)) ;;
				skip*) k=$((k + 1)) ;;
				*) t=$((t + 1)) ;;
				esac
			done
			echo "$label $s: $n_s passed, $n_k failed or flaky, $k skipped, $t not run"
		done
		[[ " $DRIVERS " == *" stock "*" kbind "* ]] || continue
		for row in "${ROWS[@]}"; do
			[ "${row%%|*}" = "$label" ] || continue
			passed_all "$label" stock "${row#*|}" || continue
			! passed_all "$label" kbind "${row#*|}" || continue
			case $(cell "$label" kbind "${row#*|}") in skip:\ drop-in*) continue ;; esac
			echo "$label: passes on stock, not on the drop-in: ${row#*|}"
			reg=1
		done
	done
	echo
	echo "per-test wall time in the guest (s, last repeat): test stock kbind"
	for row in "${ROWS[@]}"; do
		label=${row%%|*}
		t=${row#*|}
		secs_s=${SECS[$label|stock|$t]-}
		secs_k=${SECS[$label|kbind|$t]-}
		[ -n "$secs_s$secs_k" ] || continue
		printf '%-6s %-28s %6s %6s\n' "$label" "$t" "${secs_s:--}" "${secs_k:--}"
	done
	[ "$reg" -eq 0 ] || FAILED=1
}

# TAP for tests/run.sh: one case per test and variant, on the drop-in.
print_tap() {
	local row label t st r why name

	for label in "${RUN_LABELS[@]}"; do
		for t in "${WANT[@]}"; do
			[ -n "${SEEN_ROW[$label|$t]-}" ] ||
				record "$label" kbind 1 "$t" notrun "no result"
		done
	done
	for row in "${ROWS[@]}"; do
		label=${row%%|*}
		t=${row#*|}
		# a variant the list does not ask for (it fails on stock)
		if [[ $t =~ ^[a-z]+/[0-9]+ ]] &&
		   ! printf '%s\n' "${WANT[@]}" | grep -qxF "$t"; then
			continue
		fi
		name="blktests $label $t (drop-in)"
		for ((r = 1; r <= REPEAT; r++)); do
			st=${RES[$label|kbind|$r|$t]-notrun}
			why=${WHY[$label|kbind|$r|$t]-}
			case $st in
			pass) echo "ok - $name" ;;
			skip)
				if [ -z "$HAVE_BLKTESTS" ] || [[ $why == "drop-in not built"* ]]; then
					echo "ok - $name # SKIP $why"
				else
					echo "not ok - $name"
					echo "# passes on stock, skipped on the drop-in: $why"
				fi ;;
			*) echo "not ok - $name"; echo "# $st${why:+: $why}" ;;
			esac
		done
	done
}

write_pass_lists() {
	local label row t

	[ -n "$HAVE_BLKTESTS" ] || {
		echo "# no blktests: pass lists left as they are" >&2
		return 0
	}
	for label in "${RUN_LABELS[@]}"; do
		{
			echo "# SPDX-License-Identifier: GPL-2.0"
			echo "# blktests tests (and zoned variants) that pass on the stock"
			echo "# null_blk of $label in every repeat; generated by"
			echo "# make blktests KVER=$label BLKTESTS_WRITE_PASS_LIST=1"
			echo "# (blktests $(cat "$copy/.kbind-built" 2>/dev/null))."
			echo "# Left out, for make blktests' repeats: tests that time"
			echo "# I/O, flaky under TCG on both drivers ($TIMED_TESTS)."
			for row in "${ROWS[@]}"; do
				[ "${row%%|*}" = "$label" ] || continue
				t=${row#*|}
				timed "${t% (zoned)}" && continue
				passed_all "$label" stock "$t" && echo "$t"
			done
		} >"$PASS_DIR/pass-on-stock-$label"
		echo "# wrote $PASS_DIR/pass-on-stock-$label" >&2
	done
}

main() {
	local k start=$SECONDS
	local -a all

	parse_args "$@"
	HAVE_BLKTESTS=
	NO_BLKTESTS=
	if prepare_blktests; then
		HAVE_BLKTESTS=1
		[ ${#TESTS[@]} -gt 0 ] || mapfile -t TESTS < <(null_blk_tests)
	else
		NO_BLKTESTS="blktests not found (set BLKTESTS=DIR; looked in $src)"
		[ -d "$src/tests" ] && NO_BLKTESTS="blktests at $src could not be copied or built"
		echo "blktests: $NO_BLKTESTS: every case is skipped" >&2
		# shellcheck disable=SC2206
		[ ${#TESTS[@]} -gt 0 ] || TESTS=($FALLBACK_TESTS)
	fi
	WANT=("${TESTS[@]}")
	# The base names: check runs a zoned variant itself.
	mapfile -t TESTS < <(printf '%s\n' "${TESTS[@]}" | sed 's/ (zoned)$//' | awk '!s[$0]++')
	if [ -z "$KERNELS" ]; then
		KERNELS=$("$root/scripts/kernels.sh" --short | awk '{ print $2 }')
		[ -z "$(kernel_line debug)" ] || KERNELS="$KERNELS debug"
	fi
	all=("${TESTS[@]}")
	for k in $KERNELS; do
		TESTS=("${all[@]}")
		[ "$k" != debug ] || [ -n "$TESTS_GIVEN" ] ||
			mapfile -t TESTS < <(printf '%s\n' "${all[@]}" |
				grep -xF "${FAULT_TESTS// /$'\n'}")
		run_kernel "$k"
	done
	if [ -n "$TAP" ]; then
		print_tap
	else
		print_table
		echo "# make blktests: $((SECONDS - start)) s in all; logs in build/blktests/"
	fi
	[ -z "$PASS_DIR" ] || write_pass_lists
	return "$FAILED"
}

main "$@"
