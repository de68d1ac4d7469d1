// SPDX-License-Identifier: GPL-2.0
/* A block driver on kbind that adds and deletes its disk by hand. */
#include <linux/blk-mq.h>
#include <kbind/blk.h>

struct foo {
	struct kb_blk_disk disk;
	struct gendisk *raw;
};

static int foo_publish(struct kb_publish *p, struct foo *foo)
{
	/* SAFETY: this comment belongs to the statement below only. */
	set_capacity(foo->raw, 1024);
	return add_disk(foo->raw); /* EXPECT */
}

static void foo_remove(struct foo *foo)
{
	del_gendisk(foo->raw); /* EXPECT */
	put_disk(foo->raw); /* EXPECT */
}
