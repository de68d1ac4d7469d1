#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# kbind's Coccinelle rules (cocci/*.cocci), in report mode.
#
#   cocci.sh check [DIR|FILE...]  every rule over the targets (default:
#                                 kbind's bindings/ and drivers/); prints
#                                 "file:line: rule: message", exits 1 on
#                                 any finding
#   cocci.sh test [RULE...]       every rule's (or the given rules') cases in
#                                 cocci/tests/<rule>/, one TAP line per case
#                                 file, and a check that the kernel's own
#                                 coccicheck runs the rule unchanged
#   cocci.sh survey [RULE...]     every rule (or the given ones) over
#                                 drivers/ of Debian's linux-source-6.12;
#                                 results in build/cocci-survey/
#   cocci.sh recall [CLASS...]    a mutation corpus made from drivers/ of
#                                 linux-source-6.12 (scripts/cocci-corpus/):
#                                 per bug class, the share of mutants its
#                                 rules find and of originals they flag;
#                                 exits 1 when a class misses its goal
#
# KBIND_COCCI_JOBS sets spatch's worker count (default: every core).

set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
jobs=${KBIND_COCCI_JOBS:-$(nproc)}
rules=(cocci/*.cocci)
# spatch options of every run (survey: an id-utils index of the tree)
extra=()

rule_name() {
	basename "$1" .cocci
}

# select_rules [RULE...]: narrow $rules to the given names or paths.
select_rules() {
	local rule

	[ $# -gt 0 ] || return 0
	rules=()
	for rule in "$@"; do
		rules+=("cocci/$(rule_name "$rule").cocci")
	done
}

# The rule's own "// Options:" line, as the kernel's coccicheck reads it.
spatch_opts() {
	local opts
	opts=$(sed -n 's|^// Options:||p' "$1" | head -n 1)
	echo "--very-quiet --no-show-diff ${opts:---no-includes --include-headers}"
}

# run RULE TARGET: the rule's reports on one file or directory, as
# "file:line: rule: message", sorted. spatch's own diagnostics go to stderr.
run() {
	local rule=$1 target=$2 name
	name=$(rule_name "$rule")
	if [ -d "$target" ]; then
		set -- --dir "$target" --jobs "$jobs" --chunksize 1
	else
		set -- "$target"
	fi
	# shellcheck disable=SC2046 # the options are words
	spatch --sp-file "$rule" -D report $(spatch_opts "$rule") \
		${extra[@]+"${extra[@]}"} "$@" |
		sed -nE "s|^(.+):([0-9]+):[0-9]+-[0-9]+: (.*)$|\1:\2: $name: \3|p" |
		sort -t: -k1,1 -k2,2n -u
}

# check [TARGET...]: the rules in $rules (default: all) over the targets.
check() {
	local rule target out found=0

	[ $# -gt 0 ] || set -- bindings drivers
	for target in "$@"; do
		[ -e "$target" ] || { echo "cocci: no such file: $target" >&2; exit 2; }
	done
	for rule in "${rules[@]}"; do
		for target in "$@"; do
			if [ -d "$target" ]; then
				out=$(run "$rule" "$target")
			else
				# one file: the rules run side by side below
				continue
			fi
			[ -z "$out" ] && continue
			echo "$out"
			found=1
		done
	done
	for target in "$@"; do
		[ -f "$target" ] || continue
		out=$(check_file "$target")
		[ -z "$out" ] && continue
		echo "$out"
		found=1
	done
	return $found
}

# check_file FILE: every rule in $rules over one file, $jobs rules at a
# time (spatch's start-up, not the file, is most of a rule's time there).
check_file() {
	local tmp i=0 rule

	tmp=$(mktemp -d)
	for rule in "${rules[@]}"; do
		while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do
			wait -n
		done
		run "$rule" "$1" > "$tmp/$(printf %03d $i)" &
		i=$((i + 1))
	done
	wait
	cat "$tmp"/* 2>/dev/null
	rm -rf "$tmp"
}

# case_file RULE FILE: one test case. Lines marked "EXPECT" must be exactly
# the lines reported; FILE.res, if present, is what patch mode makes of FILE.
case_file() {
	local rule=$1 f=$2 name want got res out diff modes=
	name=$(rule_name "$rule")
	want=$(grep -n 'EXPECT' "$f" | cut -d: -f1 | sort -n | tr '\n' ' ' || :)
	got=$(run "$rule" "$f" | cut -d: -f2 | sort -n | tr '\n' ' ')
	if [ "$want" != "$got" ]; then
		echo "not ok - cocci: $name/${f##*/}"
		echo "# expected reports on lines: ${want:-none}"
		echo "# reported on lines: ${got:-none}"
		return
	fi
	res=${f%.c}.res
	if [ -f "$res" ]; then
		out=$(mktemp)
		# shellcheck disable=SC2046
		spatch --sp-file "$rule" -D patch $(spatch_opts "$rule") "$f" \
			-o "$out" > /dev/null
		diff=$(diff -u "$res" "$out" || :)
		rm -f "$out"
		if [ -n "$diff" ]; then
			echo "not ok - cocci: $name/${f##*/} (patch mode)"
			echo "$diff" | sed 's/^/# /'
			return
		fi
		modes=" (report and patch)"
	fi
	echo "ok - cocci: $name/${f##*/}$modes"
}

