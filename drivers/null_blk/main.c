// SPDX-License-Identifier: GPL-2.0
/*
 * kbind null_blk: the block layer's null device on kbind's bindings.
 *
 * A replacement for the stock null_blk in multiqueue mode, under its own
 * names (module kbind_null_blk, disks /dev/kbnullb<N>) so both load side by
 * side; the drop-in build (dropin/) is module null_blk, disks nullb<N>.
 * Module parameters keep the stock driver's names, meanings and defaults.
 * Each device is a lifecycle: queues, tag set and disk are acquired,
 * add_disk() publishes, and teardown deletes the disk (draining its I/O)
 * before anything else goes.
 */
#include <linux/hrtimer.h>
#include <linux/module.h>

#include <kbind/blk.h>

#include "kbind_null_blk.h"

/* Stock null_blk's module parameters, names and defaults. */
static int g_queue_mode = 2;
static int g_gb = 250;
static int g_bs = 512;
static int g_max_sectors;
static unsigned int g_nr_devices = 1;
static int g_submit_queues = 1;
static int g_poll_queues = 1;
static int g_home_node = NUMA_NO_NODE;
static int g_irqmode = NULLB_IRQ_SOFTIRQ;
static unsigned long g_completion_nsec = 10000;
static int g_hw_queue_depth = 64;
static bool g_memory_backed;
static bool g_discard;
static bool g_blocking;
static int g_no_sched;
static bool g_virt_boundary;
static bool g_shared_tags;
static bool g_shared_tag_bitmap;
static bool g_use_per_node_hctx;
static bool g_fua = true;
static bool g_rotational;
static int g_mbps;
static unsigned long g_cache_size;
static bool g_zoned;
static unsigned long g_zone_size = 256;
static unsigned long g_zone_capacity;
static unsigned int g_zone_nr_conv;
static unsigned int g_zone_max_open;
static unsigned int g_zone_max_active;
static int g_zone_append_max_sectors = INT_MAX;
static bool g_zone_full;

static int nullb_param_0_to_2(const char *val, const struct kernel_param *kp)
{
	int n, ret = kstrtoint(val, 10, &n);

	if (ret)
		return ret;
	if (n < 0 || n > 2)
		return -EINVAL;
	*(int *)kp->arg = n;
	return 0;
}

static const struct kernel_param_ops nullb_0_to_2_ops = {
	.set = nullb_param_0_to_2,
	.get = param_get_int,
};

