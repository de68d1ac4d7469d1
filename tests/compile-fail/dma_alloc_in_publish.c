// SPDX-License-Identifier: GPL-2.0
/*
 * A DMA buffer allocated while publishing: buffers are acquisitions,
 * taken before anything lets the device or the outside world in, so the
 * allocation takes the acquire-phase handle only.
 * expect: incompatible pointer type
 */
#include <kbind/dma.h>
#include "cf_common.h"

struct cf_dma_dev {
	struct kb_dma dma;
	KB_DECLARE_DMA_COHERENT(ring, struct cf_dev);
};

static void cf_stop(struct cf_dma_dev *d)
{
}

KB_DMA(cf_dma, struct cf_dma_dev, cf_stop);

static int cf_acquire(struct kb_probe *p, struct cf_dma_dev *d)
{
	int ret = cf_dma_setup(p, &d->dma, 32, d);

#ifdef KB_CF_CORRECT
	ret = ret ?: kb_dma_alloc_coherent(p, &d->dma, &d->ring, 1);
#endif
	return ret;
}

static int cf_publish(struct kb_publish *p, struct cf_dma_dev *d)
{
#ifdef KB_CF_CORRECT
	return 0;
#else
	return kb_dma_alloc_coherent(p, &d->dma, &d->ring, 1);
#endif
}

KB_MODULE(cf, struct cf_dma_dev, cf_acquire, cf_publish);
