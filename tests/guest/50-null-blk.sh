# SPDX-License-Identifier: GPL-2.0
#
# kbind null_blk: devices from module parameters and from configfs, data
# integrity through every completion mode, discard, polled queues,
# parameter and attribute validation, power cycles keeping the data, fio
# verification, removal under fio, and unload only once the disks are
# closed and the device directories gone.

. /kbind/lib.sh
# shellcheck source=null-blk.lib
. /kbind/tests/null-blk.lib

# read_back [DEV]: the 4 MiB at 6.25 MiB of DEV (/dev/kbnullb0), read with
# direct I/O into /tmp/back.
read_back() {
	dd if="${1:-$DEV}" of=/tmp/back bs=64k skip=100 count=64 iflag=direct \
		2>/dev/null
}

# roundtrip [DEV]: write 4 MiB of random data there with direct I/O, read
# it back, compare (the data stays in /tmp/pat).
roundtrip() {
	local dev=${1:-$DEV}

	test -b "$dev" || return 1	# else dd would make a regular file
	dd if=/dev/urandom of=/tmp/pat bs=64k count=64 2>/dev/null &&
		dd if=/tmp/pat of="$dev" bs=64k seek=100 oflag=direct \
			2>/dev/null &&
		read_back "$dev" && cmp /tmp/pat /tmp/back
}

default_device() {
	test -b $DEV && test "$(blockdev --getsize64 $DEV)" = 268435456000 &&
		test "$(blockdev --getss $DEV)" = 512 &&
		test "$(cat /sys/block/kbnullb0/queue/rotational)" = 0
}
kb_case "null_blk: defaults: /dev/kbnullb0, 250 GiB, 512-byte blocks" \
	with_module "" default_device

for m in 0 1 2; do
	kb_case "null_blk: memory-backed, irqmode=$m: written data reads back" \
		with_module "memory_backed=1 gb=1 irqmode=$m" roundtrip
done

four_k() {
	test "$(blockdev --getss $DEV)" = 4096 && roundtrip
}
# 4 KiB requests at most: each 64 KiB write is 16 requests at once.
kb_case "null_blk: 4 KiB blocks, 2 queues of depth 4: more I/O than tags" \
	with_module "memory_backed=1 gb=1 bs=4096 submit_queues=2 hw_queue_depth=4 max_sectors=8" \
	four_k

zeros() {
	dd if=$DEV of=/tmp/z bs=64k skip=5000 count=16 iflag=direct 2>/dev/null &&
		dd if=/dev/zero of=/tmp/zero bs=64k count=16 2>/dev/null &&
		cmp /tmp/z /tmp/zero
}
discard() {
	zeros && roundtrip &&
		blkdiscard -o $((100 * 65536)) -l $((64 * 65536)) $DEV &&
		read_back && dd if=/dev/zero of=/tmp/zero bs=64k count=64 2>/dev/null &&
		cmp /tmp/back /tmp/zero &&
		partial_discard
}
# Discard 512 bytes in the middle of a written page: only they turn zero.
partial_discard() {
	roundtrip && blkdiscard -o $((100 * 65536 + 1024)) -l 512 $DEV &&
		read_back && dd if=/dev/zero of=/tmp/hole bs=512 count=1 2>/dev/null &&
		dd if=/tmp/hole of=/tmp/pat bs=512 seek=2 conv=notrunc \
			2>/dev/null &&
		cmp /tmp/pat /tmp/back
}
kb_case "null_blk: unwritten sectors read as zeros; discard zeroes" \
	with_module "memory_backed=1 gb=1 discard=1" discard
no_discard() {
	test "$(cat /sys/block/kbnullb0/queue/discard_max_bytes)" = 0 &&
		dmesg | grep -q 'discard option is ignored without memory backing'
}
kb_case "null_blk: discard ignored without memory backing" \
	with_module "discard=1" no_discard

# Other queues take 250 ms a request here (irqmode=2): polled I/O must not.
kb_case "null_blk: polled queue: io_uring IOPOLL I/O completes through .poll" \
	with_module "memory_backed=1 gb=1 poll_queues=2 irqmode=2 completion_nsec=250000000" \
	nullb_test polled_io

