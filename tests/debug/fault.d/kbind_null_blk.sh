# SPDX-License-Identifier: GPL-2.0
# Fault sweep declaration of kbind null_blk (module init is its probe: the
# module's steps, then one device's).

fault_probe() {
	kb_insmod "$KB_MODULES/kbind_null_blk.ko" \
		"memory_backed=1 gb=1 shared_tags=1 cache_size=4 mbps=10000"
}

fault_works() {
	dd if=/dev/urandom of=/tmp/nullb-pat bs=64k count=16 2>/dev/null &&
		dd if=/tmp/nullb-pat of=/dev/kbnullb0 bs=64k oflag=direct \
			2>/dev/null &&
		dd if=/dev/kbnullb0 of=/tmp/nullb-back bs=64k count=16 \
			iflag=direct 2>/dev/null &&
		cmp /tmp/nullb-pat /tmp/nullb-back
}

fault_remove() {
	rmmod kbind_null_blk
}

fault_nothing_left() {
	! test -e /dev/kbnullb0 && ! grep -q '^kbind_null_blk ' /proc/modules &&
		! test -e /sys/kernel/config/kbnullb
}
