# SPDX-License-Identifier: GPL-2.0
#
# kbind guest test library (busybox sh). A test script in the --tests
# directory (run by /init with /kbind/tests as working directory) starts with
#
#	. /kbind/lib.sh
#
# and reports TAP cases on the results channel (ttyS1), numbered across the
# whole VM run. Cases must not run concurrently. A script that exits non-zero
# (syntax error, "set -e" abort, or a failed kb_case as its last command)
# adds a failed case named after the script.
#
#   kb_case NAME CMD [ARGS...]
#	Run CMD with stdin from /dev/null and its output in a case log. The
#	case is "ok N - NAME" iff CMD exits 0 and the kernel logged no splat
#	(see /kbind/splat.sh) while it ran; otherwise "not ok N - NAME"
#	followed by CMD's exit status, its output and the splat lines as "# "
#	diagnostics. Leaks are checked per script, not per case (see
#	kb_no_leaks): a kmemleak scan takes seconds under TCG, and only
#	reports objects 5 s old, so a scan right after a case would not see
#	that case's leaks anyway. Returns 0 if ok, 1 if not (so "set -e" stops a script at
#	its first failed case). A "# begin N - NAME" line goes out first: the
#	host reports a case that began but never ended (the VM crashed or
#	hung in it) as failed.
#   kb_case_lockdep_cycle NAME CMD [ARGS...]
#	As kb_case, for a case whose point is that lockdep reports a circular
#	dependency: ok iff CMD exits 0, the kernel reported a cycle while it
#	ran, and logged no other splat. Lockdep reports once per boot: only
#	the last script of a run may use it.
#   kb_skip NAME REASON
#	Report "ok N - NAME # SKIP REASON".
#   kb_pass NAME
#	Report "ok N - NAME" for a result obtained otherwise (e.g. a KUnit
#	case parsed from KTAP).
#   kb_fail NAME REASON
#	Report "not ok N - NAME" with REASON as a diagnostic.
#   kb_diag TEXT...
#	Print "# TEXT" on the results channel.
#   kb_show CMD [ARGS...]
#	Print "# $ CMD ARGS" and CMD's output as diagnostics and return
#	CMD's status: for demos, which show what a user would type and see.
#   kb_expect_at_poweroff NAME REGEX
#	Declare a case the host decides after the VM powered off: ok iff the
#	guest reached power off and the console has a line matching the
#	extended REGEX. For what only happens at power off (drivers'
#	shutdown callbacks).
#   kb_rpm_wait DEVDIR STATUS
#	Wait up to 5 s for the runtime PM status of the device whose sysfs
#	directory is DEVDIR to read STATUS (active, suspended, ...); fails
#	saying which status it stayed in.
#   kb_no_leaks
#	A command for kb_case: waits out kmemleak's 5 s minimum age, then
#	fails if a scan finds a leak. /init runs it after every script.
#
# Variables: KB_MODULES is the directory of our modules (*.ko, not loaded:
# tests insmod/rmmod them); the kernel modules named with --kmod are already
# loaded by /init. The static test programs in /kbind/bin are on PATH.
#
# kb_case clears the kernel ring buffer (dmesg -c) before CMD, so it checks
# exactly the lines logged while CMD ran, even once the buffer has wrapped.
# The serial console (console.log on the host) keeps every line.

# shellcheck shell=dash disable=SC2034
KB_RESULTS=/dev/ttyS1
KB_STATE=/run/kbind
KB_MODULES=/kbind/modules
KB_KMEMLEAK=/sys/kernel/debug/kmemleak
# The debug kernel (KASAN, kmemleak, lockdep) runs several times slower:
# cases that move much data move less there (KB_MB_SCALE divides their
# sizes); they take the same paths.
KB_MB_SCALE=1
[ ! -e "$KB_KMEMLEAK" ] || KB_MB_SCALE=4

# shellcheck source-path=SCRIPTDIR source=splat.sh
. /kbind/splat.sh

