// SPDX-License-Identifier: GPL-2.0
/* Raw uses of the PCI device behind kbind's probe and publish handles. */
#include <linux/pci.h>
#include <kbind/pci.h>
#include <kbind/platform.h>

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

/* The same through the documented escape hatches. */
static int foo_acquire_hatch(struct kb_pci_probe *pp, struct foo *foo)
{
	foo->pdev = kb_pci_raw(pp); /* EXPECT */
	pci_set_power_state(kb_pci_raw(pp), PCI_D0); /* EXPECT */
	/* Naming is read-only: fine. */
	dev_info(kb_probe_dev(&pp->core), "%s\n", pci_name(kb_pci_raw(pp)));
	return 0;
}

static int foo_publish_hatch(struct kb_platform_publish *pp, struct foo *foo)
{
	if (kb_platform_raw(pp)->id < 0)
		return 0;
	return device_create_file(&kb_platform_raw(pp)->dev, &dev_attr_foo); /* EXPECT */
}
