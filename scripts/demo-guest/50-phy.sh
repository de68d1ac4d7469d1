# SPDX-License-Identifier: GPL-2.0
#
# What a new user sees of kbind_ax88796b: kb_mdio_emu.ko stands in for the
# hardware (an MDIO bus with an emulated AX88772A, AX88772C and AX88796B,
# whose register accesses it logs); each PHY binds to its model's driver,
# links up through phylib, and the AX88772A copes with its LPA quirk.

. /kbind/lib.sh

EMU=/sys/kernel/debug/kb_mdio_emu
A=$EMU/kbemu:01

load() {
	kb_show insmod "$KB_MODULES/kb_mdio_emu.ko" &&
		kb_show insmod "$KB_MODULES/kbind_ax88796b.ko" &&
		kb_show sh -c 'for d in /sys/bus/mdio_bus/devices/kbemu:*; do
			echo "$d -> $(basename "$(readlink "$d/driver")")"; done'
}
link_up() {
	kb_show sh -c "echo attach > $A/ctl && echo start > $A/ctl &&
		echo 100full > $A/partner && echo irq > $A/ctl && cat $A/status"
}
quirk() {
	kb_show sh -c "echo down > $A/partner && echo irq > $A/ctl &&
		echo '100full lpa0' > $A/partner && echo irq > $A/ctl &&
		grep -E 'link|speed|duplex' $A/status"
}
unload() {
	kb_show sh -c "echo stop > $A/ctl && echo detach > $A/ctl" &&
		kb_show rmmod kbind_ax88796b && kb_show rmmod kb_mdio_emu
}

kb_case "load the emulated PHYs and kbind_ax88796b: each binds" load
kb_case "AX88772A: a 100 Mb/s partner, a link interrupt: 100/full" link_up
kb_case "the register accesses that took" \
	kb_show sh -c "wc -l < $EMU/trace; tail -n 5 $EMU/trace"
kb_case "AX88772A quirk: LPA reads 0, speed and duplex still resolve" quirk
kb_case "detach and unload" unload

exit 0
