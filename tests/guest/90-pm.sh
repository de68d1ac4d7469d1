# SPDX-License-Identifier: GPL-2.0
#
# System sleep and shutdown of the samples that have power management
# (edu on PCI, the platform sample): a sleep cycle through
# /sys/power/pm_test, which calls every device's suspend and resume
# callbacks without sleeping, and the shutdown callbacks at power off.
# Last of the guest scripts: the samples stay loaded until the VM powers
# off (the debug kernel's lockdep script, after it, rebinds edu).

. /kbind/lib.sh

EDU=/sys/bus/pci/drivers/kbind_edu
PF_DBG=/sys/kernel/debug/kbind-pf-a.0

# A sleep cycle to the device level: freeze user space, suspend every
# device, resume it at once.
pm_cycle() {
	local rc=0

	[ ! -w /sys/module/suspend/parameters/pm_test_delay ] ||
		echo 0 >/sys/module/suspend/parameters/pm_test_delay
	echo devices >/sys/power/pm_test &&
	echo freeze >/sys/power/state || rc=1
	echo none >/sys/power/pm_test
	return $rc
}

# "suspend resume" as the samples count them (edu's first two fields).
pm_counts() {
	set -- $(cat $EDU/0000:*/pm_calls)
	echo "$1 $2 $(sed -n 's/^suspend //p; s/^resume //p' $PF_DBG/counts |
		tr '\n' ' ')"
}

pm_sleep_calls_typed_callbacks() {
	local before after

	before=$(pm_counts) && pm_cycle && after=$(pm_counts) || return 1
	kb_diag "suspend, resume calls (edu, platform) before: $before; after: $after"
	set -- $before $after
	[ "$5" -eq $(($1 + 1)) ] && [ "$6" -eq $(($2 + 1)) ] &&
		[ "$7" -eq $(($3 + 1)) ] && [ "$8" -eq $(($4 + 1)) ]
}

pm_devices_work_after_resume() {
	pci_edu_test factorial &&
		dd if=/dev/kbind-pf0 of=/dev/null bs=16 count=1 2>/dev/null
}

if [ ! -e /sys/power/pm_test ]; then
	kb_skip "pm: sleep cycle" "no /sys/power/pm_test (CONFIG_PM_DEBUG)"
	exit 0
fi
kb_case "pm: load edu and the platform sample" sh -c \
	"insmod $KB_MODULES/kbind_edu.ko && insmod $KB_MODULES/kbind_platform_sample.ko && insmod $KB_MODULES/kb_platform_dev.ko && test -e $PF_DBG/counts"
kb_case "pm: a sleep cycle calls each typed suspend and resume once" \
	pm_sleep_calls_typed_callbacks
kb_case "pm: the devices work after resume" pm_devices_work_after_resume
kb_expect_at_poweroff "pm: the platform sample's typed shutdown runs at power off" \
	'kbind-pf model 0xa: shut down after [0-9]+ interrupts'
kb_expect_at_poweroff "pm: edu's shutdown leaves its interrupts off" \
	'kbind_edu: shut down: interrupts off, no DMA running'

exit 0
