// SPDX-License-Identifier: GPL-2.0
/*
 * A pcim-enabled device disabled on the way to sleep: resume enables it
 * again, so the enable count stays balanced and devres disables it once.
 */
#include <linux/pci.h>
#include <linux/pm.h>

static int sleepy_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	return pcim_enable_device(pdev);
}

/* helper of the suspend path (ata_pci_device_do_suspend() shape) */
static void sleepy_power_down(struct pci_dev *pdev)
{
	pci_save_state(pdev);
	pci_disable_device(pdev);
}

static int sleepy_freeze(struct device *dev)
{
	sleepy_power_down(to_pci_dev(dev));
	return 0;
}

/* PM callback without pci_save_state() (ast_pm_suspend() shape) */
static int sleepy_pm_suspend(struct device *dev)
{
	struct pci_dev *pdev = to_pci_dev(dev);

	pci_disable_device(pdev);
	return 0;
}

static int sleepy_pm_resume(struct device *dev)
{
	return pcim_enable_device(to_pci_dev(dev));
}

static const struct dev_pm_ops sleepy_pm_ops = {
	.freeze = sleepy_freeze,
	.suspend = sleepy_pm_suspend,
	.resume = sleepy_pm_resume,
};

static struct pci_driver sleepy_driver = {
	.name = "sleepy",
	.probe = sleepy_probe,
	.driver.pm = &sleepy_pm_ops,
};
