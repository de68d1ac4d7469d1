// SPDX-License-Identifier: GPL-2.0
/*
 * devm-allocated miscdevice reached through container_of(), but the driver
 * cannot be unbound: the devm memory lives as long as the system.
 */
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/platform_device.h>

struct ctrl {
	struct miscdevice miscdev;
	unsigned long mem_base;
};

static int ctrl_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct ctrl *c = container_of(file->private_data, struct ctrl,
				      miscdev);

	return c->mem_base ? 0 : -ENODEV;
}

static const struct file_operations ctrl_fops = {
	.owner = THIS_MODULE,
	.mmap = ctrl_mmap,
};

static int ctrl_probe(struct platform_device *pdev)
{
	struct ctrl *c;

	c = devm_kzalloc(&pdev->dev, sizeof(*c), GFP_KERNEL);
	if (!c)
		return -ENOMEM;
	c->miscdev.minor = MISC_DYNAMIC_MINOR;
	c->miscdev.name = "ctrl";
	c->miscdev.fops = &ctrl_fops;
	return misc_register(&c->miscdev);
}

static struct platform_driver ctrl_driver = {
	.probe = ctrl_probe,
	.driver = {
		.name = "ctrl",
		.suppress_bind_attrs = true,
	},
};
builtin_platform_driver(ctrl_driver);
