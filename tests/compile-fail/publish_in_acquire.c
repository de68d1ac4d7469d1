// SPDX-License-Identifier: GPL-2.0
/*
 * Publishing a misc node during the acquire phase: the publish helper takes
 * a publish-phase handle only.
 * expect: passing argument 1 of 'cf_misc_publish' from incompatible pointer type
 */
#include "cf_common.h"

KB_MISC_DEVICE(cf_misc, struct cf_dev, struct cf_file);

static int cf_acquire(struct kb_probe *p, struct cf_dev *d)
{
#ifdef KB_CF_CORRECT
	return 0;
#else
	return cf_misc_publish(p, d, "cf");
#endif
}

static int cf_publish(struct kb_publish *p, struct cf_dev *d)
{
	return cf_misc_publish(p, d, "cf");
}

KB_MODULE(cf, struct cf_dev, cf_acquire, cf_publish);
