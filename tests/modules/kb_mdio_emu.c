// SPDX-License-Identifier: GPL-2.0
/*
 * Test module: an MDIO bus whose PHYs are emulated register files.
 *
 * Loading it registers the bus "kbemu" and one PHY device per id given in
 * the "ids" parameter, at addresses 1, 2, ... (devices kbemu:01, ...), with
 * no driver bound yet: loading a PHY driver binds them. Each PHY emulates
 * the Clause 22 registers a 10/100 PHY has:
 *
 *  - BMCR: stored; RESET resets the register file and reads back clear at
 *    once, RESTART reads back clear; with autonegotiation on and the link
 *    up, SPEED100 and FULLDPLX read as the resolved mode (as the Asix PHYs
 *    do, which the AX88772A quirk relies on);
 *  - BMSR: 10/100 half/full and autonegotiation abilities, link status,
 *    autonegotiation complete;
 *  - PHYSID1/2, ADVERTISE (stored), LPA (the link partner's modes once
 *    negotiated), EXPANSION;
 *  - MMD access through registers 13 and 14 (8 MMDs of 32 registers; MMD
 *    register 30.0, vendor 1, holds the id's revision) and 4 pages of
 *    registers 16 to 30, selected by register 31; powering down (BMCR_PDOWN)
 *    clears the pages, as PHYs that lose their vendor setup do.
 *
 * The link is up when a link partner is connected and BMCR_PDOWN is clear.
 * Every register access is logged. In debugfs, kb_mdio_emu/:
 *
 *  - trace: the accesses, one per line ("R|W addr reg value", hex; "E addr
 *    reg 0000" for a read failed on demand), then "dropped N" if the log
 *    overflowed; writing anything clears it;
 *  - <phy>/partner: write "down", or the partner's best mode ("100full":
 *    a 100 Mb/s switch advertising all four modes; "100half", "10full",
 *    "10half": that mode and the slower ones of the same duplex, "10half"
 *    alone), optionally followed by " lpa0": LPA then reads 0 although
 *    the link is up, the AX88772A's fault with some old switches;
 *  - <phy>/ctl: drive the PHY through phylib as a MAC driver would:
 *    "attach" (phy_connect_direct() to a dummy netdev, phylib's state
 *    machine driven by phy_mac_interrupt()), "detach", "start", "stop",
 *    "irq" (a link interrupt), "aneg", "suspend", "resume", "reset"
 *    (phy_init_hw()); each waits for the state machine to settle and fails
 *    with phylib's error;
 *  - <phy>/status: the driver bound, phylib's state, link, speed, duplex,
 *    suspended, and how many times the netdev's link changed;
 *  - <phy>/regs: the register file;
 *  - <phy>/read_fail: a mask of Clause 22 registers (bit N: register N)
 *    whose reads fail with -EIO, as a PHY that stops answering does
 *    (0x2: BMSR, which phylib's probe reads after the driver's);
 *  - <phy>/delay_ms: each access to the PHY takes that long (a slow bus:
 *    a callback stays in the driver that long per access). The delay
 *    comes after the access is logged, under phylib's MDIO bus lock.
 *
 * Both are 0 at load: the register-access traces compared with the stock
 * driver's are taken without them.
 */
#include <linux/debugfs.h>
#include <linux/delay.h>
#include <linux/etherdevice.h>
#include <linux/mdio.h>
#include <linux/mii.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/netdevice.h>
#include <linux/phy.h>
#include <linux/platform_device.h>
#include <linux/rtnetlink.h>
#include <linux/seq_file.h>

#include <kbind/lifecycle.h>

#define EMU_MAX_PHYS	8
#define EMU_TRACE_LEN	8192
#define EMU_MMDS	8
#define EMU_MMD_REGS	32
#define EMU_PAGES	4
#define EMU_PAGED_FIRST	16
#define EMU_PAGED_REGS	15	/* 16 to 30 */
#define EMU_PAGE_SEL	31
#define EMU_MMD_FUNC	0xc000	/* MII_MMD_CTRL: 0 address, else data */

#define EMU_BMSR_ABILITY (BMSR_100FULL | BMSR_100HALF | BMSR_10FULL | \
			  BMSR_10HALF | BMSR_ANEGCAPABLE | BMSR_ERCAP)
#define EMU_BMCR_RESET	(BMCR_ANENABLE | BMCR_SPEED100 | BMCR_FULLDPLX)
#define EMU_ADV_RESET	(ADVERTISE_ALL | ADVERTISE_CSMA)

