// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the kbind block binding: a tag set and a disk are steps
 * recorded in order and undone in reverse; invalid limits and polled
 * queues without a .poll callback are refused with nothing left; a request
 * reaches queue_rq and complete with the device, hardware-queue and
 * per-request data as their own types.
 */
#include <kunit/test.h>
#include <linux/blk-mq.h>

#include <kbind/blk.h>

struct kbt_queue {
	unsigned int index;
};

struct kbt_cmd {
	u32 magic;		/* set by init_cmd */
	bool completed;
};

struct kbt_dev {
	struct kb_blk_tag_set tags;
	struct kb_blk_disk disk;
	struct kbt_queue queues[2];
	/* what the callbacks saw */
	struct kbt_queue *seen_hq;
	struct kbt_cmd *seen_cmd;
	struct request *seen_rq;
};

#define KBT_MAGIC	0x6b62626cU

/* What the next lifecycle start does, set by each case. */
static struct {
	unsigned int poll_queues;
	struct kb_blk_limits lim;
	bool publish;
} kbt_scenario;

static struct kbt_queue *kbt_init_hctx(struct kbt_dev *dev, unsigned int i)
{
	dev->queues[i].index = i;
	return &dev->queues[i];
}

static void kbt_init_cmd(struct kbt_cmd *cmd)
{
	cmd->magic = KBT_MAGIC;
}

static blk_status_t kbt_queue_rq(struct kbt_dev *dev, struct kbt_queue *hq,
				 struct request *rq, struct kbt_cmd *cmd,
				 bool last)
{
	dev->seen_hq = hq;
	dev->seen_cmd = cmd;
	dev->seen_rq = rq;
	blk_mq_start_request(rq);
	blk_mq_complete_request(rq);
	return BLK_STS_OK;
}

static void kbt_complete(struct request *rq, struct kbt_cmd *cmd)
{
	cmd->completed = true;
	blk_mq_end_request(rq, BLK_STS_OK);
}

KB_BLK_MQ(kbt_mq, struct kbt_dev, struct kbt_queue, struct kbt_cmd,
	  .init_hctx = kbt_init_hctx,
	  .init_cmd = kbt_init_cmd,
	  .queue_rq = kbt_queue_rq,
	  .complete = kbt_complete);

static int kbt_acquire(struct kb_probe *p, struct kbt_dev *dev)
{
	struct kb_blk_tag_cfg cfg = {
		.nr_hw_queues = 1,
		.nr_poll_queues = kbt_scenario.poll_queues,
		.queue_depth = 4,
		.numa_node = NUMA_NO_NODE,
	};
	int ret;

	ret = kbt_mq_tag_set_alloc(p, &dev->tags, &cfg) ?:
	      kbt_mq_disk_alloc(p, &dev->disk, &dev->tags, &kbt_scenario.lim,
				dev);
	if (ret)
		return ret;
	kb_blk_disk_set_capacity(p, &dev->disk, 2048);
	return 0;
}

static int kbt_publish(struct kb_publish *p, struct kbt_dev *dev)
{
	if (!kbt_scenario.publish)
		return 0;
	return kb_blk_disk_add(p, &dev->disk, "kbind_kunit_blk");
}

KB_LIFECYCLE_DEFINE(kbt, struct kbt_dev, kbt_acquire, kbt_publish);

static int kbt_start(struct kb_lifecycle *lc, unsigned int poll_queues,
		     unsigned int block_size, unsigned int max_hw_sectors,
		     bool publish)
{
	kbt_scenario.poll_queues = poll_queues;
	kbt_scenario.lim = (struct kb_blk_limits) {
		.logical_block_size = block_size,
		.max_hw_sectors = max_hw_sectors,
	};
	kbt_scenario.publish = publish;
	memset(lc, 0, sizeof(*lc));
	return kb_lifecycle_start(lc, &kbt_kb_ops, NULL, THIS_MODULE);
}

