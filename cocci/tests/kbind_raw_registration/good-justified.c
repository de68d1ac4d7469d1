// SPDX-License-Identifier: GPL-2.0
/*
 * Raw calls in a driver on kbind, each justified in a SAFETY: comment right
 * before its statement, also when the call sits on a continuation line.
 */
#include <linux/configfs.h>
#include <kbind/lifecycle.h>

static struct configfs_subsystem foo_subsys;

static void foo_configfs_unregister(struct kb_step *step)
{
	/* SAFETY: the undo of the publication step recorded below, so it
	 * runs once, before anything is freed.
	 */
	configfs_unregister_subsystem(&foo_subsys);
}

static int foo_configfs_publish(struct kb_publish *p, struct kb_step *step)
{
	int ret;

	// SAFETY: a static subsystem, recorded as a step right away.
	ret = configfs_register_subsystem(&foo_subsys);
	if (ret)
		return ret;
	kb_published(p, step, foo_configfs_unregister, "configfs");
	return 0;
}

static int foo_irq_publish(struct kb_publish *p, struct foo *foo)
{
	/* SAFETY: the handler only wakes a waiter; freed by foo_unpublish()
	 * before foo is.
	 */
	return request_threaded_irq(foo->irq, NULL,
				    foo_thread, IRQF_ONESHOT, "foo", foo);
}
