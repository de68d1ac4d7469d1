// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of kbind's deferred work: every kind of callback gets the
 * typed private data; teardown with everything armed far ahead ends at
 * once and nothing fires; callbacks that keep re-arming each other are
 * all stopped before the resources they use are released; arming is
 * refused once the owner is revoked, from a revoke hook or an undo.
 */
#include <kunit/test.h>
#include <linux/delay.h>
#include <linux/jiffies.h>

#include <kbind/wait.h>
#include <kbind/work.h>

enum { KW_WORK, KW_DELAYED, KW_TIMER, KW_HRTIMER, KW_KTHREAD, KW_NR };

struct kw_dev {
	struct kb_step resource;	/* acquired first, released last */
	struct kb_waitq wait;
	struct kb_workqueue wq;
	struct kb_work work;
	struct kb_delayed_work delayed;
	struct kb_timer timer;
	struct kb_hrtimer hrtimer;
	struct kb_kthread kthread;
	struct kw_dev *self;
};

/* What the test sees, outside the private data that teardown frees. */
static struct {
	atomic_t runs[KW_NR];
	bool wrong_data;	/* a callback got another pointer */
	bool released;		/* the resource was released */
	bool late;		/* a callback ran after that */
	bool storm;		/* callbacks re-arm each other */
	bool refused_in_revoke;	/* arming from a revoke hook failed */
	bool refused_in_undo;	/* arming from the resource's undo failed */
} kw;

static void kw_ran(struct kw_dev *dev, int what)
{
	if (dev->self != dev)
		kw.wrong_data = true;
	if (READ_ONCE(kw.released))
		kw.late = true;
	atomic_inc(&kw.runs[what]);
}

static void kw_work(struct kw_dev *dev)
{
	kw_ran(dev, KW_WORK);
	if (kw.storm) {
		kb_work_queue(&dev->work);
		kb_timer_mod(&dev->timer, jiffies);
		kb_delayed_work_queue(&dev->delayed, 0);
	}
}

KB_WORK(kw_work, struct kw_dev, kw_work);

static void kw_delayed(struct kw_dev *dev)
{
	kw_ran(dev, KW_DELAYED);
	if (kw.storm)
		kb_timer_mod(&dev->timer, jiffies);
}

KB_DELAYED_WORK(kw_delayed, struct kw_dev, kw_delayed);

static void kw_timer(struct kw_dev *dev)
{
	kw_ran(dev, KW_TIMER);
	if (kw.storm) {
		kb_work_queue(&dev->work);
		kb_timer_mod(&dev->timer, jiffies + 1);
	}
}

KB_TIMER(kw_timer, struct kw_dev, kw_timer);

static enum hrtimer_restart kw_hrtimer(struct kw_dev *dev,
				       struct kb_hrtimer *t)
{
	kw_ran(dev, KW_HRTIMER);
	if (!kw.storm)
		return HRTIMER_NORESTART;
	kb_work_queue(&dev->work);
	kb_hrtimer_forward_now(t, us_to_ktime(50));
	return HRTIMER_RESTART;
}

KB_HRTIMER(kw_hrtimer, struct kw_dev, kw_hrtimer);

static int kw_kthread(struct kw_dev *dev)
{
	kw_ran(dev, KW_KTHREAD);
	/* sleeps until teardown wakes it: the waitq's revoke, then the stop */
	while (!kthread_should_stop())
		if (kb_wait_event_interruptible(&dev->wait, kthread_should_stop()))
			break;
	return 0;
}

KB_KTHREAD(kw_kthread, struct kw_dev, kw_kthread);

static void kw_resource_revoke(struct kb_step *step)
{
	struct kw_dev *dev = container_of(step, struct kw_dev, resource);

	/* revoked after the deferred steps: newest first */
	kw.refused_in_revoke = !kb_work_queue(&dev->work) &&
			       !kb_timer_mod(&dev->timer, jiffies) &&
			       !kb_hrtimer_start(&dev->hrtimer, 0,
						 HRTIMER_MODE_REL);
}

static void kw_resource_release(struct kb_step *step)
{
	struct kw_dev *dev = container_of(step, struct kw_dev, resource);

	kw.refused_in_undo = !kb_work_queue(&dev->work) &&
			     !kb_delayed_work_queue(&dev->delayed, 0);
	WRITE_ONCE(kw.released, true);
}

static int kw_acquire(struct kb_probe *p, struct kw_dev *dev)
{
	dev->self = dev;
	kb_acquired_revocable(p, &dev->resource, kw_resource_revoke,
			      kw_resource_release, "resource");
	kb_waitq_init(p, &dev->wait);
	return kb_workqueue_alloc(p, &dev->wq, WQ_UNBOUND, "kbind_kw");
}

static int kw_publish(struct kb_publish *p, struct kw_dev *dev)
{
	return kw_work_init(p, &dev->work, &dev->wq, dev) ?:
	       kw_delayed_init(p, &dev->delayed, NULL, dev) ?:
	       kw_timer_init(p, &dev->timer, dev) ?:
	       kw_hrtimer_init(p, &dev->hrtimer, dev, CLOCK_MONOTONIC,
			       HRTIMER_MODE_REL) ?:
	       kw_kthread_run(p, &dev->kthread, dev, "kbind_kw");
}

KB_LIFECYCLE_DEFINE(kw, struct kw_dev, kw_acquire, kw_publish);

