// SPDX-License-Identifier: GPL-2.0
/*
 * A sysfs show callback written for another owner's data: each attribute
 * hands its callbacks the private data of the group's owner, with the
 * type the group was declared with.
 * expect: incompatible pointer type
 */
#include <kbind/sysfs.h>
#include "cf_common.h"

struct cf_sysfs_dev {
	struct kb_sysfs_group attrs;
	int value;
};

KB_SYSFS_GROUP_TYPE(cf_attrs, struct cf_sysfs_dev);

#ifdef KB_CF_CORRECT
static ssize_t cf_value_show(struct cf_sysfs_dev *d, char *buf)
{
	return sysfs_emit(buf, "%d\n", d->value);
}
#else
static ssize_t cf_value_show(struct cf_other *o, char *buf)
{
	return sysfs_emit(buf, "%ld\n", o->x);
}
#endif

KB_SYSFS_ATTR_RO(cf_attrs, value, cf_value_show);
KB_SYSFS_GROUP(cf_attrs, NULL, &cf_attrs_attr_value);

static int cf_acquire(struct kb_probe *p, struct cf_sysfs_dev *d)
{
	return 0;
}

static int cf_publish(struct kb_publish *p, struct cf_sysfs_dev *d)
{
	return cf_attrs_publish(p, &d->attrs, d);
}

KB_MODULE(cf, struct cf_sysfs_dev, cf_acquire, cf_publish);
