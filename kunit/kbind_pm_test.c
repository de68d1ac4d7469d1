// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of kbind's runtime PM and sysfs bindings on a KUnit device:
 * the usage count is balanced after teardown whatever happened (a failed
 * resume takes no reference, the scoped class puts on every path, a bus's
 * reference around probe is given back); teardown runs on a resumed
 * device; sysfs callbacks get the typed owner, refuse with -ENODEV once
 * revoked, and the files go before anything acquired is released.
 */
#include <kunit/device.h>
#include <kunit/test.h>
#include <linux/kernfs.h>
#include <linux/pm_domain.h>

#include <kbind/pm.h>
#include <kbind/sysfs.h>

struct kp_dev {
	struct kb_rpm rpm;
	struct kb_step after;		/* acquired after runtime PM */
	struct kb_sysfs_group attrs;
	struct kb_step late_pub;	/* published after the group */
	int value;
};

static struct {
	struct device *dev;
	char *page;			/* what sysfs hands show callbacks */
	bool bus_ref;
	bool with_attrs;
	bool fail_resume;
	int resumes;
	int suspends;
	bool active_at_after;		/* resumed when "after" was undone */
	ssize_t show_when_revoked;	/* a show between revoke and undo */
	bool file_when_revoked;		/* the file still there then */
} kp;

static int kp_rt_suspend(struct device *dev)
{
	kp.suspends++;
	return 0;
}

static int kp_rt_resume(struct device *dev)
{
	if (kp.fail_resume)
		return -EIO;
	kp.resumes++;
	return 0;
}

static struct dev_pm_domain kp_domain = {
	.ops = { RUNTIME_PM_OPS(kp_rt_suspend, kp_rt_resume, NULL) },
};

KB_SYSFS_GROUP_TYPE(kp_attrs, struct kp_dev);

static ssize_t kp_value_show(struct kp_dev *d, char *buf)
{
	return sysfs_emit(buf, "%d\n", d->value);
}

static ssize_t kp_value_store(struct kp_dev *d, const char *buf, size_t n)
{
	int ret = kstrtoint(buf, 0, &d->value);

	return ret ?: n;
}

KB_SYSFS_ATTR_RW(kp_attrs, value, kp_value_show, kp_value_store);
KB_SYSFS_GROUP(kp_attrs, "kp", &kp_attrs_attr_value);

static bool kp_file_exists(void)
{
	struct kernfs_node *dir, *kn = NULL;

	dir = kernfs_find_and_get(kp.dev->kobj.sd, "kp");
	if (dir) {
		kn = kernfs_find_and_get(dir, "value");
		kernfs_put(dir);
	}
	if (!kn)
		return false;
	kernfs_put(kn);
	return true;
}

static void kp_after_undo(struct kb_step *step)
{
	kp.active_at_after = pm_runtime_active(kp.dev);
}

static void kp_late_pub_undo(struct kb_step *step)
{
	struct kp_dev *d = container_of(step, struct kp_dev, late_pub);
	struct device_attribute *attr = &d->attrs.nodes[0].attr;

	kp.show_when_revoked = attr->show(kp.dev, attr, kp.page);
	kp.file_when_revoked = kp_file_exists();
}

static int kp_acquire(struct kb_probe *p, struct kp_dev *d)
{
	int ret = kb_rpm_enable(p, &d->rpm, kp.bus_ref);

	if (ret)
		return ret;
	kb_acquired(p, &d->after, kp_after_undo, "after runtime pm");
	return 0;
}

static int kp_publish(struct kb_publish *p, struct kp_dev *d)
{
	int ret;

	if (!kp.with_attrs)
		return 0;
	d->value = 7;
	ret = kp_attrs_publish(p, &d->attrs, d);
	if (ret)
		return ret;
	kb_published(p, &d->late_pub, kp_late_pub_undo, "after the group");
	return 0;
}

KB_LIFECYCLE_DEFINE(kp, struct kp_dev, kp_acquire, kp_publish);

