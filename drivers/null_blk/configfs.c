// SPDX-License-Identifier: GPL-2.0
/*
 * kbind null_blk: the configfs interface, in the style of the stock one,
 * at /sys/kernel/config/kbnullb/. mkdir creates a device with the module
 * parameters as its defaults; its attributes change it while it is off
 * (-EBUSY while on); writing 1 to power builds its disk, named after the
 * directory, and 0 deletes it (draining its I/O). The data of a
 * memory-backed device survives power cycles and goes with rmdir.
 */
#include <linux/configfs.h>
#include <linux/mutex.h>
#include <linux/slab.h>

#include "kbind_null_blk.h"

struct nullb_item {
	struct config_item item;
	struct nullb_slot slot;
	bool powered;
};

/* Serialises attribute writes and power changes of every device. */
static DEFINE_MUTEX(nullb_cfs_lock);

static struct nullb_item *to_nullb_item(struct config_item *item)
{
	return container_of(item, struct nullb_item, item);
}

static ssize_t nullb_show_u32(char *page, const u32 *v)
{
	return sysfs_emit(page, "%u\n", *v);
}

static ssize_t nullb_show_u64(char *page, const u64 *v)
{
	return sysfs_emit(page, "%llu\n", *v);
}

static ssize_t nullb_show_int(char *page, const int *v)
{
	return sysfs_emit(page, "%d\n", *v);
}

static ssize_t nullb_show_bool(char *page, const bool *v)
{
	return sysfs_emit(page, "%u\n", *v);
}

/* Parse into a temporary first: a bad value changes nothing. */
static int nullb_parse_u32(const char *page, u32 *v)
{
	return kstrtou32(page, 0, v);
}

static int nullb_parse_u64(const char *page, u64 *v)
{
	return kstrtou64(page, 0, v);
}

static int nullb_parse_int(const char *page, int *v)
{
	return kstrtoint(page, 0, v);
}

static int nullb_parse_bool(const char *page, bool *v)
{
	return kstrtobool(page, v);
}

/* A configuration attribute @name, of type @type (u32, u64, int, bool). */
#define NULLB_ATTR(name, type)						\
static type *nullb_item_##name(struct config_item *item)		\
{									\
	return &to_nullb_item(item)->slot.conf.name;			\
}									\
static ssize_t nullb_item_##name##_show(struct config_item *item,	\
					char *page)			\
{									\
	return nullb_show_##type(page, nullb_item_##name(item));	\
}									\
static ssize_t nullb_item_##name##_store(struct config_item *item,	\
					 const char *page, size_t count) \
{									\
	type v;								\
	int ret = nullb_parse_##type(page, &v);				\
									\
	if (ret)							\
		return ret;						\
	guard(mutex)(&nullb_cfs_lock);					\
	if (to_nullb_item(item)->powered)				\
		return -EBUSY;						\
	*nullb_item_##name(item) = v;					\
	return count;							\
}									\
static struct configfs_attribute nullb_item_attr_##name = {		\
	.ca_name = #name,						\
	.ca_mode = 0644,						\
	.ca_owner = THIS_MODULE,					\
	.show = nullb_item_##name##_show,				\
	.store = nullb_item_##name##_store,				\
}

NULLB_ATTR(size, u64);
NULLB_ATTR(blocksize, u32);
NULLB_ATTR(max_sectors, u32);
NULLB_ATTR(submit_queues, u32);
NULLB_ATTR(poll_queues, u32);
NULLB_ATTR(hw_queue_depth, u32);
NULLB_ATTR(home_node, int);
NULLB_ATTR(irqmode, u32);
NULLB_ATTR(completion_nsec, u64);
NULLB_ATTR(memory_backed, bool);
NULLB_ATTR(discard, bool);
NULLB_ATTR(blocking, bool);
NULLB_ATTR(no_sched, bool);
NULLB_ATTR(virt_boundary, bool);
NULLB_ATTR(mbps, u32);
NULLB_ATTR(cache_size, u64);

static ssize_t nullb_item_power_show(struct config_item *item, char *page)
{
	return sysfs_emit(page, "%u\n", to_nullb_item(item)->powered);
}

static ssize_t nullb_item_power_store(struct config_item *item,
				      const char *page, size_t count)
{
	struct nullb_item *ni = to_nullb_item(item);
	bool on;
	int ret = kstrtobool(page, &on);

	if (ret)
		return ret;
	guard(mutex)(&nullb_cfs_lock);
	if (on && !ni->powered) {
		ret = nullb_conf_validate(&ni->slot.conf) ?:
		      nullb_slot_start(&ni->slot);
		if (ret)
			return ret;
		ni->powered = true;
	} else if (!on && ni->powered) {
		nullb_slot_stop(&ni->slot);
		ni->powered = false;
	}
	return count;
}

CONFIGFS_ATTR(nullb_item_, power);

