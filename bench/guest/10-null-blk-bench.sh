# SPDX-License-Identifier: GPL-2.0
#
# Guest half of "make bench" (busybox sh, run by the test VM's /init):
# loads the stock null_blk.ko and kbind_null_blk.ko from /kbind/modules with
# no devices, then for each cell of the matrix (rw x iodepth x numjobs x
# memory_backed x irqmode) creates one device per driver through configfs
# with identical attributes and runs one fio over both, the two drivers
# interleaved rep by rep (stock first on odd reps, kbind first on even ones);
# the cells and devices are those of nullb.lib. Prints one result line per
# run on the results channel:
#
#	bench,RW,IODEPTH,NUMJOBS,MEM,IRQ,REP,DRIVER,IOPS
#
# Parameters come from ./bench.conf, written by bench/run.sh: REPS, RUNTIME
# and RAMP (ms), SIZE_MB, and CELLS, an extended regular expression that
# selects the cells to run by "RW,IODEPTH,NUMJOBS,MEM,IRQ".

# shellcheck shell=dash
# shellcheck source-path=SCRIPTDIR source=../../tests/vm/guest/lib.sh
. /kbind/lib.sh
# shellcheck source=/dev/null
. ./bench.conf
# shellcheck source=nullb.lib
. ./nullb.lib

# jobfile RW QD JOBS: fio job file for one cell on stdout, one stonewalled
# job per driver and rep, named DRIVER-REP.
jobfile() {
	local rep=1

	fio_global "$@"
	cat <<-END
	randrepeat=0
	time_based=1
	runtime=${RUNTIME}ms
	ramp_time=${RAMP}ms
	END
	while [ $rep -le "$REPS" ]; do
		if [ $((rep % 2)) -eq 1 ]; then
			printf '[stock-%s]\nfilename=/dev/sbench\n' $rep
			printf '[kbind-%s]\nfilename=/dev/kbench\n' $rep
		else
			printf '[kbind-%s]\nfilename=/dev/kbench\n' $rep
			printf '[stock-%s]\nfilename=/dev/sbench\n' $rep
		fi
		rep=$((rep + 1))
	done
}

# cell RW QD JOBS MEM IRQ: one device per driver, one fio, result lines.
cell() {
	local id="$1,$2,$3,$4,$5" out sched

	mkdevs "$1" "$4" "$5" || return 1
	sched=$(cat /sys/block/sbench/queue/scheduler)
	[ "$sched" = "$(cat /sys/block/kbench/queue/scheduler)" ] ||
		kb_diag "bench: $id: the I/O schedulers differ"
	jobfile "$1" "$2" "$3" >/tmp/cell.fio
	# terse v3: field 3 job name, 8 read IOPS, 49 write IOPS
	if out=$(fio --output-format=terse /tmp/cell.fio 2>&1); then
		printf '%s\n' "$out" | awk -F';' -v id="$id" '
			$1 == 3 { split($3, j, "-")
				  printf "bench,%s,%s,%s,%d\n", id, j[2], j[1], $8 + $49 }' \
			>"$KB_RESULTS"
	else
		kb_diag "bench: $id: fio failed: $out"
	fi
	rmdev $STOCK sbench
	rmdev $KBIND kbench
}

main() {
	if ! insmod "$KB_MODULES/null_blk.ko" nr_devices=0 ||
		! insmod "$KB_MODULES/kbind_null_blk.ko" nr_devices=0; then
		kb_fail "bench: load the drivers" "insmod failed"
		return 1
	fi
	for_each_cell cell
	rmmod kbind_null_blk null_blk
}

main
