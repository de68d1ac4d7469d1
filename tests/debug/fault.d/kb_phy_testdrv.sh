# SPDX-License-Identifier: GPL-2.0
# Fault sweep declaration of the PHY binding's probe with private data:
# kb_phy_testdrv bound to kb_mdio_emu.ko's test PHY through sysfs.

tphy_drv="/sys/bus/mdio_bus/drivers/kbind test PHY"
tphy_emu=/sys/kernel/debug/kb_mdio_emu/kbemu:01

fault_setup() {
	insmod "$KB_MODULES/kb_mdio_emu.ko" ids=0x0123ab15 &&
		insmod "$KB_MODULES/kb_phy_testdrv.ko" &&
		echo kbemu:01 >"$tphy_drv/unbind"
}

fault_probe() {
	echo kbemu:01 >"$tphy_drv/bind"
}

# config_init wrote what probe read into the private data.
fault_works() {
	echo attach >$tphy_emu/ctl && grep -qx page2.16=a005 $tphy_emu/regs &&
		echo detach >$tphy_emu/ctl
}

fault_remove() {
	echo kbemu:01 >"$tphy_drv/unbind"
}

fault_nothing_left() {
	! test -e /sys/bus/mdio_bus/devices/kbemu:01/driver
}

fault_cleanup() {
	rmmod kb_phy_testdrv && rmmod kb_mdio_emu
}
