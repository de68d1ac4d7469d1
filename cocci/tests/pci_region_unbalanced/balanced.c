// SPDX-License-Identifier: GPL-2.0
/* Unwinding in reverse order, partly through a shared cleanup helper. */
#include <linux/pci.h>
#include <linux/slab.h>

struct foo_priv {
	void __iomem *regs;
	void __iomem *mmio;
};

static void foo_cleanup(struct pci_dev *pdev, struct foo_priv *priv)
{
	if (priv->mmio)
		iounmap(priv->mmio);
	pci_iounmap(pdev, priv->regs);
	pci_release_regions(pdev);
	pci_disable_device(pdev);
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
	if (err) {
		pci_disable_device(pdev);
		return err;
	}
	priv->regs = pci_iomap(pdev, 0, 0);
	if (!priv->regs) {
		pci_release_regions(pdev);
		pci_disable_device(pdev);
		return -ENOMEM;
	}
	priv->mmio = pci_ioremap_bar(pdev, 2);
	if (!priv->mmio) {
		foo_cleanup(pdev, priv);
		return -ENOMEM;
	}
	if (readl(priv->mmio) == ~0U) {
		foo_cleanup(pdev, priv);
		return -EIO;
	}
	pci_set_drvdata(pdev, priv);
	return 0;
}

static void foo_remove(struct pci_dev *pdev)
{
	struct foo_priv *priv = pci_get_drvdata(pdev);

	iounmap(priv->mmio);
	pci_iounmap(pdev, priv->regs);
	pci_release_regions(pdev);
	pci_disable_device(pdev);
}

/*
 * vmci_guest's shape: the mapping is optional, and the later bail-out is
 * only taken when it failed, so nothing is mapped on that path.
 */
static int bar_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	void __iomem *mmio_base = NULL;
	int error;

	error = pcim_enable_device(pdev);
	if (error)
		return error;
	if (pci_resource_len(pdev, 1) == SZ_256K) {
		mmio_base = pci_iomap_range(pdev, 1, 0, SZ_128K);
		if (!mmio_base)
			dev_warn(&pdev->dev, "falling back to port I/O\n");
	}
	if (!mmio_base) {
		if (IS_ENABLED(CONFIG_ARM64))
			return -ENXIO;
		mmio_base = pcim_iomap(pdev, 0, 0);
		if (!mmio_base)
			return -ENOMEM;
	}
	pci_set_drvdata(pdev, (void __force *)mmio_base);
	return 0;
}

/* e1000e/ixgbe: the MEM-only helpers, paired. */
static int baz_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	void __iomem *hw_addr;
	int err;

	err = pci_enable_device_mem(pdev);
	if (err)
		return err;
	err = pci_request_mem_regions(pdev, "baz");
	if (err)
		goto err_pci_reg;
	hw_addr = pci_ioremap_bar(pdev, 0);
	if (!hw_addr) {
		err = -EIO;
		goto err_ioremap;
	}
	pci_set_drvdata(pdev, (void __force *)hw_addr);
	return 0;

err_ioremap:
	pci_release_mem_regions(pdev);
err_pci_reg:
	pci_disable_device(pdev);
	return err;
}
