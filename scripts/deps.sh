#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Install everything kbind needs on a Debian 12 machine. Idempotent: when
# every package is present it prints nothing and returns at once.
#
# The 6.12 kernel is the newest 6.12 ABI for which Debian ships both the
# headers and the unsigned image.
#
# Two things come from Debian unstable, and nothing else: linux-source-7.2
# (architecture all, depending only on binutils and xz-utils; kbind builds
# its 7.2 kernels from it) and the source of unstable's sparse, built into
# $KBIND_CACHE/sparse (Debian 12's sparse 0.6.4 cannot parse 7.2's
# headers). The test guests' fio is built into $KBIND_CACHE/fio from the
# source of the installed Debian 12 fio, static and without the Ceph,
# Gluster and RDMA engines: Debian's binary loads 62 shared libraries,
# which took 2.5 s per start on the debug kernel under TCG, and the suites
# start fio about 70 times. A private apt configuration in
# $KBIND_CACHE/apt-unstable, pointed at the machine's own Debian mirror
# (unstable, and the sources of the machine's own release), fetches them;
# the machine's apt sources are left alone.
#
# With --bench, also what "make bench" needs beyond that: QEMU's TCG plugin
# API header (qemu-plugin.h), which no Debian 12 binary package ships,
# taken from the source of the installed QEMU into $KBIND_CACHE/qemu-plugin.

set -euo pipefail

bench=
case ${1:-} in
--bench) bench=1 ;;
'') ;;
*) echo "usage: deps.sh [--bench]" >&2; exit 2 ;;
esac

cache=${KBIND_CACHE:-/var/cache/kbind}
src72=linux-source-7.2
sparse_bin=$cache/sparse/bin/sparse
fio_bin=$cache/fio/bin/fio
plugin_h=$cache/qemu-plugin/include/qemu-plugin.h

