/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kbind revocable: access to an owner's data that can be withdrawn.
 *
 * Anything that can outlive its owner (an open file, a queued request, an
 * IRQ handler's late invocation) reaches the owner's data only through a
 * &struct kb_revocable. kb_revocable_revoke() makes every later access fail
 * and waits for the accesses in progress to finish, so after it returns the
 * data can be freed.
 *
 * Readers may sleep inside an access section (it is an SRCU read-side
 * critical section), so file operations can copy to and from user space and
 * take mutexes while they hold the owner's data.
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
 */
struct kb_revocable {
	struct srcu_struct srcu;
	void __rcu *ptr;
};

static inline int __kb_revocable_init(struct kb_revocable *r, void *ptr,
				      const char *name,
				      struct lock_class_key *key)
{
#ifdef CONFIG_DEBUG_LOCK_ALLOC
	int ret = __init_srcu_struct(&r->srcu, name, key);
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
	srcu_read_unlock(&r->srcu, idx);
}

/**
 * kb_revocable_revoke() - withdraw the data and wait for its readers
 * @r: the revocable
 *
 * After it returns, every kb_revocable_begin() returns NULL and no access
 * section that saw the data is still running, so the data may be freed.
 * Idempotent.
 *
 * Context: process context, sleeps (synchronize_srcu()); must not be called
 * from inside an access section of @r (that would deadlock).
 */
static inline void kb_revocable_revoke(struct kb_revocable *r)
{
	rcu_assign_pointer(r->ptr, NULL);
	synchronize_srcu(&r->srcu);
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
