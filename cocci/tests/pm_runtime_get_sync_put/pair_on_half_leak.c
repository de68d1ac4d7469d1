// SPDX-License-Identifier: GPL-2.0
/*
 * On halves that must drop the count when they fail, though their off
 * half puts without getting: a runtime_get() helper whose callers return
 * on its failure without calling runtime_put() (omapdrm's dispc), and a
 * system-sleep suspend that takes the count its resume puts (a device
 * whose suspend failed is not resumed).
 */
#include <linux/pm.h>
#include <linux/pm_runtime.h>

struct qux {
	struct device *dev;
};

int qux_save_context(struct qux *qux);
void qux_restore_context(struct qux *qux);

static int qux_runtime_get(struct qux *qux)
{
	int r;

	r = pm_runtime_get_sync(qux->dev); /* EXPECT */
	if (WARN_ON(r < 0))
		return r;
	return 0;
}

static void qux_runtime_put(struct qux *qux)
{
	pm_runtime_put_sync(qux->dev);
}

static int qux_suspend(struct device *dev)
{
	struct qux *qux = dev_get_drvdata(dev);
	int ret;

	ret = pm_runtime_get_sync(dev); /* EXPECT */
	if (ret < 0)
		return ret;
	return qux_save_context(qux);
}

static int qux_resume(struct device *dev)
{
	struct qux *qux = dev_get_drvdata(dev);

	qux_restore_context(qux);
	pm_runtime_put_sync(dev);
	return 0;
}

static DEFINE_SIMPLE_DEV_PM_OPS(qux_pm_ops, qux_suspend, qux_resume);
