#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Run every kbind test: install what is missing, build for each supported
# kernel, then the compile-fail cases, the style checks, the Coccinelle
# rules' cases, the VM suite on each kernel and blktests' null_blk tests on
# kbind's drop-in (7.2). The debug kernel's VM suite, the longest part,
# runs in the background from the start, in two VMs; the other kernels'
# VM suites and blktests run in the background too, each once a debug VM
# has ended. Background cases are printed last. Every case prints one
# "ok"/"not ok" line; the last line is "N passed, N failed[, N skipped]" and
# the exit status is non-zero if any case failed. Logs stay in build/test/.

set -uo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 1
log=$root/build/test
# Every gcc through ccache (Debian's masquerading directory), in the cache
# the test kernels' builds use: the modules, compile-fail's correct
# variants and sparse's builds are the same from one run to the next. A
# failing compile is not cached, so compile-fail's misuses always compile.
export PATH=/usr/lib/ccache:$PATH
export CCACHE_DIR=${KBIND_CACHE:-/var/cache/kbind}/ccache
# The devices the PCI samples drive.
qemu_devices="-device pci-testdev -device edu"
# Kernel modules the guests load at boot, and the stock PHY driver the
# PHY tests compare kbind's with (staged, loaded by the test).
guest_kmods="configfs libphy"
guest_kmod_stage=ax88796b
# What the guests run besides busybox: our test programs, fio (built
# static by scripts/deps.sh, which says why) and blkzone (zoned null_blk).
guest_bins() {
	echo build/user/* "${KBIND_CACHE:-/var/cache/kbind}/fio/bin/fio" \
		/usr/sbin/blkzone
}
mkdir -p "$log"
: > "$log/results"

# The stages, timed into build/test/times.log: wall time, and CPU time of
# the processes the stage waited for (the machine has 2 cores, and CPU
# time is what the run's budget is spent in).
: > "$log/times.log"
rm -f "$log"/bg-*
stage_t0=$SECONDS
stage_cpu0=0
# cpu_of FILE: seconds of CPU in the children's line of a "times" output
cpu_of() {
	awk 'END { for (i = 1; i <= 2; i++) { split($i, a, /[ms]/)
		s += a[1] * 60 + a[2] }; printf "%d\n", s }' "$1"
}
# (A background job's CPU joins the stage during which it ended: each
# job's own figure is printed apart at the end.)
stage_done() {	# NAME: the stage that just ended
	local cpu

	# the children's user and system time (times in this shell: a
	# command substitution would be a subshell, with children of its own)
	times > "$log/.times"
	cpu=$(cpu_of "$log/.times")
	printf '%-44s wall %5d s  cpu %5d s\n' "$1" $((SECONDS - stage_t0)) \
		$((cpu - stage_cpu0)) >> "$log/times.log"
	stage_t0=$SECONDS
	stage_cpu0=$cpu
}

# Print and record TAP lines read from stdin (diagnostics pass through).
tap() {
	local line
	while IFS= read -r line; do
		printf '%s\n' "$line"
		case $line in
		ok\ *|not\ ok\ *) printf '%s\n' "$line" >> "$log/results" ;;
		esac
	done
}

# case NAME CMD...: one case from a command's exit status, output logged.
case_of() {
	local name=$1 out
	shift
	out=$log/$(echo "$name" | tr -c 'A-Za-z0-9._-' _).log
	if "$@" > "$out" 2>&1; then
		echo "ok - $name"
	else
		echo "not ok - $name (log: ${out#"$root"/})"
		tail -n 15 "$out" | sed 's/^/# /'
	fi
}

# The debug kernel: KASAN, kmemleak, lockdep, debug objects, KUnit and
# fault injection. The whole VM suite runs on it again, plus tests/debug/.
# debug_kernel builds (or reuses) it and its modules; debug_vm runs the
# suites.
debug_kernel() {
	local dk krel

	dk=$(scripts/test-kernel.sh debug 2>"$log/debug-kernel.log") || {
		echo "not ok - debug kernel: build (log: build/test/debug-kernel.log)"
		tail -n 20 "$log/debug-kernel.log" | sed 's/^/# /'
		return
	}
	echo "ok - debug kernel: built or reused ($dk)"
	krel=$(cat "$dk/release")
	case_of "build: modules for the debug kernel ($krel), fault injection" \
		make -s KDIR="$dk/build" KBIND_FAULT_INJECTION=y
}

# The debug suite runs in two VMs at once, each a chain of scripts about
# half as long (the whole of it in one guest was the longest chain of the
# run). The first takes these scripts, the second the rest; both load the
# fault point first.
debug_part1="10-misc-sample.sh 20-misc-owner.sh 30-platform-sample.sh
40-fault-sweep.sh 45-init-failure.sh 60-phy.sh"

debug_vm() {	# DK PART(1|2)
	local dk=$1 part=$2 krel stage t

	krel=$(cat "$dk/release")
	stage=$log/guest-debug-$part
	rm -rf "$stage"
	mkdir -p "$stage"
	cp -r tests/guest/. tests/debug/. "$stage/"
	for t in "$stage"/*.sh; do
		t=${t##*/}
		[ "$t" = 00-fault-point.sh ] && continue
		case " ${debug_part1//$'\n'/ } " in
		*" $t "*) [ "$part" = 1 ] ;;
		*) [ "$part" = 2 ] ;;
		esac || rm "$stage/$t"
	done
	mapfile -t kos < <(find "build/$krel" -name '*.ko' | sort)
	tests/vm/run-vm.sh --kver "$krel" --kernel "$dk/bzImage" \
		--modroot "$dk/modroot" --mem 2048 --kmod "kunit $guest_kmods" \
		--kmod-stage "$guest_kmod_stage" \
		--label "debug $part/2" --out "$log/vm-debug-$part" \
		--ko "${kos[*]}" --qemu-args "$qemu_devices" \
		--bin "$(guest_bins)" --tests "$stage" --timeout 3600
}

