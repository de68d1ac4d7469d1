// SPDX-License-Identifier: GPL-2.0
/*
 * Publishing a misc node with data of another type than its operations
 * expect.
 * expect: passing argument 2 of 'cf_misc_publish' from incompatible pointer type
 */
#include "cf_common.h"

KB_MISC_DEVICE(cf_misc, struct cf_dev, struct cf_file);

static struct cf_other other;

static int cf_acquire(struct kb_probe *p, struct cf_dev *d)
{
	other.x = d->value;
	return 0;
}

static int cf_publish(struct kb_publish *p, struct cf_dev *d)
{
#ifdef KB_CF_CORRECT
	return cf_misc_publish(p, d, "cf");
#else
	return cf_misc_publish(p, &other, "cf");
#endif
}

KB_MODULE(cf, struct cf_dev, cf_acquire, cf_publish);
