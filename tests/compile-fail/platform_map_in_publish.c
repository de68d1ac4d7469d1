// SPDX-License-Identifier: GPL-2.0
/*
 * Mapping a resource in the publish phase: resources are acquisitions and
 * take the acquire-phase handle only.
 * expect: passing argument 1 of 'kb_platform_memremap' from incompatible pointer type
 */
#include <kbind/platform.h>
#include "cf_common.h"

struct cf_pf_dev {
	struct kb_iomem mem;
};

KB_PLATFORM_INFO_TYPE(cf_pf, struct cf_dev);

static const struct cf_dev info = { .value = 1 };

static const struct platform_device_id cf_pf_ids[] = {
	KB_PLATFORM_INFO(cf_pf, "cf-pf", &info),
	{ }
};

static int cf_acquire(struct kb_platform_probe *pp, struct cf_pf_dev *d,
		      const struct cf_dev *i)
{
#ifdef KB_CF_CORRECT
	return kb_platform_memremap(pp, &d->mem, 0);
#else
	return 0;
#endif
}

static int cf_publish(struct kb_platform_publish *pp, struct cf_pf_dev *d)
{
#ifndef KB_CF_CORRECT
	return kb_platform_memremap(pp, &d->mem, 0);
#else
	return 0;
#endif
}

KB_PLATFORM_DRIVER(cf_pf, struct cf_pf_dev, cf_acquire, cf_publish);
