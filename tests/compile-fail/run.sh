#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Negative compile tests of kbind's typed rules.
#
# usage: run.sh KERNEL_RELEASE LABEL [KDIR]  (KDIR: /lib/modules/KERNEL_RELEASE/build)
#
# Each case NAME.c states the diagnostic its misuse must produce in an
# "expect:" line (an extended regex). For every case two TAP lines are
# printed: the misuse fails to compile with that diagnostic, and the correct
# variant (-DKB_CF_CORRECT) compiles and links into a module.

set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
krel=$1
label=$2
kdir=${3:-/lib/modules/$krel/build}
out=$root/build/compile-fail/$krel
# plain quotes in diagnostics (the kernel Makefile unexports LC_ALL)
unset LC_ALL
export LANG=C LC_CTYPE=C LC_MESSAGES=C

# stage DIR CFLAGS CASES...: a Kbuild dir building CASES as modules
stage() {
	local dir=$1 flags=$2 c
	shift 2
	rm -rf "$dir"
	mkdir -p "$dir"
	ln -s "$here/cf_common.h" "$dir/"
	{
		echo "include $root/bindings/kbind.kbuild"
		echo "ccflags-y += \$(KBIND_CFLAGS) -Werror $flags"
		for c in "$@"; do
			ln -s "$here/$c.c" "$dir/"
			echo "obj-m += $c.o"
		done
	} > "$dir/Kbuild"
}

build() {
	make -k -C "$kdir" M="$1" modules > "$1/build.log" 2>&1
}

expect_of() {
	sed -n 's/^ \* expect: //p' "$here/$1.c"
}

# Misuse of one case; prints its TAP line.
check_bad() {
	local c=$1 dir=$out/$1 re
	re=$(expect_of "$c")
	stage "$dir" "" "$c"
	if build "$dir"; then
		echo "not ok - $label compile-fail: $c: misuse compiled"
	elif [ -z "$re" ]; then
		echo "not ok - $label compile-fail: $c: no expect: line"
	elif grep -Eq "error: .*$re" "$dir/build.log"; then
		echo "ok - $label compile-fail: $c: rejected as expected"
	else
		echo "not ok - $label compile-fail: $c: wrong diagnostic"
		echo "# expected: $re"
		grep -E 'error' "$dir/build.log" | head -n 5 | sed 's/^/# /' || true
	fi
}
export -f check_bad stage build expect_of
export here root kdir out label

mapfile -t cases < <(cd "$here" && ls -- *.c | sed 's/\.c$//')

stage "$out/correct" -DKB_CF_CORRECT "${cases[@]}"
build "$out/correct" || true
for c in "${cases[@]}"; do
	if [ -f "$out/correct/$c.ko" ]; then
		echo "ok - $label compile-fail: $c: correct variant compiles"
	else
		echo "not ok - $label compile-fail: $c: correct variant does not compile"
		grep -E "$c\.c.*error" "$out/correct/build.log" | head -n 5 |
			sed 's/^/# /' || true
	fi
done

printf '%s\n' "${cases[@]}" | xargs -P 2 -I{} bash -c 'check_bad {}'
