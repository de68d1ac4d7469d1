// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the kbind IRQ binding on a software interrupt (a dummy
 * chip with the simple flow handler): the handler gets the typed private
 * data, and teardown frees the line before any acquired resource is
 * released, so no handler runs once the owner is gone; a threaded handler
 * runs in process context and is waited for too; a line handed out to
 * another owner, or to an earlier start, is refused.
 */
#include <kunit/test.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/completion.h>
#include <linux/delay.h>

#include <kbind/irq.h>

struct ki_dev {
	struct kb_step resource;
	struct kb_irq irq;
	unsigned int hits;
	struct ki_dev *seen;
	bool thread_in_task;	/* the threaded handler ran in process context */
	bool thread_done;	/* it returned (after sleeping) */
};

static struct {
	int irq;		/* the software interrupt of the test */
	int request;		/* what publish passes as the IRQ number */
	bool handler_gone_first; /* seen by the resource's undo */
	bool threaded;		/* publish requests the threaded handler */
	struct kb_irq_line *foreign; /* publish requests on this line instead */
	struct kb_irq_line saved; /* the line publish was handed out */
	struct completion thread_entered;
} ki;

static irqreturn_t ki_handler(struct ki_dev *dev)
{
	dev->hits++;
	dev->seen = dev;
	return IRQ_HANDLED;
}

static irqreturn_t ki_hard(struct ki_dev *dev)
{
	dev->hits++;
	return IRQ_WAKE_THREAD;
}

KB_IRQ_HANDLER(ki_irq, struct ki_dev, ki_handler);

static irqreturn_t ki_thread(struct ki_dev *dev)
{
	dev->thread_in_task = in_task();
	complete(&ki.thread_entered);
	msleep(100);		/* teardown must wait for this */
	dev->thread_done = true;
	return IRQ_HANDLED;
}

KB_IRQ_THREADED(ki_thr, struct ki_dev, ki_hard, ki_thread);

static void ki_resource_release(struct kb_step *step)
{
	struct ki_dev *dev = container_of(step, struct ki_dev, resource);

	ki.handler_gone_first = !irq_has_action(ki.irq) &&
				(!ki.threaded || dev->thread_done);
}

static int ki_acquire(struct kb_probe *p, struct ki_dev *dev)
{
	kb_acquired(p, &dev->resource, ki_resource_release, "resource");
	return 0;
}

static int ki_publish(struct kb_publish *p, struct ki_dev *dev)
{
	/* SAFETY: the test's own software interrupt, freed after the test */
	struct kb_irq_line line = kb_irq_line_raw(p, ki.request);

	ki.saved = line;
	if (ki.foreign)
		line = *ki.foreign;
	if (ki.threaded)
		return ki_thr_request(p, &dev->irq, line, 0, dev);
	return ki_irq_request(p, &dev->irq, line, 0, dev);
}

KB_LIFECYCLE_DEFINE(ki, struct ki_dev, ki_acquire, ki_publish);

static int ki_init(struct kunit *test)
{
	ki.irq = irq_alloc_desc(NUMA_NO_NODE);
	if (ki.irq < 0)
		return ki.irq;
	irq_set_chip_and_handler(ki.irq, &dummy_irq_chip, handle_simple_irq);
	irq_clear_status_flags(ki.irq, IRQ_NOREQUEST);
	ki.request = ki.irq;
	ki.handler_gone_first = false;
	ki.threaded = false;
	ki.foreign = NULL;
	init_completion(&ki.thread_entered);
	return 0;
}

static void ki_exit(struct kunit *test)
{
	irq_free_desc(ki.irq);
}

static void handler_gets_typed_data(struct kunit *test)
{
	struct kb_lifecycle lc = {};
	struct ki_dev *dev;

	KUNIT_ASSERT_EQ(test, kb_lifecycle_start(&lc, &ki_kb_ops, NULL,
						 THIS_MODULE), 0);
	dev = ki_priv(&lc);
	KUNIT_EXPECT_TRUE(test, irq_has_action(ki.irq));
	KUNIT_EXPECT_EQ(test, generic_handle_irq_safe(ki.irq), 0);
	KUNIT_EXPECT_EQ(test, generic_handle_irq_safe(ki.irq), 0);
	KUNIT_EXPECT_EQ(test, dev->hits, 2U);
	KUNIT_EXPECT_PTR_EQ(test, dev->seen, dev);
	kb_lifecycle_teardown(&lc);
	KUNIT_EXPECT_FALSE(test, irq_has_action(ki.irq));
	KUNIT_EXPECT_TRUE(test, ki.handler_gone_first);
}

