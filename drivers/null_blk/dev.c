// SPDX-License-Identifier: GPL-2.0
/*
 * kbind null_blk: one device. Powering it on starts its lifecycle: queues,
 * tag set and disk are acquired, add_disk() publishes; powering it off
 * deletes the disk (draining its I/O), then releases the rest in reverse.
 */
#include <linux/blk-mq.h>
#include <linux/blkdev.h>
#include <linux/hrtimer.h>
#include <linux/idr.h>
#include <linux/list.h>

#include <kbind/blk.h>

#include "kbind_null_blk.h"

struct nullb_queue {
	unsigned int requeues;		/* injected: alternates the two ways */
	spinlock_t poll_lock;		/* protects poll_list */
	struct list_head poll_list;	/* started, waiting for .poll */
};

struct nullb_cmd {
	struct hrtimer timer;		/* NULLB_IRQ_TIMER's completion */
	blk_status_t error;
	bool fake_timeout;		/* injected: left to the timeout */
};

/* mbps: a budget of bytes refilled every tick, its debt paid first. */
#define NULLB_TICK_NS	(NSEC_PER_SEC / 50)

struct nullb_throttle {
	struct kb_step step;		/* undoing it stops the timer */
	struct hrtimer timer;		/* the tick, while I/O comes in */
	atomic_long_t budget;		/* bytes left in this tick */
	long per_tick;
};

struct nullb {
	struct kb_array queues_mem;
	struct nullb_queue *queues;	/* one per CPU, then the polled ones */
	struct kb_step index;		/* undoing it frees the number */
	struct kb_step cache;		/* undoing it loses the write cache */
	struct kb_step shared;		/* undoing it stops using shared tags */
	struct kb_blk_tag_set own_tags;
	struct kb_blk_tag_set *tags;	/* own_tags, or the shared set */
	struct badblocks *badblocks;	/* the slot's, or NULL */
	struct nullb_faults *faults;	/* the slot's */
	struct kb_blk_disk disk;
	struct nullb_throttle throttle;
	struct nullb_conf conf;
	struct nullb_store *store;	/* the slot's, if memory-backed */
	gfp_t gfp;			/* for store pages in queue_rq */
	struct nullb_zoned zoned;	/* zoned: the zones */
};

/* The numbers of powered devices (their index attribute), as stock's. */
static DEFINE_IDA(nullb_indexes);

/**
 * nullb_conf_validate() - check and adjust a configuration before use
 * @c: a module's or a configfs device's, adjusted as the stock driver
 *	adjusts its own (with its messages)
 *
 * Return: 0, or -EINVAL for what stock refuses too.
 */
int nullb_conf_validate(struct nullb_conf *c)
{
	if (c->queue_mode == 1) {
		pr_err("legacy IO path is no longer available\n");
		return -EINVAL;
	}
	if (c->queue_mode == 0) {
		pr_err("BIO-based IO path is no longer available, using blk-mq instead.\n");
		c->queue_mode = 2;
	}
	if (c->blocksize < SECTOR_SIZE || c->blocksize > PAGE_SIZE ||
	    !is_power_of_2(c->blocksize)) {
		pr_err("invalid block size %u: a power of two from 512 to %lu\n",
		       c->blocksize, PAGE_SIZE);
		return -EINVAL;
	}
	if (c->home_node != NUMA_NO_NODE &&
	    (c->home_node < 0 || c->home_node >= nr_online_nodes)) {
		pr_err("invalid home_node %d: %d or a node below %u\n",
		       c->home_node, NUMA_NO_NODE, nr_online_nodes);
		return -EINVAL;
	}
	if (c->use_per_node_hctx)
		c->submit_queues = nr_online_nodes;
	else if (c->submit_queues > nr_cpu_ids)
		c->submit_queues = nr_cpu_ids;
	else if (!c->submit_queues)
		c->submit_queues = 1;
	c->poll_queues = min(c->poll_queues, nullb_max_poll_queues());
	if (c->irqmode > NULLB_IRQ_TIMER)
		c->irqmode = NULLB_IRQ_TIMER;
	if (c->max_sectors && c->max_sectors < PAGE_SIZE >> SECTOR_SHIFT) {
		pr_info("max_sectors raised to the minimum, %lu\n",
			PAGE_SIZE >> SECTOR_SHIFT);
		c->max_sectors = PAGE_SIZE >> SECTOR_SHIFT;
	}
	if (c->memory_backed)
		c->blocking = true;
	else			/* a cache of nothing */
		c->cache_size = 0;
	if (c->discard && !c->memory_backed) {
		pr_info("discard option is ignored without memory backing\n");
		c->discard = false;
	} else if (c->discard && c->zoned) {
		pr_info("discard option is ignored in zoned mode\n");
		c->discard = false;
	}
	c->cache_size = min_t(u64, c->cache_size, ULONG_MAX >> 20);
	c->mbps = min_t(u32, c->mbps, 40 * 1024);
	return c->zoned ? nullb_zoned_validate(c) : 0;
}

