// SPDX-License-Identifier: GPL-2.0
/*
 * kbind null_blk: the block layer's null device on kbind's bindings.
 *
 * A replacement for the stock null_blk in multiqueue mode, under its own
 * names (module kbind_null_blk, disks /dev/kbnullb<N>) so both load side by
 * side. Module parameters keep the stock driver's names, meanings and
 * defaults. Each device is a lifecycle: queues, tag set and disk are
 * acquired, add_disk() publishes, and teardown deletes the disk (draining
 * its I/O) before anything else goes.
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
MODULE_PARM_DESC(queue_mode, "Block interface to use (0=bio,1=rq,2=multiqueue); only 2 is available");
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
	if (g_queue_mode == 1) {
		pr_err("legacy IO path is no longer available\n");
		return -EINVAL;
	}
	if (g_queue_mode == 0)
		pr_info("BIO-based IO path is not available, using blk-mq instead\n");
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
	if (g_submit_queues <= 0)
		g_submit_queues = 1;
	if (g_gb < 0 || g_poll_queues < 0 || g_hw_queue_depth < 1 ||
	    g_max_sectors < 0 || g_mbps < 0) {
		pr_err("gb, poll_queues, max_sectors and mbps must not be negative, hw_queue_depth must be positive\n");
		return -EINVAL;
	}
	*c = (struct nullb_conf) {
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
 * the configfs subsystem, where more are made. With shared_tags, every
 * device's disk is on the module's tag set, freed after them all.
 */
struct nullb_module {
	struct kb_array slots_mem;
	struct nullb_slot *slots;
	struct nullb_conf conf;
	struct kb_blk_tag_set shared_tags;
};

static int nullb_module_acquire(struct kb_probe *p, struct nullb_module *m)
{
	int ret = nullb_conf_from_params(&m->conf);

	if (ret)
		return ret;
	if (g_shared_tags) {
		ret = nullb_tags_alloc(p, &m->shared_tags, &m->conf);
		if (ret)
			return ret;
	}
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
 * nullb_shared_tags() - the tag set every device shares, with shared_tags
 * @conf: set to the configuration it was sized by (the module's)
 *
 * Context: while a device is being built (the module is live).
 * Return: the module's tag set, or NULL without shared_tags (@conf unset).
 */
struct kb_blk_tag_set *nullb_shared_tags(const struct nullb_conf **conf)
{
	struct nullb_module *m = nullb_module_priv(&nullb_module_kb_lifecycle);

	if (!g_shared_tags)
		return NULL;
	*conf = &m->conf;
	return &m->shared_tags;
}

MODULE_DESCRIPTION("kbind null_blk: the null block device on kbind's bindings");
MODULE_LICENSE("GPL");
