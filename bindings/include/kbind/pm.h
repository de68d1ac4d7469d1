/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kbind power management: typed sleep and runtime PM callbacks of a bound
 * device, and runtime PM as an acquisition step whose usage count cannot
 * leak.
 *
 * The callbacks get the owner's private data with its own type. The PM
 * core calls the sleep callbacks (and shutdown) only for a bound device,
 * under its device lock, so never during probe or remove. Runtime PM
 * callbacks run only while runtime PM is enabled for the owner: from the
 * step that enables it (acquire, after whatever the callbacks touch) to
 * its undo, which disables it after every publication was withdrawn and
 * before anything acquired earlier is released.
 *
 * Teardown runs on an active device: the runtime PM step's revoke hook
 * resumes the device and holds it so (a remove that starts while it is
 * runtime suspended would otherwise undo steps on a device that is
 * powered down), and its undo drops that hold. References taken with
 * kb_rpm_get() are counted: one still held when the step is undone is a
 * driver bug, reported with a warning and dropped, so the device's usage
 * count is balanced when the driver is gone.
 *
 * Still the driver's job: the callbacks must stop and restart what the
 * device does (its DMA, its interrupts) themselves; a file operation that
 * touches the device while it may be runtime suspended must hold a
 * reference (kb_rpm_get() or the kb_rpm_active class) around the access.
 */
#ifndef _KBIND_PM_H
#define _KBIND_PM_H

#include <linux/atomic.h>
#include <linux/cleanup.h>
#include <linux/device.h>
#include <linux/pm.h>
#include <linux/pm_runtime.h>

#include <kbind/bus.h>

/*
 * The private data of a bound device, for the PM trampolines; NULL if the
 * device has no kbind drvdata (not bound). The PM core calls sleep
 * callbacks and shutdown on live lifecycles only; a runtime PM callback may
 * come while acquire runs, and then gets the data being set up.
 */
static inline void *__kb_pm_owner(struct device *dev)
{
	struct kb_bound *b = dev_get_drvdata(dev);

	return b ? b->lc.priv : NULL;
}

/**
 * KB_PM_OPS() - typed system sleep callbacks of a bound device
 * @drv: the name given to the bus driver macro (KB_PCI_DRIVER_PM(), ...)
 * @type: the private data type
 * @suspend_fn: ``int suspend_fn(type *owner)``; quiesces the device before
 *	system sleep (also for hibernation's freeze and poweroff)
 * @resume_fn: ``int resume_fn(type *owner)``; restarts it after (also
 *	thaw and restore)
 *
 * Generates ``drv##_kb_pm_ops``, which the bus's _PM driver macro uses.
 * Context: process context, device lock held by the PM core; the
 * lifecycle is live. Return of the callbacks: 0 or a negative errno (a
 * suspend error aborts the sleep).
 */
#define KB_PM_OPS(drv, type, suspend_fn, resume_fn)			\
	__KB_PM_OPS(drv, type, suspend_fn, resume_fn, /* no runtime PM */)

/*
 * The typed sleep trampolines of @drv and its dev_pm_ops, whose runtime
 * part is @runtime_ops (RUNTIME_PM_OPS(...), or nothing).
 */
#define __KB_PM_OPS(drv, type, suspend_fn, resume_fn, runtime_ops)	\
static int drv##_kb_suspend(struct device *dev)			\
{									\
	type *typed = __kb_pm_owner(dev);				\
									\
	return typed ? suspend_fn(typed) : 0;				\
}									\
static int drv##_kb_resume(struct device *dev)				\
{									\
	type *typed = __kb_pm_owner(dev);				\
									\
	return typed ? resume_fn(typed) : 0;				\
}									\
static const struct dev_pm_ops drv##_kb_pm_ops = {			\
	SYSTEM_SLEEP_PM_OPS(drv##_kb_suspend, drv##_kb_resume)		\
	runtime_ops							\
}

/**
 * KB_PM_OPS_RUNTIME() - KB_PM_OPS() with runtime PM callbacks
 * @drv: as KB_PM_OPS()
 * @type: as KB_PM_OPS()
 * @suspend_fn: as KB_PM_OPS()
 * @resume_fn: as KB_PM_OPS()
 * @rt_suspend_fn: ``int rt_suspend_fn(type *owner)``; powers the idle
 *	device down; an error keeps it active
 * @rt_resume_fn: ``int rt_resume_fn(type *owner)``; powers it up; an
 *	error fails the kb_rpm_get() that asked for it, with the usage count
 *	unchanged
 *
 * Context of the runtime callbacks: process context, no device lock;
 * called only while the runtime PM step is recorded (see the top of this
 * file), so from its acquisition on: what they touch must be acquired
 * before it.
 */
#define KB_PM_OPS_RUNTIME(drv, type, suspend_fn, resume_fn,		\
			  rt_suspend_fn, rt_resume_fn)			\
