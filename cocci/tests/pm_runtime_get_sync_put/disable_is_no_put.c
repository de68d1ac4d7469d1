// SPDX-License-Identifier: GPL-2.0
/*
 * edma's shape: the error path of a failed pm_runtime_get_sync() disables
 * runtime PM but does not put: the usage count stays raised, and the next
 * probe starts from it, so the device never runtime-suspends again.
 */
#include <linux/platform_device.h>
#include <linux/pm_runtime.h>

static int foo_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	int ret;

	pm_runtime_enable(dev);
	ret = pm_runtime_get_sync(dev); /* EXPECT */
	if (ret < 0) {
		dev_err(dev, "pm_runtime_get_sync() failed\n");
		pm_runtime_disable(dev);
		return ret;
	}
	pm_runtime_put(dev);
	return 0;
}