# fio_verify DEV: jobs at queue depths 1, 16 and 64 and block sizes 4-64
# KiB write their own 16 MiB of DEV (4 on the debug kernel), then read it
# back and check each block's crc32c; fio fails on the first mismatch.
fio_verify() {
	local mb=$((16 / KB_MB_SCALE))

	fio --name=global --filename="$1" --direct=1 --ioengine=io_uring \
		--verify=crc32c --verify_fatal=1 --size=${mb}m --bsrange=4k-64k \
		--name=qd1 --rw=randwrite --iodepth=1 --offset=0 \
		--name=qd16 --rw=randwrite --iodepth=16 --offset=${mb}m \
		--name=qd64 --rw=write --iodepth=64 --offset=$((2 * mb))m \
		--name=qd16-4k --rw=randwrite --iodepth=16 --bs=4k \
		--offset=$((3 * mb))m >/tmp/fio.out 2>&1
	local rc=$?

	[ $rc -eq 0 ] || tail -n 8 /tmp/fio.out
	return $rc
}
kb_case "null_blk: fio verify=crc32c, 4 jobs, depths 1-64: no mismatch" \
	with_module "memory_backed=1 gb=1 submit_queues=2" fio_verify $DEV
kb_case "null_blk: fio verify through timer completions, 8 tags a queue" \
	with_module "memory_backed=1 gb=1 irqmode=2 completion_nsec=20000 hw_queue_depth=8" \
	fio_verify $DEV
# The control: without memory backing nothing is stored, so verify fails.
kb_case "null_blk: fio verify fails on a device that stores nothing" \
	with_module "gb=1" eval '! fio_verify $DEV'

# configfs, in the style of the stock /sys/kernel/config/nullb.
grep -q ' /sys/kernel/config ' /proc/mounts ||
	mount -t configfs none /sys/kernel/config

# Two module devices on one tag set: blk-mq marks its queues shared. A
# configfs device joins it, with the module's queues, not its own.
shared_tags() {
	local f=/sys/kernel/debug/block/kbnullb0/hctx0/flags

	grep -q TAG_QUEUE_SHARED $f && roundtrip && roundtrip /dev/kbnullb1 &&
		make_dev cfs submit_queues=2 memory_backed=1 power=1 &&
		roundtrip /dev/cfs && test "$(ls /sys/block/cfs/mq)" = \
			"$(ls /sys/block/kbnullb0/mq)" &&
		echo 0 >$CFS/cfs/power && rmdir $CFS/cfs
}
kb_case "null_blk: shared_tags: devices share one tag set" \
	with_module "shared_tags=1 nr_devices=2 memory_backed=1 gb=1" \
	shared_tags
own_tags() {
	! grep -q TAG_QUEUE_SHARED /sys/kernel/debug/block/kbnullb0/hctx0/flags
}
kb_case "null_blk: without shared_tags each device has its own" \
	with_module "nr_devices=2" own_tags