PKGS=(
	build-essential gcc-multilib bc bison flex libelf-dev libssl-dev kmod
	cpio xz-utils zstd
	busybox-static qemu-system-x86 ccache coccinelle id-utils doxygen fio
	# the guests' static fio (its libaio and io_uring engines)
	libaio-dev zlib1g-dev
	gnuplot-nox python3
	# blktests' guest (make blktests) runs these Debian binaries
	bash coreutils util-linux util-linux-extra mount kmod gawk sed grep
	findutils procps psmisc diffutils bc bsdutils e2fsprogs f2fs-tools
	dmsetup cryptsetup-bin gzip bsdextrautils libc-bin
	# spatch loads Python through the unversioned libpython3.X.so
	libpython3-dev
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

installed() {
	dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'ok installed'
}

if [ ${#missing[@]} -eq 0 ] && [ -n "$have612" ] && installed $src72 &&
   [ -x "$sparse_bin" ] && [ -x "$fio_bin" ] &&
   { [ -z "$bench" ] || [ -f "$plugin_h" ]; }; then
	exit 0
fi

export DEBIAN_FRONTEND=noninteractive
log=$(mktemp)
trap 'rm -f "$log"' EXIT
apt_quiet() {	# apt-get with its output shown only when it fails
	apt-get "$@" >"$log" 2>&1 || { cat "$log" >&2; return 1; }
}

# apt-get on Debian unstable alone, in the private configuration. A
# mirror may be a snapshot whose unstable Release file is past its
# Valid-Until date (measured: 30 days past on a fresh machine here), which
# apt refuses; the signature is still checked.
unstable=$cache/apt-unstable
apt_unstable() {
	apt_quiet -o Dir::Etc::SourceList=/dev/null \
		-o Acquire::Check-Valid-Until=false \
		-o Dir::Etc::SourceParts="$unstable/sources" \
		-o Dir::State::Lists="$unstable/lists" \
		-o Dir::Cache="$unstable/cache" "$@"
}

# The machine's Debian entries for its own release (deb822 stanzas naming
# its codename, or one-line "deb" entries), as deb-src stanzas.
release_sources() {
	local codename

	codename=$(sed -n "s/^VERSION_CODENAME=//p" /etc/os-release)
	{ cat /etc/apt/sources.list.d/*.sources 2>/dev/null || :; } |
		awk -v RS= -v ORS='\n\n' -v c="$codename" '
			$0 ~ ("Suites:[^\n]*" c) {
				sub(/Types:[^\n]*/, "Types: deb-src"); print }'
	{ grep -hs "^deb .* $codename" /etc/apt/sources.list || :; } |
		awk '{	i = 2	# past any [options]
			if ($i ~ /^\[/) { while ($i !~ /\]$/) i++; i++ }
			printf "Types: deb-src\nURIs: %s\nSuites: %s\nComponents: main\n\n", $i, $(i + 1) }'
}

unstable_updated=
unstable_update() {
	local mirror

	[ -z "$unstable_updated" ] || return 0
	# The machine's Debian mirror (not its security mirror).
	mirror=$( { grep -hs '^URIs:' /etc/apt/sources.list.d/*.sources || :
		    grep -hs '^deb ' /etc/apt/sources.list || :; } |
		  awk '$1 == "URIs:" { print $2 } $1 == "deb" { print $2 }' |
		  grep -v security | head -n 1)
	[ -n "$mirror" ] || { echo "deps: no Debian mirror in apt's sources" >&2; exit 1; }
	mkdir -p "$unstable/sources" "$unstable/lists/partial" \
		"$unstable/cache/archives/partial" "$unstable/debs"
	cat >"$unstable/sources/unstable.sources" <<-EOF
		Types: deb deb-src
		URIs: $mirror
		Suites: unstable
		Components: main
		Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
	EOF
	# the machine's own release, its updates and security suites included:
	# sources only (fio's, QEMU's), from the machine's own Debian entries
	release_sources >"$unstable/sources/release-src.sources"
	apt_unstable update
	unstable_updated=1
}

# linux-source-7.2: downloaded alone and installed with dpkg, so none of
# unstable's other packages can come with it.
install_src72() {
	installed $src72 && return 0
	unstable_update
	echo "deps: installing $src72 from Debian unstable" >&2
	rm -f "$unstable/debs/"*.deb
	(cd "$unstable/debs" && apt_unstable download $src72)
	dpkg -i "$unstable/debs/${src72}_"*.deb >"$log" 2>&1 ||
		{ cat "$log" >&2; exit 1; }
}

# sparse from unstable's source package, built with Debian 12's compiler.
install_sparse() {
	local work

	[ ! -x "$sparse_bin" ] || return 0
	unstable_update
	echo "deps: building sparse from Debian unstable's source" >&2
	work=$unstable/sparse-src
	rm -rf "$work" && mkdir -p "$work"
	(cd "$work" && apt_unstable source --download-only sparse &&
		dpkg-source -x --no-check ./*.dsc src >"$log" 2>&1 &&
		make -C src -j"$(nproc)" CC=gcc sparse >"$log" 2>&1) ||
		{ cat "$log" >&2; exit 1; }
	install -D -m 755 "$work/src/sparse" "$sparse_bin"
	rm -rf "$work"
}

# The guests' fio: the installed Debian 12 fio's own source version (so
# the same fio as the host's), static, with only the engines that need no
# library beyond libaio and zlib.
install_fio() {
	local work ver

	[ ! -x "$fio_bin" ] || return 0
	unstable_update
	ver=$(dpkg-query -W -f='${Version}' fio)
	echo "deps: building a static fio $ver for the test guests" >&2
	work=$unstable/fio-src
	rm -rf "$work" && mkdir -p "$work"
	(cd "$work" && apt_unstable source --download-only "fio=$ver" &&
		dpkg-source -x --no-check ./*.dsc src >"$log" 2>&1 &&
		cd src && ./configure --disable-native --build-static \
			--disable-numa --disable-rdma --disable-rados \
			--disable-rbd --disable-http --disable-gfapi \
			--disable-pmem --disable-xnvme --disable-libzbc \
			--disable-tcmalloc --disable-dfs --disable-libnfs \
			>"$log" 2>&1 &&
		make -j"$(nproc)" fio >"$log" 2>&1) ||
		{ cat "$log" >&2; exit 1; }
	install -D -m 755 -s "$work/src/fio" "$fio_bin"
	rm -rf "$work"
}

# qemu-plugin.h from the source of the installed QEMU (its plugin API
# version must be the emulator's).
install_plugin_h() {
	local work ver

	[ -n "$bench" ] && [ ! -f "$plugin_h" ] || return 0
	unstable_update
	ver=$(dpkg-query -W -f='${source:Version}' qemu-system-x86)
	echo "deps: taking qemu-plugin.h from the source of QEMU $ver" >&2
	work=$unstable/qemu-src
	rm -rf "$work" && mkdir -p "$work"
	(cd "$work" && apt_unstable source --download-only "qemu=$ver" &&
		dpkg-source -x --no-check ./*.dsc src >"$log" 2>&1) ||
		{ cat "$log" >&2; exit 1; }
	install -D -m 644 "$work/src/include/qemu/qemu-plugin.h" "$plugin_h"
	rm -rf "$work"
}

from_source() {
	install_src72
	install_sparse
	install_fio
	install_plugin_h
}

if [ ${#missing[@]} -eq 0 ] && [ -n "$have612" ]; then
	from_source
	exit 0
fi

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
from_source
echo "deps: done" >&2
