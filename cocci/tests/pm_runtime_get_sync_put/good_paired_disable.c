// SPDX-License-Identifier: GPL-2.0
/*
 * An .enable/.disable pair (microchip-lvds' shape): .enable cannot report
 * its failure, so the count stays raised whatever happens and .disable,
 * which the core always calls after .enable, puts it. A put on the error
 * path would make .disable underflow the count.
 */
#include <linux/pm_runtime.h>

struct foo {
	struct device *dev;
};

static void foo_enable(struct foo *foo)
{
	int ret;

	ret = pm_runtime_get_sync(foo->dev);
	if (ret < 0) {
		dev_err(foo->dev, "failed to get pm runtime: %d\n", ret);
		return;
	}
	foo_hw_on(foo);
}

static void foo_disable(struct foo *foo)
{
	foo_hw_off(foo);
	pm_runtime_put(foo->dev);
}