# mbps=4: 4 MiB take about a second, not the blink they take unthrottled.
throttled() {
	local t0 t1

	read -r t0 _ </proc/uptime
	dd if=/dev/zero of=$DEV bs=64k count=64 oflag=direct 2>/dev/null ||
		return 1
	read -r t1 _ </proc/uptime
	echo "4 MiB at mbps=4 took $t0 -> $t1 s"
	test $(( ${t1%.*}${t1#*.} - ${t0%.*}${t0#*.} )) -ge 70
}
kb_case "null_blk: mbps=4 holds 4 MiB of writes to about a second" \
	with_module "mbps=4 gb=1" throttled

# fio_pattern DEV ARGS...: write 2 MiB of checksummed blocks at the start
# of DEV (ARGS: more fio options).
fio_pattern() {
	fio_pat "$@" --do_verify=0
}

# fio_check DEV ARGS...: check what fio_pattern DEV ARGS wrote there, block
# by block (fio syncs, that is flushes, before it reads them).
fio_check() {
	fio_pat "$@" --verify_only
}

fio_pat() {
	local dev=$1

	shift
	fio --name=pat --filename="$dev" --direct=1 --ioengine=psync \
		--rw=write --bs=64k --size=2m --verify=crc32c \
		"$@" >/tmp/fio-pat.out 2>&1 || {
		tail -n 4 /tmp/fio-pat.out
		return 1
	}
}

# Blocks of 0x5a instead of fio's random data, checked byte for byte.
FIO_5A="--verify=pattern --verify_pattern=0x5a"

# power_cycle NAME: configfs device NAME off and on again.
power_cycle() {
	echo 0 >$CFS/"$1"/power && echo 1 >$CFS/"$1"/power
}

# A volatile write cache: reads see what it holds; what was not flushed
# is gone after a power cycle; flushed and FUA (O_DSYNC) writes survive,
# and a FUA write over cached sectors is not undone by the next flush.
write_cache() {
	make_dev wc size=64 memory_backed=1 cache_size=16 power=1 &&
		test "$(cat /sys/block/wc/queue/write_cache)" = "write back" &&
		roundtrip /dev/wc && power_cycle wc && read_back /dev/wc &&
		! cmp -s /tmp/pat /tmp/back &&
		fio_pattern /dev/wc --end_fsync=1 && power_cycle wc &&
		fio_check /dev/wc &&
		dd if=/dev/urandom of=/dev/wc bs=64k count=32 oflag=direct \
			2>/dev/null &&
		fio_pattern /dev/wc --sync=dsync $FIO_5A &&
		fio_check /dev/wc $FIO_5A && power_cycle wc &&
		fio_check /dev/wc $FIO_5A &&
		echo 0 >$CFS/wc/power && rmdir $CFS/wc
}
kb_case "null_blk: cache_size: unflushed writes lost at power off, flush and FUA kept" \
	with_module "" write_cache

# A 1 MiB cache under 4 MiB of writes: it writes back the rest itself.
cache_full() {
	make_dev wf size=64 memory_backed=1 cache_size=1 power=1 &&
		fio_pattern /dev/wf --size=4m && power_cycle wf &&
		fio_check /dev/wf --size=3m &&
		echo 0 >$CFS/wf/power && rmdir $CFS/wf
}
kb_case "null_blk: cache_size=1 keeps at most 1 MiB unwritten" \
	with_module "" cache_full
no_cache() {
	test "$(cat /sys/block/kbnullb0/queue/write_cache)" = "write through"
}
kb_case "null_blk: no write cache without cache_size" with_module "" no_cache

three() {
	test -b /dev/kbnullb0 && test -b /dev/kbnullb1 && test -b /dev/kbnullb2 &&
		! test -e /dev/kbnullb3
}
kb_case "null_blk: nr_devices=3" with_module "nr_devices=3" three

clamped_bs() {
	test "$(blockdev --getss $DEV)" = 4096 &&
		dmesg | grep -q 'defaults block size to 4096'
}
kb_case "null_blk: bs above a page is clamped to it, as stock" \
	with_module "bs=8192" clamped_bs

# refused ARGS: loading with ARGS fails with EINVAL and leaves nothing.
refused() {
	! kb_insmod "$KO" "$@" && ! grep -q '^kbind_null_blk ' /proc/modules &&
		! test -e $DEV
}
for args in queue_mode=1 irqmode=3 bs=1000 bs=256 hw_queue_depth=0 gb=-1 \
	poll_queues=-1 nr_devices=x mbps=-1 cache_size=-1 shared_tags=2; do
	kb_case "null_blk: $args refused" refused "$args"
done

cfs_features() {
	grep -q memory_backed $CFS/features && grep -q power $CFS/features
}
kb_case "null_blk configfs: features listed" with_module "" cfs_features

cfs_create() {
	make_dev cfa size=2048 blocksize=4096 memory_backed=1 power=1 &&
		test "$(blockdev --getsize64 /dev/cfa)" = $((2048 << 20)) &&
		test "$(blockdev --getss /dev/cfa)" = 4096 &&
		test "$(cat $CFS/cfa/power)" = 1 &&
		echo 0 >$CFS/cfa/power && ! test -e /dev/cfa && rmdir $CFS/cfa
}
kb_case "null_blk configfs: create, configure, power on: /dev/NAME as set" \
	with_module "" cfs_create

cfs_checks() {
	make_dev cfb size=64 power=1 &&
		! echo 128 >$CFS/cfb/size && test "$(cat $CFS/cfb/size)" = 64 &&
		echo 0 >$CFS/cfb/power && echo 128 >$CFS/cfb/size &&
		! echo abc >$CFS/cfb/size && ! echo -1 >$CFS/cfb/blocksize &&
		! echo 2 >$CFS/cfb/memory_backed &&
		test "$(cat $CFS/cfb/size)" = 128 &&
		echo 1000 >$CFS/cfb/blocksize && ! echo 1 >$CFS/cfb/power &&
		test "$(cat $CFS/cfb/power)" = 0 && ! test -e /dev/cfb &&
		echo 512 >$CFS/cfb/blocksize && ! echo x >$CFS/cfb/home_node &&
		echo 64 >$CFS/cfb/home_node && ! echo 1 >$CFS/cfb/power &&
		dmesg | grep -q 'invalid home_node 64' &&
		echo -1 >$CFS/cfb/home_node && echo 1 >$CFS/cfb/power &&
		echo 0 >$CFS/cfb/power &&
		! mkdir $CFS/kbnullb0 && rmdir $CFS/cfb
}
kb_case "null_blk configfs: busy while on, bad values refused, nothing changed" \
	with_module "" cfs_checks

# write_mbr DEV: an MBR with one partition, 1 MiB at 1 MiB.
write_mbr() {
	{
		dd if=/dev/zero bs=446 count=1 2>/dev/null
		printf '\000\000\000\000\203\000\000\000\000\010\000\000\000\010\000\000'
		dd if=/dev/zero bs=48 count=1 2>/dev/null
		printf '\125\252'
	} >/tmp/mbr && dd if=/tmp/mbr of="$1" bs=512 count=1 oflag=direct \
		2>/dev/null
}

# power_on_refused NAME: powering NAME on fails with EEXIST, no disk.
power_on_refused() {
	local out

	out=$( (echo 1 >$CFS/"$1"/power) 2>&1) && return 1
	echo "$out" | grep -q 'File exists' && test "$(cat $CFS/"$1"/power)" = 0
}

# A name another driver's disk has is refused (a partition of one of ours
# here: the guest has no other block driver): at mkdir, and at power-on if
# the disk came after mkdir. The disk going away frees the name.
cfs_taken_names() {
	make_dev pt size=16 memory_backed=1 power=1 && write_mbr /dev/pt &&
		mkdir $CFS/pt1 && power_cycle pt && test -b /dev/pt1 &&
		test -e /sys/class/block/pt1 && power_on_refused pt1 &&
		dmesg | grep -q 'pt1: a block device of that name exists' &&
		echo 0 >$CFS/pt/power && ! test -e /sys/class/block/pt1 &&
		echo 1 >$CFS/pt1/power && test -e /sys/block/pt1 &&
		echo 0 >$CFS/pt1/power && rmdir $CFS/pt1 &&
		echo 1 >$CFS/pt/power && test -b /dev/pt1 && ! mkdir $CFS/pt1 &&
		! test -e $CFS/pt1 && echo 0 >$CFS/pt/power && rmdir $CFS/pt
}
kb_case "null_blk configfs: names of existing disks and partitions refused, at mkdir and at power-on" \
	with_module "" cfs_taken_names

cfs_persist() {
	make_dev cfc size=64 memory_backed=1 power=1 && roundtrip /dev/cfc &&
		echo 0 >$CFS/cfc/power && ! test -e /dev/cfc &&
		echo 1 >$CFS/cfc/power && read_back /dev/cfc &&
		cmp /tmp/pat /tmp/back &&
		echo 0 >$CFS/cfc/power && rmdir $CFS/cfc
}
kb_case "null_blk configfs: data survives power off and on" \
	with_module "" cfs_persist

# fio_until_gone DEV: fio writes and reads DEV at depth 32 with 2 jobs in
# the background until the disk goes (or for 60 s); FIO_PID is its pid.
# Fails if fio is no longer running after 3 s.
fio_until_gone() {
	timeout -s KILL 120 fio --name=gone --filename="$1" --direct=1 \
		--ioengine=io_uring --rw=randrw --bs=4k --iodepth=32 \
		--numjobs=2 --time_based --runtime=60 >/tmp/fio-gone.out 2>&1 &
	FIO_PID=$!
	sleep 3
	kill -0 "$FIO_PID"
}

# fio_ended: fio stopped at an I/O error (non-zero status), before its 60 s
# were up (status 0) and without being killed by the timeout (137).
fio_ended() {
	local rc=0

	wait "$FIO_PID" || rc=$?
	grep -E 'err=|error' /tmp/fio-gone.out | head -n 4
	test "$rc" -ne 0 && test "$rc" -ne 137
}

# Power off while fio runs: I/O fails cleanly, the device comes back.
cfs_off_under_fio() {
	make_dev cfd size=256 memory_backed=1 irqmode=2 completion_nsec=100000 \
		power=1 || return 1
	fio_until_gone /dev/cfd && echo 0 >$CFS/cfd/power && fio_ended &&
		! test -e /dev/cfd && echo 1 >$CFS/cfd/power && roundtrip /dev/cfd &&
		echo 0 >$CFS/cfd/power && rmdir $CFS/cfd
}
kb_case "null_blk configfs: power off while fio runs" \
	with_module "" cfs_off_under_fio

# Remove the device directory (powered) while fio runs.
cfs_rmdir_under_fio() {
	make_dev cfg size=256 memory_backed=1 submit_queues=2 power=1 ||
		return 1
	fio_until_gone /dev/cfg && rmdir $CFS/cfg && fio_ended &&
		! test -e /dev/cfg
}
kb_case "null_blk configfs: device directory removed while fio runs" \
	with_module "" cfs_rmdir_under_fio

# 20 on the debug kernel, where each costs about 3 s.
cfs_n=50
case $(uname -r) in *kbind-debug*) cfs_n=20 ;; esac
cfs_cycles() {
	local i=0

	while [ $i -lt $cfs_n ]; do
		make_dev cfe$i size=16 memory_backed=1 power=1 &&
			test -b /dev/cfe$i && echo 0 >$CFS/cfe$i/power &&
			rmdir $CFS/cfe$i || return 1
		i=$((i + 1))
	done
}
kb_case "null_blk configfs: $cfs_n create/destroy cycles" with_module "" \
	cfs_cycles

cfs_pins_module() {
	kb_insmod "$KO" "" && make_dev cff power=1 &&
		! rmmod kbind_null_blk && rmdir $CFS/cff && rmmod kbind_null_blk
}
kb_case "null_blk configfs: unload refused while a device directory exists" \
	cfs_pins_module

busy_while_open() {
	kb_insmod "$KO" && exec 3<$DEV && ! rmmod kbind_null_blk &&
		exec 3<&- && rmmod kbind_null_blk
}
kb_case "null_blk: unload refused while a disk is open" busy_while_open

# The stock driver's newer attributes, named as stock names them.
cfs_stock_features() {
	local a

	for a in badblocks badblocks_once badblocks_partial_io fua index \
		queue_mode rotational shared_tag_bitmap shared_tags \
		use_per_node_hctx submit_queues poll_queues; do
		tr , '\n' <$CFS/features | grep -qx $a || { echo "no $a"; return 1; }
	done
}
kb_case "null_blk configfs: every stock attribute but zoned ones listed" \
	with_module "" cfs_stock_features

cfs_queue_mode() {
	make_dev qm1 queue_mode=1 && ! echo 1 >$CFS/qm1/power &&
		dmesg | grep -q 'legacy IO path is no longer available' &&
		! test -e /dev/qm1 && make_dev qm0 queue_mode=0 power=1 &&
		dmesg | grep -q 'BIO-based IO path is no longer available, using blk-mq instead' &&
		test -b /dev/qm0 && test "$(cat $CFS/qm0/queue_mode)" = 2 &&
		rmdir $CFS/qm1
}
kb_case "null_blk configfs: queue_mode 1 refused at power on, 0 taken as blk-mq" \
	with_module "" cfs_queue_mode

# hctx_count NAME: the disk's hardware queues, polled ones included.
hctx_count() {
	ls -d /sys/block/"$1"/mq/* | wc -l
}

cfs_live_queues() {
	make_dev lq submit_queues=1 poll_queues=1 memory_backed=1 power=1 &&
		test "$(hctx_count lq)" = 2 &&
		echo 2 >$CFS/lq/submit_queues && test "$(hctx_count lq)" = 3 &&
		roundtrip /dev/lq && ! echo 3 >$CFS/lq/submit_queues &&
		! echo 0 >$CFS/lq/submit_queues &&
		test "$(cat $CFS/lq/submit_queues)" = 2 &&
		echo 0 >$CFS/lq/poll_queues && test "$(hctx_count lq)" = 2 &&
		! echo 2 >$CFS/lq/poll_queues && echo 1 >$CFS/lq/poll_queues &&
		test "$(hctx_count lq)" = 3 && read_back /dev/lq &&
		cmp /tmp/pat /tmp/back
}
kb_case "null_blk configfs: submit_queues and poll_queues change while powered, data kept" \
	with_module "" cfs_live_queues

# Queue changes freeze the queue: fio's verified I/O runs on through them.
cfs_queues_under_fio() {
	local i pid rc=0

	make_dev lf memory_backed=1 power=1 || return 1
	fio --name=v --filename=/dev/lf --direct=1 --rw=randwrite --bs=4k \
		--size=4m --iodepth=16 --ioengine=io_uring --verify=crc32c \
		>/tmp/fio-lf 2>&1 &
	pid=$!
	for i in $(seq 10); do
		echo $((i % 2 + 1)) >$CFS/lf/submit_queues || rc=1
	done
	wait $pid || { cat /tmp/fio-lf; rc=1; }
	return $rc
}
kb_case "null_blk configfs: submit_queues changed 10 times under fio verify" \
	with_module "" cfs_queues_under_fio

cfs_shared_tags() {
	local f=/sys/kernel/debug/block/sa/hctx0/flags

	make_dev sa shared_tags=1 memory_backed=1 power=1 &&
		make_dev sb shared_tags=1 memory_backed=1 power=1 &&
		grep -q TAG_QUEUE_SHARED $f && roundtrip /dev/sa &&
		roundtrip /dev/sb && ! echo 2 >$CFS/sa/submit_queues &&
		echo 0 >$CFS/sa/power && echo 0 >$CFS/sb/power &&
		make_dev sc shared_tags=1 power=1 && test -b /dev/sc
}
kb_case "null_blk configfs: shared_tags devices share a tag set made on first use" \
	with_module "" cfs_shared_tags

cfs_flags() {
	make_dev fl shared_tag_bitmap=1 rotational=1 memory_backed=1 \
		cache_size=1 fua=0 power=1 &&
		grep -q TAG_HCTX_SHARED /sys/kernel/debug/block/fl/hctx0/flags &&
		test "$(cat /sys/block/fl/queue/rotational)" = 1 &&
		test "$(cat /sys/block/fl/queue/fua)" = 0 &&
		make_dev fu memory_backed=1 cache_size=1 power=1 &&
		test "$(cat /sys/block/fu/queue/fua)" = 1 &&
		test "$(cat /sys/block/fu/queue/rotational)" = 0 &&
		! grep -q TAG_HCTX_SHARED /sys/kernel/debug/block/fu/hctx0/flags &&
		make_dev pn use_per_node_hctx=1 submit_queues=2 poll_queues=0 \
			power=1 && test "$(hctx_count pn)" = 1 &&
		test "$(cat $CFS/fl/index)" != "$(cat $CFS/fu/index)"
}
kb_case "null_blk configfs: shared_tag_bitmap, rotational, fua, use_per_node_hctx, index" \
	with_module "" cfs_flags

# read_sectors DEV FIRST N: read N sectors at FIRST with direct I/O. The
# bad ranges below are whole pages, so a read that goes through the page
# cache (with its readahead) fails and succeeds the same.
read_sectors() {
	dd if="$1" of=/dev/null bs=512 skip="$2" count="$3" iflag=direct \
		2>/dev/null
}

cfs_badblocks() {
	make_dev bb memory_backed=1 power=1 && read_sectors /dev/bb 104 8 &&
		echo "+104-111" >$CFS/bb/badblocks &&
		grep -qx '104 8' $CFS/bb/badblocks &&
		! read_sectors /dev/bb 104 8 && ! read_sectors /dev/bb 96 16 &&
		read_sectors /dev/bb 112 8 && read_sectors /dev/bb 96 8 &&
		! echo "104-111" >$CFS/bb/badblocks &&
		! echo "+111-104" >$CFS/bb/badblocks &&
		! echo "+x-1" >$CFS/bb/badblocks &&
		grep -qx '104 8' $CFS/bb/badblocks &&
		echo "-104-111" >$CFS/bb/badblocks &&
		test -z "$(cat $CFS/bb/badblocks)" && read_sectors /dev/bb 104 8
}
kb_case "null_blk configfs: badblocks fail I/O on a live device, cleared heal, bad ranges refused" \
	with_module "" cfs_badblocks

# The failed request heals the range; the kernel may retry the read
# (readahead, then the page alone), so only the error is certain.
cfs_badblocks_once() {
	make_dev bo memory_backed=1 badblocks_once=1 power=1 &&
		echo "+16-23" >$CFS/bo/badblocks &&
		{ read_sectors /dev/bo 16 8; true; } &&
		dmesg | grep -q 'I/O error, dev bo, sector 16' &&
		test -z "$(cat $CFS/bo/badblocks)" && read_sectors /dev/bo 16 8
}
kb_case "null_blk configfs: badblocks_once: a bad block fails once" \
	with_module "" cfs_badblocks_once

# With partial I/O the sectors before the bad block are written.
cfs_badblocks_partial() {
	make_dev bp memory_backed=1 badblocks_partial_io=1 power=1 &&
		echo "+104-104" >$CFS/bp/badblocks &&
		head -c 8192 /dev/urandom >/tmp/p8k &&
		! dd if=/tmp/p8k of=/dev/bp bs=8192 seek=6 oflag=direct \
			2>/dev/null &&
		echo "-104-104" >$CFS/bp/badblocks &&
		dd if=/dev/bp of=/tmp/b8k bs=512 skip=96 count=16 iflag=direct \
			2>/dev/null &&
		cmp -n 4096 /tmp/p8k /tmp/b8k && ! cmp -s /tmp/p8k /tmp/b8k
}
kb_case "null_blk configfs: badblocks_partial_io writes up to the bad block" \
	with_module "" cfs_badblocks_partial

# Fault injection, where the kernel has null_blk's option for it (the
# debug kernel): the stock parameters and configfs directories.
# The first request (add_disk's partition scan) is left to time out.
fault_timeout() {
	dmesg | grep -q 'timeout error, dev kbnullb0' && read_sectors $DEV 0 1
}
fault_requeue() {
	roundtrip
}
fault_init_hctx() {
	make_dev ih && ! echo 1 >$CFS/ih/power && ! test -e /dev/ih &&
		echo 1 >$CFS/ih/power && test -b /dev/ih
}
fault_configfs() {
	make_dev fc memory_backed=1 power=1 &&
		test -d $CFS/fc/timeout_inject && test -d $CFS/fc/requeue_inject &&
		test -d $CFS/fc/init_hctx_fault_inject &&
		read_sectors /dev/fc 0 1 && echo 0 >$CFS/fc/timeout_inject/verbose &&
		echo 100 >$CFS/fc/timeout_inject/probability &&
		echo 1 >$CFS/fc/timeout_inject/times &&
		{ read_sectors /dev/fc 2048 8; true; } &&
		dmesg | grep -q 'timeout error, dev fc' && read_sectors /dev/fc 2048 8
}
have_faults=false
if kb_insmod "$KO" nr_devices=0; then
	test -e /sys/module/kbind_null_blk/parameters/timeout && have_faults=true
	rmmod kbind_null_blk
fi
# fault_case NAME ARGS CHECK...: a case with the module loaded with ARGS.
fault_case() {
	local name="null_blk faults: $1"

	shift
	if $have_faults; then
		kb_case "$name" "$@"
	else
		kb_skip "$name" "no CONFIG_BLK_DEV_NULL_BLK_FAULT_INJECTION"
	fi
}
fault_case "timeout=1,100,0,1: the first request times out, the next works" \
	with_module "timeout=1,100,0,1 gb=1" fault_timeout
fault_case "requeue=1,100,0,20: requests come back, data intact" \
	with_module "requeue=1,100,0,20 memory_backed=1 gb=1" fault_requeue
fault_case "init_hctx=1,100,0,1: the first power on fails, the next works" \
	with_module "init_hctx=1,100,0,1 nr_devices=0" fault_init_hctx
fault_case "a device's timeout_inject directory" with_module "" fault_configfs
fault_case "timeout=x refused" refused "timeout=x"

# The drop-in build: the stock driver's names, the same driver.
dropin() {
	kb_insmod "$KB_MODULES/null_blk.ko" "memory_backed=1 gb=1" &&
		grep -q '^null_blk ' /proc/modules && roundtrip /dev/nullb0 &&
		test -d /sys/kernel/config/nullb &&
		mkdir /sys/kernel/config/nullb/d1 &&
		echo 1 >/sys/kernel/config/nullb/d1/power && test -b /dev/d1 &&
		echo 0 >/sys/kernel/config/nullb/d1/power &&
		rmdir /sys/kernel/config/nullb/d1 && rmmod null_blk &&
		! test -e /dev/nullb0
}
kb_case "null_blk drop-in: module null_blk, /dev/nullb0, configfs nullb" dropin

exit 0
