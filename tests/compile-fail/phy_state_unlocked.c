// SPDX-License-Identifier: GPL-2.0
/*
 * soft_reset runs with or without phydev->lock (attach, link loss), so it
 * may not touch phylib's link state: that takes the locked handle.
 * expect: passing argument 1 of 'kb_genphy_update_link' from incompatible pointer type
 */
#include "cf_common.h"
#include <kbind/phy.h>

KB_PHY_PRIV_TYPE(cf, struct kb_phy_nopriv);

#ifdef KB_CF_CORRECT
static int cf_soft_reset(struct kb_phy *h)
{
	return kb_genphy_soft_reset(h);
}
#else
static int cf_soft_reset(struct kb_phy *h)
{
	return kb_genphy_update_link(h);
}
#endif

KB_PHY_MODULE(cf,
	      KB_PHY(cf_phy, KB_PHY_EXACT(0x0123ab15), .name = "cf",
		     .soft_reset = cf_soft_reset));
