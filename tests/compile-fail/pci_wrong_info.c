// SPDX-License-Identifier: GPL-2.0
/*
 * A PCI id-table entry whose match info is not of the driver's info type.
 * expect: kbind: id-table entry info is not of the driver info type
 */
#include <kbind/pci.h>
#include "cf_common.h"

KB_PCI_INFO_TYPE(cf_pci, struct cf_dev);

static const struct cf_dev good = { .value = 1 };
static const struct cf_other bad = { .x = 1 };

static const struct pci_device_id cf_pci_ids[] = {
#ifdef KB_CF_CORRECT
	KB_PCI_INFO(cf_pci, PCI_DEVICE(0x1234, 0x5678), &good),
#else
	KB_PCI_INFO(cf_pci, PCI_DEVICE(0x1234, 0x5678), &bad),
#endif
	{ }
};

static int cf_acquire(struct kb_pci_probe *pp, struct cf_dev *d,
		      const struct cf_dev *info)
{
	d->value = info->value;
	return 0;
}

static int cf_publish(struct kb_pci_publish *pp, struct cf_dev *d)
{
	return 0;
}

KB_PCI_DRIVER(cf_pci, struct cf_dev, cf_acquire, cf_publish);
