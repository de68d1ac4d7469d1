// SPDX-License-Identifier: GPL-2.0
/*
 * kbind null_blk: the configfs interface, in the style of the stock one,
 * at /sys/kernel/config/kbnullb/ (nullb/ in the drop-in build), on kbind's configfs binding. mkdir
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
	struct badblocks badblocks;	/* the slot's: kept while it is off */
};

KB_CONFIGFS_ITEM_TYPE(nullb_item, struct nullb_item, slot.lc);

/* Powered on, the queue counts change live, as stock's do. */
static int nullb_item_submit_queues_apply(struct nullb_item *ni, u32 v)
{
	return nullb_slot_set_queues(&ni->slot, v, ni->slot.conf.poll_queues);
}

static int nullb_item_poll_queues_apply(struct nullb_item *ni, u32 v)
{
	return nullb_slot_set_queues(&ni->slot, ni->slot.conf.submit_queues, v);
}

KB_CONFIGFS_ATTR(nullb_item, u64, size, slot.conf.size);
KB_CONFIGFS_ATTR(nullb_item, u32, queue_mode, slot.conf.queue_mode);
KB_CONFIGFS_ATTR(nullb_item, u32, index, slot.conf.index);
KB_CONFIGFS_ATTR(nullb_item, u32, blocksize, slot.conf.blocksize);
KB_CONFIGFS_ATTR(nullb_item, u32, max_sectors, slot.conf.max_sectors);
KB_CONFIGFS_ATTR_LIVE(nullb_item, u32, submit_queues, slot.conf.submit_queues,
		      nullb_item_submit_queues_apply);
KB_CONFIGFS_ATTR_LIVE(nullb_item, u32, poll_queues, slot.conf.poll_queues,
		      nullb_item_poll_queues_apply);
KB_CONFIGFS_ATTR(nullb_item, u32, hw_queue_depth, slot.conf.hw_queue_depth);
KB_CONFIGFS_ATTR(nullb_item, int, home_node, slot.conf.home_node);
KB_CONFIGFS_ATTR(nullb_item, u32, irqmode, slot.conf.irqmode);
KB_CONFIGFS_ATTR(nullb_item, u64, completion_nsec, slot.conf.completion_nsec);
KB_CONFIGFS_ATTR(nullb_item, bool, memory_backed, slot.conf.memory_backed);
KB_CONFIGFS_ATTR(nullb_item, bool, discard, slot.conf.discard);
KB_CONFIGFS_ATTR(nullb_item, bool, blocking, slot.conf.blocking);
KB_CONFIGFS_ATTR(nullb_item, bool, no_sched, slot.conf.no_sched);
KB_CONFIGFS_ATTR(nullb_item, bool, virt_boundary, slot.conf.virt_boundary);
KB_CONFIGFS_ATTR(nullb_item, bool, shared_tags, slot.conf.shared_tags);
KB_CONFIGFS_ATTR(nullb_item, bool, shared_tag_bitmap,
		 slot.conf.shared_tag_bitmap);
KB_CONFIGFS_ATTR(nullb_item, bool, use_per_node_hctx,
		 slot.conf.use_per_node_hctx);
KB_CONFIGFS_ATTR(nullb_item, bool, fua, slot.conf.fua);
KB_CONFIGFS_ATTR(nullb_item, bool, rotational, slot.conf.rotational);
KB_CONFIGFS_ATTR(nullb_item, bool, badblocks_once, slot.conf.badblocks_once);
KB_CONFIGFS_ATTR(nullb_item, bool, badblocks_partial_io,
		 slot.conf.badblocks_partial_io);
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
static int nullb_zone_readonly(struct nullb_item *ni, const char *page,
			       bool live)
{
	return nullb_slot_zone_cond(&ni->slot, page, BLK_ZONE_COND_READONLY,
				    live);
}

static int nullb_zone_offline(struct nullb_item *ni, const char *page,
			      bool live)
{
	return nullb_slot_zone_cond(&ni->slot, page, BLK_ZONE_COND_OFFLINE,
				    live);
}

KB_CONFIGFS_ATTR_WO_FN(nullb_item, zone_readonly, nullb_zone_readonly);
KB_CONFIGFS_ATTR_WO_FN(nullb_item, zone_offline, nullb_zone_offline);

