// SPDX-License-Identifier: GPL-2.0
/*
 * Asix AX88772A, AX88772C and AX88796B PHYs, on kbind's PHY binding.
 *
 * A port of drivers/net/phy/ax88796b.c (and of its Rust twin,
 * ax88796b_rust.rs): the same three PHYs, the same register accesses.
 */
#include <linux/module.h>
#include <kbind/phy.h>

#define PHY_ID_ASIX_AX88772A	0x003b1861
#define PHY_ID_ASIX_AX88772C	0x003b1881
#define PHY_ID_ASIX_AX88796B	0x003b1841

KB_PHY_PRIV_TYPE(asix, struct kb_phy_nopriv);

/*
 * The PHY only resets if BMCR_RESET toggles: clear BMCR first (the X-Surf
 * 100 Zorro card's AX88796B needs it), then the generic reset.
 */
static int asix_soft_reset(struct kb_phy *h)
{
	int ret = kb_phy_write(h, KB_C22(MII_BMCR), 0);

	return ret < 0 ? ret : kb_genphy_soft_reset(h);
}

/*
 * With some old switches (NETGEAR EN 108TP) the AX88772A reports the link
 * up after autonegotiation but MII_LPA reads 0, from which no link mode
 * resolves: take speed and duplex from BMCR, then resolve from the link
 * partner's modes if autonegotiation completed. The AX88772C does not
 * have the problem.
 */
static int asix_ax88772a_read_status(struct kb_phy_locked *h)
{
	int ret, bmcr;

	ret = kb_genphy_update_link(h);
	if (ret)
		return ret;
	if (!kb_phy_link_up(h))
		return 0;

	bmcr = kb_phy_read(h, KB_C22(MII_BMCR));
	if (bmcr < 0)
		return bmcr;
	kb_phy_set_speed(h, bmcr & BMCR_SPEED100 ? SPEED_100 : SPEED_10);
	kb_phy_set_duplex(h, bmcr & BMCR_FULLDPLX ? DUPLEX_FULL : DUPLEX_HALF);

	ret = kb_genphy_read_lpa(h);
	if (ret < 0)
		return ret;
	if (kb_phy_autoneg_done(h))
		kb_phy_resolve_aneg_linkmode(h);
	return 0;
}

/* Reset on link loss, or MII_LPA keeps stale modes with some partners. */
static void asix_ax88772a_link_change_notify(struct kb_phy_notify *h)
{
	if (kb_phy_state(h) == PHY_NOLINK) {
		kb_phy_init_hw(h);
		kb_phy_start_aneg(h);
	}
}

static int asix_suspend(struct kb_phy *h)
{
	return kb_genphy_suspend(h);
}

static int asix_resume(struct kb_phy_locked *h)
{
	return kb_genphy_resume(h);
}

KB_PHY_MODULE(asix,
	      KB_PHY(ax88772a, KB_PHY_EXACT(PHY_ID_ASIX_AX88772A),
		     .name = "Asix Electronics AX88772A",
		     .flags = PHY_IS_INTERNAL,
		     .read_status = asix_ax88772a_read_status,
		     .suspend = asix_suspend,
		     .resume = asix_resume,
		     .soft_reset = asix_soft_reset,
		     .link_change_notify = asix_ax88772a_link_change_notify),
	      KB_PHY(ax88772c, KB_PHY_EXACT(PHY_ID_ASIX_AX88772C),
		     .name = "Asix Electronics AX88772C",
		     .flags = PHY_IS_INTERNAL,
		     .suspend = asix_suspend,
		     .resume = asix_resume,
		     .soft_reset = asix_soft_reset),
	      KB_PHY(ax88796b, KB_PHY_MODEL(PHY_ID_ASIX_AX88796B),
		     .name = "Asix Electronics AX88796B",
		     .soft_reset = asix_soft_reset));

MODULE_DESCRIPTION("Asix PHYs (AX88772A/C, AX88796B) on kbind");
MODULE_LICENSE("GPL");
