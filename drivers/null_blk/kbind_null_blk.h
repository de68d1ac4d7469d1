/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kbind null_blk: what the module, its devices and their backing store
 * share.
 */
#ifndef _KBIND_NULL_BLK_H
#define _KBIND_NULL_BLK_H

#include <linux/spinlock.h>
#include <linux/xarray.h>

#include <kbind/lifecycle.h>

#undef pr_fmt
#define pr_fmt(fmt) "kbind_null_blk: " fmt

enum {
	NULLB_IRQ_NONE,
	NULLB_IRQ_SOFTIRQ,
	NULLB_IRQ_TIMER,
};

/* How a device is built: the stock driver's parameters, per device. */
struct nullb_conf {
	u64 size_mb;			/* capacity in MiB */
	unsigned int bs;		/* logical = physical block size */
	unsigned int max_sectors;	/* 0: the block layer's default */
	unsigned int submit_queues;
	unsigned int poll_queues;
	unsigned int hw_queue_depth;
	int home_node;
	unsigned int irqmode;		/* NULLB_IRQ_* */
	unsigned long completion_nsec;	/* NULLB_IRQ_TIMER's delay */
	bool memory_backed;
	bool discard;			/* only with memory_backed */
	bool blocking;			/* forced by memory_backed */
	bool no_sched;
	bool virt_boundary;
};

/*
 * A memory-backed device's data: one zeroed page per PAGE_SIZE of sectors,
 * allocated at first write. It belongs to the slot, not to the powered
 * device, so it survives a power cycle.
 */
struct nullb_store {
	spinlock_t lock;		/* page lookups against discards */
	struct xarray pages;
};

/*
 * A device: its configuration and data, and the lifecycle of its disk
 * while it is powered on.
 */
struct nullb_slot {
	struct kb_lifecycle lc;
	struct kb_step powered;
	struct nullb_conf conf;
	struct nullb_store store;
	unsigned int index;
};

int nullb_conf_validate(struct nullb_conf *c);
int nullb_slot_power_on(struct kb_publish *p, struct nullb_slot *slot,
			const struct nullb_conf *conf, unsigned int index);

void nullb_store_init(struct nullb_store *st);
void nullb_store_destroy(struct nullb_store *st);
int nullb_store_write(struct nullb_store *st, sector_t sector,
		      const void *buf, unsigned int len);
void nullb_store_read(struct nullb_store *st, sector_t sector, void *buf,
		      unsigned int len);
void nullb_store_discard(struct nullb_store *st, sector_t sector,
			 unsigned int len);

#endif /* _KBIND_NULL_BLK_H */
