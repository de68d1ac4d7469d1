// SPDX-License-Identifier: GPL-2.0
/*
 * kbind null_blk: zoned mode, a host-managed zoned device with the stock
 * driver's zone model. Conventional zones come first; the sequential ones
 * take writes at their write pointer only and go through the conditions
 * of ZBC/ZNS: empty, implicitly or explicitly open, closed, full, and
 * readonly or offline when told so through configfs. Optional limits on
 * open and active zones close an implicitly open zone to make room, as a
 * device would, or fail the write with the resource status.
 */
#include <linux/blk-mq.h>
#include <linux/blkdev.h>
#include <linux/kstrtox.h>
#include <linux/log2.h>
#include <linux/sizes.h>

#include "kbind_null_blk.h"

/*
 * Locking: a zone's fields change under its lock; with open or active
 * limits, a change into or out of a counted condition (implicitly or
 * explicitly open, closed) happens under res_lock too, taken inside the
 * zone's lock, so the counts and the conditions agree whenever res_lock
 * is free.
 */

/* Largest discard of the store at once, for the zones of 4 GiB and over. */
#define NULLB_DISCARD_MAX	SZ_1G

static sector_t nullb_mib_to_sects(u64 mib)
{
	return mib << (20 - SECTOR_SHIFT);
}

/**
 * nullb_zoned_validate() - check and adjust a zoned configuration, as stock
 * @c: a configuration with zoned set; its zone fields are adjusted where
 *	the stock driver adjusts them (zone_capacity 0 becomes the zone
 *	size; too many conventional zones, limits that cannot apply)
 *
 * Context: process context (module load, or the configfs power write).
 * Return: 0, or -EINVAL with the stock driver's message.
 */
int nullb_zoned_validate(struct nullb_conf *c)
{
	unsigned int nr_zones, nr_seq;
	sector_t zone_sects;

	if (!IS_ENABLED(CONFIG_BLK_DEV_ZONED)) {
		pr_err("CONFIG_BLK_DEV_ZONED not enabled\n");
		return -EINVAL;
	}
	if (!c->zone_size || !is_power_of_2(c->zone_size)) {
		pr_err("zone_size must be power-of-two\n");
		return -EINVAL;
	}
	if (c->zone_size > c->size) {
		pr_err("Zone size larger than device capacity\n");
		return -EINVAL;
	}
	if (!c->zone_capacity)
		c->zone_capacity = c->zone_size;
	if (c->zone_capacity > c->zone_size) {
		pr_err("zone capacity (%llu MB) larger than zone size (%llu MB)\n",
		       c->zone_capacity, c->zone_size);
		return -EINVAL;
	}
	/* No real device has both a smaller capacity and a smaller last zone. */
	if (c->zone_capacity != c->zone_size && c->size & (c->zone_size - 1)) {
		pr_err("A smaller last zone is not allowed with zone capacity smaller than zone size.\n");
		return -EINVAL;
	}
	zone_sects = nullb_mib_to_sects(c->zone_size);
	/* chunk_sectors, the zone size for the block layer, is 32-bit */
	if (!zone_sects || zone_sects > UINT_MAX ||
	    c->zone_size > U64_MAX >> 20) {
		pr_err("zone_size too large or too small, leads to zero sectors\n");
		return -EINVAL;
	}
	nr_zones = DIV_ROUND_UP_ULL(c->size, c->zone_size);
	if (c->zone_nr_conv >= nr_zones) {
		c->zone_nr_conv = nr_zones - 1;
		pr_info("changed the number of conventional zones to %u\n",
			c->zone_nr_conv);
	}
	c->zone_append_max_sectors =
		min_t(u64, ALIGN_DOWN(c->zone_append_max_sectors,
				      c->blocksize >> SECTOR_SHIFT),
		      nullb_mib_to_sects(c->zone_capacity));
	/* A limit is enforceable only below the number of sequential zones. */
	nr_seq = nr_zones - c->zone_nr_conv;
	if (c->zone_max_active >= nr_seq) {
		c->zone_max_active = 0;
		pr_info("zone_max_active limit disabled, limit >= zone count\n");
	}
	if (c->zone_max_active && c->zone_max_open > c->zone_max_active) {
		c->zone_max_open = c->zone_max_active;
		pr_info("changed the maximum number of open zones to %u\n",
			c->zone_max_open);
	} else if (c->zone_max_open >= nr_seq) {
		c->zone_max_open = 0;
		pr_info("zone_max_open limit disabled, limit >= zone count\n");
	}
	return 0;
}

