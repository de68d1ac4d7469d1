// SPDX-License-Identifier: GPL-2.0
/* The same raw uses, each justified by a SAFETY: comment. */
#include <kbind/phy.h>
#include <kbind/misc.h>

static int foo_config_init(struct kb_phy *h)
{
	/* SAFETY: phylib calls config_init with the device attached; the
	 * write only resets the PHY, as genphy_soft_reset() would.
	 */
	return phy_write(kb_phy_raw(h), MII_BMCR,
			 BMCR_RESET);
}

static loff_t foo_llseek(struct foo *foo, struct foo_file *f,
			 struct file *file, loff_t off, int whence)
{
	/* SAFETY: @file is the file this call is for; the generic helper
	 * only updates its f_pos.
	 */
	return fixed_size_llseek(file, off, whence, foo->size);
}
