// SPDX-License-Identifier: GPL-2.0
/*
 * probe creates a sysfs attribute and a group on the platform device, and
 * remove() forgets both: after unbind the files stay, show() runs with no
 * driver data, and the next probe fails with -EEXIST.
 */
#include <linux/io.h>
#include <linux/platform_device.h>
#include <linux/sysfs.h>

struct foo_priv {
	void __iomem *base;
	u32 reason;
};

static ssize_t reason_show(struct device *dev, struct device_attribute *attr,
			   char *buf)
{
	struct foo_priv *priv = dev_get_drvdata(dev);

	return sysfs_emit(buf, "%u\n", priv->reason);
}
static DEVICE_ATTR_RO(reason);

static ssize_t status_show(struct device *dev, struct device_attribute *attr,
			   char *buf)
{
	struct foo_priv *priv = dev_get_drvdata(dev);

	return sysfs_emit(buf, "%08x\n", readl(priv->base));
}
static DEVICE_ATTR_RO(status);

static struct attribute *foo_attrs[] = {
	&dev_attr_status.attr,
	NULL
};

static const struct attribute_group foo_group = {
	.attrs = foo_attrs,
};

static int foo_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct foo_priv *priv;
	int ret;

	priv = devm_kzalloc(dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	priv->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(priv->base))
		return PTR_ERR(priv->base);
	platform_set_drvdata(pdev, priv);

	ret = device_create_file(&pdev->dev, &dev_attr_reason); /* EXPECT */
	if (ret)
		return ret;
	ret = sysfs_create_group(&dev->kobj, &foo_group); /* EXPECT */
	if (ret) {
		device_remove_file(&pdev->dev, &dev_attr_reason);
		return ret;
	}
	return 0;
}

static void foo_remove(struct platform_device *pdev)
{
	struct foo_priv *priv = platform_get_drvdata(pdev);

	writel(0, priv->base);
}

static struct platform_driver foo_driver = {
	.probe = foo_probe,
	.remove_new = foo_remove,
	.driver = {
		.name = "foo",
	},
};
module_platform_driver(foo_driver);
