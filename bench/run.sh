#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# "make bench": kbind's null_blk against the stock null_blk.ko of each
# supported kernel (Debian's 6.1 and 6.12, kbind's 7.2), both drivers
# loaded side by side with identical configfs settings, in QEMU (TCG) VMs:
#
#  - fio IOPS, one VM per kernel (bench/guest/10-null-blk-bench.sh);
#  - guest instructions per I/O, exactly, in the whole guest and in each
#    driver's own text: one more VM per kernel, its QEMU single-threaded,
#    in icount mode (virtual time from the instruction count) and running
#    the bench/plugin/kbind_icount.c plugin; the guest half is
#    bench/guest/10-null-blk-icount.sh, the kernel's function symbols come
#    from one more short boot (bench/guest/kallsyms.sh, cached in
#    build/bench-syms/ while the kernel image is unchanged).
#
# Writes into build/bench/: results.csv (every IOPS run), summary.csv,
# table.md and bench.svg (see bench/summarize.py and bench/plot.gp), and
# icount.csv, icount.md, icount-functions.md and icount.svg (see
# bench/icount.py), and prints the tables.
#
# Usage: bench/run.sh   (after "make modules"; "make bench" does both)
#
# Environment, for quick runs while developing:
#   BENCH_REPS=N       IOPS reps per cell and driver (default 5)
#   BENCH_RUNTIME=MS   fio runtime per IOPS run in ms (default 1000)
#   BENCH_RAMP=MS      fio ramp time per IOPS run in ms (default 200)
#   BENCH_IOS=N        I/Os in the shorter counted phase (default 10000)
#   BENCH_OPS=N        the same for the misc and edu round trips (default
#                      10000) and BENCH_PHY_OPS for the PHY's (default 1000)
#   BENCH_CELLS=ERE    cells to run: an extended regular expression matching
#                      all of "RW,IODEPTH,NUMJOBS,MEM,IRQ", e.g.
#                      "randread,32,.*" (default: all 32)
#   BENCH_KERNELS=LIST kernel releases, among those of scripts/kernels.sh
#                      (default: all of them)
#   BENCH_ONLY=iops|icount  one half only

set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=$ROOT/build/bench
REPS=${BENCH_REPS:-5}
RUNTIME=${BENCH_RUNTIME:-1000}
RAMP=${BENCH_RAMP:-200}
CELLS=${BENCH_CELLS:-.*}
IOS=${BENCH_IOS:-10000}
OPS=${BENCH_OPS:-10000}
PHY_OPS=${BENCH_PHY_OPS:-1000}
ONLY=${BENCH_ONLY:-}
MEM_MB=2048
SIZE_MB=256
CACHE=${KBIND_CACHE:-/var/cache/kbind}
FIO=$CACHE/fio/bin/fio
PLUGIN=$OUT/kbind_icount.so
KBMARK=$OUT/kbmark
OP_LOOP=$OUT/op_loop
# QEMU for the counts: one thread for every vCPU (the plugin's inline adds
# are not atomic), virtual time from the instruction count (1 ns each,
# idle time skipped) and a fixed seed for the guest's random numbers, so
# that what the guest does depends as little as can be on the host.
COUNT_ACCEL=tcg,thread=single
COUNT_QEMU="-icount shift=0,sleep=off -seed 1"
# The counting guest's kernel: where kallsyms.sh listed it (nokaslr); one
# CPU at boot, the other brought up by the guest (6.1 hangs bringing it up
# at boot in this mode); the TSC as clocksource, as on real machines (6.1
# finds the vCPUs' TSCs unsynchronised and falls back to the HPET, whose
# reads are device accesses, and fio reads the time at every I/O); no
# transparent huge pages (whether fio's memory got one varied from run to
# run, and clearing one is two million counted instructions).
COUNT_APPEND="nokaslr maxcpus=1 tsc=reliable transparent_hugepage=never"

die() {
	echo "bench: $*" >&2
	exit 1
}

# stock_ko KVER MODROOT DIR: the stock null_blk.ko of KVER (under
# MODROOT/lib/modules), decompressed into DIR.
stock_ko() {
	local src=$2/lib/modules/$1/kernel/drivers/block/null_blk/null_blk.ko

	if [ -f "$src" ]; then
		cp "$src" "$3/null_blk.ko"
	elif [ -f "$src.xz" ]; then
		xz -dc "$src.xz" >"$3/null_blk.ko"
	else
		die "$src(.xz) not found"
	fi
}

