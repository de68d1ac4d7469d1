// SPDX-License-Identifier: GPL-2.0
/*
 * A platform driver on kbind that sets up its deferred work by hand:
 * nothing cancels it before the private data is freed, and its IRQ
 * handler can queue it again after a hand-written cancel.
 */
#include <linux/hrtimer.h>
#include <linux/kthread.h>
#include <linux/workqueue.h>
#include <kbind/platform.h>

struct foo {
	struct work_struct work;
	struct delayed_work poll;
	struct timer_list watchdog;
	struct hrtimer tick;
	struct workqueue_struct *wq;
	struct task_struct *thread;
};

static void foo_work(struct work_struct *w)
{
}

static void foo_watchdog(struct timer_list *t)
{
}

static enum hrtimer_restart foo_tick(struct hrtimer *t)
{
	return HRTIMER_NORESTART;
}

static int foo_thread(void *data)
{
	return 0;
}

static int foo_publish(struct kb_platform_publish *pp, struct foo *foo)
{
	foo->wq = alloc_workqueue("foo", WQ_UNBOUND, 0); /* EXPECT */
	if (!foo->wq)
		return -ENOMEM;
	INIT_WORK(&foo->work, foo_work); /* EXPECT */
	INIT_DELAYED_WORK(&foo->poll, foo_work); /* EXPECT */
	timer_setup(&foo->watchdog, foo_watchdog, 0); /* EXPECT */
	hrtimer_setup(&foo->tick, foo_tick, CLOCK_MONOTONIC, /* EXPECT */
		      HRTIMER_MODE_REL);
	foo->thread = kthread_run(foo_thread, foo, "foo"); /* EXPECT */
	return PTR_ERR_OR_ZERO(foo->thread);
}
