// SPDX-License-Identifier: GPL-2.0
/*
 * A configfs attribute whose kind is not its field's type: a u32 parser
 * writing into a u64 (or an int) would store a truncated or reinterpreted
 * value, so the kind must be the field's type exactly.
 * expect: configfs attribute kind differs from the field type
 */
#include <kbind/configfs.h>
#include "cf_common.h"

struct cf_item {
	struct kb_configfs_item cfs;
	struct kb_lifecycle lc;
	u64 size;
	int node;
};

struct cf_obj {
	int unused;
};

KB_CONFIGFS_ITEM_TYPE(cf_item, struct cf_item, lc);

#ifdef KB_CF_CORRECT
KB_CONFIGFS_ATTR(cf_item, u64, size, size);
KB_CONFIGFS_ATTR(cf_item, int, node, node);
#else
KB_CONFIGFS_ATTR(cf_item, u32, size, size);
KB_CONFIGFS_ATTR(cf_item, u32, node, node);
#endif

static int cf_obj_acquire(struct kb_probe *p, struct cf_obj *o)
{
	return 0;
}

static int cf_obj_publish(struct kb_publish *p, struct cf_obj *o)
{
	return 0;
}

KB_LIFECYCLE_DEFINE(cf_obj, struct cf_obj, cf_obj_acquire, cf_obj_publish);

static int cf_item_check(struct cf_item *it)
{
	return 0;
}

KB_CONFIGFS_ENABLE(cf_item, enable, &cf_obj_kb_ops, cf_item_check);

static struct configfs_attribute *cf_item_attrs[] = {
	&cf_item_attr_size,
	&cf_item_attr_node,
	&cf_item_attr_enable,
	NULL,
};

static int cf_item_make(struct cf_item *it, const char *name)
{
	return 0;
}

static void cf_item_release(struct cf_item *it)
{
}

KB_CONFIGFS_SUBSYS(cf_item, "kbind_cf", cf_item_make, cf_item_release, NULL);

static int cf_acquire(struct kb_probe *p, struct cf_dev *d)
{
	return 0;
}

static int cf_publish(struct kb_publish *p, struct cf_dev *d)
{
	return cf_item_publish(p);
}

KB_MODULE(cf, struct cf_dev, cf_acquire, cf_publish);
