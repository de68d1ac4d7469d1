# SPDX-License-Identifier: GPL-2.0
#
# kbind null_blk in zoned mode: the zone geometry the block layer sees,
# every zone transition and the open and active limits (nullb_zoned_test,
# through the zone ioctls), readonly and offline zones from configfs, the
# stock driver's validation messages, blkzone and fio's zbd mode. On a
# kernel without CONFIG_BLK_DEV_ZONED only the refusal is checked.

. /kbind/lib.sh
# shellcheck source=null-blk.lib
. /kbind/tests/null-blk.lib
Z4="zoned=1 gb=1 zone_size=4"

# refused MESSAGE ARGS...: loading with ARGS fails, with MESSAGE in dmesg.
refused() {
	local msg=$1

	shift
	! kb_insmod "$KO" "$*" && ! grep -q '^kbind_null_blk ' /proc/modules &&
		dmesg | grep -qF "$msg"
}

if ! kb_insmod "$KO" "$Z4" 2>/dev/null; then
	kb_case "null_blk zoned: refused without CONFIG_BLK_DEV_ZONED" \
		refused "CONFIG_BLK_DEV_ZONED not enabled" $Z4
	kb_skip "null_blk zoned: the rest" "kernel without CONFIG_BLK_DEV_ZONED"
	exit 0
fi
rmmod kbind_null_blk

features() {
	local f

	f=$(cat $CFS/features) || return 1
	for a in zoned zone_size zone_capacity zone_nr_conv zone_max_open \
		 zone_max_active zone_append_max_sectors zone_full \
		 zone_readonly zone_offline; do
		echo ",$f," | grep -q ",$a," || { echo "no $a in $f"; return 1; }
	done
}
kb_case "null_blk zoned: configfs features list the zone attributes" \
	with_module "" features

q() {
	cat /sys/block/kbnullb0/queue/"$1"
}

# Without limits, max_open_zones is 0, or since 6.10 the size of the
# block layer's zone write plug pool (128): not checked.
geometry() {
	for a in zoned chunk_sectors nr_zones max_open_zones max_active_zones \
		 zone_append_max_bytes; do
		echo "$a: $(q $a)"
	done
	test "$(q zoned)" = host-managed && test "$(q chunk_sectors)" = 8192 &&
		test "$(q nr_zones)" = 256 && test "$(q max_active_zones)" = 0 &&
		test "$(q zone_append_max_bytes)" -gt 0 &&
		nullb_zoned_test states
}
kb_case "null_blk zoned: geometry, zone transitions, data at the write pointer" \
	with_module "$Z4 memory_backed=1 zone_capacity=2 zone_nr_conv=2" geometry

limits() {
	test "$(q max_open_zones)" = 2 && test "$(q max_active_zones)" = 3 &&
		nullb_zoned_test limits
}
kb_case "null_blk zoned: open and active limits, implicit close" \
	with_module "$Z4 zone_max_open=2 zone_max_active=3" limits

kb_case "null_blk zoned: zone_full starts the sequential zones full" \
	with_module "$Z4 zone_nr_conv=2 zone_full=1" nullb_zoned_test full

ro_offline() {
	make_dev zt0 zoned=1 memory_backed=1 size=64 zone_size=4 \
		zone_nr_conv=1 || return 1
	# not powered yet, and a device that is not zoned
	! echo 4096 >$CFS/zt0/zone_readonly &&
		dmesg | grep -q 'null_blk device is not yet powered' &&
		make_dev zt1 size=64 power=1 &&
		! echo 4096 >$CFS/zt1/zone_offline &&
		dmesg | grep -q 'null_blk device is not zoned' &&
		echo 1 >$CFS/zt0/power &&
		ZDEV=/dev/zt0 ZCFS=$CFS/zt0 nullb_zoned_test ro_offline &&
		dmesg | grep -q 'Can not change condition of conventional zones' &&
		dmesg | grep -q 'Sector out of range'
}
kb_case "null_blk zoned: zone_readonly and zone_offline from configfs" \
	with_module "" ro_offline

