// SPDX-License-Identifier: GPL-2.0
/*
 * The probe of a PHY table gets the private data type the table declares.
 * expect: of 'int \(\*\)\(struct kb_phy_probe \*, struct cf_dev \*\)' from incompatible
 */
#include "cf_common.h"
#include <kbind/phy.h>

KB_PHY_PRIV_TYPE(cf, struct cf_dev);

#ifdef KB_CF_CORRECT
static int cf_probe(struct kb_phy_probe *p, struct cf_dev *d)
#else
static int cf_probe(struct kb_phy_probe *p, struct cf_other *d)
#endif
{
	return 0;
}

KB_PHY_MODULE(cf,
	      KB_PHY(cf_phy, KB_PHY_EXACT(0x0123ab15), .name = "cf",
		     .probe = cf_probe));