/**
 * nullb_zoned_acquire() - set up the zones of a device being powered on
 * @p: acquire-phase handle of the device
 * @z: its zones
 * @c: its configuration, validated by nullb_zoned_validate()
 * @st: its store if memory-backed, else NULL
 * @lim: its disk's limits, given the zone geometry and limits here
 *
 * Context: process context, acquire phase.
 * Return: 0, or -ENOMEM (the zone array is an acquisition).
 */
int nullb_zoned_acquire(struct kb_probe *p, struct nullb_zoned *z,
			const struct nullb_conf *c, struct nullb_store *st,
			struct kb_blk_limits *lim)
{
	sector_t zone_sects = nullb_mib_to_sects(c->zone_size);
	sector_t cap_sects = nullb_mib_to_sects(c->zone_capacity);
	sector_t dev_sects = nullb_mib_to_sects(c->size);
	unsigned int i;
	int ret;

	z->nr_zones = DIV_ROUND_UP_ULL(c->size, c->zone_size);
	ret = kb_array_alloc(p, &z->zones_mem, z->zones, z->nr_zones,
			     c->home_node);
	if (ret)
		return ret;
	z->store = st;
	z->zone_shift = ilog2(zone_sects);
	z->nr_conv = c->zone_nr_conv;
	z->max_open = c->zone_max_open;
	z->max_active = c->zone_max_active;
	z->append = c->zone_append_max_sectors;
	z->res_mgmt = z->max_open || z->max_active;
	spin_lock_init(&z->res_lock);
	z->imp_close_zone_no = z->nr_conv;
	for (i = 0; i < z->nr_zones; i++) {
		struct nullb_zone *zone = &z->zones[i];

		spin_lock_init(&zone->lock);
		zone->start = (sector_t)i << z->zone_shift;
		zone->len = min(zone_sects, dev_sects - zone->start);
		if (i < z->nr_conv) {
			zone->type = BLK_ZONE_TYPE_CONVENTIONAL;
			zone->cond = BLK_ZONE_COND_NOT_WP;
			zone->capacity = zone->len;
			zone->wp = zone->start + zone->len;
			continue;
		}
		zone->type = BLK_ZONE_TYPE_SEQWRITE_REQ;
		zone->capacity = min(zone->len, cap_sects);
		zone->cond = c->zone_full ? BLK_ZONE_COND_FULL :
					    BLK_ZONE_COND_EMPTY;
		zone->wp = zone->start + (c->zone_full ? zone->capacity : 0);
	}
	lim->zoned = true;
	lim->zone_sectors = zone_sects;
	lim->max_zone_append_sectors = c->zone_append_max_sectors;
	lim->max_open_zones = z->max_open;
	lim->max_active_zones = z->max_active;
	return 0;
}

/**
 * nullb_zoned_report() - report zones, for the disk's report_zones
 * @z: the zones
 * @sector: in the first zone to report
 * @nr_zones: how many at most
 * @rep: where to
 *
 * Each zone is copied under its lock and reported after: the consumer may
 * sleep and may change the copy.
 *
 * Context: process context, may sleep.
 * Return: how many zones were reported, or the consumer's error.
 */
int nullb_zoned_report(struct nullb_zoned *z, sector_t sector,
		       unsigned int nr_zones, struct kb_blk_zone_report *rep)
{
	unsigned int first = sector >> z->zone_shift, i;
	struct blk_zone blkz;
	int ret;

	if (first >= z->nr_zones)
		return 0;
	nr_zones = min(nr_zones, z->nr_zones - first);
	for (i = 0; i < nr_zones; i++) {
		struct nullb_zone *zone = &z->zones[first + i];

		memset(&blkz, 0, sizeof(blkz));
		spin_lock(&zone->lock);
		blkz.start = zone->start;
		blkz.len = zone->len;
		blkz.capacity = zone->capacity;
		blkz.wp = zone->wp;
		blkz.type = zone->type;
		blkz.cond = zone->cond;
		spin_unlock(&zone->lock);
		ret = kb_blk_report_zone(rep, &blkz, i);
		if (ret)
			return ret;
	}
	return nr_zones;
}

/*
 * With an open limit reached, close an implicitly open zone (the next one
 * after the last closed this way, round robin). Under res_lock and the
 * lock of the zone being opened; another zone's lock is only tried (the
 * usual order is the zone's, then res_lock), and one being written is
 * skipped: its write pointer may be about to move. (The stock driver
 * closes it without its lock, racing with that write.)
 * Return: whether a zone was closed.
 */
