/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kbind bus owners: what every bus binding (platform, PCI, ...) shares.
 *
 * A bound device is an owner: its probe starts a lifecycle whose private
 * data has the driver's type, acquire gets the matched id-table entry's
 * info with the driver's info type, and remove tears the lifecycle down.
 * Each bus binding defines its handles as ``struct kb_<bus>_probe`` and
 * ``struct kb_<bus>_publish`` (the generic handle as ``core``, the bus
 * device as ``pdev``, marked __private so that sparse reports a driver
 * reading it: the escape hatch is kb_<bus>_raw()), ``__kb_<bus>_dev()``
 * to get the bus device from the generic one, and builds its driver macro
 * on the helpers below.
 */
#ifndef _KBIND_BUS_H
#define _KBIND_BUS_H

#include <linux/bitops.h>
#include <linux/device.h>
#include <linux/lockdep.h>
#include <linux/slab.h>

#include <kbind/lifecycle.h>

/* The bus device behind a bus phase handle (its private ``pdev``). */
#define __kb_pdev(pp)	ACCESS_PRIVATE(pp, pdev)

/**
 * define KB_BOUND_LOCK_CLASSES - device_lock classes per driver
 *
 * On lockdep kernels, how many of a driver's devices bound at once get a
 * lockdep class for their device_lock (see __kb_bound_lock_claim()); more
 * keep the driver core's novalidate class.
 */
#define KB_BOUND_LOCK_CLASSES	8

/**
 * struct kb_bound_locks - lockdep classes for the device_lock of a driver's
 *	bound devices (binding-internal; one per driver, static)
 * @keys: the classes, static so that lockdep never has to free one
 * @used: bitmap of the classes that bound devices hold
 */
struct kb_bound_locks {
#ifdef CONFIG_PROVE_LOCKING
	struct lock_class_key keys[KB_BOUND_LOCK_CLASSES];
	unsigned long used;
#endif
};

/**
 * struct kb_bound - a bound device's drvdata (binding-internal)
 * @lc: the device's lifecycle
 * @info: the matched id-table entry's info
 * @locks: the driver's device_lock classes
 * @lock_class: the one this device's device_lock has, or -1
 * @lock_name: the device_lock's lockdep name before binding
 *
 * Bus bindings that keep more per bound device embed it first.
 */
struct kb_bound {
	struct kb_lifecycle lc;
	const void *info;
#ifdef CONFIG_PROVE_LOCKING
	struct kb_bound_locks *locks;
	int lock_class;
	const char *lock_name;
#endif
};

/*
 * The driver core takes device_lock without lockdep (its class is
 * "novalidate": parents and children nest it in every order), so an access
 * section that takes the lock of the device whose remove waits for it would
 * only show as a hung task. While the device is bound, its device_lock gets
 * a lockdep class: the section's class (see revocable.h) and this one then
 * close a cycle that lockdep reports at the first unbind after a section
 * took the lock, deadlocked or not.
 *
 * Each bound device of a driver takes a class of its own from the driver's
 * static set, so that no two bound devices nest as one class (a bus lock
 * takes them all); a device bound while all are taken keeps novalidate.
 * The classes are static and reused, never registered and unregistered
 * per bind: a task still waiting for the lock at unbind holds a reference
 * to its class, which must not be freed under it. Both run in probe or
 * remove, where the driver core holds the lock.
 */
static inline void __kb_bound_lock_claim(struct kb_bound *b,
					 struct kb_bound_locks *locks,
					 struct device *dev)
{
#ifdef CONFIG_PROVE_LOCKING
	int i;

	b->locks = locks;
	b->lock_class = -1;
	do {
		i = find_first_zero_bit(&locks->used, KB_BOUND_LOCK_CLASSES);
		if (i >= KB_BOUND_LOCK_CLASSES)
			return;
	} while (test_and_set_bit(i, &locks->used));
	b->lock_class = i;
	b->lock_name = dev->mutex.dep_map.name;
	lock_set_class(&dev->mutex.dep_map, "kb_bound_device_lock",
		       &locks->keys[i], 0, _THIS_IP_);
#endif
}

