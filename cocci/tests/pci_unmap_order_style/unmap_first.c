// SPDX-License-Identifier: GPL-2.0
/* The order pci.rst lists: unmap, then release, then disable. */
#include <linux/pci.h>

struct foo {
	void __iomem *regs;
};

static void foo_remove(struct pci_dev *pdev)
{
	struct foo *foo = pci_get_drvdata(pdev);

	pci_iounmap(pdev, foo->regs);
	pci_release_regions(pdev);
	pci_disable_device(pdev);
}

static int foo_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct foo *foo = pci_get_drvdata(pdev);

	foo->regs = pci_iomap(pdev, 0, 0);
	return foo->regs ? 0 : -ENOMEM;
}
