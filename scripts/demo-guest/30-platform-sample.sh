# SPDX-License-Identifier: GPL-2.0
#
# What a new user sees of the kbind platform sample: two devices that
# kb_platform_dev.ko registers (standing in for firmware: a page of memory
# and a software interrupt each) bind, their nodes read the memory, their
# interrupts reach the handler, and unloading the devices unbinds them.

. /kbind/lib.sh

fire=/sys/module/kb_platform_dev/parameters/fire

load() {
	kb_show insmod "$KB_MODULES/kbind_platform_sample.ko" &&
		kb_show insmod "$KB_MODULES/kb_platform_dev.ko" &&
		kb_show ls /sys/bus/platform/drivers/kbind_platform_sample
}
fire_irqs() {
	kb_show sh -c "echo 0 > $fire && echo 1 > $fire && echo 1 > $fire" &&
		kb_show sh -c "grep kbind-pf /proc/interrupts"
}
remove_devices() {
	kb_show rmmod kb_platform_dev && kb_show sh -c "! ls /dev/kbind-pf*"
}

kb_case "load the driver, then the devices: both bind" load
kb_case "each node reads its device's memory" \
	kb_show sh -c "head -c 22 /dev/kbind-pf0; head -c 22 /dev/kbind-pf1"
kb_case "fire the devices' interrupts: the handlers count them" fire_irqs
kb_case "remove the devices: the driver unbinds, the nodes go" remove_devices
kb_case "unload the driver" kb_show rmmod kbind_platform_sample

exit 0
