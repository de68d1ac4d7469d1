// SPDX-License-Identifier: GPL-2.0
/*
 * The type of dev->disk comes from the driver's own header, as in null_blk:
 * the file names kbind's handle types but includes no kbind header itself.
 */
#include "local_dev.h"

static int local_publish(struct kb_publish *p, struct local_dev *dev)
{
	set_capacity(dev->disk.disk, dev->size >> SECTOR_SHIFT); /* EXPECT */
	return kb_blk_disk_add(p, &dev->disk, "local");
}
