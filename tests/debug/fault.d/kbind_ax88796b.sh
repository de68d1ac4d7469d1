# SPDX-License-Identifier: GPL-2.0
# Fault sweep declaration of kbind_ax88796b: module init is its probe (the
# PHY drivers' registration), with kb_mdio_emu.ko's three Asix PHYs there
# to bind.

phy_emu=/sys/kernel/debug/kb_mdio_emu/kbemu:01
phy_dev=/sys/bus/mdio_bus/devices/kbemu:01

fault_setup() {
	insmod "$KB_MODULES/kb_mdio_emu.ko"
}

fault_probe() {
	kb_insmod "$KB_MODULES/kbind_ax88796b.ko"
}

# The AX88772A bound to kbind's driver links up through phylib.
fault_works() {
	[ "$(basename "$(readlink $phy_dev/driver/module)")" = kbind_ax88796b ] &&
		echo attach >$phy_emu/ctl && echo start >$phy_emu/ctl &&
		echo 100full >$phy_emu/partner && echo irq >$phy_emu/ctl &&
		grep -qx speed=100 $phy_emu/status &&
		echo stop >$phy_emu/ctl && echo detach >$phy_emu/ctl
}

fault_remove() {
	rmmod kbind_ax88796b
}

fault_nothing_left() {
	! grep -q '^kbind_ax88796b ' /proc/modules && ! test -e $phy_dev/driver &&
		! test -e "/sys/bus/mdio_bus/drivers/Asix Electronics AX88772A"
}

fault_cleanup() {
	rmmod kb_mdio_emu
}
