// SPDX-License-Identifier: GPL-2.0
/* Teardown that gives the region back while its mapping is still live. */
#include <linux/pci.h>
#include <linux/slab.h>

struct foo_priv {
	void __iomem *regs;
	void __iomem *mmio;
};

static int foo_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct foo_priv *priv;
	int err;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	err = pci_enable_device(pdev);
	if (err)
		return err;
	err = pci_request_regions(pdev, "foo");
	if (err)
		goto err_disable;
	priv->regs = pci_iomap(pdev, 0, 0);
	if (!priv->regs) {
		err = -ENOMEM;
		goto err_release;
	}
	priv->mmio = pci_ioremap_bar(pdev, 2);
	if (!priv->mmio) {
		err = -ENOMEM;
		goto err_unmap;
	}
	pci_set_drvdata(pdev, priv);
	return 0;

err_unmap:
	pci_iounmap(pdev, priv->regs);
err_release:
	pci_release_regions(pdev);
err_disable:
	pci_disable_device(pdev);
	return err;
}

static void foo_remove(struct pci_dev *pdev)
{
	struct foo_priv *priv = pci_get_drvdata(pdev);

	pci_release_regions(pdev); /* EXPECT */
	pci_iounmap(pdev, priv->regs);
	iounmap(priv->mmio);
	pci_disable_device(pdev);
}

static void bar_remove(struct pci_dev *pdev)
{
	struct foo_priv *priv = pci_get_drvdata(pdev);

	/* BAR 0 is unmapped before its release: fine */
	pci_iounmap(pdev, priv->regs);
	pci_release_region(pdev, 0);
	/* BAR 2 is given back while still mapped */
	pci_release_region(pdev, 2); /* EXPECT */
	iounmap(priv->mmio);
	pci_disable_device(pdev);
}
