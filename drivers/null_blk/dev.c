// SPDX-License-Identifier: GPL-2.0
/*
 * kbind null_blk: one device. Powering it on starts its lifecycle: queues,
 * tag set and disk are acquired, add_disk() publishes; powering it off
 * deletes the disk (draining its I/O), then releases the rest in reverse.
 */
#include <linux/blk-mq.h>
#include <linux/hrtimer.h>
#include <linux/list.h>

#include <kbind/blk.h>

#include "kbind_null_blk.h"

struct nullb_queue {
	bool polled;			/* a HCTX_TYPE_POLL queue */
	spinlock_t poll_lock;		/* protects poll_list */
	struct list_head poll_list;	/* started, waiting for .poll */
};

struct nullb_cmd {
	struct hrtimer timer;		/* NULLB_IRQ_TIMER's completion */
	blk_status_t error;
};

struct nullb {
	struct kb_array queues_mem;
	struct nullb_queue *queues;
	struct kb_blk_tag_set tags;
	struct kb_blk_disk disk;
	struct nullb_conf conf;
	struct nullb_store *store;	/* the slot's, if memory-backed */
};

int nullb_conf_validate(struct nullb_conf *c)
{
	if (c->blocksize < SECTOR_SIZE || c->blocksize > PAGE_SIZE ||
	    !is_power_of_2(c->blocksize)) {
		pr_err("invalid block size %u: a power of two from 512 to %lu\n",
		       c->blocksize, PAGE_SIZE);
		return -EINVAL;
	}
	if (c->submit_queues > nr_cpu_ids)
		c->submit_queues = nr_cpu_ids;
	else if (!c->submit_queues)
		c->submit_queues = 1;
	if (c->poll_queues > nr_cpu_ids)	/* stock: the module's value */
		c->poll_queues = nr_cpu_ids;
	if (c->irqmode > NULLB_IRQ_TIMER)
		c->irqmode = NULLB_IRQ_TIMER;
	if (c->max_sectors && c->max_sectors < PAGE_SIZE >> SECTOR_SHIFT) {
		pr_info("max_sectors raised to the minimum, %lu\n",
			PAGE_SIZE >> SECTOR_SHIFT);
		c->max_sectors = PAGE_SIZE >> SECTOR_SHIFT;
	}
	if (c->memory_backed)
		c->blocking = true;
	if (c->discard && !c->memory_backed) {
		pr_info("discard option is ignored without memory backing\n");
		c->discard = false;
	}
	return 0;
}

/*
 * Move the data of @rq between its pages and the store; @gfp for the pages
 * a write needs (GFP_NOIO from queue_rq, which may sleep on memory-backed
 * devices; GFP_ATOMIC from .poll, which runs under rcu_read_lock).
 */
static blk_status_t nullb_transfer(struct nullb *nullb, struct request *rq,
				   gfp_t gfp)
{
	sector_t sector = blk_rq_pos(rq);
	struct req_iterator iter;
	struct bio_vec bv;

	if (req_op(rq) == REQ_OP_DISCARD) {
		nullb_store_discard(nullb->store, sector, blk_rq_bytes(rq));
		return BLK_STS_OK;
	}
	rq_for_each_segment(bv, rq, iter) {
		void *buf = bvec_kmap_local(&bv);
		int ret = 0;

		if (op_is_write(req_op(rq)))
			ret = nullb_store_write(nullb->store, sector, buf,
						bv.bv_len, gfp);
		else
			nullb_store_read(nullb->store, sector, buf, bv.bv_len);
		kunmap_local(buf);
		if (ret)
			return errno_to_blk_status(ret);
		sector += bv.bv_len >> SECTOR_SHIFT;
	}
	return BLK_STS_OK;
}

static blk_status_t nullb_handle(struct nullb *nullb, struct request *rq,
				 gfp_t gfp)
{
	if (!nullb->conf.memory_backed || req_op(rq) == REQ_OP_FLUSH)
		return BLK_STS_OK;
	return nullb_transfer(nullb, rq, gfp);
}

static enum hrtimer_restart nullb_timer_expired(struct hrtimer *timer)
{
	struct nullb_cmd *cmd = container_of(timer, struct nullb_cmd, timer);

	blk_mq_end_request(blk_mq_rq_from_pdu(cmd), cmd->error);
	return HRTIMER_NORESTART;
}

