// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the kbind lifecycle core: teardown order, unwinding after a
 * failure at any step, publication after acquisition, typed private data,
 * the revoke pass before any undo, quiesce hooks between the last
 * publication and the first acquisition, and steps refused because they
 * are recorded twice or live on the stack.
 */
#include <kunit/test.h>
#include <linux/slab.h>

#include <kbind/lifecycle.h>

#define MAX_STEPS	8
#define PUB_ID		100	/* ids of publication steps start here */
#define REVOKED		1000	/* added to an id when its step is revoked */
#define QUIESCE_ID	50	/* the quiesce hook's id */

/* What a run did; outlives the private data it is about. */
struct lc_log {
	int undone[2 * MAX_STEPS];
	unsigned int nr_undone;
	unsigned int acquired;
	unsigned int published;
	bool acquired_all_before_publish;
	bool priv_alive_in_undo;
};

/* What the next run must do. */
struct lc_plan {
	unsigned int nr_acquire;
	unsigned int acquire_fail_at;	/* 1-based, 0: never */
	unsigned int nr_publish;
	unsigned int publish_fail_at;
	bool revocable;		/* record the steps with a revoke hook */
	bool reuse_in_publish;	/* record acquisition 0's step again */
	bool stack_in_acquire;	/* record a step on acquire's stack */
	unsigned int quiesce_after; /* 1-based acquisition; 0: no hook */
	struct lc_log log;
	struct lc_priv *priv_seen;
};

struct lc_res {
	struct kb_step step;
	int id;
};

struct lc_priv {
	u64 zero_check[4];
	struct lc_res acq[MAX_STEPS];
	struct lc_res pub[MAX_STEPS];
	struct lc_res quiesce;
	struct kb_lifecycle *lc;
};

static struct lc_plan *plan;

static void lc_res_undo(struct kb_step *step)
{
	struct lc_res *r = container_of(step, struct lc_res, step);

	plan->log.undone[plan->log.nr_undone++] = r->id;
	/* the private data is freed after every step was undone */
	plan->log.priv_alive_in_undo &= plan->priv_seen && plan->priv_seen->lc->priv;
}

static void lc_res_revoke(struct kb_step *step)
{
	struct lc_res *r = container_of(step, struct lc_res, step);

	plan->log.undone[plan->log.nr_undone++] = REVOKED + r->id;
}

static int lc_acquire(struct kb_probe *p, struct lc_priv *priv)
{
	struct lc_res on_stack = { .id = 99 };
	unsigned int i;

	/* SAFETY: only compared as an address by the test, never used. */
	plan->priv_seen = priv;
	priv->lc = __kb_lc(p);
	plan->log.priv_alive_in_undo = true;
	for (i = 0; i < plan->nr_acquire; i++) {
		if (i + 1 == plan->acquire_fail_at)
			return -EIO;
		priv->acq[i].id = i;
		if (plan->revocable)
			kb_acquired_revocable(p, &priv->acq[i].step,
					      lc_res_revoke, lc_res_undo, "test");
		else
			kb_acquired(p, &priv->acq[i].step, lc_res_undo, "test");
		plan->log.acquired++;
		if (i + 1 == plan->quiesce_after) {
			priv->quiesce.id = QUIESCE_ID;
			kb_quiesce_hook(p, &priv->quiesce.step, lc_res_undo,
					"quiesce");
		}
	}
	if (plan->stack_in_acquire)
		kb_acquired(p, &on_stack.step, lc_res_undo, "on the stack");
	return 0;
}

static int lc_publish(struct kb_publish *p, struct lc_priv *priv)
{
	unsigned int i;

	plan->log.acquired_all_before_publish =
		plan->log.acquired == plan->nr_acquire &&
		__kb_lc(p)->phase == KB_PHASE_PUBLISH;
	for (i = 0; i < plan->nr_publish; i++) {
		if (i + 1 == plan->publish_fail_at)
			return -EBUSY;
		priv->pub[i].id = PUB_ID + i;
		if (plan->revocable)
			kb_published_revocable(p, &priv->pub[i].step,
					       lc_res_revoke, lc_res_undo, "test");
		else
			kb_published(p, &priv->pub[i].step, lc_res_undo, "test");
		plan->log.published++;
	}
	if (plan->reuse_in_publish)
		kb_published(p, &priv->acq[0].step, lc_res_undo, "again");
	return 0;
}