# The VM suite on each kernel (tests/guest), one after another.
vm_suites() {
	local k krel label image modroot kos kmods

	for k in "${kernels[@]}"; do
		read -r krel label _ image modroot <<< "$k"
		mapfile -t kos < <(find "build/$krel" -name '*.ko' | sort)
		kmods=$guest_kmods
		# KUnit suites were built iff the kernel has KUnit (80-kunit.sh)
		! compgen -G "build/$krel/kunit/*.ko" >/dev/null || kmods="kunit $kmods"
		tests/vm/run-vm.sh --kver "$krel" --kernel "$image" --modroot "$modroot" \
			--label "$label" --out "$log/vm-$label" \
			--ko "${kos[*]}" --bin "$(guest_bins)" \
			--kmod "$kmods" --kmod-stage "$guest_kmod_stage" \
			--qemu-args "$qemu_devices" \
			--tests tests/guest --timeout 600
	done
}

# blktests' null_blk tests on kbind's drop-in null_blk, on 7.2 only: the
# tests that pass on its stock null_blk, listed in
# tests/blktests/pass-on-stock-7.2 (make blktests KVER=7.2
# BLKTESTS_WRITE_PASS_LIST=1 rewrites it).
blktests_72() {
	local smp=2

	if [ ! -r tests/blktests/pass-on-stock-7.2 ]; then
		echo "not ok - blktests 7.2: tests/blktests/pass-on-stock-7.2" \
			"missing"
		return
	fi
	scripts/kernels.sh --short | grep -q ' 7\.2$' || return
	# 2 vCPUs, not make blktests' 4: many tests run a job per CPU, and
	# CPU time is what the run is short of; block/038 needs 4.
	! grep -qx 'block/038' tests/blktests/pass-on-stock-7.2 || smp=4
	BLKTESTS_SMP=$smp tests/blktests/run.sh --tap --kernels 7.2 \
		--drivers kbind --tests-from tests/blktests/pass-on-stock-7.2 \
		2>"$log/blktests.log"
}

# after_debug_vms N CMD...: run CMD once N of the debug VMs have ended
# (all of them, if fewer were started). A background job writes its
# bg-NAME.times when it ends.
after_debug_vms() {
	local n=$1 started=0 name

	shift
	for name in "${bg_names[@]}"; do
		[[ $name != debug-vm-* ]] || started=$((started + 1))
	done
	[ "$n" -le "$started" ] || n=$started
	while [ "$(compgen -G "$log/bg-debug-vm-*.times" | wc -l)" -lt "$n" ]; do
		sleep 5
	done
	"$@"
}

