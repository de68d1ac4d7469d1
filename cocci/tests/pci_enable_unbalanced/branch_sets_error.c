// SPDX-License-Identifier: GPL-2.0
/*
 * wdt_pci's shape: the error branch sets the code, then jumps into the
 * ladder, which jumps back to the shared "out: return ret;" after the
 * success path's "ret = 0;". A ladder that lost its disable is reported.
 */
#include <linux/pci.h>

static int foo_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	int ret = -EIO;

	if (pci_enable_device(pdev))
		return -ENODEV;

	if (pci_resource_start(pdev, 2) == 0) {
		ret = -ENODEV;
		goto out_pci;
	}
	if (pci_request_region(pdev, 2, "foo"))
		goto out_pci;

	ret = 0;
out:
	return ret; /* EXPECT */

out_pci:
	dev_err(&pdev->dev, "no I/O region\n");
	goto out;
}

static void foo_remove(struct pci_dev *pdev)
{
	pci_release_region(pdev, 2);
	pci_disable_device(pdev);
}

static struct pci_driver foo_driver = {
	.name = "foo",
	.probe = foo_probe,
	.remove = foo_remove,
};
