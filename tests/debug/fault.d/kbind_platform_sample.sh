# SPDX-License-Identifier: GPL-2.0
# Fault sweep declaration of the platform sample: its probe is a bind of
# kbind-pf-a.0 through sysfs, with the driver loaded and the device present.

pf_drv=/sys/bus/platform/drivers/kbind_platform_sample

fault_setup() {
	insmod "$KB_MODULES/kbind_platform_sample.ko" &&
		insmod "$KB_MODULES/kb_platform_dev.ko" &&
		echo kbind-pf-a.0 >"$pf_drv/unbind"
}

fault_probe() {
	echo kbind-pf-a.0 >"$pf_drv/bind"
}

fault_works() {
	platform_sample_test match_info
}

fault_remove() {
	echo kbind-pf-a.0 >"$pf_drv/unbind"
}

# No node, no debugfs directory, runtime PM off with no reference held.
fault_nothing_left() {
	local d=/sys/bus/platform/devices/kbind-pf-a.0/power

	! test -e /dev/kbind-pf0 && ! test -e "$pf_drv/kbind-pf-a.0" &&
		! test -e /sys/kernel/debug/kbind-pf-a.0 &&
		[ "$(cat $d/runtime_usage)" = 0 ] &&
		[ "$(cat $d/runtime_status)" = unsupported ]
}

fault_cleanup() {
	rmmod kb_platform_dev && rmmod kbind_platform_sample
}