static unsigned int ids[EMU_MAX_PHYS] = { 0x003b1861, 0x003b1881, 0x003b1841 };
static int nr_ids = 3;
module_param_array(ids, uint, &nr_ids, 0444);
MODULE_PARM_DESC(ids, "PHY ids, one PHY each at address 1, 2, ... (max 8)");

struct emu_access {
	char op;
	u8 addr;
	u8 reg;
	u16 val;
};

struct emu_phy {
	struct emu *emu;
	int addr;
	u32 id;
	/* register file and link partner, under emu->lock */
	u16 bmcr, adv, mmd_ctrl, mmd_addr, page;
	u16 mmd[EMU_MMDS][EMU_MMD_REGS];
	u16 paged[EMU_PAGES][EMU_PAGED_REGS];
	u16 partner;		/* the partner's ADVERTISE_* modes; 0: down */
	bool lpa0;
	u32 read_fail;		/* debugfs, read with READ_ONCE() */
	u32 delay_ms;		/* debugfs, read with READ_ONCE() */
	/* phylib side, under the debugfs writer's ctl_lock */
	struct phy_device *phydev;
	struct kb_step phy_step;
	struct net_device *ndev;
	struct kb_step ndev_step;
	bool attached;
	unsigned int link_changes;
};

struct emu {
	struct mutex lock;	/* register files and trace */
	struct mutex ctl_lock;	/* ctl commands */
	struct kb_step pdrv_step;
	struct platform_device *pdev;
	struct kb_step pdev_step;
	struct mii_bus *bus;
	struct kb_step alloc_step;
	struct kb_step bus_step;
	struct dentry *dir;
	struct kb_step dir_step;
	struct emu_phy phys[EMU_MAX_PHYS];
	struct emu_access trace[EMU_TRACE_LEN];
	unsigned int nr_trace, dropped;
};

static void emu_reset(struct emu_phy *p)
{
	p->bmcr = EMU_BMCR_RESET;
	p->adv = EMU_ADV_RESET;
	p->page = 0;
	memset(p->paged, 0, sizeof(p->paged));
}

static bool emu_link(struct emu_phy *p)
{
	return p->partner && !(p->bmcr & BMCR_PDOWN);
}

static bool emu_aneg_link(struct emu_phy *p)
{
	return emu_link(p) && (p->bmcr & BMCR_ANENABLE);
}

/* The best mode both advertise, as BMCR speed and duplex bits. */
static u16 emu_resolved(struct emu_phy *p)
{
	u16 common = p->adv & p->partner;

	if (common & ADVERTISE_100FULL)
		return BMCR_SPEED100 | BMCR_FULLDPLX;
	if (common & ADVERTISE_100HALF)
		return BMCR_SPEED100;
	if (common & ADVERTISE_10FULL)
		return BMCR_FULLDPLX;
	return 0;
}

/* The MMD register the indirect registers 13 and 14 point at. */
static u16 *emu_mmd(struct emu_phy *p)
{
	int devad = p->mmd_ctrl & MII_MMD_CTRL_DEVAD_MASK;

	return &p->mmd[devad % EMU_MMDS][p->mmd_addr % EMU_MMD_REGS];
}

static u16 emu_read_reg(struct emu_phy *p, int reg)
{
	u16 v;

	switch (reg) {
	case MII_BMCR:
		v = p->bmcr;
		if (emu_aneg_link(p))
			v = (v & ~(BMCR_SPEED100 | BMCR_FULLDPLX)) |
			    emu_resolved(p);
		return v;
	case MII_BMSR:
		v = EMU_BMSR_ABILITY;
		if (emu_link(p))
			v |= BMSR_LSTATUS;
		if (emu_aneg_link(p))
			v |= BMSR_ANEGCOMPLETE;
		return v;
	case MII_PHYSID1:
		return p->id >> 16;
	case MII_PHYSID2:
		return p->id & 0xffff;
	case MII_ADVERTISE:
		return p->adv;
	case MII_LPA:
		if (!emu_aneg_link(p) || p->lpa0)
			return 0;
		return p->partner | LPA_LPACK | ADVERTISE_CSMA;
	case MII_EXPANSION:
		return emu_aneg_link(p) ? EXPANSION_NWAY : 0;
	case MII_MMD_CTRL:
		return p->mmd_ctrl;
	case MII_MMD_DATA:
		if (!(p->mmd_ctrl & EMU_MMD_FUNC))
			return p->mmd_addr;
		return *emu_mmd(p);
	case EMU_PAGE_SEL:
		return p->page;
	default:
		if (reg >= EMU_PAGED_FIRST && reg < EMU_PAGE_SEL)
			return p->paged[p->page % EMU_PAGES][reg - EMU_PAGED_FIRST];
		return 0;
	}
}

