// SPDX-License-Identifier: GPL-2.0
/*
 * A queue_rq callback whose request data is not the declared command type.
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

#ifdef KB_CF_CORRECT
static blk_status_t cf_queue_rq(struct cf_dev *d, struct cf_queue *q,
				struct request *rq, struct cf_file *cmd,
				bool last)
#else
static blk_status_t cf_queue_rq(struct cf_dev *d, struct cf_queue *q,
				struct request *rq, struct cf_other *cmd,
				bool last)
#endif
{
	blk_mq_start_request(rq);
	blk_mq_end_request(rq, BLK_STS_OK);
	return BLK_STS_OK;
}

KB_BLK_MQ(cf_mq, struct cf_dev, struct cf_queue, struct cf_file,
	  .init_hctx = cf_init_hctx,
	  .queue_rq = cf_queue_rq);

/* Referenced, so that the ops are compiled. */
static const void *const cf_used __used = &cf_mq_kb_mq_ops;
