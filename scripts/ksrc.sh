#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# ksrc.sh [--full] [SERIES]: print the directory of the extracted Debian
# linux-source-SERIES tree (default 6.12; 7.2 is installed from Debian
# unstable by deps.sh), extracting what is missing first. Only scripts/
# (checkpatch, kernel-doc) is extracted unless "--full" is given. The tree
# lives in $KBIND_CACHE (default /var/cache/kbind), outside the repository,
# and is reused until the package changes.

set -euo pipefail

full=
[ "${1:-}" != --full ] || { full=1; shift; }
series=${1:-6.12}
cache=${KBIND_CACHE:-/var/cache/kbind}
tarball=/usr/src/linux-source-$series.tar.xz
dir=$cache/linux-source-$series
stamp=$dir/.kbind-$([ -n "$full" ] && echo full || echo scripts)

[ -f "$tarball" ] || {
	echo "ksrc: $tarball missing: run make deps" >&2
	exit 1
}
if [ ! -f "$stamp" ] || [ "$tarball" -nt "$stamp" ]; then
	mkdir -p "$cache"
	if [ -n "$full" ]; then
		tar -C "$cache" -xJf "$tarball"
	else
		tar -C "$cache" -xJf "$tarball" "linux-source-$series/scripts"
	fi
	touch "$stamp"
fi
echo "$dir"