/*
 * badblocks: a request touching a bad sector fails; with
 * badblocks_partial_io the sectors before the first bad block are
 * transferred (@nr is set to their number, else to 0); with
 * badblocks_once the bad range heals as it fails.
 */
static blk_status_t nullb_badblocks(struct nullb *nullb, struct request *rq,
				    unsigned int *nr)
{
	sector_t sector = blk_rq_pos(rq), first, len;
	unsigned int block = nullb->conf.blocksize >> SECTOR_SHIFT;

	if (!kb_badblocks_check(nullb->badblocks, sector, *nr, &first, &len))
		return BLK_STS_OK;
	if (nullb->conf.badblocks_once)
		kb_badblocks_clear(nullb->badblocks, first, len);
	first = round_down(first, block);
	*nr = nullb->conf.badblocks_partial_io && first > sector ?
	      first - sector : 0;
	return BLK_STS_IOERR;
}

/*
 * Carry out @rq; @gfp for the store pages a write needs (GFP_NOIO from
 * queue_rq, which may sleep on memory-backed devices; GFP_ATOMIC from
 * .poll, which runs under rcu_read_lock).
 */
static blk_status_t nullb_handle(struct nullb *nullb, struct request *rq,
				 gfp_t gfp)
{
	unsigned int nr = blk_rq_sectors(rq);
	blk_status_t bad = BLK_STS_OK, ret;

	if (req_op(rq) == REQ_OP_FLUSH) {
		if (nullb->conf.memory_backed)
			nullb_store_flush(nullb->store);
		return BLK_STS_OK;
	}
	/* badblocks are off until the first range is written (shift -1) */
	if (nullb->badblocks && READ_ONCE(nullb->badblocks->shift) >= 0) {
		bad = nullb_badblocks(nullb, rq, &nr);
		/* zoned: the whole request fails, its zone unchanged */
		if (bad != BLK_STS_OK && (nullb->conf.zoned || !nr))
			return bad;
	}
	if (nullb->conf.zoned)
		return nullb_zoned_rq(&nullb->zoned, rq, gfp);
	if (!nullb->conf.memory_backed)
		return bad;
	ret = nullb_store_rq(nullb->store, rq, nr, NULLB_ZONE_INVALID_WP, gfp);
	return ret != BLK_STS_OK ? ret : bad;
}

/*
 * A new tick's budget: the debt of requests let through over budget is
 * paid first. An idle tick (budget untouched) stops the timer; queue_rq
 * starts it again.
 */
static enum hrtimer_restart nullb_throttle_tick(struct hrtimer *timer)
{
	struct nullb *nullb = container_of(timer, struct nullb,
					   throttle.timer);
	struct nullb_throttle *t = &nullb->throttle;
	long old = atomic_long_read(&t->budget);

	do {
		if (old == t->per_tick)
			return HRTIMER_NORESTART;
	} while (!atomic_long_try_cmpxchg(&t->budget, &old,
					  min(old + t->per_tick, t->per_tick)));
	kb_blk_queues_restart(&nullb->disk);
	hrtimer_forward_now(timer, ns_to_ktime(NULLB_TICK_NS));
	return HRTIMER_RESTART;
}

/*
 * mbps: charge @rq to the tick's budget. While some is left it goes
 * through (even past it, as debt); once spent, the queues stop until the
 * next tick and @rq comes back then.
 */
static bool nullb_throttled(struct nullb *nullb, struct request *rq)
{
	struct nullb_throttle *t = &nullb->throttle;
	long old = atomic_long_read(&t->budget);

	if (!hrtimer_active(&t->timer))
		hrtimer_start(&t->timer, ns_to_ktime(NULLB_TICK_NS),
			      HRTIMER_MODE_REL);
	do {
		if (old <= 0)
			goto spent;
	} while (!atomic_long_try_cmpxchg(&t->budget, &old,
					  old - blk_rq_bytes(rq)));
	return false;
spent:
	kb_blk_queues_stop(&nullb->disk);
	if (atomic_long_read(&t->budget) > 0)	/* the tick came meanwhile */
		kb_blk_queues_restart(&nullb->disk);
	return true;
}

