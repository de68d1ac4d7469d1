// SPDX-License-Identifier: GPL-2.0
/* The ath9k/mt76 shape: map with the mask API, read the legacy table. */
#include <linux/pci.h>

struct foo_priv {
	void __iomem *mem;
	void __iomem *ctrl;
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

	ret = pcim_iomap_regions(pdev, BIT(0) | BIT(2), "foo"); /* EXPECT */
	if (ret) {
		dev_err(&pdev->dev, "pcim_iomap_regions failed\n");
		return ret;
	}

	priv->mem = pcim_iomap_table(pdev)[0]; /* EXPECT */
	priv->ctrl = pcim_iomap_table(pdev)[2]; /* EXPECT */
	pci_set_drvdata(pdev, priv);
	return 0;
}

static int bar_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	void __iomem * const *table;
	int ret;

	ret = pcim_enable_device(pdev);
	if (ret)
		return ret;

	ret = pcim_iomap_regions_request_all(pdev, BIT(1), "bar"); /* EXPECT */
	if (ret)
		return ret;

	table = pcim_iomap_table(pdev); /* EXPECT */
	if (!table)
		return -ENOMEM;
	return 0;
}
