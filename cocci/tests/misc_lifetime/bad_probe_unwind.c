// SPDX-License-Identifier: GPL-2.0
/*
 * Probe registers the miscdevice early, then fails later without
 * deregistering it: directly, and through a goto label that skips it.
 */
#include <linux/fs.h>
#include <linux/interrupt.h>
#include <linux/miscdevice.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct snoop {
	struct miscdevice miscdev;
	int irq;
	void *fifo;
};

static const struct file_operations snoop_fops = {
	.owner = THIS_MODULE,
};

static irqreturn_t snoop_irq(int irq, void *arg)
{
	return IRQ_HANDLED;
}

static int snoop_probe(struct platform_device *pdev)
{
	struct snoop *s;
	int rc;

	s = kzalloc(sizeof(*s), GFP_KERNEL);
	if (!s)
		return -ENOMEM;
	s->miscdev.minor = MISC_DYNAMIC_MINOR;
	s->miscdev.name = "snoop";
	s->miscdev.fops = &snoop_fops;
	rc = misc_register(&s->miscdev);
	if (rc) {
		kfree(s);
		return rc;
	}

	s->irq = platform_get_irq(pdev, 0);
	if (s->irq < 0) {
		kfree(s);
		return s->irq; /* EXPECT */
	}

	s->fifo = kmalloc(4096, GFP_KERNEL);
	if (!s->fifo) {
		rc = -ENOMEM;
		goto err_free;
	}

	rc = request_irq(s->irq, snoop_irq, 0, "snoop", s);
	if (rc)
		goto err_fifo;

	platform_set_drvdata(pdev, s);
	return 0;

err_fifo:
	kfree(s->fifo);
err_free:
	kfree(s);
	return rc; /* EXPECT */
}

static struct platform_driver snoop_driver = {
	.probe = snoop_probe,
	.driver = {
		.name = "snoop",
	},
};
module_platform_driver(snoop_driver);
