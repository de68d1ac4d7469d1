# SPDX-License-Identifier: GPL-2.0
#
# The kbind PCI samples on QEMU's pci-testdev and edu devices (the VM runs
# with -device pci-testdev -device edu): probe, register I/O, interrupts
# (MSI, then INTx), 100 unbind/bind cycles, driver_override, unbind while a
# file is open and while interrupts are being raised, unload.

. /kbind/lib.sh

TESTDEV=/sys/bus/pci/drivers/kbind_pci_testdev
EDU=/sys/bus/pci/drivers/kbind_edu

# The bound edu device's sysfs directory, and its address.
edu_dir() {
	readlink -f $EDU/0000:*
}

edu_addr() {
	basename "$(edu_dir)"
}

# The typed attribute reaches the register; a bad value changes nothing.
edu_sysfs_liveness() {
	local d

	d=$(edu_dir)
	echo 0x1234 >"$d/liveness" && test "$(cat "$d/liveness")" = 0xffffedcb &&
		! echo 12zz >"$d/liveness" &&
		test "$(cat "$d/liveness")" = 0xffffedcb
}

# An attribute file open across unbind: the file is gone, reads ENODEV.
edu_sysfs_open_across_unbind() {
	local d a rc=0 out

	d=$(edu_dir) && a=$(edu_addr) || return 1
	exec 3<"$d/liveness"
	echo "$a" >$EDU/unbind || rc=1
	test ! -e "$d/liveness" || rc=1
	out=$(cat <&3 2>&1) && rc=1
	case $out in *"No such device"*) ;; *) echo "read gave: $out"; rc=1 ;; esac
	exec 3<&-
	echo "$a" >$EDU/bind && test -e "$d/liveness" && return $rc
}

edu_sysfs_racing_unbind() {
	local d a i=0 user

	d=$(edu_dir) && a=$(edu_addr) || return 1
	( while :; do cat "$d/liveness"; echo 7 >"$d/liveness"; done ) \
		>/dev/null 2>&1 &
	user=$!
	while [ $i -lt 20 ]; do
		echo "$a" >$EDU/unbind && echo "$a" >$EDU/bind || break
		i=$((i + 1))
	done
	kill $user
	wait $user
	test $i -eq 20
}

# Field $1 of edu's pm_calls (suspend resume rt_suspend rt_resume).
edu_pm_calls() {
	cut -d' ' -f"$1" "$(edu_dir)/pm_calls"
}

edu_rpm_allowed_suspends_ioctl_resumes() {
	local d rc=0

	d=$(edu_dir)
	echo auto >"$d/power/control"
	kb_rpm_wait "$d" suspended && test "$(edu_pm_calls 3)" -ge 1 &&
		pci_edu_test factorial && test "$(edu_pm_calls 4)" -ge 1 &&
		kb_rpm_wait "$d" suspended || rc=1
	echo on >"$d/power/control"
	return $rc
}

# The PCI core's usage reference around probe and remove stays balanced
# over cycles, runtime PM forbidden (the count is 1 then: a lost reference
# shows) and allowed (suspended at each unbind; the PM core reports a
# count driven below 0), and with commands racing unbind.
edu_rpm_usage_balanced() {
	local d a usage i=0 rc=0

	d=$(edu_dir) && a=$(edu_addr) && usage=$(cat "$d/power/runtime_usage") ||
		return 1
	while [ $i -lt 20 ]; do
		[ $i -ne 10 ] || echo auto >"$d/power/control"
		[ $i -lt 10 ] || kb_rpm_wait "$d" suspended || rc=1
		echo "$a" >$EDU/unbind && echo "$a" >$EDU/bind || rc=1
		i=$((i + 1))
	done
	pci_edu_test unbind_while_raising || rc=1
	echo on >"$d/power/control"
	pci_edu_test unbind_while_raising || rc=1
	test "$(cat "$d/power/runtime_usage")" = "$usage" ||
		{ echo "usage $usage became $(cat "$d/power/runtime_usage")"; rc=1; }
	return $rc
}

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
kb_case "edu: sysfs attribute reads and writes the device, refuses bad values" \
	edu_sysfs_liveness
kb_case "edu: sysfs attribute open across unbind reads ENODEV" \
	edu_sysfs_open_across_unbind
kb_case "edu: sysfs reads and writes racing 20 unbind/bind cycles" \
	edu_sysfs_racing_unbind
kb_case "edu: runtime pm: idle suspends when allowed, an ioctl resumes" \
	edu_rpm_allowed_suspends_ioctl_resumes
kb_case "edu: runtime pm: usage count balanced over unbind/bind cycles" \
	edu_rpm_usage_balanced
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
