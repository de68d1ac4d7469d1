// SPDX-License-Identifier: GPL-2.0
/*
 * kbind null_blk: the backing store of memory-backed devices. Pages are
 * allocated zeroed at first write (with the caller's gfp: polled I/O runs
 * under rcu_read_lock and must not sleep), so sectors never written read
 * as zeros; a discard zeroes what it covers and frees the pages it covers
 * whole. The optional write cache is described with &struct nullb_store.
 */
#include <linux/blk-mq.h>
#include <linux/blkdev.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/minmax.h>
#include <linux/mm.h>

#include "kbind_null_blk.h"

#define NULLB_PAGE_SECTORS	(PAGE_SIZE >> SECTOR_SHIFT)

/* A cache page's bitmap of the sectors it holds (bit i: sector i in it). */
static_assert(NULLB_PAGE_SECTORS <= BITS_PER_LONG);

void nullb_store_init(struct nullb_store *st)
{
	spin_lock_init(&st->lock);
	xa_init(&st->pages);
	xa_init(&st->cache);
	st->cache_pages = 0;
	st->cache_limit = 0;
}

/* Free a page of the store or the cache (whose page->private is in use). */
static void nullb_page_free(struct page *page)
{
	set_page_private(page, 0);
	__free_page(page);
}

static void nullb_xa_free(struct xarray *xa)
{
	struct page *page;
	unsigned long idx;

	xa_for_each(xa, idx, page)
		nullb_page_free(page);
	xa_destroy(xa);
}

/**
 * nullb_store_cache_drop() - lose what the write cache holds (power off)
 * @st: the store, with no I/O in flight
 */
void nullb_store_cache_drop(struct nullb_store *st)
{
	nullb_xa_free(&st->cache);
	st->cache_pages = 0;
}

void nullb_store_destroy(struct nullb_store *st)
{
	nullb_store_cache_drop(st);
	nullb_xa_free(&st->pages);
}

/* Count cache pages (@delta of them) in or out. */
static void nullb_cache_count(struct nullb_store *st, long delta)
{
	spin_lock(&st->lock);
	st->cache_pages += delta;
	spin_unlock(&st->lock);
}

/*
 * Insert a zeroed page (for the cache: holding no sector yet) at @idx of
 * @xa unless there is one; -ENOSPC without memory. A cache page is counted
 * before it is visible, so the count never falls below the cache's size.
 */
static int nullb_store_insert(struct nullb_store *st, struct xarray *xa,
			      unsigned long idx, gfp_t gfp)
{
	struct page *page = alloc_page(gfp | __GFP_ZERO), *old;
	bool cache = xa == &st->cache;

	if (!page)
		return -ENOSPC;
	set_page_private(page, 0);
	if (cache)
		nullb_cache_count(st, 1);
	old = xa_cmpxchg(xa, idx, NULL, page, gfp);
	if (!old)
		return 0;
	nullb_page_free(page);	/* lost a race, or no memory */
	if (cache)
		nullb_cache_count(st, -1);
	return xa_is_err(old) ? -ENOSPC : 0;
}

/* Sectors [@poff, @poff + @n) of a page as a bitmap. */
static unsigned long nullb_sector_bits(unsigned int poff, unsigned int n)
{
	unsigned int first = poff >> SECTOR_SHIFT;

	return GENMASK(first + (n >> SECTOR_SHIFT) - 1, first);
}

/* Cache page @cpage no longer holds sectors [@poff, @poff + @n). */
static void nullb_cache_forget(struct page *cpage, unsigned int poff,
			       unsigned int n)
{
	set_page_private(cpage, page_private(cpage) &
			 ~nullb_sector_bits(poff, n));
}

/* Take cache page @cpage out of the cache and free it. Under st->lock. */
static void nullb_cache_erase(struct nullb_store *st, unsigned long idx,
			      struct page *cpage)
{
	xa_erase(&st->cache, idx);
	nullb_page_free(cpage);
	st->cache_pages--;
}

/*
 * Copy cache page @cpage's sectors into @page, drop it. Under st->lock.
 * Only a cache page just inserted, holding nothing, may lack its @page.
 */
static void nullb_store_writeback(struct nullb_store *st, unsigned long idx,
				  struct page *cpage, struct page *page)
{
	unsigned long bits = page_private(cpage);
	unsigned int i;

