// SPDX-License-Identifier: GPL-2.0
/* Remove paths that free the tag set or drop the disk before del_gendisk(). */
#include <linux/blkdev.h>
#include <linux/blk-mq.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct vbd {
	struct gendisk *disk;
	struct blk_mq_tag_set tag_set;
	void *buf;
};

static int vbd_probe(struct platform_device *pdev)
{
	struct queue_limits lim = { .logical_block_size = 512 };
	struct vbd *v;
	int err;

	v = kzalloc(sizeof(*v), GFP_KERNEL);
	if (!v)
		return -ENOMEM;
	err = blk_mq_alloc_sq_tag_set(&v->tag_set, NULL, 16, 0);
	if (err)
		goto out_free;
	v->disk = blk_mq_alloc_disk(&v->tag_set, &lim, v);
	if (IS_ERR(v->disk)) {
		err = PTR_ERR(v->disk);
		goto out_tag_set;
	}
	v->disk->private_data = v;
	set_capacity(v->disk, 4096);
	err = device_add_disk(&pdev->dev, v->disk, NULL);
	if (err)
		goto out_put_disk;
	platform_set_drvdata(pdev, v);
	return 0;

out_put_disk:
	put_disk(v->disk);
out_tag_set:
	blk_mq_free_tag_set(&v->tag_set);
out_free:
	kfree(v);
	return err;
}

static void vbd_remove(struct platform_device *pdev)
{
	struct vbd *v = platform_get_drvdata(pdev);

	blk_mq_free_tag_set(&v->tag_set); /* EXPECT */
	del_gendisk(v->disk);
	put_disk(v->disk);
	kfree(v);
}

static void vbd_shutdown(struct platform_device *pdev)
{
	struct vbd *v = platform_get_drvdata(pdev);
	struct gendisk *disk = v->disk;

	put_disk(disk); /* EXPECT */
	del_gendisk(disk);
	blk_mq_free_tag_set(&v->tag_set);
}

static void vbd_release(struct vbd *v)
{
	kfree(v); /* EXPECT */
	del_gendisk(v->disk);
}

static struct platform_driver vbd_driver = {
	.probe = vbd_probe,
	.remove_new = vbd_remove,
	.shutdown = vbd_shutdown,
	.driver = {
		.name = "vbd",
	},
};
module_platform_driver(vbd_driver);
