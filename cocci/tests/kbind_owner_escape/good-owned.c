// SPDX-License-Identifier: GPL-2.0
/*
 * What a callback may do with the owner's data: read it, store it in the
 * owner's own structures or in locals, hand it to the bindings, arm work
 * and timers that a teardown step or .revoke cancels synchronously. A
 * function of the same shape that is in no kbind table is not a callback.
 */
#include <linux/list.h>
#include <linux/timer.h>
#include <linux/workqueue.h>
#include <kbind/irq.h>
#include <kbind/misc.h>
#include <kbind/wait.h>

struct baz_dev {
	struct baz_dev *self;
	struct list_head files;
	struct list_head node;
	struct work_struct work;
	struct workqueue_struct *wq;
	struct work_struct rx;
	struct timer_list timer;
	struct kb_waitq waitq;
	struct kb_step step;
	unsigned int generation;
};

struct baz_file {
	unsigned int generation;
	struct work_struct flush;
};

struct baz_ctx {
	struct baz_dev *dev;
};

static struct baz_dev *baz_other;

static void baz_stop(struct kb_step *step)
{
	struct baz_dev *dev = container_of(step, struct baz_dev, step);

	timer_delete_sync(&dev->timer);
	cancel_work_sync(&dev->work);
	destroy_workqueue(dev->wq);
}

static int baz_open(struct baz_dev *dev, struct baz_file *f)
{
	struct baz_dev *d = dev;
	struct baz_ctx ctx;

	ctx.dev = dev;
	f->generation = d->generation;
	dev->self = dev;
	list_add(&dev->node, &dev->files);
	INIT_WORK(&f->flush, baz_flush);
	return 0;
}

static ssize_t baz_write(struct baz_dev *dev, struct baz_file *f,
			 const char *buf, size_t len, loff_t *pos)
{
	schedule_work(&dev->work);
	queue_work(dev->wq, &dev->rx);
	mod_timer(&dev->timer, jiffies + HZ);
	queue_work(system_wq, &f->flush);
	kb_wake_up(&dev->waitq);
	return len;
}

static void baz_revoke(struct baz_dev *dev, struct baz_file *f)
{
	cancel_work_sync(&f->flush);
}

KB_MISC_DEVICE(baz_misc, struct baz_dev, struct baz_file,
	       .open = baz_open,
	       .write = baz_write,
	       .revoke = baz_revoke);

static irqreturn_t baz_irq(struct baz_dev *dev)
{
	dev->generation++;
	schedule_work(&dev->work);
	return IRQ_HANDLED;
}

KB_IRQ_HANDLER(baz_irq, struct baz_dev, baz_irq);

/* Not in a kbind table: some other subsystem's callback. */
static int baz_other_open(struct baz_dev *dev, struct baz_file *f)
{
	baz_other = dev;
	return 0;
}

static int baz_acquire(struct kb_probe *p, struct baz_dev *dev)
{
	dev->self = dev;
	INIT_LIST_HEAD(&dev->files);
	timer_setup(&dev->timer, baz_timer, 0);
	kb_acquired(p, &dev->step, baz_stop, "baz work");
	return 0;
}

static int baz_publish(struct kb_publish *p, struct baz_dev *dev)
{
	return baz_misc_publish(p, dev, "baz");
}

KB_MODULE(baz, struct baz_dev, baz_acquire, baz_publish);
