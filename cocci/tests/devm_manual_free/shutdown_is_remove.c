// SPDX-License-Identifier: GPL-2.0
/*
 * One function as both .remove and .shutdown: on unbind it disables a
 * pcim-enabled device that devres disables again.
 */
#include <linux/pci.h>

static int twice_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	return pcim_enable_device(pdev);
}

static void twice_shutdown(struct pci_dev *pdev)
{
	pci_clear_master(pdev);
	pci_disable_device(pdev); /* EXPECT */
}

static struct pci_driver twice_driver = {
	.name = "twice",
	.probe = twice_probe,
	.remove = twice_shutdown,
	.shutdown = twice_shutdown,
};
