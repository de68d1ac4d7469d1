# SPDX-License-Identifier: GPL-2.0
#
# The kbind misc sample: its ioctls and read/write, bad input, module
# unload refused while a file is open, and 50 load/unload cycles (20 on
# the debug kernel).

. /kbind/lib.sh

node=/dev/kbind-misc-sample
sample=$KB_MODULES/kbind_misc_sample.ko

kb_case "misc sample: load" insmod "$sample"
kb_case "misc sample: node is a char device" test -c "$node"
for c in $(misc_sample_test); do
	kb_case "misc sample: $c" misc_sample_test "$c"
done
# A 32-bit process goes through compat_ioctl.
for c in hello value value_invalid bad_pointer bad_ioctl; do
	kb_case "misc sample (32-bit, compat_ioctl): $c" misc_sample_test32 "$c"
done

# An open file pins the module: unload is refused, then works after close.
unload_while_open() {
	exec 3<>"$node"
	if rmmod kbind_misc_sample 2>/dev/null; then
		echo "rmmod succeeded with a file open"
		return 1
	fi
	exec 3>&-
	rmmod kbind_misc_sample && ! test -e "$node"
}
kb_case "misc sample: unload refused while a file is open" unload_while_open

# 20 on the debug kernel, where a module load costs seconds.
cycles=50
case $(uname -r) in *kbind-debug*) cycles=20 ;; esac
load_cycles() {
	i=0
	while [ $i -lt $cycles ]; do
		insmod "$sample" || return 1
		misc_sample_test hello || return 1
		rmmod kbind_misc_sample || return 1
		i=$((i + 1))
	done
	! grep -q kbind_misc_sample /proc/modules
}
kb_case "misc sample: $cycles load/unload cycles" load_cycles

exit 0
