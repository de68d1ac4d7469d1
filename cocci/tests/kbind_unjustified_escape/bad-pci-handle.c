// SPDX-License-Identifier: GPL-2.0
/* Raw uses of the PCI device behind kbind's probe and publish handles. */
#include <linux/pci.h>
#include <kbind/pci.h>

struct foo {
	struct pci_dev *pdev;
	struct device *dev;
};

static int foo_acquire(struct kb_pci_probe *pp, struct foo *foo)
{
	foo->pdev = pp->pdev; /* EXPECT */
	foo->dev = &pp->pdev->dev; /* EXPECT */
	pci_set_power_state(pp->pdev, PCI_D0); /* EXPECT */
	return 0;
}

static int foo_publish(struct kb_pci_publish *pp, struct foo *foo)
{
	/* Logging and naming are read-only: fine. */
	dev_info(&pp->pdev->dev, "publishing %s\n", pci_name(pp->pdev));
	return device_create_file(&pp->pdev->dev, &dev_attr_foo); /* EXPECT */
}
