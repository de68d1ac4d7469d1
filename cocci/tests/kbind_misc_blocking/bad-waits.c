// SPDX-License-Identifier: GPL-2.0
/*
 * Operations that wait for events nothing signals at teardown, directly or
 * in the helpers they call; .revoke runs at teardown itself.
 */
#include <linux/completion.h>
#include <linux/sched.h>
#include <linux/wait.h>
#include <kbind/misc.h>

struct foo_dev {
	wait_queue_head_t wq;
	struct completion done;
	unsigned long flags;
	bool ready;
};

struct foo_file {
	struct completion flushed;
};

static ssize_t foo_read(struct foo_dev *dev, struct foo_file *f, char *buf,
			size_t len, loff_t *pos)
{
	int ret;

	ret = wait_event_interruptible(dev->wq, dev->ready); /* EXPECT */
	if (ret)
		return ret;
	return 0;
}

static int foo_wait_idle(struct foo_dev *dev)
{
	return wait_on_bit(&dev->flags, 0, TASK_KILLABLE); /* EXPECT */
}

static int foo_sync(struct foo_dev *dev)
{
	wait_for_completion(&dev->done); /* EXPECT */
	return foo_wait_idle(dev);
}

static long foo_ioctl(struct foo_dev *dev, struct foo_file *f,
		      unsigned int cmd, struct kb_ioctl *arg)
{
	switch (cmd) {
	case FOO_SYNC:
		return foo_sync(dev);
	case FOO_NAP:
		set_current_state(TASK_INTERRUPTIBLE);
		schedule(); /* EXPECT */
		return 0;
	case FOO_SLEEP:
		return schedule_timeout_interruptible(MAX_SCHEDULE_TIMEOUT); /* EXPECT */
	case FOO_POLL:
		return wait_event_interruptible_timeout(dev->wq, /* EXPECT */
							dev->ready,
							MAX_SCHEDULE_TIMEOUT);
	default:
		return -ENOTTY;
	}
}

static void foo_revoke(struct foo_dev *dev, struct foo_file *f)
{
	wait_for_completion_killable(&f->flushed); /* EXPECT */
}

KB_MISC_DEVICE(foo_misc, struct foo_dev, struct foo_file,
	       .read = foo_read,
	       .ioctl = foo_ioctl,
	       .revoke = foo_revoke);