static int kp_init(struct kunit *test)
{
	memset(&kp, 0, sizeof(kp));
	kp.page = kunit_kzalloc(test, PAGE_SIZE, GFP_KERNEL);
	if (!kp.page)
		return -ENOMEM;
	kp.dev = kunit_device_register(test, "kbind-pm-test");
	if (IS_ERR(kp.dev))
		return PTR_ERR(kp.dev);
	/* not dev_pm_domain_set(): a KUnit device is bound to a driver */
	kp.dev->pm_domain = &kp_domain;
	return 0;
}

static int kp_start(struct kb_lifecycle *lc)
{
	memset(lc, 0, sizeof(*lc));
	return kb_lifecycle_start(lc, &kp_kb_ops, kp.dev, THIS_MODULE);
}

static int kp_usage(void)
{
	return atomic_read(&kp.dev->power.usage_count);
}

static void enabled_while_live_disabled_after(struct kunit *test)
{
	struct kb_lifecycle lc;

	KUNIT_ASSERT_EQ(test, kp_start(&lc), 0);
	KUNIT_EXPECT_TRUE(test, pm_runtime_enabled(kp.dev));
	KUNIT_EXPECT_TRUE(test, pm_runtime_active(kp.dev));
	KUNIT_EXPECT_EQ(test, kp_usage(), 0);
	kb_lifecycle_teardown(&lc);
	KUNIT_EXPECT_FALSE(test, pm_runtime_enabled(kp.dev));
	KUNIT_EXPECT_EQ(test, kp.dev->power.runtime_status, RPM_SUSPENDED);
	KUNIT_EXPECT_EQ(test, kp_usage(), 0);
}

static void get_resumes_put_releases(struct kunit *test)
{
	struct kb_lifecycle lc;
	struct kp_dev *d;

	KUNIT_ASSERT_EQ(test, kp_start(&lc), 0);
	d = kp_priv(&lc);
	KUNIT_ASSERT_EQ(test, pm_runtime_suspend(kp.dev), 0);
	KUNIT_EXPECT_EQ(test, kp.suspends, 1);
	KUNIT_EXPECT_EQ(test, kb_rpm_get(&d->rpm), 0);
	KUNIT_EXPECT_EQ(test, kp.resumes, 1);
	KUNIT_EXPECT_EQ(test, kp_usage(), 1);
	kb_rpm_put(&d->rpm);
	KUNIT_EXPECT_EQ(test, kp_usage(), 0);
	kb_lifecycle_teardown(&lc);
	KUNIT_EXPECT_EQ(test, kp_usage(), 0);
}

/* pm_runtime_get_sync() would leave the count taken here. */
static void failed_resume_takes_no_reference(struct kunit *test)
{
	struct kb_lifecycle lc;
	struct kp_dev *d;

	KUNIT_ASSERT_EQ(test, kp_start(&lc), 0);
	d = kp_priv(&lc);
	KUNIT_ASSERT_EQ(test, pm_runtime_suspend(kp.dev), 0);
	kp.fail_resume = true;
	KUNIT_EXPECT_EQ(test, kb_rpm_get(&d->rpm), -EIO);
	KUNIT_EXPECT_EQ(test, kp_usage(), 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&d->rpm.held), 0);
	kb_lifecycle_teardown(&lc);
	KUNIT_EXPECT_EQ(test, kp_usage(), 0);
	KUNIT_EXPECT_FALSE(test, pm_runtime_enabled(kp.dev));
	/* the PM core's error state is cleared for the next bind */
	KUNIT_EXPECT_EQ(test, kp.dev->power.runtime_error, 0);
}

static int kp_scoped_use(struct kp_dev *d, int *usage_inside)
{
	CLASS(kb_rpm_active, active)(&d->rpm);

	if (active.ret)
		return active.ret;
	*usage_inside = kp_usage();
	return 0;
}

