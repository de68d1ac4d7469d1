#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The README's driver examples must build: extract each C block as a
# module of its own and build them against the kernel given. One TAP line
# per example.
#
# usage: readme-example.sh KERNEL_RELEASE LABEL [KDIR]  (KDIR: /lib/modules/KERNEL_RELEASE/build)

set -uo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
dir=$root/build/readme-example/$1
rm -rf "$dir"
mkdir -p "$dir"
# Block N (from 1) goes to readme_example_N.c.
awk -v dir="$dir" '/^```c$/ { n++; out = dir "/readme_example_" n ".c"; next }
	/^```$/ { out = ""; next }
	out { print > out }' "$root/README.md"
printf 'include %s/bindings/kbind.kbuild\nccflags-y += $(KBIND_CFLAGS) -Werror\n' \
	"$root" > "$dir/Kbuild"
n=0
while [ -f "$dir/readme_example_$((n + 1)).c" ]; do
	n=$((n + 1))
	echo "obj-m += readme_example_$n.o" >> "$dir/Kbuild"
done
make -k -C "${3:-/lib/modules/$1/build}" M="$dir" modules > "$dir/build.log" 2>&1
for i in $(seq "$n"); do
	c=$dir/readme_example_$i.c
	what="$2 README driver example $i ($(head -n 1 "$c" | sed 's/#include //'))"
	if [ -f "${c%.c}.ko" ]; then
		echo "ok - $what builds"
	else
		echo "not ok - $what builds"
		grep -E "$(basename "$c").*(error|warning)" "$dir/build.log" |
			head -n 10 | sed 's/^/# /'
	fi
done
[ "$n" -gt 0 ] || echo "not ok - $2 README has a driver example"
