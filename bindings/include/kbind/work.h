/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kbind deferred work: work items, delayed work, timers, high-resolution
 * timers and kernel threads as publication steps of their owner, with
 * typed callbacks; private workqueues as acquisition steps.
 *
 * A deferred callback is a way into the driver, as an IRQ handler is, so
 * it is published: set up in the publish phase, after every resource it
 * uses was acquired; cancelled at teardown before any of them is released
 * and before the private data is freed. Its callback gets the owner's
 * private data with its own type.
 *
 * The bug class this closes: remove() cancels a work item, then frees the
 * IRQ whose handler queues it (or a timer that queues it, or a work item
 * that re-arms the timer), and the work runs again on freed memory. Here
 * every arming goes through the binding (kb_work_queue(), kb_timer_mod(),
 * kb_hrtimer_start(), ...), under rcu_read_lock(), and is refused once the
 * owner is revoked. Teardown's revoke pass revokes every deferred step of
 * the owner first, before anything is undone; an RCU grace period later
 * nothing can arm them any more, whoever tries (an IRQ handler, another
 * timer, the callback itself); each undo then cancels what is pending and
 * waits for a callback that is running. In which order the driver
 * published its IRQs, timers and work items does not matter.
 *
 * Guaranteed: after teardown no callback runs and none is pending; an
 * arming refused returns false. Still the driver's job: a callback delays
 * teardown as long as it runs, so it must wait only for bounded kernel
 * work or on a &struct kb_waitq (woken at teardown), never for user space;
 * a kernel thread must check kthread_should_stop() in its loop and sleep
 * only in ways kthread_stop() wakes (interruptibly).
 */
#ifndef _KBIND_WORK_H
#define _KBIND_WORK_H

#include <linux/hrtimer.h>
#include <linux/kthread.h>
#include <linux/rcupdate.h>
#include <linux/sched/task.h>
#include <linux/timer.h>
#include <linux/workqueue.h>

#include <kbind/compat.h>
#include <kbind/lifecycle.h>

/**
 * struct kb_deferred - what every deferred step shares (binding-internal)
 * @step: publication step; its revoke hook refuses further arming
 * @live: set once the callback is set up, cleared by the revoke pass;
 *	read under rcu_read_lock() by every arming
 * @owner: the owner's private data, handed to the callback
 */
struct kb_deferred {
	struct kb_step step;
	bool live;
	void *owner;
};

static inline void __kb_deferred_revoke(struct kb_step *step)
{
	WRITE_ONCE(container_of(step, struct kb_deferred, step)->live, false);
}

/*
 * Record @d as published once its callback is set up: from here on
 * arming it is allowed (the release pairs with the acquire of arming on
 * another CPU, which then sees the initialised object), and teardown
 * waits for a grace period after revoking it.
 */
static inline void __kb_deferred_publish(struct kb_publish *p,
					 struct kb_deferred *d, void *owner,
					 kb_undo_fn undo, const char *what)
{
	d->owner = owner;
	__kb_lc(p)->sync_revoke = true;
	kb_published_revocable(p, &d->step, __kb_deferred_revoke, undo, what);
	if (d->step.undo == undo)	/* not refused */
		smp_store_release(&d->live, true);
}

/*
 * Before setting @d up: an injected fault, or -EBUSY if it is set up
 * already (setting it up again would reinitialise it under its users).
 */
static inline int __kb_deferred_begin(struct kb_publish *p,
				      struct kb_deferred *d, const char *what)
{
	return kb_step_fault(__kb_lc(p), what) ?:
	       (WARN_ON_ONCE(d->step.undo) ? -EBUSY : 0);
}

/* Is @d still allowed to be armed? Under rcu_read_lock(). */
static inline bool __kb_deferred_live(struct kb_deferred *d)
{
	/* pairs with the release in __kb_deferred_publish() */
	return smp_load_acquire(&d->live);
}

/*
 * Evaluate @arm (a bool expression that arms @d) if @d is live, under
 * rcu_read_lock() so that teardown's grace period after the revoke pass
 * waits for it; false if not.
 */
