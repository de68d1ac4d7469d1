/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kbind null_blk: what the module, its devices and their backing store
 * share.
 */
#ifndef _KBIND_NULL_BLK_H
#define _KBIND_NULL_BLK_H

#include <linux/badblocks.h>
#include <linux/blkdev.h>
#include <linux/fault-inject.h>
#include <linux/spinlock.h>
#include <linux/xarray.h>

#include <kbind/blk.h>
#include <kbind/lifecycle.h>

#undef pr_fmt
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

/*
 * The names of the configfs subsystem and of the disks (NULLB_NAME<N>):
 * kbind's own, so that the stock null_blk loads beside this one; the
 * drop-in build (dropin/, module null_blk) takes the stock driver's, so
 * that tools written for it (blktests) work unchanged.
 */
#ifdef NULLB_DROPIN
#define NULLB_NAME "nullb"
#else
#define NULLB_NAME "kbnullb"
#endif

enum {
	NULLB_IRQ_NONE,
	NULLB_IRQ_SOFTIRQ,
	NULLB_IRQ_TIMER,
};

/*
 * How a device is built: the stock driver's parameters, per device. The
 * fields are named after the configfs attributes that set them.
 */
struct nullb_conf {
	u32 queue_mode;			/* 2: blk-mq; 0 becomes 2, 1 fails */
	u32 index;			/* set when powered on: its number */
	u64 size;			/* capacity in MiB */
	u32 blocksize;			/* logical = physical block size */
	u32 max_sectors;		/* 0: the block layer's default */
	u32 submit_queues;
	u32 poll_queues;
	u32 hw_queue_depth;
	int home_node;
	u32 irqmode;			/* NULLB_IRQ_* */
	u64 completion_nsec;		/* NULLB_IRQ_TIMER's delay */
	bool memory_backed;
	bool discard;			/* only with memory_backed */
	bool blocking;			/* forced by memory_backed */
	bool no_sched;
	bool virt_boundary;
	bool shared_tags;		/* on the module's tag set */
	bool shared_tag_bitmap;		/* one tag space for all queues */
	bool use_per_node_hctx;		/* a submission queue per node */
	bool fua;			/* honours FUA (with a cache) */
	bool rotational;
	bool badblocks_once;		/* a bad block fails once, then heals */
	bool badblocks_partial_io;	/* transfer up to the first bad block */
	u32 mbps;			/* bandwidth cap in MiB/s, 0: none */
	u64 cache_size;			/* volatile write cache in MiB, 0: none */
	bool zoned;			/* host-managed zoned */
	u64 zone_size;			/* in MiB, a power of two */
	u64 zone_capacity;		/* in MiB, 0: zone_size */
	u32 zone_nr_conv;		/* conventional zones, first */
	u32 zone_max_open;		/* 0: no limit */
	u32 zone_max_active;		/* 0: no limit */
	u32 zone_append_max_sectors;	/* 0: emulated by the block layer */
	bool zone_full;			/* sequential zones start full */
};

/*
 * A memory-backed device's data: one zeroed page per PAGE_SIZE of sectors,
 * allocated at first write. It belongs to the slot, not to the powered
 * device, so it survives a power cycle.
 *
 * With a write cache (cache_size), writes without FUA land in @cache
 * instead: pages whose page->private holds the bitmap of the sectors they
 * carry. A flush (or a full cache) writes them back into @pages; powering
 * off loses them, as a volatile cache would. Every cache page has a page
 * in @pages at its index, so writing back never allocates.
 */
struct nullb_store {
	spinlock_t lock;		/* both xarrays' pages and their data */
	struct xarray pages;
	struct xarray cache;
	unsigned long cache_pages;	/* in @cache */
	unsigned long cache_limit;	/* in pages; 0: no cache */
};

/*
 * A zone of a zoned device. Its lock covers its fields and, memory-backed,
 * its data: a write checks the write pointer, copies and moves it under
 * the lock, so writes land in order and reads see whole writes. A
 * spinlock, not a mutex: polled queues handle requests where they may not
 * sleep. So the store's pages for a write are allocated (with the
 * request's gfp) before the lock is taken.
 */
struct nullb_zone {
	spinlock_t lock;		/* see above */
	sector_t start;
	sector_t len;
	sector_t capacity;		/* writable sectors, from start */
	sector_t wp;			/* NULLB_ZONE_INVALID_WP if none */
	u8 type;			/* enum blk_zone_type */
	u8 cond;			/* enum blk_zone_cond */
};

#define NULLB_ZONE_INVALID_WP	((sector_t)-1)

/*
 * A powered zoned device's zones, set up in its acquisition (the zone
 * state does not outlive a power cycle, the data does). With open or
 * active limits, the counts of zones in each counted condition are kept
 * under res_lock, which every change into or out of those conditions
 * takes (inside the zone's lock).
 */
