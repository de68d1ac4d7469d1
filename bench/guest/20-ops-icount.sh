# SPDX-License-Identifier: GPL-2.0
#
# Counting half of "make bench" for the other hot paths kbind wraps (busybox
# sh, in the counting VM, see icount.lib), each against a raw-API twin:
#
#  - misc-get: a misc ioctl round trip, the misc sample's GET_VALUE against
#    bench/modules/kb_bench_raw_misc.ko;
#  - edu-raise: an interrupt round trip through the edu sample (its RAISE:
#    the handler reads and acknowledges the device's status register)
#    against bench/modules/kb_bench_raw_edu.ko, which binds the device once
#    kbind_edu let it go;
#  - phy-irq: a link interrupt to kb_mdio_emu.ko's emulated AX88772A, after
#    which phylib's state machine runs the driver's read_status (register
#    reads through the binding), kbind_ax88796b against the kernel's own
#    ax88796b.ko.
#
# Each has four phases of N, 2N, N and 2N operations: op_loop runs those of
# the first two and executes the markers itself (N = OPS from
# ./bench.conf); the PHY's are shell loops (N = PHY_OPS). One line per
# operation and driver:
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
# node it creates; one case. The module's symbols are listed after it
# loads (bench/icount.py names each operation's addresses with the listing
# before it). Fails if op_loop did: how many markers it ran is then
# unknown, so nothing after can be counted.
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

EMU=/sys/kernel/debug/kb_mdio_emu
PHY=kbemu:01

# phy_run N: N link interrupts to the PHY, each waiting for phylib's state
# machine to run the driver's read_status (MDIO reads of the emulated
# PHY); the emulator's access trace cleared first, so every phase starts
# with it empty.
phy_run() {
	local i=0

	echo 0 >"$EMU/trace" || return
	while [ $i -lt "$1" ]; do
		echo irq >"$EMU/$PHY/ctl" || return
		i=$((i + 1))
	done
}

# phy DRIVER MODULE KO: bind KO's driver to the emulated AX88772A (loaded
# if need be), attach it to a MAC, link up at 100/full, count four phases
# of PHY_OPS, 2 x PHY_OPS, PHY_OPS and 2 x PHY_OPS link interrupts, then
# detach and unbind; one case.
phy() {
	local name="icount: phy-irq through $2" line="icount-op,phy-irq,$1,$2"
	local n

	[ -e "$EMU" ] || insmod "$KB_MODULES/kb_mdio_emu.ko" ids=0x003b1861 ||
		{ kb_fail "$name" "insmod kb_mdio_emu failed"; return 1; }
	insmod "$3" || { kb_fail "$name" "insmod failed"; return 1; }
	[ "$(basename "$(readlink "/sys/bus/mdio_bus/devices/$PHY/driver/module")")" = "$2" ] ||
		{ kb_fail "$name" "$PHY not bound to $2"; return 1; }
	syms
	echo 100full >"$EMU/$PHY/partner" && echo attach >"$EMU/$PHY/ctl" &&
		echo start >"$EMU/$PHY/ctl" && mark ||
		{ kb_fail "$name" "attaching $PHY failed"; return 1; }
	for n in "$PHY_OPS" $((2 * PHY_OPS)) "$PHY_OPS" $((2 * PHY_OPS)); do
		phy_run "$n" && mark ||
			{ kb_fail "$name" "a link interrupt failed"; return 1; }
		line=$line,$n,$MARKS
	done
	echo stop >"$EMU/$PHY/ctl" && echo detach >"$EMU/$PHY/ctl" &&
		echo $PHY >"/sys/bus/mdio_bus/devices/$PHY/driver/unbind" ||
		{ kb_fail "$name" "detaching $PHY failed"; return 1; }
	echo "$line" >"$KB_RESULTS"
	kb_pass "$name"
}

# edu_unbind: free the edu device of kbind_edu for its raw twin.
edu_unbind() {
	local d

	for d in /sys/bus/pci/drivers/kbind_edu/0000:*; do
		echo "${d##*/}" >/sys/bus/pci/drivers/kbind_edu/unbind
	done
}

online_cpus || {
	kb_fail "icount: online every vCPU" "a vCPU failed to come up"
	exit 1
}
# Interrupts requested from now on go to CPU 0, where op_loop runs.
echo 1 >/proc/irq/default_smp_affinity

op misc-get kbind kbind_misc_sample /dev/kbind-misc-sample &&
	op misc-get raw kb_bench_raw_misc /dev/kbind-bench-raw-misc &&
	op edu-raise kbind kbind_edu '/dev/kbind-edu-*' &&
	edu_unbind &&
	op edu-raise raw kb_bench_raw_edu '/dev/kbind-bench-raw-edu-*' &&
	phy kbind kbind_ax88796b "$KB_MODULES/kbind_ax88796b.ko" &&
	rmmod kbind_ax88796b &&	# the stock driver registers the same names
	phy raw ax88796b /kbind/kmod/ax88796b.ko
