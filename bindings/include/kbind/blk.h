/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kbind block binding: blk-mq tag sets and disks as lifecycle steps, with
 * typed device, hardware-queue and per-request data.
 *
 * A block device is an owner like any other: its tag set and disk are
 * acquired (the disk allocated with its queue and limits), add_disk() is its
 * publication. Teardown therefore runs del_gendisk() first (it stops new I/O
 * and waits for every request in flight to complete), then puts the disk,
 * then frees the tag set, then the private data. I/O submitted after
 * del_gendisk() fails in the block layer (-EIO/-ENXIO); no callback runs
 * against freed data.
 *
 * KB_BLK_MQ() declares the driver's typed callbacks and generates the
 * &struct blk_mq_ops with trampolines: the device data reaches them as the
 * driver's type (it is the queue's queuedata), the hardware queue's data as
 * its type (set up by the typed init_hctx), the request's PDU as the
 * command type (its size is the tag set's cmd_size).
 */
#ifndef _KBIND_BLK_H
#define _KBIND_BLK_H

#include <linux/blk-mq.h>
#include <linux/blkdev.h>
#include <linux/err.h>
#include <linux/file.h>
#include <linux/stdarg.h>
#include <linux/workqueue.h>

#include <kbind/compat.h>
#include <kbind/lifecycle.h>

/**
 * struct kb_blk_tag_set - a blk-mq tag set owned by a lifecycle
 * @step: acquisition step; undoing it frees the tag set
 * @set: the tag set; private (sparse reports a direct read): the escape
 *	hatch is kb_blk_tag_set_raw()
 * @nr_poll_queues: how many of its hardware queues are polled
 * @prev_poll_queues: the same before the last kb_blk_tag_set_update(),
 *	mapped again if blk-mq could not resize
 * @nr_queues: how many hardware queues it has (or was last asked to have),
 *	polled ones included
 */
struct kb_blk_tag_set {
	struct kb_step step;
	struct blk_mq_tag_set __private set;
	unsigned int nr_poll_queues;
	unsigned int prev_poll_queues;
	unsigned int nr_queues;
};

/**
 * struct kb_blk_tag_cfg - how to size a tag set
 * @nr_hw_queues: submission queues, at least 1
 * @nr_poll_queues: polled queues besides them (need a .poll callback)
 * @queue_depth: tags per hardware queue, 1 to BLK_MQ_MAX_DEPTH
 * @numa_node: where to allocate, or NUMA_NO_NODE
 * @flags: BLK_MQ_F_BLOCKING (queue_rq may sleep),
 *	BLK_MQ_F_NO_SCHED_BY_DEFAULT, BLK_MQ_F_TAG_HCTX_SHARED, ...; requests
 *	are merged on every kernel (see compat.h)
 * @timeout: request timeout in jiffies; 0 for the default (30 s)
 */
struct kb_blk_tag_cfg {
	unsigned int nr_hw_queues;
	unsigned int nr_poll_queues;
	unsigned int queue_depth;
	int numa_node;
	unsigned int flags;
	unsigned int timeout;
};

/**
 * struct kb_blk_disk - a disk owned by a lifecycle
 * @alloc: acquisition step; undoing it puts the disk (and frees its queue)
 * @add: publication step; undoing it deletes the disk (drains its I/O)
 * @disk: the disk; private (sparse reports a direct read): the escape
 *	hatch is kb_blk_disk_raw()
 * @zoned: allocated zoned: its zones are revalidated before add_disk()
 */
struct kb_blk_disk {
	struct kb_step alloc;
	struct kb_step add;
	struct gendisk *__private disk;
	bool zoned;
};

/* The raw objects behind the bindings' (their private members). */
#define __kb_set(ts)	(&ACCESS_PRIVATE(ts, set))
#define __kb_disk(d)	ACCESS_PRIVATE(d, disk)

/**
 * kb_blk_tag_set_raw() - escape hatch: the blk-mq tag set of @ts
 * @ts: a tag set allocated by the ``name##_tag_set_alloc()`` of KB_BLK_MQ()
 *
 * For reading what no binding wraps. Changing it, or a call that hands it
 * to the kernel, takes a comment starting ``SAFETY:`` right before it
 * saying why that is safe (``make cocci`` checks).
 *
 * Context: any, from the tag set's acquisition until its teardown.
 * Return: the tag set; valid for as long as @ts is allocated.
 */
#define kb_blk_tag_set_raw(ts)	__kb_set(ts)

/**
 * kb_blk_disk_raw() - escape hatch: the gendisk of @d
 * @d: a disk allocated by the ``name##_disk_alloc()`` of KB_BLK_MQ()
 *
 * As kb_blk_tag_set_raw(): a raw call on the disk takes a ``SAFETY:``
 * comment saying why the disk's state (allocated, added, being deleted)
 * allows it.
 *
 * Context: any, from the disk's acquisition until its teardown.
 * Return: the disk; valid until the acquisition step puts it.
 */
#define kb_blk_disk_raw(d)	__kb_disk(d)

/*
 * Default queues first, then the polled ones (blk-mq needs the maps). When
 * blk_mq_update_nr_hw_queues() could not resize, it maps the old count:
 * @set's, which then differs from the one asked for (blk-mq's own drivers
 * keep the previous split for this).
 */
static inline void __kb_blk_map_queues(struct blk_mq_tag_set *set)
{
	struct kb_blk_tag_set *ts = container_of(set, struct kb_blk_tag_set,
						 set);
	struct blk_mq_queue_map *def = &set->map[HCTX_TYPE_DEFAULT];
	struct blk_mq_queue_map *poll = &set->map[HCTX_TYPE_POLL];
	unsigned int nr_poll = ts->nr_poll_queues;

	if (set->nr_hw_queues != ts->nr_queues)	/* the update failed */
		nr_poll = ts->prev_poll_queues;
	def->nr_queues = set->nr_hw_queues - nr_poll;
	def->queue_offset = 0;
	blk_mq_map_queues(def);
	if (set->nr_maps <= HCTX_TYPE_POLL)
		return;
	set->map[HCTX_TYPE_READ].nr_queues = 0;
	poll->nr_queues = nr_poll;
	poll->queue_offset = def->nr_queues;
	if (nr_poll)	/* none after an update: 6.1 would divide by 0 */
		blk_mq_map_queues(poll);
}

static inline void __kb_blk_tag_set_free(struct kb_step *step)
{
	blk_mq_free_tag_set(__kb_set(container_of(step, struct kb_blk_tag_set,
						  step)));
}

/*
 * Backend of the typed name##_tag_set_alloc() of KB_BLK_MQ(): @ops and
 * @cmd_size are the generated ones.
 */
static inline int __kb_blk_tag_set_alloc(struct kb_probe *p,
					 struct kb_blk_tag_set *ts,
					 const struct kb_blk_tag_cfg *cfg,
					 const struct blk_mq_ops *ops,
					 unsigned int cmd_size)
{
	struct blk_mq_tag_set *set = __kb_set(ts);
	int ret;

	ret = kb_step_fault(__kb_lc(p), "tag set");
	if (ret)
		return ret;
	memset(set, 0, sizeof(*set));
	set->ops = ops;
	set->cmd_size = cmd_size;
	set->nr_hw_queues = cfg->nr_hw_queues;
	set->queue_depth = cfg->queue_depth;
	set->numa_node = cfg->numa_node;
	set->flags = cfg->flags | __KB_BLK_MQ_F_MERGE;
	set->timeout = cfg->timeout;
	set->nr_maps = cfg->nr_poll_queues ? HCTX_TYPE_POLL + 1 : 1;
	set->nr_hw_queues += cfg->nr_poll_queues;
	ts->nr_poll_queues = cfg->nr_poll_queues;
	ts->prev_poll_queues = cfg->nr_poll_queues;
	ts->nr_queues = set->nr_hw_queues;
	ret = blk_mq_alloc_tag_set(set);
	if (ret)
		return ret;
	kb_acquired(p, &ts->step, __kb_blk_tag_set_free, "tag set");
	return 0;
}

/**
 * kb_blk_tag_set_update() - change the number of hardware queues of a live
 *	tag set
 * @ts: a tag set allocated by the ``name##_tag_set_alloc()`` of KB_BLK_MQ(),
 *	not shared by several disks (whose drivers each size it)
 * @nr_hw_queues: submission queues, at least 1
 * @nr_poll_queues: polled queues; 0 unless the set was allocated with some
 *	(blk-mq sizes its queue maps once)
 *
 * blk_mq_update_nr_hw_queues(): every queue on the set is frozen (its
 * requests drained) while the hardware contexts are reallocated and the
 * CPUs mapped again. New contexts are set up by the init_hctx callback;
 * kept ones keep their data, so a driver must not tie a context's data to
 * its type: kb_blk_rq_polled() tells a request's. The driver's per-queue
 * data must cover every index up to the largest count it allows.
 *
 * Context: process context, may sleep; not from the I/O path (it waits
 * for it), nor under a lock the I/O path takes.
 * Return: 0; -EINVAL for counts the set cannot take; -ENOMEM if blk-mq
 * could not resize (it keeps, and maps, the old counts).
 */
static inline int kb_blk_tag_set_update(struct kb_blk_tag_set *ts,
					unsigned int nr_hw_queues,
					unsigned int nr_poll_queues)
{
	struct blk_mq_tag_set *set = __kb_set(ts);
	unsigned int nr = nr_hw_queues + nr_poll_queues;

	if (!nr_hw_queues || (nr_poll_queues && set->nr_maps <= HCTX_TYPE_POLL))
		return -EINVAL;
	ts->prev_poll_queues = ts->nr_poll_queues;
	ts->nr_poll_queues = nr_poll_queues;
	ts->nr_queues = nr;
	blk_mq_update_nr_hw_queues(set, nr);
	if (set->nr_hw_queues == nr)
		return 0;
	ts->nr_poll_queues = ts->prev_poll_queues;
	ts->nr_queues = set->nr_hw_queues;
	return -ENOMEM;
}

/**
 * kb_blk_requeue() - hand a request back to be dispatched again later
 * @rq: a request queue_rq was given and has not started
 *
 * For queue_rq, which then returns %BLK_STS_OK: blk-mq puts @rq on the
 * queue's requeue list and runs the queue again. (Returning
 * %BLK_STS_RESOURCE is the other way back, through the dispatch list.)
 *
 * Context: queue_rq.
 */
static inline void kb_blk_requeue(struct request *rq)
{
	blk_mq_requeue_request(rq, true);
}

/**
 * kb_blk_rq_polled() - is @rq on a polled hardware queue?
 * @rq: a request the driver was given, until it completes
 *
 * Polled requests complete only through the poll callback.
 *
 * Context: any.
 * Return: true for a request of a %HCTX_TYPE_POLL hardware queue.
 */
static inline bool kb_blk_rq_polled(struct request *rq)
{
	return rq->mq_hctx->type == HCTX_TYPE_POLL;
}

static inline void __kb_blk_disk_put(struct kb_step *step)
{
	put_disk(__kb_disk(container_of(step, struct kb_blk_disk, alloc)));
}

/*
 * Backend of name##_disk_alloc(): allocate the disk and its queue on @ts
 * with @lim, @queuedata (the device data) as the queue's data.
 */
static inline int __kb_blk_disk_alloc(struct kb_probe *p,
				      struct kb_blk_disk *d,
				      struct kb_blk_tag_set *ts,
				      const struct kb_blk_limits *lim,
				      void *queuedata,
				      const struct block_device_operations *fops)
{
	struct gendisk *disk;
	int ret;

	ret = kb_step_fault(__kb_lc(p), "disk");
	if (ret)
		return ret;
	/*
	 * 6.12 validates the limits, 6.1 takes anything; check here, the
	 * same on both (and without 6.12's WARN on tiny max_hw_sectors).
	 */
	if (blk_validate_block_size(lim->logical_block_size) ||
	    (lim->max_hw_sectors &&
	     lim->max_hw_sectors < PAGE_SIZE >> SECTOR_SHIFT))
		return -EINVAL;
	if (lim->zoned && !IS_ENABLED(CONFIG_BLK_DEV_ZONED))
		return -EOPNOTSUPP;
	/* 6.1 takes a zone size of 0 or not a power of two; 6.12 does not. */
	if (lim->zoned && !is_power_of_2(lim->zone_sectors))
		return -EINVAL;
	disk = __kb_blk_alloc_disk(__kb_set(ts), lim, queuedata);
	if (IS_ERR(disk))
		return PTR_ERR(disk);
	disk->fops = fops;
	__kb_disk(d) = disk;
	d->zoned = lim->zoned;
	kb_acquired(p, &d->alloc, __kb_blk_disk_put, "disk");
	return 0;
}

/**
 * kb_blk_disk_set_capacity() - set a disk's size before it is published
 * @p: acquire-phase handle
 * @d: a disk allocated by the ``name##_disk_alloc()`` of KB_BLK_MQ()
 * @sectors: size in 512-byte sectors
 *
 * Context: process context, acquire phase.
 */
static inline void kb_blk_disk_set_capacity(struct kb_probe *p,
					    struct kb_blk_disk *d,
					    sector_t sectors)
{
	set_capacity(__kb_disk(d), sectors);
}

/**
 * kb_blk_queues_stop() - stop dispatching to a disk's hardware queues
 * @d: an allocated disk (from its acquisition until it is put)
 *
 * For a device that is out of a resource (e.g. a bandwidth budget): the
 * request at hand returns %BLK_STS_DEV_RESOURCE and is dispatched again
 * once kb_blk_queues_restart() is called, which the driver must arrange
 * (a timer, a completion) for as long as the disk lives, del_gendisk()
 * included: it drains the requests waiting there.
 *
 * Context: any, including queue_rq and hard interrupts.
 */
static inline void kb_blk_queues_stop(struct kb_blk_disk *d)
{
	blk_mq_stop_hw_queues(__kb_disk(d)->queue);
}

/**
 * kb_blk_queues_restart() - dispatch again to the stopped hardware queues
 * @d: an allocated disk
 *
 * Runs them asynchronously, so it may be called where queue_rq must not
 * run.
 *
 * Context: any, including hard interrupts (timer callbacks).
 */
static inline void kb_blk_queues_restart(struct kb_blk_disk *d)
{
	blk_mq_start_stopped_hw_queues(__kb_disk(d)->queue, true);
}

/**
 * kb_blk_report_zone() - report one zone from a report_zones callback
 * @rep: the report the callback was given
 * @zone: the zone, a copy the block layer may change (stacked drivers
 *	remap it), not the driver's own record
 * @idx: its index in this report, from 0
 *
 * Context: in the driver's report_zones callback only (process context,
 * may sleep; the block layer may have the queue frozen or hold its own
 * locks). The driver must not hold its own locks across the call: copy
 * the zone under its lock, unlock, then report the copy.
 * Return: 0 to go on; a negative errno (from the block layer's consumer,
 * e.g. a user buffer that faulted) that the callback must return as is.
 */
static inline int kb_blk_report_zone(struct kb_blk_zone_report *rep,
				     struct blk_zone *zone, unsigned int idx)
{
	if (!IS_ENABLED(CONFIG_BLK_DEV_ZONED))	/* no symbol to link to */
		return -EOPNOTSUPP;
	return __kb_report_zone(rep, zone, idx);
}

/**
 * kb_blk_zone_append_done() - tell where a zone append wrote
 * @rq: a %REQ_OP_ZONE_APPEND request the driver started and has not
 *	completed
 * @sector: the first sector it wrote (the zone's write pointer)
 *
 * A zone append names its zone, not its place; the block layer reports
 * the place to the submitter from the request's sector at completion.
 *
 * Context: any, between blk_mq_start_request() and the completion of @rq;
 * the request is the driver's then, no lock needed.
 */
static inline void kb_blk_zone_append_done(struct request *rq, sector_t sector)
{
	rq->__sector = sector;
}

/**
 * kb_blk_disk_zone_append_emulated() - does the block layer emulate zone
 *	append for this disk?
 * @d: a zoned disk, added
 *
 * True where the disk was allocated with a zone append limit of 0 and the
 * kernel emulates zone append with writes (6.10 and later); then the
 * driver never sees %REQ_OP_ZONE_APPEND.
 *
 * Context: any, while the disk is added.
 * Return: true if emulated, false if the driver handles zone appends.
 */
static inline bool kb_blk_disk_zone_append_emulated(struct kb_blk_disk *d)
{
	return __kb_blk_emulates_zone_append(__kb_disk(d)->queue);
}

static inline void __kb_blk_disk_del(struct kb_step *step)
{
	del_gendisk(__kb_disk(container_of(step, struct kb_blk_disk, add)));
}

struct __kb_blk_add_work {
	struct work_struct work;
	struct gendisk *disk;
	int ret;
};

static inline void __kb_blk_add_fn(struct work_struct *work)
{
	struct __kb_blk_add_work *w = container_of(work,
						   struct __kb_blk_add_work,
						   work);

	w->ret = add_disk(w->disk);
}

/*
 * add_disk() scans for partitions through a file it opens and puts. Since
 * 6.9 a file put by a user task is released only when the task returns to
 * user space; if the owner fails before that (a module init failing after
 * its first disk), the module is freed first and the release calls its
 * freed fops. Adding the disk from a worker makes the put a delayed one,
 * which flush_delayed_fput() completes before this returns. An opener in
 * user space (udev reacting to the new disk) holds a module reference
 * instead: KB_MODULE() keeps a module whose init failed loaded while such a
 * reference is held.
 */
static inline int __kb_blk_add_disk(struct gendisk *disk)
{
	struct __kb_blk_add_work w = { .disk = disk };

	INIT_WORK_ONSTACK(&w.work, __kb_blk_add_fn);
	queue_work(system_unbound_wq, &w.work);
	flush_work(&w.work);
	destroy_work_on_stack(&w.work);
	flush_delayed_fput();
	return w.ret;
}

/**
 * kb_blk_disk_add() - publish a disk: make it visible and open for I/O
 * @p: publish-phase handle
 * @d: a disk allocated in the acquire phase, sized
 * @name: the disk's name under /dev (printf-style, at most 31 characters)
 * @...: arguments for @name
 *
 * Uses a dynamic device number. A zoned disk's zones are revalidated first
 * (blk_revalidate_disk_zones(), which the kernels before and after 6.10
 * both want before add_disk()): the driver's report_zones callback runs
 * then, so its zone state must be set up in the acquire phase; nothing of
 * it needs undoing (putting the disk frees it). At teardown del_gendisk()
 * runs first: new
 * I/O fails, and it returns once every request in flight has completed, so
 * nothing acquired (tag set, backing memory, timers) is released under a
 * request. The kernel's own partition-scan open is released before this
 * returns (see __kb_blk_add_disk() for what that does not cover).
 *
 * Context: process context, publish phase only; may sleep; the caller
 * must not hold locks a workqueue worker adding a disk could need.
 * Return: 0; the error of blk_revalidate_disk_zones() (-ENODEV for zones
 * that do not match the limits, -ENOMEM) or of add_disk(); or one injected
 * by kb_step_fault(). On error nothing is left added (the disk is put by
 * its acquisition step).
 */
static inline __printf(3, 4)
int kb_blk_disk_add(struct kb_publish *p, struct kb_blk_disk *d,
		    const char *name, ...)
{
	va_list args;
	int ret;

	ret = kb_step_fault(__kb_lc(p), "add_disk");
	if (ret)
		return ret;
	va_start(args, name);
	vsnprintf(__kb_disk(d)->disk_name, DISK_NAME_LEN, name, args);
	va_end(args);
	/* never zoned without it, and then there is no symbol to link to */
	if (IS_ENABLED(CONFIG_BLK_DEV_ZONED) && d->zoned) {
		ret = __kb_blk_revalidate_zones(__kb_disk(d));
		if (ret)
			return ret;
	}
	ret = __kb_blk_add_disk(__kb_disk(d));
	if (ret)
		return ret;
	kb_published(p, &d->add, __kb_blk_disk_del, "add_disk");
	return 0;
}

/**
 * KB_BLK_MQ() - declare typed blk-mq callbacks and generate their ops
 * @name: prefix of the generated symbols
 * @dtype: the device's private data type (the queue's queuedata)
 * @qtype: the per-hardware-queue data type
 * @ctype: the per-request data type (the request's PDU), allocated with
 *	each request by blk-mq, not zeroed between requests
 * @...: designated initializers of the typed callbacks, any subset of:
 *
 *  - ``qtype *(*init_hctx)(dtype *dev, unsigned int index)`` (required):
 *    the data of hardware queue @index, kept in the device's data, or an
 *    ERR_PTR(): blk-mq then fails what needed the queue (the disk's
 *    allocation, or a kb_blk_tag_set_update(), which keeps fewer queues);
 *  - ``void (*init_cmd)(ctype *cmd)``: once per request slot, when the tag
 *    set is allocated (timers and the like);
 *  - ``blk_status_t (*queue_rq)(dtype *dev, qtype *hq, struct request *rq,
 *    ctype *cmd, bool last)`` (required): start @rq with
 *    blk_mq_start_request() and complete it, now or later; or, without
 *    starting it, return %BLK_STS_RESOURCE or %BLK_STS_DEV_RESOURCE to
 *    have it dispatched again later. It is also called for each request
 *    of a batch (blk_mq_ops.queue_rqs, generated: a plug's requests
 *    without a scheduler), @last set on the batch's last one;
 *  - ``void (*complete)(struct request *rq, ctype *cmd)``: the completion
 *    of blk_mq_complete_request(), in softirq context; without it the
 *    request ends with BLK_STS_OK;
 *  - ``enum blk_eh_timer_return (*timeout)(dtype *dev, struct request *rq,
 *    ctype *cmd)``; without it the timer is re-armed;
 *  - ``int (*poll)(dtype *dev, qtype *hq, struct io_comp_batch *iob)``;
 *    without it polling finds nothing;
 *  - ``int (*report_zones)(dtype *dev, sector_t sector, unsigned int
 *    nr_zones, struct kb_blk_zone_report *rep)`` (required for a zoned
 *    disk): report at most @nr_zones zones from the one holding @sector,
 *    each with kb_blk_report_zone(), and return how many were reported
 *    (0 past the last zone) or the first error. It runs in process
 *    context from blk_revalidate_disk_zones() (in kb_blk_disk_add(),
 *    before publication) and from zone reports until del_gendisk()
 *    returns, possibly concurrently with queue_rq.
 *
 * Context: the callbacks run in the contexts blk-mq gives its ops, between
 * the disk's publication and del_gendisk(), so the device data is valid.
 *
 * Generates, besides the ops:
 *
 *  - ``int name##_tag_set_alloc(p, ts, cfg)``, taking a &struct kb_probe,
 *    a &struct kb_blk_tag_set and a &struct kb_blk_tag_cfg: an acquisition
 *    step; 0, -EINVAL for poll queues without a .poll callback, or the
 *    error of blk_mq_alloc_tag_set() (-EINVAL, -ENOMEM);
 *  - ``int name##_disk_alloc(p, d, ts, lim, dev)``, taking a &struct
 *    kb_probe, a &struct kb_blk_disk, the tag set, a &struct kb_blk_limits
 *    and the device's data (``dtype *``): an acquisition step. The tag set
 *    is the same lifecycle's or, shared by several disks, an owner's whose
 *    lifecycle encloses theirs (it must outlive every disk on it). A
 *    zoned disk (@lim's zoned) gets the report_zones operation. 0;
 *    -EINVAL for an invalid block size, max_hw_sectors below a page, a
 *    zone size that is not a power of two (checked the same on every
 *    kernel) or a zoned disk without .report_zones; -EOPNOTSUPP for a
 *    zoned disk on a kernel without CONFIG_BLK_DEV_ZONED; or the error of
 *    blk_mq_alloc_disk();
 *  - ``ctype *name##_cmd(struct request *rq)`` and
 *    ``struct request *name##_rq(ctype *cmd)``, the typed PDU conversions.
 *
 * A callback with other types fails to compile.
 */
#define KB_BLK_MQ(name, dtype, qtype, ctype, ...)			\
struct name##_kb_blk_ops_t {						\
	typeof(qtype) *(*init_hctx)(typeof(dtype) *dev, unsigned int index); \
	void (*init_cmd)(typeof(ctype) *cmd);				\
	blk_status_t (*queue_rq)(typeof(dtype) *dev, typeof(qtype) *hq,	\
				 struct request *rq, typeof(ctype) *cmd, \
				 bool last);				\
	void (*complete)(struct request *rq, typeof(ctype) *cmd);	\
	enum blk_eh_timer_return (*timeout)(typeof(dtype) *dev,		\
					    struct request *rq,		\
					    typeof(ctype) *cmd);	\
	int (*poll)(typeof(dtype) *dev, typeof(qtype) *hq,		\
		    struct io_comp_batch *iob);				\
	int (*report_zones)(typeof(dtype) *dev, sector_t sector,		\
			    unsigned int nr_zones,			\
			    struct kb_blk_zone_report *rep);		\
};									\
static const struct name##_kb_blk_ops_t name##_kb_blk_ops = {		\
	__VA_ARGS__							\
};									\
static inline __maybe_unused typeof(ctype) *name##_cmd(struct request *rq) \
{									\
	return blk_mq_rq_to_pdu(rq);					\
}									\
static inline __maybe_unused struct request *name##_rq(typeof(ctype) *cmd) \
{									\
	return blk_mq_rq_from_pdu(cmd);					\
}									\
static int name##_kb_init_hctx(struct blk_mq_hw_ctx *hctx, void *data,	\
			       unsigned int index)			\
{									\
	typeof(dtype) *dev = hctx->queue->queuedata;			\
	typeof(qtype) *hq = name##_kb_blk_ops.init_hctx(dev, index);	\
									\
	if (IS_ERR(hq))							\
		return PTR_ERR(hq);					\
	hctx->driver_data = hq;						\
	return 0;							\
}									\
static int name##_kb_init_request(struct blk_mq_tag_set *set,		\
				  struct request *rq,			\
				  unsigned int hctx_idx,		\
				  __kb_rq_numa_node_t numa_node)	\
{									\
	if (name##_kb_blk_ops.init_cmd)					\
		name##_kb_blk_ops.init_cmd(name##_cmd(rq));		\
	return 0;							\
}									\
static blk_status_t name##_kb_queue_rq(struct blk_mq_hw_ctx *hctx,	\
				       const struct blk_mq_queue_data *bd) \
{									\
	return name##_kb_blk_ops.queue_rq(hctx->queue->queuedata,	\
					  hctx->driver_data, bd->rq,	\
					  name##_cmd(bd->rq), bd->last); \
}									\
/* A plug's worth at once: queue_rq for each, as blk-mq would. */	\
static void name##_kb_queue_rqs(__KB_RQ_LIST *rqlist)			\
{									\
	__KB_RQ_LIST refused = __KB_RQ_LIST_INIT;			\
									\
	while (!__kb_rq_list_empty(rqlist)) {				\
		struct request *rq = rq_list_pop(rqlist);		\
		blk_status_t ret;					\
									\
		ret = name##_kb_blk_ops.queue_rq(rq->q->queuedata,	\
						 rq->mq_hctx->driver_data, \
						 rq, name##_cmd(rq),	\
						 __kb_rq_list_empty(rqlist)); \
		if (ret == BLK_STS_RESOURCE || ret == BLK_STS_DEV_RESOURCE) \
			__kb_rq_list_keep(&refused, rq);		\
		else if (ret != BLK_STS_OK)				\
			blk_mq_end_request(rq, ret);			\
	}								\
	*rqlist = refused;						\
}									\
static void name##_kb_complete(struct request *rq)			\
{									\
	if (name##_kb_blk_ops.complete)					\
		name##_kb_blk_ops.complete(rq, name##_cmd(rq));		\
	else								\
		blk_mq_end_request(rq, BLK_STS_OK);			\
}									\
static enum blk_eh_timer_return name##_kb_timeout(struct request *rq)	\
{									\
	if (!name##_kb_blk_ops.timeout)					\
		return BLK_EH_RESET_TIMER;				\
	return name##_kb_blk_ops.timeout(rq->q->queuedata, rq,		\
					 name##_cmd(rq));		\
}									\
static int name##_kb_poll(struct blk_mq_hw_ctx *hctx,			\
			  struct io_comp_batch *iob)			\
{									\
	if (!name##_kb_blk_ops.poll)					\
		return 0;						\
	return name##_kb_blk_ops.poll(hctx->queue->queuedata,		\
				      hctx->driver_data, iob);		\
}									\
static const struct blk_mq_ops name##_kb_mq_ops = {			\
	.queue_rq = name##_kb_queue_rq,					\
	.queue_rqs = name##_kb_queue_rqs,				\
	.init_hctx = name##_kb_init_hctx,				\
	.init_request = name##_kb_init_request,				\
	.complete = name##_kb_complete,					\
	.timeout = name##_kb_timeout,					\
	.poll = name##_kb_poll,						\
	.map_queues = __kb_blk_map_queues,				\
};									\
static int name##_kb_report_zones(struct gendisk *disk, sector_t sector, \
				  unsigned int nr_zones,		\
				  __KB_REPORT_ZONES_TAIL)		\
{									\
	struct kb_blk_zone_report rep = __KB_ZONE_REPORT(disk);		\
									\
	if (!name##_kb_blk_ops.report_zones)				\
		return -EOPNOTSUPP;					\
	return name##_kb_blk_ops.report_zones(disk->queue->queuedata,	\
					      sector, nr_zones, &rep);	\
}									\
static const struct block_device_operations name##_kb_bdops = {		\
	.owner = THIS_MODULE,						\
};									\
static const struct block_device_operations name##_kb_zoned_bdops = {	\
	.owner = THIS_MODULE,						\
	.report_zones = name##_kb_report_zones,				\
};									\
static inline int name##_tag_set_alloc(struct kb_probe *p,		\
				       struct kb_blk_tag_set *ts,	\
				       const struct kb_blk_tag_cfg *cfg) \
{									\
	BUILD_BUG_ON_MSG(!name##_kb_blk_ops.init_hctx ||			\
			 !name##_kb_blk_ops.queue_rq,			\
			 "kbind: KB_BLK_MQ needs .init_hctx and .queue_rq"); \
	if (cfg->nr_poll_queues && !name##_kb_blk_ops.poll)		\
		return -EINVAL;	/* polled I/O would never complete */	\
	return __kb_blk_tag_set_alloc(p, ts, cfg, &name##_kb_mq_ops,	\
				      sizeof(typeof(ctype)));		\
}									\
static inline int name##_disk_alloc(struct kb_probe *p,		\
				    struct kb_blk_disk *d,		\
				    struct kb_blk_tag_set *ts,		\
				    const struct kb_blk_limits *lim,	\
				    typeof(dtype) *dev)			\
{									\
	if (lim->zoned && !name##_kb_blk_ops.report_zones)		\
		return -EINVAL;	/* the block layer needs the zones */	\
	return __kb_blk_disk_alloc(p, d, ts, lim, dev,			\
				   lim->zoned ? &name##_kb_zoned_bdops :	\
						&name##_kb_bdops);	\
}

#endif /* _KBIND_BLK_H */