# coccicheck_case RULE DIR KSRC: the kernel's own scripts/coccicheck (from
# the 6.12 tree KSRC) runs the rule unchanged and reports the same lines as
# this script does.
coccicheck_case() {
	local rule=$1 dir=$2 ksrc=$3 name want got copy
	name=$(rule_name "$rule")
	want=$(run "$rule" "$dir" | cut -d: -f1,2 | sed 's|^.*/||' | sort)
	# A copy outside git: the kernel's .cocciconfig makes spatch list the
	# files with git grep, which skips files not committed yet.
	copy=$(mktemp -d)
	cp -r "$dir/." "$copy"
	got=$(cd "$ksrc" && srctree=. KBUILD_EXTMOD=$copy \
		COCCI=$root/$rule MODE=report bash scripts/coccicheck 2>&1 |
		sed -nE 's|^/.*/([^/]+):([0-9]+):[0-9]+-[0-9]+: .*|\1:\2|p' |
		sort -u)
	rm -rf "$copy"
	if [ -n "$want" ] && [ "$want" = "$got" ]; then
		echo "ok - cocci: $name runs unchanged under the kernel's coccicheck"
	else
		echo "not ok - cocci: $name runs unchanged under the kernel's coccicheck"
		diff <(echo "$want") <(echo "$got") | sed 's/^/# /'
	fi
}

test_rules() {
	local rule name dir f bad good ksrc out

	select_rules "$@"
	ksrc=$(scripts/ksrc.sh)
	for rule in "${rules[@]}"; do
		name=$(rule_name "$rule")
		dir=cocci/tests/$name
		bad=0 good=0
		for f in "$dir"/*.c; do
			[ -f "$f" ] || continue
			if grep -q EXPECT "$f"; then
				bad=$((bad + 1))
			else
				good=$((good + 1))
			fi
			case_file "$rule" "$f"
		done
		if [ $bad -eq 0 ] || [ $good -eq 0 ]; then
			echo "not ok - cocci: $name has cases that must and must not be reported ($bad, $good)"
		fi
		coccicheck_case "$rule" "$dir" "$ksrc"
	done
	if out=$(check 2>&1); then
		echo "ok - cocci: kbind's bindings/ and drivers/ draw no report"
	else
		echo "not ok - cocci: kbind's bindings/ and drivers/ draw no report"
		echo "$out" | sed 's/^/# /'
	fi
}

# survey [RULE...]: run over drivers/ of linux-source-6.12. Per rule: the
# reports, the run time, and a reproducible random sample of 15 for triage.
# The sample's seed was fixed before the strict triage of 2026-12-07 read
# any report (Documentation/cocci-survey.md); KBIND_SURVEY_SEED overrides.
survey() {
	local ksrc out rule name start secs n files begin
	local seed=${KBIND_SURVEY_SEED:-kbind-strict-2026-12-07}

	ksrc=$(scripts/ksrc.sh --full)
	out=$root/build/cocci-survey
	mkdir -p "$out"
	files=$(find "$ksrc/drivers" -name '*.[ch]' | wc -l)
	select_rules "$@"
	echo "drivers/ of $ksrc, spatch $(spatch --version | sed -n '1s/^spatch version \([^ ]*\).*/\1/p'), $jobs jobs"
	begin=$(date +%s)
	# An id-utils index of the tree lets spatch pick each rule's files
	# by their tokens instead of reading all of drivers/ once a rule.
	if command -v mkid > /dev/null; then
		if [ ! -s "$out/ID" ] ||
		   [ -n "$(find "$ksrc/drivers" -newer "$out/ID" -print -quit)" ]; then
			(cd "$ksrc" && mkid -i C --output "$out/ID" drivers)
		fi
		extra=(--use-idutils "$out/ID")
		echo "id-utils index: $(( $(date +%s) - begin )) s"
	else
		echo "no mkid (id-utils): spatch reads every file once a rule"
	fi
	printf '%-32s %6s %8s %7s\n' rule files seconds reports
	for rule in "${rules[@]}"; do
		name=$(rule_name "$rule")
		start=$(date +%s)
		(cd "$ksrc" && run "$root/$rule" drivers) > "$out/$name.txt" \
			2> "$out/$name.log"
		secs=$(( $(date +%s) - start ))
		n=$(wc -l < "$out/$name.txt")
		echo "$secs" > "$out/$name.seconds"
		shuf -n 15 --random-source=<(yes "$seed") "$out/$name.txt" \
			> "$out/$name.sample"
		printf '%-32s %6s %8s %7s\n' "$name" "$files" "$secs" "$n"
	done
	echo "total: $(( $(date +%s) - begin )) s"
}

# recall [CLASS...]: build the corpus (every class, or the given ones; at
# most KBIND_RECALL_MAX mutants each, default 300), run each class's rules
# over its originals and its mutants, print the table.
recall() {
	local ksrc out d rule corpus=scripts/cocci-corpus/corpus.py

	ksrc=$(scripts/ksrc.sh --full)
	out=$root/build/cocci-recall
	[ $# -gt 0 ] || rm -rf "$out"
	python3 "$corpus" build "$ksrc" "$out" --max "${KBIND_RECALL_MAX:-300}" "$@"
	for d in "$out"/*/; do
		d=${d%/}
		[ $# -eq 0 ] || [[ " $* " == *" ${d##*/} "* ]] || continue
		: > "$d/orig.reports"
		: > "$d/mut.reports"
		while read -r rule; do
			run "cocci/$rule.cocci" "$d/orig" >> "$d/orig.reports"
			run "cocci/$rule.cocci" "$d/mut" >> "$d/mut.reports"
		done < "$d/rules"
	done
	python3 "$corpus" table "$out"
}

case ${1:-} in
check) shift; check "$@" ;;
test) shift; test_rules "$@" ;;
survey) shift; survey "$@" ;;
recall) shift; recall "$@" ;;
*) sed -n '4,21s/^# \?//p' "$0" >&2; exit 2 ;;
esac
