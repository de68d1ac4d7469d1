// SPDX-License-Identifier: GPL-2.0
/*
 * A handler requested on a bare IRQ number (pdev->irq, a number kept from
 * an earlier bind, another device's): request helpers take only the
 * typed line that the bound device's binding hands out.
 * expect: incompatible type for argument 3 of 'cf_irq_request'
 */
#include <kbind/irq.h>
#include <kbind/pci.h>
#include "cf_common.h"

struct cf_irq_dev {
	struct kb_irq irq;
};

KB_PCI_INFO_TYPE(cf_pci, struct cf_dev);

static const struct cf_dev info = { .value = 1 };

static const struct pci_device_id cf_pci_ids[] = {
	KB_PCI_INFO(cf_pci, PCI_DEVICE(0x1234, 0x5678), &info),
	{ }
};

static irqreturn_t cf_handler(struct cf_irq_dev *d)
{
	return IRQ_HANDLED;
}

KB_IRQ_HANDLER(cf_irq, struct cf_irq_dev, cf_handler);

static int cf_acquire(struct kb_pci_probe *pp, struct cf_irq_dev *d,
		      const struct cf_dev *info)
{
	return kb_pci_alloc_irq_vectors(pp, 1, 1, PCI_IRQ_MSI);
}

static int cf_publish(struct kb_pci_publish *pp, struct cf_irq_dev *d)
{
#ifdef KB_CF_CORRECT
	return cf_irq_request(&pp->core, &d->irq, kb_pci_irq_vector(pp, 0), 0,
			      d);
#else
	return cf_irq_request(&pp->core, &d->irq, kb_pci_raw(pp)->irq, 0, d);
#endif
}

KB_PCI_DRIVER(cf_pci, struct cf_irq_dev, cf_acquire, cf_publish);