kb_case "null_blk zoned: zone_size not a power of two refused" \
	refused "zone_size must be power-of-two" zoned=1 zone_size=3
kb_case "null_blk zoned: zone larger than the device refused" \
	refused "Zone size larger than device capacity" zoned=1 gb=1 zone_size=2048
kb_case "null_blk zoned: capacity larger than the zone refused" \
	refused "zone capacity (8 MB) larger than zone size (4 MB)" \
	$Z4 zone_capacity=8

smaller_last() {
	make_dev zs size=66 zoned=1 zone_size=4 zone_capacity=2 &&
		! echo 1 >$CFS/zs/power &&
		dmesg | grep -q 'A smaller last zone is not allowed' &&
		echo 0 >$CFS/zs/zone_capacity && echo 1 >$CFS/zs/power &&
		test "$(cat /sys/block/zs/queue/nr_zones)" = 17 &&
		test "$(cat $CFS/zs/zone_capacity)" = 4
}
kb_case "null_blk zoned: smaller last zone only at full capacity" \
	with_module "" smaller_last

adjusted() {
	dmesg | grep -q 'changed the number of conventional zones to 255' &&
		dmesg | grep -q 'zone_max_active limit disabled, limit >= zone count' &&
		dmesg | grep -q 'zone_max_open limit disabled, limit >= zone count' &&
		test "$(q max_open_zones)" = 0 &&
		test "$(q max_active_zones)" = 0 &&
		test "$(q nr_zones)" = 256
}
kb_case "null_blk zoned: conventional zones and limits adjusted, as stock" \
	with_module "$Z4 zone_nr_conv=300 zone_max_open=1 zone_max_active=1" \
	adjusted

open_capped() {
	dmesg | grep -q 'changed the maximum number of open zones to 4' &&
		test "$(q max_open_zones)" = 4 &&
		test "$(q max_active_zones)" = 4
}
kb_case "null_blk zoned: max open capped by max active" \
	with_module "$Z4 zone_max_open=8 zone_max_active=4" open_capped

blkzone_tool() {
	blkzone report -c 3 $DEV | grep -c 'zcond: *1(em)' | grep -qx 3 &&
		dd if=/dev/zero of=$DEV bs=64k count=1 oflag=direct 2>/dev/null &&
		blkzone report -c 1 $DEV | grep -q 'zcond: *2(oi)' &&
		blkzone finish -c 1 $DEV &&
		blkzone report -c 1 $DEV | grep -q 'zcond: *14(fu)' &&
		blkzone reset $DEV &&
		blkzone report -c 1 $DEV | grep -q 'zcond: *1(em)'
}
if command -v blkzone >/dev/null; then
	kb_case "null_blk zoned: blkzone report, finish, reset" \
		with_module "$Z4" blkzone_tool
else
	kb_skip "null_blk zoned: blkzone" "no blkzone in the guest"
fi

# fio_zbd ARGS: sequential writes verified (64 MiB, 16 zones; a quarter
# on the debug kernel), then random writes across zones within the open
# limit, in zbd mode.
fio_zbd() {
	fio --name=seq --filename=$DEV --direct=1 --zonemode=zbd \
		--rw=write --bs=64k --size=$((64 / KB_MB_SCALE))M --iodepth=8 \
		--ioengine=io_uring --verify=crc32c --output=/tmp/fio.log &&
		fio --name=rand --filename=$DEV --direct=1 --zonemode=zbd \
			--rw=randwrite --bs=16k --size=$((128 / KB_MB_SCALE))M \
			--iodepth=4 --ioengine=io_uring --max_open_zones=4 \
			--output=/tmp/fio2.log || { cat /tmp/fio*.log; return 1; }
}
if command -v fio >/dev/null; then
	kb_case "null_blk zoned: fio zbd mode, verified, memory-backed" \
		with_module "$Z4 memory_backed=1 zone_max_open=4" fio_zbd
else
	kb_skip "null_blk zoned: fio zbd" "no fio in the guest"
fi
