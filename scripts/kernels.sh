#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Print the kernel releases kbind supports on this machine, one per line:
# the newest installed Debian 6.1 and 6.12 amd64 kernels that have both an
# image in /boot and headers. With "--short", print "6.1" / "6.12" labels
# as a second column.

set -euo pipefail

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
	if [ "${1:-}" = --short ]; then
		echo "$best $series"
	else
		echo "$best"
	fi
done
