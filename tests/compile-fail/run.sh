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
# variant (-DKB_CF_CORRECT) compiles and links into a module. Two Kbuild
# runs build every case, one the correct variants, one the misuses.

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

# build DIR: every module of DIR, on past failures (-k), each object's
# messages kept together (-O), so they can be told apart per case.
build() {
	make -k -j"$(nproc)" -Otarget -C "$kdir" M="$1" modules \
		> "$1/build.log" 2>&1
}

expect_of() {
	sed -n 's/^ \* expect: //p' "$here/$1.c"
}

# log_of DIR CASE: DIR's build messages for CASE's object: from its
# "CC [M]" line to the next Kbuild step (errors in a header included).
log_of() {
	awk -v c="$2" '
		/^  [A-Z]/ { mine = /CC \[M\]/ && $0 ~ ("[ /]" c "\\.o$") }
		mine' "$1/build.log"
}

# Misuse of one case; prints its TAP line.
check_bad() {
	local c=$1 re msgs
	re=$(expect_of "$c")
	msgs=$(log_of "$out/misuse" "$c")
	if [ -f "$out/misuse/$c.o" ]; then
		echo "not ok - $label compile-fail: $c: misuse compiled"
	elif [ -z "$re" ]; then
		echo "not ok - $label compile-fail: $c: no expect: line"
	elif grep -Eq "error: .*$re" <<<"$msgs"; then
		echo "ok - $label compile-fail: $c: rejected as expected"
	else
		echo "not ok - $label compile-fail: $c: wrong diagnostic"
		echo "# expected: $re"
		grep -E 'error' <<<"$msgs" | head -n 5 | sed 's/^/# /' || true
	fi
}

mapfile -t cases < <(cd "$here" && ls -- *.c | sed 's/\.c$//')

# Two builds, each one Kbuild run over every case.
stage "$out/correct" -DKB_CF_CORRECT "${cases[@]}"
stage "$out/misuse" "" "${cases[@]}"
build "$out/correct" || true
build "$out/misuse" || true
for c in "${cases[@]}"; do
	if [ -f "$out/correct/$c.ko" ]; then
		echo "ok - $label compile-fail: $c: correct variant compiles"
	else
		echo "not ok - $label compile-fail: $c: correct variant does not compile"
		log_of "$out/correct" "$c" | grep -E 'error' | head -n 5 |
			sed 's/^/# /' || true
	fi
	check_bad "$c"
done
