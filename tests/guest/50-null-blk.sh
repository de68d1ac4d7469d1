# SPDX-License-Identifier: GPL-2.0
#
# kbind null_blk: devices from module parameters, data integrity through
# every completion mode, discard, polled queues, parameter validation, and
# unload only once the disks are closed.

. /kbind/lib.sh

KO=$KB_MODULES/kbind_null_blk.ko
DEV=/dev/kbnullb0

# Write 4 MiB of random data at 6.25 MiB with direct I/O, read it back
# directly, compare.
roundtrip() {
	dd if=/dev/urandom of=/tmp/pat bs=64k count=64 2>/dev/null &&
		dd if=/tmp/pat of=$DEV bs=64k seek=100 oflag=direct 2>/dev/null &&
		dd if=$DEV of=/tmp/back bs=64k skip=100 count=64 iflag=direct \
			2>/dev/null &&
		cmp /tmp/pat /tmp/back
}

# load ARGS...: load with ARGS, run the rest of the case, unload.
with_module() {
	local args=$1 rc=0

	shift
	kb_insmod "$KO" "$args" || return 1
	"$@" || rc=1
	rmmod kbind_null_blk || rc=1
	return $rc
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
kb_case "null_blk: 4 KiB blocks, 2 queues of depth 4: data reads back" \
	with_module "memory_backed=1 gb=1 bs=4096 submit_queues=2 hw_queue_depth=4" \
	four_k

zeros() {
	dd if=$DEV of=/tmp/z bs=64k skip=5000 count=16 iflag=direct 2>/dev/null &&
		dd if=/dev/zero of=/tmp/zero bs=64k count=16 2>/dev/null &&
		cmp /tmp/z /tmp/zero
}
discard() {
	zeros && roundtrip &&
		blkdiscard -o $((100 * 65536)) -l $((64 * 65536)) $DEV &&
		dd if=$DEV of=/tmp/back bs=64k skip=100 count=64 iflag=direct \
			2>/dev/null &&
		dd if=/dev/zero of=/tmp/zero bs=64k count=64 2>/dev/null &&
		cmp /tmp/back /tmp/zero
}
kb_case "null_blk: unwritten sectors read as zeros; discard zeroes" \
	with_module "memory_backed=1 gb=1 discard=1" discard
no_discard() {
	test "$(cat /sys/block/kbnullb0/queue/discard_max_bytes)" = 0 &&
		dmesg | grep -q 'discard option is ignored without memory backing'
}
kb_case "null_blk: discard ignored without memory backing" \
	with_module "discard=1" no_discard

kb_case "null_blk: polled queue: RWF_HIPRI I/O completes through .poll" \
	with_module "memory_backed=1 gb=1 poll_queues=2" nullb_test polled_io

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
	poll_queues=-1 nr_devices=x; do
	kb_case "null_blk: $args refused" refused "$args"
done

busy_while_open() {
	kb_insmod "$KO" && exec 3<$DEV && ! rmmod kbind_null_blk &&
		exec 3<&- && rmmod kbind_null_blk
}
kb_case "null_blk: unload refused while a disk is open" busy_while_open

exit 0
