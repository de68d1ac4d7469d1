// SPDX-License-Identifier: GPL-2.0
/*
 * Near misses of good_power_pair.c that leak: the off half puts another
 * device than the one the on half took, and a probe that takes the count
 * the remove half puts (remove does not run after a failed probe).
 */
#include <linux/platform_device.h>
#include <linux/pm_runtime.h>

struct bar_core {
	struct device *pd_devs[3];
};

int bar_core_control(struct bar_core *core, int id, bool on);

static int bar_poweron(struct bar_core *core)
{
	int ret;

	ret = pm_runtime_get_sync(core->pd_devs[2]); /* EXPECT */
	if (ret < 0)
		return ret;
	return bar_core_control(core, 2, true);
}

static int bar_poweroff(struct bar_core *core)
{
	bar_core_control(core, 1, false);
	return pm_runtime_put_sync(core->pd_devs[1]);
}

static int bar_probe(struct platform_device *pdev)
{
	int ret;

	pm_runtime_enable(&pdev->dev);
	ret = pm_runtime_get_sync(&pdev->dev); /* EXPECT */
	if (ret < 0)
		return ret;
	return 0;
}

static void bar_remove(struct platform_device *pdev)
{
	pm_runtime_put_noidle(&pdev->dev);
	pm_runtime_disable(&pdev->dev);
}