static void steps_in_order(struct kunit *test)
{
	struct kb_lifecycle lc;
	struct gendisk *disk;
	struct kbt_dev *dev;

	KUNIT_ASSERT_EQ(test, kbt_start(&lc, 0, 512, 0, true), 0);
	dev = kbt_priv(&lc);
	KUNIT_EXPECT_EQ(test, lc.nr_steps, 3U);
	KUNIT_EXPECT_STREQ(test, lc.top->what, "add_disk");
	KUNIT_EXPECT_STREQ(test, lc.top->older->what, "disk");
	KUNIT_EXPECT_STREQ(test, lc.top->older->older->what, "tag set");
	/* SAFETY: only read; the disk is added until teardown below. */
	disk = kb_blk_disk_raw(&dev->disk);
	KUNIT_EXPECT_TRUE(test, test_bit(GD_ADDED, &disk->state));
	KUNIT_EXPECT_EQ(test, get_capacity(disk), 2048);
	KUNIT_EXPECT_EQ(test, kb_blk_tag_set_raw(&dev->tags)->cmd_size,
			sizeof(struct kbt_cmd));
	kb_lifecycle_teardown(&lc);
	KUNIT_EXPECT_NULL(test, lc.top);
	KUNIT_EXPECT_EQ(test, lc.nr_steps, 0U);
	KUNIT_EXPECT_NULL(test, kbt_priv(&lc));
}

static void refused_leave_nothing(struct kunit *test)
{
	struct kb_lifecycle lc;

	/* polled queues would never complete without .poll */
	KUNIT_EXPECT_EQ(test, kbt_start(&lc, 1, 512, 0, false), -EINVAL);
	KUNIT_EXPECT_NULL(test, lc.top);
	/* not a block size; a request limit below a page */
	KUNIT_EXPECT_EQ(test, kbt_start(&lc, 0, 1000, 0, false), -EINVAL);
	KUNIT_EXPECT_NULL(test, lc.top);
	KUNIT_EXPECT_EQ(test, kbt_start(&lc, 0, 512, 1, false), -EINVAL);
	KUNIT_EXPECT_NULL(test, lc.top);
	KUNIT_EXPECT_EQ(test, lc.phase, KB_PHASE_IDLE);
}

static void typed_request_path(struct kunit *test)
{
	struct kb_lifecycle lc;
	struct request *rq;
	struct kbt_dev *dev;
	struct kbt_cmd *cmd;

	KUNIT_ASSERT_EQ(test, kbt_start(&lc, 0, 512, 0, false), 0);
	dev = kbt_priv(&lc);
	/* SAFETY: the disk is allocated until teardown below. */
	rq = blk_mq_alloc_request(kb_blk_disk_raw(&dev->disk)->queue,
				  REQ_OP_DRV_IN, 0);
	KUNIT_ASSERT_FALSE(test, IS_ERR(rq));
	cmd = kbt_mq_cmd(rq);
	KUNIT_EXPECT_PTR_EQ(test, kbt_mq_rq(cmd), rq);
	KUNIT_EXPECT_EQ(test, cmd->magic, KBT_MAGIC);
	KUNIT_EXPECT_EQ(test, blk_status_to_errno(blk_execute_rq(rq, false)),
			0);
	KUNIT_EXPECT_PTR_EQ(test, dev->seen_rq, rq);
	KUNIT_EXPECT_PTR_EQ(test, dev->seen_cmd, cmd);
	KUNIT_EXPECT_PTR_EQ(test, dev->seen_hq, &dev->queues[0]);
	KUNIT_EXPECT_TRUE(test, cmd->completed);
	blk_mq_free_request(rq);
	kb_lifecycle_teardown(&lc);
}

static struct kunit_case kbind_blk_cases[] = {
	KUNIT_CASE(steps_in_order),
	KUNIT_CASE(refused_leave_nothing),
	KUNIT_CASE(typed_request_path),
	{}
};

static struct kunit_suite kbind_blk_suite = {
	.name = "kbind_blk",
	.test_cases = kbind_blk_cases,
};

kunit_test_suite(kbind_blk_suite);

MODULE_DESCRIPTION("KUnit tests of the kbind block binding");
MODULE_LICENSE("GPL");
