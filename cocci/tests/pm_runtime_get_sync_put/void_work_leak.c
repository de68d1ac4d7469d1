// SPDX-License-Identifier: GPL-2.0
/*
 * A void function is not enough to hand the count over: nothing in this
 * file puts without getting, so the work function's failure leaks it.
 */
#include <linux/pm_runtime.h>
#include <linux/workqueue.h>

struct foo {
	struct device *dev;
	struct work_struct work;
};

static void foo_work(struct work_struct *work)
{
	struct foo *foo = container_of(work, struct foo, work);
	int ret;

	ret = pm_runtime_get_sync(foo->dev); /* EXPECT */
	if (ret < 0)
		return;
	foo_poll(foo);
	pm_runtime_put(foo->dev);
}
