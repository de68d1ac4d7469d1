// SPDX-License-Identifier: GPL-2.0
/*
 * Misc operations that keep the owner's data beyond the call: in the
 * per-open data, in a global, in a work item or timer of the per-open data,
 * in a kernel thread's argument.
 */
#include <linux/kthread.h>
#include <linux/timer.h>
#include <linux/workqueue.h>
#include <kbind/misc.h>

struct foo_dev {
	struct kb_bar regs;
	unsigned int generation;
};

struct foo_file {
	struct foo_dev *dev;
	struct kb_bar *regs;
	void *owner;
	struct work_struct work;
	struct foo_dev *work_dev;
	struct timer_list timer;
	struct foo_dev *timer_dev;
};

static struct foo_dev *foo_last;

static void foo_work(struct work_struct *work)
{
	struct foo_file *f = container_of(work, struct foo_file, work);

	f->work_dev->generation++;
}

static int foo_thread(void *data)
{
	return 0;
}

static int foo_open(struct foo_dev *dev, struct foo_file *f)
{
	f->dev = dev; /* EXPECT */
	f->regs = &dev->regs; /* EXPECT */
	INIT_WORK(&f->work, foo_work);
	f->work_dev = dev; /* EXPECT */
	return 0;
}

static ssize_t foo_write(struct foo_dev *dev, struct foo_file *f,
			 const char *buf, size_t len, loff_t *pos)
{
	foo_last = dev; /* EXPECT */
	f->owner = (void *)dev; /* EXPECT */
	return len;
}

static long foo_ioctl(struct foo_dev *dev, struct foo_file *f,
		      unsigned int cmd, struct kb_ioctl *arg)
{
	struct task_struct *t;

	switch (cmd) {
	case FOO_TIMER:
		timer_setup(&f->timer, foo_timer, 0);
		f->timer_dev = /* EXPECT */
			dev;
		return 0;
	case FOO_THREAD:
		t = kthread_run(foo_thread, dev, "foo-%u", dev->generation); /* EXPECT */
		return PTR_ERR_OR_ZERO(t);
	default:
		return -ENOTTY;
	}
}

static void foo_release(struct foo_dev *dev, struct foo_file *f)
{
	/* a comment that is no justification */
	foo_last = dev; /* EXPECT */
}

KB_MISC_DEVICE(foo_misc, struct foo_dev, struct foo_file,
	       .open = foo_open,
	       .write = foo_write,
	       .ioctl = foo_ioctl,
	       .release = foo_release);
