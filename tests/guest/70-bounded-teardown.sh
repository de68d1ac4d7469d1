# SPDX-License-Identifier: GPL-2.0
#
# Teardown never waits on user space: for each kind of owner of a misc node
# (a module's nested owner, a platform device, a PCI device), an operation
# parked on a userfaultfd page or asleep for an event that never comes does
# not hold up the teardown (tests/user/park_test.c).

. /kbind/lib.sh

kb_case "bounded teardown: load the owners" sh -c "
	insmod $KB_MODULES/kb_misc_owner.ko &&
	insmod $KB_MODULES/kbind_platform_sample.ko &&
	insmod $KB_MODULES/kb_platform_dev.ko &&
	insmod $KB_MODULES/kbind_edu.ko"
for c in $(park_test); do
	kb_case "bounded teardown: $c" park_test "$c"
done
cycles=1000
case $(uname -r) in *kbind-debug*) cycles=100 ;; esac
for c in $(stress_test); do
	kb_case "stress: $c: $cycles teardown cycles under two busy files" \
		stress_test "$c" "$cycles"
done
kb_case "bounded teardown: unload the owners" sh -c "
	rmmod kbind_edu && rmmod kb_platform_dev &&
	rmmod kbind_platform_sample && rmmod kb_misc_owner"

exit 0
