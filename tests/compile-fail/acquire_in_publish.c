// SPDX-License-Identifier: GPL-2.0
/*
 * Recording an acquisition during the publish phase: acquisitions take an
 * acquire-phase handle only, so nothing is acquired after publication.
 * expect: passing argument 1 of 'kb_acquired' from incompatible pointer type
 */
#include "cf_common.h"

struct cf_res {
	struct kb_step step;
};

static void cf_res_undo(struct kb_step *step)
{
}

static struct cf_res res;

static int cf_acquire(struct kb_probe *p, struct cf_dev *d)
{
#ifdef KB_CF_CORRECT
	kb_acquired(p, &res.step, cf_res_undo, "res");
#endif
	return 0;
}

static int cf_publish(struct kb_publish *p, struct cf_dev *d)
{
#ifndef KB_CF_CORRECT
	kb_acquired(p, &res.step, cf_res_undo, "res");
#endif
	return 0;
}

KB_MODULE(cf, struct cf_dev, cf_acquire, cf_publish);
