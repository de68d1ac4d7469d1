// SPDX-License-Identifier: GPL-2.0
/*
 * A sysfs attribute group created while acquiring: user space may call
 * its callbacks as soon as the files exist, so the group is published
 * after everything they read was acquired, and its helper takes the
 * publish-phase handle only.
 * expect: incompatible pointer type
 */
#include <kbind/sysfs.h>
#include "cf_common.h"

struct cf_sysfs_dev {
	struct kb_sysfs_group attrs;
	int value;
};

KB_SYSFS_GROUP_TYPE(cf_attrs, struct cf_sysfs_dev);

static ssize_t cf_value_show(struct cf_sysfs_dev *d, char *buf)
{
	return sysfs_emit(buf, "%d\n", d->value);
}

KB_SYSFS_ATTR_RO(cf_attrs, value, cf_value_show);
KB_SYSFS_GROUP(cf_attrs, NULL, &cf_attrs_attr_value);

static int cf_acquire(struct kb_probe *p, struct cf_sysfs_dev *d)
{
#ifdef KB_CF_CORRECT
	return 0;
#else
	return cf_attrs_publish(p, &d->attrs, d);
#endif
}

static int cf_publish(struct kb_publish *p, struct cf_sysfs_dev *d)
{
	return cf_attrs_publish(p, &d->attrs, d);
}

KB_MODULE(cf, struct cf_sysfs_dev, cf_acquire, cf_publish);
