// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of kbind's revocable: access before and after revocation,
 * revocation waiting for a reader, concurrent readers racing a revocation.
 */
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/kthread.h>
#include <linux/slab.h>

#include <kbind/compat.h>
#include <kbind/revocable.h>

#define CANARY 0x6b62696e64ULL

struct rev_data {
	u64 canary;
};

static void access_before_and_after_revoke(struct kunit *test)
{
	struct rev_data data = { .canary = CANARY };
	struct kb_revocable r;
	int idx, i;

	KUNIT_ASSERT_EQ(test, kb_revocable_init(&r, &data), 0);
	KUNIT_EXPECT_PTR_EQ(test, kb_revocable_begin(&r, &idx), (void *)&data);
	kb_revocable_end(&r, idx);

	kb_revocable_revoke(&r);
	for (i = 0; i < 3; i++) {
		KUNIT_EXPECT_NULL(test, kb_revocable_begin(&r, &idx));
		kb_revocable_end(&r, idx);
	}
	/* revoking again is harmless */
	kb_revocable_revoke(&r);
	KUNIT_EXPECT_NULL(test, kb_revocable_begin(&r, &idx));
	kb_revocable_end(&r, idx);
	kb_revocable_destroy(&r);
}

struct revoker {
	struct kb_revocable *r;
	struct completion done;
};

static int revoke_thread(void *arg)
{
	struct revoker *rv = arg;

	kb_revocable_revoke(rv->r);
	complete(&rv->done);
	return 0;
}

static void revoke_waits_for_reader(struct kunit *test)
{
	struct rev_data data = { .canary = CANARY };
	struct revoker rv;
	struct kb_revocable r;
	struct task_struct *t;
	struct rev_data *d;
	int idx;

	KUNIT_ASSERT_EQ(test, kb_revocable_init(&r, &data), 0);
	rv.r = &r;
	init_completion(&rv.done);

	d = kb_revocable_begin(&r, &idx);
	KUNIT_ASSERT_PTR_EQ(test, d, &data);
	t = kthread_run(revoke_thread, &rv, "kb-revoke-test");
	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	/* the reader is inside: revocation must not complete */
	KUNIT_EXPECT_EQ(test, wait_for_completion_timeout(&rv.done,
							  msecs_to_jiffies(300)),
			0UL);
	KUNIT_EXPECT_EQ(test, d->canary, CANARY);
	kb_revocable_end(&r, idx);
	/* the reader left: revocation completes */
	KUNIT_EXPECT_NE(test, wait_for_completion_timeout(&rv.done, 10 * HZ),
			0UL);
	KUNIT_EXPECT_NULL(test, kb_revocable_begin(&r, &idx));
	kb_revocable_end(&r, idx);
	kb_revocable_destroy(&r);
}

#define NR_READERS 4

struct reader {
	struct kb_revocable *r;
	struct completion done;
	bool revoked;		/* set by the test once revoke returned */
	unsigned long hits, misses, late_hits, bad;
};

/* Read until the revocation is seen; check the data each time. */
static int reader_thread(void *arg)
{
	struct reader *rd = arg;
	struct rev_data *d;
	bool after;
	int idx;

	for (;;) {
		after = READ_ONCE(rd->revoked);
		d = kb_revocable_begin(rd->r, &idx);
		if (d) {
			rd->hits++;
			rd->late_hits += after;
			rd->bad += d->canary != CANARY;
		} else {
			rd->misses++;
		}
		kb_revocable_end(rd->r, idx);
		if (!d)
			break;
		cond_resched();
	}
	complete(&rd->done);
	return 0;
}

static void readers_race_revocation(struct kunit *test)
{
	struct reader rd[NR_READERS];
	struct kb_revocable r;
	struct rev_data *data;
	int i;

	data = kzalloc_obj(*data, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, data);
	data->canary = CANARY;
	KUNIT_ASSERT_EQ(test, kb_revocable_init(&r, data), 0);
	for (i = 0; i < NR_READERS; i++) {
		struct task_struct *t;

		rd[i] = (struct reader){ .r = &r };
		init_completion(&rd[i].done);
		t = kthread_run(reader_thread, &rd[i], "kb-reader-%d", i);
		KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	}
	msleep(50);
	kb_revocable_revoke(&r);
	/* nobody can see the data now: poison and free it */
	data->canary = 0;
	kfree(data);
	for (i = 0; i < NR_READERS; i++)
		WRITE_ONCE(rd[i].revoked, true);
	for (i = 0; i < NR_READERS; i++) {
		KUNIT_ASSERT_NE(test, wait_for_completion_timeout(&rd[i].done,
								  10 * HZ),
				0UL);
		KUNIT_EXPECT_GT(test, rd[i].hits, 0UL);
		KUNIT_EXPECT_EQ(test, rd[i].misses, 1UL);
		KUNIT_EXPECT_EQ(test, rd[i].late_hits, 0UL);
		KUNIT_EXPECT_EQ(test, rd[i].bad, 0UL);
	}
	kb_revocable_destroy(&r);
}

static struct kunit_case kbind_revocable_cases[] = {
	KUNIT_CASE(access_before_and_after_revoke),
	KUNIT_CASE(revoke_waits_for_reader),
	KUNIT_CASE(readers_race_revocation),
	{}
};

static struct kunit_suite kbind_revocable_suite = {
	.name = "kbind_revocable",
	.test_cases = kbind_revocable_cases,
};

kunit_test_suite(kbind_revocable_suite);

MODULE_DESCRIPTION("KUnit tests of the kbind revocable");
MODULE_LICENSE("GPL");
