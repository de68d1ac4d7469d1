# SPDX-License-Identifier: GPL-2.0
#
# What a new user sees of the kbind PCI samples on QEMU's pci-testdev and
# edu devices: the test device's probe, then the edu device's registers and
# interrupts from the shell through its client, unbind and bind.

. /kbind/lib.sh

# show CMD...: print "$ CMD" and its output on the results channel.
show() {
	local out rc=0

	kb_diag "\$ $*"
	out=$("$@" 2>&1) || rc=$?
	[ -z "$out" ] || printf '%s\n' "$out" | kb_diag_lines
	return $rc
}

# kb_case starts each step with an empty kernel log: "dmesg" shows what
# the step's driver logged.
load_testdev() {
	show insmod "$KB_MODULES/kbind_pci_testdev.ko" && show dmesg
}
load_edu() {
	show insmod "$KB_MODULES/kbind_edu.ko" && show sh -c "ls /dev/kbind-edu-*"
}
edu_interrupts() {
	show sh -c "grep ' 0000:' /proc/interrupts"
}
rebind_edu() {
	local dev

	dev=$(basename /sys/bus/pci/drivers/kbind_edu/0000:*)
	show sh -c "echo $dev > /sys/bus/pci/drivers/kbind_edu/unbind" &&
		show sh -c "! ls /dev/kbind-edu-*" &&
		show sh -c "echo $dev > /sys/bus/pci/drivers/kbind_edu/bind" &&
		show sh -c "ls /dev/kbind-edu-*"
}

kb_case "pci-testdev: load, the probe runs the device's test" load_testdev
kb_case "edu: load; its node" load_edu
kb_case "edu: identification register" show kbind_edu_ctl id
kb_case "edu: liveness check" show kbind_edu_ctl live 0x12345678
kb_case "edu: 10! computed by the device" show kbind_edu_ctl fact 10
kb_case "edu: 13! does not fit, refused" show sh -c '! kbind_edu_ctl fact 13'
kb_case "edu: raise an interrupt, twice" \
	sh -c "kbind_edu_ctl raise && kbind_edu_ctl raise"
kb_case "edu: interrupts handled (the factorial's and the two raised)" \
	show kbind_edu_ctl irqs
kb_case "edu: its MSI vector in /proc/interrupts" edu_interrupts
kb_case "edu: unbind and bind again through sysfs" rebind_edu
kb_case "unload both" show sh -c "rmmod kbind_edu kbind_pci_testdev"

exit 0