static void nullb_throttle_stop(struct kb_step *step)
{
	hrtimer_cancel(&container_of(step, struct nullb_throttle,
				     step)->timer);
}

/* After the disk: the tick restarts its queues until del_gendisk is done. */
static void nullb_throttle_start(struct kb_probe *p, struct nullb *nullb)
{
	struct nullb_throttle *t = &nullb->throttle;

	t->per_tick = div_u64((u64)nullb->conf.mbps << 20,
			      NSEC_PER_SEC / NULLB_TICK_NS);
	atomic_long_set(&t->budget, t->per_tick);
	/*
	 * SAFETY: not a KB_HRTIMER on purpose: it must keep restarting the
	 * queues through del_gendisk (a revoked kb_hrtimer stops at once),
	 * so it is an acquisition, stopped by its own undo after the disk.
	 */
	hrtimer_setup(&t->timer, nullb_throttle_tick, CLOCK_MONOTONIC,
		      HRTIMER_MODE_REL);
	kb_acquired(p, &t->step, nullb_throttle_stop, "mbps timer");
}

static enum hrtimer_restart nullb_timer_expired(struct hrtimer *timer)
{
	struct nullb_cmd *cmd = container_of(timer, struct nullb_cmd, timer);

	blk_mq_end_request(blk_mq_rq_from_pdu(cmd), cmd->error);
	return HRTIMER_NORESTART;
}

static void nullb_init_cmd(struct nullb_cmd *cmd)
{
	/*
	 * SAFETY: one timer per request, armed only while the request is in
	 * flight; the disk's removal waits for every request to complete.
	 */
	hrtimer_setup(&cmd->timer, nullb_timer_expired, CLOCK_MONOTONIC,
		      HRTIMER_MODE_REL);
}

static struct nullb_queue *nullb_init_hctx(struct nullb *nullb,
					   unsigned int index)
{
	if (nullb_fault_init_hctx(nullb->faults))
		return ERR_PTR(-EFAULT);
	return &nullb->queues[index];
}

static blk_status_t nullb_queue_rq(struct nullb *nullb, struct nullb_queue *nq,
				   struct request *rq, struct nullb_cmd *cmd,
				   bool last)
{
	bool polled = kb_blk_rq_polled(rq);

	cmd->fake_timeout = nullb_fault_timeout(nullb->faults);
	if (nullb_fault_requeue(nullb->faults)) {
		/* both ways back: blk-mq's busy path, the requeue list */
		if (++nq->requeues & 1)
			return BLK_STS_RESOURCE;
		kb_blk_requeue(rq);
		return BLK_STS_OK;
	}
	if (nullb->conf.mbps && !polled && nullb_throttled(nullb, rq))
		return BLK_STS_DEV_RESOURCE;
	blk_mq_start_request(rq);
	if (polled) {
		spin_lock(&nq->poll_lock);
		list_add_tail(&rq->queuelist, &nq->poll_list);
		spin_unlock(&nq->poll_lock);
		return BLK_STS_OK;
	}
	if (cmd->fake_timeout)
		return BLK_STS_OK;
	cmd->error = nullb_handle(nullb, rq, nullb->gfp);
	switch (nullb->conf.irqmode) {
	case NULLB_IRQ_NONE:
		blk_mq_end_request(rq, cmd->error);
		break;
	case NULLB_IRQ_SOFTIRQ:
		blk_mq_complete_request(rq);
		break;
	case NULLB_IRQ_TIMER:
		hrtimer_start(&cmd->timer, ns_to_ktime(nullb->conf.completion_nsec),
			      HRTIMER_MODE_REL);
		break;
	}
	return BLK_STS_OK;
}

static void nullb_complete(struct request *rq, struct nullb_cmd *cmd)
{
	blk_mq_end_request(rq, cmd->error);
}

static int nullb_poll(struct nullb *nullb, struct nullb_queue *nq,
		      struct io_comp_batch *iob)
{
	struct request *rq, *next;
	LIST_HEAD(list);
	int nr = 0;

