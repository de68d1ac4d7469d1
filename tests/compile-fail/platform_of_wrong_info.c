// SPDX-License-Identifier: GPL-2.0
/*
 * An OF match-table entry whose match info is not of the driver's info type.
 * expect: kbind: id-table entry info is not of the driver info type
 */
#include <kbind/platform.h>
#include "cf_common.h"

KB_PLATFORM_INFO_TYPE(cf_pf, struct cf_dev);

static const struct cf_dev good = { .value = 1 };
static const struct cf_other bad = { .x = 1 };

static const struct platform_device_id cf_pf_ids[] = {
	KB_PLATFORM_INFO(cf_pf, "cf-pf", &good),
	{ }
};

static const struct of_device_id cf_pf_of_ids[] = {
#ifdef KB_CF_CORRECT
	KB_PLATFORM_OF_INFO(cf_pf, "kbind,cf-pf", &good),
#else
	KB_PLATFORM_OF_INFO(cf_pf, "kbind,cf-pf", &bad),
#endif
	{ }
};

static int cf_acquire(struct kb_platform_probe *pp, struct cf_dev *d,
		      const struct cf_dev *info)
{
	d->value = info->value;
	return 0;
}

static int cf_publish(struct kb_platform_publish *pp, struct cf_dev *d)
{
	return 0;
}

KB_PLATFORM_DRIVER_OF(cf_pf, struct cf_dev, cf_acquire, cf_publish);
