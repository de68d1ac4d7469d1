// SPDX-License-Identifier: GPL-2.0
/*
 * An acquire callback that expects another private data type than the one
 * the module declares.
 * expect: passing argument 2 of 'cf_acquire' from incompatible pointer type
 */
#include "cf_common.h"

#ifdef KB_CF_CORRECT
static int cf_acquire(struct kb_probe *p, struct cf_dev *d)
#else
static int cf_acquire(struct kb_probe *p, struct cf_other *d)
#endif
{
	return 0;
}

static int cf_publish(struct kb_publish *p, struct cf_dev *d)
{
	return 0;
}

KB_MODULE(cf, struct cf_dev, cf_acquire, cf_publish);