struct nullb_zoned {
	struct kb_array zones_mem;
	struct nullb_zone *zones;
	struct nullb_store *store;	/* NULL unless memory-backed */
	unsigned int nr_zones;
	unsigned int zone_shift;	/* log2 of the zone size in sectors */
	unsigned int nr_conv;
	unsigned int max_open;		/* 0: no limit */
	unsigned int max_active;	/* 0: no limit */
	bool append;			/* zone appends reach the driver */
	bool res_mgmt;			/* a limit is set */
	spinlock_t res_lock;		/* the counts below */
	unsigned int nr_imp_open;
	unsigned int nr_exp_open;
	unsigned int nr_closed;
	unsigned int imp_close_zone_no;	/* where to look for one to close */
};

struct kb_configfs_item;

/*
 * A device's fault injection (fault.c), with the stock driver's option
 * CONFIG_BLK_DEV_NULL_BLK_FAULT_INJECTION; without it nothing fails.
 */
struct nullb_faults {
#ifdef CONFIG_BLK_DEV_NULL_BLK_FAULT_INJECTION
	struct fault_config timeout;	/* requests that never complete */
	struct fault_config requeue;	/* requests handed back to blk-mq */
	struct fault_config init_hctx;	/* hardware queues that fail to start */
#endif
};

#ifdef CONFIG_BLK_DEV_NULL_BLK_FAULT_INJECTION
int nullb_faults_setup(void);
void nullb_faults_init(struct nullb_faults *f, struct kb_configfs_item *ci);

static inline bool nullb_fault_timeout(struct nullb_faults *f)
{
	return should_fail(&f->timeout.attr, 1);
}

static inline bool nullb_fault_requeue(struct nullb_faults *f)
{
	return should_fail(&f->requeue.attr, 1);
}

static inline bool nullb_fault_init_hctx(struct nullb_faults *f)
{
	return should_fail(&f->init_hctx.attr, 1);
}
#else
static inline int nullb_faults_setup(void)
{
	return 0;
}

static inline void nullb_faults_init(struct nullb_faults *f,
				     struct kb_configfs_item *ci)
{
}

static inline bool nullb_fault_timeout(struct nullb_faults *f)
{
	return false;
}

static inline bool nullb_fault_requeue(struct nullb_faults *f)
{
	return false;
}

static inline bool nullb_fault_init_hctx(struct nullb_faults *f)
{
	return false;
}
#endif

/*
 * A device: its configuration and data, and the lifecycle of its disk
 * while it is powered on.
 */
struct nullb_slot {
	struct kb_lifecycle lc;
	struct kb_step powered;		/* module devices: their teardown */
	struct nullb_conf conf;
	struct nullb_store store;
	struct badblocks *badblocks;	/* configfs devices' (else NULL) */
	struct nullb_faults faults;
	char name[DISK_NAME_LEN];	/* the disk's */
};

int nullb_conf_validate(struct nullb_conf *c);
int nullb_slot_set_queues(struct nullb_slot *slot, u32 submit_queues,
			  u32 poll_queues);
int nullb_slot_zone_cond(struct nullb_slot *slot, const char *page,
			 enum blk_zone_cond cond, bool live);
int nullb_slot_power_on(struct kb_publish *p, struct nullb_slot *slot,
			const struct nullb_conf *conf, unsigned int index);
int nullb_tags_alloc(struct kb_probe *p, struct kb_blk_tag_set *ts,
		     const struct nullb_conf *c);
bool nullb_blkdev_exists(const char *name);

void nullb_conf_defaults(struct nullb_conf *c);
bool nullb_module_name_taken(const char *name);
u32 nullb_max_poll_queues(void);
int nullb_shared_tags_get(struct kb_probe *p, struct kb_step *ref,
			  struct kb_blk_tag_set **ts,
			  const struct nullb_conf **conf);
int nullb_configfs_publish(struct kb_publish *p);
extern const struct kb_lifecycle_ops *const nullb_slot_ops;

void nullb_store_init(struct nullb_store *st);
void nullb_store_destroy(struct nullb_store *st);
void nullb_store_cache_drop(struct nullb_store *st);
int nullb_store_write(struct nullb_store *st, sector_t sector,
		      const void *buf, unsigned int len, bool fua, gfp_t gfp);
void nullb_store_flush(struct nullb_store *st);
void nullb_store_read(struct nullb_store *st, sector_t sector, void *buf,
		      unsigned int len);
void nullb_store_discard(struct nullb_store *st, sector_t sector,
			 unsigned int len);
int nullb_store_reserve(struct nullb_store *st, sector_t sector,
			unsigned int len, bool fua, gfp_t gfp);
blk_status_t nullb_store_rq(struct nullb_store *st, struct request *rq,
			    unsigned int nr, sector_t valid_end, gfp_t gfp);

int nullb_zoned_validate(struct nullb_conf *c);
int nullb_zoned_acquire(struct kb_probe *p, struct nullb_zoned *z,
			const struct nullb_conf *c, struct nullb_store *st,
			struct kb_blk_limits *lim);
int nullb_zoned_report(struct nullb_zoned *z, sector_t sector,
		       unsigned int nr_zones, struct kb_blk_zone_report *rep);
blk_status_t nullb_zoned_rq(struct nullb_zoned *z, struct request *rq,
			    gfp_t gfp);
int nullb_zoned_set_cond(struct nullb_zoned *z, const char *page,
			 enum blk_zone_cond cond);

#endif /* _KBIND_NULL_BLK_H */