static void emu_write_reg(struct emu_phy *p, int reg, u16 val)
{
	switch (reg) {
	case MII_BMCR:
		if (val & BMCR_RESET) {
			emu_reset(p);
			break;
		}
		p->bmcr = val & ~BMCR_ANRESTART;
		if (val & BMCR_PDOWN)
			memset(p->paged, 0, sizeof(p->paged));
		break;
	case MII_ADVERTISE:
		p->adv = val;
		break;
	case MII_MMD_CTRL:
		p->mmd_ctrl = val;
		break;
	case MII_MMD_DATA:
		if (!(p->mmd_ctrl & EMU_MMD_FUNC))
			p->mmd_addr = val;
		else
			*emu_mmd(p) = val;
		break;
	case EMU_PAGE_SEL:
		p->page = val;
		break;
	default:
		if (reg >= EMU_PAGED_FIRST && reg < EMU_PAGE_SEL)
			p->paged[p->page % EMU_PAGES][reg - EMU_PAGED_FIRST] = val;
		break;	/* read-only or absent: ignored, as a PHY does */
	}
}

static void emu_log(struct emu *emu, char op, int addr, int reg, u16 val)
{
	if (emu->nr_trace == EMU_TRACE_LEN) {
		emu->dropped++;
		return;
	}
	emu->trace[emu->nr_trace++] = (struct emu_access){
		.op = op, .addr = addr, .reg = reg, .val = val,
	};
}

static struct emu_phy *emu_phy_at(struct emu *emu, int addr)
{
	if (addr < 1 || addr > nr_ids)
		return NULL;
	return &emu->phys[addr - 1];
}

/* A slow bus: sleep after the access, outside the register lock. */
static void emu_delay(struct emu_phy *p)
{
	u32 ms = p ? READ_ONCE(p->delay_ms) : 0;

	if (ms)
		msleep(ms);
}

/*
 * An address without a PHY reads all ones, as a real bus does; a register
 * in the PHY's read_fail mask fails with -EIO.
 */
static int emu_mdio_read(struct mii_bus *bus, int addr, int reg)
{
	struct emu *emu = bus->priv;
	struct emu_phy *p = emu_phy_at(emu, addr);
	int val = 0xffff;

	mutex_lock(&emu->lock);
	if (p && reg < 32 && (READ_ONCE(p->read_fail) & BIT(reg))) {
		val = -EIO;
		emu_log(emu, 'E', addr, reg, 0);
	} else {
		if (p)
			val = emu_read_reg(p, reg);
		emu_log(emu, 'R', addr, reg, val);
	}
	mutex_unlock(&emu->lock);
	emu_delay(p);
	return val;
}

static int emu_mdio_write(struct mii_bus *bus, int addr, int reg, u16 val)
{
	struct emu *emu = bus->priv;
	struct emu_phy *p = emu_phy_at(emu, addr);

	mutex_lock(&emu->lock);
	if (p)
		emu_write_reg(p, reg, val);
	emu_log(emu, 'W', addr, reg, val);
	mutex_unlock(&emu->lock);
	emu_delay(p);
	return 0;
}

static int emu_trace_show(struct seq_file *m, void *v)
{
	struct emu *emu = m->private;
	unsigned int i;

	mutex_lock(&emu->lock);
	for (i = 0; i < emu->nr_trace; i++)
		seq_printf(m, "%c %02x %02x %04x\n", emu->trace[i].op,
			   emu->trace[i].addr, emu->trace[i].reg,
			   emu->trace[i].val);
	if (emu->dropped)
		seq_printf(m, "dropped %u\n", emu->dropped);
	mutex_unlock(&emu->lock);
	return 0;
}

static int emu_trace_open(struct inode *inode, struct file *file)
{
	return single_open_size(file, emu_trace_show, inode->i_private,
				EMU_TRACE_LEN * 16 + 32);
}

static ssize_t emu_trace_write(struct file *file, const char __user *buf,
			       size_t len, loff_t *pos)
{
	struct emu *emu = file_inode(file)->i_private;

	mutex_lock(&emu->lock);
	emu->nr_trace = 0;
	emu->dropped = 0;
	mutex_unlock(&emu->lock);
	return len;
}

