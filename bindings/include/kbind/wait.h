/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kbind wait queues: sleeping inside an owner that teardown wakes.
 *
 * A file operation that waits for an event (data to read, an interrupt,
 * another process's write) sleeps inside its access section, so teardown,
 * which waits for every section to end, would wait for the event too, and
 * an event that never comes would hang unbind, rmmod and reboot. A
 * &struct kb_waitq is a wait queue acquired as a step of the owner with a
 * revoke hook: at teardown, before anything waits, the queue is marked dead
 * and every sleeper woken, and kb_wait_event_interruptible() returns
 * -ENODEV to them. Teardown then finishes as soon as they have left.
 *
 * Guaranteed: a sleeper on a &struct kb_waitq never delays teardown longer
 * than it takes to wake and return. Not guaranteed: anything about a raw
 * wait_event() or wait_for_completion() inside a section, which teardown
 * cannot wake (``make cocci`` reports them).
 */
#ifndef _KBIND_WAIT_H
#define _KBIND_WAIT_H

#include <linux/wait.h>

#include <kbind/lifecycle.h>

/**
 * struct kb_waitq - a wait queue that teardown wakes for good
 * @wq: the wait queue
 * @dead: set by the owner's revoke pass; sleepers leave with -ENODEV
 * @step: acquisition step with the revoke hook
 *
 * Lives in the owner's private data. Locking: none beyond the wait queue's
 * own; @dead is written once, by teardown.
 */
struct kb_waitq {
	wait_queue_head_t wq;
	bool dead;
	struct kb_step step;
};

static inline void __kb_waitq_revoke(struct kb_step *step)
{
	struct kb_waitq *q = container_of(step, struct kb_waitq, step);

	WRITE_ONCE(q->dead, true);
	wake_up_all(&q->wq);
}

static inline void __kb_waitq_undo(struct kb_step *step)
{
	struct kb_waitq *q = container_of(step, struct kb_waitq, step);

	/* every sleeper left: sections have ended before this undo runs */
	WARN_ON_ONCE(waitqueue_active(&q->wq));
}

/**
 * kb_waitq_init() - set up a wait queue woken for good at teardown
 * @p: acquire-phase handle of the owner
 * @q: the queue, in the owner's private data
 *
 * Context: process context, acquire phase only. Cannot fail.
 */
static inline void kb_waitq_init(struct kb_probe *p, struct kb_waitq *q)
{
	init_waitqueue_head(&q->wq);
	q->dead = false;
	kb_acquired_revocable(p, &q->step, __kb_waitq_revoke, __kb_waitq_undo,
			      "wait queue");
}

/**
 * kb_wake_up() - wake the sleepers of @q after their condition changed
 * @q: the queue
 *
 * Context: any, including hard IRQ.
 */
static inline void kb_wake_up(struct kb_waitq *q)
{
	wake_up_all(&q->wq);
}

/**
 * kb_waitq_dead() - has teardown revoked @q's owner?
 * @q: the queue
 *
 * Context: any.
 * Return: true once the owner's revoke pass ran.
 */
static inline bool kb_waitq_dead(struct kb_waitq *q)
{
	return READ_ONCE(q->dead);
}

/**
 * kb_wait_event_interruptible() - sleep until @cond, a signal or teardown
 * @q: the queue (a &struct kb_waitq *)
 * @cond: the condition, re-evaluated after every wake-up
 *
 * Context: process context, may sleep; inside an access section of the
 * owner of @q (a file operation), or anywhere the owner is known live.
 * Return: 0 once @cond is true; -ENODEV once the owner is being torn down
 * (also if @cond is true then); -ERESTARTSYS on a signal.
 */
#define kb_wait_event_interruptible(q, cond)				\
({									\
	struct kb_waitq *__q = (q);					\
	int __ret;							\
									\
	__ret = wait_event_interruptible(__q->wq,			\
					 kb_waitq_dead(__q) || (cond));	\
	if (!__ret && kb_waitq_dead(__q))				\
		__ret = -ENODEV;					\
	__ret;								\
})

/**
 * kb_wait_event_interruptible_timeout() - as kb_wait_event_interruptible(),
 *	for at most @timeout jiffies
 * @q: the queue (a &struct kb_waitq *)
 * @cond: the condition
 * @timeout: the most jiffies to wait
 *
 * Context: as kb_wait_event_interruptible().
 * Return: the jiffies left (at least 1) once @cond is true; 0 on timeout;
 * -ENODEV once the owner is being torn down; -ERESTARTSYS on a signal.
 */
#define kb_wait_event_interruptible_timeout(q, cond, timeout)		\
({									\
	struct kb_waitq *__q = (q);					\
	long __ret;							\
									\
	__ret = wait_event_interruptible_timeout(__q->wq,		\
				kb_waitq_dead(__q) || (cond), timeout);	\
	if (__ret >= 0 && kb_waitq_dead(__q))				\
		__ret = -ENODEV;					\
	__ret;								\
})

#endif /* _KBIND_WAIT_H */
