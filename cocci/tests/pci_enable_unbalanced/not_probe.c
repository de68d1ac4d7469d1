// SPDX-License-Identifier: GPL-2.0
/*
 * Near misses: a managed enable, and a resume callback (not probe) that
 * re-enables the device. Remove disables through a helper.
 */
#include <linux/pci.h>

static int foo_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	void __iomem *regs;
	int ret;

	ret = pcim_enable_device(pdev);
	if (ret)
		return ret;
	regs = pcim_iomap(pdev, 0, 0);
	if (!regs)
		return -ENOMEM;
	return 0;
}

static void bar_shutdown(struct pci_dev *pdev)
{
	pci_clear_master(pdev);
	pci_disable_device(pdev);
}

static int bar_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	int ret;

	ret = pci_enable_device(pdev);
	if (ret)
		return ret;
	ret = pci_request_regions(pdev, "bar");
	if (ret) {
		bar_shutdown(pdev);
		return ret;
	}
	return 0;
}

static int bar_resume(struct pci_dev *pdev)
{
	int ret;

	ret = pci_enable_device(pdev);
	if (ret)
		return ret;
	if (!pci_resource_len(pdev, 0))
		return -ENODEV;
	return 0;
}

static void bar_remove(struct pci_dev *pdev)
{
	pci_release_regions(pdev);
	bar_shutdown(pdev);
}

static struct pci_driver bar_driver = {
	.name = "bar",
	.probe = bar_probe,
	.remove = bar_remove,
	.resume = bar_resume,
};