static void failed_lookup_unwinds(struct kunit *test)
{
	struct kb_lifecycle lc = {};

	ki.request = -ENXIO;	/* as platform_get_irq() of a missing IRQ */
	KUNIT_EXPECT_EQ(test, kb_lifecycle_start(&lc, &ki_kb_ops, NULL,
						 THIS_MODULE), -ENXIO);
	KUNIT_EXPECT_EQ(test, lc.nr_steps, 0U);
	KUNIT_EXPECT_NULL(test, lc.priv);
	KUNIT_EXPECT_FALSE(test, irq_has_action(ki.irq));
}

/* Teardown waits for a threaded handler that is sleeping. */
static void threaded_handler_waited_for(struct kunit *test)
{
	struct kb_lifecycle lc = {};
	struct ki_dev *dev;

	ki.threaded = true;
	KUNIT_ASSERT_EQ(test, kb_lifecycle_start(&lc, &ki_kb_ops, NULL,
						 THIS_MODULE), 0);
	dev = ki_priv(&lc);
	KUNIT_EXPECT_EQ(test, generic_handle_irq_safe(ki.irq), 0);
	KUNIT_EXPECT_EQ(test, dev->hits, 1U);
	KUNIT_ASSERT_NE(test, wait_for_completion_timeout(&ki.thread_entered,
							  5 * HZ), 0UL);
	KUNIT_EXPECT_TRUE(test, dev->thread_in_task);
	kb_lifecycle_teardown(&lc);
	KUNIT_EXPECT_TRUE(test, ki.handler_gone_first);
}

/* A line of another lifecycle is refused, nothing requested. */
static void foreign_line_refused(struct kunit *test)
{
	struct kb_lifecycle a = {}, b = {};
	struct kb_irq_line a_line;

	KUNIT_ASSERT_EQ(test, kb_lifecycle_start(&a, &ki_kb_ops, NULL,
						 THIS_MODULE), 0);
	a_line = ki.saved;
	kb_lifecycle_teardown(&a);	/* frees the line again */
	ki.foreign = &a_line;		/* a's line, handed to b */
	KUNIT_EXPECT_EQ(test, kb_lifecycle_start(&b, &ki_kb_ops, NULL,
						 THIS_MODULE), -EINVAL);
	KUNIT_EXPECT_FALSE(test, irq_has_action(ki.irq));
	KUNIT_EXPECT_EQ(test, b.nr_steps, 0U);
	kb_lifecycle_teardown(&b);	/* nothing to do, unless it started */
}

/* A line kept from an earlier start of the same lifecycle is refused. */
static void stale_line_refused(struct kunit *test)
{
	struct kb_lifecycle lc = {};
	struct kb_irq_line old;

	KUNIT_ASSERT_EQ(test, kb_lifecycle_start(&lc, &ki_kb_ops, NULL,
						 THIS_MODULE), 0);
	kb_lifecycle_teardown(&lc);
	old = ki.saved;
	ki.foreign = &old;
	KUNIT_EXPECT_EQ(test, kb_lifecycle_start(&lc, &ki_kb_ops, NULL,
						 THIS_MODULE), -EINVAL);
	KUNIT_EXPECT_FALSE(test, irq_has_action(ki.irq));
	kb_lifecycle_teardown(&lc);	/* nothing to do, unless it started */
	ki.foreign = NULL;	/* the fresh line works */
	KUNIT_EXPECT_EQ(test, kb_lifecycle_start(&lc, &ki_kb_ops, NULL,
						 THIS_MODULE), 0);
	KUNIT_EXPECT_TRUE(test, irq_has_action(ki.irq));
	kb_lifecycle_teardown(&lc);
}

static struct kunit_case kbind_irq_cases[] = {
	KUNIT_CASE(handler_gets_typed_data),
	KUNIT_CASE(failed_lookup_unwinds),
	KUNIT_CASE(threaded_handler_waited_for),
	KUNIT_CASE(foreign_line_refused),
	KUNIT_CASE(stale_line_refused),
	{}
};

static struct kunit_suite kbind_irq_suite = {
	.name = "kbind_irq",
	.init = ki_init,
	.exit = ki_exit,
	.test_cases = kbind_irq_cases,
};

kunit_test_suite(kbind_irq_suite);

MODULE_DESCRIPTION("KUnit tests of the kbind IRQ binding");
MODULE_LICENSE("GPL");