static inline void __kb_bound_lock_release(struct kb_bound *b,
					   struct device *dev)
{
#ifdef CONFIG_PROVE_LOCKING
	if (b->lock_class < 0)
		return;
	lock_set_novalidate_class(&dev->mutex.dep_map, b->lock_name,
				  _THIS_IP_);
	clear_bit(b->lock_class, &b->locks->used);
#endif
}

/*
 * Probe: allocate the binding's drvdata (@size bytes, a struct kb_bound
 * first), then run the lifecycle. With no @info (a device bound through
 * driver_override that no entry matches) nothing of the driver runs.
 */
static inline int __kb_bound_probe(struct device *dev, size_t size,
				   const void *info,
				   struct kb_bound_locks *locks,
				   const struct kb_lifecycle_ops *ops,
				   struct module *owner)
{
	struct kb_bound *b;
	int ret;

	if (!info)
		return dev_err_probe(dev, -ENODEV,
				     "no id-table entry matches: no match info\n");
	b = kzalloc(size, GFP_KERNEL);
	if (!b)
		return -ENOMEM;
	b->info = info;
	dev_set_drvdata(dev, b);
	__kb_bound_lock_claim(b, locks, dev);
	ret = kb_lifecycle_start(&b->lc, ops, dev, owner);
	if (ret) {
		__kb_bound_lock_release(b, dev);
		dev_set_drvdata(dev, NULL);
		kfree(b);
	}
	return ret;
}

/* Remove: tear the lifecycle down in reverse, then free the drvdata. */
static inline void __kb_bound_remove(struct device *dev)
{
	struct kb_bound *b = dev_get_drvdata(dev);

	kb_lifecycle_teardown(&b->lc);
	__kb_bound_lock_release(b, dev);
	dev_set_drvdata(dev, NULL);
	kfree(b);
}

/*
 * The typed trampolines and ops of a bus driver @drv on bus @bus: acquire
 * and publish get the bus's handles, the private data as @type and (acquire)
 * the match info with the type given to the bus's INFO_TYPE macro.
 */
#define __KB_BUS_LIFECYCLE(bus, drv, type, acquire_fn, publish_fn)	\
static struct kb_bound_locks drv##_kb_locks;				\
static int drv##_kb_acquire(struct kb_probe *p, void *priv)		\
{									\
	struct kb_bound *b = container_of(__kb_lc(p), struct kb_bound, lc);	\
	struct kb_##bus##_probe pp = {					\
		.core = *p,						\
		.pdev = __kb_##bus##_dev(__kb_lc(p)->dev),			\
	};								\
	type *typed = priv;						\
	typeof(((struct drv##_kb_info *)NULL)->p) info = b->info;	\
									\
	return acquire_fn(&pp, typed, info);				\
}									\
static int drv##_kb_publish(struct kb_publish *p, void *priv)		\
{									\
	struct kb_##bus##_publish pp = {				\
		.core = *p,						\
		.pdev = __kb_##bus##_dev(__kb_lc(p)->dev),			\
	};								\
	type *typed = priv;						\
									\
	return publish_fn(&pp, typed);					\
}									\
__KB_LIFECYCLE_OPS(drv, type)

/* The declaration of a driver's match-info type, for the check below. */
#define __KB_BUS_INFO_TYPE(drv, type)					\
	struct drv##_kb_info {						\
		const type *p;						\
	}

/*
 * 0, if @info_type (the type of an id-table entry's info) is a pointer to
 * the driver's info type; a build error otherwise. kbind's own assertion
 * rather than BUILD_BUG_ON_ZERO(), whose diagnostic differs between
 * kernels (a negative bit-field width, then a static assertion).
 */
#define __KB_BUS_INFO_CHECK(drv, info_type)				\
	(0 * sizeof(struct {						\
		static_assert(__builtin_types_compatible_p(info_type,	\
				typeof(((struct drv##_kb_info *)NULL)->p)), \
			      "kbind: id-table entry info is not of "	\
			      "the driver info type");			\
		int __kb_unused;					\
	}))

#endif /* _KBIND_BUS_H */