#define __kb_deferred_arm(d, arm)					\
({									\
	bool __kb_armed = false;					\
									\
	rcu_read_lock();						\
	if (__kb_deferred_live(d))					\
		__kb_armed = (arm);					\
	rcu_read_unlock();						\
	__kb_armed;							\
})

/**
 * struct kb_workqueue - a private workqueue (in the private data)
 * @step: acquisition step; undoing it destroys the workqueue
 * @wq: the workqueue
 */
struct kb_workqueue {
	struct kb_step step;
	struct workqueue_struct *wq;
};

static inline void __kb_workqueue_destroy(struct kb_step *step)
{
	destroy_workqueue(container_of(step, struct kb_workqueue, step)->wq);
}

/**
 * kb_workqueue_alloc() - allocate a private workqueue for the owner's work
 * @p: acquire-phase handle
 * @wq: where it is kept (in the private data)
 * @flags: alloc_workqueue() flags; WQ_PERCPU or WQ_UNBOUND (exactly one,
 *	as the newest kernels require; compat.h has WQ_PERCPU everywhere)
 * @name: the workqueue's name; copied
 *
 * Work items published later can run on it (see kb_work_init()). It is
 * destroyed at teardown after they were cancelled.
 *
 * Context: process context, acquire phase only.
 * Return: 0; -EINVAL if @flags has both WQ_PERCPU and WQ_UNBOUND; -ENOMEM;
 * or an error injected by kb_step_fault().
 */
static inline int kb_workqueue_alloc(struct kb_probe *p,
				     struct kb_workqueue *wq,
				     unsigned int flags, const char *name)
{
	int ret = kb_step_fault(__kb_lc(p), "workqueue");

	if (ret)
		return ret;
	if (WQ_PERCPU && (flags & WQ_PERCPU) && (flags & WQ_UNBOUND))
		return -EINVAL;
	wq->wq = alloc_workqueue("%s", flags, 0, name);
	if (!wq->wq)
		return -ENOMEM;
	kb_acquired(p, &wq->step, __kb_workqueue_destroy, "workqueue");
	return 0;
}

/**
 * struct kb_work - a work item of the owner (in the private data)
 * @d: the deferred step
 * @work: the work item
 * @wq: where it runs
 */
struct kb_work {
	struct kb_deferred d;
	struct work_struct work;
	struct workqueue_struct *wq;
};

static inline void __kb_work_cancel(struct kb_step *step)
{
	cancel_work_sync(&container_of(step, struct kb_work, d.step)->work);
}

/**
 * kb_work_init() - set up a work item of the owner
 * @p: publish-phase handle
 * @w: the work item (in the private data)
 * @wq: the private workqueue it runs on, or NULL for the system's
 *	(system_percpu_wq)
 * @fn: the work function, generated by KB_WORK()
 * @owner: the owner's private data, handed to the callback
 *
 * Untyped backend of ``name##_init()`` of KB_WORK(); drivers call that.
 *
 * Context: process context, publish phase only.
 * Return: 0; -EBUSY if set up already; or an error injected by
 * kb_step_fault().
 */
static inline int kb_work_init(struct kb_publish *p, struct kb_work *w,
			       struct kb_workqueue *wq, work_func_t fn,
			       void *owner)
{
	int ret = __kb_deferred_begin(p, &w->d, "work");

	if (ret)
		return ret;
	INIT_WORK(&w->work, fn);
	w->wq = wq ? wq->wq : system_percpu_wq;
	__kb_deferred_publish(p, &w->d, owner, __kb_work_cancel, "work");
	return 0;
}

/**
 * kb_work_queue() - queue a work item of the owner
 * @w: the work item
 *
 * Context: any, including hard IRQ.
 * Return: true if queued; false if it was pending already, is not set up
 * yet, or its owner is being torn down (then it will not run again).
 */
static inline bool kb_work_queue(struct kb_work *w)
{
	return __kb_deferred_arm(&w->d, queue_work(w->wq, &w->work));
}