static struct configfs_attribute *nullb_item_attrs[] = {
	&nullb_item_attr_size,
	&nullb_item_attr_blocksize,
	&nullb_item_attr_max_sectors,
	&nullb_item_attr_submit_queues,
	&nullb_item_attr_poll_queues,
	&nullb_item_attr_hw_queue_depth,
	&nullb_item_attr_home_node,
	&nullb_item_attr_irqmode,
	&nullb_item_attr_completion_nsec,
	&nullb_item_attr_memory_backed,
	&nullb_item_attr_discard,
	&nullb_item_attr_blocking,
	&nullb_item_attr_no_sched,
	&nullb_item_attr_virt_boundary,
	&nullb_item_attr_mbps,
	&nullb_item_attr_cache_size,
	&nullb_item_attr_power,
	NULL,
};

/* The last reference: after rmdir, and after any open attribute file. */
static void nullb_item_release(struct config_item *item)
{
	struct nullb_item *ni = to_nullb_item(item);

	nullb_store_destroy(&ni->slot.store);
	kfree(ni);
}

static struct configfs_item_operations nullb_item_ops = {
	.release = nullb_item_release,
};

static const struct config_item_type nullb_item_type = {
	.ct_item_ops = &nullb_item_ops,
	.ct_attrs = nullb_item_attrs,
	.ct_owner = THIS_MODULE,
};

static struct config_item *nullb_group_make_item(struct config_group *group,
						 const char *name)
{
	struct nullb_item *ni;

	if (strlen(name) >= DISK_NAME_LEN)	/* the disk is named after it */
		return ERR_PTR(-ENAMETOOLONG);
	/*
	 * configfs refuses a second directory of the same name; a module
	 * device's name, or another driver's disk's, is refused here. One
	 * that appears later fails the power-on (nullb_publish()).
	 */
	if (nullb_module_name_taken(name) || nullb_blkdev_exists(name)) {
		pr_err("%s: a block device of that name exists\n", name);
		return ERR_PTR(-EEXIST);
	}
	ni = kzalloc_obj(*ni, GFP_KERNEL);
	if (!ni)
		return ERR_PTR(-ENOMEM);
	nullb_conf_defaults(&ni->slot.conf);
	strscpy(ni->slot.name, name, sizeof(ni->slot.name));
	nullb_store_init(&ni->slot.store);
	config_item_init_type_name(&ni->item, name, &nullb_item_type);
	return &ni->item;
}

/* rmdir: power off, then drop configfs's reference. */
static void nullb_group_drop_item(struct config_group *group,
				  struct config_item *item)
{
	struct nullb_item *ni = to_nullb_item(item);

	scoped_guard(mutex, &nullb_cfs_lock) {
		if (ni->powered)
			nullb_slot_stop(&ni->slot);
		ni->powered = false;
	}
	config_item_put(item);
}

/* The device attributes this driver has, comma-separated, as stock. */
static ssize_t nullb_group_features_show(struct config_item *item,
					 char *page)
{
	struct configfs_attribute **attr;
	int len = 0;

	for (attr = nullb_item_attrs; *attr; attr++)
		len += sysfs_emit_at(page, len, "%s%s", (*attr)->ca_name,
				     attr[1] ? "," : "\n");
	return len;
}

CONFIGFS_ATTR_RO(nullb_group_, features);

static struct configfs_attribute *nullb_group_attrs[] = {
	&nullb_group_attr_features,
	NULL,
};

static struct configfs_group_operations nullb_group_ops = {
	.make_item = nullb_group_make_item,
	.drop_item = nullb_group_drop_item,
};

static const struct config_item_type nullb_group_type = {
	.ct_group_ops = &nullb_group_ops,
	.ct_attrs = nullb_group_attrs,
	.ct_owner = THIS_MODULE,
};

static struct configfs_subsystem nullb_subsys = {
	.su_group = {
		.cg_item = {
			.ci_namebuf = "kbnullb",
			.ci_type = &nullb_group_type,
		},
	},
};

static void nullb_configfs_unregister(struct kb_step *step)
{
	/* SAFETY: the undo of the publication step recorded by
	 * nullb_configfs_publish(), so it runs once, before anything is freed.
	 */
	configfs_unregister_subsystem(&nullb_subsys);
}

/**
 * nullb_configfs_publish() - register the configfs subsystem
 * @p: publish-phase handle of the module
 * @step: records the registration; undoing it unregisters
 *
 * configfs holds a module reference per device directory, so the module
 * cannot go (and this step is not undone) while one exists.
 *
 * Return: 0, or the error of configfs_register_subsystem().
 */
int nullb_configfs_publish(struct kb_publish *p, struct kb_step *step)
{
	int ret = kb_publish_fault(p, "configfs");

	if (ret)
		return ret;
	config_group_init(&nullb_subsys.su_group);
	mutex_init(&nullb_subsys.su_mutex);
	/* SAFETY: raw registration of a static subsystem, recorded as a
	 * publication step right away so teardown unregisters it first.
	 */
	ret = configfs_register_subsystem(&nullb_subsys);
	if (ret)
		return ret;
	kb_published(p, step, nullb_configfs_unregister, "configfs");
	return 0;
}
