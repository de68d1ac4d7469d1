# SPDX-License-Identifier: GPL-2.0
#
# Counting half of "make bench" for null_blk (busybox sh, in the VM whose
# QEMU counts instructions, see icount.lib): for each cell of nullb.lib,
# one device per driver, then for each driver a warm-up fio run of IOS I/Os
# in all (split between the jobs; it takes in what the previous cell left
# behind: pages its device freed, say) and four counted ones with the same
# random offsets (randrepeat), of IOS, 2 x IOS, IOS and 2 x IOS I/Os, each a
# phase of its own. What a run does
# besides its I/Os (starting fio, opening the device) is the same in each,
# so the difference between the second and the first, and between the
# fourth and the third, are two measures of what IOS I/Os cost; two, to
# show they agree. A memory-backed device is written in full first for
# random writes, so that every one overwrites a page (without, the first
# run would allocate more pages than the others). Zoned writes count whole
# zones (N, IOS rounded down to a multiple of a zone's blocks) after a
# warm-up of 2N, so that every run starts on full zones and both
# differences reset N's worth of zones (fio's zbd mode resets a full zone
# before writing it again). One line per driver and cell:
#
#	icount-nullb,RW,IODEPTH,NUMJOBS,MEM,IRQ,DRIVER,I1,M1,I2,M2,I3,M3,I4,M4
#
# Ik I/Os ran in the phase the plugin reports under marker Mk. Parameters
# from ./bench.conf: IOS, SIZE_MB, CELLS.

# shellcheck shell=dash
# shellcheck source-path=SCRIPTDIR source=../../tests/vm/guest/lib.sh
. /kbind/lib.sh
# shellcheck source=/dev/null
. ./bench.conf
# shellcheck source=nullb.lib
. ./nullb.lib
# shellcheck source=icount.lib
. ./icount.lib

# fio_ios RW QD JOBS DEV N: N I/Os in all on /dev/DEV; prints how many ran.
fio_ios() {
	local out

	{
		fio_global "$1" "$2" "$3"
		printf 'randrepeat=1\nnumber_ios=%s\n[%s]\nfilename=/dev/%s\n' \
			$(($5 / $3)) "$4" "$4"
	} >/tmp/count.fio
	# terse v3: field 6 KiB read, 47 KiB written (4 KiB an I/O)
	out=$(fio --output-format=terse /tmp/count.fio 2>&1) || {
		kb_diag "icount: fio on $4 failed: $out"
		return 1
	}
	printf '%s\n' "$out" | awk -F';' '$1 == 3 { print ($6 + $47) / 4 }'
}

# fill DEV: write all of /dev/DEV once, sequentially.
fill() {
	local out

	out=$(fio --name=fill --filename="/dev/$1" --ioengine=io_uring \
		--direct=1 --rw=write --bs=1M --iodepth=4 2>&1) || {
		kb_diag "icount: filling $1 failed: $out"
		return 1
	}
}

# count CELL RW QD JOBS MEM DRIVER DEV: one case (a cell not counted
# fails the bench rather than leave a hole in its table).
count() {
	local n=$IOS line="icount-nullb,$1,$6" ios zone=$((ZONE_MB * 256))
	local name="icount: $1 $6" warm

	[ "$2,$5" != randwrite,1 ] || fill "$7" ||
		{ kb_fail "$name" "fill failed"; return 1; }
	warm=$n
	if [ "$2" = zoned-write ]; then
		n=$((IOS / zone * zone))
		warm=$((2 * n))
	fi
	fio_ios "$2" "$3" "$4" "$7" "$warm" >/dev/null && mark ||
		{ kb_fail "$name" "the warm-up failed"; return 1; }
	for n in "$n" $((2 * n)) "$n" $((2 * n)); do
		ios=$(fio_ios "$2" "$3" "$4" "$7" "$n") && mark ||
			{ kb_fail "$name" "a counted run failed"; return 1; }
		line=$line,$ios,$MARKS
	done
	echo "$line" >"$KB_RESULTS"
	kb_pass "$name"
}

# cell RW QD JOBS MEM IRQ
cell() {
	local id="$1,$2,$3,$4,$5"

	mkdevs "$1" "$4" "$5" || {
		kb_fail "icount: $id" "no devices"
		return 1
	}
	count "$id" "$1" "$2" "$3" "$4" stock sbench
	count "$id" "$1" "$2" "$3" "$4" kbind kbench
	rmdev $STOCK sbench
	rmdev $KBIND kbench
}

main() {
	online_cpus || {
		kb_fail "icount: online every vCPU" "a vCPU failed to come up"
		return 1
	}
	if ! insmod "$KB_MODULES/null_blk.ko" nr_devices=0 ||
		! insmod "$KB_MODULES/kbind_null_blk.ko" nr_devices=0; then
		kb_fail "icount: load the drivers" "insmod failed"
		return 1
	fi
	syms
	for_each_cell cell
	# both stay loaded: nothing needs them gone
}

main
