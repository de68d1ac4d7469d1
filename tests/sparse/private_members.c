// SPDX-License-Identifier: GPL-2.0
/*
 * Bypasses of kbind's escape hatches that sparse must report: each line
 * marked "sparse:" reads a private member of a phase handle directly
 * instead of through kb_pci_raw(), kb_platform_raw(), kb_phy_raw(),
 * kb_phy_priv(), kb_blk_disk_raw(), kb_blk_tag_set_raw() or the bindings.
 * tests/style.sh builds this with C=1 and expects one "dereference of
 * noderef expression" per marked line, which also proves sparse ran.
 */
#include <linux/module.h>
#include <kbind/blk.h>
#include <kbind/pci.h>
#include <kbind/phy.h>
#include <kbind/platform.h>

struct sp_dev {
	int irq;
};

static int sp_pci(struct kb_pci_probe *pp, struct sp_dev *d)
{
	d->irq = pp->pdev->irq;				/* sparse: */
	return kb_pci_raw(pp)->irq;
}

static int sp_platform(struct kb_platform_publish *pp)
{
	return pp->pdev->id;				/* sparse: */
}

static struct kb_lifecycle *sp_lc(struct kb_probe *p)
{
	return p->lc;					/* sparse: */
}

static int sp_phy(struct kb_phy_locked *h)
{
	return h->phydev->speed +			/* sparse: */
	       !!h->priv;				/* sparse: */
}

static int sp_blk(struct kb_blk_disk *d, struct kb_blk_tag_set *ts)
{
	return d->disk->minors +			/* sparse: */
	       ts->set.queue_depth +			/* sparse: */
	       kb_blk_disk_raw(d)->minors +
	       kb_blk_tag_set_raw(ts)->queue_depth;
}

/* Referenced, so that the functions are compiled. */
static const void *const sp_used[] __used = {
	sp_pci, sp_platform, sp_lc, sp_phy, sp_blk,
};

MODULE_LICENSE("GPL");
