// SPDX-License-Identifier: GPL-2.0
/*
 * add_disk() (a publication: it lets I/O in) while still acquiring.
 * expect: incompatible pointer type
 */
#include <kbind/blk.h>
#include "cf_common.h"

struct cf_blk {
	struct kb_blk_disk disk;
};

static int cf_acquire(struct kb_probe *p, struct cf_blk *d)
{
#ifdef KB_CF_CORRECT
	return 0;
#else
	return kb_blk_disk_add(p, &d->disk, "cf");
#endif
}

static int cf_publish(struct kb_publish *p, struct cf_blk *d)
{
	return kb_blk_disk_add(p, &d->disk, "cf");
}

KB_LIFECYCLE_DEFINE(cf, struct cf_blk, cf_acquire, cf_publish);

/* Referenced, so that the lifecycle is compiled. */
static const void *const cf_used __used = &cf_kb_ops;
