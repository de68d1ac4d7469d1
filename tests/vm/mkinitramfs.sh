#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Build the gzip'd newc initramfs that boots a kbind test VM.
#
# Usage: mkinitramfs.sh --out FILE [--kver KVER] [--modroot DIR]
#                       [--ko "a.ko ..."] [--kmod "name ..."]
#                       [--kmod-stage "name ..."] [--bin "prog ..."]
#                       [--tests DIR] [--pkg "deb ..."]
#                       [--file "SRC=DST ..."] [--modtree "name|dir/ ..."]
#
#   --out FILE    initramfs to write (gzip'd newc cpio)
#   --kver KVER   kernel release whose /lib/modules/KVER provides --kmod
#   --modroot DIR look for lib/modules/KVER under DIR instead of / (a kernel
#                 built by the project, e.g. the debug kernel)
#   --ko LIST     our built modules, copied to /kbind/modules/
#   --kmod LIST   kernel modules by name; resolved with their dependencies
#                 through modules.dep, decompressed into /kbind/kmod/ and
#                 listed in load order in /kbind/kmod/order (init loads them)
#   --kmod-stage LIST  kernel modules by name put in /kbind/kmod/ but not
#                 loaded (tests insmod them); their dependencies are loaded
#   --bin LIST    test programs, copied to /kbind/bin/; a dynamically
#                 linked one (e.g. /usr/bin/fio) brings the shared libraries
#                 ldd finds for it, at the same paths
#   --tests DIR   guest test directory, copied to /kbind/tests/ (its *.sh
#                 scripts are run in sorted order)
#   --pkg LIST    installed Debian packages whose programs and libraries
#                 (dpkg -L, without /usr/share) are copied at their paths,
#                 with the shared libraries ldd finds for their programs
#   --file LIST   files or directories SRC copied to DST in the guest
#   --modtree LIST  a /lib/modules/KVER tree for modprobe: the named kernel
#                 modules (or every module under a DIR/ relative to the
#                 module directory) with their dependencies, as they are
#                 (compressed or not), indexed by the host's depmod. Names
#                 the kernel lacks are reported and left out.
#
# The guest also gets /bin/busybox (busybox-static), the harness init and
# its helper library (/kbind/lib.sh, /kbind/splat.sh). No device nodes are
# needed, so this runs as any user.

set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
BUSYBOX=/bin/busybox

OUT=
STAGE=
KVER=
MODROOT=
KOS=()
KMODS=()
KSTAGE=()
BINS=()
TESTS=
PKGS=()
FILES=()
MODTREE=()

declare -A MOD_PATH	# module name (with '_') -> path relative to moddir
declare -A MOD_DEPS	# module path -> its dependency paths
declare -A BUILTIN	# module name (with '_') -> 1 if built into the kernel
declare -A VISITED	# module path -> 1 once placed in ORDER
ORDER=()		# kernel module paths in load order
STAGED=()		# kernel module paths staged, not loaded
MOD_NAME=		# result of mod_name

die() {
	echo "mkinitramfs: $*" >&2
	exit 1
}

usage() {
	sed -n '6,36s/^# \{0,1\}//p' "$0" >&2
	exit 2
}

