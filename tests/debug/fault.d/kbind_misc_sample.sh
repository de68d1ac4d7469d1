# SPDX-License-Identifier: GPL-2.0
# Fault sweep declaration of the misc sample (module init is its probe).

fault_probe() {
	kb_insmod "$KB_MODULES/kbind_misc_sample.ko"
}

fault_works() {
	misc_sample_test hello && misc_sample_test read_write
}

fault_remove() {
	rmmod kbind_misc_sample
}

fault_nothing_left() {
	! grep -q '^kbind_misc_sample ' /proc/modules &&
		! test -e /dev/kbind-misc-sample
}
