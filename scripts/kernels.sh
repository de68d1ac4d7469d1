#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# kernels.sh [--short | --kdir | --all]: the kernels kbind supports on this
# machine, one per line: the newest installed Debian 6.1 and 6.12 amd64
# kernels that have both an image in /boot and headers, then the 7.2 test
# kernel once scripts/test-kernel.sh has built it (it is never built here).
#
# Prints the kernel release; with --short "RELEASE LABEL" (label 6.1,
# 6.12 or 7.2); with --kdir the build tree to build modules against; with
# --all "RELEASE LABEL KDIR IMAGE MODROOT", MODROOT being the directory
# holding lib/modules/RELEASE.

set -euo pipefail

mode=${1:-}
root=$(cd "$(dirname "$0")/.." && pwd)

emit() {	# RELEASE LABEL KDIR IMAGE MODROOT
	case $mode in
	--short) echo "$1 $2" ;;
	--kdir) echo "$3" ;;
	--all) echo "$*" ;;
	*) echo "$1" ;;
	esac
}

for series in 6.1 6.12; do
	best=
	for h in /usr/src/linux-headers-"$series".*-amd64; do
		[ -d "$h" ] || continue
		rel=${h#/usr/src/linux-headers-}
		case $rel in *-cloud-amd64 | *-rt-amd64) continue ;; esac
		[ -f "/boot/vmlinuz-$rel" ] || continue
		best=$(printf '%s\n%s\n' "$best" "$rel" | sed '/^$/d' | sort -V | tail -n 1)
	done
	[ -n "$best" ] || continue
	emit "$best" "$series" "/lib/modules/$best/build" "/boot/vmlinuz-$best" /
done

if dir=$("$root/scripts/test-kernel.sh" 7.2 --cached 2>/dev/null); then
	emit "$(cat "$dir/release")" 7.2 "$dir/build" "$dir/bzImage" "$dir/modroot"
fi
