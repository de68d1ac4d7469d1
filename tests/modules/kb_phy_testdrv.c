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
 *    PHY's pages), resume restores it if suspend saved it.
 */
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
};

KB_PHY_PRIV_TYPE(kbt, struct kbt_priv);

static int kbt_probe(struct kb_phy_probe *p, struct kbt_priv *priv)
{
	int rev = kb_phy_read(p, KBT_MMD_REV);

	if (rev < 0)
		return rev;
	priv->rev = rev;
	return kb_array_alloc(&p->core, &priv->saved_array, priv->saved,
			      KBT_SAVED, NUMA_NO_NODE);
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
	struct kbt_priv *priv = kb_phy_priv(kbt, h);
	int val = kb_phy_read_paged(h, KBT_PAGE, KBT_REG);

	if (val < 0)
		return val;
	priv->saved[0] = val;
	priv->suspended = true;
	return kb_genphy_suspend(h);
}

static int kbt_resume(struct kb_phy_locked *h)
{
	struct kbt_priv *priv = kb_phy_priv(kbt, h);
	int ret = kb_genphy_resume(h);

	/* phylib also resumes a PHY that was never suspended (attach) */
	if (ret < 0 || !priv->suspended)
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
