# SPDX-License-Identifier: GPL-2.0
#
# The KUnit suites of kunit/, on every kernel built with KUnit (kbind's 7.2
# and debug kernels; Debian's 6.1 and 6.12 have none: one skip says so).
# Each test module runs its suites when loaded; every KUnit case is
# reported as a case of its own from the suite's KTAP results in debugfs. A splat during a module's run
# fails its load case; a leak fails the script's leak case.

. /kbind/lib.sh

KUNIT_DEBUGFS=/sys/kernel/debug/kunit

# Report every case of one suite's KTAP results (indented subtest lines).
report_suite() {
	local suite=$1 line status name diag=

	while IFS= read -r line; do
		case $line in
		"    # "*) diag="$diag${line#    # }
" ;;
		"    ok "* | "    not ok "*)
			line=${line#    }
			status=${line%% [0-9]*}
			name=${line#"$status" }
			name=${name#* }
			case $status in
			ok) case $name in
			    *"# SKIP"*) kb_skip "kunit: $suite: ${name%% #*}" \
					"${name#*# SKIP }" ;;
			    *) kb_pass "kunit: $suite: $name" ;;
			    esac ;;
			*) kb_fail "kunit: $suite: $name" "$diag" ;;
			esac
			diag= ;;
		esac
	done <"$KUNIT_DEBUGFS/$suite/results"
}

set -- "$KB_MODULES"/kbind_*_test.ko
if [ ! -e "$1" ]; then
	kb_skip "kunit: the bindings' suites" \
		"no KUnit in this kernel, so no suite was built for it"
	exit 0
fi

for ko in "$@"; do
	mod=$(basename "$ko" .ko)
	kb_case "kunit: $mod: load and run" insmod "$ko" || continue
	for dir in "$KUNIT_DEBUGFS"/kbind_*; do
		[ -f "$dir/results" ] && report_suite "$(basename "$dir")"
	done
	kb_case "kunit: $mod: unload" rmmod "$mod"
done
exit 0