module_param_cb(queue_mode, &nullb_0_to_2_ops, &g_queue_mode, 0444);
MODULE_PARM_DESC(queue_mode, "Block interface to use (0=bio,1=rq,2=multiqueue)");
module_param_named(gb, g_gb, int, 0444);
MODULE_PARM_DESC(gb, "Size in GB");
module_param_named(bs, g_bs, int, 0444);
MODULE_PARM_DESC(bs, "Block size (in bytes)");
module_param_named(max_sectors, g_max_sectors, int, 0444);
MODULE_PARM_DESC(max_sectors, "Maximum size of a command (in 512B sectors)");
module_param_named(nr_devices, g_nr_devices, uint, 0444);
MODULE_PARM_DESC(nr_devices, "Number of devices to register");
module_param_named(submit_queues, g_submit_queues, int, 0444);
MODULE_PARM_DESC(submit_queues, "Number of submission queues");
module_param_named(poll_queues, g_poll_queues, int, 0444);
MODULE_PARM_DESC(poll_queues, "Number of IOPOLL submission queues");
module_param_named(home_node, g_home_node, int, 0444);
MODULE_PARM_DESC(home_node, "Home node for the device");
module_param_cb(irqmode, &nullb_0_to_2_ops, &g_irqmode, 0444);
MODULE_PARM_DESC(irqmode, "IRQ completion handler. 0-none, 1-softirq, 2-timer");
module_param_named(completion_nsec, g_completion_nsec, ulong, 0444);
MODULE_PARM_DESC(completion_nsec, "Time in ns to complete a request in hardware. Default: 10,000ns");
module_param_named(hw_queue_depth, g_hw_queue_depth, int, 0444);
MODULE_PARM_DESC(hw_queue_depth, "Queue depth for each hardware queue. Default: 64");
module_param_named(memory_backed, g_memory_backed, bool, 0444);
MODULE_PARM_DESC(memory_backed, "Create a memory-backed block device. Default: false");
module_param_named(discard, g_discard, bool, 0444);
MODULE_PARM_DESC(discard, "Support discard operations (requires memory-backed null_blk device). Default: false");
module_param_named(blocking, g_blocking, bool, 0444);
MODULE_PARM_DESC(blocking, "Register as a blocking blk-mq driver device");
module_param_named(no_sched, g_no_sched, int, 0444);
MODULE_PARM_DESC(no_sched, "No io scheduler");
module_param_named(virt_boundary, g_virt_boundary, bool, 0444);
MODULE_PARM_DESC(virt_boundary, "Require a virtual boundary for the device. Default: False");
module_param_named(shared_tags, g_shared_tags, bool, 0444);
MODULE_PARM_DESC(shared_tags, "Share tag set between devices for blk-mq");
module_param_named(shared_tag_bitmap, g_shared_tag_bitmap, bool, 0444);
MODULE_PARM_DESC(shared_tag_bitmap, "Use shared tag bitmap for all submission queues for blk-mq");
module_param_named(use_per_node_hctx, g_use_per_node_hctx, bool, 0444);
MODULE_PARM_DESC(use_per_node_hctx, "Use per-node allocation for hardware context queues. Default: false");
module_param_named(fua, g_fua, bool, 0444);
MODULE_PARM_DESC(fua, "Enable/disable FUA support when cache_size is used. Default: true");
module_param_named(rotational, g_rotational, bool, 0444);
MODULE_PARM_DESC(rotational, "Set the rotational feature for the device. Default: false");
module_param_named(mbps, g_mbps, int, 0444);
MODULE_PARM_DESC(mbps, "Limit maximum bandwidth (in MiB/s). Default: 0 (no limit)");
module_param_named(cache_size, g_cache_size, ulong, 0444);
MODULE_PARM_DESC(cache_size, "Cache size in MiB for memory-backed device. Default: 0 (none)");
module_param_named(zoned, g_zoned, bool, 0444);
MODULE_PARM_DESC(zoned, "Make device as a host-managed zoned block device. Default: false");
module_param_named(zone_size, g_zone_size, ulong, 0444);
MODULE_PARM_DESC(zone_size, "Zone size in MB when block device is zoned. Must be power-of-two: Default: 256");
module_param_named(zone_capacity, g_zone_capacity, ulong, 0444);
MODULE_PARM_DESC(zone_capacity, "Zone capacity in MB when block device is zoned. Can be less than or equal to zone size. Default: Zone size");
module_param_named(zone_nr_conv, g_zone_nr_conv, uint, 0444);
MODULE_PARM_DESC(zone_nr_conv, "Number of conventional zones when block device is zoned. Default: 0");
module_param_named(zone_max_open, g_zone_max_open, uint, 0444);
MODULE_PARM_DESC(zone_max_open, "Maximum number of open zones when block device is zoned. Default: 0 (no limit)");
module_param_named(zone_max_active, g_zone_max_active, uint, 0444);
MODULE_PARM_DESC(zone_max_active, "Maximum number of active zones when block device is zoned. Default: 0 (no limit)");
module_param_named(zone_append_max_sectors, g_zone_append_max_sectors, int, 0444);
MODULE_PARM_DESC(zone_append_max_sectors, "Maximum size of a zone append command (in 512B sectors). Specify 0 for zone append emulation");
module_param_named(zone_full, g_zone_full, bool, 0444);
MODULE_PARM_DESC(zone_full, "Initialize the sequential write required zones of a zoned device to be full. Default: false");

