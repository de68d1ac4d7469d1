# SPDX-License-Identifier: GPL-2.0
# Fault sweep declaration of the edu PCI sample: its probe is a bind of the
# edu device through sysfs, with the driver loaded.

edu_drv=/sys/bus/pci/drivers/kbind_edu

fault_setup() {
	insmod "$KB_MODULES/kbind_edu.ko" &&
		edu_dev=$(basename "$edu_drv"/0000:*) &&
		echo "$edu_dev" >"$edu_drv/unbind" &&
		edu_usage=$(cat "/sys/bus/pci/devices/$edu_dev/power/runtime_usage")
}

fault_probe() {
	echo "$edu_dev" >"$edu_drv/bind"
}

fault_works() {
	pci_edu_test identify && pci_edu_test irq_delivery
}

fault_remove() {
	echo "$edu_dev" >"$edu_drv/unbind"
}

# No node, no handler, no region, no attribute, the device disabled again
# and the PCI core's runtime PM reference where it was.
fault_nothing_left() {
	local d=/sys/bus/pci/devices/$edu_dev

	! ls /dev/kbind-edu-* 2>/dev/null && ! test -e "$edu_drv/$edu_dev" &&
		! grep -q " $edu_dev\$" /proc/interrupts &&
		! grep -q kbind_edu /proc/iomem &&
		[ "$(cat "$d/enable")" = 0 ] && ! test -e "$d/liveness" &&
		[ "$(cat "$d/power/runtime_usage")" = "$edu_usage" ]
}

fault_cleanup() {
	rmmod kbind_edu
}