static const struct file_operations emu_trace_fops = {
	.owner = THIS_MODULE,
	.open = emu_trace_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = single_release,
	.write = emu_trace_write,
};

static const struct {
	const char *name;
	u16 modes;
} emu_partners[] = {
	{ "100full", ADVERTISE_ALL },
	{ "100half", ADVERTISE_100HALF | ADVERTISE_10HALF },
	{ "10full", ADVERTISE_10FULL | ADVERTISE_10HALF },
	{ "10half", ADVERTISE_10HALF },
	{ "down", 0 },
};

static ssize_t emu_partner_write(struct file *file, const char __user *ubuf,
				 size_t len, loff_t *pos)
{
	struct emu_phy *p = file_inode(file)->i_private;
	char buf[24], *flag;
	unsigned int i;

	if (len >= sizeof(buf))
		return -EINVAL;
	if (copy_from_user(buf, ubuf, len))
		return -EFAULT;
	buf[len] = '\0';
	strim(buf);
	flag = strchr(buf, ' ');
	if (flag) {
		*flag++ = '\0';
		if (strcmp(flag, "lpa0"))
			return -EINVAL;
	}
	for (i = 0; i < ARRAY_SIZE(emu_partners); i++) {
		if (strcmp(buf, emu_partners[i].name))
			continue;
		mutex_lock(&p->emu->lock);
		p->partner = emu_partners[i].modes;
		p->lpa0 = !!flag;
		mutex_unlock(&p->emu->lock);
		return len;
	}
	return -EINVAL;
}

static const struct file_operations emu_partner_fops = {
	.owner = THIS_MODULE,
	.write = emu_partner_write,
};

static void emu_adjust_link(struct net_device *ndev)
{
	struct emu_phy *p = *(struct emu_phy **)netdev_priv(ndev);

	p->link_changes++;
}

/* Let a state machine run phy_mac_interrupt() or the like queued finish. */
static void emu_settle(struct emu_phy *p)
{
	flush_delayed_work(&p->phydev->state_queue);
}

static int emu_ctl(struct emu_phy *p, const char *cmd)
{
	struct phy_device *d = p->phydev;
	int ret = 0;

	if (!strcmp(cmd, "attach")) {
		if (p->attached)
			return -EBUSY;
		/* as a MAC driver's ndo_open does: under RTNL, which 7.2's
		 * phylib asserts (the netdev's topology and timestamping)
		 */
		rtnl_lock();
		ret = phy_connect_direct(p->ndev, d, emu_adjust_link,
					 PHY_INTERFACE_MODE_MII);
		rtnl_unlock();
		p->attached = !ret;
		return ret;
	}
	if (!p->attached)
		return -ENOTCONN;
	if (!strcmp(cmd, "detach")) {
		rtnl_lock();
		phy_disconnect(d);
		rtnl_unlock();
		p->attached = false;
	} else if (!strcmp(cmd, "start")) {
		phy_start(d);
	} else if (!strcmp(cmd, "stop")) {
		phy_stop(d);
	} else if (!strcmp(cmd, "irq")) {
		phy_mac_interrupt(d);
	} else if (!strcmp(cmd, "aneg")) {
		ret = phy_start_aneg(d);
	} else if (!strcmp(cmd, "suspend")) {
		ret = phy_suspend(d);
	} else if (!strcmp(cmd, "resume")) {
		ret = phy_resume(d);
	} else if (!strcmp(cmd, "reset")) {
		ret = phy_init_hw(d);
	} else {
		return -EINVAL;
	}
	if (p->attached)
		emu_settle(p);
	return ret;
}

static ssize_t emu_ctl_write(struct file *file, const char __user *ubuf,
			     size_t len, loff_t *pos)
{
	struct emu_phy *p = file_inode(file)->i_private;
	char buf[16];
	int ret;

	if (len >= sizeof(buf))
		return -EINVAL;
	if (copy_from_user(buf, ubuf, len))
		return -EFAULT;
	buf[len] = '\0';
	mutex_lock(&p->emu->ctl_lock);
	ret = emu_ctl(p, strim(buf));
	mutex_unlock(&p->emu->ctl_lock);
	return ret ? ret : len;
}

static const struct file_operations emu_ctl_fops = {
	.owner = THIS_MODULE,
	.write = emu_ctl_write,
};