	spin_lock(&nq->poll_lock);
	list_splice_init(&nq->poll_list, &list);
	list_for_each_entry(rq, &list, queuelist)
		blk_mq_set_request_complete(rq);
	spin_unlock(&nq->poll_lock);

	list_for_each_entry_safe(rq, next, &list, queuelist) {
		blk_status_t err = nullb_handle(nullb, rq,
						GFP_ATOMIC | __GFP_NOWARN);

		list_del_init(&rq->queuelist);
		if (!blk_mq_add_to_batch(rq, iob, err != BLK_STS_OK,
					 blk_mq_end_request_batch))
			blk_mq_end_request(rq, err);
		nr++;
	}
	return nr;
}

/*
 * Requests complete on their own, except polled ones nobody polls (taken
 * off their list) and those an injected timeout left: both are failed
 * here. Either way the request is done.
 */
static enum blk_eh_timer_return nullb_timeout(struct nullb *nullb,
					      struct request *rq,
					      struct nullb_cmd *cmd)
{
	struct nullb_queue *nq = rq->mq_hctx->driver_data;

	pr_info("rq %p timed out\n", rq);
	cmd->error = BLK_STS_TIMEOUT;
	if (kb_blk_rq_polled(rq)) {
		spin_lock(&nq->poll_lock);
		if (blk_mq_request_completed(rq)) {
			spin_unlock(&nq->poll_lock);
			return BLK_EH_DONE;
		}
		list_del_init(&rq->queuelist);
		spin_unlock(&nq->poll_lock);
		blk_mq_complete_request(rq);
	} else if (cmd->fake_timeout) {
		blk_mq_complete_request(rq);
	}
	return BLK_EH_DONE;
}

static int nullb_report_zones(struct nullb *nullb, sector_t sector,
			      unsigned int nr_zones,
			      struct kb_blk_zone_report *rep)
{
	return nullb_zoned_report(&nullb->zoned, sector, nr_zones, rep);
}

KB_BLK_MQ(nullb_mq, struct nullb, struct nullb_queue, struct nullb_cmd,
	  .init_hctx = nullb_init_hctx,
	  .init_cmd = nullb_init_cmd,
	  .queue_rq = nullb_queue_rq,
	  .complete = nullb_complete,
	  .timeout = nullb_timeout,
	  .poll = nullb_poll,
	  .report_zones = nullb_report_zones);

static void nullb_cache_lose(struct kb_step *step)
{
	nullb_store_cache_drop(container_of(step, struct nullb, cache)->store);
}

/**
 * nullb_tags_alloc() - a tag set sized by a configuration
 * @p: acquire-phase handle: a device's, or for shared_tags the shared
 *	set's (a lifecycle that encloses every device's on it)
 * @ts: the tag set
 * @c: the validated configuration; devices on a shared set take its
 *	queues from the module's
 *
 * Return: 0, or the error of the tag set's allocation.
 */
int nullb_tags_alloc(struct kb_probe *p, struct kb_blk_tag_set *ts,
		     const struct nullb_conf *c)
{
	struct kb_blk_tag_cfg cfg = {
		.nr_hw_queues = c->submit_queues,
		.nr_poll_queues = c->poll_queues,
		.queue_depth = c->hw_queue_depth,
		.numa_node = c->home_node,
		/* no_sched as the stock driver has it since BLK_MQ_F_NO_SCHED
		 * went: "none" at first, another scheduler can be chosen.
		 */
		.flags = (c->blocking ? BLK_MQ_F_BLOCKING : 0) |
			 (c->no_sched ? BLK_MQ_F_NO_SCHED_BY_DEFAULT : 0) |
			 (c->shared_tag_bitmap ? BLK_MQ_F_TAG_HCTX_SHARED : 0),
		.timeout = 5 * HZ,
	};

	return nullb_mq_tag_set_alloc(p, ts, &cfg);
}

static void nullb_index_free(struct kb_step *step)
{
	ida_free(&nullb_indexes, container_of(step, struct nullb,
					      index)->conf.index);
}

