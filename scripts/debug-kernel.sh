#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Build (or reuse) kbind's debug test kernel from Debian's linux-source-6.12:
# tinyconfig + scripts/debug-kernel.config (KUnit, KASAN, kmemleak, lockdep,
# debug objects, fault injection), compiled with ccache.
#
# The result lives in $KBIND_CACHE/debug-kernel/<key>/ (default cache
# /var/cache/kbind), where <key> hashes the config fragment, this script,
# the source package version and the compiler, so an unchanged second run
# is a no-op. Prints the directory, which holds:
#   build/     the O= build tree (KDIR for out-of-tree modules)
#   bzImage    the kernel image
#   modroot/   INSTALL_MOD_PATH with lib/modules/<release>/
#   release    the kernel release string

set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cache=${KBIND_CACHE:-/var/cache/kbind}
fragment=$root/scripts/debug-kernel.config

srcver=$(dpkg-query -W -f='${Version}' linux-source-6.12)
key=$( { cat "$fragment" "$0"; echo "$srcver"; gcc --version | head -n 1; } |
	sha256sum | cut -c1-16)
dir=$cache/debug-kernel/$key
if [ -f "$dir/.done" ]; then
	echo "$dir"
	exit 0
fi

src=$("$root/scripts/ksrc.sh" --full)
out=$dir/build
mkdir -p "$out"
log=$dir/build.log
echo "debug-kernel: building $srcver into $dir (log: $log)" >&2
start=$SECONDS

export CCACHE_DIR=$cache/ccache
export KBUILD_BUILD_TIMESTAMP='kbind' KBUILD_BUILD_USER=kbind KBUILD_BUILD_HOST=kbind
kmake() {
	make -C "$src" O="$out" CC="ccache gcc" -j"$(nproc)" "$@" >>"$log" 2>&1 ||
		{ tail -n 40 "$log" >&2; exit 1; }
}

kmake tinyconfig
"$src/scripts/kconfig/merge_config.sh" -m -O "$out" "$out/.config" \
	"$fragment" >>"$log" 2>&1
kmake olddefconfig

# Every option of the fragment must have survived the dependency checks.
missing=$(grep -E '^(CONFIG_[A-Z0-9_]+=.*|# CONFIG_[A-Z0-9_]+ is not set)$' \
	"$fragment" | grep -vxFf "$out/.config" || true)
if [ -n "$missing" ]; then
	echo "debug-kernel: options dropped by Kconfig:" >&2
	echo "$missing" >&2
	exit 1
fi

kmake bzImage modules
kmake modules_install INSTALL_MOD_PATH="$dir/modroot"
cp "$out/arch/x86/boot/bzImage" "$dir/bzImage"
make -s -C "$src" O="$out" kernelrelease > "$dir/release"
touch "$dir/.done"
echo "debug-kernel: built in $((SECONDS - start)) s" >&2

# Older keys are stale builds of a previous config: drop them.
find "$cache/debug-kernel" -mindepth 1 -maxdepth 1 -type d ! -name "$key" \
	-exec rm -rf {} +
echo "$dir"
