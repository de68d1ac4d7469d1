# SPDX-License-Identifier: GPL-2.0
#
# What a new user sees of the kbind PCI samples on QEMU's pci-testdev and
# edu devices: the test device's probe, then the edu device's registers and
# interrupts from the shell through its client, unbind and bind.

. /kbind/lib.sh

# kb_case starts each step with an empty kernel log: "dmesg" shows what
# the step's driver logged.
load_testdev() {
	kb_show insmod "$KB_MODULES/kbind_pci_testdev.ko" && kb_show dmesg
}
load_edu() {
	kb_show insmod "$KB_MODULES/kbind_edu.ko" && kb_show sh -c "ls /dev/kbind-edu-*"
}
edu_interrupts() {
	kb_show sh -c "grep ' 0000:' /proc/interrupts"
}
rebind_edu() {
	local dev

	dev=$(basename /sys/bus/pci/drivers/kbind_edu/0000:*)
	kb_show sh -c "echo $dev > /sys/bus/pci/drivers/kbind_edu/unbind" &&
		kb_show sh -c "! ls /dev/kbind-edu-*" &&
		kb_show sh -c "echo $dev > /sys/bus/pci/drivers/kbind_edu/bind" &&
		kb_show sh -c "ls /dev/kbind-edu-*"
}

kb_case "pci-testdev: load, the probe runs the device's test" load_testdev
kb_case "edu: load; its node" load_edu
kb_case "edu: identification register" kb_show kbind_edu_ctl id
kb_case "edu: liveness check" kb_show kbind_edu_ctl live 0x12345678
kb_case "edu: 10! computed by the device" kb_show kbind_edu_ctl fact 10
kb_case "edu: 13! does not fit, refused" kb_show sh -c '! kbind_edu_ctl fact 13'
kb_case "edu: raise an interrupt, twice" \
	sh -c "kbind_edu_ctl raise && kbind_edu_ctl raise"
kb_case "edu: interrupts handled (the factorial's and the two raised)" \
	kb_show kbind_edu_ctl irqs
kb_case "edu: text through the device's DMA engine and back" \
	kb_show kbind_edu_ctl dma "hello from kbind over 28-bit DMA"
kb_case "edu: its MSI vector in /proc/interrupts" edu_interrupts
kb_case "edu: unbind and bind again through sysfs" rebind_edu
kb_case "unload both" kb_show sh -c "rmmod kbind_edu kbind_pci_testdev"

exit 0
