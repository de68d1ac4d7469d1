// SPDX-License-Identifier: GPL-2.0
/*
 * Near miss (3c59x's shape): success and failure leave through the same
 * "return rc;", and only the failure paths pass the disable.
 */
#include <linux/pci.h>

static int foo_cards_found;

static int foo_probe1(struct device *dev, void __iomem *ioaddr, int irq)
{
	return readl(ioaddr) == ~0U ? -ENODEV : 0;
}

static int foo_init_one(struct pci_dev *pdev, const struct pci_device_id *ent)
{
	void __iomem *ioaddr;
	int rc;

	rc = pci_enable_device(pdev);
	if (rc < 0)
		goto out;

	rc = pci_request_regions(pdev, "foo");
	if (rc < 0)
		goto out_disable;

	ioaddr = pci_iomap(pdev, 0, 0);
	if (!ioaddr) {
		rc = -ENOMEM;
		goto out_release;
	}

	rc = foo_probe1(&pdev->dev, ioaddr, pdev->irq);
	if (rc < 0)
		goto out_iounmap;

	pci_set_drvdata(pdev, (void __force *)ioaddr);
	foo_cards_found++;
	goto out;

out_iounmap:
	pci_iounmap(pdev, ioaddr);
out_release:
	pci_release_regions(pdev);
out_disable:
	pci_disable_device(pdev);
out:
	return rc;
}

static void foo_remove_one(struct pci_dev *pdev)
{
	pci_iounmap(pdev, (void __iomem __force *)pci_get_drvdata(pdev));
	pci_release_regions(pdev);
	pci_disable_device(pdev);
}

static struct pci_driver foo_driver = {
	.name = "foo",
	.probe = foo_init_one,
	.remove = foo_remove_one,
};
