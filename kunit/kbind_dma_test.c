// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of kbind's DMA binding on a KUnit device: buffers are typed
 * and within the mask the driver declared; the driver's quiesce function
 * runs once, after the publications and before any acquisition is undone,
 * also an acquisition recorded after the buffers, and also when the probe
 * fails after the buffers; nothing is allocated without a set-up context.
 */
#include <kunit/device.h>
#include <kunit/test.h>

#include <kbind/dma.h>

struct kd_desc {
	u64 addr;
	u32 len;
	u32 flags;
};

struct kd_dev {
	struct kb_dma dma;
	KB_DECLARE_DMA_COHERENT(ring, struct kd_desc);
	KB_DECLARE_DMA_STREAM(rx, u8);
	struct kb_step after;	/* acquired after the buffers */
	struct kb_step pub;	/* a publication */
};

static struct {
	struct device *dev;
	unsigned int bits;
	bool fail_after_buffers;
	bool no_setup;
	int alloc_ret;
	int nr_stops;
	bool pub_gone_at_stop;	/* the publication was undone first */
	bool stopped_at_after;	/* quiesced before the newest acquisition */
	bool in_mask;		/* both buffers within the declared mask */
	bool typed_zeroed;	/* the ring reads back through its type */
} kd;

static void kd_stop(struct kd_dev *dev)
{
	kd.nr_stops++;
	kd.pub_gone_at_stop = !dev->pub.undo;
}

KB_DMA(kd_dma, struct kd_dev, kd_stop);

static void kd_after_undo(struct kb_step *step)
{
	kd.stopped_at_after = kd.nr_stops == 1;
}

static void kd_pub_undo(struct kb_step *step)
{
}

static bool kd_within(dma_addr_t addr, size_t size)
{
	return addr + size - 1 <= DMA_BIT_MASK(kd.bits);
}

static int kd_acquire(struct kb_probe *p, struct kd_dev *dev)
{
	struct kd_desc *ring;
	int ret;

	if (!kd.no_setup) {
		ret = kd_dma_setup(p, &dev->dma, kd.bits, dev);
		if (ret)
			return ret;
	}
	kd.alloc_ret = kb_dma_alloc_coherent(p, &dev->dma, &dev->ring, 16);
	if (kd.alloc_ret)
		return kd.alloc_ret;
	ret = kb_dma_alloc_stream(p, &dev->dma, &dev->rx, 2048,
				  DMA_FROM_DEVICE);
	if (ret)
		return ret;
	ring = kb_dma_cpu(&dev->ring);
	ring[15].len = 42;
	kd.typed_zeroed = !ring[0].addr && kb_dma_size(&dev->ring) ==
			  16 * sizeof(struct kd_desc);
	kd.in_mask = kd_within(kb_dma_addr(&dev->ring), kb_dma_size(&dev->ring)) &&
		     kd_within(kb_dma_addr(&dev->rx), kb_dma_size(&dev->rx));
	kb_dma_sync_for_device(&dev->rx);
	kb_dma_sync_for_cpu(&dev->rx);
	kb_acquired(p, &dev->after, kd_after_undo, "after the buffers");
	return kd.fail_after_buffers ? -EIO : 0;
}

static int kd_publish(struct kb_publish *p, struct kd_dev *dev)
{
	kb_published(p, &dev->pub, kd_pub_undo, "publication");
	return 0;
}

KB_LIFECYCLE_DEFINE(kd, struct kd_dev, kd_acquire, kd_publish);

static int kd_init(struct kunit *test)
{
	memset(&kd, 0, sizeof(kd));
	kd.dev = kunit_device_register(test, "kbind-dma-test");
	if (IS_ERR(kd.dev))
		return PTR_ERR(kd.dev);
	kd.dev->dma_mask = &kd.dev->coherent_dma_mask;
	kd.bits = 32;
	return 0;
}

static int kd_start(struct kb_lifecycle *lc)
{
	memset(lc, 0, sizeof(*lc));
	return kb_lifecycle_start(lc, &kd_kb_ops, kd.dev, THIS_MODULE);
}

static void quiesced_before_any_buffer_is_freed(struct kunit *test)
{
	struct kb_lifecycle lc;

	KUNIT_ASSERT_EQ(test, kd_start(&lc), 0);
	KUNIT_EXPECT_TRUE(test, kd.typed_zeroed);
	KUNIT_EXPECT_TRUE(test, kd.in_mask);
	KUNIT_EXPECT_EQ(test, kd.nr_stops, 0);
	kb_lifecycle_teardown(&lc);
	KUNIT_EXPECT_EQ(test, kd.nr_stops, 1);
	KUNIT_EXPECT_TRUE(test, kd.pub_gone_at_stop);
	KUNIT_EXPECT_TRUE(test, kd.stopped_at_after);
	KUNIT_EXPECT_EQ(test, lc.nr_steps, 0U);
}

static void quiesced_when_probe_fails(struct kunit *test)
{
	struct kb_lifecycle lc;

	kd.fail_after_buffers = true;
	KUNIT_EXPECT_EQ(test, kd_start(&lc), -EIO);
	KUNIT_EXPECT_EQ(test, kd.nr_stops, 1);
	KUNIT_EXPECT_TRUE(test, kd.stopped_at_after);
	KUNIT_EXPECT_NULL(test, lc.quiesce);
}

/* A 28-bit device (QEMU's edu) gets buffers below 256 MiB. */
static void buffers_within_a_small_mask(struct kunit *test)
{
	struct kb_lifecycle lc;

	kd.bits = 28;
	KUNIT_ASSERT_EQ(test, kd_start(&lc), 0);
	KUNIT_EXPECT_TRUE(test, kd.in_mask);
	kb_lifecycle_teardown(&lc);
	KUNIT_EXPECT_EQ(test, kd.nr_stops, 1);
}

static void no_buffer_without_setup(struct kunit *test)
{
	struct kb_lifecycle lc;

	kd.no_setup = true;
	KUNIT_EXPECT_EQ(test, kd_start(&lc), -EINVAL);
	KUNIT_EXPECT_EQ(test, kd.alloc_ret, -EINVAL);
	KUNIT_EXPECT_EQ(test, kd.nr_stops, 0);

	kd.no_setup = false;
	kd.bits = 0;
	KUNIT_EXPECT_EQ(test, kd_start(&lc), -EINVAL);
	KUNIT_EXPECT_EQ(test, kd.nr_stops, 0);
}

static struct kunit_case kbind_dma_cases[] = {
	KUNIT_CASE(quiesced_before_any_buffer_is_freed),
	KUNIT_CASE(quiesced_when_probe_fails),
	KUNIT_CASE(buffers_within_a_small_mask),
	KUNIT_CASE(no_buffer_without_setup),
	{}
};

static struct kunit_suite kbind_dma_suite = {
	.name = "kbind_dma",
	.init = kd_init,
	.test_cases = kbind_dma_cases,
};

kunit_test_suite(kbind_dma_suite);

MODULE_DESCRIPTION("KUnit tests of kbind's DMA binding");
MODULE_LICENSE("GPL");
