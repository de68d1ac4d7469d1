// SPDX-License-Identifier: GPL-2.0
/* Error paths that skip the release of the regions or of the mapping. */
#include <linux/interrupt.h>
#include <linux/pci.h>
#include <linux/slab.h>

struct foo_priv {
	void __iomem *regs;
};

static irqreturn_t foo_irq(int irq, void *data)
{
	return IRQ_HANDLED;
}

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
		goto err_disable;
	}
	err = request_irq(pdev->irq, foo_irq, IRQF_SHARED, "foo", priv);
	if (err)
		goto err_unmap;
	pci_set_drvdata(pdev, priv);
	return 0;

err_unmap:
	pci_iounmap(pdev, priv->regs);
	pci_release_regions(pdev);
err_disable:
	pci_disable_device(pdev);
	return err; /* EXPECT */
}

static int foo_hw_init(void __iomem *mmio)
{
	return readl(mmio) == ~0U ? -EIO : 0;
}

static int bar_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	void __iomem *mmio;
	int ret;

	ret = pci_enable_device(pdev);
	if (ret)
		return ret;
	if (pci_request_region(pdev, 0, "bar")) {
		ret = -EBUSY;
		goto out_disable;
	}
	mmio = pci_ioremap_bar(pdev, 0);
	if (!mmio) {
		ret = -ENOMEM;
		goto out_release;
	}
	ret = foo_hw_init(mmio);
	if (ret) {
		dev_err(&pdev->dev, "hardware init failed\n");
		return ret; /* EXPECT */
	}
	pci_set_drvdata(pdev, (void __force *)mmio);
	return 0;

out_release:
	pci_release_region(pdev, 0);
out_disable:
	pci_disable_device(pdev);
	return ret;
}
