// SPDX-License-Identifier: GPL-2.0
/* Teardown that frees the structure before deregistering its miscdevice. */
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/slab.h>

struct wdt {
	struct miscdevice misc;
	char *buf;
};

struct led {
	struct miscdevice *mdev;
};

static struct wdt *the_wdt;
static struct led *the_led;

static const struct file_operations wdt_fops = {
	.owner = THIS_MODULE,
};

static int __init wdt_init(void)
{
	int ret;

	the_wdt = kzalloc(sizeof(*the_wdt), GFP_KERNEL);
	if (!the_wdt)
		return -ENOMEM;
	the_wdt->misc.minor = MISC_DYNAMIC_MINOR;
	the_wdt->misc.name = "wdt";
	the_wdt->misc.fops = &wdt_fops;
	ret = misc_register(&the_wdt->misc);
	if (ret)
		kfree(the_wdt);
	return ret;
}

static void __exit wdt_exit(void)
{
	kfree(the_wdt->buf);
	kfree(the_wdt); /* EXPECT */
	misc_deregister(&the_wdt->misc);
}

static void led_teardown(void)
{
	kfree(the_led->mdev); /* EXPECT */
	misc_deregister(the_led->mdev);
	kfree(the_led);
}

module_init(wdt_init);
module_exit(wdt_exit);
