#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Style and static checks, one TAP line per case:
#  - checkpatch.pl --strict, from the 6.12 source (the project's standard)
#    and from the 7.2 source, on every C file and header of bindings/,
#    drivers/, the tests' kernel and user code and the bench's;
#  - each kernel's own kernel-doc (7.2's is Python) -none -Wall (6.1's
#    has no -Wall) on every public header;
#  - sparse (make C=2) on every module, for each kernel, which must have
#    checked every C file compiled; and sparse reporting every bypass of a
#    handle's private members in tests/sparse/private_members.c.
#
# usage: style.sh (the kernels are those of scripts/kernels.sh)

set -uo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 1
# the sparse the Makefile uses (see SPARSE there)
sparse=${KBIND_CACHE:-/var/cache/kbind}/sparse/bin/sparse
[ -x "$sparse" ] || sparse=sparse

report() {	# report NAME OUTPUT: ok iff OUTPUT is empty
	if [ -z "$2" ]; then
		echo "ok - $1"
	else
		echo "not ok - $1"
		printf '%s\n' "$2" | head -n 20 | sed 's/^/# /'
	fi
}

# Symlinks (the null_blk drop-in's sources) are checked as their targets.
mapfile -t files < <(git ls-files -co --exclude-standard -- \
		'bindings/*.[ch]' 'drivers/*.[ch]' 'tests/*.[ch]' 'kunit/*.[ch]' \
		'bench/*.[ch]' |
	while read -r f; do [ -L "$f" ] || echo "$f"; done)
for series in 6.12 7.2; do
	ksrc=$(scripts/ksrc.sh "$series") || {
		echo "not ok - checkpatch --strict ($series): no linux-source-$series"
		continue
	}
	for f in "${files[@]}"; do
		out=$(perl "$ksrc/scripts/checkpatch.pl" --strict --no-tree \
			--quiet --show-types -f "$f" 2>&1)
		report "checkpatch --strict ($series): $f" "$out"
	done
done

while read -r krel label kdir _; do
	kdoc=$kdir/scripts/kernel-doc
	[ -e "$kdoc" ] || kdoc=$kdir/source/scripts/kernel-doc
	# 6.1's has no -Wall: its default warnings are all it has
	wall=-Wall
	grep -q Wall "$kdoc" || wall=
	for f in bindings/include/kbind/*.h; do
		# shellcheck disable=SC2086 # no option, or one word
		out=$("$kdoc" -none $wall "$f" 2>&1) ||
			out=${out:-kernel-doc exited non-zero}
		report "kernel-doc ($label): $f" "$out"
	done

	# Every C file compiled must have been checked ("CHECK" lines).
	out=$(make KDIR="$kdir" C=2 2>&1)
	checked=$(grep -c '^  CHECK ' <<<"$out")
	compiled=0
	while read -r c; do
		[ ! -f "${c%.c}.o" ] || compiled=$((compiled + 1))
	done < <(find "build/$krel" -name '*.c' ! -name '*.mod.c')
	problems=$(grep -E '(warning|error):' <<<"$out")
	[ "$checked" -gt 0 ] && [ "$checked" -eq "$compiled" ] ||
		problems="sparse checked $checked of the $compiled C files compiled$(printf '\n%s' "$problems")"
	report "sparse (C=2): modules for $label ($krel)" "$problems"

	# Every line marked "sparse:" must draw its own noderef warning.
	dir=$root/build/sparse/$krel
	rm -rf "$dir" && mkdir -p "$dir"
	ln -s "$root/tests/sparse/private_members.c" "$dir/"
	{
		echo "include $root/bindings/kbind.kbuild"
		echo "ccflags-y += \$(KBIND_CFLAGS)"
		echo "obj-m += private_members.o"
	} > "$dir/Kbuild"
	want=$(grep -n '/\* sparse: \*/' tests/sparse/private_members.c |
		cut -d: -f1 | sort -n | tr '\n' ' ')
	got=$(make -s -C "$kdir" M="$dir" C=2 CHECK="$sparse" modules 2>&1 |
		sed -n 's/.*private_members\.c:\([0-9]*\):[0-9]*: warning: dereference of noderef expression/\1/p' |
		sort -nu | tr '\n' ' ')
	if [ -n "$want" ] && [ "$want" = "$got" ]; then
		echo "ok - sparse reports each bypass of a handle's private members ($label)"
	else
		echo "not ok - sparse reports each bypass of a handle's private members ($label)"
		echo "# lines expected: $want; reported: ${got:-none}"
	fi
done < <(scripts/kernels.sh --all)
