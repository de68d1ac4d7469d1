// SPDX-License-Identifier: GPL-2.0
/*
 * write_page runs with the MDIO bus lock held: an accessor that takes the
 * lock would deadlock, only the __ ones take the page handle.
 * expect: 'struct kb_phy_page' has no member named 'may_take_bus_lock'
 */
#include "cf_common.h"
#include <kbind/phy.h>

KB_PHY_PRIV_TYPE(cf, struct kb_phy_nopriv);

static int cf_read_page(struct kb_phy_page *h)
{
	return __kb_phy_read(h, KB_C22(31));
}

static int cf_write_page(struct kb_phy_page *h, int page)
{
#ifdef KB_CF_CORRECT
	return __kb_phy_write(h, KB_C22(31), page);
#else
	return kb_phy_write(h, KB_C22(31), page);
#endif
}

KB_PHY_MODULE(cf,
	      KB_PHY(cf_phy, KB_PHY_EXACT(0x0123ab15), .name = "cf",
		     .read_page = cf_read_page, .write_page = cf_write_page));
