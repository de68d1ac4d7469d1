// SPDX-License-Identifier: GPL-2.0
/* The disk goes live before its private_data and capacity are set. */
#include <linux/blkdev.h>
#include <linux/blk-mq.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct cart {
	struct gendisk *disk;
	struct blk_mq_tag_set tag_set;
	sector_t sectors;
};

static const struct block_device_operations cart_fops = {
	.owner = THIS_MODULE,
};

static int cart_probe(struct platform_device *pdev)
{
	struct cart *c;
	struct gendisk *disk;
	int err;

	c = devm_kzalloc(&pdev->dev, sizeof(*c), GFP_KERNEL);
	if (!c)
		return -ENOMEM;
	err = blk_mq_alloc_sq_tag_set(&c->tag_set, NULL, 4, 0);
	if (err)
		return err;
	disk = blk_mq_alloc_disk(&c->tag_set, NULL, c);
	if (IS_ERR(disk)) {
		blk_mq_free_tag_set(&c->tag_set);
		return PTR_ERR(disk);
	}
	disk->fops = &cart_fops;
	err = add_disk(disk); /* EXPECT */
	if (err)
		goto out_put;
	disk->private_data = c;
	set_capacity(disk, c->sectors);
	c->disk = disk;
	platform_set_drvdata(pdev, c);
	return 0;

out_put:
	put_disk(disk);
	blk_mq_free_tag_set(&c->tag_set);
	return err;
}

/* aoe's shape: device_add_disk() with a parent, fops set after it. */
static int cart_add_unit(struct cart *c, struct device *parent,
			 struct gendisk *disk)
{
	int err;

	set_capacity(disk, c->sectors);
	disk->private_data = c;
	err = device_add_disk(parent, disk, NULL); /* EXPECT */
	if (err)
		return err;
	disk->fops = &cart_fops;
	return 0;
}

static void cart_remove(struct platform_device *pdev)
{
	struct cart *c = platform_get_drvdata(pdev);

	del_gendisk(c->disk);
	put_disk(c->disk);
	blk_mq_free_tag_set(&c->tag_set);
}

static struct platform_driver cart_driver = {
	.probe = cart_probe,
	.remove_new = cart_remove,
	.driver = {
		.name = "cart",
	},
};
module_platform_driver(cart_driver);