static bool nullb_close_imp_open(struct nullb_zoned *z)
{
	unsigned int zno = z->imp_close_zone_no, i;

	for (i = z->nr_conv; i < z->nr_zones; i++) {
		struct nullb_zone *zone;

		if (zno >= z->nr_zones)
			zno = z->nr_conv;
		zone = &z->zones[zno++];
		if (READ_ONCE(zone->cond) != BLK_ZONE_COND_IMP_OPEN ||
		    !spin_trylock(&zone->lock))
			continue;
		if (zone->cond != BLK_ZONE_COND_IMP_OPEN) {
			spin_unlock(&zone->lock);
			continue;
		}
		z->nr_imp_open--;
		if (zone->wp == zone->start) {
			zone->cond = BLK_ZONE_COND_EMPTY;
		} else {
			zone->cond = BLK_ZONE_COND_CLOSED;
			z->nr_closed++;
		}
		spin_unlock(&zone->lock);
		z->imp_close_zone_no = zno;
		return true;
	}
	return false;
}

/* Room for one more active zone? Under res_lock. */
static blk_status_t nullb_check_active(struct nullb_zoned *z)
{
	if (!z->max_active ||
	    z->nr_exp_open + z->nr_imp_open + z->nr_closed < z->max_active)
		return BLK_STS_OK;
	return BLK_STS_ZONE_ACTIVE_RESOURCE;
}

/* Room for one more open zone, closing one if need be? Under res_lock. */
static blk_status_t nullb_check_open(struct nullb_zoned *z)
{
	if (!z->max_open || z->nr_exp_open + z->nr_imp_open < z->max_open)
		return BLK_STS_OK;
	/* Closing makes it closed, active still: only with room for that. */
	if (z->nr_imp_open && nullb_check_active(z) == BLK_STS_OK &&
	    nullb_close_imp_open(z))
		return BLK_STS_OK;
	return BLK_STS_ZONE_OPEN_RESOURCE;
}

/*
 * May @zone (empty or closed) be opened, within the open and active
 * limits? An empty zone becomes active, a closed one already is. Under
 * res_lock (ZBC's "manage open zone resources", with ZNS's active limit).
 */
static blk_status_t nullb_check_resources(struct nullb_zoned *z,
					  struct nullb_zone *zone)
{
	blk_status_t ret;

	switch (zone->cond) {
	case BLK_ZONE_COND_EMPTY:
		ret = nullb_check_active(z);
		if (ret != BLK_STS_OK)
			return ret;
		fallthrough;
	case BLK_ZONE_COND_CLOSED:
		return nullb_check_open(z);
	default:
		WARN_ON_ONCE(1);
		return BLK_STS_IOERR;
	}
}

/* Take @zone out of the count of its condition. Under res_lock. */
static void nullb_uncount(struct nullb_zoned *z, struct nullb_zone *zone)
{
	switch (zone->cond) {
	case BLK_ZONE_COND_IMP_OPEN:
		z->nr_imp_open--;
		break;
	case BLK_ZONE_COND_EXP_OPEN:
		z->nr_exp_open--;
		break;
	case BLK_ZONE_COND_CLOSED:
		z->nr_closed--;
		break;
	default:
		break;
	}
}

/*
 * Open @zone (empty or closed) implicitly, for a write, within the
 * limits. Under the zone's lock.
 */
static blk_status_t nullb_imp_open(struct nullb_zoned *z,
				   struct nullb_zone *zone)
{
	blk_status_t ret = BLK_STS_OK;

	if (!z->res_mgmt) {
		zone->cond = BLK_ZONE_COND_IMP_OPEN;
		return BLK_STS_OK;
	}
	spin_lock(&z->res_lock);
	ret = nullb_check_resources(z, zone);
	if (ret == BLK_STS_OK) {
		nullb_uncount(z, zone);
		zone->cond = BLK_ZONE_COND_IMP_OPEN;
		z->nr_imp_open++;
	}
	spin_unlock(&z->res_lock);
	return ret;
}

/*
 * Move @zone to @cond, an uncounted condition (empty, full), counting it
 * out of its current one. Under the zone's lock.
 */
static void nullb_set_uncounted(struct nullb_zoned *z, struct nullb_zone *zone,
				u8 cond)
{
	if (z->res_mgmt) {
		spin_lock(&z->res_lock);
		nullb_uncount(z, zone);
		zone->cond = cond;
		spin_unlock(&z->res_lock);
	}
	zone->cond = cond;
}

