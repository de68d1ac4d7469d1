// SPDX-License-Identifier: GPL-2.0
/*
 * A system-sleep resume that takes the count its suspend puts: the PM
 * core calls the next suspend whatever the resume returned, so the count
 * must stay raised when the resume fails (a put there would make the
 * next suspend underflow it).
 */
#include <linux/pm.h>
#include <linux/pm_runtime.h>

struct quux {
	struct device *dev;
};

void quux_hw_init(struct quux *quux);
void quux_hw_cleanup(struct quux *quux);

static int quux_suspend(struct device *dev)
{
	struct quux *quux = dev_get_drvdata(dev);

	quux_hw_cleanup(quux);
	pm_runtime_put_sync(dev);
	return 0;
}

static int quux_resume(struct device *dev)
{
	struct quux *quux = dev_get_drvdata(dev);
	int ret;

	ret = pm_runtime_get_sync(dev);
	if (ret < 0) {
		dev_err(dev, "failed to resume: %d\n", ret);
		return ret;
	}
	quux_hw_init(quux);
	return 0;
}

static SIMPLE_DEV_PM_OPS(quux_pm_ops, quux_suspend, quux_resume);
