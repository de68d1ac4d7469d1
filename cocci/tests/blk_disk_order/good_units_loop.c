// SPDX-License-Identifier: GPL-2.0
/*
 * ataflop/swim shape: several units, each torn down in a loop
 * (del_gendisk, put_disk, blk_mq_free_tag_set), and a probe error path
 * that only puts disks that were never added.
 */
#include <linux/blkdev.h>
#include <linux/blk-mq.h>
#include <linux/module.h>

#define NUNITS 4

struct unit {
	struct gendisk *disk;
	struct blk_mq_tag_set tag_set;
	bool registered;
};

static struct unit units[NUNITS];

static const struct block_device_operations u_fops = {
	.owner = THIS_MODULE,
};

static void u_cleanup(void)
{
	int i;

	for (i = 0; i < NUNITS; i++) {
		if (units[i].registered)
			del_gendisk(units[i].disk);
		put_disk(units[i].disk);
		blk_mq_free_tag_set(&units[i].tag_set);
	}
}

static int __init u_init(void)
{
	int i, ret;

	for (i = 0; i < NUNITS; i++) {
		ret = blk_mq_alloc_sq_tag_set(&units[i].tag_set, NULL, 2, 0);
		if (ret)
			goto err;
		units[i].disk = blk_mq_alloc_disk(&units[i].tag_set, NULL, NULL);
		if (IS_ERR(units[i].disk)) {
			blk_mq_free_tag_set(&units[i].tag_set);
			ret = PTR_ERR(units[i].disk);
			goto err;
		}
		units[i].disk->fops = &u_fops;
		units[i].disk->private_data = &units[i];
		set_capacity(units[i].disk, 2880);
	}

	for (i = 0; i < NUNITS; i++) {
		ret = add_disk(units[i].disk);
		if (ret)
			goto err;
		units[i].registered = true;
	}
	return 0;

err:
	while (--i >= 0) {
		if (units[i].registered)
			del_gendisk(units[i].disk);
		put_disk(units[i].disk);
		blk_mq_free_tag_set(&units[i].tag_set);
	}
	return ret;
}

static void __exit u_exit(void)
{
	u_cleanup();
}

module_init(u_init);
module_exit(u_exit);
