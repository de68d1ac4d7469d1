#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The README's driver example must build as a module: extract its first C
# block and build it against each kernel given. One TAP line per kernel.
#
# usage: readme-example.sh KERNEL_RELEASE LABEL

set -uo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
dir=$root/build/readme-example/$1
rm -rf "$dir"
mkdir -p "$dir"
sed -n '/^```c$/,/^```$/{/^```/d;p}' "$root/README.md" > "$dir/readme_example.c"
echo "ccflags-y += -I$root/bindings/include -Werror" > "$dir/Kbuild"
echo "obj-m += readme_example.o" >> "$dir/Kbuild"
if [ -s "$dir/readme_example.c" ] &&
   make -C "/lib/modules/$1/build" M="$dir" modules > "$dir/build.log" 2>&1 &&
   [ -f "$dir/readme_example.ko" ]; then
	echo "ok - $2 README driver example builds"
else
	echo "not ok - $2 README driver example builds"
	grep -E 'error|warning' "$dir/build.log" | head -n 10 | sed 's/^/# /'
fi
