// SPDX-License-Identifier: GPL-2.0
/*
 * A timer set up while acquiring: a deferred callback is a way into the
 * driver, published after everything it uses was acquired and cancelled
 * before any of it is released, so its set-up takes the publish-phase
 * handle only.
 * expect: incompatible pointer type
 */
#include <kbind/work.h>
#include "cf_common.h"

struct cf_timer_dev {
	struct kb_timer timer;
};

static void cf_timer_fn(struct cf_timer_dev *d)
{
}

KB_TIMER(cf_timer, struct cf_timer_dev, cf_timer_fn);

static int cf_acquire(struct kb_probe *p, struct cf_timer_dev *d)
{
#ifdef KB_CF_CORRECT
	return 0;
#else
	return cf_timer_init(p, &d->timer, d);
#endif
}

static int cf_publish(struct kb_publish *p, struct cf_timer_dev *d)
{
	return cf_timer_init(p, &d->timer, d);
}

KB_MODULE(cf, struct cf_timer_dev, cf_acquire, cf_publish);
