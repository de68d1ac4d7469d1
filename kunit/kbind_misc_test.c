// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the kbind misc binding: typed per-open data, files that
 * stay open across the owner's teardown, and the release and revoke hooks
 * that see the owner's data exactly while it is live. Needs devtmpfs mounted on /dev
 * (the project's test VM has it); skipped otherwise.
 */
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/file.h>
#include <linux/fs.h>

#include <kbind/misc.h>

#define NODE		"kbind-kunit-misc"
#define DEV_MAGIC	0x4b42
#define CMD_COOKIE	1
#define CMD_MAGIC	2

struct km_dev {
	int magic;
	unsigned int opens;
};

struct km_file {
	unsigned int cookie;
	bool was_zeroed;
};

static struct {
	struct completion released;
	unsigned int released_cookie;
	bool released_was_zeroed;
	struct km_dev *released_dev;
	unsigned int revoked;		/* revoke hook calls */
	unsigned int revoked_live;	/* ... that saw the owner's data */
} km_state;

static int km_open(struct km_dev *dev, struct km_file *f)
{
	f->was_zeroed = !f->cookie;
	f->cookie = ++dev->opens;
	return 0;
}

static void km_release(struct km_dev *dev, struct km_file *f)
{
	/* SAFETY: only compared as an address by the test, never used. */
	km_state.released_dev = dev;
	if (dev)
		dev->opens--;
	km_state.released_cookie = f->cookie;
	km_state.released_was_zeroed = f->was_zeroed;
	complete(&km_state.released);
}

static void km_revoke(struct km_dev *dev, struct km_file *f)
{
	km_state.revoked++;
	if (dev->magic == DEV_MAGIC && f->cookie)
		km_state.revoked_live++;
}

static long km_ioctl(struct km_dev *dev, struct km_file *f, unsigned int cmd,
		     struct kb_ioctl *arg)
{
	switch (cmd) {
	case CMD_COOKIE:
		return f->cookie;
	case CMD_MAGIC:
		return dev->magic;
	default:
		return -ENOTTY;
	}
}

KB_MISC_DEVICE(km_misc, struct km_dev, struct km_file,
	       .open = km_open,
	       .release = km_release,
	       .revoke = km_revoke,
	       .ioctl = km_ioctl);

static int km_acquire(struct kb_probe *p, struct km_dev *dev)
{
	dev->magic = DEV_MAGIC;
	return 0;
}

static int km_publish(struct kb_publish *p, struct km_dev *dev)
{
	return km_misc_publish(p, dev, NODE);
}

KB_LIFECYCLE_DEFINE(km, struct km_dev, km_acquire, km_publish);

static long km_call(struct file *f, unsigned int cmd)
{
	return f->f_op->unlocked_ioctl(f, cmd, 0);
}

static struct file *km_open_node(struct kunit *test)
{
	struct file *f = filp_open("/dev/" NODE, O_RDWR, 0);

	if (IS_ERR(f) && PTR_ERR(f) == -ENOENT)
		kunit_skip(test, "no /dev/%s: devtmpfs not mounted on /dev",
			   NODE);
	KUNIT_ASSERT_FALSE_MSG(test, IS_ERR(f), "open: %pe", f);
	return f;
}

/* fput() from a kernel thread is deferred: wait for ->release. */
static void km_close(struct kunit *test, struct file *f, unsigned int cookie)
{
	reinit_completion(&km_state.released);
	/* SAFETY: the test's own reference from its open, dropped once. */
	fput(f);
	KUNIT_ASSERT_NE(test, wait_for_completion_timeout(&km_state.released,
							  10 * HZ), 0UL);
	KUNIT_EXPECT_EQ(test, km_state.released_cookie, cookie);
	KUNIT_EXPECT_TRUE(test, km_state.released_was_zeroed);
}

static void per_open_data_is_typed_and_separate(struct kunit *test)
{
	struct kb_lifecycle lc = {};
	struct file *a, *b;

	init_completion(&km_state.released);
	KUNIT_ASSERT_EQ(test, kb_lifecycle_start(&lc, &km_kb_ops, NULL,
						 THIS_MODULE), 0);
	a = km_open_node(test);
	b = km_open_node(test);
	KUNIT_EXPECT_EQ(test, km_call(a, CMD_COOKIE), 1L);
	KUNIT_EXPECT_EQ(test, km_call(b, CMD_COOKIE), 2L);
	KUNIT_EXPECT_EQ(test, km_call(a, CMD_MAGIC), (long)DEV_MAGIC);
	KUNIT_EXPECT_EQ(test, km_call(a, 77), (long)-ENOTTY);
	KUNIT_EXPECT_EQ(test, km_priv(&lc)->opens, 2U);
	/* while the owner is live, release gets its data */
	km_close(test, b, 2);
	KUNIT_EXPECT_PTR_EQ(test, km_state.released_dev, km_priv(&lc));
	KUNIT_EXPECT_EQ(test, km_priv(&lc)->opens, 1U);
	km_close(test, a, 1);
	KUNIT_EXPECT_EQ(test, km_priv(&lc)->opens, 0U);
	kb_lifecycle_teardown(&lc);
	KUNIT_EXPECT_EQ(test, km_state.revoked, 0U);
}

static void files_survive_deregistration(struct kunit *test)
{
	struct kb_lifecycle lc = {};
	struct file *a, *b, *gone;

	init_completion(&km_state.released);
	km_state.revoked = 0;
	km_state.revoked_live = 0;
	KUNIT_ASSERT_EQ(test, kb_lifecycle_start(&lc, &km_kb_ops, NULL,
						 THIS_MODULE), 0);
	a = km_open_node(test);
	b = km_open_node(test);
	kb_lifecycle_teardown(&lc);
	/* teardown revoked each open file, the owner's data still there */
	KUNIT_EXPECT_EQ(test, km_state.revoked, 2U);
	KUNIT_EXPECT_EQ(test, km_state.revoked_live, 2U);

	/* the node is gone, its open files answer -ENODEV */
	gone = filp_open("/dev/" NODE, O_RDWR, 0);
	KUNIT_EXPECT_TRUE(test, IS_ERR(gone));
	if (!IS_ERR(gone))
		fput(gone);
	KUNIT_EXPECT_EQ(test, km_call(a, CMD_COOKIE), (long)-ENODEV);
	KUNIT_EXPECT_EQ(test, km_call(b, CMD_MAGIC), (long)-ENODEV);
	/* release still gets each file's own data, and no owner's */
	km_close(test, a, 1);
	KUNIT_EXPECT_NULL(test, km_state.released_dev);
	KUNIT_EXPECT_EQ(test, km_call(b, CMD_COOKIE), (long)-ENODEV);
	km_close(test, b, 2);
	KUNIT_EXPECT_NULL(test, km_state.released_dev);
	KUNIT_EXPECT_EQ(test, km_state.revoked, 2U);
}

static struct kunit_case kbind_misc_cases[] = {
	KUNIT_CASE(per_open_data_is_typed_and_separate),
	KUNIT_CASE(files_survive_deregistration),
	{}
};

static struct kunit_suite kbind_misc_suite = {
	.name = "kbind_misc",
	.test_cases = kbind_misc_cases,
};

kunit_test_suite(kbind_misc_suite);

MODULE_DESCRIPTION("KUnit tests of the kbind misc binding");
MODULE_LICENSE("GPL");
