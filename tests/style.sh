#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Style and static checks, one TAP line per case:
#  - checkpatch.pl --strict (from the 6.12 source) on every C file and header
#    of bindings/, drivers/ and the tests' kernel and user code;
#  - kernel-doc -none on every public header;
#  - sparse (make C=2) on every module, for each kernel given, and sparse
#    reporting every bypass of a handle's private members in
#    tests/sparse/private_members.c (which also proves sparse ran).
#
# usage: style.sh KERNEL_RELEASE...

set -uo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
ksrc=$("$root/scripts/ksrc.sh") || exit 1
cd "$root" || exit 1

report() {	# report NAME OUTPUT: ok iff OUTPUT is empty
	if [ -z "$2" ]; then
		echo "ok - $1"
	else
		echo "not ok - $1"
		printf '%s\n' "$2" | head -n 20 | sed 's/^/# /'
	fi
}

# compat.h is the one place that compares kernel versions: for drift no
# feature test can see (phylib's locking around link_change_notify).
ignore_of() {
	[ "$1" = bindings/include/kbind/compat.h ] &&
		echo --ignore LINUX_VERSION_CODE,CONSTANT_COMPARISON
}

while read -r f; do
	# shellcheck disable=SC2046 # no option, or one word
	out=$(perl "$ksrc/scripts/checkpatch.pl" --strict --no-tree --quiet \
		--show-types $(ignore_of "$f") -f "$f" 2>&1)
	report "checkpatch --strict: $f" "$out"
done < <(git ls-files -co --exclude-standard -- \
		'bindings/*.[ch]' 'drivers/*.[ch]' 'tests/*.[ch]' 'kunit/*.[ch]')

for f in bindings/include/kbind/*.h; do
	out=$(perl "$ksrc/scripts/kernel-doc" -none -Wall "$f" 2>&1)
	report "kernel-doc: $f" "$out"
done

for krel in "$@"; do
	out=$(make -s KDIR="/lib/modules/$krel/build" C=2 2>&1 |
		grep -E '(warning|error):' || true)
	report "sparse (C=2): modules for $krel" "$out"
done

# Every line marked "sparse:" must draw its own noderef warning.
for krel in "$@"; do
	dir=$root/build/sparse/$krel
	rm -rf "$dir" && mkdir -p "$dir"
	ln -s "$root/tests/sparse/private_members.c" "$dir/"
	{
		echo "ccflags-y += -I$root/bindings/include"
		echo "obj-m += private_members.o"
	} > "$dir/Kbuild"
	want=$(grep -n '/\* sparse: \*/' tests/sparse/private_members.c |
		cut -d: -f1 | sort -n | tr '\n' ' ')
	got=$(make -s -C "/lib/modules/$krel/build" M="$dir" C=2 modules 2>&1 |
		sed -n 's/.*private_members\.c:\([0-9]*\):[0-9]*: warning: dereference of noderef expression/\1/p' |
		sort -nu | tr '\n' ' ')
	if [ -n "$want" ] && [ "$want" = "$got" ]; then
		echo "ok - sparse reports each bypass of a handle's private members ($krel)"
	else
		echo "not ok - sparse reports each bypass of a handle's private members ($krel)"
		echo "# lines expected: $want; reported: ${got:-none}"
	fi
done
