// SPDX-License-Identifier: GPL-2.0
/* Owner pointers kept on purpose, each with a SAFETY: comment. */
#include <linux/kthread.h>
#include <kbind/misc.h>

struct qux_dev {
	struct task_struct *thread;
};

struct qux_file {
	struct qux_dev *dev;
};

static struct qux_dev *qux_singleton;

static int qux_open(struct qux_dev *dev, struct qux_file *f)
{
	/* SAFETY: cleared by qux_revoke(), which runs for every open file
	 * before the owner's data is freed; read only inside operations.
	 */
	f->dev = dev;
	return 0;
}

static void qux_revoke(struct qux_dev *dev, struct qux_file *f)
{
	f->dev = NULL;
}

KB_MISC_DEVICE(qux_misc, struct qux_dev, struct qux_file,
	       .open = qux_open,
	       .revoke = qux_revoke);

static int qux_acquire(struct kb_probe *p, struct qux_dev *dev)
{
	// SAFETY: cleared by the step below, undone before dev is freed.
	qux_singleton = dev;
	/* SAFETY: the thread is stopped by qux_stop(), a step recorded
	 * right after, so it never outlives dev.
	 */
	dev->thread = kthread_run(qux_thread, dev,
				  "qux");
	return 0;
}

KB_MODULE(qux, struct qux_dev, qux_acquire, qux_publish);
