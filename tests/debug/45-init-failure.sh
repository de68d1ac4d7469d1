# SPDX-License-Identifier: GPL-2.0
#
# Debug kernel only: a module init that fails after it published what a
# user already holds. The module's code must outlive the user: an open
# disk or node calls into it at close (fops->owner, ->release). With
# kbind_fault.ko's hold (tests/modules/kbind_fault.c) the failing step
# waits until the test has opened what was published, then fails. Once
# teardown has withdrawn everything, KB_MODULE() sees the user's hold on
# the module, logs why and returns 0: the module stays, with nothing
# published, until the user closes; then rmmod works, and a clean load
# works again. Without a user a failed init fails as before, leaving
# nothing (also checked by 40-fault-sweep.sh).
#
# Without the kept-loaded rule, these cases fail: the load reports the
# error, the module is freed, and the user's close runs freed code
# (KASAN: use-after-free, or an oops).

. /kbind/lib.sh

FF=/sys/kernel/debug/kbind_fault
NULLB=$KB_MODULES/kbind_null_blk.ko
OWNER=$KB_MODULES/kb_misc_owner.ko
CFS=/sys/kernel/config/kbnullb
# -ENOMEM, or -12 without CONFIG_SYMBOLIC_ERRNAME
KEPT='init failed \((-ENOMEM|-12)\) after publishing; kept loaded with nothing published until its users are gone'

# must WHAT CMD...: CMD must succeed, else say WHAT failed.
must() {
	local what=$1

	shift
	"$@" || { echo "failed: $what"; return 1; }
}

# Attempt $1 of kbind_fault_point() by a marked task fails; with $2 = Y
# the failure is held until released.
fault_arm() {
	echo Y >$FF/task-filter && echo 0 >$FF/verbose &&
		echo "$2" >$FF/hold && echo 100 >$FF/probability &&
		echo "$1" >$FF/space && echo 1 >$FF/times
}

fault_disarm() {
	echo 0 >$FF/times
	echo 0 >$FF/probability
	echo N >$FF/hold
	echo 1 >$FF/release
}

# The name of the step whose injected failure the kernel logged last.
injected_step() {
	dmesg | sed -n 's/.*kbind: .*: injected .* at step [0-9]* (\(.*\))$/\1/p' |
		tail -n 1
}

# load_failing K MODULE PARAMS: load with attempt K failing, not held.
load_failing() {
	local rc=0

	fault_arm "$1" N || return 2
	(echo 1 >/proc/self/make-it-fail && kb_insmod "$2" "$3") 2>&1 || rc=$?
	fault_disarm
	return $rc
}

# count_steps MODULE PARAMS FILE: the names of MODULE's init steps with
# PARAMS, one a line into FILE, found by failing each in turn (no user).
count_steps() {
	local k=1 step

	: >"$3"
	while [ $k -le 32 ]; do
		dmesg -c >/dev/null
		if load_failing $k "$1" "$2" >/dev/null; then
			cat "$3"
			rmmod "$(basename "$1" .ko)"
			return
		fi
		step=$(injected_step)
		[ -n "$step" ] || { echo "no step injected at attempt $k"; return 1; }
		echo "$step" >>"$3"
		k=$((k + 1))
	done
	echo "more than 32 steps"
	return 1
}

# load_held K MODULE PARAMS: start loading with attempt K failing, held;
# returns once the failure is held (INSMOD_PID is the load's).
load_held() {
	local i=0

	fault_arm "$1" Y || return 1
	(echo 1 >/proc/self/make-it-fail && exec kb_insmod "$2" "$3") \
		>/tmp/insmod.out 2>&1 &
	INSMOD_PID=$!
	while [ "$(cat $FF/held)" = 0 ]; do
		[ $i -lt 200 ] || {
			echo "no failure held after 20 s"
			fault_disarm
			wait $INSMOD_PID
			return 1
		}
		sleep 0.1
		i=$((i + 1))
	done
}

# release_held: let the held failure go; INSMOD_RC is the load's status.
release_held() {
	INSMOD_RC=0
	echo 1 >$FF/release
	wait $INSMOD_PID || INSMOD_RC=$?
	fault_disarm
	cat /tmp/insmod.out
}

# kept_loaded MODULE STEP: the load that failed at STEP succeeded, kept
# MODULE loaded and said why.
kept_loaded() {
	local mod=$1

	must "the step that failed is '$2' (it is '$(injected_step)')" \
		test "$(injected_step)" = "$2" &&
		must "the load succeeds (status $INSMOD_RC)" test $INSMOD_RC = 0 &&
		must "the log says: kbind: $mod: $KEPT" \
			eval 'dmesg | grep -qE "kbind: $mod: $KEPT"' &&
		must "$mod is loaded" grep -q "^$mod " /proc/modules
}

