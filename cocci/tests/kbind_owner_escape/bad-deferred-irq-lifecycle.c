// SPDX-License-Identifier: GPL-2.0
/*
 * Work and timers armed on the owner's or the per-open data that nothing
 * cancels, per-open data linked on the owner's list, and the owner kept by
 * an IRQ handler and by lifecycle callbacks.
 */
#include <linux/hrtimer.h>
#include <linux/list.h>
#include <linux/workqueue.h>
#include <kbind/irq.h>
#include <kbind/misc.h>
#include <kbind/pci.h>

struct bar_dev {
	struct list_head files;
	struct work_struct irq_work;
	struct hrtimer poll;
	struct timer_list watchdog;
	struct kb_irq irq;
};

struct bar_file {
	struct list_head node;
	struct work_struct flush;
};

static struct bar_dev *bar_the_dev;
static struct bar_dev *bar_last_irq;

static int bar_open(struct bar_dev *dev, struct bar_file *f)
{
	list_add_tail(&f->node, &dev->files); /* EXPECT */
	return 0;
}

static ssize_t bar_write(struct bar_dev *dev, struct bar_file *f,
			 const char *buf, size_t len, loff_t *pos)
{
	queue_work(system_long_wq, &f->flush); /* EXPECT */
	mod_timer(&dev->watchdog, jiffies + HZ); /* EXPECT */
	hrtimer_start(&dev->poll, ms_to_ktime(10), HRTIMER_MODE_REL); /* EXPECT */
	return len;
}

KB_MISC_DEVICE(bar_misc, struct bar_dev, struct bar_file,
	       .open = bar_open,
	       .write = bar_write);

static irqreturn_t bar_irq(struct bar_dev *dev)
{
	bar_last_irq = dev; /* EXPECT */
	schedule_work(&dev->irq_work); /* EXPECT */
	return IRQ_HANDLED;
}

KB_IRQ_HANDLER(bar_irq, struct bar_dev, bar_irq);

static int bar_acquire(struct kb_pci_probe *pp, struct bar_dev *dev,
		       const struct bar_info *info)
{
	INIT_LIST_HEAD(&dev->files);
	bar_the_dev = dev; /* EXPECT */
	return 0;
}

static int bar_publish(struct kb_pci_publish *pp, struct bar_dev *dev)
{
	kthread_run(bar_thread, &dev->files, "bar"); /* EXPECT */
	return bar_misc_publish(&pp->core, dev, "bar");
}

KB_PCI_DRIVER(bar, struct bar_dev, bar_acquire, bar_publish);
