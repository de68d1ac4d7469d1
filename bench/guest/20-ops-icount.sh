# SPDX-License-Identifier: GPL-2.0
#
# Counting half of "make bench" for the other hot paths kbind wraps (busybox
# sh, in the counting VM, see icount.lib), each against a raw-API twin from
# bench/modules/: a misc ioctl round trip (the misc sample's GET_VALUE) and
# an interrupt round trip through the edu sample (its RAISE: the handler
# reads and acknowledges the device's status register). op_loop runs the
# phases, N, 2N, N and 2N operations (N = OPS from ./bench.conf), and
# executes the markers itself. The edu device is unbound from kbind_edu
# before its raw twin loads and binds it. One line per operation and driver:
#
#	icount-op,OPERATION,DRIVER,MODULE,N1,M1,N2,M2,N3,M3,N4,M4
#
# Nk operations ran in the phase the plugin reports under marker Mk.

# shellcheck shell=dash
# shellcheck source-path=SCRIPTDIR source=../../tests/vm/guest/lib.sh
. /kbind/lib.sh
# shellcheck source=/dev/null
. ./bench.conf
# shellcheck source=icount.lib
. ./icount.lib

# op OPERATION DRIVER MODULE NODE-GLOB: load MODULE, run op_loop on the
# node it creates; one case. Modules stay loaded (another loaded later
# could take the same addresses, and its instructions would count as the
# first's). Fails if op_loop did: how many markers it ran is then unknown,
# so nothing after can be counted.
op() {
	local node out m=$MARKS name="icount: $1 through $3"

	insmod "$KB_MODULES/$3.ko" || {
		kb_fail "$name" "insmod failed"
		return 1
	}
	syms
	# shellcheck disable=SC2086 # the glob is meant
	node=$(ls $4 2>/dev/null | head -n 1)
	if [ -z "$node" ]; then
		kb_fail "$name" "no $4"
		return 1
	fi
	out=$(op_loop "$1" "$node" "$OPS" 2>&1) || {
		kb_fail "$name" "op_loop on $node: $out"
		return 1
	}
	marked 5
	echo "icount-op,$1,$2,$3,$OPS,$((m + 2)),$((2 * OPS)),$((m + 3)),$OPS,$((m + 4)),$((2 * OPS)),$((m + 5))" \
		>"$KB_RESULTS"
	kb_pass "$name"
}

# edu_unbind: free the edu device of kbind_edu for its raw twin.
edu_unbind() {
	local d

	for d in /sys/bus/pci/drivers/kbind_edu/0000:*; do
		echo "${d##*/}" >/sys/bus/pci/drivers/kbind_edu/unbind
	done
}

# Interrupts requested from now on go to CPU 0, where op_loop runs.
echo 1 >/proc/irq/default_smp_affinity

op misc-get kbind kbind_misc_sample /dev/kbind-misc-sample &&
	op misc-get raw kb_bench_raw_misc /dev/kbind-bench-raw-misc &&
	op edu-raise kbind kbind_edu '/dev/kbind-edu-*' &&
	edu_unbind &&
	op edu-raise raw kb_bench_raw_edu '/dev/kbind-bench-raw-edu-*'