# The plugin and the marker program, built here (not by "make"): only the
# bench needs them, and the plugin needs qemu-plugin.h (deps.sh --bench).
build_tools() {
	local inc=$CACHE/qemu-plugin/include

	[ -f "$inc/qemu-plugin.h" ] ||
		die "$inc/qemu-plugin.h missing (scripts/deps.sh --bench)"
	gcc -shared -fPIC -O2 -Wall -Werror -I"$inc" -o "$PLUGIN" \
		"$ROOT/bench/plugin/kbind_icount.c" -lpthread
	gcc -static -O2 -Wall -Werror -o "$KBMARK" "$ROOT/bench/user/kbmark.c"
	gcc -static -O2 -Wall -Werror -I"$ROOT/drivers" -o "$OP_LOOP" \
		"$ROOT/bench/user/op_loop.c"
}

# run_vm KVER IMAGE MODROOT LABEL DIR NAME ARGS...: run-vm.sh into DIR,
# its output in DIR/run-vm.log; the guest's cases and notes but for the
# result lines go to stderr.
run_vm() {
	local kver=$1 image=$2 modroot=$3 label=$4 dir=$5 name=$6 rc=0
	local start=$SECONDS

	shift 6
	"$ROOT/tests/vm/run-vm.sh" --kver "$kver" --kernel "$image" \
		--modroot "$modroot" --label "$label" --out "$dir" "$@" \
		>"$dir/run-vm.log" 2>&1 || rc=$?
	echo "bench: $label: $name VM ran $((SECONDS - start)) s" >&2
	grep -Ev '^# (bench|icount[-a-z]*|ksym[-a-z]*),' "$dir/run-vm.log" |
		sed "s/^/bench: /" >&2
	[ "$rc" -eq 0 ] || die "$label: the $name VM run failed (logs in $dir)"
}

# run_iops KVER LABEL IMAGE MODROOT: append the kernel's IOPS runs to
# results.csv with LABEL (e.g. "6.1") as the kernel column.
run_iops() {
	local kver=$1 label=$2 dir=$OUT/$1/iops

	mkdir -p "$dir/guest"
	cp "$ROOT/bench/guest/10-null-blk-bench.sh" \
		"$ROOT/bench/guest/nullb.lib" "$dir/guest/"
	printf 'REPS=%s\nRUNTIME=%s\nRAMP=%s\nSIZE_MB=%s\nCELLS=%q\n' \
		"$REPS" "$RUNTIME" "$RAMP" "$SIZE_MB" "$CELLS" >"$dir/guest/bench.conf"
	run_vm "$kver" "$3" "$4" "$label" "$dir" IOPS --mem "$MEM_MB" \
		--timeout 1500 --kmod configfs --bin "$FIO" \
		--ko "$OUT/$kver/null_blk.ko $OUT/$kver/kbind_null_blk.ko" \
		--tests "$dir/guest"
	sed -n "s/^bench,/$label,/p" "$dir/results.tap" >>"$OUT/results.csv"
}

# kernel_syms KVER LABEL IMAGE MODROOT: build/bench-syms/KVER/kallsyms
# ("ADDRESS NAME", the kernel's function symbols) and .../starts (their
# addresses, then the image's end: the plugin's syms=), from a boot with
# nokaslr; kept while the image is unchanged.
kernel_syms() {
	local dir=$ROOT/build/bench-syms/$1 sum

	sum=$(sha256sum <"$3")
	[ "$(cat "$dir/image.sha256" 2>/dev/null)" != "$sum" ] ||
		[ ! -s "$dir/starts" ] || return 0
	rm -rf "$dir"
	mkdir -p "$dir/guest"
	cp "$ROOT/bench/guest/kallsyms.sh" "$dir/guest/"
	run_vm "$1" "$3" "$4" "$2" "$dir" symbols --append nokaslr \
		--timeout 600 --tests "$dir/guest"
	sed -n 's/^ksym,\([^,]*\),\(.*\)$/\1 \2/p' "$dir/results.tap" |
		sort >"$dir/kallsyms"
	{ cut -d' ' -f1 "$dir/kallsyms" | uniq
	  sed -n 's/^ksym-end,//p' "$dir/results.tap"; } >"$dir/starts"
	[ "$(wc -l <"$dir/starts")" -gt 1000 ] ||
		die "$2: no kernel symbols listed (logs in $dir)"
	echo "$sum" >"$dir/image.sha256"
}