	for_each_set_bit(i, &bits, NULLB_PAGE_SECTORS)
		memcpy_page(page, i << SECTOR_SHIFT, cpage, i << SECTOR_SHIFT,
			    SECTOR_SIZE);
	nullb_cache_erase(st, idx, cpage);
}

/* Write cache pages back until at most @keep are left. Under st->lock. */
static void nullb_store_shrink(struct nullb_store *st, unsigned long keep)
{
	struct page *cpage;
	unsigned long idx;

	xa_for_each(&st->cache, idx, cpage) {
		if (st->cache_pages <= keep)
			break;
		nullb_store_writeback(st, idx, cpage, xa_load(&st->pages, idx));
	}
}

/**
 * nullb_store_flush() - write the whole write cache back (REQ_OP_FLUSH)
 * @st: the store
 *
 * Context: any; takes st->lock.
 */
void nullb_store_flush(struct nullb_store *st)
{
	spin_lock(&st->lock);
	nullb_store_shrink(st, 0);
	spin_unlock(&st->lock);
}

/*
 * The piece of a transfer at @sector that lies in one page: its offset in
 * the page (in *@poff) and its length, at most @len.
 */
static unsigned int nullb_chunk(sector_t sector, unsigned int len,
				unsigned int *poff)
{
	*poff = (sector % NULLB_PAGE_SECTORS) << SECTOR_SHIFT;
	return min_t(unsigned int, len, PAGE_SIZE - *poff);
}

int nullb_store_write(struct nullb_store *st, sector_t sector,
		      const void *buf, unsigned int len, bool fua, gfp_t gfp)
{
	bool cached = st->cache_limit && !fua;
	unsigned int poff, n;

	for (; len; len -= n, sector += n >> SECTOR_SHIFT, buf += n) {
		unsigned long idx = sector / NULLB_PAGE_SECTORS;
		struct page *page, *cpage;

		n = nullb_chunk(sector, len, &poff);
		spin_lock(&st->lock);
		for (;;) {
			page = xa_load(&st->pages, idx);
			cpage = xa_load(&st->cache, idx);
			if (page && (cpage || !cached))
				break;
			spin_unlock(&st->lock);
			if (nullb_store_insert(st, page ? &st->cache : &st->pages,
					       idx, gfp))
				return -ENOSPC;
			spin_lock(&st->lock);
		}
		if (cached) {
			memcpy_to_page(cpage, poff, buf, n);
			set_page_private(cpage, page_private(cpage) |
					 nullb_sector_bits(poff, n));
			if (st->cache_pages > st->cache_limit)
				nullb_store_shrink(st, st->cache_limit);
		} else {
			if (cpage)	/* FUA: the page gets these sectors */
				nullb_cache_forget(cpage, poff, n);
			memcpy_to_page(page, poff, buf, n);
		}
		spin_unlock(&st->lock);
	}
	return 0;
}

/* Read @n bytes at @poff of page @idx, the cached sectors from the cache. */
static void nullb_store_get(struct nullb_store *st, unsigned long idx,
			    void *buf, unsigned int poff, unsigned int n)
{
	struct page *page = xa_load(&st->pages, idx);
	struct page *cpage = xa_load(&st->cache, idx);
	unsigned int off;

	if (page)
		memcpy_from_page(buf, page, poff, n);
	else
		memset(buf, 0, n);
	if (!cpage)
		return;
	for (off = poff; off < poff + n; off += SECTOR_SIZE)
		if (page_private(cpage) & BIT(off >> SECTOR_SHIFT))
			memcpy_from_page(buf + off - poff, cpage, off,
					 SECTOR_SIZE);
}

void nullb_store_read(struct nullb_store *st, sector_t sector, void *buf,
		      unsigned int len)
{
	unsigned int poff, n;

	for (; len; len -= n, sector += n >> SECTOR_SHIFT, buf += n) {
		n = nullb_chunk(sector, len, &poff);
		spin_lock(&st->lock);
		nullb_store_get(st, sector / NULLB_PAGE_SECTORS, buf, poff, n);
		spin_unlock(&st->lock);
	}
}

