#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# test-kernel.sh KIND [--cached]: build (or reuse) one of kbind's test
# kernels from a Debian linux-source package: tinyconfig +
# scripts/kernel/base.config + scripts/kernel/KIND.config, whose
# "# kbind-source: SERIES" line names the source (linux-source-SERIES),
# compiled with ccache.
#
# The result lives in $KBIND_CACHE/kernel-KIND/<key>/ (default cache
# /var/cache/kbind), where <key> hashes the fragments, this script, the
# source package version and the compiler, so an unchanged second run is a
# no-op; with --cached, nothing is built and the script fails unless the
# build is there. Prints the directory, which holds:
#   build/     the O= build tree (KDIR for out-of-tree modules)
#   bzImage    the kernel image
#   modroot/   INSTALL_MOD_PATH with lib/modules/<release>/
#   release    the kernel release string

set -euo pipefail

kind=${1:?usage: test-kernel.sh KIND [--cached]}
cached=${2:-}
root=$(cd "$(dirname "$0")/.." && pwd)
cache=${KBIND_CACHE:-/var/cache/kbind}
base=$root/scripts/kernel/base.config
fragment=$root/scripts/kernel/$kind.config
[ -f "$fragment" ] || { echo "test-kernel: no $fragment" >&2; exit 1; }
series=$(sed -n 's/^# kbind-source: *//p' "$fragment")
[ -n "$series" ] || { echo "test-kernel: no kbind-source line in $fragment" >&2; exit 1; }

srcver=$(dpkg-query -W -f='${Version}' "linux-source-$series")
key=$( { cat "$base" "$fragment" "$0"; echo "$srcver"; gcc --version | head -n 1; } |
	sha256sum | cut -c1-16)
dir=$cache/kernel-$kind/$key
if [ -f "$dir/.done" ]; then
	echo "$dir"
	exit 0
fi
[ "$cached" != --cached ] || exit 1

src=$("$root/scripts/ksrc.sh" --full "$series")
out=$dir/build
mkdir -p "$out"
log=$dir/build.log
echo "test-kernel: building $kind from linux-source-$series $srcver into $dir (log: $log)" >&2
start=$SECONDS

export CCACHE_DIR=$cache/ccache
export KBUILD_BUILD_TIMESTAMP='kbind' KBUILD_BUILD_USER=kbind KBUILD_BUILD_HOST=kbind
kmake() {
	make -C "$src" O="$out" CC="ccache gcc" -j"$(nproc)" "$@" >>"$log" 2>&1 ||
		{ tail -n 40 "$log" >&2; exit 1; }
}

kmake tinyconfig
"$src/scripts/kconfig/merge_config.sh" -m -O "$out" "$out/.config" \
	"$base" "$fragment" >>"$log" 2>&1
kmake olddefconfig

# Every option of the fragments must have survived the dependency checks.
missing=$(cat "$base" "$fragment" |
	grep -E '^(CONFIG_[A-Z0-9_]+=.*|# CONFIG_[A-Z0-9_]+ is not set)$' |
	grep -vxFf "$out/.config" || true)
if [ -n "$missing" ]; then
	echo "test-kernel: options dropped by Kconfig:" >&2
	echo "$missing" >&2
	exit 1
fi

kmake bzImage modules
kmake modules_install INSTALL_MOD_PATH="$dir/modroot"
cp "$out/arch/x86/boot/bzImage" "$dir/bzImage"
make -s -C "$src" O="$out" kernelrelease > "$dir/release"
touch "$dir/.done"
echo "test-kernel: built in $((SECONDS - start)) s" >&2

# Older keys are stale builds of a previous config: drop them.
find "$cache/kernel-$kind" -mindepth 1 -maxdepth 1 -type d ! -name "$key" \
	-exec rm -rf {} +
echo "$dir"
