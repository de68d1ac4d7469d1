// SPDX-License-Identifier: GPL-2.0
/* Raw PHY device, gendisk and struct file uses in a driver on kbind. */
#include <kbind/phy.h>
#include <kbind/blk.h>
#include <kbind/misc.h>

struct foo {
	struct kb_blk_disk disk;
	struct kb_blk_tag_set tags;
};

static int foo_config_init(struct kb_phy *h)
{
	return phy_write(kb_phy_raw(h), MII_BMCR, BMCR_RESET); /* EXPECT */
}

static void foo_resize(struct foo *foo, sector_t sectors)
{
	set_capacity_and_notify(foo->disk.disk, sectors); /* EXPECT */
	blk_mq_tagset_busy_iter(&foo->tags.set, foo_cancel, NULL); /* EXPECT */
	set_capacity_and_notify(kb_blk_disk_raw(&foo->disk), sectors); /* EXPECT */
	blk_mq_tagset_busy_iter(kb_blk_tag_set_raw(&foo->tags), foo_cancel, /* EXPECT */
				NULL);
}

static loff_t foo_llseek(struct foo *foo, struct foo_file *f,
			 struct file *file, loff_t off, int whence)
{
	return generic_file_llseek(file, off, whence); /* EXPECT */
}
