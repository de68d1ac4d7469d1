// SPDX-License-Identifier: GPL-2.0
/*
 * Restarting autonegotiation is a notifier operation: from read_status
 * (phydev->lock held) it would recurse into the state machine.
 * expect: passing argument 1 of 'kb_phy_start_aneg' from incompatible pointer type
 */
#include "cf_common.h"
#include <kbind/phy.h>

KB_PHY_PRIV_TYPE(cf, struct kb_phy_nopriv);

static int cf_read_status(struct kb_phy_locked *h)
{
	int ret = kb_genphy_update_link(h);

#ifndef KB_CF_CORRECT
	if (!ret && !kb_phy_link_up(h))
		return kb_phy_start_aneg(h);
#endif
	return ret;
}

KB_PHY_MODULE(cf,
	      KB_PHY(cf_phy, KB_PHY_EXACT(0x0123ab15), .name = "cf",
		     .read_status = cf_read_status));
