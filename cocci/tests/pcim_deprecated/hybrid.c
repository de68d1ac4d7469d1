// SPDX-License-Identifier: GPL-2.0
/* pcim_enable_device() followed by the hybrid pci_request_* functions. */
#include <linux/pci.h>

struct foo_priv {
	void __iomem *regs;
};

/* Same function: the request is managed only because of the line above. */
static int foo_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct foo_priv *priv;
	int ret;

	ret = pcim_enable_device(pdev);
	if (ret)
		return ret;

	ret = pci_request_regions(pdev, "foo"); /* EXPECT */
	if (ret)
		return ret;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	priv->regs = pcim_iomap(pdev, 0, 0);
	if (!priv->regs)
		return -ENOMEM;
	pci_set_drvdata(pdev, priv);
	return 0;
}

/* A helper of another probe: the file only ever enables managed. */
static int bar_map(struct pci_dev *pdev, struct foo_priv *priv)
{
	int ret;

	ret = pci_request_region(pdev, 2, "bar"); /* EXPECT */
	if (ret)
		return ret;
	priv->regs = pcim_iomap(pdev, 2, 0);
	return priv->regs ? 0 : -ENOMEM;
}

static int bar_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct foo_priv *priv;
	int ret;

	ret = pcim_enable_device(pdev);
	if (ret)
		return ret;
	pci_set_master(pdev);

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	ret = bar_map(pdev, priv);
	if (ret)
		return ret;
	ret = pci_request_selected_regions(pdev, BIT(4), "bar"); /* EXPECT */
	if (ret)
		return ret;
	pci_set_drvdata(pdev, priv);
	return 0;
}
