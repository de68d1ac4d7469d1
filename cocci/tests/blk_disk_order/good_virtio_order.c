// SPDX-License-Identifier: GPL-2.0
/*
 * virtio_blk/loop shape: the error path after a failed add_disk() puts the
 * disk then frees the tag set; remove calls del_gendisk() first.
 */
#include <linux/blkdev.h>
#include <linux/blk-mq.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct vb {
	struct gendisk *disk;
	struct blk_mq_tag_set tag_set;
	int index;
};

static const struct block_device_operations vb_fops = {
	.owner = THIS_MODULE,
};

static int vb_probe(struct platform_device *pdev)
{
	struct queue_limits lim = { .logical_block_size = 512 };
	struct vb *v;
	int err;

	v = kzalloc(sizeof(*v), GFP_KERNEL);
	if (!v)
		return -ENOMEM;
	err = blk_mq_alloc_sq_tag_set(&v->tag_set, NULL, 64, 0);
	if (err)
		goto out_free;
	v->disk = blk_mq_alloc_disk(&v->tag_set, &lim, v);
	if (IS_ERR(v->disk)) {
		err = PTR_ERR(v->disk);
		goto out_free_tags;
	}
	v->disk->major = 0;
	v->disk->fops = &vb_fops;
	v->disk->private_data = v;
	set_capacity(v->disk, 8192);
	err = device_add_disk(&pdev->dev, v->disk, NULL);
	if (err)
		goto out_cleanup_disk;
	platform_set_drvdata(pdev, v);
	return 0;

out_cleanup_disk:
	put_disk(v->disk);
out_free_tags:
	blk_mq_free_tag_set(&v->tag_set);
out_free:
	kfree(v);
	return err;
}

static void vb_remove(struct platform_device *pdev)
{
	struct vb *v = platform_get_drvdata(pdev);

	del_gendisk(v->disk);
	blk_mq_free_tag_set(&v->tag_set);
	put_disk(v->disk);
	kfree(v);
}

static struct platform_driver vb_driver = {
	.probe = vb_probe,
	.remove_new = vb_remove,
	.driver = {
		.name = "vb",
	},
};
module_platform_driver(vb_driver);
