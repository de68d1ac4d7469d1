# SPDX-License-Identifier: GPL-2.0
#
# Debug kernel only: make every lifecycle step of every driver's probe fail
# in turn. Each driver declares itself in fault.d/NAME.sh with four
# functions:
#
#	fault_probe		make the driver probe once (kb_insmod, bind, ...;
#				not busybox insmod: it retries a failed init)
#	fault_works		check the probed driver works
#	fault_remove		undo fault_probe
#	fault_nothing_left	true if nothing of a failed probe remains
#
# and, if the probe needs something first, fault_setup and fault_cleanup.
#
# The fault attribute of kbind_fault.ko (tests/modules/kbind_fault.c) makes
# attempt N of kbind_fault_point() fail with -ENOMEM in the probing task
# only (task-filter and /proc/self/make-it-fail); a counting pass finds how
# many steps there are. Then, for each step, a case
# checks: the probe fails with the error, the step is the one that failed,
# nothing is left and no splat (kb_case); at the end the driver still
# probes and works. kmemleak's check after this script (/init runs one
# after every script) covers the whole sweep: one scan for all drivers, as
# a scan takes 10-20 s on the debug kernel, and a report's backtrace names
# the allocating driver.

. /kbind/lib.sh

FF=/sys/kernel/debug/kbind_fault
MAX_STEPS=32

# Fail the $1-th call of kbind_fault_point() from a marked task.
fault_arm() {
	echo 100 >"$FF/probability" &&
	echo "$1" >"$FF/space" &&
	echo 1 >"$FF/times"
}

fault_disarm() {
	echo 0 >"$FF/times"
	echo 0 >"$FF/probability"
}

# Probe with attempt $1 failing; prints the probe's output.
probe_failing_at() {
	local rc=0

	fault_arm "$1" || return 2
	(echo 1 >/proc/self/make-it-fail && fault_probe) 2>&1 || rc=$?
	fault_disarm
	return $rc
}

# The name of the step whose injected failure the kernel logged last.
injected_step() {
	dmesg | sed -n 's/.*kbind: .*: injected .* at step [0-9]* (\(.*\))$/\1/p' |
		tail -n 1
}

# One case: attempt $1 fails, it is step $2, and the probe unwound cleanly.
fault_step() {
	local out step

	if out=$(probe_failing_at "$1"); then
		echo "probe succeeded despite the injected failure"
		fault_remove
		return 1
	fi
	echo "$out"
	step=$(injected_step)
	[ "$step" = "$2" ] || { echo "failed step: '$step', expected '$2'"; return 1; }
	echo "$out" | grep -q 'out of memory\|Cannot allocate memory' ||
		{ echo "probe did not return -ENOMEM"; return 1; }
	fault_nothing_left || { echo "something of the failed probe is left"; return 1; }
}

probe_work_remove() {
	fault_probe && fault_works && fault_remove
}

# Counting pass: the names of the steps, one per line.
count_steps() {
	local k=1 step

	while [ $k -le $MAX_STEPS ]; do
		dmesg -c >/dev/null
		if probe_failing_at $k >/dev/null; then
			fault_remove
			return 0
		fi
		step=$(injected_step)
		[ -n "$step" ] || return 1
		echo "$step"
		k=$((k + 1))
	done
	return 1
}

sweep() {
	local name=$1 steps n k=1 step

	if ! steps=$(count_steps) || [ -z "$steps" ]; then
		kb_fail "fault: $name: steps found" \
			"no injected step, or more than $MAX_STEPS"
		return
	fi
	n=$(echo "$steps" | wc -l)
	echo "$steps" | while IFS= read -r step; do
		kb_case "fault: $name: step $k/$n ($step) fails and unwinds" \
			fault_step $k "$step"
		k=$((k + 1))
	done
	kb_case "fault: $name: probes and works after the sweep" probe_work_remove
	kb_diag "fault sweep: $name: $n steps: $(echo "$steps" | tr '\n' , | sed 's/,$//')"
}

# Run an optional hook of the declaration, as a case of its own.
hook() {
	type "$1" >/dev/null 2>&1 || return 0
	kb_case "fault: $2: $1" "$1"
}

echo Y >"$FF/task-filter"
echo 0 >"$FF/verbose"
fault_disarm
for decl in fault.d/*.sh; do
	name=$(basename "$decl" .sh)
	(. "./$decl" && hook fault_setup "$name" && sweep "$name" &&
		hook fault_cleanup "$name")
done
exit 0