static ssize_t nullb_badblocks_show(struct nullb_item *ni, char *page)
{
	return badblocks_show(&ni->badblocks, page, 0);
}

/*
 * "+START-END" marks sectors START to END bad, "-START-END" good again,
 * in any base kstrtoull() takes, live or not, as stock's (whose first
 * range turns the check on).
 */
static int nullb_badblocks_store(struct nullb_item *ni, const char *page,
				 bool live)
{
	char buf[64], *s, *dash;
	u64 start, end;

	if (strscpy(buf, page, sizeof(buf)) < 0)
		return -EINVAL;
	s = strstrip(buf);
	dash = strchr(s + 1, '-');
	if ((s[0] != '+' && s[0] != '-') || !dash)
		return -EINVAL;
	*dash = '\0';
	if (kstrtoull(s + 1, 0, &start) || kstrtoull(dash + 1, 0, &end) ||
	    start > end)
		return -EINVAL;
	cmpxchg(&ni->badblocks.shift, -1, 0);
	if (s[0] == '+')
		return kb_badblocks_set(&ni->badblocks, start,
					end - start + 1) ? 0 : -EINVAL;
	return kb_badblocks_clear(&ni->badblocks, start, end - start + 1) ?
	       0 : -EINVAL;
}

KB_CONFIGFS_ATTR_FN(nullb_item, badblocks, nullb_badblocks_show,
		    nullb_badblocks_store);

static int nullb_item_check(struct nullb_item *ni)
{
	return nullb_conf_validate(&ni->slot.conf);
}

KB_CONFIGFS_ENABLE(nullb_item, power, nullb_slot_ops, nullb_item_check);

/* Sorted by name, as stock lists them (its features attribute). */
static struct configfs_attribute *nullb_item_attrs[] = {
	&nullb_item_attr_badblocks,
	&nullb_item_attr_badblocks_once,
	&nullb_item_attr_badblocks_partial_io,
	&nullb_item_attr_blocking,
	&nullb_item_attr_blocksize,
	&nullb_item_attr_cache_size,
	&nullb_item_attr_completion_nsec,
	&nullb_item_attr_discard,
	&nullb_item_attr_fua,
	&nullb_item_attr_home_node,
	&nullb_item_attr_hw_queue_depth,
	&nullb_item_attr_index,
	&nullb_item_attr_irqmode,
	&nullb_item_attr_max_sectors,
	&nullb_item_attr_mbps,
	&nullb_item_attr_memory_backed,
	&nullb_item_attr_no_sched,
	&nullb_item_attr_poll_queues,
	&nullb_item_attr_power,
	&nullb_item_attr_queue_mode,
	&nullb_item_attr_rotational,
	&nullb_item_attr_shared_tag_bitmap,
	&nullb_item_attr_shared_tags,
	&nullb_item_attr_size,
	&nullb_item_attr_submit_queues,
	&nullb_item_attr_use_per_node_hctx,
	&nullb_item_attr_virt_boundary,
	&nullb_item_attr_zone_append_max_sectors,
	&nullb_item_attr_zone_capacity,
	&nullb_item_attr_zone_full,
	&nullb_item_attr_zone_max_active,
	&nullb_item_attr_zone_max_open,
	&nullb_item_attr_zone_nr_conv,
	&nullb_item_attr_zone_offline,
	&nullb_item_attr_zone_readonly,
	&nullb_item_attr_zone_size,
	&nullb_item_attr_zoned,
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
	/* off until a range is written, as stock's */
	if (badblocks_init(&ni->badblocks, 0))
		return -ENOMEM;
	nullb_conf_defaults(&ni->slot.conf);
	strscpy(ni->slot.name, name, sizeof(ni->slot.name));
	nullb_store_init(&ni->slot.store);
	ni->slot.badblocks = &ni->badblocks;
	nullb_faults_init(&ni->slot.faults, &ni->cfs);
	return 0;
}

/* The last reference: after rmdir, and after any open attribute file. */
static void nullb_item_release(struct nullb_item *ni)
{
	nullb_store_destroy(&ni->slot.store);
	badblocks_exit(&ni->badblocks);
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

KB_CONFIGFS_SUBSYS(nullb_item, NULLB_NAME, nullb_item_make, nullb_item_release,
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
