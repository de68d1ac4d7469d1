/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kbind revocable: access to an owner's data that can be withdrawn.
 *
 * What can outlive its owner and runs in process context (an open file's
 * operations) reaches the owner's data through a &struct kb_revocable.
 * kb_revocable_kill() makes every later access fail; kb_revocable_wait()
 * then waits for the accesses in progress to finish, so after it returns
 * the data can be freed.
 *
 * Guaranteed: an access section that saw the data keeps it valid until it
 * ends; no access starts after the kill. Not guaranteed: that the wait is
 * short. It lasts as long as the longest section, so sections must not wait
 * for user space: they may sleep and take mutexes, but must not touch user
 * memory (the misc binding copies it outside the section), must wait for
 * events only on a &struct kb_waitq (woken by the kill), and must never take
 * a lock that the revoking task holds (a device's device_lock, held by the
 * driver core around remove): that deadlocks.
 *
 * On lockdep kernels a section is a recursive read of a lock class and the
 * wait an exclusive acquisition of it, on every kernel (6.1's SRCU is not
 * tracked by lockdep). So a section that takes a lock which a revoking task
 * holds while it waits is reported the first time both orders are seen,
 * without the deadlock having to happen. A bound device's device_lock is
 * such a lock: the bus bindings give it a lockdep class while bound (see
 * bus.h).
 */
#ifndef _KBIND_REVOCABLE_H
#define _KBIND_REVOCABLE_H

#include <linux/compiler.h>
#include <linux/lockdep.h>
#include <linux/rcupdate.h>
#include <linux/srcu.h>

/**
 * struct kb_revocable - a pointer that can be revoked
 * @srcu: read-side domain of the accessors
 * @ptr: the protected data, NULL once revoked
 * @dep_map: lockdep's view of the sections (lockdep kernels only)
 */
struct kb_revocable {
	struct srcu_struct srcu;
	void __rcu *ptr;
#ifdef CONFIG_DEBUG_LOCK_ALLOC
	struct lockdep_map dep_map;
#endif
};

static inline int __kb_revocable_init(struct kb_revocable *r, void *ptr,
				      const char *name,
				      struct lock_class_key *key)
{
#ifdef CONFIG_DEBUG_LOCK_ALLOC
	int ret = __init_srcu_struct(&r->srcu, name, key);

	lockdep_init_map(&r->dep_map, name, key, 0);
#else
	int ret = init_srcu_struct(&r->srcu);
#endif

	if (ret)
		return ret;
	RCU_INIT_POINTER(r->ptr, ptr);
	return 0;
}

/**
 * kb_revocable_init() - make @ptr reachable through @r
 * @r: the revocable
 * @ptr: the data to protect; must stay valid until kb_revocable_revoke()
 *
 * Every call site is a lockdep class of its own, so that revoking one kind
 * of revocable from inside an access section of another kind is not taken
 * for recursion; bindings that create revocables for several kinds of
 * owners from one place pass a class per kind to __kb_revocable_init().
 *
 * Context: process context, may sleep.
 * Return: 0, or -ENOMEM if the SRCU domain cannot be allocated.
 */
#define kb_revocable_init(r, ptr)					\
({									\
	static struct lock_class_key __kb_rev_key;			\
									\
	__kb_revocable_init(r, ptr, "kb_revocable", &__kb_rev_key);	\
})

/**
 * kb_revocable_begin() - enter an access section
 * @r: the revocable
 * @idx: SRCU cookie to hand to kb_revocable_end()
 *
 * Must be paired with kb_revocable_end(@r, *@idx) on every path, whatever it
 * returns. The returned pointer is valid until that call.
 *
 * Context: any context that may hold an SRCU read lock; may be nested.
 * Return: the protected data, or NULL once revoked.
 */
static inline void *kb_revocable_begin(struct kb_revocable *r, int *idx)
{
	*idx = srcu_read_lock(&r->srcu);
#ifdef CONFIG_DEBUG_LOCK_ALLOC
	lock_map_acquire_read(&r->dep_map);
#endif
	return srcu_dereference(r->ptr, &r->srcu);
}

/**
 * kb_revocable_end() - leave an access section
 * @r: the revocable
 * @idx: the cookie kb_revocable_begin() returned
 *
 * Context: the context that called kb_revocable_begin().
 */
static inline void kb_revocable_end(struct kb_revocable *r, int idx)
{
#ifdef CONFIG_DEBUG_LOCK_ALLOC
	lock_map_release(&r->dep_map);
#endif
	srcu_read_unlock(&r->srcu, idx);
}

/**
 * kb_revocable_kill() - withdraw the data without waiting for its readers
 * @r: the revocable
 *
 * Every kb_revocable_begin() that starts after it returns NULL. Sections
 * that saw the data may still be running: wake the ones that sleep, then
 * kb_revocable_wait(). Idempotent.
 *
 * Context: any.
 */
static inline void kb_revocable_kill(struct kb_revocable *r)
{
	rcu_assign_pointer(r->ptr, NULL);
}

/**
 * kb_revocable_wait() - wait for the access sections that saw the data
 * @r: a killed revocable
 *
 * After it returns no access section that saw the data is still running,
 * so the data may be freed.
 *
 * Context: process context, sleeps (synchronize_srcu()) as long as the
 * longest running section; must not be called from inside an access
 * section of @r, nor while holding a lock that a section may take (lockdep
 * reports both).
 */
static inline void kb_revocable_wait(struct kb_revocable *r)
{
#ifdef CONFIG_DEBUG_LOCK_ALLOC
	lock_map_acquire(&r->dep_map);
	lock_map_release(&r->dep_map);
#endif
	synchronize_srcu(&r->srcu);
}

/**
 * kb_revocable_revoke() - kill @r, then wait for its readers
 * @r: the revocable
 *
 * kb_revocable_kill() then kb_revocable_wait(), for a revocable whose
 * readers never sleep on anything the kill would have to wake.
 *
 * Context: as kb_revocable_wait().
 */
static inline void kb_revocable_revoke(struct kb_revocable *r)
{
	kb_revocable_kill(r);
	kb_revocable_wait(r);
}

/**
 * kb_revocable_dead() - has @r been killed?
 * @r: the revocable
 *
 * For wait conditions: a section sleeping for an event also wakes up once
 * the owner is revoked.
 *
 * Context: any.
 * Return: true once kb_revocable_kill() ran.
 */
static inline bool kb_revocable_dead(struct kb_revocable *r)
{
	return !rcu_access_pointer(r->ptr);
}

/**
 * kb_revocable_destroy() - free the SRCU domain of a revoked revocable
 * @r: the revocable, revoked, with no reader left
 *
 * Context: process context, may sleep.
 */
static inline void kb_revocable_destroy(struct kb_revocable *r)
{
	cleanup_srcu_struct(&r->srcu);
}

#endif /* _KBIND_REVOCABLE_H */