/* Write at the write pointer; a zone append at wherever it is. */
static blk_status_t nullb_zone_write(struct nullb_zoned *z,
				     struct nullb_zone *zone,
				     struct request *rq, gfp_t gfp,
				     bool append)
{
	unsigned int nr = blk_rq_sectors(rq);
	sector_t sector = blk_rq_pos(rq);
	blk_status_t ret;

	if (zone->type == BLK_ZONE_TYPE_CONVENTIONAL) {
		if (append)
			return BLK_STS_IOERR;
		return z->store ? nullb_store_rq(z->store, rq, blk_rq_sectors(rq),
						 NULLB_ZONE_INVALID_WP, gfp) :
				  BLK_STS_OK;
	}
	if (z->store) {
		/* Where it will go, unless another write goes first. */
		sector_t at = append ? READ_ONCE(zone->wp) : sector;

		if (at >= zone->start && at < zone->start + zone->len &&
		    nullb_store_reserve(z->store, at, blk_rq_bytes(rq),
					rq->cmd_flags & REQ_FUA, gfp))
			return BLK_STS_NOSPC;
	}
	spin_lock(&zone->lock);
	/*
	 * The write pointer check fails for full, readonly and offline
	 * zones as well (their write pointer is at the end, or invalid).
	 */
	if (append) {
		if (WARN_ON_ONCE(!z->append) ||
		    zone->wp == NULLB_ZONE_INVALID_WP) {
			ret = BLK_STS_IOERR;
			goto unlock;
		}
		sector = zone->wp;
		kb_blk_zone_append_done(rq, sector);
	}
	if (sector != zone->wp ||
	    zone->wp + nr > zone->start + zone->capacity) {
		ret = BLK_STS_IOERR;
		goto unlock;
	}
	if (zone->cond == BLK_ZONE_COND_EMPTY ||
	    zone->cond == BLK_ZONE_COND_CLOSED) {
		ret = nullb_imp_open(z, zone);
		if (ret != BLK_STS_OK)
			goto unlock;
	}
	if (z->store) {
		/* the pages are there, bar a cache writeback meanwhile */
		ret = nullb_store_rq(z->store, rq, blk_rq_sectors(rq),
				     NULLB_ZONE_INVALID_WP,
				     GFP_ATOMIC | __GFP_NOWARN);
		if (ret != BLK_STS_OK)
			goto unlock;
	}
	zone->wp += nr;
	if (zone->wp == zone->start + zone->capacity)
		nullb_set_uncounted(z, zone, BLK_ZONE_COND_FULL);
	ret = BLK_STS_OK;
unlock:
	spin_unlock(&zone->lock);
	return ret;
}

static blk_status_t nullb_zone_open(struct nullb_zoned *z,
				    struct nullb_zone *zone)
{
	blk_status_t ret = BLK_STS_OK;

	switch (zone->cond) {
	case BLK_ZONE_COND_EXP_OPEN:
		return BLK_STS_OK;	/* not an error */
	case BLK_ZONE_COND_EMPTY:
	case BLK_ZONE_COND_IMP_OPEN:
	case BLK_ZONE_COND_CLOSED:
		break;
	default:
		return BLK_STS_IOERR;
	}
	if (z->res_mgmt) {
		spin_lock(&z->res_lock);
		if (zone->cond != BLK_ZONE_COND_IMP_OPEN)
			ret = nullb_check_resources(z, zone);
		if (ret == BLK_STS_OK) {
			nullb_uncount(z, zone);
			z->nr_exp_open++;
			zone->cond = BLK_ZONE_COND_EXP_OPEN;
		}
		spin_unlock(&z->res_lock);
		return ret;
	}
	zone->cond = BLK_ZONE_COND_EXP_OPEN;
	return BLK_STS_OK;
}

static blk_status_t nullb_zone_close(struct nullb_zoned *z,
				     struct nullb_zone *zone)
{
	u8 cond;

	switch (zone->cond) {
	case BLK_ZONE_COND_CLOSED:
		return BLK_STS_OK;	/* not an error */
	case BLK_ZONE_COND_IMP_OPEN:
	case BLK_ZONE_COND_EXP_OPEN:
		break;
	default:
		return BLK_STS_IOERR;
	}
	cond = zone->wp == zone->start ? BLK_ZONE_COND_EMPTY :
					 BLK_ZONE_COND_CLOSED;
	if (z->res_mgmt) {
		spin_lock(&z->res_lock);
		nullb_uncount(z, zone);
		if (cond == BLK_ZONE_COND_CLOSED)
			z->nr_closed++;
		zone->cond = cond;
		spin_unlock(&z->res_lock);
		return BLK_STS_OK;
	}
	zone->cond = cond;
	return BLK_STS_OK;
}

