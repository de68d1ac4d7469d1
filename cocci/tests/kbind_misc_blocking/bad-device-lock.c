// SPDX-License-Identifier: GPL-2.0
/*
 * Operations that take the owner device's lock, directly, through a guard,
 * or through the driver core and PCI calls that take it; and the PCI
 * rescan/remove lock a removal holds.
 */
#include <linux/device.h>
#include <linux/pci.h>
#include <kbind/misc.h>
#include <kbind/pci.h>

struct bar_dev {
	struct pci_dev *pdev;
	u32 state;
};

struct bar_file {
};

static int bar_reset(struct bar_dev *dev)
{
	return pci_reset_function(dev->pdev); /* EXPECT */
}

static long bar_ioctl(struct bar_dev *dev, struct bar_file *f,
		      unsigned int cmd, struct kb_ioctl *arg)
{
	switch (cmd) {
	case BAR_RESET:
		return bar_reset(dev);
	case BAR_STATE:
		device_lock(&dev->pdev->dev); /* EXPECT */
		dev->state = 0;
		device_unlock(&dev->pdev->dev);
		return 0;
	case BAR_STATE2: {
		guard(device)(&dev->pdev->dev); /* EXPECT */
		dev->state = 1;
		return 0;
	}
	case BAR_STATE3:
		scoped_guard(pci_dev, dev->pdev) /* EXPECT */
			dev->state = 2;
		return 0;
	case BAR_DETACH:
		device_release_driver(&dev->pdev->dev); /* EXPECT */
		return 0;
	case BAR_RESCAN:
		pci_lock_rescan_remove(); /* EXPECT */
		pci_rescan_bus(dev->pdev->bus);
		pci_unlock_rescan_remove();
		return 0;
	default:
		return -ENOTTY;
	}
}

static int bar_open(struct bar_dev *dev, struct bar_file *f)
{
	/* a comment that is no justification */
	return device_reprobe(&dev->pdev->dev) ?: /* EXPECT */
	       0;
}

KB_MISC_DEVICE(bar_misc, struct bar_dev, struct bar_file,
	       .open = bar_open,
	       .ioctl = bar_ioctl);
