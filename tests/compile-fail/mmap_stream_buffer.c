// SPDX-License-Identifier: GPL-2.0
/*
 * A streaming DMA buffer mapped to user space: the device and the CPU own
 * it in turn (sync calls hand it over), which a user mapping would break,
 * so only coherent buffers can be mapped.
 * expect: has no member named 'coherent'
 */
#include <kbind/mmap.h>
#include "cf_common.h"

struct cf_map_dev {
	struct kb_dma dma;
	KB_DECLARE_DMA_COHERENT(ring, struct cf_dev);
	KB_DECLARE_DMA_STREAM(rx, u8);
};

static int cf_mmap(struct cf_map_dev *d, struct cf_file *f,
		   struct kb_mmap *vm)
{
#ifdef KB_CF_CORRECT
	return kb_mmap_dma(vm, &d->ring, true);
#else
	return kb_mmap_dma(vm, &d->rx, true);
#endif
}

KB_MISC_DEVICE(cf_misc, struct cf_map_dev, struct cf_file, .mmap = cf_mmap);

static int cf_publish(struct kb_publish *p, struct cf_map_dev *d)
{
	return cf_misc_publish(p, d, "cf");
}

/* Referenced, so that the function is compiled. */
static const void *const cf_used __used = cf_publish;