/**
 * KB_WORK() - declare a typed work function
 * @name: prefix of the generated symbols
 * @type: the owner's private data type
 * @fn: ``void fn(type *dev)``, in process context (a kworker), may sleep
 *
 * Generates the trampoline and ``int name##_init(struct kb_publish *p,
 * struct kb_work *w, struct kb_workqueue *wq, type *dev)`` (see
 * kb_work_init()). A function taking another type fails to compile.
 */
#define KB_WORK(name, type, fn)						\
static void name##_kb_work(struct work_struct *work)			\
{									\
	struct kb_work *w = container_of(work, struct kb_work, work);	\
	typeof(type) *typed = w->d.owner;				\
									\
	fn(typed);							\
}									\
static inline int name##_init(struct kb_publish *p, struct kb_work *w,	\
			      struct kb_workqueue *wq, typeof(type) *dev) \
{									\
	return kb_work_init(p, w, wq, name##_kb_work, dev);		\
}

/**
 * struct kb_delayed_work - a delayed work item of the owner
 * @d: the deferred step
 * @dwork: the delayed work item
 * @wq: where it runs
 */
struct kb_delayed_work {
	struct kb_deferred d;
	struct delayed_work dwork;
	struct workqueue_struct *wq;
};

static inline void __kb_delayed_work_cancel(struct kb_step *step)
{
	cancel_delayed_work_sync(&container_of(step, struct kb_delayed_work,
					       d.step)->dwork);
}

/**
 * kb_delayed_work_init() - set up a delayed work item of the owner
 * @p: publish-phase handle
 * @w: the delayed work item (in the private data)
 * @wq: its private workqueue, or NULL for the system's
 * @fn: the work function, generated by KB_DELAYED_WORK()
 * @owner: the owner's private data
 *
 * Untyped backend of ``name##_init()`` of KB_DELAYED_WORK().
 *
 * Context: process context, publish phase only.
 * Return: 0; -EBUSY if set up already; or an error injected by
 * kb_step_fault().
 */
static inline int kb_delayed_work_init(struct kb_publish *p,
				       struct kb_delayed_work *w,
				       struct kb_workqueue *wq,
				       work_func_t fn, void *owner)
{
	int ret = __kb_deferred_begin(p, &w->d, "delayed work");

	if (ret)
		return ret;
	INIT_DELAYED_WORK(&w->dwork, fn);
	w->wq = wq ? wq->wq : system_percpu_wq;
	__kb_deferred_publish(p, &w->d, owner, __kb_delayed_work_cancel,
			      "delayed work");
	return 0;
}

/**
 * kb_delayed_work_queue() - queue a delayed work item unless pending
 * @w: the delayed work item
 * @delay: jiffies to wait first
 *
 * Context: any, including hard IRQ.
 * Return: true if queued; false if pending already or refused (as
 * kb_work_queue()).
 */
static inline bool kb_delayed_work_queue(struct kb_delayed_work *w,
					 unsigned long delay)
{
	return __kb_deferred_arm(&w->d,
				 queue_delayed_work(w->wq, &w->dwork, delay));
}

/**
 * kb_delayed_work_mod() - queue a delayed work item, or move its expiry
 * @w: the delayed work item
 * @delay: jiffies from now
 *
 * Context: any, including hard IRQ.
 * Return: true if it was armed (now with the new delay); false if it was
 * not pending and is now, or if refused. Use kb_delayed_work_pending()
 * to tell.
 */
static inline bool kb_delayed_work_mod(struct kb_delayed_work *w,
				       unsigned long delay)
{
	return __kb_deferred_arm(&w->d,
				 mod_delayed_work(w->wq, &w->dwork, delay));
}

/**
 * kb_delayed_work_pending() - is the delayed work item queued?
 * @w: the delayed work item
 *
 * Context: any.
 * Return: true while it is waiting for its delay or queued to run.
 */
static inline bool kb_delayed_work_pending(struct kb_delayed_work *w)
{
	return delayed_work_pending(&w->dwork);
}

/**
 * KB_DELAYED_WORK() - declare a typed delayed work function
 * @name: prefix of the generated symbols
 * @type: the owner's private data type
 * @fn: ``void fn(type *dev)``, in process context, may sleep
 *
 * Generates the trampoline and ``int name##_init(struct kb_publish *p,
 * struct kb_delayed_work *w, struct kb_workqueue *wq, type *dev)``.
 */
#define KB_DELAYED_WORK(name, type, fn)					\
static void name##_kb_dwork(struct work_struct *work)			\
{									\
	struct kb_delayed_work *w = container_of(to_delayed_work(work),	\
						 struct kb_delayed_work,	\
						 dwork);		\
	typeof(type) *typed = w->d.owner;				\
									\
	fn(typed);							\
}									\
static inline int name##_init(struct kb_publish *p,			\
			      struct kb_delayed_work *w,		\
			      struct kb_workqueue *wq, typeof(type) *dev) \
{									\
	return kb_delayed_work_init(p, w, wq, name##_kb_dwork, dev);	\
}

/**
 * struct kb_timer - a timer_list of the owner
 * @d: the deferred step
 * @timer: the timer
 */
struct kb_timer {
	struct kb_deferred d;
	struct timer_list timer;
};

static inline void __kb_timer_shutdown(struct kb_step *step)
{
	timer_shutdown_sync(&container_of(step, struct kb_timer,
					  d.step)->timer);
}

/**
 * kb_timer_init() - set up a timer of the owner
 * @p: publish-phase handle
 * @t: the timer (in the private data)
 * @fn: the callback, generated by KB_TIMER()
 * @owner: the owner's private data
 *
 * Untyped backend of ``name##_init()`` of KB_TIMER().
 *
 * Context: process context, publish phase only.
 * Return: 0; -EBUSY if set up already; or an error injected by
 * kb_step_fault().
 */
static inline int kb_timer_init(struct kb_publish *p, struct kb_timer *t,
				void (*fn)(struct timer_list *), void *owner)
{
	int ret = __kb_deferred_begin(p, &t->d, "timer");

	if (ret)
		return ret;
	timer_setup(&t->timer, fn, 0);
	__kb_deferred_publish(p, &t->d, owner, __kb_timer_shutdown, "timer");
	return 0;
}

/**
 * kb_timer_mod() - arm the timer, or move its expiry
 * @t: the timer
 * @expires: absolute expiry, in jiffies
 *
 * Context: any, including the timer's own callback.
 * Return: true if it was pending (now moved); false if it was not, or if
 * refused because the owner is being torn down.
 */
static inline bool kb_timer_mod(struct kb_timer *t, unsigned long expires)
{
	return __kb_deferred_arm(&t->d, mod_timer(&t->timer, expires));
}

/**
 * kb_timer_pending() - is the timer armed?
 * @t: the timer
 *
 * Context: any.
 * Return: true while it is armed and has not fired.
 */
static inline bool kb_timer_pending(struct kb_timer *t)
{
	return timer_pending(&t->timer);
}

/**
 * KB_TIMER() - declare a typed timer callback
 * @name: prefix of the generated symbols
 * @type: the owner's private data type
 * @fn: ``void fn(type *dev)``, in softirq context: must not sleep
 *
 * Generates the trampoline and ``int name##_init(struct kb_publish *p,
 * struct kb_timer *t, type *dev)``.
 */
#define KB_TIMER(name, type, fn)					\
static void name##_kb_timer(struct timer_list *timer)			\
{									\
	struct kb_timer *t = container_of(timer, struct kb_timer, timer); \
	typeof(type) *typed = t->d.owner;				\
									\
	fn(typed);							\
}									\
static inline int name##_init(struct kb_publish *p, struct kb_timer *t,	\
			      typeof(type) *dev)			\
{									\
	return kb_timer_init(p, t, name##_kb_timer, dev);		\
}

/**
 * struct kb_hrtimer - a high-resolution timer of the owner
 * @d: the deferred step
 * @timer: the timer
 */
struct kb_hrtimer {
	struct kb_deferred d;
	struct hrtimer timer;
};

static inline void __kb_hrtimer_cancel(struct kb_step *step)
{
	hrtimer_cancel(&container_of(step, struct kb_hrtimer, d.step)->timer);
}

/**
 * kb_hrtimer_init() - set up a high-resolution timer of the owner
 * @p: publish-phase handle
 * @t: the timer (in the private data)
 * @fn: the callback, generated by KB_HRTIMER()
 * @owner: the owner's private data
 * @clock: CLOCK_MONOTONIC, CLOCK_BOOTTIME, ...
 * @mode: how kb_hrtimer_start() will be called: HRTIMER_MODE_REL,
 *	HRTIMER_MODE_ABS, with _SOFT or _HARD if needed
 *
 * Untyped backend of ``name##_init()`` of KB_HRTIMER().
 *
 * Context: process context, publish phase only.
 * Return: 0; -EBUSY if set up already; or an error injected by
 * kb_step_fault().
 */
static inline int kb_hrtimer_init(struct kb_publish *p, struct kb_hrtimer *t,
				  enum hrtimer_restart (*fn)(struct hrtimer *),
				  void *owner, clockid_t clock,
				  enum hrtimer_mode mode)
{
	int ret = __kb_deferred_begin(p, &t->d, "hrtimer");

	if (ret)
		return ret;
	hrtimer_setup(&t->timer, fn, clock, mode);
	__kb_deferred_publish(p, &t->d, owner, __kb_hrtimer_cancel,
			      "hrtimer");
	return 0;
}

/**
 * kb_hrtimer_start() - arm the timer, or move its expiry
 * @t: the timer
 * @expires: when, in the clock and mode given at init
 * @mode: as given at init
 *
 * Context: any.
 * Return: true if armed; false if refused because the owner is being torn
 * down.
 */
static inline bool kb_hrtimer_start(struct kb_hrtimer *t, ktime_t expires,
				    enum hrtimer_mode mode)
{
	return __kb_deferred_arm(&t->d,
				 (hrtimer_start(&t->timer, expires, mode), true));
}

/**
 * kb_hrtimer_forward_now() - move a periodic timer's expiry past now
 * @t: the timer
 * @interval: the period
 *
 * For the callback of a periodic timer, before it returns HRTIMER_RESTART.
 *
 * Context: the timer's callback.
 * Return: the number of periods that elapsed (overruns + 1).
 */
static inline u64 kb_hrtimer_forward_now(struct kb_hrtimer *t,
					 ktime_t interval)
{
	return hrtimer_forward_now(&t->timer, interval);
}

/**
 * kb_hrtimer_active() - is the timer armed or running?
 * @t: the timer
 *
 * Context: any.
 * Return: true while queued or in its callback.
 */
static inline bool kb_hrtimer_active(struct kb_hrtimer *t)
{
	return hrtimer_active(&t->timer);
}

/* A callback's verdict, unless its owner is being torn down. */
static inline enum hrtimer_restart
__kb_hrtimer_verdict(struct kb_hrtimer *t, enum hrtimer_restart ret)
{
	return ret == HRTIMER_RESTART && !READ_ONCE(t->d.live) ?
	       HRTIMER_NORESTART : ret;
}

/**
 * KB_HRTIMER() - declare a typed high-resolution timer callback
 * @name: prefix of the generated symbols
 * @type: the owner's private data type
 * @fn: ``enum hrtimer_restart fn(type *dev, struct kb_hrtimer *t)``, in
 *	hard or soft IRQ context (by the mode): must not sleep. A periodic
 *	timer calls kb_hrtimer_forward_now(@t, period) and returns
 *	HRTIMER_RESTART, which is turned into HRTIMER_NORESTART once the
 *	owner is being torn down; as with any hrtimer, one that restarts
 *	itself must not also be started from elsewhere (forwarding a queued
 *	timer is a kernel warning).
 *
 * Generates the trampoline and the set-up helper
 * ``int name##_init(p, t, dev, clock, mode)``, with the arguments of
 * kb_hrtimer_init() but for @dev, a ``type *``.
 */
#define KB_HRTIMER(name, type, fn)					\
static enum hrtimer_restart name##_kb_hrtimer(struct hrtimer *timer)	\
{									\
	struct kb_hrtimer *t = container_of(timer, struct kb_hrtimer,	\
					    timer);			\
	typeof(type) *typed = t->d.owner;				\
									\
	return __kb_hrtimer_verdict(t, fn(typed, t));			\
}									\
static inline int name##_init(struct kb_publish *p,			\
			      struct kb_hrtimer *t, typeof(type) *dev,	\
			      clockid_t clock, enum hrtimer_mode mode)	\
{									\
	return kb_hrtimer_init(p, t, name##_kb_hrtimer, dev, clock, mode); \
}

/**
 * struct kb_kthread - a kernel thread of the owner
 * @d: the deferred step
 * @task: the thread, referenced until teardown
 */
struct kb_kthread {
	struct kb_deferred d;
	struct task_struct *task;
};

static inline void __kb_kthread_stop(struct kb_step *step)
{
	struct kb_kthread *k = container_of(step, struct kb_kthread, d.step);

	kthread_stop(k->task);
	put_task_struct(k->task);
}

/**
 * kb_kthread_run() - start a kernel thread of the owner
 * @p: publish-phase handle
 * @k: the thread (in the private data)
 * @fn: the thread function, generated by KB_KTHREAD()
 * @owner: the owner's private data
 * @comm: the thread's name; copied (truncated to the task name length)
 *
 * Untyped backend of ``name##_run()`` of KB_KTHREAD().
 *
 * Context: process context, publish phase only.
 * Return: 0; the error of kthread_create() (-ENOMEM, -EINTR); -EBUSY if
 * @k runs already; -EINVAL if @k is refused as a step (on the stack: the
 * new thread is stopped at once); or an error injected by kb_step_fault().
 */
static inline int kb_kthread_run(struct kb_publish *p, struct kb_kthread *k,
				 int (*fn)(void *), void *owner,
				 const char *comm)
{
	struct task_struct *task;
	int ret = __kb_deferred_begin(p, &k->d, "kthread");

	if (ret)
		return ret;
	k->d.owner = owner;
	task = kthread_create(fn, k, "%s", comm);
	if (IS_ERR(task))
		return PTR_ERR(task);
	k->task = get_task_struct(task);
	__kb_deferred_publish(p, &k->d, owner, __kb_kthread_stop, "kthread");
	if (!k->d.step.undo) {
		/* refused (on the stack): nothing would stop it */
		kthread_stop(task);
		put_task_struct(task);
		return -EINVAL;
	}
	wake_up_process(task);
	return 0;
}

/**
 * KB_KTHREAD() - declare a typed kernel thread function
 * @name: prefix of the generated symbols
 * @type: the owner's private data type
 * @fn: ``int fn(type *dev)``, the thread's body: loops until
 *	kthread_should_stop(), sleeping only interruptibly (kthread_stop()
 *	wakes it) or on a &struct kb_waitq; may return earlier
 *
 * Generates the trampoline and ``int name##_run(struct kb_publish *p,
 * struct kb_kthread *k, type *dev, const char *comm)``. The thread is
 * stopped at teardown (kthread_stop()), before anything acquired is
 * released.
 */
#define KB_KTHREAD(name, type, fn)					\
static int name##_kb_kthread(void *data)				\
{									\
	struct kb_kthread *k = data;					\
	typeof(type) *typed = k->d.owner;				\
									\
	return fn(typed);						\
}									\
static inline int name##_run(struct kb_publish *p, struct kb_kthread *k, \
			     typeof(type) *dev, const char *comm)	\
{									\
	return kb_kthread_run(p, k, name##_kb_kthread, dev, comm);	\
}

#endif /* _KBIND_WORK_H */
