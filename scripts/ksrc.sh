#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Print the directory of the extracted Debian linux-source-6.12 tree,
# extracting what is missing first. Only scripts/ (checkpatch, kernel-doc)
# is extracted unless "--full" is given. The tree lives in $KBIND_CACHE
# (default /var/cache/kbind), outside the repository, and is reused.

set -euo pipefail

cache=${KBIND_CACHE:-/var/cache/kbind}
tarball=/usr/src/linux-source-6.12.tar.xz
dir=$cache/linux-source-6.12
stamp=$dir/.kbind-$( [ "${1:-}" = --full ] && echo full || echo scripts)

if [ ! -f "$stamp" ] || [ "$tarball" -nt "$stamp" ]; then
	mkdir -p "$cache"
	if [ "${1:-}" = --full ]; then
		tar -C "$cache" -xJf "$tarball"
	else
		tar -C "$cache" -xJf "$tarball" linux-source-6.12/scripts
	fi
	touch "$stamp"
fi
echo "$dir"
