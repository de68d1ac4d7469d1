# SPDX-License-Identifier: GPL-2.0
# Fault sweep declaration of the pci-testdev PCI sample: its probe is a bind
# of the test device through sysfs, with the driver loaded.

td_drv=/sys/bus/pci/drivers/kbind_pci_testdev

fault_setup() {
	insmod "$KB_MODULES/kbind_pci_testdev.ko" &&
		td_dev=$(basename "$td_drv"/0000:*) &&
		echo "$td_dev" >"$td_drv/unbind"
}

fault_probe() {
	echo "$td_dev" >"$td_drv/bind"
}

fault_works() {
	dmesg | grep -q "$td_dev: pci-testdev data-match count: 1\$"
}

fault_remove() {
	echo "$td_dev" >"$td_drv/unbind"
}

# No driver, no region, and the device disabled again.
fault_nothing_left() {
	! test -e "$td_drv/$td_dev" && ! grep -q kbind_pci_testdev /proc/iomem &&
		[ "$(cat "/sys/bus/pci/devices/$td_dev/enable")" = 0 ]
}

fault_cleanup() {
	rmmod kbind_pci_testdev
}