static int nullb_acquire(struct kb_probe *p, struct nullb *nullb)
{
	struct nullb_slot *slot = kb_owner(p, struct nullb_slot, lc);
	struct nullb_conf *c = &nullb->conf;
	unsigned int i, nr = nr_cpu_ids + nullb_max_poll_queues();
	const struct nullb_conf *shared;
	struct kb_blk_limits lim;
	int ret;

	*c = slot->conf;
	nullb->store = &slot->store;
	nullb->badblocks = slot->badblocks;
	nullb->faults = &slot->faults;
	ret = ida_alloc(&nullb_indexes, GFP_KERNEL);
	if (ret < 0)
		return ret;
	c->index = ret;
	slot->conf.index = ret;		/* shown by the index attribute */
	kb_acquired(p, &nullb->index, nullb_index_free, "index");
	if (c->shared_tags) {	/* the queues are the shared tag set's */
		ret = nullb_shared_tags_get(p, &nullb->shared, &nullb->tags,
					    &shared);
		if (ret)
			return ret;
		c->submit_queues = shared->submit_queues;
		c->poll_queues = shared->poll_queues;
		c->blocking = shared->blocking;
	}
	/* memory-backed on a shared non-blocking set: no sleeping there */
	nullb->gfp = c->blocking ? GFP_NOIO : GFP_ATOMIC | __GFP_NOWARN;
	/* for every count submit_queues and poll_queues may be set to */
	ret = kb_array_alloc(p, &nullb->queues_mem, nullb->queues, nr,
			     c->home_node);
	if (ret)
		return ret;
	for (i = 0; i < nr; i++) {
		spin_lock_init(&nullb->queues[i].poll_lock);
		INIT_LIST_HEAD(&nullb->queues[i].poll_list);
	}
	nullb->store->cache_limit = c->memory_backed ?
		c->cache_size << (20 - PAGE_SHIFT) : 0;
	kb_acquired(p, &nullb->cache, nullb_cache_lose, "write cache");
	lim = (struct kb_blk_limits) {
		.logical_block_size = c->blocksize,
		.physical_block_size = c->blocksize,
		.max_hw_sectors = c->max_sectors,
		.virt_boundary_mask = c->virt_boundary ? PAGE_SIZE - 1 : 0,
		.max_discard_sectors = c->discard ? UINT_MAX >> SECTOR_SHIFT : 0,
		.write_cache = c->cache_size,
		.fua = c->fua,
		.rotational = c->rotational,
	};
	if (c->zoned) {
		ret = nullb_zoned_acquire(p, &nullb->zoned, c,
					  c->memory_backed ? nullb->store : NULL,
					  &lim);
		if (ret)
			return ret;
	}
	if (!nullb->tags) {
		nullb->tags = &nullb->own_tags;
		ret = nullb_tags_alloc(p, nullb->tags, c);
		if (ret)
			return ret;
	}
	ret = nullb_mq_disk_alloc(p, &nullb->disk, nullb->tags, &lim, nullb);
	if (ret)
		return ret;
	kb_blk_disk_set_capacity(p, &nullb->disk, c->size << (20 - SECTOR_SHIFT));
	if (c->mbps)
		nullb_throttle_start(p, nullb);
	return 0;
}

/**
 * nullb_blkdev_exists() - does a block device of that name exist?
 * @name: a disk name
 *
 * Looks for /dev/@name, where devtmpfs lists every disk and partition of
 * every driver (block_class, where the kernel itself would find the
 * collision, is not exported): add_disk() with a name that is taken fails
 * only after sysfs has warned of the duplicate, with a stack dump. The
 * lookup is in the caller's mount namespace, so a /dev that is not
 * devtmpfs can hide a disk from it; then add_disk() still fails cleanly,
 * after that warning.
 *
 * Context: process context.
 * Return: true if a block device node of that name exists.
 */
bool nullb_blkdev_exists(const char *name)
{
	char path[sizeof("/dev/") + DISK_NAME_LEN];
	dev_t devt;

	if (snprintf(path, sizeof(path), "/dev/%s", name) >= sizeof(path))
		return false;	/* longer than any disk's name */
	return !lookup_bdev(path, &devt);
}

static int nullb_publish(struct kb_publish *p, struct nullb *nullb)
{
	struct nullb_slot *slot = kb_owner(p, struct nullb_slot, lc);
	int ret;

	/*
	 * Our own names never collide: module devices are named before
	 * configfs exists, and mkdir refuses their names and the names
	 * configfs already has. Another driver's disk (or a partition) may
	 * have taken the name since mkdir; checked here, right before
	 * add_disk(). A disk another driver adds between the two still makes
	 * add_disk() fail, after sysfs's warning: no lock covers both.
	 */
	if (nullb_blkdev_exists(slot->name)) {
		pr_err("%s: a block device of that name exists\n", slot->name);
		return -EEXIST;
	}
	ret = kb_blk_disk_add(p, &nullb->disk, "%s", slot->name);
	if (ret)
		return ret;
	if (nullb->conf.zoned)
		pr_info("%s: using %s zone append\n", slot->name,
			kb_blk_disk_zone_append_emulated(&nullb->disk) ?
			"emulated" : "native");
	pr_info("disk %s created\n", slot->name);
	return 0;
}

