// SPDX-License-Identifier: GPL-2.0
/*
 * kbind null_blk: the backing store of memory-backed devices. Pages are
 * allocated zeroed at first write (with the caller's gfp: polled I/O runs
 * under rcu_read_lock and must not sleep), so sectors never written read
 * as zeros; a discard zeroes what it covers and frees the pages it covers
 * whole.
 */
#include <linux/blkdev.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/minmax.h>
#include <linux/mm.h>

#include "kbind_null_blk.h"

#define NULLB_PAGE_SECTORS	(PAGE_SIZE >> SECTOR_SHIFT)

void nullb_store_init(struct nullb_store *st)
{
	spin_lock_init(&st->lock);
	xa_init(&st->pages);
}

void nullb_store_destroy(struct nullb_store *st)
{
	struct page *page;
	unsigned long idx;

	xa_for_each(&st->pages, idx, page)
		__free_page(page);
	xa_destroy(&st->pages);
}

/* Insert a zeroed page at @idx unless there is one; -ENOSPC without memory. */
static int nullb_store_insert(struct nullb_store *st, unsigned long idx,
			      gfp_t gfp)
{
	struct page *page = alloc_page(gfp | __GFP_ZERO), *old;

	if (!page)
		return -ENOSPC;
	old = xa_cmpxchg(&st->pages, idx, NULL, page, gfp);
	if (old)
		__free_page(page);	/* lost a race, or no memory */
	return xa_is_err(old) ? -ENOSPC : 0;
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
		      const void *buf, unsigned int len, gfp_t gfp)
{
	unsigned int poff, n;

	for (; len; len -= n, sector += n >> SECTOR_SHIFT, buf += n) {
		unsigned long idx = sector / NULLB_PAGE_SECTORS;
		struct page *page;

		n = nullb_chunk(sector, len, &poff);
		spin_lock(&st->lock);
		while (!(page = xa_load(&st->pages, idx))) {
			spin_unlock(&st->lock);
			if (nullb_store_insert(st, idx, gfp))
				return -ENOSPC;
			spin_lock(&st->lock);
		}
		memcpy_to_page(page, poff, buf, n);
		spin_unlock(&st->lock);
	}
	return 0;
}

void nullb_store_read(struct nullb_store *st, sector_t sector, void *buf,
		      unsigned int len)
{
	unsigned int poff, n;

	for (; len; len -= n, sector += n >> SECTOR_SHIFT, buf += n) {
		struct page *page;

		n = nullb_chunk(sector, len, &poff);
		spin_lock(&st->lock);
		page = xa_load(&st->pages, sector / NULLB_PAGE_SECTORS);
		if (page)
			memcpy_from_page(buf, page, poff, n);
		else
			memset(buf, 0, n);
		spin_unlock(&st->lock);
	}
}

void nullb_store_discard(struct nullb_store *st, sector_t sector,
			 unsigned int len)
{
	unsigned int poff, n;

	for (; len; len -= n, sector += n >> SECTOR_SHIFT) {
		unsigned long idx = sector / NULLB_PAGE_SECTORS;
		struct page *page;

		n = nullb_chunk(sector, len, &poff);
		spin_lock(&st->lock);
		page = xa_load(&st->pages, idx);
		if (page && n == PAGE_SIZE) {
			xa_erase(&st->pages, idx);
			__free_page(page);
		} else if (page) {
			memzero_page(page, poff, n);
		}
		spin_unlock(&st->lock);
	}
}
