// SPDX-License-Identifier: GPL-2.0
/*
 * A release that wants the device data: release also runs after the node
 * was withdrawn, so it gets the per-open data only.
 * expect: initialization of 'void \(\*\)\(struct cf_file \*\)' from incompatible pointer type
 */
#include "cf_common.h"

#ifdef KB_CF_CORRECT
static void cf_release(struct cf_file *f)
#else
static void cf_release(struct cf_dev *d)
#endif
{
}

KB_MISC_DEVICE(cf_misc, struct cf_dev, struct cf_file,
	       .release = cf_release);

static int cf_acquire(struct kb_probe *p, struct cf_dev *d)
{
	return 0;
}

static int cf_publish(struct kb_publish *p, struct cf_dev *d)
{
	return cf_misc_publish(p, d, "cf");
}

KB_MODULE(cf, struct cf_dev, cf_acquire, cf_publish);
