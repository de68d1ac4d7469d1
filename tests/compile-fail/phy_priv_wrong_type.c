// SPDX-License-Identifier: GPL-2.0
/*
 * kb_phy_priv() reads the private data from the callback's handle, found
 * once by its guard, and returns it with the table's type: a callback
 * cannot take it as another.
 * expect: initialization of 'struct cf_other \*' from incompatible pointer type 'struct cf_dev \*'
 */
#include "cf_common.h"
#include <kbind/phy.h>

KB_PHY_PRIV_TYPE(cf, struct cf_dev);

static int cf_probe(struct kb_phy_probe *p, struct cf_dev *d)
{
	d->value = 1;
	return 0;
}

static int cf_config_init(struct kb_phy *h)
{
#ifdef KB_CF_CORRECT
	struct cf_dev *d = kb_phy_priv(cf, h);

	return d->value ? 0 : -EINVAL;
#else
	struct cf_other *o = kb_phy_priv(cf, h);

	return o->x ? 0 : -EINVAL;
#endif
}

KB_PHY_MODULE(cf,
	      KB_PHY(cf_phy, KB_PHY_EXACT(0x0123ab15), .name = "cf",
		     .probe = cf_probe, .config_init = cf_config_init));