static int drv##_kb_rt_suspend(struct device *dev)			\
{									\
	type *typed = __kb_pm_owner(dev);				\
									\
	return typed ? rt_suspend_fn(typed) : 0;			\
}									\
static int drv##_kb_rt_resume(struct device *dev)			\
{									\
	type *typed = __kb_pm_owner(dev);				\
									\
	return typed ? rt_resume_fn(typed) : 0;				\
}									\
__KB_PM_OPS(drv, type, suspend_fn, resume_fn,				\
	    RUNTIME_PM_OPS(drv##_kb_rt_suspend, drv##_kb_rt_resume, NULL))

/**
 * struct kb_rpm - runtime PM of a bound device, as an acquisition step
 *	(in the private data)
 * @step: acquisition step; revoking it resumes the device for teardown,
 *	undoing it disables runtime PM
 * @dev: the device
 * @held: references taken with kb_rpm_get() and not put yet
 * @bus_ref: the bus holds a usage reference while probe and remove run
 *	(PCI): enabling drops it, the undo takes it back
 */
struct kb_rpm {
	struct kb_step step;
	struct device *dev;
	atomic_t held;
	bool bus_ref;
};

static inline void __kb_rpm_revoke(struct kb_step *step)
{
	/* hold the device active while the steps are undone */
	pm_runtime_get_sync(container_of(step, struct kb_rpm, step)->dev);
}

static inline void __kb_rpm_undo(struct kb_step *step)
{
	struct kb_rpm *r = container_of(step, struct kb_rpm, step);
	int held = atomic_xchg(&r->held, 0);

	if (WARN(held, "kbind: %s: %d runtime PM reference(s) held at teardown\n",
		 dev_name(r->dev), held))
		while (held--)
			pm_runtime_put_noidle(r->dev);
	if (r->bus_ref) {
		pm_runtime_get_noresume(r->dev);	/* the bus's, back */
	} else {
		pm_runtime_disable(r->dev);
		pm_runtime_set_suspended(r->dev);
	}
	pm_runtime_put_noidle(r->dev);	/* the revoke hook's */
}

/**
 * kb_rpm_enable() - enable runtime PM of the owner's device
 * @p: acquire-phase handle of a bound device's lifecycle
 * @r: where the state is kept (in the private data)
 * @bus_ref: true on a bus that holds a usage reference around probe and
 *	remove and enables runtime PM itself (PCI): the bus bindings pass it,
 *	drivers call kb_pci_rpm_enable() or kb_platform_rpm_enable()
 *
 * The device is taken to be active (probe just set it up). The driver
 * core requests an idle check once probe returns, so an unused device
 * runtime suspends then (if user space allows it: power/control).
 *
 * Context: process context, acquire phase only.
 * Return: 0; -EBUSY if @r is enabled already; the error of
 * pm_runtime_set_active(); or one injected by kb_step_fault().
 */
static inline int kb_rpm_enable(struct kb_probe *p, struct kb_rpm *r,
				bool bus_ref)
{
	struct device *dev = kb_probe_dev(p);
	int ret = kb_step_fault(__kb_lc(p), "runtime pm");

	if (ret)
		return ret;
	if (WARN_ON_ONCE(!dev || r->step.undo))
		return -EBUSY;
	r->dev = dev;
	r->bus_ref = bus_ref;
	atomic_set(&r->held, 0);
	if (bus_ref) {
		pm_runtime_put_noidle(dev);
	} else {
		ret = pm_runtime_set_active(dev);
		if (ret)
			return ret;
		pm_runtime_enable(dev);
	}
	kb_acquired_revocable(p, &r->step, __kb_rpm_revoke, __kb_rpm_undo,
			      "runtime pm");
	return 0;
}

/**
 * kb_rpm_get() - resume the device and keep it active
 * @r: the owner's runtime PM, enabled
 *
 * Pair every success with kb_rpm_put(), or use the kb_rpm_active class,
 * which puts at the end of the scope.
 *
 * Context: process context, may sleep (resumes the device); from the
 * owner's published callbacks (file operations, work) or the lifecycle's
 * phases.
 * Return: 0 with a reference held; or the error of the resume (the
 * driver's runtime resume callback, or -EINVAL after an earlier failed
 * one), with no reference held and the usage count unchanged.
 */
static inline int kb_rpm_get(struct kb_rpm *r)
{
	int ret = pm_runtime_resume_and_get(r->dev);

	if (!ret)
		atomic_inc(&r->held);
	return ret;
}

/**
 * kb_rpm_put() - drop a reference taken with kb_rpm_get()
 * @r: the owner's runtime PM
 *
 * The device may runtime suspend once the last reference is gone (the idle
 * check runs asynchronously).
 *
 * Context: any context that may call pm_runtime_put().
 */
static inline void kb_rpm_put(struct kb_rpm *r)
{
	if (WARN_ON_ONCE(atomic_dec_if_positive(&r->held) < 0))
		return;		/* not taken through kb_rpm_get() */
	pm_runtime_put(r->dev);
}

/**
 * struct kb_rpm_active - a runtime PM reference held for a scope
 * @r: the owner's runtime PM
 * @ret: 0 if the reference is held, else kb_rpm_get()'s error
 *
 * ``CLASS(kb_rpm_active, a)(&priv->rpm); if (a.ret) return a.ret;``
 * resumes the device and puts the reference when ``a`` goes out of scope,
 * on every path: a failed resume holds nothing, a successful one cannot
 * be left held.
 */
struct kb_rpm_active {
	struct kb_rpm *r;
	int ret;
};

static inline struct kb_rpm_active __kb_rpm_active(struct kb_rpm *r)
{
	return (struct kb_rpm_active){ .r = r, .ret = kb_rpm_get(r) };
}

static inline void __kb_rpm_inactive(struct kb_rpm_active a)
{
	if (!a.ret)
		kb_rpm_put(a.r);
}

DEFINE_CLASS(kb_rpm_active, struct kb_rpm_active, __kb_rpm_inactive(_T),
	     __kb_rpm_active(r), struct kb_rpm *r)

#endif /* _KBIND_PM_H */
