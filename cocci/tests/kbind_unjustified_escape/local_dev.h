/* SPDX-License-Identifier: GPL-2.0 */
/* The driver's structure, in its own header as null_blk has it. */
#include <kbind/blk.h>

struct local_dev {
	struct kb_blk_disk disk;
	unsigned long size;
};
