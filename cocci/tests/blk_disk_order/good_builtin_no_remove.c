// SPDX-License-Identifier: GPL-2.0
/*
 * n64cart/amiflop shape: probed once through platform_driver_probe(), no
 * .remove and no module_exit, so the disk is never torn down and there is
 * no del_gendisk() to call.  The capacity is set before add_disk(); a
 * later revalidation in another function may change it.
 */
#include <linux/blkdev.h>
#include <linux/blk-mq.h>
#include <linux/platform_device.h>

static struct gendisk *cdisk;
static unsigned int cart_size;

static const struct block_device_operations cart_fops = {
	.owner = THIS_MODULE,
};

static void cart_revalidate(struct gendisk *disk)
{
	set_capacity(disk, cart_size >> SECTOR_SHIFT);
}

static int __init cart_probe(struct platform_device *pdev)
{
	struct gendisk *disk;
	int err = -ENOMEM;

	disk = blk_alloc_disk(NULL, NUMA_NO_NODE);
	if (IS_ERR(disk))
		return PTR_ERR(disk);
	disk->first_minor = 0;
	disk->flags = GENHD_FL_NO_PART;
	disk->fops = &cart_fops;
	strcpy(disk->disk_name, "cart");
	set_capacity(disk, cart_size >> SECTOR_SHIFT);
	err = add_disk(disk);
	if (err)
		goto out_cleanup_disk;
	cdisk = disk;
	cart_revalidate(disk);
	return 0;

out_cleanup_disk:
	put_disk(disk);
	return err;
}

static struct platform_driver cart_driver = {
	.driver = {
		.name = "cart",
	},
};

static int __init cart_init(void)
{
	return platform_driver_probe(&cart_driver, cart_probe);
}

module_init(cart_init);