parse_args() {
	while [ $# -gt 0 ]; do
		[ $# -ge 2 ] || usage
		case $1 in
		--out)   OUT=$2 ;;
		--kver)  KVER=$2 ;;
		--modroot) MODROOT=$2 ;;
		--ko)    read -ra KOS <<<"$2" ;;
		--kmod)  read -ra KMODS <<<"$2" ;;
		--kmod-stage) read -ra KSTAGE <<<"$2" ;;
		--bin)   read -ra BINS <<<"$2" ;;
		--tests) TESTS=$2 ;;
		--pkg)   read -ra PKGS <<<"$2" ;;
		--file)  read -ra FILES <<<"$2" ;;
		--modtree) read -ra MODTREE <<<"$2" ;;
		*)       usage ;;
		esac
		shift 2
	done
	[ -n "$OUT" ] || usage
	[ $((${#KMODS[@]} + ${#KSTAGE[@]} + ${#MODTREE[@]})) -eq 0 ] ||
		[ -n "$KVER" ] || die "--kmod and --modtree need --kver"
}

# Set MOD_NAME to module $1's name as the kernel knows it: basename
# without .ko*, '-' as '_'. No subshell: it runs for every modules.dep line.
mod_name() {
	MOD_NAME=${1##*/}
	MOD_NAME=${MOD_NAME%%.ko*}
	MOD_NAME=${MOD_NAME//-/_}
}

load_module_db() {
	local moddir=$MODROOT/lib/modules/$KVER mod deps

	[ -r "$moddir/modules.dep" ] || die "$moddir/modules.dep not found"
	while IFS=: read -r mod deps; do
		mod_name "$mod"
		MOD_PATH[$MOD_NAME]=$mod
		MOD_DEPS[$mod]=$deps
	done <"$moddir/modules.dep"
	[ -r "$moddir/modules.builtin" ] || return 0
	while read -r mod; do
		mod_name "$mod"
		BUILTIN[$MOD_NAME]=1
	done <"$moddir/modules.builtin"
}

# Depth-first walk: dependencies land in ORDER before their users.
visit() {
	local mod=$1 dep

	[ -z "${VISITED[$mod]-}" ] || return 0
	VISITED[$mod]=1
	for dep in ${MOD_DEPS[$mod]}; do
		visit "$dep"
	done
	ORDER+=("$mod")
}

resolve_kmods() {
	local name

	for name in "${KMODS[@]}"; do
		mod_name "$name"
		if [ -n "${MOD_PATH[$MOD_NAME]-}" ]; then
			visit "${MOD_PATH[$MOD_NAME]}"
		elif [ -n "${BUILTIN[$MOD_NAME]-}" ]; then
			echo "mkinitramfs: $name: built into $KVER" >&2
		else
			die "module $name not found for $KVER"
		fi
	done
}

# The --kmod-stage modules: staged as they are, their dependencies loaded.
resolve_staged() {
	local name path dep

	for name in "${KSTAGE[@]}"; do
		mod_name "$name"
		path=${MOD_PATH[$MOD_NAME]-}
		[ -n "$path" ] || die "module $name not found for $KVER (or built in)"
		for dep in ${MOD_DEPS[$path]}; do
			visit "$dep"
		done
		STAGED+=("$path")
	done
}

# Copy kernel module $1 (relative to moddir) decompressed to file $2.
copy_kmod() {
	local src=$MODROOT/lib/modules/$KVER/$1

	case $src in
	*.ko)     cp "$src" "$2" ;;
	*.ko.xz)  xz -dc "$src" >"$2" ;;
	*.ko.zst) zstd -dcq "$src" >"$2" ;;
	*.ko.gz)  gzip -dc "$src" >"$2" ;;
	*)        die "unknown module format: $src" ;;
	esac
}

stage_kmods() {
	local dir=$1/kbind/kmod mod file

	mkdir -p "$dir"
	: >"$dir/order"
	for mod in "${ORDER[@]}"; do
		mod_name "$mod"
		file=$MOD_NAME.ko
		copy_kmod "$mod" "$dir/$file"
		echo "$file" >>"$dir/order"
	done
	for mod in "${STAGED[@]}"; do
		mod_name "$mod"
		copy_kmod "$mod" "$dir/$MOD_NAME.ko"
	done
}

# Copy files $2... into directory $1, keeping their mode.
stage_files() {
	local dir=$1 f

	shift
	mkdir -p "$dir"
	for f in "$@"; do
		[ -f "$f" ] || die "$f: no such file"
		cp -p "$f" "$dir/"
	done
}

# Copy the shared libraries (and loader) that the programs $2... need into
# root $1 at the paths the host's ldd resolves; static programs need none.
stage_libs() {
	local root=$1 lib

	shift
	for lib in $(ldd "$@" 2>/dev/null |
		     awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\/.*[^:]$/ { print $1 }' |
		     sort -u); do
		mkdir -p "$root$(dirname "$lib")"
		cp -L "$lib" "$root$lib"
	done
}

