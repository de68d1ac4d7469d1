// SPDX-License-Identifier: GPL-2.0
/*
 * Runtime PM enabled while publishing: the runtime callbacks may run as
 * soon as it is enabled and use what was acquired, and teardown must
 * disable it before releasing that; enabling it is an acquisition, after
 * what the callbacks touch, and takes the acquire-phase handle only.
 * expect: incompatible pointer type
 */
#include <kbind/platform.h>
#include <kbind/pm.h>
#include "cf_common.h"

struct cf_info {
	int model;
};

struct cf_rpm_dev {
	struct kb_rpm rpm;
};

static const struct cf_info cf_info_a = { .model = 1 };

KB_PLATFORM_INFO_TYPE(cf_pf, struct cf_info);

static const struct platform_device_id cf_pf_ids[] = {
	KB_PLATFORM_INFO(cf_pf, "kbind-cf", &cf_info_a),
	{ }
};

static int cf_acquire(struct kb_platform_probe *pp, struct cf_rpm_dev *d,
		      const struct cf_info *info)
{
	return kb_platform_rpm_enable(pp, &d->rpm);
}

static int cf_publish(struct kb_platform_publish *pp, struct cf_rpm_dev *d)
{
#ifdef KB_CF_CORRECT
	return 0;
#else
	return kb_platform_rpm_enable(pp, &d->rpm);
#endif
}

KB_PLATFORM_DRIVER(cf_pf, struct cf_rpm_dev, cf_acquire, cf_publish);
