// SPDX-License-Identifier: GPL-2.0
/*
 * kbind null_blk: the configfs interface, in the style of the stock one,
 * at /sys/kernel/config/kbnullb/, on kbind's configfs binding. mkdir
 * creates a device with the module parameters as its defaults; its
 * attributes change it while it is off (-EBUSY while on); writing 1 to
 * power builds its disk, named after the directory, and 0 deletes it
 * (draining its I/O). The data of a memory-backed device survives power
 * cycles and goes with rmdir.
 */
#include <kbind/configfs.h>

#include "kbind_null_blk.h"

struct nullb_item {
	struct kb_configfs_item cfs;
	struct nullb_slot slot;
};

KB_CONFIGFS_ITEM_TYPE(nullb_item, struct nullb_item, slot.lc);

KB_CONFIGFS_ATTR(nullb_item, u64, size, slot.conf.size);
KB_CONFIGFS_ATTR(nullb_item, u32, blocksize, slot.conf.blocksize);
KB_CONFIGFS_ATTR(nullb_item, u32, max_sectors, slot.conf.max_sectors);
KB_CONFIGFS_ATTR(nullb_item, u32, submit_queues, slot.conf.submit_queues);
KB_CONFIGFS_ATTR(nullb_item, u32, poll_queues, slot.conf.poll_queues);
KB_CONFIGFS_ATTR(nullb_item, u32, hw_queue_depth, slot.conf.hw_queue_depth);
KB_CONFIGFS_ATTR(nullb_item, int, home_node, slot.conf.home_node);
KB_CONFIGFS_ATTR(nullb_item, u32, irqmode, slot.conf.irqmode);
KB_CONFIGFS_ATTR(nullb_item, u64, completion_nsec, slot.conf.completion_nsec);
KB_CONFIGFS_ATTR(nullb_item, bool, memory_backed, slot.conf.memory_backed);
KB_CONFIGFS_ATTR(nullb_item, bool, discard, slot.conf.discard);
KB_CONFIGFS_ATTR(nullb_item, bool, blocking, slot.conf.blocking);
KB_CONFIGFS_ATTR(nullb_item, bool, no_sched, slot.conf.no_sched);
KB_CONFIGFS_ATTR(nullb_item, bool, virt_boundary, slot.conf.virt_boundary);
KB_CONFIGFS_ATTR(nullb_item, u32, mbps, slot.conf.mbps);
KB_CONFIGFS_ATTR(nullb_item, u64, cache_size, slot.conf.cache_size);
KB_CONFIGFS_ATTR(nullb_item, bool, zoned, slot.conf.zoned);
KB_CONFIGFS_ATTR(nullb_item, u64, zone_size, slot.conf.zone_size);
KB_CONFIGFS_ATTR(nullb_item, u64, zone_capacity, slot.conf.zone_capacity);
KB_CONFIGFS_ATTR(nullb_item, u32, zone_nr_conv, slot.conf.zone_nr_conv);
KB_CONFIGFS_ATTR(nullb_item, u32, zone_max_open, slot.conf.zone_max_open);
KB_CONFIGFS_ATTR(nullb_item, u32, zone_max_active, slot.conf.zone_max_active);
KB_CONFIGFS_ATTR(nullb_item, u32, zone_append_max_sectors,
		 slot.conf.zone_append_max_sectors);
KB_CONFIGFS_ATTR(nullb_item, bool, zone_full, slot.conf.zone_full);

/* Write-only, on a powered zoned device: a sector whose zone changes. */
static int nullb_item_zone_readonly(struct nullb_item *ni, const char *page)
{
	return nullb_slot_zone_cond(&ni->slot, page, BLK_ZONE_COND_READONLY);
}

static int nullb_item_zone_offline(struct nullb_item *ni, const char *page)
{
	return nullb_slot_zone_cond(&ni->slot, page, BLK_ZONE_COND_OFFLINE);
}

KB_CONFIGFS_ACTION(nullb_item, zone_readonly, nullb_item_zone_readonly);
KB_CONFIGFS_ACTION(nullb_item, zone_offline, nullb_item_zone_offline);

static int nullb_item_check(struct nullb_item *ni)
{
	return nullb_conf_validate(&ni->slot.conf);
}

KB_CONFIGFS_ENABLE(nullb_item, power, nullb_slot_ops, nullb_item_check);

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
	&nullb_item_attr_zoned,
	&nullb_item_attr_zone_size,
	&nullb_item_attr_zone_capacity,
	&nullb_item_attr_zone_nr_conv,
	&nullb_item_attr_zone_max_open,
	&nullb_item_attr_zone_max_active,
	&nullb_item_attr_zone_append_max_sectors,
	&nullb_item_attr_zone_full,
	&nullb_item_attr_zone_readonly,
	&nullb_item_attr_zone_offline,
	&nullb_item_attr_power,
	NULL,
};

static int nullb_item_make(struct nullb_item *ni, const char *name)
{
	if (strlen(name) >= DISK_NAME_LEN)	/* the disk is named after it */
		return -ENAMETOOLONG;
	/*
	 * configfs refuses a second directory of the same name; a module
	 * device's name, or another driver's disk's, is refused here. One
	 * that appears later fails the power-on (nullb_publish()).
	 */
	if (nullb_module_name_taken(name) || nullb_blkdev_exists(name)) {
		pr_err("%s: a block device of that name exists\n", name);
		return -EEXIST;
	}
	nullb_conf_defaults(&ni->slot.conf);
	strscpy(ni->slot.name, name, sizeof(ni->slot.name));
	nullb_store_init(&ni->slot.store);
	return 0;
}

/* The last reference: after rmdir, and after any open attribute file. */
static void nullb_item_release(struct nullb_item *ni)
{
	nullb_store_destroy(&ni->slot.store);
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

KB_CONFIGFS_SUBSYS(nullb_item, "kbnullb", nullb_item_make, nullb_item_release,
		   nullb_group_attrs);

/**
 * nullb_configfs_publish() - register the configfs subsystem
 * @p: publish-phase handle of the module
 *
 * configfs holds a module reference per device directory, so the module
 * cannot go (and this step is not undone) while one exists.
 *
 * Return: 0, or the error of the registration.
 */
int nullb_configfs_publish(struct kb_publish *p)
{
	return nullb_item_publish(p);
}
