// SPDX-License-Identifier: GPL-2.0
/*
 * A platform driver on kbind that adds its sysfs files, its debugfs
 * directory and its runtime PM by hand: the files are created before the
 * lifecycle publishes anything and removed by nothing kbind knows of, and
 * a failed pm_runtime_get_sync() leaves its usage count taken.
 */
#include <linux/debugfs.h>
#include <linux/pm_runtime.h>
#include <kbind/platform.h>

struct foo {
	struct device *dev;
	struct dentry *dir;
	u32 value;
};

static const struct attribute_group foo_group;

static int foo_acquire(struct kb_platform_probe *pp, struct foo *foo)
{
	int ret;

	pm_runtime_enable(foo->dev); /* EXPECT */
	ret = device_add_group(foo->dev, &foo_group); /* EXPECT */
	if (ret)
		return ret;
	foo->dir = debugfs_create_dir("foo", NULL); /* EXPECT */
	debugfs_create_u32("value", 0400, foo->dir, &foo->value);
	return 0;
}

static int foo_read(struct foo *foo)
{
	int ret = pm_runtime_get_sync(foo->dev); /* EXPECT */

	if (ret < 0)
		return ret;
	pm_runtime_put(foo->dev); /* EXPECT */
	return 0;
}
