// SPDX-License-Identifier: GPL-2.0
/* The remove callback tears down everything but the enable. */
#include <linux/pci.h>
#include <linux/slab.h>

struct foo_priv {
	void __iomem *regs;
};

static int foo_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct foo_priv *priv;
	int ret;

	ret = pci_enable_device(pdev); /* EXPECT */
	if (ret < 0)
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

static void foo_remove(struct pci_dev *pdev)
{
	pci_set_drvdata(pdev, NULL);
}

static struct pci_driver foo_driver = {
	.name = "foo",
	.probe = foo_probe,
	.remove = foo_remove,
};
