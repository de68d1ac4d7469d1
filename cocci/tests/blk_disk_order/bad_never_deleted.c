// SPDX-License-Identifier: GPL-2.0
/* A module with an exit that drops its disk without del_gendisk(). */
#include <linux/blkdev.h>
#include <linux/blk-mq.h>
#include <linux/module.h>

static struct gendisk *zdisk;
static struct blk_mq_tag_set ztag_set;

static const struct block_device_operations z_fops = {
	.owner = THIS_MODULE,
};

static int __init z_init(void)
{
	int err;

	err = blk_mq_alloc_sq_tag_set(&ztag_set, NULL, 16, 0);
	if (err)
		return err;
	zdisk = blk_mq_alloc_disk(&ztag_set, NULL, NULL);
	if (IS_ERR(zdisk)) {
		blk_mq_free_tag_set(&ztag_set);
		return PTR_ERR(zdisk);
	}
	zdisk->fops = &z_fops;
	set_capacity(zdisk, 1024);
	err = add_disk(zdisk); /* EXPECT */
	if (err) {
		put_disk(zdisk);
		blk_mq_free_tag_set(&ztag_set);
	}
	return err;
}

static void __exit z_exit(void)
{
	put_disk(zdisk);
	blk_mq_free_tag_set(&ztag_set);
}

module_init(z_init);
module_exit(z_exit);
MODULE_LICENSE("GPL");
