// SPDX-License-Identifier: GPL-2.0
/*
 * Near miss (hpilo's shape): the device is left enabled on purpose, and a
 * comment says why, in place of the disable.
 */
#include <linux/pci.h>

static int foo_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	int error;

	error = pci_enable_device(pdev);
	if (error)
		return error;
	error = pci_request_regions(pdev, "foo");
	if (error)
		goto disable;
	return 0;
disable:
	/* pci_disable_device(pdev); see the comment in foo_remove() */
	return error;
}

static void foo_remove(struct pci_dev *pdev)
{
	pci_release_regions(pdev);
	/*
	 * No pci_disable_device(): the other function of this device shares
	 * the interrupt pin and stops working when the link is disabled.
	 */
}

static struct pci_driver foo_driver = {
	.name = "foo",
	.probe = foo_probe,
	.remove = foo_remove,
};
