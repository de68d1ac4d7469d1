# SPDX-License-Identifier: GPL-2.0
# Fault sweep declaration of the owner-teardown test module: two nested
# lifecycles (the module's, and the victim owner it starts in acquire).

fault_probe() {
	kb_insmod "$KB_MODULES/kb_misc_owner.ko"
}

fault_works() {
	misc_owner_test open_across_teardown
}

fault_remove() {
	rmmod kb_misc_owner
}

fault_nothing_left() {
	! grep -q '^kb_misc_owner ' /proc/modules &&
		! test -e /dev/kbind-victim && ! test -e /dev/kbind-owner-ctl
}
