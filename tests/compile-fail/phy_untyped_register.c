// SPDX-License-Identifier: GPL-2.0
/*
 * Registers are typed: a bare number could be meant as Clause 22 or as a
 * register of an MMD; KB_C22() or KB_C45() says which.
 * expect: call to '__kb_phy_not_a_register' declared with attribute error
 */
#include "cf_common.h"
#include <kbind/phy.h>

KB_PHY_PRIV_TYPE(cf, struct kb_phy_nopriv);

static int cf_config_init(struct kb_phy *h)
{
#ifdef KB_CF_CORRECT
	return kb_phy_set_bits(h, KB_C22(MII_BMCR), BMCR_ANENABLE);
#else
	return kb_phy_set_bits(h, MII_BMCR, BMCR_ANENABLE);
#endif
}

KB_PHY_MODULE(cf,
	      KB_PHY(cf_phy, KB_PHY_EXACT(0x0123ab15), .name = "cf",
		     .config_init = cf_config_init));
