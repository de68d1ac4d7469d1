// SPDX-License-Identifier: GPL-2.0
/* Old-style probes that bail out after enabling, without disabling. */
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
	if (err)
		return err;

	if (!(pci_resource_flags(pdev, 0) & IORESOURCE_MEM)) {
		dev_err(&pdev->dev, "BAR 0 is not MMIO\n");
		return -ENODEV; /* EXPECT */
	}

	err = pci_request_regions(pdev, "foo");
	if (err)
		return err; /* EXPECT */

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
	pci_disable_device(pdev);
	return err;
}

static void foo_remove(struct pci_dev *pdev)
{
	struct foo_priv *priv = pci_get_drvdata(pdev);

	pci_iounmap(pdev, priv->regs);
	pci_release_regions(pdev);
	pci_disable_device(pdev);
	kfree(priv);
}

static int bar_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	int rc;

	if (pci_enable_device_mem(pdev))
		return -EIO;

	rc = dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(32));
	if (rc)
		goto out;
	pci_set_master(pdev);
	return 0;
out:
	return rc; /* EXPECT */
}

static struct pci_driver foo_driver = {
	.name = "foo",
	.probe = foo_probe,
	.remove = foo_remove,
};

static int baz_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	int err;

	if ((err = pci_enable_device(pdev)))
		return err;
	if ((err = pci_request_regions(pdev, "baz")))
		return err; /* EXPECT */
	return 0;
}