KB_LIFECYCLE_DEFINE(lc_test, struct lc_priv, lc_acquire, lc_publish);

static int run(struct kunit *test, struct kb_lifecycle *lc,
	       struct lc_plan *p)
{
	plan = p;
	memset(lc, 0, sizeof(*lc));
	return kb_lifecycle_start(lc, &lc_test_kb_ops, NULL, THIS_MODULE);
}

/* Expect @log to hold exactly the ids @want, in order. */
static void expect_undone(struct kunit *test, const struct lc_log *log,
			  const int *want, unsigned int n)
{
	unsigned int i;

	KUNIT_ASSERT_EQ(test, log->nr_undone, n);
	for (i = 0; i < n; i++)
		KUNIT_EXPECT_EQ_MSG(test, log->undone[i], want[i],
				    "undo #%u", i);
}

static void expect_idle(struct kunit *test, struct kb_lifecycle *lc)
{
	KUNIT_EXPECT_EQ(test, lc->phase, KB_PHASE_IDLE);
	KUNIT_EXPECT_NULL(test, lc->top);
	KUNIT_EXPECT_EQ(test, lc->nr_steps, 0U);
	KUNIT_EXPECT_NULL(test, lc->priv);
}

static void teardown_reverses_acquisition(struct kunit *test)
{
	struct kb_lifecycle lc;
	unsigned int n, i;
	int want[MAX_STEPS];

	for (n = 1; n <= MAX_STEPS; n++) {
		struct lc_plan p = { .nr_acquire = n };

		KUNIT_ASSERT_EQ(test, run(test, &lc, &p), 0);
		KUNIT_EXPECT_EQ(test, lc.nr_steps, n);
		KUNIT_EXPECT_EQ(test, lc.phase, KB_PHASE_LIVE);
		KUNIT_EXPECT_EQ(test, p.log.nr_undone, 0U);
		kb_lifecycle_teardown(&lc);
		for (i = 0; i < n; i++)
			want[i] = n - 1 - i;
		expect_undone(test, &p.log, want, n);
		KUNIT_EXPECT_TRUE(test, p.log.priv_alive_in_undo);
		expect_idle(test, &lc);
	}
}

static void failure_at_step_k_unwinds_the_steps_before(struct kunit *test)
{
	struct kb_lifecycle lc;
	unsigned int n, k, i;
	int want[MAX_STEPS];

	for (n = 1; n <= MAX_STEPS; n++) {
		for (k = 1; k <= n; k++) {
			struct lc_plan p = {
				.nr_acquire = n, .acquire_fail_at = k,
				.nr_publish = 2,
			};

			KUNIT_ASSERT_EQ(test, run(test, &lc, &p), -EIO);
			for (i = 0; i < k - 1; i++)
				want[i] = k - 2 - i;
			expect_undone(test, &p.log, want, k - 1);
			KUNIT_EXPECT_EQ(test, p.log.published, 0U);
			KUNIT_EXPECT_TRUE(test, p.log.priv_alive_in_undo);
			expect_idle(test, &lc);
		}
	}
}

static void publish_follows_acquisition_and_is_undone_first(struct kunit *test)
{
	struct lc_plan p = { .nr_acquire = 3, .nr_publish = 2 };
	static const int want[] = { PUB_ID + 1, PUB_ID, 2, 1, 0 };
	struct kb_lifecycle lc;

	KUNIT_ASSERT_EQ(test, run(test, &lc, &p), 0);
	KUNIT_EXPECT_TRUE(test, p.log.acquired_all_before_publish);
	kb_lifecycle_teardown(&lc);
	expect_undone(test, &p.log, want, ARRAY_SIZE(want));
	expect_idle(test, &lc);
}

