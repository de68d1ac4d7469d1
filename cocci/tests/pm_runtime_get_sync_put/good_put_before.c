// SPDX-License-Identifier: GPL-2.0
/*
 * A function that gives the count back to power the device off, then takes
 * it again (pci-j721e's shape): on failure it returns holding what it held
 * on entry, which its caller drops.
 */
#include <linux/pm_runtime.h>

static int foo_set_mode(struct device *dev, u32 mode)
{
	int ret;

	ret = pm_runtime_put_sync(dev);
	if (ret < 0)
		return ret;

	foo_write_strap(dev, mode);

	ret = pm_runtime_get_sync(dev);
	if (ret < 0) {
		dev_err(dev, "cannot power on\n");
		return ret;
	}
	return 0;
}