static void scoped_class_puts_on_every_path(struct kunit *test)
{
	struct kb_lifecycle lc;
	int inside = -1;
	struct kp_dev *d;

	KUNIT_ASSERT_EQ(test, kp_start(&lc), 0);
	d = kp_priv(&lc);
	KUNIT_EXPECT_EQ(test, kp_scoped_use(d, &inside), 0);
	KUNIT_EXPECT_EQ(test, inside, 1);
	KUNIT_EXPECT_EQ(test, kp_usage(), 0);
	/* the put queued an idle check, which may have suspended it */
	pm_runtime_barrier(kp.dev);
	KUNIT_ASSERT_GE(test, pm_runtime_suspend(kp.dev), 0);
	kp.fail_resume = true;
	KUNIT_EXPECT_EQ(test, kp_scoped_use(d, &inside), -EIO);
	KUNIT_EXPECT_EQ(test, kp_usage(), 0);
	kb_lifecycle_teardown(&lc);
	KUNIT_EXPECT_EQ(test, kp_usage(), 0);
}

static void teardown_runs_on_a_resumed_device(struct kunit *test)
{
	struct kb_lifecycle lc;

	KUNIT_ASSERT_EQ(test, kp_start(&lc), 0);
	KUNIT_ASSERT_EQ(test, pm_runtime_suspend(kp.dev), 0);
	kb_lifecycle_teardown(&lc);
	KUNIT_EXPECT_TRUE(test, kp.active_at_after);
	KUNIT_EXPECT_EQ(test, kp.resumes, 1);
}

/* PCI: the bus enables runtime PM and holds a reference around probe. */
static void bus_reference_given_back(struct kunit *test)
{
	struct kb_lifecycle lc;

	kp.bus_ref = true;
	pm_runtime_set_active(kp.dev);
	pm_runtime_enable(kp.dev);
	pm_runtime_get_noresume(kp.dev);
	KUNIT_ASSERT_EQ(test, kp_start(&lc), 0);
	KUNIT_EXPECT_EQ(test, kp_usage(), 0);
	kb_lifecycle_teardown(&lc);
	KUNIT_EXPECT_EQ(test, kp_usage(), 1);
	KUNIT_EXPECT_TRUE(test, pm_runtime_enabled(kp.dev));
	pm_runtime_put_noidle(kp.dev);
	pm_runtime_disable(kp.dev);
}

static void sysfs_typed_then_revoked_then_gone(struct kunit *test)
{
	struct device_attribute *attr;
	struct kb_lifecycle lc;
	char *buf = kp.page;
	struct kp_dev *d;

	kp.with_attrs = true;
	KUNIT_ASSERT_EQ(test, kp_start(&lc), 0);
	d = kp_priv(&lc);
	KUNIT_EXPECT_TRUE(test, kp_file_exists());
	attr = &d->attrs.nodes[0].attr;
	KUNIT_EXPECT_EQ(test, attr->show(kp.dev, attr, buf), 2);
	KUNIT_EXPECT_STREQ(test, buf, "7\n");
	KUNIT_EXPECT_EQ(test, attr->store(kp.dev, attr, "x", 1), -EINVAL);
	KUNIT_EXPECT_EQ(test, d->value, 7);
	KUNIT_EXPECT_EQ(test, attr->store(kp.dev, attr, "12", 2), 2);
	KUNIT_EXPECT_EQ(test, d->value, 12);
	kb_lifecycle_teardown(&lc);
	KUNIT_EXPECT_EQ(test, kp.show_when_revoked, -ENODEV);
	KUNIT_EXPECT_TRUE(test, kp.file_when_revoked);
	KUNIT_EXPECT_FALSE(test, kp_file_exists());
}

static struct kunit_case kp_cases[] = {
	KUNIT_CASE(enabled_while_live_disabled_after),
	KUNIT_CASE(get_resumes_put_releases),
	KUNIT_CASE(failed_resume_takes_no_reference),
	KUNIT_CASE(scoped_class_puts_on_every_path),
	KUNIT_CASE(teardown_runs_on_a_resumed_device),
	KUNIT_CASE(bus_reference_given_back),
	KUNIT_CASE(sysfs_typed_then_revoked_then_gone),
	{}
};

static struct kunit_suite kp_suite = {
	.name = "kbind_pm",
	.init = kp_init,
	.test_cases = kp_cases,
};

kunit_test_suite(kp_suite);

MODULE_DESCRIPTION("KUnit tests of kbind's runtime PM and sysfs bindings");
MODULE_LICENSE("GPL");
