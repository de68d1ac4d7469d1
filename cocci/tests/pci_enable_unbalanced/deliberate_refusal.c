// SPDX-License-Identifier: GPL-2.0
/*
 * vx855's shape: probe registers child devices and then refuses the PCI
 * device on purpose, with an unconditional "return -ENODEV;" ending the
 * main path, so that another driver can bind it: not an error path. Its
 * real error branch (the BIOS left no I/O base) does disable.
 *
 * And a probe with no "return 0;" whose "return ret;" sits right under
 * "if (ret < 0)": an error return, reported.
 */
#include <linux/pci.h>

static int foo_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	u16 base;
	int ret;

	ret = pci_enable_device(pdev);
	if (ret)
		return -ENODEV;

	pci_read_config_word(pdev, 0x88, &base);
	if (!base) {
		ret = -ENODEV;
		goto out;
	}
	foo_add_children(pdev, base);

	/* refuse the device so that the i2c driver can bind it */
	return -ENODEV;
out:
	pci_disable_device(pdev);
	return ret;
}

static int bar_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	int ret;

	ret = pci_enable_device(pdev);
	if (ret)
		return ret;
	ret = bar_setup(pdev);
	if (ret < 0)
		return ret; /* EXPECT */
	ret = bar_start(pdev);
	return ret;
}

static void bar_remove(struct pci_dev *pdev)
{
	pci_disable_device(pdev);
}

static struct pci_driver bar_driver = {
	.name = "bar",
	.probe = bar_probe,
	.remove = bar_remove,
};