/* The module-parameter defaults of a device, checked as the stock driver. */
static int nullb_conf_from_params(struct nullb_conf *c)
{
	if (nullb_faults_setup())
		return -EINVAL;
	if (g_bs > PAGE_SIZE) {
		pr_warn("invalid block size\n");
		pr_warn("defaults block size to %lu\n", PAGE_SIZE);
		g_bs = PAGE_SIZE;
	}
	if (g_home_node != NUMA_NO_NODE &&
	    (g_home_node < 0 || g_home_node >= nr_online_nodes)) {
		pr_err("invalid home_node value\n");
		g_home_node = NUMA_NO_NODE;
	}
	if (g_use_per_node_hctx && g_submit_queues != nr_online_nodes) {
		pr_warn("submit_queues param is set to %u.\n", nr_online_nodes);
		g_submit_queues = nr_online_nodes;
	} else if (g_submit_queues <= 0) {
		g_submit_queues = 1;
	}
	if (g_gb < 0 || g_poll_queues < 0 || g_hw_queue_depth < 1 ||
	    g_max_sectors < 0 || g_mbps < 0) {
		pr_err("gb, poll_queues, max_sectors and mbps must not be negative, hw_queue_depth must be positive\n");
		return -EINVAL;
	}
	*c = (struct nullb_conf) {
		.queue_mode = g_queue_mode,
		.size = (u64)g_gb * 1024,
		.blocksize = g_bs,
		.max_sectors = g_max_sectors,
		.submit_queues = g_submit_queues,
		.poll_queues = g_poll_queues,
		.hw_queue_depth = g_hw_queue_depth,
		.home_node = g_home_node,
		.irqmode = g_irqmode,
		.completion_nsec = g_completion_nsec,
		.memory_backed = g_memory_backed,
		.discard = g_discard,
		.blocking = g_blocking,
		.no_sched = g_no_sched,
		.virt_boundary = g_virt_boundary,
		.shared_tags = g_shared_tags,
		.shared_tag_bitmap = g_shared_tag_bitmap,
		.use_per_node_hctx = g_use_per_node_hctx,
		.fua = g_fua,
		.rotational = g_rotational,
		.mbps = g_mbps,
		.cache_size = g_cache_size,
		.zoned = g_zoned,
		.zone_size = g_zone_size,
		.zone_capacity = g_zone_capacity,
		.zone_nr_conv = g_zone_nr_conv,
		.zone_max_open = g_zone_max_open,
		.zone_max_active = g_zone_max_active,
		/* stock stores the int in an unsigned int, as this does */
		.zone_append_max_sectors = g_zone_append_max_sectors,
		.zone_full = g_zone_full,
	};
	return nullb_conf_validate(c);
}

/*
 * The module's devices, nr_devices of them: each is a lifecycle of its
 * own, started and torn down as one publication step of the module, before
 * the configfs subsystem, where more are made.
 */
struct nullb_module {
	struct kb_array slots_mem;
	struct nullb_slot *slots;
	struct nullb_conf conf;
};

static int nullb_module_acquire(struct kb_probe *p, struct nullb_module *m)
{
	int ret = nullb_conf_from_params(&m->conf);

	if (ret)
		return ret;
	return kb_array_alloc(p, &m->slots_mem, m->slots, g_nr_devices,
			      NUMA_NO_NODE);
}

static int nullb_module_publish(struct kb_publish *p, struct nullb_module *m)
{
	unsigned int i;
	int ret;

	for (i = 0; i < g_nr_devices; i++) {
		ret = nullb_slot_power_on(p, &m->slots[i], &m->conf, i);
		if (ret)
			return ret;
	}
	/*
	 * configfs last, as stock: mkdir then sees every module device's
	 * name (nullb_module_name_taken()), and no configfs device can exist
	 * while a step of the module may still fail. A disk opened before a
	 * later disk failed holds the module; KB_MODULE() keeps it loaded,
	 * with nothing published, until that user is gone.
	 */
	ret = nullb_configfs_publish(p);
	if (ret)
		return ret;
	pr_info("module loaded\n");
	return 0;
}