# refused_load MODULE STEP: the load failed at STEP with -ENOMEM and left
# nothing of MODULE.
refused_load() {
	local mod=$1

	must "the step that failed is '$2' (it is '$(injected_step)')" \
		test "$(injected_step)" = "$2" &&
		must "the load fails (status $INSMOD_RC)" test $INSMOD_RC != 0 &&
		must "with -ENOMEM" grep -q 'Cannot allocate memory' /tmp/insmod.out &&
		must "$mod is not loaded" eval '! grep -q "^$mod " /proc/modules'
}

# What a failed case left: close, unload.
cleanup() {
	exec 3<&- 4<&-
	fault_disarm
	rmmod "$1" 2>/dev/null
	return 0
}

# kbind null_blk, nr_devices=2: its steps (module, disk 0, disk 1, configfs).
NB_STEPS=/tmp/nullb.steps
kb_case "init failure: kbind_null_blk nr_devices=2: each step fails without a user" \
	count_steps "$NULLB" nr_devices=2 $NB_STEPS
nb_n=$(wc -l <$NB_STEPS)
# The first publication: disk 0's add_disk. The second disk's: the last.
nb_first=$(grep -n ': add_disk$' $NB_STEPS | head -n 1 | cut -d: -f1)
nb_second=$(grep -n ': add_disk$' $NB_STEPS | tail -n 1 | cut -d: -f1)
kb_diag "kbind_null_blk nr_devices=2: $nb_n steps: $(tr '\n' , <$NB_STEPS | sed 's/,$//')"

nb_step_name() {
	sed -n "${1}p" $NB_STEPS
}

# nullb_held K [io]: step K of a load with nr_devices=2 fails while
# /dev/kbnullb0 (and /dev/kbnullb1 if it is there) is open; with io, the
# user has read from it and has direct I/O in flight (completions take
# 100 ms) when the step fails.
nullb_held() {
	local k=$1 io=${2:-} params=nr_devices=2 dd_pid='' dd_rc=0

	[ -z "$io" ] || params="$params irqmode=2 completion_nsec=100000000"
	load_held "$k" "$NULLB" "$params" || return 1
	# (a redirection that fails would end the script: test first)
	must "/dev/kbnullb0 is there while the step is held" \
		test -b /dev/kbnullb0 || { release_held; cleanup kbind_null_blk; return 1; }
	exec 3</dev/kbnullb0
	! test -b /dev/kbnullb1 || exec 4</dev/kbnullb1
	must "no configfs while the module's init runs" test ! -e $CFS ||
		{ release_held; cleanup kbind_null_blk; return 1; }
	if [ -n "$io" ]; then
		must "/dev/kbnullb0 reads" \
			eval 'dd of=/dev/null bs=4k count=8 <&3 2>/dev/null' ||
			{ release_held; cleanup kbind_null_blk; return 1; }
		dd if=/dev/kbnullb0 of=/dev/null bs=4k count=1000 iflag=direct \
			3<&- 4<&- 2>/dev/null &
		dd_pid=$!
		sleep 1
	fi
	release_held
	# it ends at an error or at the end of the disk, now of size 0
	[ -z "$dd_pid" ] || wait $dd_pid || dd_rc=$?
	[ -z "$dd_pid" ] || echo "the direct I/O ended with status $dd_rc"
	kept_loaded kbind_null_blk "$(nb_step_name "$k")" &&
		must "the disks are gone" \
			eval '! test -e /dev/kbnullb0 && ! test -e /sys/block/kbnullb1' &&
		must "configfs is not there" test ! -e $CFS &&
		must "the open disk reads nothing now" \
			eval 'test "$(dd bs=4k count=1 <&3 2>/dev/null | wc -c)" = 0' &&
		must "rmmod is refused while the disk is open" \
			eval '! rmmod kbind_null_blk 2>/dev/null' ||
		{ cleanup kbind_null_blk; return 1; }
	exec 3<&- 4<&-
	must "rmmod works once the disk is closed" rmmod kbind_null_blk &&
		must "a clean load works" kb_insmod "$NULLB" nr_devices=2 &&
		must "with both disks and configfs" \
			eval 'test -b /dev/kbnullb1 && test -d $CFS' &&
		rmmod kbind_null_blk
}

# nullb_no_user K: step K fails with nobody holding anything: the load
# fails and leaves nothing.
nullb_no_user() {
	load_held "$1" "$NULLB" nr_devices=2 || return 1
	release_held
	refused_load kbind_null_blk "$(nb_step_name "$1")" &&
		must "no disk left" eval '! test -e /sys/block/kbnullb0' &&
		must "no configfs left" test ! -e $CFS
}

