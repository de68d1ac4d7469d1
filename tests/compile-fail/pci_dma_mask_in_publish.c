// SPDX-License-Identifier: GPL-2.0
/*
 * The DMA mask set after publication, when the device may already be
 * doing DMA: only the probe-phase handle may set it.
 * expect: incompatible pointer type
 */
#include <kbind/pci.h>
#include "cf_common.h"

KB_PCI_INFO_TYPE(cf_pci, struct cf_dev);

static const struct cf_dev info = { .value = 1 };

static const struct pci_device_id cf_pci_ids[] = {
	KB_PCI_INFO(cf_pci, PCI_DEVICE(0x1234, 0x5678), &info),
	{ }
};

static int cf_acquire(struct kb_pci_probe *pp, struct cf_dev *d,
		      const struct cf_dev *info)
{
#ifdef KB_CF_CORRECT
	return kb_pci_set_dma_mask(pp, 28);
#else
	return 0;
#endif
}

static int cf_publish(struct kb_pci_publish *pp, struct cf_dev *d)
{
#ifdef KB_CF_CORRECT
	return 0;
#else
	return kb_pci_set_dma_mask(pp, 28);
#endif
}

KB_PCI_DRIVER(cf_pci, struct cf_dev, cf_acquire, cf_publish);
