// SPDX-License-Identifier: GPL-2.0
/* The 6.12 replacements: the mapping comes back from the call. */
#include <linux/pci.h>

struct foo_priv {
	void __iomem *mem;
	void __iomem *io;
};

static int foo_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct foo_priv *priv;
	int ret;

	ret = pcim_enable_device(pdev);
	if (ret)
		return ret;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	priv->mem = pcim_iomap_region(pdev, 0, "foo");
	if (IS_ERR(priv->mem)) {
		/* pcim_iomap_regions() used to be called here */
		return PTR_ERR(priv->mem);
	}

	ret = pcim_request_region(pdev, 2, "foo");
	if (ret)
		return ret;
	priv->io = pcim_iomap(pdev, 2, 0);
	if (!priv->io)
		return -ENOMEM;
	pci_set_drvdata(pdev, priv);
	return 0;
}

static int bar_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	int ret;

	ret = pcim_enable_device(pdev);
	if (ret)
		return ret;
	ret = pcim_request_all_regions(pdev, "bar");
	if (ret)
		return ret;
	return pcim_iomap(pdev, 0, 0) ? 0 : -ENOMEM;
}

static void bar_remove(struct pci_dev *pdev)
{
	pcim_iounmap_regions(pdev, BIT(0));
}
