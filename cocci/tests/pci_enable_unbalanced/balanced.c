// SPDX-License-Identifier: GPL-2.0
/* Every error after the enable unwinds through the disable. */
#include <linux/pci.h>
#include <linux/slab.h>

struct foo_priv {
	void __iomem *regs;
};

static int foo_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct foo_priv *priv;
	int err;

	err = pci_enable_device(pdev);
	if (err) {
		dev_err(&pdev->dev, "cannot enable: %d\n", err);
		return err;
	}

	if (!(pci_resource_flags(pdev, 0) & IORESOURCE_MEM)) {
		err = -ENODEV;
		goto err_disable;
	}
	err = pci_request_regions(pdev, "foo");
	if (err)
		goto err_disable;

	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv) {
		err = -ENOMEM;
		goto err_release;
	}
	priv->regs = pci_iomap(pdev, 0, 0);
	if (!priv->regs) {
		err = -ENOMEM;
		goto err_free;
	}
	pci_set_drvdata(pdev, priv);
	return 0;

err_free:
	kfree(priv);
err_release:
	pci_release_regions(pdev);
err_disable:
	pci_disable_device(pdev);
	return err;
}

static int bar_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	if (pci_enable_device(pdev))
		return -EIO;
	if (pci_set_dma_mask_and_coherent_ok(pdev) < 0) {
		pci_disable_device(pdev);
		return -ENODEV;
	}
	return 0;
}

static void foo_remove(struct pci_dev *pdev)
{
	struct foo_priv *priv = pci_get_drvdata(pdev);

	pci_iounmap(pdev, priv->regs);
	pci_release_regions(pdev);
	pci_disable_device(pdev);
	kfree(priv);
}

static struct pci_driver foo_driver = {
	.name = "foo",
	.probe = foo_probe,
	.remove = foo_remove,
};

/* e1000/ixgbe: the disable is conditional on who disabled it already. */
static unsigned long baz_state;

static int baz_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	bool disable_dev = false;
	void __iomem *regs;
	int err;

	err = pci_enable_device_mem(pdev);
	if (err)
		return err;
	err = pci_request_mem_regions(pdev, "baz");
	if (err)
		goto err_pci_reg;
	regs = pci_ioremap_bar(pdev, 0);
	if (!regs) {
		err = -EIO;
		goto err_ioremap;
	}
	pci_set_drvdata(pdev, (void __force *)regs);
	return 0;

err_ioremap:
	disable_dev = !test_and_set_bit(0, &baz_state);
	pci_release_mem_regions(pdev);
err_pci_reg:
	if (disable_dev)
		pci_disable_device(pdev);
	return err;
}
