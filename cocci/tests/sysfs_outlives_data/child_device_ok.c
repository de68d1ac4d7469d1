// SPDX-License-Identifier: GPL-2.0
/*
 * Near misses: files on a platform device the driver registers itself
 * (they go when it is unregistered), and a group chosen through a local
 * pointer, removed in remove() by its own name.
 */
#include <linux/platform_device.h>
#include <linux/sysfs.h>

static ssize_t ports_show(struct device *dev, struct device_attribute *attr,
			  char *buf)
{
	return sysfs_emit(buf, "%d\n", 2);
}
static DEVICE_ATTR_RO(ports);
static DEVICE_ATTR_RO(power);
static DEVICE_ATTR_RO(battery);

static struct attribute *quux_power_attrs[] = {
	&dev_attr_power.attr,
	NULL
};

static const struct attribute_group quux_power_group = {
	.attrs = quux_power_attrs,
};

static struct attribute *quux_battery_attrs[] = {
	&dev_attr_battery.attr,
	NULL
};

static const struct attribute_group quux_battery_group = {
	.attrs = quux_battery_attrs,
};

static int quux_probe(struct platform_device *pdev)
{
	const struct attribute_group *group;
	struct platform_device *board;
	int ret;

	board = platform_device_register_simple("quux-board", 0, NULL, 0);
	if (IS_ERR(board))
		return PTR_ERR(board);
	ret = device_create_file(&board->dev, &dev_attr_ports);
	if (ret)
		return ret;
	platform_set_drvdata(pdev, board);

	if (pdev->id)
		group = &quux_battery_group;
	else
		group = &quux_power_group;
	return sysfs_create_group(&pdev->dev.kobj, group);
}

static void quux_remove(struct platform_device *pdev)
{
	struct platform_device *board = platform_get_drvdata(pdev);

	if (pdev->id)
		sysfs_remove_group(&pdev->dev.kobj, &quux_battery_group);
	else
		sysfs_remove_group(&pdev->dev.kobj, &quux_power_group);
	platform_device_unregister(board);
}

static struct platform_driver quux_driver = {
	.probe = quux_probe,
	.remove_new = quux_remove,
	.driver = {
		.name = "quux",
	},
};
module_platform_driver(quux_driver);
