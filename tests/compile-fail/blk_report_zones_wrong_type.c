// SPDX-License-Identifier: GPL-2.0
/*
 * A report_zones callback taking the block layer's untyped arguments (the
 * gendisk and a callback) instead of the device data and the report.
 * expect: incompatible pointer type
 */
#include <kbind/blk.h>
#include "cf_common.h"

struct cf_queue {
	int n;
};

static struct cf_queue *cf_init_hctx(struct cf_dev *d, unsigned int index)
{
	return NULL;
}

static blk_status_t cf_queue_rq(struct cf_dev *d, struct cf_queue *q,
				struct request *rq, struct cf_file *cmd,
				bool last)
{
	blk_mq_start_request(rq);
	blk_mq_end_request(rq, BLK_STS_OK);
	return BLK_STS_OK;
}

#ifdef KB_CF_CORRECT
static int cf_report_zones(struct cf_dev *d, sector_t sector,
			   unsigned int nr_zones,
			   struct kb_blk_zone_report *rep)
{
	struct blk_zone zone = { .start = sector };

	return kb_blk_report_zone(rep, &zone, 0) ?: 1;
}
#else
static int cf_report_zones(struct gendisk *disk, sector_t sector,
			   unsigned int nr_zones, report_zones_cb cb,
			   void *data)
{
	return 0;
}
#endif

KB_BLK_MQ(cf_mq, struct cf_dev, struct cf_queue, struct cf_file,
	  .init_hctx = cf_init_hctx,
	  .queue_rq = cf_queue_rq,
	  .report_zones = cf_report_zones);

/* Referenced, so that the ops are compiled. */
static const void *const cf_used __used = &cf_mq_kb_zoned_bdops;
