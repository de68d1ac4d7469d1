// SPDX-License-Identifier: GPL-2.0
/*
 * open-dice/ipmb shape: the miscdevice lives in devm memory and the file
 * operations get the driver data back with container_of().
 */
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/platform_device.h>
#include <linux/uaccess.h>

struct dice_data {
	struct miscdevice misc;
	void *base;
	size_t size;
};

static ssize_t dice_read(struct file *filp, char __user *ptr, size_t len,
			 loff_t *off)
{
	struct dice_data *d = container_of(filp->private_data,
					   struct dice_data, misc);

	return simple_read_from_buffer(ptr, len, off, d->base, d->size);
}

static const struct file_operations dice_fops = {
	.owner = THIS_MODULE,
	.read = dice_read,
};

static int dice_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct dice_data *d;

	d = devm_kzalloc(dev, sizeof(*d), GFP_KERNEL); /* EXPECT */
	if (!d)
		return -ENOMEM;
	d->misc.minor = MISC_DYNAMIC_MINOR;
	d->misc.name = "dice";
	d->misc.fops = &dice_fops;
	platform_set_drvdata(pdev, d);
	return misc_register(&d->misc);
}

static void dice_remove(struct platform_device *pdev)
{
	struct dice_data *d = platform_get_drvdata(pdev);

	misc_deregister(&d->misc);
}

static struct platform_driver dice_driver = {
	.probe = dice_probe,
	.remove_new = dice_remove,
	.driver = {
		.name = "dice",
	},
};
module_platform_driver(dice_driver);
