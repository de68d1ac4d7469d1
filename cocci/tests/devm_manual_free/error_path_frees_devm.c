// SPDX-License-Identifier: GPL-2.0
/*
 * Error paths of a PCI probe that undo managed calls by hand.
 */
#include <linux/pci.h>
#include <linux/slab.h>

struct bar_dev {
	void __iomem *regs;
};

static int bar_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct bar_dev *bd;
	void __iomem *mmio;
	int ret;

	ret = pcim_enable_device(pdev);
	if (ret)
		return ret;

	mmio = pcim_iomap(pdev, 0, 0);
	if (!mmio) {
		ret = -ENOMEM;
		goto err_disable;
	}

	bd = kzalloc(sizeof(*bd), GFP_KERNEL);
	if (!bd) {
		ret = -ENOMEM;
		goto err_unmap;
	}
	bd->regs = mmio;
	pci_set_drvdata(pdev, bd);
	return 0;

err_unmap:
	pci_iounmap(pdev, mmio); /* EXPECT */
err_disable:
	pci_disable_device(pdev); /* EXPECT */
	return ret;
}

static void bar_remove(struct pci_dev *pdev)
{
	struct bar_dev *bd = pci_get_drvdata(pdev);

	kfree(bd);
}
