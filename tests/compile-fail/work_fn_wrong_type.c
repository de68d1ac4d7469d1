// SPDX-License-Identifier: GPL-2.0
/*
 * A work function declared for one private data type taking another: the
 * trampoline hands it the owner's data with the owner's type.
 * expect: incompatible pointer type
 */
#include <kbind/work.h>
#include "cf_common.h"

#ifdef KB_CF_CORRECT
static void cf_work_fn(struct cf_dev *d)
#else
static void cf_work_fn(struct cf_other *d)
#endif
{
}

KB_WORK(cf_work, struct cf_dev, cf_work_fn);

static int cf_init(struct kb_publish *p, struct kb_work *w, struct cf_dev *d)
{
	return cf_work_init(p, w, NULL, d);
}

/* Referenced, so that the function is compiled. */
static const void *const cf_used __used = cf_init;
