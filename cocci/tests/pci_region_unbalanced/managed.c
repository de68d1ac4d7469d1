// SPDX-License-Identifier: GPL-2.0
/*
 * Near miss: after pcim_enable_device() the region request is managed
 * (hybrid mode, pcim_deprecated.cocci's business), and the mapping is
 * pcim_iomap()'s, so the bare error returns leak nothing.
 */
#include <linux/pci.h>

static int foo_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	void __iomem *regs;
	int ret;

	ret = pcim_enable_device(pdev);
	if (ret)
		return ret;
	ret = pci_request_regions(pdev, "foo");
	if (ret)
		return ret;
	regs = pcim_iomap(pdev, 0, 0);
	if (!regs)
		return -ENOMEM;
	if (readl(regs) == ~0U)
		return -ENODEV;
	pci_set_drvdata(pdev, (void __force *)regs);
	return 0;
}

static void foo_remove(struct pci_dev *pdev)
{
	/* explicit release of a managed region, mapping already gone */
	pci_release_regions(pdev);
}
