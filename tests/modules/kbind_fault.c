// SPDX-License-Identifier: GPL-2.0
/*
 * The fault injection point of kbind's test builds.
 *
 * Modules built with KBIND_FAULT_INJECTION call kbind_fault_point() through
 * kb_step_fault() before every lifecycle step. It is a fault attribute of
 * the kernel's fault injection framework, set up like failslab's in
 * /sys/kernel/debug/kbind_fault/ (probability, times, space, task-filter,
 * ...): with space=N, times=1, probability=100 and task-filter=Y, the N-th
 * step attempted by a task with /proc/self/make-it-fail set fails with
 * -ENOMEM.
 *
 * With hold=Y, a failure about to be injected is first held: the failing
 * task waits (at most KBIND_FAULT_HOLD_MAX) until the test writes to
 * release, so that the test can use what the module under test already
 * published before the step fails. held counts the tasks waiting there.
 *
 * It lives in a module of its own, loaded before the modules under test, so
 * that it can be armed before their init runs. (fail_function on a function
 * of the module was the first design; on 6.12 registering its kprobe on the
 * last function of a module's text decodes past the text and oopses.)
 */
#include <linux/debugfs.h>
#include <linux/err.h>
#include <linux/fault-inject.h>
#include <linux/module.h>
#include <linux/wait.h>

#include <kbind/lifecycle.h>

/* How long a held failure waits for its release at most. */
#define KBIND_FAULT_HOLD_MAX	(10 * HZ)

static DECLARE_FAULT_ATTR(kbind_fault_attr);
static struct dentry *kbind_fault_dir;

static bool kbind_fault_hold;
static atomic_t kbind_fault_held = ATOMIC_INIT(0);
static unsigned long kbind_fault_releases;	/* writes to release */
static DECLARE_WAIT_QUEUE_HEAD(kbind_fault_wq);

/* Wait for the next write to release, or the time limit. */
static void kbind_fault_wait(void)
{
	unsigned long seen = READ_ONCE(kbind_fault_releases);

	atomic_inc(&kbind_fault_held);
	pr_info("kbind_fault: failure held until released (at most %d s)\n",
		KBIND_FAULT_HOLD_MAX / HZ);
	if (!wait_event_timeout(kbind_fault_wq,
				READ_ONCE(kbind_fault_releases) != seen,
				KBIND_FAULT_HOLD_MAX))
		pr_info("kbind_fault: held failure released by the time limit\n");
	atomic_dec(&kbind_fault_held);
}

/**
 * kbind_fault_point() - fail here if the fault attribute says so
 *
 * With hold set, an injected failure first waits for its release.
 *
 * Context: process context, may sleep (with hold set).
 * Return: 0, or -ENOMEM when the fault attribute fires.
 */
int kbind_fault_point(void)
{
	if (!should_fail(&kbind_fault_attr, 1))
		return 0;
	if (READ_ONCE(kbind_fault_hold))
		kbind_fault_wait();
	return -ENOMEM;
}
EXPORT_SYMBOL_GPL(kbind_fault_point);

/* Any write to release lets every held failure go. */
static int kbind_fault_release(void *data, u64 val)
{
	WRITE_ONCE(kbind_fault_releases, kbind_fault_releases + 1);
	wake_up_all(&kbind_fault_wq);
	return 0;
}

DEFINE_DEBUGFS_ATTRIBUTE(kbind_fault_release_fops, NULL, kbind_fault_release,
			 "%llu\n");

/* SAFETY: a test-only module with no device: plain module init/exit. */
static int __init kbind_fault_init(void)
{
	kbind_fault_dir = fault_create_debugfs_attr("kbind_fault", NULL,
						    &kbind_fault_attr);
	if (IS_ERR(kbind_fault_dir))
		return PTR_ERR(kbind_fault_dir);
	debugfs_create_bool("hold", 0600, kbind_fault_dir, &kbind_fault_hold);
	debugfs_create_atomic_t("held", 0400, kbind_fault_dir,
				&kbind_fault_held);
	debugfs_create_file_unsafe("release", 0200, kbind_fault_dir, NULL,
				   &kbind_fault_release_fops);
	return 0;
}

static void __exit kbind_fault_exit(void)
{
	debugfs_remove_recursive(kbind_fault_dir);
}

module_init(kbind_fault_init);
module_exit(kbind_fault_exit);

MODULE_DESCRIPTION("kbind test builds: fault injection point of every step");
MODULE_LICENSE("GPL");