kb_out() {
	printf '%s\n' "$*" >"$KB_RESULTS"
}

kb_diag() {
	kb_out "# $*"
}

kb_rpm_wait() {
	local i=0

	while [ "$(cat "$1/power/runtime_status")" != "$2" ]; do
		[ $i -lt 50 ] || {
			echo "runtime_status stays $(cat "$1/power/runtime_status")"
			return 1
		}
		sleep 0.1
		i=$((i + 1))
	done
}

kb_expect_at_poweroff() {
	kb_out "# expect at poweroff: $2 :: $1"
}

kb_show() {
	local out rc=0

	kb_diag "\$ $*"
	out=$("$@" 2>&1) || rc=$?
	[ -z "$out" ] || printf '%s\n' "$out" | kb_diag_lines
	return $rc
}

# Copy stdin to the results channel as "# " diagnostics.
kb_diag_lines() {
	sed 's/^/# /' >"$KB_RESULTS"
}

# Set KB_N to the next case number, counted in a file shared by all the
# scripts of the run.
kb_next() {
	read -r KB_N <"$KB_STATE/count"
	KB_N=$((KB_N + 1))
	echo "$KB_N" >"$KB_STATE/count"
}

# Scan for leaks now and print kmemleak's reports (nothing on kernels
# without kmemleak), then forget them so that each is reported once.
# kmemleak only reports objects unreferenced for 5 s or more.
kb_leaks() {
	[ -w "$KB_KMEMLEAK" ] || return 0
	echo scan >"$KB_KMEMLEAK"
	cat "$KB_KMEMLEAK"
	echo clear >"$KB_KMEMLEAK"
}

# A case of its own: wait out kmemleak's minimum age, then expect no leak.
kb_no_leaks() {
	local leaks

	[ -w "$KB_KMEMLEAK" ] || return 0
	sleep 6
	leaks=$(kb_leaks)
	[ -z "$leaks" ] || { echo "$leaks"; return 1; }
}

kb_case() {
	__kb_case "" "$@"
}

kb_case_lockdep_cycle() {
	__kb_case cycle "$@"
}

# __kb_case EXPECT NAME CMD...: EXPECT is "cycle" or empty (no splat at all).
__kb_case() {
	local expect=$1 name=$2 log rc=0 splat

	shift 2
	kb_next
	log=$KB_STATE/case-$KB_N.log
	kb_diag "begin $KB_N - $name"
	echo "kbind: begin case $KB_N" >/dev/kmsg
	dmesg -c >/dev/null
	[ -z "$expect" ] || echo "$KB_CYCLE_MARK" >/dev/kmsg
	"$@" </dev/null >"$log" 2>&1 || rc=$?
	splat=$(dmesg | grep -E "$KB_SPLAT_RE" || true)
	if [ -n "$expect" ]; then
		if printf '%s\n' "$splat" | grep -q "$KB_CYCLE_HEAD"; then
			splat=$(printf '%s\n' "$splat" |
				grep -Ev "$KB_CYCLE_RE" || true)
		else
			echo "no lockdep cycle report" >>"$log"
			[ "$rc" -ne 0 ] || rc=1
		fi
	fi
	if [ "$rc" -eq 0 ] && [ -z "$splat" ]; then
		kb_out "ok $KB_N - $name"
		return 0
	fi
	kb_out "not ok $KB_N - $name"
	[ "$rc" -eq 0 ] || kb_diag "exit status $rc: $*"
	kb_diag_lines <"$log"
	if [ -n "$splat" ]; then
		kb_diag "kernel splat:"
		echo "$splat" | kb_diag_lines
	fi
	return 1
}

kb_skip() {
	kb_next
	kb_out "ok $KB_N - $1 # SKIP $2"
}

kb_pass() {
	kb_next
	kb_out "ok $KB_N - $1"
}

kb_fail() {
	kb_next
	kb_out "not ok $KB_N - $1"
	kb_diag "$2"
}
