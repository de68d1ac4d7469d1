// SPDX-License-Identifier: GPL-2.0
/*
 * A power management callback written for another driver's data: the
 * callbacks get the bound device's private data, with the driver's type.
 * expect: incompatible pointer type
 */
#include <kbind/platform.h>
#include <kbind/pm.h>
#include "cf_common.h"

struct cf_info {
	int model;
};

static const struct cf_info cf_info_a = { .model = 1 };

KB_PLATFORM_INFO_TYPE(cf_pf, struct cf_info);

static const struct platform_device_id cf_pf_ids[] = {
	KB_PLATFORM_INFO(cf_pf, "kbind-cf", &cf_info_a),
	{ }
};

static int cf_suspend(struct cf_dev *d)
{
	return 0;
}

#ifdef KB_CF_CORRECT
static int cf_resume(struct cf_dev *d)
#else
static int cf_resume(struct cf_other *o)
#endif
{
	return 0;
}

KB_PM_OPS(cf_pf, struct cf_dev, cf_suspend, cf_resume);

static void cf_shutdown(struct cf_dev *d)
{
}

static int cf_acquire(struct kb_platform_probe *pp, struct cf_dev *d,
		      const struct cf_info *info)
{
	return 0;
}

static int cf_publish(struct kb_platform_publish *pp, struct cf_dev *d)
{
	return 0;
}

KB_PLATFORM_DRIVER_PM(cf_pf, struct cf_dev, cf_acquire, cf_publish,
		      cf_shutdown);
