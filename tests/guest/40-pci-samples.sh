# SPDX-License-Identifier: GPL-2.0
#
# The kbind PCI samples on QEMU's pci-testdev and edu devices (the VM runs
# with -device pci-testdev -device edu): probe, register I/O, interrupts
# (MSI, then INTx), 100 unbind/bind cycles, driver_override, unbind while a
# file is open and while interrupts are being raised, unload.

. /kbind/lib.sh

TESTDEV=/sys/bus/pci/drivers/kbind_pci_testdev

# The interrupt line requested for the bound edu device, from /proc/interrupts.
edu_irq_line() {
	local addr

	addr=$(basename /sys/bus/pci/drivers/kbind_edu/0000:*)
	grep " $addr\$" /proc/interrupts
}

edu_on_msi() {
	edu_irq_line | grep -q MSI
}

edu_on_intx() {
	edu_irq_line && ! edu_irq_line | grep -q MSI
}

kb_case "pci-testdev: probe runs the device's test through the BAR" sh -c \
	"insmod $KB_MODULES/kbind_pci_testdev.ko && dmesg | grep -q 'kbind_pci_testdev .*: pci-testdev data-match count: 1\$'"
kb_case "pci-testdev: 100 unbind/bind cycles, the test runs each time" sh -c "
	dev=\$(basename $TESTDEV/0000:*) && i=0 &&
	while [ \$i -lt 100 ]; do
		echo \$dev > $TESTDEV/unbind && echo \$dev > $TESTDEV/bind || exit 1
		i=\$((i + 1))
	done &&
	test \$(dmesg | grep -c 'data-match count: 1\$') -eq 100"

kb_case "edu: load, probe checks identification and liveness" sh -c \
	"insmod $KB_MODULES/kbind_edu.ko && ls /dev/kbind-edu-0000:*"
kb_case "edu: handler on an MSI vector" edu_on_msi
for c in $(pci_edu_test); do
	kb_case "edu: $c" pci_edu_test "$c"
done
kb_case "edu: unload unbinds, node gone" sh -c \
	"rmmod kbind_edu && ! ls /dev/kbind-edu-* 2>/dev/null"

kb_case "edu: load with msi=0" insmod "$KB_MODULES/kbind_edu.ko" msi=0
kb_case "edu: handler on the INTx line" edu_on_intx
for c in factorial irq_delivery unbind_while_open unbind_while_raising; do
	kb_case "edu (INTx): $c" pci_edu_test "$c"
done
kb_case "pci samples: unload" sh -c \
	"rmmod kbind_edu && rmmod kbind_pci_testdev && ! ls /dev/kbind-edu-* 2>/dev/null"

exit 0