static int kw_init(struct kunit *test)
{
	memset(&kw, 0, sizeof(kw));
	return 0;
}

/*
 * Wait up to 5 s for every kind to have run at least @n times (the
 * kernel thread runs once).
 */
static bool kw_all_ran(int n)
{
	unsigned long end = jiffies + 5 * HZ;
	int i;

	for (i = 0; i < KW_NR; i++)
		while (atomic_read(&kw.runs[i]) < (i == KW_KTHREAD ? 1 : n)) {
			if (time_after(jiffies, end))
				return false;
			usleep_range(1000, 2000);
		}
	return true;
}

static void callbacks_get_typed_data(struct kunit *test)
{
	struct kb_lifecycle lc = {};
	struct kw_dev *dev;

	KUNIT_ASSERT_EQ(test, kb_lifecycle_start(&lc, &kw_kb_ops, NULL,
						 THIS_MODULE), 0);
	dev = kw_priv(&lc);
	KUNIT_EXPECT_TRUE(test, kb_work_queue(&dev->work));
	KUNIT_EXPECT_TRUE(test, kb_delayed_work_queue(&dev->delayed, 1));
	KUNIT_EXPECT_FALSE(test, kb_timer_mod(&dev->timer, jiffies + 1));
	KUNIT_EXPECT_TRUE(test, kb_hrtimer_start(&dev->hrtimer,
						 us_to_ktime(100),
						 HRTIMER_MODE_REL));
	KUNIT_EXPECT_TRUE(test, kw_all_ran(1));
	kb_lifecycle_teardown(&lc);
	KUNIT_EXPECT_FALSE(test, kw.wrong_data);
	KUNIT_EXPECT_FALSE(test, kw.late);
	KUNIT_EXPECT_EQ(test, lc.nr_steps, 0U);
}

/* Armed an hour ahead: teardown cancels without waiting, nothing fires. */
static void armed_far_ahead_cancelled(struct kunit *test)
{
	struct kb_lifecycle lc = {};
	struct kw_dev *dev;
	unsigned long start;

	KUNIT_ASSERT_EQ(test, kb_lifecycle_start(&lc, &kw_kb_ops, NULL,
						 THIS_MODULE), 0);
	dev = kw_priv(&lc);
	KUNIT_EXPECT_TRUE(test, kb_delayed_work_queue(&dev->delayed,
						      3600 * HZ));
	kb_timer_mod(&dev->timer, jiffies + 3600 * HZ);
	kb_hrtimer_start(&dev->hrtimer, ktime_set(3600, 0), HRTIMER_MODE_REL);
	KUNIT_EXPECT_TRUE(test, kb_delayed_work_pending(&dev->delayed));
	KUNIT_EXPECT_TRUE(test, kb_timer_pending(&dev->timer));
	KUNIT_EXPECT_TRUE(test, kb_hrtimer_active(&dev->hrtimer));
	start = jiffies;
	kb_lifecycle_teardown(&lc);
	KUNIT_EXPECT_LT(test, jiffies - start, 10UL * HZ);
	KUNIT_EXPECT_EQ(test, atomic_read(&kw.runs[KW_DELAYED]), 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&kw.runs[KW_TIMER]), 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&kw.runs[KW_HRTIMER]), 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&kw.runs[KW_KTHREAD]), 1);
}

/*
 * Work and timers re-arm each other as fast as they can, a periodic
 * hrtimer queues work every 50 us:
 * teardown stops them all before the resource they use is released, in
 * bounded time, whatever is running when it starts.
 */
static void rearming_storm_stopped(struct kunit *test)
{
	struct kb_lifecycle lc = {};
	struct kw_dev *dev;
	unsigned long start;
	int round;

	for (round = 0; round < 20; round++) {
		memset(&kw, 0, sizeof(kw));
		kw.storm = true;
		KUNIT_ASSERT_EQ(test, kb_lifecycle_start(&lc, &kw_kb_ops, NULL,
							 THIS_MODULE), 0);
		dev = kw_priv(&lc);
		kb_work_queue(&dev->work);
		kb_delayed_work_queue(&dev->delayed, 0);
		/* periodic: restarted by its callback only (hrtimer rule) */
		kb_hrtimer_start(&dev->hrtimer, us_to_ktime(50),
				 HRTIMER_MODE_REL);
		KUNIT_ASSERT_TRUE(test, kw_all_ran(2));
		udelay(round * 50);
		start = jiffies;
		kb_lifecycle_teardown(&lc);
		KUNIT_EXPECT_LT(test, jiffies - start, 10UL * HZ);
		KUNIT_EXPECT_FALSE(test, kw.late);
		KUNIT_EXPECT_FALSE(test, kw.wrong_data);
		KUNIT_EXPECT_TRUE(test, kw.refused_in_revoke);
		KUNIT_EXPECT_TRUE(test, kw.refused_in_undo);
	}
}

static struct kunit_case kbind_work_cases[] = {
	KUNIT_CASE(callbacks_get_typed_data),
	KUNIT_CASE(armed_far_ahead_cancelled),
	KUNIT_CASE(rearming_storm_stopped),
	{}
};

static struct kunit_suite kbind_work_suite = {
	.name = "kbind_work",
	.init = kw_init,
	.test_cases = kbind_work_cases,
};

kunit_test_suite(kbind_work_suite);

MODULE_DESCRIPTION("KUnit tests of kbind's deferred work");
MODULE_LICENSE("GPL");