if [ -z "$nb_second" ] || [ "$nb_second" = "$nb_first" ]; then
	kb_fail "init failure: kbind_null_blk: two add_disk steps found" \
		"steps: $(tr '\n' , <$NB_STEPS)"
else
	kb_case "init failure: kbind_null_blk: disk 1's add_disk fails with /dev/kbnullb0 open: kept loaded, no use-after-free" \
		nullb_held "$nb_second"
	kb_case "init failure: kbind_null_blk: disk 1's add_disk fails with /dev/kbnullb0 read and under I/O: kept loaded" \
		nullb_held "$nb_second" io
	kb_case "init failure: kbind_null_blk: disk 1's add_disk fails with no user: load fails, nothing left" \
		nullb_no_user "$nb_second"
	k=$((nb_first + 1))
	while [ $k -le "$nb_n" ]; do
		kb_case "init failure: kbind_null_blk: step $k/$nb_n ($(nb_step_name $k)) fails with the disks open: kept loaded" \
			nullb_held $k
		k=$((k + 1))
	done
fi

# kb_misc_owner extra_node=1: a control node, then a second one. The
# victim node is published by a lifecycle its acquire starts.
OW_STEPS=/tmp/owner.steps
kb_case "init failure: kb_misc_owner extra_node=1: each step fails without a user" \
	count_steps "$OWNER" extra_node=1 $OW_STEPS
ow_n=$(wc -l <$OW_STEPS)
kb_diag "kb_misc_owner extra_node=1: $ow_n steps: $(tr '\n' , <$OW_STEPS | sed 's/,$//')"

# read_err FD: what reading FD says (busybox cat: "read error: ...").
read_err() {
	{ eval "cat <&$1" >/dev/null; } 2>&1
}

# owner_held: the second control node's step (the last) fails while the
# first and the victim node are open (the control node has no operation a
# shell can call: it is only closed).
owner_held() {
	local step

	step=$(sed -n "${ow_n}p" $OW_STEPS)
	load_held "$ow_n" "$OWNER" extra_node=1 || return 1
	must "the nodes are there while the step is held" \
		test -c /dev/kbind-owner-ctl -a -c /dev/kbind-victim ||
		{ release_held; cleanup kb_misc_owner; return 1; }
	exec 3<>/dev/kbind-owner-ctl 4<>/dev/kbind-victim
	must "the victim node reads 'alive'" \
		eval 'test "$(cat <&4)" = alive' ||
		{ release_held; cleanup kb_misc_owner; return 1; }
	release_held
	kept_loaded kb_misc_owner "$step" &&
		must "every node is gone" \
			eval '! ls /dev/kbind-owner-ctl /dev/kbind-owner-extra /dev/kbind-victim 2>/dev/null' &&
		must "the open victim file gets ENODEV" \
			eval 'read_err 4 | grep -q "No such device"' &&
		must "rmmod is refused while they are open" \
			eval '! rmmod kb_misc_owner 2>/dev/null' ||
		{ cleanup kb_misc_owner; return 1; }
	exec 3<&- 4<&-
	must "rmmod works once they are closed" rmmod kb_misc_owner &&
		must "a clean load works" kb_insmod "$OWNER" extra_node=1 &&
		must "with its three nodes" \
			eval 'test -c /dev/kbind-owner-extra && test -c /dev/kbind-owner-ctl && test -c /dev/kbind-victim' &&
		rmmod kb_misc_owner
}
kb_case "init failure: kb_misc_owner: second node fails with the first node and the victim open: kept loaded, ENODEV, no use-after-free" \
	owner_held

# owner_nested_held: the module's own first node fails while only the
# victim node is open: it was published by the nested lifecycle, not the
# module's, and still holds the module.
owner_nested_held() {
	local k step

	k=$(grep -n '^owner_test: misc node$' $OW_STEPS | head -n 1 | cut -d: -f1)
	step=$(sed -n "${k}p" $OW_STEPS)
	load_held "$k" "$OWNER" extra_node=1 || return 1
	must "the victim node is there while the step is held" \
		test -c /dev/kbind-victim ||
		{ release_held; cleanup kb_misc_owner; return 1; }
	exec 4<>/dev/kbind-victim
	release_held
	kept_loaded kb_misc_owner "$step" &&
		must "the open victim file gets ENODEV" \
			eval 'read_err 4 | grep -q "No such device"' ||
		{ exec 4<&-; cleanup kb_misc_owner; return 1; }
	exec 4<&-
	must "rmmod works once it is closed" rmmod kb_misc_owner
}
kb_case "init failure: kb_misc_owner: its own first node fails with only the nested owner's victim open: kept loaded, no use-after-free" \
	owner_nested_held

exit 0
