#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Install everything kbind needs on a Debian 12 machine. Idempotent: when
# every package is present it prints nothing and returns at once.
#
# The 6.12 kernel is the newest 6.12 ABI for which Debian ships both the
# headers and the unsigned image; its ABI string is written to
# $KBIND_CACHE/kver-6.12 so that later steps (build, VM) agree on it.

set -euo pipefail

PKGS=(
	build-essential gcc-multilib bc bison flex libelf-dev libssl-dev kmod
	cpio xz-utils zstd
	busybox-static qemu-system-x86 ccache sparse coccinelle doxygen fio
	gnuplot-nox
	linux-headers-amd64 linux-image-amd64 linux-source-6.12
)

missing=()
for p in "${PKGS[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing+=("$p")
done

# Any installed 6.12 headers+image pair satisfies us.
have612=
for h in /usr/src/linux-headers-6.12.*+deb12-amd64; do
	[ -d "$h" ] || continue
	v=${h#/usr/src/linux-headers-}
	[ -f "/boot/vmlinuz-$v" ] && have612=$v
done

if [ ${#missing[@]} -eq 0 ] && [ -n "$have612" ]; then
	exit 0
fi

export DEBIAN_FRONTEND=noninteractive
log=$(mktemp)
trap 'rm -f "$log"' EXIT
apt_quiet() {	# apt-get with its output shown only when it fails
	apt-get "$@" >"$log" 2>&1 || { cat "$log" >&2; return 1; }
}
apt_quiet update
if [ -z "$have612" ]; then
	# Newest 6.12 ABI with both an unsigned image and headers.
	have612=$(apt-cache search --names-only \
			'^linux-image-6\.12\.[0-9]+\+deb12-amd64-unsigned$' |
		  sed -E 's/^linux-image-(\S+)-unsigned .*/\1/' | sort -V |
		  while read -r v; do
			apt-cache show "linux-headers-$v" >/dev/null 2>&1 &&
				echo "$v"
		  done | tail -n 1)
	[ -n "$have612" ] || { echo "deps: no Debian 6.12 kernel found" >&2; exit 1; }
	missing+=("linux-headers-$have612" "linux-image-$have612-unsigned")
fi
echo "deps: installing ${missing[*]}" >&2
apt_quiet install -y --no-install-recommends "${missing[@]}"
echo "deps: done" >&2