static blk_status_t nullb_zone_finish(struct nullb_zoned *z,
				      struct nullb_zone *zone)
{
	blk_status_t ret = BLK_STS_OK;

	switch (zone->cond) {
	case BLK_ZONE_COND_FULL:
		return BLK_STS_OK;	/* not an error */
	case BLK_ZONE_COND_EMPTY:
	case BLK_ZONE_COND_CLOSED:
	case BLK_ZONE_COND_IMP_OPEN:
	case BLK_ZONE_COND_EXP_OPEN:
		break;
	default:
		return BLK_STS_IOERR;
	}
	if (z->res_mgmt) {
		spin_lock(&z->res_lock);
		/* finishing opens the zone first, as far as limits go */
		if (zone->cond == BLK_ZONE_COND_EMPTY ||
		    zone->cond == BLK_ZONE_COND_CLOSED)
			ret = nullb_check_resources(z, zone);
		if (ret == BLK_STS_OK) {
			nullb_uncount(z, zone);
			zone->cond = BLK_ZONE_COND_FULL;
		}
		spin_unlock(&z->res_lock);
		if (ret != BLK_STS_OK)
			return ret;
	}
	zone->cond = BLK_ZONE_COND_FULL;
	zone->wp = zone->start + zone->len;
	return BLK_STS_OK;
}

/* Drop the data of @zone from the store. */
static void nullb_zone_discard(struct nullb_zoned *z, struct nullb_zone *zone)
{
	sector_t sector = zone->start, end = zone->start + zone->len;

	if (!z->store)
		return;
	while (sector < end) {
		unsigned int n = min_t(sector_t, end - sector,
				       NULLB_DISCARD_MAX >> SECTOR_SHIFT);

		nullb_store_discard(z->store, sector, n << SECTOR_SHIFT);
		sector += n;
	}
}

static blk_status_t nullb_zone_reset(struct nullb_zoned *z,
				     struct nullb_zone *zone)
{
	switch (zone->cond) {
	case BLK_ZONE_COND_EMPTY:
	case BLK_ZONE_COND_IMP_OPEN:
	case BLK_ZONE_COND_EXP_OPEN:
	case BLK_ZONE_COND_CLOSED:
	case BLK_ZONE_COND_FULL:
		break;
	default:
		return BLK_STS_IOERR;
	}
	nullb_set_uncounted(z, zone, BLK_ZONE_COND_EMPTY);
	zone->wp = zone->start;
	nullb_zone_discard(z, zone);
	return BLK_STS_OK;
}

/* A zone management operation on @zone; RESET_ALL is done by the caller. */
static blk_status_t nullb_zone_mgmt(struct nullb_zoned *z,
				    struct nullb_zone *zone, enum req_op op)
{
	blk_status_t ret;

	if (zone->type == BLK_ZONE_TYPE_CONVENTIONAL)
		return BLK_STS_IOERR;
	spin_lock(&zone->lock);
	switch (op) {
	case REQ_OP_ZONE_RESET:
		ret = nullb_zone_reset(z, zone);
		break;
	case REQ_OP_ZONE_OPEN:
		ret = nullb_zone_open(z, zone);
		break;
	case REQ_OP_ZONE_CLOSE:
		ret = nullb_zone_close(z, zone);
		break;
	case REQ_OP_ZONE_FINISH:
		ret = nullb_zone_finish(z, zone);
		break;
	default:
		ret = BLK_STS_NOTSUPP;
		break;
	}
	spin_unlock(&zone->lock);
	return ret;
}

/* Reset every sequential zone that is neither empty, readonly or offline. */
static void nullb_zone_reset_all(struct nullb_zoned *z)
{
	unsigned int i;

	for (i = z->nr_conv; i < z->nr_zones; i++) {
		struct nullb_zone *zone = &z->zones[i];

		spin_lock(&zone->lock);
		if (zone->cond != BLK_ZONE_COND_EMPTY)
			nullb_zone_reset(z, zone);	/* fails on RO/offline */
		spin_unlock(&zone->lock);
	}
}

/* A read: of the data below the write pointer, 0xff bytes past it. */
static blk_status_t nullb_zone_read(struct nullb_zoned *z,
				    struct nullb_zone *zone, struct request *rq)
{
	blk_status_t ret = BLK_STS_OK;

