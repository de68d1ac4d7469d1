// SPDX-License-Identifier: GPL-2.0
/*
 * A coherent DMA buffer of one type read as another: the CPU view has
 * the buffer's own element type.
 * expect: initialization of 'struct cf_other \*' from incompatible pointer type
 */
#include <kbind/dma.h>
#include "cf_common.h"

struct cf_dma_dev {
	KB_DECLARE_DMA_COHERENT(ring, struct cf_dev);
};

static int cf_first_value(struct cf_dma_dev *d)
{
#ifdef KB_CF_CORRECT
	struct cf_dev *first = kb_dma_cpu(&d->ring);

	return first->value;
#else
	struct cf_other *first = kb_dma_cpu(&d->ring);

	return first->x;
#endif
}

/* Referenced, so that the function is compiled. */
static const void *const cf_used __used = cf_first_value;
