// SPDX-License-Identifier: GPL-2.0
/*
 * An IRQ handler declared for one private data type taking another.
 * expect: incompatible pointer type
 */
#include <kbind/irq.h>
#include "cf_common.h"

#ifdef KB_CF_CORRECT
static irqreturn_t cf_handler(struct cf_dev *d)
#else
static irqreturn_t cf_handler(struct cf_other *d)
#endif
{
	return IRQ_HANDLED;
}

KB_IRQ_HANDLER(cf_irq, struct cf_dev, cf_handler);

static int cf_request(struct kb_publish *p, struct kb_irq *ki, struct cf_dev *d)
{
	/* SAFETY: a compile test, never loaded */
	return cf_irq_request(p, ki, kb_irq_line_raw(p, 5), 0, d);
}

/* Referenced, so that the function is compiled. */
static const void *const cf_used __used = cf_request;