KB_MODULE(nullb_module, struct nullb_module, nullb_module_acquire,
	  nullb_module_publish);

/**
 * nullb_conf_defaults() - a new configfs device's configuration
 * @c: filled with the module parameters, as checked at load
 *
 * Context: while the configfs subsystem is registered (the module is live).
 */
void nullb_conf_defaults(struct nullb_conf *c)
{
	*c = nullb_module_priv(&nullb_module_kb_lifecycle)->conf;
}

/**
 * nullb_module_name_taken() - is @name the disk name of a module device?
 * @name: a configfs device's name, which becomes its disk's
 *
 * No lock: the configfs subsystem is registered after every module device
 * was named, and the names do not change until it is unregistered.
 *
 * Context: while the configfs subsystem is registered.
 * Return: true if a module-parameter device has that name.
 */
bool nullb_module_name_taken(const char *name)
{
	struct nullb_module *m = nullb_module_priv(&nullb_module_kb_lifecycle);
	unsigned int i;

	for (i = 0; i < g_nr_devices; i++)
		if (!strcmp(m->slots[i].name, name))
			return true;
	return false;
}

/**
 * nullb_max_poll_queues() - the most polled queues a device may have
 *
 * Return: the poll_queues module parameter, at most one per CPU.
 */
u32 nullb_max_poll_queues(void)
{
	return min_t(u32, g_poll_queues, nr_cpu_ids);
}

/*
 * The tag set of the devices with shared_tags, sized by the module's
 * parameters: a lifecycle of its own, started for the first such device
 * and torn down after the last, as the stock driver makes its set on
 * first use (and a module without such devices allocates none).
 */
struct nullb_shared {
	struct kb_blk_tag_set tags;
};

static int nullb_shared_acquire(struct kb_probe *p, struct nullb_shared *sh)
{
	const struct nullb_conf *c =
		&nullb_module_priv(&nullb_module_kb_lifecycle)->conf;

	return nullb_tags_alloc(p, &sh->tags, c);
}

static int nullb_shared_publish(struct kb_publish *p, struct nullb_shared *sh)
{
	return 0;	/* devices publish; the set is only acquired */
}

KB_LIFECYCLE_DEFINE(nullb_shared, struct nullb_shared, nullb_shared_acquire,
		    nullb_shared_publish);

static DEFINE_MUTEX(nullb_shared_lock);	/* the set's users and lifecycle */
static struct kb_lifecycle nullb_shared_lc;
static unsigned int nullb_shared_users;

static void nullb_shared_tags_put(struct kb_step *ref)
{
	guard(mutex)(&nullb_shared_lock);
	if (!--nullb_shared_users)
		kb_lifecycle_teardown(&nullb_shared_lc);
}

/**
 * nullb_shared_tags_get() - use the tag set devices with shared_tags share
 * @p: acquire-phase handle of the device
 * @ref: its step, whose undo stops using the set (freed after the last)
 * @ts: set to the tag set
 * @conf: set to the configuration it was sized by (the module's)
 *
 * Context: process context, while the module is live (a device is being
 * built); may sleep.
 * Return: 0, or the error of the tag set's allocation.
 */
int nullb_shared_tags_get(struct kb_probe *p, struct kb_step *ref,
			  struct kb_blk_tag_set **ts,
			  const struct nullb_conf **conf)
{
	scoped_guard(mutex, &nullb_shared_lock) {
		int ret = 0;

		if (!nullb_shared_users)
			ret = kb_lifecycle_start(&nullb_shared_lc,
						 &nullb_shared_kb_ops, NULL,
						 THIS_MODULE);
		if (ret)
			return ret;
		nullb_shared_users++;
	}
	kb_acquired(p, ref, nullb_shared_tags_put, "shared tag set");
	*ts = &nullb_shared_priv(&nullb_shared_lc)->tags;
	*conf = &nullb_module_priv(&nullb_module_kb_lifecycle)->conf;
	return 0;
}

MODULE_DESCRIPTION("kbind null_blk: the null block device on kbind's bindings");
MODULE_LICENSE("GPL");