void nullb_store_discard(struct nullb_store *st, sector_t sector,
			 unsigned int len)
{
	unsigned int poff, n;

	for (; len; len -= n, sector += n >> SECTOR_SHIFT) {
		unsigned long idx = sector / NULLB_PAGE_SECTORS;
		struct page *page, *cpage;

		n = nullb_chunk(sector, len, &poff);
		spin_lock(&st->lock);
		page = xa_load(&st->pages, idx);
		cpage = xa_load(&st->cache, idx);
		if (cpage) {
			nullb_cache_forget(cpage, poff, n);
			if (!page_private(cpage))	/* always for a whole page */
				nullb_cache_erase(st, idx, cpage);
		}
		if (page && n == PAGE_SIZE) {
			xa_erase(&st->pages, idx);
			nullb_page_free(page);
		} else if (page) {
			memzero_page(page, poff, n);
		}
		spin_unlock(&st->lock);
	}
}

/**
 * nullb_store_reserve() - allocate the pages a write will need
 * @st: the store
 * @sector: where the write goes
 * @len: its length in bytes
 * @fua: whether it bypasses the write cache
 * @gfp: for the pages; may sleep if it allows
 *
 * For a writer that will hold a spinlock of its own while it writes (a
 * zone's): done before, the write then finds its pages and allocates none,
 * unless the cache was written back meanwhile.
 *
 * Context: as @gfp allows; takes st->lock.
 * Return: 0, or -ENOSPC without memory.
 */
int nullb_store_reserve(struct nullb_store *st, sector_t sector,
			unsigned int len, bool fua, gfp_t gfp)
{
	bool cached = st->cache_limit && !fua;
	unsigned int poff, n;

	for (; len; len -= n, sector += n >> SECTOR_SHIFT) {
		unsigned long idx = sector / NULLB_PAGE_SECTORS;
		struct page *page, *cpage;

		n = nullb_chunk(sector, len, &poff);
		for (;;) {
			spin_lock(&st->lock);
			page = xa_load(&st->pages, idx);
			cpage = xa_load(&st->cache, idx);
			spin_unlock(&st->lock);
			if (page && (cpage || !cached))
				break;
			if (nullb_store_insert(st, page ? &st->cache : &st->pages,
					       idx, gfp))
				return -ENOSPC;
		}
	}
	return 0;
}

/* Read @n bytes at @sector, those from @valid_end on as 0xff (unwritten). */
static void nullb_store_read_valid(struct nullb_store *st, sector_t sector,
				   void *buf, unsigned int n,
				   sector_t valid_end)
{
	unsigned int valid = n;

	if (sector >= valid_end)
		valid = 0;
	else if (valid_end - sector < n >> SECTOR_SHIFT)
		valid = (valid_end - sector) << SECTOR_SHIFT;
	nullb_store_read(st, sector, buf, valid);
	memset(buf + valid, 0xff, n - valid);
}

/**
 * nullb_store_rq() - move the data of a request between it and the store
 * @st: the store
 * @rq: a read, write or discard, at blk_rq_pos()
 * @nr: how many of its sectors to move (blk_rq_sectors(), or fewer: the
 *	first ones)
 * @valid_end: the sector from which a read finds no data (a zone's write
 *	pointer) and returns 0xff bytes; (sector_t)-1 for none
 * @gfp: for the pages a write needs (GFP_NOIO from a blocking queue_rq,
 *	GFP_ATOMIC from .poll or under a spinlock)
 *
 * Return: BLK_STS_OK, or BLK_STS_NOSPC if a page could not be allocated.
 */
blk_status_t nullb_store_rq(struct nullb_store *st, struct request *rq,
			    unsigned int nr, sector_t valid_end, gfp_t gfp)
{
	unsigned int left = nr << SECTOR_SHIFT;
	sector_t sector = blk_rq_pos(rq);
	struct req_iterator iter;
	struct bio_vec bv;

	if (req_op(rq) == REQ_OP_DISCARD) {
		nullb_store_discard(st, sector, left);
		return BLK_STS_OK;
	}
	rq_for_each_segment(bv, rq, iter) {
		unsigned int len = min(bv.bv_len, left);
		void *buf = bvec_kmap_local(&bv);
		int ret = 0;

		if (op_is_write(req_op(rq)))
			ret = nullb_store_write(st, sector, buf, len,
						rq->cmd_flags & REQ_FUA, gfp);
		else
			nullb_store_read_valid(st, sector, buf, len,
					       valid_end);
		kunmap_local(buf);
		if (ret)
			return errno_to_blk_status(ret);
		sector += len >> SECTOR_SHIFT;
		left -= len;
		if (!left)
			break;
	}
	return BLK_STS_OK;
}