# The files of the Debian packages $2... into root $1, at their paths: all
# but /usr/share (docs, locales) and directories; then the libraries their
# programs need. Symlinks stay symlinks.
stage_pkgs() {
	local root=$1 f
	local progs=()

	shift
	while IFS= read -r f; do
		# directories, and links to them (merged /usr's /bin, /lib)
		[ ! -d "$f" ] || continue
		[ -e "$f" ] || [ -L "$f" ] || continue
		mkdir -p "$root$(dirname "$f")"
		cp -P "$f" "$root$f"
		[ -L "$f" ] || [ ! -x "$f" ] || progs+=("$f")
	done < <(dpkg -L "$@" | grep -v '^/usr/share/' | LC_ALL=C sort -u)
	[ ${#progs[@]} -eq 0 ] || stage_libs "$root" "${progs[@]}"
}

# SRC=DST pairs: copy file or directory SRC to DST under root $1.
stage_extra() {
	local root=$1 pair src dst

	shift
	for pair in "$@"; do
		src=${pair%%=*}
		dst=${pair#*=}
		[ -e "$src" ] || die "$src: no such file or directory"
		mkdir -p "$root$(dirname "$dst")"
		cp -a "$src" "$root$dst"
	done
}

# /lib/modules/KVER with the --modtree modules and their dependencies.
stage_modtree() {
	local root=$1 moddir=$MODROOT/lib/modules/$KVER item mod f
	local dest=$1/lib/modules/$KVER

	ORDER=()
	VISITED=()
	for item in "${MODTREE[@]}"; do
		if [ "${item%/}" != "$item" ]; then
			[ -d "$moddir/$item" ] || {
				echo "mkinitramfs: $KVER has no $item" >&2
				continue
			}
			while read -r mod; do
				visit "$mod"
			done < <(cd "$moddir" && find "${item%/}" -name '*.ko*' | sort)
			continue
		fi
		mod_name "$item"
		if [ -n "${MOD_PATH[$MOD_NAME]-}" ]; then
			visit "${MOD_PATH[$MOD_NAME]}"
		elif [ -n "${BUILTIN[$MOD_NAME]-}" ]; then
			echo "mkinitramfs: $item: built into $KVER" >&2
		else
			echo "mkinitramfs: $item: not available for $KVER" >&2
		fi
	done
	for mod in "${ORDER[@]}"; do
		mkdir -p "$dest/$(dirname "$mod")"
		cp "$moddir/$mod" "$dest/$mod"
	done
	for f in modules.builtin modules.builtin.modinfo modules.order; do
		[ ! -f "$moddir/$f" ] || cp "$moddir/$f" "$dest/"
	done
	depmod -b "$root" "$KVER" || die "depmod failed for the module tree"
}

stage_tests() {
	local dir=$1/kbind/tests

	mkdir -p "$dir"
	[ -n "$TESTS" ] || return 0
	[ -d "$TESTS" ] || die "$TESTS: no such directory"
	cp -a "$TESTS/." "$dir/"
}

stage_base() {
	local root=$1

	mkdir -p "$root"/{bin,sbin,usr/bin,usr/sbin,dev,proc,sys,tmp,run,kbind}
	cp "$BUSYBOX" "$root/bin/busybox"
	cp "$HERE/guest/init" "$root/init"
	cp "$HERE/guest/lib.sh" "$HERE/guest/splat.sh" "$root/kbind/"
	chmod 755 "$root/init" "$root/bin/busybox"
}

write_cpio() {
	local root=$1 out

	out=$(realpath -m "$OUT")
	mkdir -p "$(dirname "$out")"
	(cd "$root" && find . -mindepth 1 | LC_ALL=C sort |
		cpio -o -H newc -R 0:0 --quiet) | gzip -n -6 >"$out"
}

main() {
	parse_args "$@"
	[ -x "$BUSYBOX" ] || die "$BUSYBOX missing (install busybox-static)"
	STAGE=$(mktemp -d)
	trap 'rm -rf "$STAGE"' EXIT
	stage_base "$STAGE"
	if [ $((${#KMODS[@]} + ${#KSTAGE[@]} + ${#MODTREE[@]})) -gt 0 ]; then
		load_module_db
	fi
	if [ ${#MODTREE[@]} -gt 0 ]; then
		stage_modtree "$STAGE"
	fi
	ORDER=()
	VISITED=()
	resolve_kmods
	resolve_staged
	stage_kmods "$STAGE"
	[ ${#PKGS[@]} -eq 0 ] || stage_pkgs "$STAGE" "${PKGS[@]}"
	stage_extra "$STAGE" "${FILES[@]}"
	stage_files "$STAGE/kbind/modules" "${KOS[@]}"
	stage_files "$STAGE/kbind/bin" "${BINS[@]}"
	[ ${#BINS[@]} -eq 0 ] || stage_libs "$STAGE" "${BINS[@]}"
	stage_tests "$STAGE"
	write_cpio "$STAGE"
}

main "$@"
