// SPDX-License-Identifier: GPL-2.0
/*
 * Test module: a misc node whose owner is torn down while files are open.
 *
 * The module's own lifecycle publishes a control node; its ioctls tear down
 * and set up a second lifecycle, the victim's owner, which publishes the
 * victim node. This is what unbinding a device does to the nodes it
 * published, without needing a bus.
 */
#include <linux/delay.h>
#include <linux/module.h>
#include <linux/mutex.h>

#include <kbind/misc.h>
#include <kbind/wait.h>

#include "kb_misc_owner.h"

struct victim {
	struct kb_waitq never;	/* nothing wakes it but teardown */
	unsigned int generation;
	char msg[32];
	size_t len;
};

struct victim_file {
	unsigned int opened_generation;
};

struct owner_test {
	struct mutex lock;	/* serialises victim setup and teardown */
	unsigned int generation;
	struct kb_lifecycle victim;
	struct kb_step victim_step;
};

/* the control node keeps nothing per open file */
struct ctl_file {
};

static unsigned int next_generation;

static int victim_open(struct victim *v, struct victim_file *f)
{
	f->opened_generation = v->generation;
	return 0;
}

static ssize_t victim_read(struct victim *v, struct victim_file *f,
			   char *buf, size_t len, loff_t *pos)
{
	return memory_read_from_buffer(buf, len, pos, v->msg, v->len);
}

static ssize_t victim_write(struct victim *v, struct victim_file *f,
			    const char *buf, size_t len, loff_t *pos)
{
	len = min(len, sizeof(v->msg));
	memcpy(v->msg, buf, len);
	v->len = len;
	return len;
}

static long victim_ioctl(struct victim *v, struct victim_file *f,
			 unsigned int cmd, struct kb_ioctl *arg)
{
	unsigned int *gen;

	switch (cmd) {
	case KB_VICTIM_PING:
		return v->generation;
	case KB_VICTIM_SLOW:
		if (kb_ioctl_value(arg) > 5000)
			return -EINVAL;
		msleep(kb_ioctl_value(arg));
		/* the owner's data must still be there: revocation waits */
		v->msg[0] = 's';
		return v->generation;
	case KB_VICTIM_WAIT:
		return kb_wait_event_interruptible(&v->never, false);
	case KB_VICTIM_GET_GEN:
		gen = kb_ioctl_data(arg, KB_VICTIM_GET_GEN, unsigned int);
		*gen = v->generation;
		return 0;
	default:
		return -ENOTTY;
	}
}

KB_MISC_DEVICE(victim_misc, struct victim, struct victim_file,
	       .open = victim_open,
	       .read = victim_read,
	       .write = victim_write,
	       .ioctl = victim_ioctl);

static int victim_acquire(struct kb_probe *p, struct victim *v)
{
	kb_waitq_init(p, &v->never);
	v->generation = ++next_generation;
	v->len = strscpy(v->msg, "alive\n", sizeof(v->msg));
	return 0;
}

static int victim_publish(struct kb_publish *p, struct victim *v)
{
	return victim_misc_publish(p, v, KB_OWNER_VICTIM);
}

KB_LIFECYCLE_DEFINE(victim, struct victim, victim_acquire, victim_publish);

static long ctl_ioctl(struct owner_test *t, struct ctl_file *unused,
		      unsigned int cmd, struct kb_ioctl *arg)
{
	long ret = 0;

	mutex_lock(&t->lock);
	switch (cmd) {
	case KB_OWNER_TEARDOWN:
		kb_lifecycle_teardown(&t->victim);
		break;
	case KB_OWNER_SETUP:
		if (t->victim.phase != KB_PHASE_IDLE)
			ret = -EBUSY;
		else
			ret = kb_lifecycle_start(&t->victim, &victim_kb_ops,
						 NULL, THIS_MODULE);
		break;
	default:
		ret = -ENOTTY;
	}
	mutex_unlock(&t->lock);
	return ret;
}

KB_MISC_DEVICE(ctl_misc, struct owner_test, struct ctl_file,
	       .ioctl = ctl_ioctl);

static void owner_victim_undo(struct kb_step *step)
{
	struct owner_test *t = container_of(step, struct owner_test,
					    victim_step);

	kb_lifecycle_teardown(&t->victim);
}

static int owner_acquire(struct kb_probe *p, struct owner_test *t)
{
	mutex_init(&t->lock);
	kb_acquired(p, &t->victim_step, owner_victim_undo, "victim owner");
	return kb_lifecycle_start(&t->victim, &victim_kb_ops, NULL,
				  THIS_MODULE);
}

static bool extra_node;
module_param(extra_node, bool, 0444);
MODULE_PARM_DESC(extra_node, "Also publish a second control node, after the first");

/*
 * With extra_node, the module's init has a publication after its first:
 * a test fails it while the first node is open.
 */
static int owner_publish(struct kb_publish *p, struct owner_test *t)
{
	int ret = ctl_misc_publish(p, t, KB_OWNER_CTL);

	if (ret || !extra_node)
		return ret;
	return ctl_misc_publish(p, t, KB_OWNER_EXTRA);
}

KB_MODULE(owner_test, struct owner_test, owner_acquire, owner_publish);

MODULE_DESCRIPTION("kbind test: misc node whose owner goes away");
MODULE_LICENSE("GPL");
