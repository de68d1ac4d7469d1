// SPDX-License-Identifier: GPL-2.0
/*
 * Bypasses of kbind's escape hatches that sparse must report: each line
 * marked "sparse:" reads a private member of a phase handle directly
 * instead of through kb_pci_raw(), kb_platform_raw(), kb_phy_raw(),
 * kb_phy_priv() or the bindings.
 * tests/style.sh builds this with C=1 and expects one "dereference of
 * noderef expression" per marked line, which also proves sparse ran.
 */
#include <linux/module.h>
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

/* Referenced, so that the functions are compiled. */
static const void *const sp_used[] __used = {
	sp_pci, sp_platform, sp_lc, sp_phy,
};

MODULE_LICENSE("GPL");