# run_icount KVER LABEL IMAGE MODROOT: the counting VM; its results stay
# in OUT/KVER/icount/ (results.tap, icount.txt) for bench/icount.py. Its
# guest counts null_blk (bench/guest/10-null-blk-icount.sh), then the
# misc and edu samples against their raw twins and the PHY driver against
# the stock one (20-ops-icount.sh).
run_icount() {
	local kver=$1 label=$2 dir=$OUT/$1/icount mods m

	kernel_syms "$@"
	mkdir -p "$dir/guest"
	cp "$ROOT/bench/guest/10-null-blk-icount.sh" \
		"$ROOT/bench/guest/20-ops-icount.sh" \
		"$ROOT/bench/guest/nullb.lib" "$ROOT/bench/guest/icount.lib" \
		"$dir/guest/"
	printf 'IOS=%s\nOPS=%s\nPHY_OPS=%s\nSIZE_MB=%s\nCELLS=%q\n' \
		"$IOS" "$OPS" "$PHY_OPS" "$SIZE_MB" "$CELLS" \
		>"$dir/guest/bench.conf"
	mods="$OUT/$kver/null_blk.ko $OUT/$kver/kbind_null_blk.ko"
	for m in drivers/samples/misc/kbind_misc_sample \
		 drivers/samples/pci/kbind_edu bench/modules/kb_bench_raw_misc \
		 bench/modules/kb_bench_raw_edu drivers/ax88796b/kbind_ax88796b \
		 tests/modules/kb_mdio_emu; do
		[ -f "$ROOT/build/$kver/$m.ko" ] ||
			die "$ROOT/build/$kver/$m.ko not built (make modules)"
		mods="$mods $ROOT/build/$kver/$m.ko"
	done
	run_vm "$kver" "$3" "$4" "$label" "$dir" counting --mem "$MEM_MB" \
		--timeout 3000 --kmod "configfs libphy" --kmod-stage ax88796b \
		--bin "$FIO $KBMARK $OP_LOOP" \
		--ko "$mods" --tests "$dir/guest" --append "$COUNT_APPEND" \
		--accel "$COUNT_ACCEL" --qemu-args "$COUNT_QEMU -device edu \
-plugin $PLUGIN,out=$dir/icount.txt,syms=$ROOT/build/bench-syms/$kver/starts"
	echo "$kver $label $ROOT/build/bench-syms/$kver/kallsyms $dir" \
		>>"$OUT/icount.runs"
}

# run_kernel KVER LABEL IMAGE MODROOT
run_kernel() {
	local kver=$1 kbind

	kbind=$ROOT/build/$kver/drivers/null_blk/kbind_null_blk.ko
	[ -f "$kbind" ] || die "$kbind not built (make modules)"
	rm -rf "${OUT:?}/$kver"
	mkdir -p "$OUT/$kver"
	stock_ko "$kver" "$4" "$OUT/$kver"
	cp "$kbind" "$OUT/$kver/"
	echo "bench: $2 ($kver): booting" >&2
	[ "$ONLY" = icount ] || run_iops "$@"
	[ "$ONLY" = iops ] || run_icount "$@"
}

main() {
	local kver label image modroot start=$SECONDS

	mkdir -p "$OUT"
	rm -f "$OUT"/{summary.csv,table.md,plot.dat,bench.svg} \
		"$OUT"/icount{.csv,.md,-functions.md,.dat,.svg}
	build_tools
	echo kernel,rw,iodepth,numjobs,memory_backed,irqmode,rep,driver,iops \
		>"$OUT/results.csv"
	: >"$OUT/icount.runs"
	while read -r kver label _ image modroot; do
		[ -z "${BENCH_KERNELS:-}" ] ||
			[[ " $BENCH_KERNELS " == *" $kver "* ]] || continue
		run_kernel "$kver" "$label" "$image" "$modroot"
	done < <("$ROOT/scripts/kernels.sh" --all)
	if [ "$ONLY" != icount ]; then
		python3 -B "$ROOT/bench/summarize.py" "$OUT"
		gnuplot -e "dir='$OUT'" "$ROOT/bench/plot.gp"
	fi
	if [ "$ONLY" != iops ]; then
		python3 -B "$ROOT/bench/icount.py" "$OUT"
		gnuplot -e "dir='$OUT'" "$ROOT/bench/icount.gp"
	fi
	echo "bench: $((SECONDS - start)) s; results in $OUT" >&2
}

main "$@"
