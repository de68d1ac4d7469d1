# SPDX-License-Identifier: GPL-2.0
#
# Debug kernel only, and last: lockdep reports once per boot, then stops
# checking. An operation that takes its device's device_lock inside the
# access section deadlocks against an unbind, which holds that lock while
# it waits for the section (tests/modules/kb_devlock_misuse.c). Lockdep
# must report the cycle at the first unbind after such an operation ran,
# though nothing raced and nothing hung. It cannot without kbind's help:
# the driver core's device_lock has no lockdep class (bus.h gives a bound
# device's lock one), and 6.1's SRCU is not tracked by lockdep
# (revocable.h annotates the sections).

. /kbind/lib.sh

MISUSE=/sys/bus/pci/drivers/kb_devlock_misuse

devlock_misuse() {
	local addr

	if ! grep -q 'debug_locks: *1' /proc/lockdep_stats; then
		echo "lockdep is off: an earlier report, or no CONFIG_PROVE_LOCKING"
		return 1
	fi
	insmod "$KB_MODULES/kb_devlock_misuse.ko" || return 1
	addr=$(basename "$MISUSE"/0000:*)
	[ -e "$MISUSE/$addr" ] || { echo "edu not bound to the fixture"; return 1; }
	cat /dev/kbind-devlock-misuse || return 1
	echo "$addr" >"$MISUSE/unbind" || return 1
	rmmod kb_devlock_misuse || return 1
	dmesg | grep -A60 "$KB_CYCLE_HEAD" >/tmp/cycle-report
	cat /tmp/cycle-report
	# the cycle is the bound device's lock against the node's section
	grep -q 'kb_bound_device_lock' /tmp/cycle-report &&
		grep -q 'kb_misc' /tmp/cycle-report
}

# whatever earlier scripts left bound to the edu device goes first, and
# comes back after: 90-pm.sh expects kbind_edu bound at power off
had_edu=
! rmmod kbind_edu 2>/dev/null || had_edu=1
kb_case_lockdep_cycle "device_lock in an access section: lockdep reports the cycle at unbind" \
	devlock_misuse
[ -z "$had_edu" ] || kb_case "kbind_edu bound again" \
	insmod "$KB_MODULES/kbind_edu.ko"

exit 0