static void nullb_init_cmd(struct nullb_cmd *cmd)
{
	hrtimer_init(&cmd->timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	cmd->timer.function = nullb_timer_expired;
}

static struct nullb_queue *nullb_init_hctx(struct nullb *nullb,
					   unsigned int index)
{
	return &nullb->queues[index];
}

static blk_status_t nullb_queue_rq(struct nullb *nullb, struct nullb_queue *nq,
				   struct request *rq, struct nullb_cmd *cmd,
				   bool last)
{
	blk_mq_start_request(rq);
	if (nq->polled) {
		spin_lock(&nq->poll_lock);
		list_add_tail(&rq->queuelist, &nq->poll_list);
		spin_unlock(&nq->poll_lock);
		return BLK_STS_OK;
	}
	cmd->error = nullb_handle(nullb, rq, GFP_NOIO);
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
 * Requests complete on their own, except polled ones nobody polls: those
 * are taken off their list and failed. Either way the request is done.
 */
static enum blk_eh_timer_return nullb_timeout(struct nullb *nullb,
					      struct request *rq,
					      struct nullb_cmd *cmd)
{
	struct nullb_queue *nq = rq->mq_hctx->driver_data;

	pr_info("rq %p timed out\n", rq);
	cmd->error = BLK_STS_TIMEOUT;
	if (nq->polled) {
		spin_lock(&nq->poll_lock);
		if (blk_mq_request_completed(rq)) {
			spin_unlock(&nq->poll_lock);
			return BLK_EH_DONE;
		}
		list_del_init(&rq->queuelist);
		spin_unlock(&nq->poll_lock);
		blk_mq_complete_request(rq);
	}
	return BLK_EH_DONE;
}

KB_BLK_MQ(nullb_mq, struct nullb, struct nullb_queue, struct nullb_cmd,
	  .init_hctx = nullb_init_hctx,
	  .init_cmd = nullb_init_cmd,
	  .queue_rq = nullb_queue_rq,
	  .complete = nullb_complete,
	  .timeout = nullb_timeout,
	  .poll = nullb_poll);

static int nullb_acquire(struct kb_probe *p, struct nullb *nullb)
{
	struct nullb_slot *slot = kb_owner(p, struct nullb_slot, lc);
	struct nullb_conf *c = &nullb->conf;
	struct kb_blk_tag_cfg tag_cfg;
	struct kb_blk_limits lim;
	unsigned int i;
	int ret;

	*c = slot->conf;
	nullb->store = &slot->store;
	ret = kb_array_alloc(p, &nullb->queues_mem, nullb->queues,
			     c->submit_queues + c->poll_queues, c->home_node);
	if (ret)
		return ret;
	for (i = 0; i < c->submit_queues + c->poll_queues; i++) {
		nullb->queues[i].polled = i >= c->submit_queues;
		spin_lock_init(&nullb->queues[i].poll_lock);
		INIT_LIST_HEAD(&nullb->queues[i].poll_list);
	}
	tag_cfg = (struct kb_blk_tag_cfg) {
		.nr_hw_queues = c->submit_queues,
		.nr_poll_queues = c->poll_queues,
		.queue_depth = c->hw_queue_depth,
		.numa_node = c->home_node,
		.flags = BLK_MQ_F_SHOULD_MERGE |
			 (c->blocking ? BLK_MQ_F_BLOCKING : 0) |
			 (c->no_sched ? BLK_MQ_F_NO_SCHED : 0),
		.timeout = 5 * HZ,
	};
	lim = (struct kb_blk_limits) {
		.logical_block_size = c->blocksize,
		.physical_block_size = c->blocksize,
		.max_hw_sectors = c->max_sectors,
		.virt_boundary_mask = c->virt_boundary ? PAGE_SIZE - 1 : 0,
		.max_discard_sectors = c->discard ? UINT_MAX >> SECTOR_SHIFT : 0,
	};
	ret = nullb_mq_tag_set_alloc(p, &nullb->tags, &tag_cfg) ?:
	      nullb_mq_disk_alloc(p, &nullb->disk, &nullb->tags, &lim, nullb);
	if (ret)
		return ret;
	kb_blk_disk_set_capacity(p, &nullb->disk, c->size << (20 - SECTOR_SHIFT));
	return 0;
}

static int nullb_publish(struct kb_publish *p, struct nullb *nullb)
{
	struct nullb_slot *slot = kb_owner(p, struct nullb_slot, lc);

	return kb_blk_disk_add(p, &nullb->disk, "%s", slot->name);
}

KB_LIFECYCLE_DEFINE(nullb, struct nullb, nullb_acquire, nullb_publish);

/**
 * nullb_slot_start() - power a device on: build and publish its disk
 * @slot: the device, with its configuration, store and name set
 *
 * Context: process context; the caller serialises start and stop.
 * Return: 0, or the error of the failed step (nothing of it is left).
 */
int nullb_slot_start(struct nullb_slot *slot)
{
	int ret = kb_lifecycle_start(&slot->lc, &nullb_kb_ops, NULL,
				     THIS_MODULE);

	if (!ret)
		pr_info("disk %s created\n", slot->name);
	return ret;
}

/**
 * nullb_slot_stop() - power a device off: delete its disk, free the rest
 * @slot: a started device; its store stays
 *
 * Context: process context, may sleep until the disk's I/O has drained.
 */
void nullb_slot_stop(struct nullb_slot *slot)
{
	kb_lifecycle_teardown(&slot->lc);
}

static void nullb_slot_power_off(struct kb_step *step)
{
	struct nullb_slot *slot = container_of(step, struct nullb_slot,
					       powered);

	nullb_slot_stop(slot);
	nullb_store_destroy(&slot->store);
}

/**
 * nullb_slot_power_on() - create a device from @conf as a publication of @p
 * @p: publish-phase handle of the owner (the module)
 * @slot: where the device lives
 * @conf: its configuration, copied
 * @index: its number, in its name kbnullb<index>
 *
 * Return: 0, or the error of the failed step (nothing is left of it).
 */
int nullb_slot_power_on(struct kb_publish *p, struct nullb_slot *slot,
			const struct nullb_conf *conf, unsigned int index)
{
	int ret;

	slot->conf = *conf;
	snprintf(slot->name, sizeof(slot->name), "kbnullb%u", index);
	nullb_store_init(&slot->store);
	ret = nullb_slot_start(slot);
	if (ret) {
		nullb_store_destroy(&slot->store);
		return ret;
	}
	kb_published(p, &slot->powered, nullb_slot_power_off, "kbnullb disk");
	return 0;
}
