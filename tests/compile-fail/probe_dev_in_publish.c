// SPDX-License-Identifier: GPL-2.0
/*
 * Asking a publish-phase handle for what only the probe handle gives.
 * expect: passing argument 1 of 'kb_probe_dev' from incompatible pointer type
 */
#include "cf_common.h"

static int cf_acquire(struct kb_probe *p, struct cf_dev *d)
{
	d->value = kb_probe_dev(p) ? 1 : 0;
	return 0;
}

static int cf_publish(struct kb_publish *p, struct cf_dev *d)
{
#ifndef KB_CF_CORRECT
	d->value = kb_probe_dev(p) ? 1 : 0;
#endif
	return 0;
}

KB_MODULE(cf, struct cf_dev, cf_acquire, cf_publish);
