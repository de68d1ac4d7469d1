// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the kbind IRQ binding on a software interrupt (a dummy
 * chip with the simple flow handler): the handler gets the typed private
 * data, and teardown frees the line before any acquired resource is
 * released, so no handler runs once the owner is gone.
 */
#include <kunit/test.h>
#include <linux/interrupt.h>
#include <linux/irq.h>

#include <kbind/irq.h>

struct ki_dev {
	struct kb_step resource;
	struct kb_irq irq;
	unsigned int hits;
	struct ki_dev *seen;
};

static struct {
	int irq;		/* the software interrupt of the test */
	int request;		/* what publish passes as the IRQ number */
	bool handler_gone_first; /* seen by the resource's undo */
} ki;

static irqreturn_t ki_handler(struct ki_dev *dev)
{
	dev->hits++;
	dev->seen = dev;
	return IRQ_HANDLED;
}

KB_IRQ_HANDLER(ki_irq, struct ki_dev, ki_handler);

static void ki_resource_release(struct kb_step *step)
{
	ki.handler_gone_first = !irq_has_action(ki.irq);
}

static int ki_acquire(struct kb_probe *p, struct ki_dev *dev)
{
	kb_acquired(p, &dev->resource, ki_resource_release, "resource");
	return 0;
}

static int ki_publish(struct kb_publish *p, struct ki_dev *dev)
{
	return ki_irq_request(p, &dev->irq, ki.request, 0, dev);
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

static struct kunit_case kbind_irq_cases[] = {
	KUNIT_CASE(handler_gets_typed_data),
	KUNIT_CASE(failed_lookup_unwinds),
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