static void publish_failure_unwinds_everything(struct kunit *test)
{
	struct lc_plan p = {
		.nr_acquire = 3, .nr_publish = 3, .publish_fail_at = 2,
	};
	static const int want[] = { PUB_ID, 2, 1, 0 };
	struct kb_lifecycle lc;

	KUNIT_ASSERT_EQ(test, run(test, &lc, &p), -EBUSY);
	expect_undone(test, &p.log, want, ARRAY_SIZE(want));
	expect_idle(test, &lc);
}

static void typed_private_data(struct kunit *test)
{
	struct lc_plan p = { .nr_acquire = 1 };
	struct kb_lifecycle lc;
	struct lc_priv *priv;

	KUNIT_ASSERT_EQ(test, run(test, &lc, &p), 0);
	/* the accessor and the callbacks see the same, zeroed, object */
	priv = lc_test_priv(&lc);
	KUNIT_ASSERT_PTR_EQ(test, priv, p.priv_seen);
	KUNIT_EXPECT_GE(test, ksize(priv), sizeof(*priv));
	KUNIT_EXPECT_EQ(test, priv->zero_check[0] | priv->zero_check[3], 0ULL);
	kb_lifecycle_teardown(&lc);
	KUNIT_EXPECT_NULL(test, lc_test_priv(&lc));
}

static void restart_after_teardown(struct kunit *test)
{
	struct lc_plan p = { .nr_acquire = 2, .nr_publish = 1 };
	static const int want[] = { PUB_ID, 1, 0 };
	struct kb_lifecycle lc;

	KUNIT_ASSERT_EQ(test, run(test, &lc, &p), 0);
	kb_lifecycle_teardown(&lc);
	/* a second teardown finds nothing to undo */
	kb_lifecycle_teardown(&lc);
	expect_undone(test, &p.log, want, ARRAY_SIZE(want));

	memset(&p.log, 0, sizeof(p.log));
	KUNIT_ASSERT_EQ(test, kb_lifecycle_start(&lc, &lc_test_kb_ops, NULL,
						 THIS_MODULE), 0);
	KUNIT_EXPECT_EQ(test, lc.nr_steps, 3U);
	kb_lifecycle_teardown(&lc);
	expect_undone(test, &p.log, want, ARRAY_SIZE(want));
}

/* Every revoke hook runs, newest first, before the first undo. */
static void revoke_pass_precedes_every_undo(struct kunit *test)
{
	struct lc_plan p = { .nr_acquire = 2, .nr_publish = 2,
			     .revocable = true };
	static const int want[] = {
		REVOKED + PUB_ID + 1, REVOKED + PUB_ID, REVOKED + 1, REVOKED,
		PUB_ID + 1, PUB_ID, 1, 0,
	};
	struct kb_lifecycle lc;

	KUNIT_ASSERT_EQ(test, run(test, &lc, &p), 0);
	kb_lifecycle_teardown(&lc);
	expect_undone(test, &p.log, want, ARRAY_SIZE(want));
	expect_idle(test, &lc);

	/* also when publication fails: the revoke pass runs on what exists */
	memset(&p, 0, sizeof(p));
	p.nr_acquire = 2;
	p.nr_publish = 2;
	p.publish_fail_at = 2;
	p.revocable = true;
	KUNIT_ASSERT_EQ(test, run(test, &lc, &p), -EBUSY);
	{
		static const int want2[] = {
			REVOKED + PUB_ID, REVOKED + 1, REVOKED, PUB_ID, 1, 0,
		};

		expect_undone(test, &p.log, want2, ARRAY_SIZE(want2));
	}
}

/*
 * A step recorded twice would make the chain a cycle and teardown loop
 * forever: it is refused, the start fails, each step is undone once.
 */
