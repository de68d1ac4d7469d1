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
 * It lives in a module of its own, loaded before the modules under test, so
 * that it can be armed before their init runs. (fail_function on a function
 * of the module was the first design; on 6.12 registering its kprobe on the
 * last function of a module's text decodes past the text and oopses.)
 */
#include <linux/debugfs.h>
#include <linux/err.h>
#include <linux/fault-inject.h>
#include <linux/module.h>

#include <kbind/lifecycle.h>

static DECLARE_FAULT_ATTR(kbind_fault_attr);
static struct dentry *kbind_fault_dir;

int kbind_fault_point(void)
{
	return should_fail(&kbind_fault_attr, 1) ? -ENOMEM : 0;
}
EXPORT_SYMBOL_GPL(kbind_fault_point);

/* SAFETY: a test-only module with no device: plain module init/exit. */
static int __init kbind_fault_init(void)
{
	kbind_fault_dir = fault_create_debugfs_attr("kbind_fault", NULL,
						    &kbind_fault_attr);
	return PTR_ERR_OR_ZERO(kbind_fault_dir);
}

static void __exit kbind_fault_exit(void)
{
	debugfs_remove_recursive(kbind_fault_dir);
}

module_init(kbind_fault_init);
module_exit(kbind_fault_exit);

MODULE_DESCRIPTION("kbind test builds: fault injection point of every step");
MODULE_LICENSE("GPL");
