// SPDX-License-Identifier: GPL-2.0
/* Pre-5.15 shape: the add_disk() result is dropped. */
#include <linux/blkdev.h>
#include <linux/blk-mq.h>
#include <linux/module.h>

struct ramx {
	struct gendisk *disk;
	struct blk_mq_tag_set tag_set;
};

static const struct block_device_operations ramx_fops = {
	.owner = THIS_MODULE,
};

static struct ramx ramx_dev;

static int ramx_probe_one(struct ramx *r, struct device *parent)
{
	struct queue_limits lim = { .logical_block_size = 512 };
	int ret;

	ret = blk_mq_alloc_sq_tag_set(&r->tag_set, NULL, 16, 0);
	if (ret)
		return ret;
	r->disk = blk_mq_alloc_disk(&r->tag_set, &lim, r);
	if (IS_ERR(r->disk)) {
		blk_mq_free_tag_set(&r->tag_set);
		return PTR_ERR(r->disk);
	}
	r->disk->fops = &ramx_fops;
	r->disk->private_data = r;
	set_capacity(r->disk, 2048);
	if (parent)
		device_add_disk(parent, r->disk, NULL); /* EXPECT */
	else
		add_disk(r->disk); /* EXPECT */
	return 0;
}

static int __init ramx_init(void)
{
	return ramx_probe_one(&ramx_dev, NULL);
}

static void __exit ramx_exit(void)
{
	del_gendisk(ramx_dev.disk);
	put_disk(ramx_dev.disk);
	blk_mq_free_tag_set(&ramx_dev.tag_set);
}

module_init(ramx_init);
module_exit(ramx_exit);
