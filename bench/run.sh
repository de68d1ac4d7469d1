#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# "make bench": fio IOPS of kbind's null_blk against the stock null_blk.ko
# of each supported kernel (Debian's 6.1 and 6.12, kbind's 7.2), one QEMU (TCG) VM per kernel, both
# drivers loaded side by side with identical configfs settings (the guest
# half is bench/guest/10-null-blk-bench.sh). Writes into build/bench/:
# results.csv (every run), summary.csv, table.md and bench.svg (see
# bench/summarize.py and bench/plot.gp), and prints the table.
#
# Usage: bench/run.sh   (after "make modules"; "make bench" does both)
#
# Environment, for quick runs while developing:
#   BENCH_REPS=N       reps per cell and driver (default 7)
#   BENCH_RUNTIME=MS   fio runtime per run in ms (default 1000)
#   BENCH_RAMP=MS      fio ramp time per run in ms (default 200)
#   BENCH_CELLS=ERE    cells to run: an extended regular expression matching
#                      all of "RW,IODEPTH,NUMJOBS,MEM,IRQ", e.g.
#                      "randread,32,.*" (default: all 32)
#   BENCH_KERNELS=LIST kernel releases, among those of scripts/kernels.sh
#                      (default: all of them)

set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=$ROOT/build/bench
REPS=${BENCH_REPS:-7}
RUNTIME=${BENCH_RUNTIME:-1000}
RAMP=${BENCH_RAMP:-200}
CELLS=${BENCH_CELLS:-.*}
MEM_MB=2048
SIZE_MB=256

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

# run_kernel KVER LABEL IMAGE MODROOT: boot KVER once, append its runs to
# results.csv with LABEL (e.g. "6.1") as the kernel column.
run_kernel() {
	local kver=$1 label=$2 image=$3 modroot=$4 dir=$OUT/$1 kbind
	local start=$SECONDS rc=0

	kbind=$ROOT/build/$kver/drivers/null_blk/kbind_null_blk.ko
	[ -f "$kbind" ] || die "$kbind not built (make modules)"
	rm -rf "$dir"
	mkdir -p "$dir/guest"
	stock_ko "$kver" "$modroot" "$dir"
	cp "$ROOT"/bench/guest/*.sh "$dir/guest/"
	printf 'REPS=%s\nRUNTIME=%s\nRAMP=%s\nSIZE_MB=%s\nCELLS=%q\n' \
		"$REPS" "$RUNTIME" "$RAMP" "$SIZE_MB" "$CELLS" >"$dir/guest/bench.conf"
	echo "bench: $label ($kver): booting" >&2
	"$ROOT/tests/vm/run-vm.sh" --kver "$kver" --kernel "$image" \
		--modroot "$modroot" --label "$label" \
		--out "$dir" --mem "$MEM_MB" --timeout 1500 --kmod configfs \
		--bin /usr/bin/fio --ko "$dir/null_blk.ko $kbind" \
		--tests "$dir/guest" >"$dir/run-vm.log" 2>&1 || rc=$?
	echo "bench: $label: VM ran $((SECONDS - start)) s" >&2
	grep -v '^# bench,' "$dir/run-vm.log" | sed "s/^/bench: /" >&2
	[ "$rc" -eq 0 ] || die "$label: the VM run failed (logs in $dir)"
	sed -n "s/^bench,/$label,/p" "$dir/results.tap" >>"$OUT/results.csv"
}

main() {
	local kver label image modroot start=$SECONDS

	mkdir -p "$OUT"
	echo kernel,rw,iodepth,numjobs,memory_backed,irqmode,rep,driver,iops \
		>"$OUT/results.csv"
	while read -r kver label _ image modroot; do
		[ -z "${BENCH_KERNELS:-}" ] ||
			[[ " $BENCH_KERNELS " == *" $kver "* ]] || continue
		run_kernel "$kver" "$label" "$image" "$modroot"
	done < <("$ROOT/scripts/kernels.sh" --all)
	python3 -B "$ROOT/bench/summarize.py" "$OUT"
	gnuplot -e "dir='$OUT'" "$ROOT/bench/plot.gp"
	echo "bench: $((SECONDS - start)) s; results.csv, summary.csv," \
		"table.md and bench.svg in $OUT" >&2
}

main "$@"
