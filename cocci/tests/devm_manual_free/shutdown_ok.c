// SPDX-License-Identifier: GPL-2.0
/*
 * pci_disable_device() in a .shutdown callback of a pcim-enabled device:
 * devres does not run at shutdown, so nothing disables it twice.
 */
#include <linux/pci.h>

static int halt_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	int ret;

	ret = pcim_enable_device(pdev);
	if (ret)
		return ret;
	pci_set_master(pdev);
	return 0;
}

static void halt_remove(struct pci_dev *pdev)
{
	pci_clear_master(pdev);
}

/* named neither *_shutdown nor *_suspend: found from the initializer */
static void halt_quiesce(struct pci_dev *pdev)
{
	pci_clear_master(pdev);
	pci_disable_device(pdev);
}

static struct pci_driver halt_driver = {
	.name = "halt",
	.probe = halt_probe,
	.remove = halt_remove,
	.shutdown = halt_quiesce,
};