KB_LIFECYCLE_DEFINE(nullb, struct nullb, nullb_acquire, nullb_publish);

/**
 * nullb_slot_zone_cond() - make a zone of a powered device readonly or
 *	offline, or back to empty if it is so already (as stock)
 * @slot: the device
 * @page: what was written: a sector of the zone, in any base
 * @cond: %BLK_ZONE_COND_READONLY or %BLK_ZONE_COND_OFFLINE
 *
 * Context: process context, under the configfs item's lock (the device is
 * not powered on or off meanwhile).
 * Return: 0; -EINVAL for a device not zoned or not powered, a sector out
 * of range or in a conventional zone; or the parser's error.
 */
int nullb_slot_zone_cond(struct nullb_slot *slot, const char *page,
			 enum blk_zone_cond cond, bool live)
{
	struct nullb *nullb = nullb_priv(&slot->lc);

	if (!slot->conf.zoned) {
		pr_err("null_blk device is not zoned\n");
		return -EINVAL;
	}
	if (!live) {
		pr_err("null_blk device is not yet powered\n");
		return -EINVAL;
	}
	return nullb_zoned_set_cond(&nullb->zoned, page, cond);
}

/* How a device is powered on, for the configfs binding's power attribute. */
const struct kb_lifecycle_ops *const nullb_slot_ops = &nullb_kb_ops;

/**
 * nullb_slot_set_queues() - change a powered device's queue counts
 * @slot: a device whose lifecycle is live
 * @submit_queues: submission queues, 1 to the number of CPUs
 * @poll_queues: polled queues, up to nullb_max_poll_queues(); more than 0
 *	only if the device was powered on with some
 *
 * Its I/O is drained while the queues change (kb_blk_tag_set_update()).
 *
 * Context: process context, under the configfs item's lock (so the
 * lifecycle stays live); may sleep.
 * Return: 0; -EINVAL for counts out of range or a device on the shared
 * tag set (the module's parameters size it), as stock; -ENOMEM if the
 * block layer could not resize (the old counts stay).
 */
int nullb_slot_set_queues(struct nullb_slot *slot, u32 submit_queues,
			  u32 poll_queues)
{
	struct nullb *nullb = nullb_priv(&slot->lc);
	int ret;

	if (nullb->tags != &nullb->own_tags || submit_queues > nr_cpu_ids ||
	    poll_queues > nullb_max_poll_queues())
		return -EINVAL;
	ret = kb_blk_tag_set_update(nullb->tags, submit_queues, poll_queues);
	if (ret)
		return ret;
	nullb->conf.submit_queues = submit_queues;
	nullb->conf.poll_queues = poll_queues;
	return 0;
}

static void nullb_slot_power_off(struct kb_step *step)
{
	struct nullb_slot *slot = container_of(step, struct nullb_slot,
					       powered);

	kb_lifecycle_teardown(&slot->lc);	/* drains the disk's I/O */
	nullb_store_destroy(&slot->store);
}

/**
 * nullb_slot_power_on() - create a device from @conf as a publication of @p
 * @p: publish-phase handle of the owner (the module)
 * @slot: where the device lives
 * @conf: its configuration, copied
 * @index: its number, in its name (NULLB_NAME<index>)
 *
 * Return: 0, or the error of the failed step (nothing is left of it).
 */
int nullb_slot_power_on(struct kb_publish *p, struct nullb_slot *slot,
			const struct nullb_conf *conf, unsigned int index)
{
	int ret;

	slot->conf = *conf;
	snprintf(slot->name, sizeof(slot->name), NULLB_NAME "%u", index);
	nullb_faults_init(&slot->faults, NULL);
	/* Nothing to free if the start fails: no write reached the store. */
	nullb_store_init(&slot->store);
	ret = kb_lifecycle_start(&slot->lc, &nullb_kb_ops, NULL, THIS_MODULE);
	if (ret)
		return ret;
	kb_published(p, &slot->powered, nullb_slot_power_off, "device");
	return 0;
}
