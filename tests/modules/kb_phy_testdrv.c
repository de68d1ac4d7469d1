// SPDX-License-Identifier: GPL-2.0
/*
 * Test module: a kbind PHY driver using what kbind_ax88796b does not:
 * probe with typed private data and an acquisition step, paged and Clause
 * 45 (MMD) register access. For kb_mdio_emu.ko's PHY id 0x0123ab15:
 *
 *  - probe reads the revision from MMD register 30.0 into the private
 *    data and allocates a save area (an acquisition step);
 *  - config_init writes 0xa000 | revision to page 2 register 16, and
 *    revision + 1 to MMD register 30.1;
 *  - suspend saves page 2 register 16 (powering down clears the emulated
 *    PHY's pages), resume restores it if suspend saved it. Both reach the
 *    private data only after register accesses, as drivers that read the
 *    hardware before storing what they read do: a binding that loaded the
 *    data again after its guard would see it withdrawn by then;
 *  - the module parameter "live" counts the PHYs whose probe acquired and
 *    whose teardown did not run yet (an acquisition step of probe), so a
 *    test can see a lifecycle left behind.
 */
#include <linux/atomic.h>
#include <linux/module.h>
#include <kbind/phy.h>

#define KBT_PAGE	2
#define KBT_REG		KB_C22(16)
#define KBT_MMD_REV	KB_C45(MDIO_MMD_VEND1, 0)
#define KBT_MMD_SET	KB_C45(MDIO_MMD_VEND1, 1)
#define KBT_SAVED	4

struct kbt_priv {
	u16 rev;
	bool suspended;	/* saved[] holds what resume restores */
	u16 *saved;
	struct kb_array saved_array;
	struct kb_step live_step;
};

KB_PHY_PRIV_TYPE(kbt, struct kbt_priv);

static atomic_t kbt_live = ATOMIC_INIT(0);

static int kbt_live_get(char *buf, const struct kernel_param *kp)
{
	return sysfs_emit(buf, "%d\n", atomic_read(&kbt_live));
}

static const struct kernel_param_ops kbt_live_ops = {
	.get = kbt_live_get,
};
module_param_cb(live, &kbt_live_ops, NULL, 0444);
MODULE_PARM_DESC(live, "PHYs probed and not torn down");

static void kbt_live_undo(struct kb_step *step)
{
	atomic_dec(&kbt_live);
}

static int kbt_probe(struct kb_phy_probe *p, struct kbt_priv *priv)
{
	int rev = kb_phy_read(p, KBT_MMD_REV);
	int ret;

	if (rev < 0)
		return rev;
	priv->rev = rev;
	ret = kb_array_alloc(&p->core, &priv->saved_array, priv->saved,
			     KBT_SAVED, NUMA_NO_NODE);
	if (ret)
		return ret;
	atomic_inc(&kbt_live);
	kb_acquired(&p->core, &priv->live_step, kbt_live_undo, "live count");
	return 0;
}

static int kbt_config_init(struct kb_phy *h)
{
	struct kbt_priv *priv = kb_phy_priv(kbt, h);
	int ret;

	ret = kb_phy_write_paged(h, KBT_PAGE, KBT_REG, 0xa000 | priv->rev);
	if (ret < 0)
		return ret;
	return kb_phy_write(h, KBT_MMD_SET, priv->rev + 1);
}

static int kbt_suspend(struct kb_phy *h)
{
	int val = kb_phy_read_paged(h, KBT_PAGE, KBT_REG);
	struct kbt_priv *priv;

	if (val < 0)
		return val;
	priv = kb_phy_priv(kbt, h);
	priv->saved[0] = val;
	priv->suspended = true;
	return kb_genphy_suspend(h);
}

static int kbt_resume(struct kb_phy_locked *h)
{
	int ret = kb_genphy_resume(h);
	struct kbt_priv *priv;

	if (ret < 0)
		return ret;
	/* phylib also resumes a PHY that was never suspended (attach) */
	priv = kb_phy_priv(kbt, h);
	if (!priv->suspended)
		return ret;
	priv->suspended = false;
	return kb_phy_write_paged(h, KBT_PAGE, KBT_REG, priv->saved[0]);
}

static int kbt_read_page(struct kb_phy_page *h)
{
	return __kb_phy_read(h, KB_C22(31));
}

static int kbt_write_page(struct kb_phy_page *h, int page)
{
	return __kb_phy_write(h, KB_C22(31), page);
}

KB_PHY_MODULE(kbt,
	      KB_PHY(kbt_phy, KB_PHY_EXACT(0x0123ab15),
		     .name = "kbind test PHY",
		     .probe = kbt_probe,
		     .config_init = kbt_config_init,
		     .suspend = kbt_suspend,
		     .resume = kbt_resume,
		     .read_page = kbt_read_page,
		     .write_page = kbt_write_page));

MODULE_DESCRIPTION("kbind test: a PHY driver with private data, pages, MMDs");
MODULE_LICENSE("GPL");
