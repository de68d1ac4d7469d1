// SPDX-License-Identifier: GPL-2.0
/*
 * An attribute of one group listed in another: its callbacks expect the
 * first group's owner type, so the list of a group takes only its own
 * attributes.
 * expect: incompatible pointer type|initialization of .* from incompatible
 */
#include <kbind/sysfs.h>
#include "cf_common.h"

struct cf_sysfs_dev {
	struct kb_sysfs_group attrs;
	int value;
};

KB_SYSFS_GROUP_TYPE(cf_attrs, struct cf_sysfs_dev);
KB_SYSFS_GROUP_TYPE(cf_others, struct cf_other);

static ssize_t cf_value_show(struct cf_sysfs_dev *d, char *buf)
{
	return sysfs_emit(buf, "%d\n", d->value);
}

static ssize_t cf_x_show(struct cf_other *o, char *buf)
{
	return sysfs_emit(buf, "%ld\n", o->x);
}

KB_SYSFS_ATTR_RO(cf_attrs, value, cf_value_show);
KB_SYSFS_ATTR_RO(cf_others, x, cf_x_show);
#ifdef KB_CF_CORRECT
KB_SYSFS_GROUP(cf_attrs, NULL, &cf_attrs_attr_value);
KB_SYSFS_GROUP(cf_others, "others", &cf_others_attr_x);
#else
KB_SYSFS_GROUP(cf_attrs, NULL, &cf_attrs_attr_value, &cf_others_attr_x);
#endif

static int cf_acquire(struct kb_probe *p, struct cf_sysfs_dev *d)
{
	return 0;
}

static int cf_publish(struct kb_publish *p, struct cf_sysfs_dev *d)
{
	return cf_attrs_publish(p, &d->attrs, d);
}

KB_MODULE(cf, struct cf_sysfs_dev, cf_acquire, cf_publish);