	spin_lock(&zone->lock);
	if (zone->cond == BLK_ZONE_COND_OFFLINE)
		ret = BLK_STS_IOERR;
	else if (z->store)
		ret = nullb_store_rq(z->store, rq, blk_rq_sectors(rq),
				     zone->type == BLK_ZONE_TYPE_CONVENTIONAL ?
				     NULLB_ZONE_INVALID_WP : zone->wp,
				     GFP_ATOMIC);
	spin_unlock(&zone->lock);
	return ret;
}

/**
 * nullb_zoned_rq() - carry out a request on a zoned device
 * @z: its zones
 * @rq: the request (not a flush), within one zone (the block layer splits
 *	at zone boundaries)
 * @gfp: for the store pages a write needs, allocated before the zone's
 *	lock is taken
 *
 * Context: queue_rq or .poll.
 * Return: BLK_STS_OK; BLK_STS_IOERR for a write not at the write pointer
 * or past the zone's capacity, an operation the zone's condition refuses,
 * or any access to an offline zone; BLK_STS_ZONE_OPEN_RESOURCE or
 * BLK_STS_ZONE_ACTIVE_RESOURCE past the limits; BLK_STS_NOSPC without
 * memory.
 */
blk_status_t nullb_zoned_rq(struct nullb_zoned *z, struct request *rq,
			    gfp_t gfp)
{
	unsigned int zno = blk_rq_pos(rq) >> z->zone_shift;
	enum req_op op = req_op(rq);
	struct nullb_zone *zone;

	if (op == REQ_OP_ZONE_RESET_ALL) {
		nullb_zone_reset_all(z);
		return BLK_STS_OK;
	}
	if (WARN_ON_ONCE(zno >= z->nr_zones))
		return BLK_STS_IOERR;
	zone = &z->zones[zno];
	switch (op) {
	case REQ_OP_WRITE:
		return nullb_zone_write(z, zone, rq, gfp, false);
	case REQ_OP_ZONE_APPEND:
		return nullb_zone_write(z, zone, rq, gfp, true);
	case REQ_OP_ZONE_RESET:
	case REQ_OP_ZONE_OPEN:
	case REQ_OP_ZONE_CLOSE:
	case REQ_OP_ZONE_FINISH:
		return nullb_zone_mgmt(z, zone, op);
	case REQ_OP_READ:
		return nullb_zone_read(z, zone, rq);
	default:
		return READ_ONCE(zone->cond) == BLK_ZONE_COND_OFFLINE ?
			BLK_STS_IOERR : BLK_STS_OK;
	}
}

/**
 * nullb_zoned_set_cond() - make the zone at a sector readonly or offline
 * @z: the zones of a powered device
 * @page: the sector, as written to configfs (any base)
 * @cond: %BLK_ZONE_COND_READONLY or %BLK_ZONE_COND_OFFLINE
 *
 * As stock: a zone in @cond already goes back to empty (its data
 * dropped); another is finished first (giving back its open or active
 * resource), then loses its write pointer.
 *
 * Context: process context, while the device is powered (its zones live).
 * Return: 0; the parser's error; -EINVAL for a sector out of range or in
 * a conventional zone.
 */
int nullb_zoned_set_cond(struct nullb_zoned *z, const char *page,
			 enum blk_zone_cond cond)
{
	struct nullb_zone *zone;
	unsigned long long sector;
	int ret;

	ret = kstrtoull(page, 0, &sector);
	if (ret)
		return ret;
	if (sector >> z->zone_shift >= z->nr_zones) {
		pr_err("Sector out of range\n");
		return -EINVAL;
	}
	zone = &z->zones[sector >> z->zone_shift];
	if (zone->type == BLK_ZONE_TYPE_CONVENTIONAL) {
		pr_err("Can not change condition of conventional zones\n");
		return -EINVAL;
	}
	spin_lock(&zone->lock);
	if (zone->cond == cond) {
		zone->cond = BLK_ZONE_COND_EMPTY;
		zone->wp = zone->start;
		nullb_zone_discard(z, zone);
	} else {
		if (zone->cond != BLK_ZONE_COND_READONLY &&
		    zone->cond != BLK_ZONE_COND_OFFLINE)
			nullb_zone_finish(z, zone);
		zone->cond = cond;
		zone->wp = NULLB_ZONE_INVALID_WP;
	}
	spin_unlock(&zone->lock);
	return 0;
}
