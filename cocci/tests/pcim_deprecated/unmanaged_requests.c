// SPDX-License-Identifier: GPL-2.0
/*
 * Near miss: the file has a managed driver and an unmanaged one; only the
 * unmanaged one requests regions, and it releases them itself.
 */
#include <linux/pci.h>

static int foo_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	void __iomem *regs;
	int ret;

	ret = pci_enable_device(pdev);
	if (ret)
		return ret;
	ret = pci_request_regions(pdev, "foo");
	if (ret)
		goto err_disable;
	regs = pci_iomap(pdev, 0, 0);
	if (!regs) {
		ret = -ENOMEM;
		goto err_release;
	}
	pci_set_drvdata(pdev, (void __force *)regs);
	return 0;

err_release:
	pci_release_regions(pdev);
err_disable:
	pci_disable_device(pdev);
	return ret;
}

static int bar_map(struct pci_dev *pdev)
{
	return pci_request_region(pdev, 1, "bar");
}

static int baz_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	int ret;

	ret = pcim_enable_device(pdev);
	if (ret)
		return ret;
	return pcim_iomap_region(pdev, 0, "baz") ? 0 : -ENOMEM;
}