# background NAME CMD...: run CMD as a background job, its TAP and
# diagnostics into bg-NAME.tap and its CPU time into bg-NAME.times (NAME
# is part of a file name); the end of the run waits for each job in start
# order and reports its cases.
bg_names=()
bg_pids=()
background() {
	local name=$1

	shift
	{ "$@"; times > "$log/bg-$name.times"; } > "$log/bg-$name.tap" 2>&1 &
	bg_names+=("$name")
	bg_pids+=($!)
}

scripts/deps.sh || { echo "not ok - install dependencies"; exit 1; }
case_of "build: test programs (static)" make -s user | tap

# The debug kernel's run is the longest: it starts first and goes on in
# the background while everything else runs. Its cases are reported at
# the end.
debug_kernel | tap
stage_done "deps, test programs, debug kernel and modules"
if dk=$(scripts/test-kernel.sh debug --cached); then
	echo "# the debug kernel's VM suite runs in the background, in two" \
		"VMs (consoles: build/test/vm-debug-{1,2}/console.log)"
	background debug-vm-1 debug_vm "$dk" 1
	background debug-vm-2 debug_vm "$dk" 2
fi

# Debian unstable's 7.2, built here (cached: a no-op once built).
case_of "build: the 7.2 test kernel (scripts/test-kernel.sh 7.2)" \
	scripts/test-kernel.sh 7.2 | tap

mapfile -t kernels < <(scripts/kernels.sh --all)
[ ${#kernels[@]} -eq 3 ] ||
	echo "not ok - the three kernels (6.1, 6.12, 7.2) there" | tap

stage_done "7.2 kernel"

# Each kernel's modules first: the VM suites need them, and run in the
# background (below) while compile-fail and the checks take the foreground.
for k in "${kernels[@]}"; do
	read -r krel label kdir _ <<< "$k"
	case_of "build: modules for $label ($krel), -Werror" \
		make -s KDIR="$kdir" | tap
	stage_done "$label: modules"
done

# The three kernels' VM suites, one after another, and blktests on 7.2:
# two background jobs beside the foreground's checks, each started when a
# debug VM has ended and left its share of the 2 cores (in a cold run, the
# 7.2 kernel build outlasts the debug VMs, so both start at once).
# Measured warm, five jobs at once (two debug VMs, the VM suites, blktests,
# the checks; guests spin on vCPUs the host has preempted) cost 78 min of
# CPU against 61-64 and ended no sooner.
background vm-suites after_debug_vms 1 vm_suites
background blktests-7.2 after_debug_vms 2 blktests_72

for k in "${kernels[@]}"; do
	read -r krel label kdir _ <<< "$k"
	tests/compile-fail/run.sh "$krel" "$label" "$kdir" | tap
	stage_done "$label: compile-fail"
	tests/readme-example.sh "$krel" "$label" "$kdir" | tap
	stage_done "$label: README examples"
done

tests/style.sh | tap
stage_done "style, kernel-doc, sparse"
# A rule spatch cannot run stops cocci.sh: that must fail too.
{ scripts/cocci.sh test || echo "not ok - cocci: every rule's cases ran"; } | tap
stage_done "cocci"
case_of "docs: Doxygen API reference renders with zero warnings" \
	scripts/docs.sh | tap
stage_done "docs"

for i in "${!bg_names[@]}"; do
	wait "${bg_pids[$i]}"
	tap < "$log/bg-${bg_names[$i]}.tap"
done
stage_done "waiting for the background jobs"
for name in "${bg_names[@]}"; do
	printf '%-44s cpu %5d s (in the stage it ended in)\n' "$name" \
		"$(cpu_of "$log/bg-$name.times")" >> "$log/times.log"
done

skipped=$(grep -c '^ok .*# SKIP' "$log/results" || true)
failed=$(grep -c '^not ok ' "$log/results" || true)
passed=$(( $(grep -c '^ok ' "$log/results") - skipped ))
if [ "$skipped" -gt 0 ]; then
	echo "$passed passed, $failed failed, $skipped skipped"
else
	echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