static const char *const emu_states[] = {
	[PHY_DOWN] = "down", [PHY_READY] = "ready", [PHY_HALTED] = "halted",
	[PHY_UP] = "up", [PHY_RUNNING] = "running", [PHY_NOLINK] = "nolink",
	[PHY_CABLETEST] = "cabletest",
};

static int emu_status_show(struct seq_file *m, void *v)
{
	struct emu_phy *p = m->private;
	struct phy_device *d = p->phydev;

	mutex_lock(&p->emu->ctl_lock);
	mutex_lock(&d->lock);
	seq_printf(m, "driver=%s\nstate=%s\nlink=%d\nspeed=%d\nduplex=%s\n",
		   d->drv ? d->drv->name : "none",
		   d->state < ARRAY_SIZE(emu_states) && emu_states[d->state] ?
		   emu_states[d->state] : "other",
		   d->link, d->speed,
		   d->duplex == DUPLEX_FULL ? "full" :
		   d->duplex == DUPLEX_HALF ? "half" : "unknown");
	seq_printf(m, "suspended=%d\nattached=%d\nlink_changes=%u\n",
		   d->suspended, p->attached, p->link_changes);
	mutex_unlock(&d->lock);
	mutex_unlock(&p->emu->ctl_lock);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(emu_status);

static int emu_regs_show(struct seq_file *m, void *v)
{
	struct emu_phy *p = m->private;
	int i, j;

	mutex_lock(&p->emu->lock);
	seq_printf(m, "bmcr=%04x\nadv=%04x\npage=%04x\n", p->bmcr, p->adv,
		   p->page);
	for (i = 0; i < EMU_PAGES; i++)
		for (j = 0; j < EMU_PAGED_REGS; j++)
			if (p->paged[i][j])
				seq_printf(m, "page%d.%d=%04x\n", i,
					   j + EMU_PAGED_FIRST, p->paged[i][j]);
	for (i = 0; i < EMU_MMDS; i++)
		for (j = 0; j < EMU_MMD_REGS; j++)
			if (p->mmd[i][j])
				seq_printf(m, "mmd%d.%d=%04x\n", i, j,
					   p->mmd[i][j]);
	mutex_unlock(&p->emu->lock);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(emu_regs);

static netdev_tx_t emu_xmit(struct sk_buff *skb, struct net_device *ndev)
{
	dev_kfree_skb(skb);
	return NETDEV_TX_OK;
}

static const struct net_device_ops emu_ndev_ops = {
	.ndo_start_xmit = emu_xmit,
};

/*
 * The netdevs' parent: phylib pins the module of the driver bound to a
 * netdev's parent, so the parent is a device bound to this module.
 */
static int emu_pdev_probe(struct platform_device *pdev)
{
	return 0;
}

static struct platform_driver emu_pdrv = {
	.probe = emu_pdev_probe,
	.driver.name = "kb-mdio-emu",
};

static void emu_pdrv_undo(struct kb_step *s)
{
	platform_driver_unregister(&emu_pdrv);
}

static void emu_pdev_undo(struct kb_step *s)
{
	platform_device_unregister(container_of(s, struct emu, pdev_step)->pdev);
}

static void emu_alloc_undo(struct kb_step *s)
{
	mdiobus_free(container_of(s, struct emu, alloc_step)->bus);
}

static void emu_bus_undo(struct kb_step *s)
{
	mdiobus_unregister(container_of(s, struct emu, bus_step)->bus);
}

static void emu_ndev_undo(struct kb_step *s)
{
	struct emu_phy *p = container_of(s, struct emu_phy, ndev_step);

	unregister_netdev(p->ndev);
	free_netdev(p->ndev);
}

static void emu_phy_undo(struct kb_step *s)
{
	struct emu_phy *p = container_of(s, struct emu_phy, phy_step);

	if (p->attached) {
		rtnl_lock();
		phy_disconnect(p->phydev);
		rtnl_unlock();
	}
	phy_device_remove(p->phydev);
	phy_device_free(p->phydev);
}

static void emu_dir_undo(struct kb_step *s)
{
	debugfs_remove_recursive(container_of(s, struct emu, dir_step)->dir);
}

static int emu_add_ndev(struct kb_probe *pr, struct emu_phy *p)
{
	int ret;

	p->ndev = alloc_netdev(sizeof(p), "kbemu%d", NET_NAME_ENUM,
			       ether_setup);
	if (!p->ndev)
		return -ENOMEM;
	*(struct emu_phy **)netdev_priv(p->ndev) = p;
	p->ndev->netdev_ops = &emu_ndev_ops;
	SET_NETDEV_DEV(p->ndev, &p->emu->pdev->dev);
	eth_hw_addr_random(p->ndev);
	ret = register_netdev(p->ndev);
	if (ret) {
		free_netdev(p->ndev);
		return ret;
	}
	kb_acquired(pr, &p->ndev_step, emu_ndev_undo, "netdev");
	return 0;
}

static int emu_add_phy(struct kb_probe *pr, struct emu *emu, int i)
{
	struct emu_phy *p = &emu->phys[i];
	int ret;

	p->emu = emu;
	p->addr = i + 1;
	p->id = ids[i];
	p->mmd[MDIO_MMD_VEND1 % EMU_MMDS][0] = p->id & 0xf;
	emu_reset(p);
	ret = emu_add_ndev(pr, p);
	if (ret)
		return ret;
	p->phydev = phy_device_create(emu->bus, p->addr, p->id, false, NULL);
	if (IS_ERR(p->phydev))
		return PTR_ERR(p->phydev);
	ret = phy_device_register(p->phydev);
	if (ret) {
		phy_device_free(p->phydev);
		return ret;
	}
	kb_acquired(pr, &p->phy_step, emu_phy_undo, "phy device");
	return 0;
}

static int emu_acquire(struct kb_probe *pr, struct emu *emu)
{
	int i, ret;

	if (nr_ids < 1)
		return -EINVAL;
	mutex_init(&emu->lock);
	mutex_init(&emu->ctl_lock);
	ret = platform_driver_register(&emu_pdrv);
	if (ret)
		return ret;
	kb_acquired(pr, &emu->pdrv_step, emu_pdrv_undo, "platform driver");
	emu->pdev = platform_device_register_simple("kb-mdio-emu", -1, NULL, 0);
	if (IS_ERR(emu->pdev))
		return PTR_ERR(emu->pdev);
	kb_acquired(pr, &emu->pdev_step, emu_pdev_undo, "platform device");

	emu->bus = mdiobus_alloc();
	if (!emu->bus)
		return -ENOMEM;
	kb_acquired(pr, &emu->alloc_step, emu_alloc_undo, "mdio bus");
	emu->bus->name = "kbind emulated MDIO bus";
	snprintf(emu->bus->id, MII_BUS_ID_SIZE, "kbemu");
	emu->bus->read = emu_mdio_read;
	emu->bus->write = emu_mdio_write;
	emu->bus->priv = emu;
	emu->bus->parent = &emu->pdev->dev;
	emu->bus->phy_mask = ~0;	/* no scan: the PHYs are created below */
	for (i = 0; i < PHY_MAX_ADDR; i++)
		emu->bus->irq[i] = PHY_MAC_INTERRUPT;
	ret = mdiobus_register(emu->bus);
	if (ret)
		return ret;
	kb_acquired(pr, &emu->bus_step, emu_bus_undo, "mdio bus registration");

	for (i = 0; i < nr_ids; i++) {
		ret = emu_add_phy(pr, emu, i);
		if (ret)
			return ret;
	}
	return 0;
}

static int emu_publish(struct kb_publish *pb, struct emu *emu)
{
	int i;

	emu->dir = debugfs_create_dir("kb_mdio_emu", NULL);
	kb_published(pb, &emu->dir_step, emu_dir_undo, "debugfs");
	debugfs_create_file("trace", 0600, emu->dir, emu, &emu_trace_fops);
	for (i = 0; i < nr_ids; i++) {
		struct emu_phy *p = &emu->phys[i];
		struct dentry *d;

		d = debugfs_create_dir(phydev_name(p->phydev), emu->dir);
		debugfs_create_file("partner", 0200, d, p, &emu_partner_fops);
		debugfs_create_file("ctl", 0200, d, p, &emu_ctl_fops);
		debugfs_create_file("status", 0400, d, p, &emu_status_fops);
		debugfs_create_file("regs", 0400, d, p, &emu_regs_fops);
		debugfs_create_x32("read_fail", 0600, d, &p->read_fail);
		debugfs_create_u32("delay_ms", 0600, d, &p->delay_ms);
	}
	return 0;
}

KB_MODULE(emu, struct emu, emu_acquire, emu_publish);

MODULE_DESCRIPTION("kbind test: emulated MDIO bus and PHYs");
MODULE_LICENSE("GPL");