static void step_recorded_twice_is_refused(struct kunit *test)
{
	struct lc_plan p = { .nr_acquire = 2, .nr_publish = 1,
			     .reuse_in_publish = true };
	static const int want[] = { PUB_ID, 1, 0 };
	struct kb_lifecycle lc;

	KUNIT_ASSERT_EQ(test, run(test, &lc, &p), -EINVAL);
	expect_undone(test, &p.log, want, ARRAY_SIZE(want));
	expect_idle(test, &lc);
}

/* A step on the stack would dangle: refused, never undone. */
static void step_on_the_stack_is_refused(struct kunit *test)
{
	struct lc_plan p = { .nr_acquire = 2, .nr_publish = 1,
			     .stack_in_acquire = true };
	static const int want[] = { 1, 0 };
	struct kb_lifecycle lc;

	KUNIT_ASSERT_EQ(test, run(test, &lc, &p), -EINVAL);
	expect_undone(test, &p.log, want, ARRAY_SIZE(want));
	KUNIT_EXPECT_EQ(test, p.log.published, 0U);
	expect_idle(test, &lc);
}

/*
 * A quiesce hook runs after the last publication is withdrawn and before
 * the first acquisition is undone, wherever among the acquisitions it was
 * recorded: on teardown, after a failed acquire, after a failed publish.
 */
static void quiesce_between_publications_and_acquisitions(struct kunit *test)
{
	static const int live[] = { 101, 100, QUIESCE_ID, 2, 1, 0 };
	static const int acq_fail[] = { QUIESCE_ID, 1, 0 };
	static const int pub_fail[] = { 100, QUIESCE_ID, 2, 1, 0 };
	struct lc_plan p = { .nr_acquire = 3, .nr_publish = 2,
			     .quiesce_after = 1 };
	struct kb_lifecycle lc;

	KUNIT_ASSERT_EQ(test, run(test, &lc, &p), 0);
	KUNIT_EXPECT_EQ(test, lc.nr_steps, 6U);
	kb_lifecycle_teardown(&lc);
	expect_undone(test, &p.log, live, ARRAY_SIZE(live));
	expect_idle(test, &lc);
	KUNIT_EXPECT_NULL(test, lc.quiesce);

	p = (struct lc_plan){ .nr_acquire = 3, .acquire_fail_at = 3,
			      .nr_publish = 2, .quiesce_after = 1 };
	KUNIT_EXPECT_EQ(test, run(test, &lc, &p), -EIO);
	expect_undone(test, &p.log, acq_fail, ARRAY_SIZE(acq_fail));
	expect_idle(test, &lc);

	p = (struct lc_plan){ .nr_acquire = 3, .nr_publish = 2,
			      .publish_fail_at = 2, .quiesce_after = 3 };
	KUNIT_EXPECT_EQ(test, run(test, &lc, &p), -EBUSY);
	expect_undone(test, &p.log, pub_fail, ARRAY_SIZE(pub_fail));
	expect_idle(test, &lc);
}

static struct kunit_case kbind_lifecycle_cases[] = {
	KUNIT_CASE(teardown_reverses_acquisition),
	KUNIT_CASE(failure_at_step_k_unwinds_the_steps_before),
	KUNIT_CASE(publish_follows_acquisition_and_is_undone_first),
	KUNIT_CASE(publish_failure_unwinds_everything),
	KUNIT_CASE(typed_private_data),
	KUNIT_CASE(restart_after_teardown),
	KUNIT_CASE(revoke_pass_precedes_every_undo),
	KUNIT_CASE(step_recorded_twice_is_refused),
	KUNIT_CASE(step_on_the_stack_is_refused),
	KUNIT_CASE(quiesce_between_publications_and_acquisitions),
	{}
};

static struct kunit_suite kbind_lifecycle_suite = {
	.name = "kbind_lifecycle",
	.test_cases = kbind_lifecycle_cases,
};

kunit_test_suite(kbind_lifecycle_suite);

MODULE_DESCRIPTION("KUnit tests of the kbind lifecycle core");
MODULE_LICENSE("GPL");
