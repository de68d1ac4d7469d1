// SPDX-License-Identifier: GPL-2.0
/*
 * Near misses: attributes removed in a helper that remove calls, by the
 * group that lists them, or by a devm action; a group on the hwmon child
 * device (gone with it); managed groups; and removal before kfree().
 */
#include <linux/device.h>
#include <linux/i2c.h>
#include <linux/slab.h>
#include <linux/sysfs.h>

struct baz_data {
	struct i2c_client *client;
	struct device *hwmon_dev;
	int temp;
};

static ssize_t temp_show(struct device *dev, struct device_attribute *attr,
			 char *buf)
{
	struct baz_data *data = dev_get_drvdata(dev);

	return sysfs_emit(buf, "%d\n", data->temp);
}
static DEVICE_ATTR_RO(temp);
static DEVICE_ATTR_RO(extra);
static DEVICE_ATTR_RO(alarm);
static DEVICE_ATTR_RO(limit);
static DEVICE_ATTR_RO(crit);

static struct attribute *baz_attrs[] = {
	&dev_attr_temp.attr,
	&dev_attr_extra.attr,
	NULL
};
ATTRIBUTE_GROUPS(baz);

static struct attribute *baz_managed_attrs[] = {
	&dev_attr_crit.attr,
	NULL
};

static const struct attribute_group baz_managed_group = {
	.attrs = baz_managed_attrs,
};

static void baz_remove_alarm(void *data)
{
	struct device *dev = data;

	device_remove_file(dev, &dev_attr_alarm);
}

static void baz_cleanup(struct baz_data *data)
{
	sysfs_remove_groups(&data->client->dev.kobj, baz_groups);
}

static int baz_probe(struct i2c_client *client)
{
	struct device *dev = &client->dev;
	struct baz_data *data;
	int ret;

	data = kzalloc(sizeof(*data), GFP_KERNEL);
	if (!data)
		return -ENOMEM;
	data->client = client;
	i2c_set_clientdata(client, data);

	ret = device_create_file(dev, &dev_attr_temp);
	if (ret)
		return ret;
	ret = device_create_file(dev, &dev_attr_extra);
	if (ret)
		return ret;
	ret = device_create_file(dev, &dev_attr_alarm);
	if (ret)
		return ret;
	ret = devm_add_action_or_reset(dev, baz_remove_alarm, dev);
	if (ret)
		return ret;
	ret = devm_device_add_group(dev, &baz_managed_group);
	if (ret)
		return ret;
	ret = device_create_file(data->hwmon_dev, &dev_attr_limit);
	if (ret)
		return ret;
	return 0;
}

static void baz_remove(struct i2c_client *client)
{
	struct baz_data *data = i2c_get_clientdata(client);

	baz_cleanup(data);
	kfree(data);
}

static struct i2c_driver baz_driver = {
	.driver = {
		.name = "baz",
	},
	.probe = baz_probe,
	.remove = baz_remove,
};
module_i2c_driver(baz_driver);
