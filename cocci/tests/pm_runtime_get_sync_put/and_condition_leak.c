// SPDX-License-Identifier: GPL-2.0
/*
 * nouveau's shape: the failure test also lets -EACCES (runtime PM
 * disabled) through, and the error branch returns without a put.
 */
#include <linux/pm_runtime.h>

static int foo_detect(struct device *dev)
{
	int ret;

	ret = pm_runtime_get_sync(dev); /* EXPECT */
	if (ret < 0 && ret != -EACCES)
		return ret;

	pm_runtime_put_autosuspend(dev);
	return 0;
}
