// SPDX-License-Identifier: GPL-2.0
/* A PCI driver on kbind that publishes its IRQ and misc node by hand. */
#include <linux/interrupt.h>
#include <linux/miscdevice.h>
#include <kbind/pci.h>

struct foo {
	struct miscdevice misc;
	int irq;
};

static irqreturn_t foo_irq(int irq, void *data)
{
	return IRQ_HANDLED;
}

static int foo_publish(struct kb_pci_publish *pp, struct foo *foo)
{
	int ret;

	ret = request_irq(foo->irq, foo_irq, 0, "foo", foo); /* EXPECT */
	if (ret)
		return ret;
	return misc_register(&foo->misc); /* EXPECT */
}

static void foo_unpublish(struct foo *foo)
{
	misc_deregister(&foo->misc); /* EXPECT */
	free_irq(foo->irq, foo); /* EXPECT */
}
