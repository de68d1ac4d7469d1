# SPDX-License-Identifier: GPL-2.0
#
# What a new user sees of kbind null_blk: a memory-backed disk from module
# parameters keeps what is written to it, a second disk comes from
# configfs (named after its directory), and unloading removes both.

. /kbind/lib.sh

CFG=/sys/kernel/config/kbnullb

load() {
	kb_show insmod "$KB_MODULES/kbind_null_blk.ko" memory_backed=1 gb=1 &&
		kb_show sh -c "ls -l /dev/kbnullb*; cat /sys/block/kbnullb0/size"
}
write_read() {
	kb_show sh -c "dd if=/dev/urandom of=/tmp/pat bs=64k count=16 2>/dev/null &&
		dd if=/tmp/pat of=/dev/kbnullb0 bs=64k oflag=direct &&
		dd if=/dev/kbnullb0 of=/tmp/back bs=64k count=16 iflag=direct &&
		cmp /tmp/pat /tmp/back && echo 1 MiB written and read back"
}
configfs_disk() {
	kb_show sh -c "mkdir $CFG/demo && echo 2 > $CFG/demo/size &&
		echo 1 > $CFG/demo/power && ls -l /dev/demo &&
		test \$(cat /sys/block/demo/size) -eq 4096 && echo 4096 sectors"
}
unload() {
	kb_show sh -c "echo 0 > $CFG/demo/power && rmdir $CFG/demo &&
		rmmod kbind_null_blk && ! test -e /dev/kbnullb0 && ! test -e /dev/demo"
}

kb_case "load with memory_backed=1 gb=1: /dev/kbnullb0 appears" load
kb_case "write 1 MiB with O_DIRECT, read it back" write_read
kb_case "a second disk from configfs: /dev/demo, 2 MiB" configfs_disk
kb_case "remove it and unload: the disks go" unload

exit 0
