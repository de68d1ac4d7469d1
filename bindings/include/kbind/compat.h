/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kbind compat layer: the kernel API drift between the kernels kbind
 * supports (Debian's 6.1 and 6.12, and 7.2), detected by feature rather
 * than by version number: by the kernel's own macros where the API has
 * one, otherwise by the KB_HAVE_* results of the probes in
 * bindings/kbind.kbuild. Drivers write the newest kernel's API; on older
 * kernels this file supplies it. Bindings include it; drivers do not need
 * to.
 */
#ifndef _KBIND_COMPAT_H
#define _KBIND_COMPAT_H

#include <linux/badblocks.h>
#include <linux/blk-mq.h>
#include <linux/blkdev.h>
#include <linux/hrtimer.h>
#include <linux/mm.h>
#include <linux/pci.h>
#include <linux/phy.h>
#include <linux/platform_device.h>
#include <linux/workqueue.h>

#ifndef KBIND_PROBED
#error "kbind: build with $(KBIND_CFLAGS) from bindings/kbind.kbuild"
#endif

#ifndef PCI_IRQ_INTX
/**
 * PCI_IRQ_INTX - allow the legacy INTx interrupt in pci_alloc_irq_vectors()
 *
 * 6.8 renamed PCI_IRQ_LEGACY to PCI_IRQ_INTX; on kernels with only the old
 * name the new one is provided, so drivers use the current spelling.
 */
#define PCI_IRQ_INTX PCI_IRQ_LEGACY
#endif

#ifndef KB_HAVE_KZALLOC_OBJ
/**
 * kzalloc_obj() - allocate one zeroed object of the type of @obj
 * @obj: a variable (or type) whose type to allocate, ``*ptr`` for instance
 * @gfp: allocation flags
 *
 * Newer kernels have typed allocation helpers that checkpatch prefers to
 * kzalloc(sizeof(...)); on kernels without them, this one is built on
 * kzalloc(). Unlike the kernel's, @gfp is not optional. The result has the
 * object's pointer type, as the kernel's has: assigning it to another
 * pointer type does not compile.
 *
 * Context: as kzalloc() with @gfp.
 * Return: the object, or NULL.
 */
#define kzalloc_obj(obj, gfp)						\
({									\
	typeof(obj) *__kb_obj = kzalloc(sizeof(obj), gfp);		\
									\
	__kb_obj;							\
})
#endif

#ifndef KB_HAVE_HRTIMER_SETUP
/**
 * hrtimer_setup() - initialise a high-resolution timer with its callback
 * @timer: the timer
 * @function: its callback
 * @clock_id: the clock (CLOCK_MONOTONIC, ...)
 * @mode: HRTIMER_MODE_REL, HRTIMER_MODE_ABS, ...
 *
 * Newer kernels replaced hrtimer_init() and the write to the timer's
 * (now private) function member with this call; on kernels without it, it
 * is built from the old ones.
 *
 * Context: any; the timer must not be queued.
 */
static inline void hrtimer_setup(struct hrtimer *timer,
				 enum hrtimer_restart (*function)(struct hrtimer *),
				 clockid_t clock_id, enum hrtimer_mode mode)
{
	hrtimer_init(timer, clock_id, mode);
	timer->function = function;
}
#endif

#ifndef KB_HAVE_VM_FLAGS_CLEAR
/**
 * vm_flags_clear() - clear flags of a mapping being set up
 * @vma: the mapping
 * @flags: the VM_* flags to clear
 *
 * Newer kernels made vm_flags read-only outside these helpers; on kernels
 * without them it is a plain field.
 *
 * Context: with the mapping's mm locked for writing (an mmap operation).
 */
static inline void vm_flags_clear(struct vm_area_struct *vma,
				  vm_flags_t flags)
{
	vma->vm_flags &= ~flags;
}
#endif

#ifndef KB_HAVE_WQ_PERCPU
/**
 * define WQ_PERCPU - ask alloc_workqueue() for a workqueue bound to CPUs
 *
 * Newer kernels want every workqueue to say whether it is per-CPU or
 * unbound (WQ_PERCPU or WQ_UNBOUND; neither is warned about); before,
 * per-CPU was what no flag meant, so the flag is 0 there.
 */
#define WQ_PERCPU	0
#endif

#ifndef KB_HAVE_SYSTEM_PERCPU_WQ
/**
 * define system_percpu_wq - the kernel's default workqueue, bound to CPUs
 *
 * Newer kernels name it system_percpu_wq and deprecate system_wq, the
 * same queue; older ones have only system_wq.
 */
#define system_percpu_wq	system_wq
#endif

/*
 * The NUMA node argument of blk_mq_ops.init_request: an int on newer
 * kernels, an unsigned int before.
 */
#ifdef KB_HAVE_INIT_REQUEST_INT_NODE
#define __kb_rq_numa_node_t	int
#else
#define __kb_rq_numa_node_t	unsigned int
#endif

/*
 * Newer kernels merge a blk-mq queue's requests unless told not to and
 * dropped BLK_MQ_F_SHOULD_MERGE; older ones merge only with it. The block
 * binding sets it where it exists, so requests merge on every kernel.
 */
#ifdef KB_HAVE_BLK_MQ_F_SHOULD_MERGE
#define __KB_BLK_MQ_F_MERGE	BLK_MQ_F_SHOULD_MERGE
#else
#define __KB_BLK_MQ_F_MERGE	0
#endif

/*
 * 6.1's platform_driver.remove returns int, 6.12's returns void: pick the
 * callback whose type matches the member, whatever the kernel.
 */
#define __KB_PLATFORM_REMOVE_RETURNS_INT				\
	__builtin_types_compatible_p(					\
		typeof(((struct platform_driver *)NULL)->remove),	\
		int (*)(struct platform_device *))
#define __KB_PLATFORM_REMOVE(fn_int, fn_void)				\
	__builtin_choose_expr(__KB_PLATFORM_REMOVE_RETURNS_INT,		\
			      (fn_int), (fn_void))

/**
 * struct kb_blk_limits - queue limits of a kbind disk, for every kernel
 * @logical_block_size: in bytes, 512 to PAGE_SIZE, a power of two
 * @physical_block_size: in bytes; 0 for @logical_block_size
 * @max_hw_sectors: largest request, in 512-byte sectors; 0 for the default
 * @max_segments: 0 for the default
 * @virt_boundary_mask: 0, or a mask segments must not cross (PAGE_SIZE - 1)
 * @max_discard_sectors: 0 for no discard support
 * @write_cache: the device has a volatile write cache (flushes reach it)
 * @fua: it honours FUA (only with @write_cache)
 * @rotational: a rotating device
 * @zoned: a host-managed zoned device (the kernel needs
 *	CONFIG_BLK_DEV_ZONED); the zone fields below apply only with it
 * @zone_sectors: zone size in 512-byte sectors, a power of two (the
 *	queue's chunk_sectors: no request crosses a zone)
 * @max_open_zones: open zones the device allows at once; 0 for no limit
 * @max_active_zones: open and closed zones it allows at once; 0 for none
 * @max_zone_append_sectors: largest zone append; 0 to have the block layer
 *	emulate zone append with writes where it can (since 6.10), on older
 *	kernels 0 means zone append fails
 *
 * 6.12 takes a &struct queue_limits when the disk is allocated (with
 * feature bits for the cache, rotation and zones); 6.1 has setters and
 * queue flags applied afterwards. The block binding turns this into
 * either, so drivers never touch them.
 */
struct kb_blk_limits {
	unsigned int logical_block_size;
	unsigned int physical_block_size;
	unsigned int max_hw_sectors;
	unsigned short max_segments;
	unsigned long virt_boundary_mask;
	unsigned int max_discard_sectors;
	bool write_cache;
	bool fua;
	bool rotational;
	bool zoned;
	unsigned int zone_sectors;
	unsigned int max_open_zones;
	unsigned int max_active_zones;
	unsigned int max_zone_append_sectors;
};

/* The limit of the largest zone append: renamed, with a user limit, in 6.13. */
#ifdef KB_HAVE_MAX_HW_ZONE_APPEND
#define __kb_lim_zone_append(lim)	((lim).max_hw_zone_append_sectors)
#else
#define __kb_lim_zone_append(lim)	((lim).max_zone_append_sectors)
#endif

#ifndef BLK_FEAT_WRITE_CACHE
/*
 * 6.1's zoned setup, on a disk not yet added: the zone model and limits,
 * RESET_ALL support, and the scheduler that keeps writes to a zone in
 * order (mq-deadline; "none" cannot be chosen then). A zone append limit
 * of 0 is left 0 (no zone append): 6.1 cannot emulate it, and its setter
 * warns on 0.
 */
static inline void __kb_blk_set_zoned(struct gendisk *disk,
				      const struct kb_blk_limits *kl)
{
	struct request_queue *q = disk->queue;

	disk_set_zoned(disk, BLK_ZONED_HM);
	blk_queue_flag_set(QUEUE_FLAG_ZONE_RESETALL, q);
	blk_queue_required_elevator_features(q, ELEVATOR_F_ZBD_SEQ_WRITE);
	blk_queue_chunk_sectors(q, kl->zone_sectors);
	if (kl->max_zone_append_sectors)
		blk_queue_max_zone_append_sectors(q,
						  kl->max_zone_append_sectors);
	disk_set_max_open_zones(disk, kl->max_open_zones);
	disk_set_max_active_zones(disk, kl->max_active_zones);
}
#endif

/*
 * Allocate a disk and its queue on @set with limits @kl. 6.12 (which has
 * the queue-limits API, detected by its BLK_FEAT_* macros) validates the
 * limits while allocating; 6.1 applies them with its setters afterwards.
 */
static inline struct gendisk *__kb_blk_alloc_disk(struct blk_mq_tag_set *set,
						  const struct kb_blk_limits *kl,
						  void *queuedata)
{
#ifdef BLK_FEAT_WRITE_CACHE
	struct queue_limits lim = {
		.logical_block_size = kl->logical_block_size,
		.physical_block_size = kl->physical_block_size,
		.max_hw_sectors = kl->max_hw_sectors,
		.max_segments = kl->max_segments,
		.virt_boundary_mask = kl->virt_boundary_mask,
		.max_hw_discard_sectors = kl->max_discard_sectors,
	};

	if (kl->write_cache)
		lim.features |= BLK_FEAT_WRITE_CACHE;
	if (kl->write_cache && kl->fua)
		lim.features |= BLK_FEAT_FUA;
	if (kl->rotational)
		lim.features |= BLK_FEAT_ROTATIONAL;
	if (kl->zoned) {
		lim.features |= BLK_FEAT_ZONED;
		lim.chunk_sectors = kl->zone_sectors;
		__kb_lim_zone_append(lim) = kl->max_zone_append_sectors;
		lim.max_open_zones = kl->max_open_zones;
		lim.max_active_zones = kl->max_active_zones;
	}
	return blk_mq_alloc_disk(set, &lim, queuedata);
#else
	struct gendisk *disk = blk_mq_alloc_disk(set, queuedata);
	struct request_queue *q;

	if (IS_ERR(disk))
		return disk;
	q = disk->queue;
	blk_queue_logical_block_size(q, kl->logical_block_size);
	blk_queue_physical_block_size(q, kl->physical_block_size ?:
				      kl->logical_block_size);
	if (kl->max_hw_sectors)
		blk_queue_max_hw_sectors(q, kl->max_hw_sectors);
	if (kl->max_segments)
		blk_queue_max_segments(q, kl->max_segments);
	if (kl->virt_boundary_mask)
		blk_queue_virt_boundary(q, kl->virt_boundary_mask);
	if (kl->max_discard_sectors) {
		q->limits.discard_granularity = kl->logical_block_size;
		blk_queue_max_discard_sectors(q, kl->max_discard_sectors);
	}
	blk_queue_write_cache(q, kl->write_cache, kl->write_cache && kl->fua);
	if (!kl->rotational)
		blk_queue_flag_set(QUEUE_FLAG_NONROT, q);
	if (kl->zoned)
		__kb_blk_set_zoned(disk, kl);
	return disk;
#endif
}

/*
 * A list of requests for blk_mq_ops.queue_rqs: a &struct request chain
 * (rq_list_pop() and friends are macros on it) on 6.1, a &struct rq_list
 * (inline functions) since. Refused requests go back on the list for the
 * block layer to issue one by one; their order does not matter.
 */
#ifdef rq_list_pop
#define __KB_RQ_LIST			struct request *
#define __KB_RQ_LIST_INIT		NULL
#define __kb_rq_list_empty(l)		rq_list_empty(*(l))
#define __kb_rq_list_keep(l, rq)	rq_list_add(l, rq)
#else
#define __KB_RQ_LIST			struct rq_list
#define __KB_RQ_LIST_INIT		((struct rq_list) {})
#define __kb_rq_list_empty(l)		rq_list_empty(l)
#define __kb_rq_list_keep(l, rq)	rq_list_add_tail(l, rq)
#endif

/**
 * struct kb_blk_zone_report - where a report_zones callback reports to
 * @disk: the disk whose zones are reported
 * @args: 7.2's report arguments (disk_report_zone() takes them)
 * @cb: before, the block layer's callback for each zone
 * @data: its data
 *
 * The block layer's report_zones operation took a callback and its data
 * until disk_report_zone() replaced them with an opaque argument; the
 * block binding's trampoline packs either in this, and
 * kb_blk_report_zone() hands each zone on, so the driver's callback has
 * one type on every kernel.
 */
struct kb_blk_zone_report {
	struct gendisk *disk;
#ifdef KB_HAVE_DISK_REPORT_ZONE
	struct blk_report_zones_args *args;
#else
	report_zones_cb cb;
	void *data;
#endif
};

/*
 * The tail of block_device_operations.report_zones's parameters, and the
 * report that packs them, for the trampoline of KB_BLK_MQ().
 */
#ifdef KB_HAVE_DISK_REPORT_ZONE
#define __KB_REPORT_ZONES_TAIL	struct blk_report_zones_args *__kb_args
#define __KB_ZONE_REPORT(d)	{ .disk = (d), .args = __kb_args }

static inline int __kb_report_zone(struct kb_blk_zone_report *rep,
				   struct blk_zone *zone, unsigned int idx)
{
	return disk_report_zone(rep->disk, zone, idx, rep->args);
}
#else
#define __KB_REPORT_ZONES_TAIL	report_zones_cb __kb_cb, void *__kb_data
#define __KB_ZONE_REPORT(d)	{ .disk = (d), .cb = __kb_cb, .data = __kb_data }

static inline int __kb_report_zone(struct kb_blk_zone_report *rep,
				   struct blk_zone *zone, unsigned int idx)
{
	return rep->cb(zone, idx, rep->data);
}
#endif

/*
 * Check a zoned disk's zones against its limits and set up the block
 * layer's zone state (write plugs since 6.10, zone bitmaps before), before
 * add_disk(). 6.1 took a callback for drivers keeping a copy of it.
 */
#ifdef KB_HAVE_REVALIDATE_ZONES_DISK_ONLY
#define __kb_blk_revalidate_zones(disk)	blk_revalidate_disk_zones(disk)
#else
#define __kb_blk_revalidate_zones(disk)	blk_revalidate_disk_zones(disk, NULL)
#endif

/* Whether the block layer emulates zone append with writes (6.10+). */
static inline bool __kb_blk_emulates_zone_append(struct request_queue *q)
{
#ifdef KB_HAVE_ZONE_APPEND_EMULATION
	return queue_emulates_zone_append(q);
#else
	return false;
#endif
}

/*
 * phylib calls a PHY driver's link_change_notify from its state machine
 * with phydev->lock held since 6.7 (commit 8da77df649c4, "net: phy: always
 * call phy_process_state_change() under lock"); 6.1 calls it unlocked.
 * Restarting autonegotiation from the notifier must use the variant
 * matching the lock: phy_start_aneg() takes the lock, the
 * _phy_start_aneg() that the same change exported expects it held. The
 * export is what the probe finds (KB_HAVE_PHY_START_ANEG_LOCKED).
 */
#ifdef KB_HAVE_PHY_START_ANEG_LOCKED
#define __KB_PHY_NOTIFY_LOCKED		1
#define __kb_phy_notify_start_aneg(d)	_phy_start_aneg(d)
#else
#define __KB_PHY_NOTIFY_LOCKED		0
#define __kb_phy_notify_start_aneg(d)	phy_start_aneg(d)
#endif

/**
 * kb_badblocks_check() - does a range hold a bad block?
 * @bb: an initialised, enabled table (shift not -1)
 * @s: first sector
 * @n: number of sectors (at most INT_MAX)
 * @first: set to the first bad sector found
 * @len: set to the length of the bad range found
 *
 * badblocks_check() on every kernel: newer ones count in sector_t, older
 * ones in int.
 *
 * Context: any; the table's seqlock makes it safe against set and clear.
 * Return: 0 if no bad block is in the range, else non-zero (1: all
 * acknowledged, -1: some not).
 */
static inline int kb_badblocks_check(struct badblocks *bb, sector_t s,
				     unsigned int n, sector_t *first,
				     sector_t *len)
{
#ifdef KB_HAVE_BADBLOCKS_BOOL
	return badblocks_check(bb, s, n, first, len);
#else
	int ilen = 0, ret = badblocks_check(bb, s, n, first, &ilen);

	*len = ilen;
	return ret;
#endif
}

/**
 * kb_badblocks_set() - mark a range bad (acknowledged)
 * @bb: an initialised table
 * @s: first sector
 * @n: number of sectors, 1 to INT_MAX
 *
 * Newer kernels return true on success, older ones 0: this is true on
 * success on every kernel.
 *
 * Context: process or softirq context (the table's lock is irq-safe).
 * Return: true if the range was recorded, false if the table is full or
 * @n is out of range.
 */
static inline bool kb_badblocks_set(struct badblocks *bb, sector_t s,
				    sector_t n)
{
	if (!n || n > INT_MAX)
		return false;
#ifdef KB_HAVE_BADBLOCKS_BOOL
	return badblocks_set(bb, s, n, 1);
#else
	return !badblocks_set(bb, s, n, 1);
#endif
}

/**
 * kb_badblocks_clear() - mark a range good again
 * @bb: an initialised table
 * @s: first sector
 * @n: number of sectors, 1 to INT_MAX
 *
 * Context: as kb_badblocks_set().
 * Return: true on success, on every kernel; false if the table could not
 * split a range or @n is out of range.
 */
static inline bool kb_badblocks_clear(struct badblocks *bb, sector_t s,
				      sector_t n)
{
	if (!n || n > INT_MAX)
		return false;
#ifdef KB_HAVE_BADBLOCKS_BOOL
	return badblocks_clear(bb, s, n);
#else
	return !badblocks_clear(bb, s, n);
#endif
}

#endif /* _KBIND_COMPAT_H */
