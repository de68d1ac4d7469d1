# SPDX-License-Identifier: GPL-2.0
#
# The kbind platform sample bound to kb_platform_dev.ko's two devices:
# memory resource, typed match info, 100 unbind/bind cycles, unbind while a
# file is open, unload in either order; its debugfs files and runtime PM,
# and both across unbind.

. /kbind/lib.sh

PF=/sys/bus/platform/devices/kbind-pf-a.0
PF_DRV=/sys/bus/platform/drivers/kbind_platform_sample
PF_DBG=/sys/kernel/debug/kbind-pf-a.0

pf_rebind() {
	echo kbind-pf-a.0 >$PF_DRV/unbind && echo kbind-pf-a.0 >$PF_DRV/bind
}

# Counter $1 of the device's debugfs counts file.
pf_count() {
	sed -n "s/^$1 //p" $PF_DBG/counts
}

pf_read16() {
	dd if=/dev/kbind-pf0 of=/dev/null bs=16 count=1 2>/dev/null
}

pf_debugfs_counts() {
	test "$(pf_count irqs)" -ge 0 && test "$(pf_count timer)" -ge 0 &&
		grep -q '^runtime_resume [0-9]' $PF_DBG/counts
}

# An open debugfs file outlives the device's binding: reads get EIO.
pf_debugfs_open_across_unbind() {
	local rc=0 out

	exec 3<$PF_DBG/counts
	echo kbind-pf-a.0 >$PF_DRV/unbind || rc=1
	test ! -e $PF_DBG || rc=1
	out=$(cat <&3 2>&1) && rc=1
	case $out in *"Input/output error"*) ;; *) echo "read gave: $out"; rc=1 ;; esac
	exec 3<&-
	echo kbind-pf-a.0 >$PF_DRV/bind && test -e $PF_DBG/counts && return $rc
}

pf_debugfs_reads_racing_unbind() {
	local i=0 reader

	( while :; do cat $PF_DBG/counts; done ) >/dev/null 2>&1 &
	reader=$!
	while [ $i -lt 20 ]; do
		pf_rebind || break
		i=$((i + 1))
	done
	kill $reader
	wait $reader
	test $i -eq 20
}

pf_rpm_idle_suspends_read_resumes() {
	local resumed

	kb_rpm_wait $PF suspended && resumed=$(pf_count runtime_resume) &&
		pf_read16 && test "$(pf_count runtime_resume)" -eq $((resumed + 1)) &&
		kb_rpm_wait $PF suspended
}

# A failed runtime resume fails the read and takes no usage reference;
# the PM core then refuses the device until it is set up again (rebind).
pf_rpm_failed_resume_no_leak() {
	local usage rc=0

	kb_rpm_wait $PF suspended && usage=$(cat $PF/power/runtime_usage) ||
		return 1
	echo 1 >$PF_DBG/fail_resume
	! pf_read16 || { echo "read succeeded"; rc=1; }
	test "$(cat $PF/power/runtime_usage)" = "$usage" ||
		{ echo "usage $usage became $(cat $PF/power/runtime_usage)"; rc=1; }
	echo 0 >$PF_DBG/fail_resume
	pf_rebind && test "$(cat $PF/power/runtime_usage)" = "$usage" &&
		pf_read16 && return $rc
}

pf_unbind_while_suspended() {
	kb_rpm_wait $PF suspended && pf_rebind && kb_rpm_wait $PF suspended &&
		test "$(cat $PF/power/runtime_usage)" = 0
}

kb_case "platform sample: load driver" \
	insmod "$KB_MODULES/kbind_platform_sample.ko"
kb_case "platform sample: devices bind, nodes appear" sh -c \
	"insmod $KB_MODULES/kb_platform_dev.ko && test -c /dev/kbind-pf0 && test -c /dev/kbind-pf1"
for c in $(platform_sample_test); do
	kb_case "platform sample: $c" platform_sample_test "$c"
done
kb_case "platform sample: debugfs counts file" pf_debugfs_counts
kb_case "platform sample: debugfs file open across unbind reads EIO" \
	pf_debugfs_open_across_unbind
kb_case "platform sample: debugfs reads racing 20 unbind/bind cycles" \
	pf_debugfs_reads_racing_unbind
kb_case "platform sample: runtime pm: idle suspends, a read resumes" \
	pf_rpm_idle_suspends_read_resumes
kb_case "platform sample: runtime pm: a failed resume leaks no usage count" \
	pf_rpm_failed_resume_no_leak
kb_case "platform sample: runtime pm: unbind while suspended" \
	pf_unbind_while_suspended
kb_case "platform sample: driver unload unbinds" sh -c \
	"rmmod kbind_platform_sample && ! test -e /dev/kbind-pf0"
kb_case "platform sample: devices go away" rmmod kb_platform_dev
# The other order: devices removed under a bound driver.
kb_case "platform sample: device removal unbinds" sh -c \
	"insmod $KB_MODULES/kbind_platform_sample.ko && insmod $KB_MODULES/kb_platform_dev.ko && exec 3</dev/kbind-pf1 && rmmod kb_platform_dev && ! test -e /dev/kbind-pf1 && ! cat <&3 && exec 3<&- && rmmod kbind_platform_sample"

exit 0
