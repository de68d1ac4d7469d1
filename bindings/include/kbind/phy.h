/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kbind PHY binding: phylib drivers as a declarative table.
 *
 * KB_PHY_MODULE() takes a table of KB_PHY() entries (match, name, flags,
 * callbacks) and generates the &struct phy_driver array, its registration
 * as the module's publication and the MDIO device table that autoloads the
 * module. Each callback gets a handle whose type says what phylib holds
 * while it runs, and the accessors take only the handles they are safe
 * with:
 *
 *  ====================  ================================  =================
 *  handle                callbacks                         phylib holds
 *  ====================  ================================  =================
 *  &struct kb_phy_probe  probe                             nothing (binding)
 *  &struct kb_phy        soft_reset, config_init, suspend  nothing
 *  &struct kb_phy_locked config_aneg, read_status, resume  phydev->lock
 *  &struct kb_phy_notify link_change_notify                kernel-dependent
 *  &struct kb_phy_page   read_page, write_page             the MDIO bus lock
 *  ====================  ================================  =================
 *
 * Register accessors (kb_phy_read() and friends) take the MDIO bus lock and
 * accept every handle but &struct kb_phy_page, whose callbacks run with that
 * lock held and use __kb_phy_read()/__kb_phy_write() (lockdep checks the
 * lock is held). Helpers that read or write phylib's link state (link,
 * speed, duplex, link partner modes) take &struct kb_phy_locked only and
 * assert the lock with lockdep. Registers are
 * typed too: KB_C22() for Clause 22, KB_C45() for a Clause 45 (MMD)
 * register, so a register number cannot be passed where the other is meant.
 *
 * A driver with private data gives its table a type and its entries a
 * probe: the binding allocates the data zeroed before probe and frees it
 * after remove, probe runs as a kbind lifecycle (its steps unwind by
 * themselves), and kb_phy_priv() returns the data with its type.
 *
 * The private data is revocable, per PHY: phylib clears phydev->drv only
 * after remove and does not hold phydev->lock around it, so an ethtool or
 * MAC driver call may still be in a callback when remove runs. A PHY bound
 * to an entry with a probe has a &struct kb_phy_binding, a device-managed
 * resource of the PHY published when probe succeeded. Each callback looks
 * it up once and holds a reference while it runs, and its handle carries
 * the private data found then; remove unpublishes the binding, waits for
 * that PHY's callbacks only, then tears the lifecycle down, and a later
 * callback returns -ENODEV. Because the binding is a devres resource, the
 * driver core also tears it down when phylib's probe fails after the
 * entry's (phylib calls no remove then). Entries without a probe have
 * nothing to revoke and cost nothing.
 */
#ifndef _KBIND_PHY_H
#define _KBIND_PHY_H

#include <linux/completion.h>
#include <linux/device.h>
#include <linux/kernel.h>
#include <linux/lockdep.h>
#include <linux/mdio.h>
#include <linux/mii.h>
#include <linux/mod_devicetable.h>
#include <linux/phy.h>
#include <linux/refcount.h>

#include <kbind/compat.h>
#include <kbind/lifecycle.h>

/**
 * struct kb_phy_bus_ok - marks a handle whose callback may take the MDIO
 *	bus lock (every handle but &struct kb_phy_page)
 */
struct kb_phy_bus_ok {
};

/**
 * struct kb_phy - a PHY in a callback phylib runs without its lock
 * @phydev: the PHY; private: reach it with kb_phy_raw() only
 * @priv: the private data the callback's guard found; reach it with
 *	kb_phy_priv() only (so with its type)
 * @may_take_bus_lock: the register accessors may be used
 *
 * Lifetime: the callback's; never store a handle. Every handle has the
 * same @phydev and @priv members.
 */
struct kb_phy {
	struct phy_device *__private phydev;
	void *__private priv;
	struct kb_phy_bus_ok may_take_bus_lock;
};

/**
 * struct kb_phy_locked - a PHY in a callback phylib runs under phydev->lock
 * @phydev: the PHY; private: reach it with kb_phy_raw() only
 * @priv: the private data; reach it with kb_phy_priv() only
 * @may_take_bus_lock: the register accessors may be used
 *
 * The lock serialises the callback against phylib's state machine and
 * ethtool, so phylib's link state may be read and written.
 */
struct kb_phy_locked {
	struct phy_device *__private phydev;
	void *__private priv;
	struct kb_phy_bus_ok may_take_bus_lock;
};

/**
 * struct kb_phy_notify - a PHY in link_change_notify
 * @phydev: the PHY; private: reach it with kb_phy_raw() only
 * @priv: the private data; reach it with kb_phy_priv() only
 * @may_take_bus_lock: the register accessors may be used
 *
 * phylib's state machine calls it after a state change: with phydev->lock
 * held since 6.7, without it before. The operations on this handle
 * (kb_phy_state(), kb_phy_init_hw(), kb_phy_start_aneg()) are correct with
 * either, which a driver written against one kernel would not be.
 */
struct kb_phy_notify {
	struct phy_device *__private phydev;
	void *__private priv;
	struct kb_phy_bus_ok may_take_bus_lock;
};

/**
 * struct kb_phy_page - a PHY in read_page/write_page
 * @phydev: the PHY; private: reach it with kb_phy_raw() only
 * @priv: the private data; reach it with kb_phy_priv() only
 *
 * phylib holds the MDIO bus lock: only __kb_phy_read() and __kb_phy_write()
 * work here. The locking accessors would deadlock: they do not compile
 * with this handle, which has no may_take_bus_lock member.
 */
struct kb_phy_page {
	struct phy_device *__private phydev;
	void *__private priv;
};

/**
 * struct kb_phy_probe - a PHY being probed, with its lifecycle
 * @core: the acquire-phase handle, for acquisition steps (kb_array_alloc())
 * @phydev: the PHY; private: reach it with kb_phy_raw() only
 * @priv: NULL: probe gets its private data as an argument
 * @may_take_bus_lock: the register accessors may be used
 */
struct kb_phy_probe {
	struct kb_probe core;
	struct phy_device *__private phydev;
	void *__private priv;
	struct kb_phy_bus_ok may_take_bus_lock;
};

/**
 * struct kb_c22 - a Clause 22 register, made by KB_C22()
 * @reg: register number, 0 to 31
 */
struct kb_c22 {
	u32 reg;
};

/**
 * struct kb_c45 - a Clause 45 register, made by KB_C45()
 * @devad: MMD device address (MDIO_MMD_PMAPMD, MDIO_MMD_PCS, ...)
 * @reg: register number in the MMD
 */
struct kb_c45 {
	int devad;
	u32 reg;
};

/**
 * KB_C22() - a Clause 22 register for the PHY accessors
 * @r: register number (MII_BMCR, ...)
 */
#define KB_C22(r)	((struct kb_c22){ .reg = (r) })

/**
 * KB_C45() - a Clause 45 (MMD) register for the PHY accessors
 * @d: MMD device address
 * @r: register number in the MMD
 *
 * On a Clause 22 PHY phylib reaches it through the indirect MMD registers
 * (13 and 14), as phy_read_mmd() does.
 */
#define KB_C45(d, r)	((struct kb_c45){ .devad = (d), .reg = (r) })

/*
 * The PHY of a handle whose callback may take the MDIO bus lock; a
 * &struct kb_phy_page, or anything else without the marker, does not
 * compile.
 */
#define __kb_phy_bus(h)							\
({									\
	typeof(h) __h = (h);						\
									\
	(void)sizeof(__h->may_take_bus_lock);				\
	ACCESS_PRIVATE(__h, phydev);					\
})

/**
 * kb_phy_raw() - escape hatch: the &struct phy_device behind a handle
 * @h: any PHY handle
 *
 * For what the binding does not wrap. The caller must justify in a comment
 * why the use is safe: phylib's rules for the callback still hold (which
 * locks are held, what may sleep), the handle types no longer check them.
 *
 * Return: the PHY, valid for the callback.
 */
#define kb_phy_raw(h)	ACCESS_PRIVATE(h, phydev)

/* Not a KB_C22() or KB_C45() register: a build error where it is used. */
int __kb_phy_not_a_register(struct phy_device *d, ...)
	__compiletime_error("kbind: PHY registers are KB_C22() or KB_C45()");

/*
 * The accessor for register @r's type: @c22 for a struct kb_c22, @c45 for
 * a struct kb_c45, a build error for anything else.
 */
#define __kb_phy_by_reg(r, c22, c45)					\
	__builtin_choose_expr(						\
		__builtin_types_compatible_p(typeof(r), struct kb_c22), c22, \
		__builtin_choose_expr(					\
			__builtin_types_compatible_p(typeof(r), struct kb_c45), \
			c45, __kb_phy_not_a_register))

static inline int __kb_phy_read_c22(struct phy_device *d, struct kb_c22 r)
{
	return phy_read(d, r.reg);
}

static inline int __kb_phy_read_c45(struct phy_device *d, struct kb_c45 r)
{
	return phy_read_mmd(d, r.devad, r.reg);
}

static inline int __kb_phy_write_c22(struct phy_device *d, struct kb_c22 r,
				     u16 val)
{
	return phy_write(d, r.reg, val);
}

static inline int __kb_phy_write_c45(struct phy_device *d, struct kb_c45 r,
				     u16 val)
{
	return phy_write_mmd(d, r.devad, r.reg, val);
}

static inline int __kb_phy_modify_c22(struct phy_device *d, struct kb_c22 r,
				      u16 mask, u16 set)
{
	return phy_modify(d, r.reg, mask, set);
}

static inline int __kb_phy_modify_c45(struct phy_device *d, struct kb_c45 r,
				      u16 mask, u16 set)
{
	return phy_modify_mmd(d, r.devad, r.reg, mask, set);
}

/**
 * kb_phy_read() - read a PHY register
 * @h: a PHY handle, not &struct kb_phy_page
 * @r: KB_C22() or KB_C45() register
 *
 * Context: process context, sleeps; takes the MDIO bus lock.
 * Return: the register value (0 to 0xffff), or the bus's negative errno.
 */
#define kb_phy_read(h, r)						\
({									\
	typeof(r) __r = (r);						\
									\
	__kb_phy_by_reg(__r, __kb_phy_read_c22, __kb_phy_read_c45)	\
		(__kb_phy_bus(h), __r);					\
})

/**
 * kb_phy_write() - write a PHY register
 * @h: a PHY handle, not &struct kb_phy_page
 * @r: KB_C22() or KB_C45() register
 * @val: the value
 *
 * Context: process context, sleeps; takes the MDIO bus lock.
 * Return: 0, or the bus's negative errno.
 */
#define kb_phy_write(h, r, val)						\
({									\
	typeof(r) __r = (r);						\
									\
	__kb_phy_by_reg(__r, __kb_phy_write_c22, __kb_phy_write_c45)	\
		(__kb_phy_bus(h), __r, val);				\
})

/**
 * kb_phy_modify() - read-modify-write a PHY register under one bus lock
 * @h: a PHY handle, not &struct kb_phy_page
 * @r: KB_C22() or KB_C45() register
 * @mask: bits to clear
 * @set: bits to set
 *
 * Context: process context, sleeps; takes the MDIO bus lock.
 * Return: 0, or the bus's negative errno.
 */
#define kb_phy_modify(h, r, mask, set)					\
({									\
	typeof(r) __r = (r);						\
									\
	__kb_phy_by_reg(__r, __kb_phy_modify_c22, __kb_phy_modify_c45)	\
		(__kb_phy_bus(h), __r, mask, set);			\
})

/**
 * kb_phy_set_bits() - set bits of a PHY register
 * @h: a PHY handle, not &struct kb_phy_page
 * @r: KB_C22() or KB_C45() register
 * @bits: bits to set
 *
 * Context: process context, sleeps; takes the MDIO bus lock.
 * Return: 0, or the bus's negative errno.
 */
#define kb_phy_set_bits(h, r, bits)	kb_phy_modify(h, r, 0, bits)

/**
 * kb_phy_clear_bits() - clear bits of a PHY register
 * @h: a PHY handle, not &struct kb_phy_page
 * @r: KB_C22() or KB_C45() register
 * @bits: bits to clear
 *
 * Context: process context, sleeps; takes the MDIO bus lock.
 * Return: 0, or the bus's negative errno.
 */
#define kb_phy_clear_bits(h, r, bits)	kb_phy_modify(h, r, bits, 0)

/**
 * kb_phy_read_paged() - read a Clause 22 register of a page
 * @h: a PHY handle, not &struct kb_phy_page
 * @page: the page; the driver's read_page/write_page select it
 * @r: KB_C22() register
 *
 * Selects @page, reads, and restores the previous page, all under one
 * MDIO bus lock.
 *
 * Context: process context, sleeps; takes the MDIO bus lock.
 * Return: the register value, or a negative errno (the bus's, or the page
 * callbacks').
 */
#define kb_phy_read_paged(h, page, r)					\
	__kb_phy_read_paged(__kb_phy_bus(h), page, r)

static inline int __kb_phy_read_paged(struct phy_device *d, int page,
				      struct kb_c22 r)
{
	return phy_read_paged(d, page, r.reg);
}

/**
 * kb_phy_write_paged() - write a Clause 22 register of a page
 * @h: a PHY handle, not &struct kb_phy_page
 * @page: the page
 * @r: KB_C22() register
 * @val: the value
 *
 * Context: process context, sleeps; takes the MDIO bus lock.
 * Return: 0, or a negative errno (the bus's, or the page callbacks').
 */
#define kb_phy_write_paged(h, page, r, val)				\
	__kb_phy_write_paged(__kb_phy_bus(h), page, r, val)

static inline int __kb_phy_write_paged(struct phy_device *d, int page,
				       struct kb_c22 r, u16 val)
{
	return phy_write_paged(d, page, r.reg, val);
}

/**
 * kb_phy_modify_paged() - read-modify-write a Clause 22 register of a page
 * @h: a PHY handle, not &struct kb_phy_page
 * @page: the page
 * @r: KB_C22() register
 * @mask: bits to clear
 * @set: bits to set
 *
 * Context: process context, sleeps; takes the MDIO bus lock.
 * Return: 0, or a negative errno (the bus's, or the page callbacks').
 */
#define kb_phy_modify_paged(h, page, r, mask, set)			\
	__kb_phy_modify_paged(__kb_phy_bus(h), page, r, mask, set)

static inline int __kb_phy_modify_paged(struct phy_device *d, int page,
					struct kb_c22 r, u16 mask, u16 set)
{
	return phy_modify_paged(d, page, r.reg, mask, set);
}

/**
 * __kb_phy_read() - read a Clause 22 register, the bus lock being held
 * @h: the page callbacks' handle
 * @r: KB_C22() register
 *
 * Context: read_page/write_page, MDIO bus lock held (asserted by lockdep).
 * Return: the register value, or the bus's negative errno.
 */
static inline int __kb_phy_read(struct kb_phy_page *h, struct kb_c22 r)
{
	lockdep_assert_held(&ACCESS_PRIVATE(h, phydev)->mdio.bus->mdio_lock);
	return __phy_read(ACCESS_PRIVATE(h, phydev), r.reg);
}

/**
 * __kb_phy_write() - write a Clause 22 register, the bus lock being held
 * @h: the page callbacks' handle
 * @r: KB_C22() register
 * @val: the value
 *
 * Context: read_page/write_page, MDIO bus lock held (asserted by lockdep).
 * Return: 0, or the bus's negative errno.
 */
static inline int __kb_phy_write(struct kb_phy_page *h, struct kb_c22 r,
				 u16 val)
{
	lockdep_assert_held(&ACCESS_PRIVATE(h, phydev)->mdio.bus->mdio_lock);
	return __phy_write(ACCESS_PRIVATE(h, phydev), r.reg, val);
}

/* The PHY of a locked handle, with the lock asserted. */
static inline struct phy_device *__kb_phy_held(struct kb_phy_locked *h)
{
	lockdep_assert_held(&ACCESS_PRIVATE(h, phydev)->lock);
	return ACCESS_PRIVATE(h, phydev);
}

/**
 * kb_genphy_soft_reset() - reset the PHY through BMCR_RESET and wait for it
 * @h: a PHY handle, not &struct kb_phy_page
 *
 * Context: process context, sleeps (polls up to 600 ms); MDIO bus lock.
 * Return: 0; -ETIMEDOUT if the reset bit does not clear; the bus's errno.
 */
#define kb_genphy_soft_reset(h)		genphy_soft_reset(__kb_phy_bus(h))

/**
 * kb_genphy_suspend() - power the PHY down (BMCR_PDOWN)
 * @h: a PHY handle, not &struct kb_phy_page
 *
 * Context: process context, sleeps; MDIO bus lock.
 * Return: 0, or the bus's negative errno.
 */
#define kb_genphy_suspend(h)		genphy_suspend(__kb_phy_bus(h))

/**
 * kb_genphy_resume() - power the PHY up (clear BMCR_PDOWN)
 * @h: a PHY handle, not &struct kb_phy_page
 *
 * Context: process context, sleeps; MDIO bus lock.
 * Return: 0, or the bus's negative errno.
 */
#define kb_genphy_resume(h)		genphy_resume(__kb_phy_bus(h))

/**
 * kb_genphy_update_link() - read BMSR into the link state
 * @h: locked handle
 *
 * Context: phydev->lock held (asserted), sleeps.
 * Return: 0, or the bus's negative errno.
 */
static inline int kb_genphy_update_link(struct kb_phy_locked *h)
{
	return genphy_update_link(__kb_phy_held(h));
}

/**
 * kb_genphy_read_lpa() - read the link partner's modes (LPA, STAT1000)
 * @h: locked handle
 *
 * Context: phydev->lock held (asserted), sleeps.
 * Return: 0, or the bus's negative errno.
 */
static inline int kb_genphy_read_lpa(struct kb_phy_locked *h)
{
	return genphy_read_lpa(__kb_phy_held(h));
}

/**
 * kb_genphy_read_status() - phylib's generic read_status
 * @h: locked handle
 *
 * Context: phydev->lock held (asserted), sleeps.
 * Return: 0, or the bus's negative errno.
 */
static inline int kb_genphy_read_status(struct kb_phy_locked *h)
{
	return genphy_read_status(__kb_phy_held(h));
}

/**
 * kb_genphy_config_aneg() - phylib's generic config_aneg
 * @h: locked handle
 *
 * Context: phydev->lock held (asserted), sleeps.
 * Return: 0, or the bus's negative errno.
 */
static inline int kb_genphy_config_aneg(struct kb_phy_locked *h)
{
	return genphy_config_aneg(__kb_phy_held(h));
}

/**
 * kb_phy_resolve_aneg_linkmode() - speed and duplex from the common modes
 * @h: locked handle
 *
 * Context: phydev->lock held (asserted).
 */
static inline void kb_phy_resolve_aneg_linkmode(struct kb_phy_locked *h)
{
	phy_resolve_aneg_linkmode(__kb_phy_held(h));
}

/**
 * kb_phy_link_up() - whether phylib's link state says up
 * @h: locked handle
 *
 * Context: phydev->lock held (asserted).
 * Return: true if the link is up.
 */
static inline bool kb_phy_link_up(struct kb_phy_locked *h)
{
	return __kb_phy_held(h)->link;
}

/**
 * kb_phy_set_speed() - set phylib's speed
 * @h: locked handle
 * @speed: SPEED_10, SPEED_100, ... or SPEED_UNKNOWN
 *
 * Context: phydev->lock held (asserted).
 */
static inline void kb_phy_set_speed(struct kb_phy_locked *h, int speed)
{
	__kb_phy_held(h)->speed = speed;
}

/**
 * kb_phy_set_duplex() - set phylib's duplex
 * @h: locked handle
 * @duplex: DUPLEX_HALF, DUPLEX_FULL or DUPLEX_UNKNOWN
 *
 * Context: phydev->lock held (asserted).
 */
static inline void kb_phy_set_duplex(struct kb_phy_locked *h, int duplex)
{
	__kb_phy_held(h)->duplex = duplex;
}

/**
 * kb_phy_autoneg_done() - autonegotiation enabled and completed
 * @h: locked handle
 *
 * As the last kb_genphy_update_link() found it.
 *
 * Context: phydev->lock held (asserted).
 * Return: true if autonegotiation is enabled and BMSR said complete.
 */
static inline bool kb_phy_autoneg_done(struct kb_phy_locked *h)
{
	struct phy_device *d = __kb_phy_held(h);

	return d->autoneg == AUTONEG_ENABLE && d->autoneg_complete;
}

static inline struct phy_device *__kb_phy_notified(struct kb_phy_notify *h)
{
#if __KB_PHY_NOTIFY_LOCKED
	lockdep_assert_held(&ACCESS_PRIVATE(h, phydev)->lock);
#else
	lockdep_assert_not_held(&ACCESS_PRIVATE(h, phydev)->lock);
#endif
	return ACCESS_PRIVATE(h, phydev);
}

/**
 * kb_phy_state() - the state phylib's state machine just entered
 * @h: notifier handle
 *
 * Context: link_change_notify (the state machine does not run
 * concurrently with itself).
 * Return: PHY_NOLINK, PHY_RUNNING, ...
 */
static inline enum phy_state kb_phy_state(struct kb_phy_notify *h)
{
	return __kb_phy_notified(h)->state;
}

/**
 * kb_phy_init_hw() - reinitialise the PHY: soft_reset, then config_init
 * @h: notifier handle
 *
 * Context: link_change_notify, sleeps.
 * Return: 0, or the first failing callback's negative errno.
 */
static inline int kb_phy_init_hw(struct kb_phy_notify *h)
{
	return phy_init_hw(__kb_phy_notified(h));
}

/**
 * kb_phy_start_aneg() - restart autonegotiation from the notifier
 * @h: notifier handle
 *
 * Calls _phy_start_aneg() where phylib holds phydev->lock around the
 * notifier and phy_start_aneg() where it does not, so it neither deadlocks
 * nor runs unlocked on any kernel.
 *
 * Context: link_change_notify, sleeps.
 * Return: 0, or the config_aneg or status read's negative errno.
 */
static inline int kb_phy_start_aneg(struct kb_phy_notify *h)
{
	return __kb_phy_notify_start_aneg(__kb_phy_notified(h));
}

/**
 * struct kb_phy_registration - a module's PHY drivers, registered
 * @step: publication step; undoing it unregisters the drivers
 * @drivers: the generated &struct phy_driver array
 * @n: its length
 */
struct kb_phy_registration {
	struct kb_step step;
	struct phy_driver *drivers;
	int n;
};

static inline void __kb_phy_unregister(struct kb_step *step)
{
	struct kb_phy_registration *r =
		container_of(step, struct kb_phy_registration, step);

	phy_drivers_unregister(r->drivers, r->n);
}

static inline int __kb_phy_register(struct kb_publish *p,
				    struct kb_phy_registration *r,
				    struct phy_driver *drivers, int n)
{
	int ret = kb_step_fault(__kb_lc(p), "phy drivers");

	if (ret)
		return ret;
	ret = phy_drivers_register(drivers, n, __kb_lc(p)->owner);
	if (ret)
		return ret;
	r->drivers = drivers;
	r->n = n;
	kb_published(p, &r->step, __kb_phy_unregister, "phy drivers");
	return 0;
}

/**
 * struct kb_phy_binding - a PHY bound to an entry with a probe
 * @lc: the lifecycle of the entry's probe; owns the private data
 * @users: 1 for the binding while it is published, plus 1 for each
 *	callback running with it
 * @idle: completed when @users drops to 0: no callback uses the data
 *
 * A device-managed resource of the PHY (phydev->mdio.dev), added when the
 * entry's probe succeeded: devres is how the callbacks find it, and how
 * the driver core tears it down when phylib's probe fails after the
 * entry's. kbind does not use phydev->priv, which phylib never clears and
 * another driver may have left set.
 *
 * Why a reference count found through devres, not an SRCU domain: a
 * callback may race probe and remove, so it must find the PHY's binding
 * and take its reference in one step that removal cannot split. Under the
 * devres lock, which devres_remove() and devres_release_all() also take to
 * unlink the binding, the lookup sees the binding published and takes a
 * reference, or does not see it at all. A per-PHY SRCU domain would need
 * that same step to reach the domain itself, and its grace periods cost
 * far more than one PHY's callbacks. Removal then waits for this PHY's
 * callbacks only, each bounded by its MDIO accesses.
 *
 * Context: the teardown (remove, or the driver core's release) sleeps
 * until the PHY's running callbacks return, and nothing else: a callback
 * must not wait for its own PHY's unbind.
 * Lifetime: from the end of the entry's probe until remove, or the driver
 * core's release of the PHY's resources when phylib's probe fails, has
 * waited for the last callback and torn the lifecycle down.
 */
struct kb_phy_binding {
	struct kb_lifecycle lc;
	refcount_t users;
	struct completion idle;
};

/* The devres lookup's match: runs under the devres lock, while published. */
static inline int __kb_phy_hold(struct device *dev, void *res, void *data)
{
	struct kb_phy_binding *b = res;

	/* published bindings hold their own reference: never 0 here */
	refcount_inc(&b->users);
	return 1;
}

/*
 * The binding of PHY @d, with a reference the caller drops with
 * __kb_phy_put(); NULL if the PHY has none published (probe not done,
 * remove started, or another driver bound). @release is the table's devres
 * release function, which tells the table's bindings from others'.
 */
static inline struct kb_phy_binding *__kb_phy_get(struct phy_device *d,
						  dr_release_t release)
{
	return devres_find(&d->mdio.dev, release, __kb_phy_hold, NULL);
}

static inline void __kb_phy_put(struct kb_phy_binding *b)
{
	if (refcount_dec_and_test(&b->users))
		complete(&b->idle);
}

/*
 * Tear down binding @b, already unpublished (no callback can find it any
 * more): drop its own reference, wait for the callbacks holding one, then
 * undo the lifecycle. The wait is for this PHY's callbacks only.
 */
static inline void __kb_phy_unbind(struct kb_phy_binding *b)
{
	__kb_phy_put(b);
	wait_for_completion(&b->idle);
	kb_lifecycle_teardown(&b->lc);
}

/*
 * Probe of a PHY whose entry has a probe: allocate the binding first (so
 * that publishing it cannot fail), run the lifecycle, then publish. A
 * callback phylib makes before (phylib set phydev->drv before calling
 * probe) finds no binding and returns -ENODEV.
 */
static inline int __kb_phy_probe(struct phy_device *d,
				 const struct kb_lifecycle_ops *ops,
				 struct module *owner, dr_release_t release)
{
	struct kb_phy_binding *b;
	int ret;

	b = devres_alloc(release, sizeof(*b), GFP_KERNEL);
	if (!b)
		return -ENOMEM;
	ret = kb_lifecycle_start(&b->lc, ops, &d->mdio.dev, owner);
	if (ret) {
		devres_free(b);
		return ret;
	}
	refcount_set(&b->users, 1);
	init_completion(&b->idle);
	/*
	 * Published: devres_add() links it under the devres lock, which the
	 * callbacks' lookup takes, so they see it whole. Added last, it is
	 * released first if phylib's probe fails after this one.
	 */
	devres_add(&d->mdio.dev, b);
	return 0;
}

/*
 * The devres release of a binding: the driver core unlinked it (unbind, or
 * phylib's probe failing after the entry's) and remove did not take it
 * first. devres frees @b once this returns.
 */
static inline void __kb_phy_release(struct device *dev, void *res)
{
	__kb_phy_unbind(res);
}

/*
 * Remove of a PHY whose entry has a probe. phylib may still be calling
 * into the driver (it clears phydev->drv only after remove, and ethtool
 * calls take phydev->lock, which remove does not): unpublish the binding,
 * so that no callback finds it any more, wait for the callbacks that did,
 * then tear the lifecycle down, before phylib reasserts the PHY's reset.
 * Callbacks that come later return -ENODEV, which phylib's state machine
 * takes as "device gone". The driver core's release of the PHY's
 * resources, after remove, finds nothing left to do.
 */
static inline void __kb_phy_remove(struct phy_device *d, dr_release_t release)
{
	struct kb_phy_binding *b;

	b = devres_remove(&d->mdio.dev, release, NULL, NULL);
	if (WARN_ON_ONCE(!b))
		return;
	__kb_phy_unbind(b);
	devres_free(b);
}

/*
 * Run @stmt, a callback call with handle @h, only if PHY @d has a binding
 * published (release: the table's, see __kb_phy_get()), holding a
 * reference to it meanwhile; @h.priv is the binding's private data, found
 * once here. For entries with a probe; those without have no data to
 * protect and call directly.
 */
#define __KB_PHY_GUARD(release, d, h, stmt)				\
	do {								\
		struct kb_phy_binding *__b = __kb_phy_get(d, release);	\
									\
		if (__b) {						\
			ACCESS_PRIVATE(&(h), priv) = __b->lc.priv;	\
			stmt;						\
			__kb_phy_put(__b);				\
		}							\
	} while (0)

static inline int __kb_phy_no_publish(struct kb_publish *p, void *priv)
{
	return 0;	/* phylib publishes the PHY once probe returned */
}

/*
 * Apply an operation to each of up to 8 KB_PHY() entries. An operation is
 * a macro named with a trailing underscore, called as op_(rest, match,
 * entry, initializers...), or with the _T iterator op_(tk, rest, ...) with
 * tk the table's name and "_kb"; rest is the parenthesised expansion of
 * the following entries, which the operation must end with. COUNT_ARGS()
 * and CONCATENATE() are the kernel's (linux/kernel.h or linux/args.h).
 */
#define __KB_PHY_UNPAREN(...)		__VA_ARGS__
#define __KB_PHY_CALL(op, ...)		op(__VA_ARGS__)
#define __KB_PHY_EACH(op, ...)						\
	CONCATENATE(__KB_PHY_EACH_, COUNT_ARGS(__VA_ARGS__))(op, __VA_ARGS__)
#define __KB_PHY_EACH_T(op, t, ...)					\
	CONCATENATE(__KB_PHY_EACH_T_, COUNT_ARGS(__VA_ARGS__))(op, t, __VA_ARGS__)
#define __KB_PHY_EACH_1(op, e)						\
	__KB_PHY_CALL(op##_, (), __KB_PHY_UNPAREN e)
#define __KB_PHY_EACH_2(op, e, ...)					\
	__KB_PHY_CALL(op##_, (__KB_PHY_EACH_1(op, __VA_ARGS__)),	\
		      __KB_PHY_UNPAREN e)
#define __KB_PHY_EACH_3(op, e, ...)					\
	__KB_PHY_CALL(op##_, (__KB_PHY_EACH_2(op, __VA_ARGS__)),	\
		      __KB_PHY_UNPAREN e)
#define __KB_PHY_EACH_4(op, e, ...)					\
	__KB_PHY_CALL(op##_, (__KB_PHY_EACH_3(op, __VA_ARGS__)),	\
		      __KB_PHY_UNPAREN e)
#define __KB_PHY_EACH_5(op, e, ...)					\
	__KB_PHY_CALL(op##_, (__KB_PHY_EACH_4(op, __VA_ARGS__)),	\
		      __KB_PHY_UNPAREN e)
#define __KB_PHY_EACH_6(op, e, ...)					\
	__KB_PHY_CALL(op##_, (__KB_PHY_EACH_5(op, __VA_ARGS__)),	\
		      __KB_PHY_UNPAREN e)
#define __KB_PHY_EACH_7(op, e, ...)					\
	__KB_PHY_CALL(op##_, (__KB_PHY_EACH_6(op, __VA_ARGS__)),	\
		      __KB_PHY_UNPAREN e)
#define __KB_PHY_EACH_8(op, e, ...)					\
	__KB_PHY_CALL(op##_, (__KB_PHY_EACH_7(op, __VA_ARGS__)),	\
		      __KB_PHY_UNPAREN e)
#define __KB_PHY_EACH_T_1(op, t, e)					\
	__KB_PHY_CALL(op##_, t##_kb, (), __KB_PHY_UNPAREN e)
#define __KB_PHY_EACH_T_2(op, t, e, ...)				\
	__KB_PHY_CALL(op##_, t##_kb, (__KB_PHY_EACH_T_1(op, t, __VA_ARGS__)), \
		      __KB_PHY_UNPAREN e)
#define __KB_PHY_EACH_T_3(op, t, e, ...)				\
	__KB_PHY_CALL(op##_, t##_kb, (__KB_PHY_EACH_T_2(op, t, __VA_ARGS__)), \
		      __KB_PHY_UNPAREN e)
#define __KB_PHY_EACH_T_4(op, t, e, ...)				\
	__KB_PHY_CALL(op##_, t##_kb, (__KB_PHY_EACH_T_3(op, t, __VA_ARGS__)), \
		      __KB_PHY_UNPAREN e)
#define __KB_PHY_EACH_T_5(op, t, e, ...)				\
	__KB_PHY_CALL(op##_, t##_kb, (__KB_PHY_EACH_T_4(op, t, __VA_ARGS__)), \
		      __KB_PHY_UNPAREN e)
#define __KB_PHY_EACH_T_6(op, t, e, ...)				\
	__KB_PHY_CALL(op##_, t##_kb, (__KB_PHY_EACH_T_5(op, t, __VA_ARGS__)), \
		      __KB_PHY_UNPAREN e)
#define __KB_PHY_EACH_T_7(op, t, e, ...)				\
	__KB_PHY_CALL(op##_, t##_kb, (__KB_PHY_EACH_T_6(op, t, __VA_ARGS__)), \
		      __KB_PHY_UNPAREN e)
#define __KB_PHY_EACH_T_8(op, t, e, ...)				\
	__KB_PHY_CALL(op##_, t##_kb, (__KB_PHY_EACH_T_7(op, t, __VA_ARGS__)), \
		      __KB_PHY_UNPAREN e)

/*
 * The trampoline pfx##cb that phylib calls for callback @cb of the entry
 * whose symbols start with @pfx, with the handle type @htype: the driver's
 * callback, holding the PHY's binding if the entry has private data (see
 * __KB_PHY_GUARD(); @release is the table's devres release function).
 */
#define __KB_PHY_TRAMPOLINE(release, pfx, cb, htype)			\
static int pfx##cb(struct phy_device *d)				\
{									\
	struct htype h = { .phydev = d };				\
	int (*fn)(typeof(h) *h) = pfx##desc.cb;				\
	int ret = -ENODEV;						\
									\
	if (!pfx##desc.probe)						\
		return fn(&h);						\
	__KB_PHY_GUARD(release, d, h, ret = fn(&h));			\
	return ret;							\
}

/**
 * KB_PHY_EXACT() - match one PHY id exactly
 * @id: the 32-bit PHY id (PHYSID1 << 16 | PHYSID2)
 */
#define KB_PHY_EXACT(id)		(id, 0xffffffff)

/**
 * KB_PHY_MODEL() - match a PHY model, any revision (the low 4 bits)
 * @id: the 32-bit PHY id
 */
#define KB_PHY_MODEL(id)		(id, 0xfffffff0)

/**
 * KB_PHY_VENDOR() - match any PHY of a vendor (OUI)
 * @id: the 32-bit PHY id
 */
#define KB_PHY_VENDOR(id)		(id, 0xfffffc00)

/**
 * KB_PHY_MASK() - match the bits of a PHY id that a mask selects
 * @id: the 32-bit PHY id
 * @mask: the bits compared, not 0
 */
#define KB_PHY_MASK(id, mask)		(id, mask)

/**
 * KB_PHY() - one entry of a KB_PHY_MODULE() table
 * @entry: the entry's name, unique in the file (prefix of its symbols)
 * @match: KB_PHY_EXACT(), KB_PHY_MODEL(), KB_PHY_VENDOR() or KB_PHY_MASK()
 * @...: designated initializers of the entry: ``.name`` (required),
 *	``.flags`` and the callbacks listed at KB_PHY_MODULE(); an absent
 *	callback gets phylib's default, as in a &struct phy_driver
 */
#define KB_PHY(entry, match, ...)	(match, entry, __VA_ARGS__)

/* A match's parts: an MDIO id table initializer, and a build-time check. */
#define __KB_PHY_ID_INIT(id, mask)	.phy_id = (id), .phy_id_mask = (mask)
#define __KB_PHY_ID_OK(id, mask)	((u64)(id) <= U32_MAX && (mask) != 0)

/* One entry: its typed description and the trampolines phylib calls. */
#define __KB_PHY_ENTRY_(tk, rest, match, entry, ...)			\
static_assert(__KB_PHY_ID_OK match,					\
	      "kbind: a PHY id is 32 bits, its mask not empty");	\
static const struct tk##_phy_desc entry##_kb_desc = {			\
	__VA_ARGS__							\
};									\
static int entry##_kb_acquire(struct kb_probe *p, void *priv)		\
{									\
	struct kb_phy_probe pp = {					\
		.core = *p,						\
		.phydev = to_phy_device(__kb_lc(p)->dev),			\
	};								\
									\
	return entry##_kb_desc.probe(&pp, priv);			\
}									\
static const struct kb_lifecycle_ops entry##_kb_ops = {			\
	.kind = #entry,							\
	.priv_size = sizeof(*((struct tk##_priv *)NULL)->p),		\
	.acquire = entry##_kb_acquire,					\
	.publish = __kb_phy_no_publish,					\
};									\
static int entry##_kb_probe(struct phy_device *d)			\
{									\
	return __kb_phy_probe(d, &entry##_kb_ops, THIS_MODULE,		\
			      tk##_release);				\
}									\
__KB_PHY_TRAMPOLINE(tk##_release, entry##_kb_, soft_reset, kb_phy)	\
__KB_PHY_TRAMPOLINE(tk##_release, entry##_kb_, config_init, kb_phy)	\
__KB_PHY_TRAMPOLINE(tk##_release, entry##_kb_, config_aneg, kb_phy_locked) \
__KB_PHY_TRAMPOLINE(tk##_release, entry##_kb_, read_status, kb_phy_locked) \
__KB_PHY_TRAMPOLINE(tk##_release, entry##_kb_, suspend, kb_phy)	\
__KB_PHY_TRAMPOLINE(tk##_release, entry##_kb_, resume, kb_phy_locked)	\
static void entry##_kb_link_change_notify(struct phy_device *d)		\
{									\
	struct kb_phy_notify h = { .phydev = d };			\
									\
	if (!entry##_kb_desc.probe)					\
		entry##_kb_desc.link_change_notify(&h);			\
	else								\
		__KB_PHY_GUARD(tk##_release, d, h,			\
			       entry##_kb_desc.link_change_notify(&h));	\
}									\
__KB_PHY_TRAMPOLINE(tk##_release, entry##_kb_, read_page, kb_phy_page)	\
static int entry##_kb_write_page(struct phy_device *d, int page)	\
{									\
	struct kb_phy_page h = { .phydev = d };				\
	int ret = -ENODEV;						\
									\
	if (!entry##_kb_desc.probe)					\
		return entry##_kb_desc.write_page(&h, page);		\
	__KB_PHY_GUARD(tk##_release, d, h,				\
		       ret = entry##_kb_desc.write_page(&h, page));	\
	return ret;							\
}									\
__KB_PHY_UNPAREN rest

/* Set a phy_driver callback to the trampoline if the entry has it. */
#define __KB_PHY_SET(slot, cb, trampoline)				\
	do {								\
		if (cb)							\
			slot = trampoline;				\
	} while (0)

/*
 * Fill the next phy_driver from an entry. The descriptions are static
 * constants, so the tests fold at compile time and only the trampolines of
 * present callbacks remain.
 */
#define __KB_PHY_FILL_(rest, match, entry, ...)				\
	do {								\
		struct mdio_device_id __id = { __KB_PHY_ID_INIT match }; \
									\
		d->phy_id = __id.phy_id;				\
		d->phy_id_mask = __id.phy_id_mask;			\
		d->name = entry##_kb_desc.name;				\
		d->flags = entry##_kb_desc.flags;			\
		__KB_PHY_SET(d->probe, entry##_kb_desc.probe,		\
			     entry##_kb_probe);				\
		__KB_PHY_SET(d->soft_reset, entry##_kb_desc.soft_reset,	\
			     entry##_kb_soft_reset);			\
		__KB_PHY_SET(d->config_init, entry##_kb_desc.config_init, \
			     entry##_kb_config_init);			\
		__KB_PHY_SET(d->config_aneg, entry##_kb_desc.config_aneg, \
			     entry##_kb_config_aneg);			\
		__KB_PHY_SET(d->read_status, entry##_kb_desc.read_status, \
			     entry##_kb_read_status);			\
		__KB_PHY_SET(d->suspend, entry##_kb_desc.suspend,	\
			     entry##_kb_suspend);			\
		__KB_PHY_SET(d->resume, entry##_kb_desc.resume,		\
			     entry##_kb_resume);			\
		__KB_PHY_SET(d->link_change_notify,			\
			     entry##_kb_desc.link_change_notify,	\
			     entry##_kb_link_change_notify);		\
		__KB_PHY_SET(d->read_page, entry##_kb_desc.read_page,	\
			     entry##_kb_read_page);			\
		__KB_PHY_SET(d->write_page, entry##_kb_desc.write_page,	\
			     entry##_kb_write_page);			\
		BUILD_BUG_ON_MSG(!entry##_kb_desc.read_page !=		\
				 !entry##_kb_desc.write_page,		\
				 "kbind: read_page and write_page go together"); \
		d++;							\
	} while (0);							\
	__KB_PHY_UNPAREN rest

#define __KB_PHY_MDIO_ID_(rest, match, ...)				\
	{ __KB_PHY_ID_INIT match }, __KB_PHY_UNPAREN rest

/**
 * KB_PHY_MODULE() - a module of PHY drivers, from a table
 * @t: prefix of the generated symbols, as given to KB_PHY_PRIV_TYPE()
 * @...: the table: 1 to 8 KB_PHY() entries
 *
 * An entry's callbacks, all optional, with the handle types that say what
 * phylib holds when it calls them:
 *
 *  - ``int (*probe)(struct kb_phy_probe *p, type *priv)``, with the type
 *    given to KB_PHY_PRIV_TYPE(): @priv is zeroed;
 *    acquisition steps taken on &p->core are undone at remove or when a
 *    later step fails;
 *  - ``int (*soft_reset)(struct kb_phy *h)``, ``int (*config_init)(struct
 *    kb_phy *h)``: from phy_init_hw(), which runs with or without
 *    phydev->lock (attach; link_change_notify), so the handle claims none;
 *  - ``int (*config_aneg)(struct kb_phy_locked *h)``, ``int
 *    (*read_status)(struct kb_phy_locked *h)``, ``int (*resume)(struct
 *    kb_phy_locked *h)``;
 *  - ``int (*suspend)(struct kb_phy *h)``;
 *  - ``void (*link_change_notify)(struct kb_phy_notify *h)``;
 *  - ``int (*read_page)(struct kb_phy_page *h)`` and ``int
 *    (*write_page)(struct kb_phy_page *h, int page)``, both or neither.
 *
 * Generates the &struct phy_driver array, filled and registered by module
 * init as the module's publication (unregistered by module exit), the MDIO
 * device table of the entries' matches (MODULE_DEVICE_TABLE(), so the
 * module autoloads for its PHY ids), and what kb_phy_priv() needs. A
 * callback with another signature fails to compile.
 *
 * Context: the callbacks run in phylib's process context and may sleep.
 */
#define KB_PHY_MODULE(t, ...)						\
__KB_PHY_EACH_T(__KB_PHY_ENTRY, t, __VA_ARGS__)				\
static const struct mdio_device_id __maybe_unused t##_kb_mdio_ids[] = {	\
	__KB_PHY_EACH(__KB_PHY_MDIO_ID, __VA_ARGS__)			\
	{ }								\
};									\
static struct phy_driver t##_kb_drivers[ARRAY_SIZE(t##_kb_mdio_ids) - 1]; \
MODULE_DEVICE_TABLE(mdio, t##_kb_mdio_ids);				\
struct t##_kb_module {							\
	struct kb_phy_registration reg;					\
};									\
static int t##_kb_mod_acquire(struct kb_probe *p,			\
			      struct t##_kb_module *m)			\
{									\
	struct phy_driver *d = t##_kb_drivers;				\
									\
	__KB_PHY_EACH(__KB_PHY_FILL, __VA_ARGS__)			\
	for (d = t##_kb_drivers; d < t##_kb_drivers + ARRAY_SIZE(t##_kb_drivers); d++) \
		if (d->probe)						\
			d->remove = t##_kb_remove;			\
	return 0;							\
}									\
static int t##_kb_mod_publish(struct kb_publish *p,			\
			      struct t##_kb_module *m)			\
{									\
	return __kb_phy_register(p, &m->reg, t##_kb_drivers,		\
				 ARRAY_SIZE(t##_kb_drivers));		\
}									\
KB_MODULE(t##_kb_mod, struct t##_kb_module, t##_kb_mod_acquire,		\
	  t##_kb_mod_publish)

/**
 * KB_PHY_PRIV_TYPE() - declare the private data type of a PHY table
 * @t: the table's name, as given to KB_PHY_MODULE()
 * @type: the private data type of its entries with a probe, e.g.
 *	``struct my_phy``; ``struct kb_phy_nopriv`` if no entry has one
 *
 * Comes before the callbacks, which get the data with kb_phy_priv(), and
 * declares the type of the table's entries, and the remove callback and
 * devres release function that keep each PHY's data until no callback of
 * that PHY can be using it (see &struct kb_phy_binding). The release
 * function's address tells the table's bindings from any other's.
 */
#define KB_PHY_PRIV_TYPE(t, type)					\
struct t##_kb_phy_desc {						\
	char *name;							\
	u32 flags;							\
	int (*probe)(struct kb_phy_probe *p, typeof(type) *priv);	\
	int (*soft_reset)(struct kb_phy *h);				\
	int (*config_init)(struct kb_phy *h);				\
	int (*config_aneg)(struct kb_phy_locked *h);			\
	int (*read_status)(struct kb_phy_locked *h);			\
	int (*suspend)(struct kb_phy *h);				\
	int (*resume)(struct kb_phy_locked *h);				\
	void (*link_change_notify)(struct kb_phy_notify *h);		\
	int (*read_page)(struct kb_phy_page *h);			\
	int (*write_page)(struct kb_phy_page *h, int page);		\
};									\
struct t##_kb_priv {							\
	typeof(type) *p;						\
};									\
static void __maybe_unused t##_kb_release(struct device *dev, void *res) \
{									\
	__kb_phy_release(dev, res);					\
}									\
static void __maybe_unused t##_kb_remove(struct phy_device *d)		\
{									\
	__kb_phy_remove(d, t##_kb_release);				\
}

/**
 * kb_phy_priv() - the private data of the PHY behind a handle
 * @t: the table's name, as given to KB_PHY_MODULE()
 * @h: any PHY handle
 *
 * Reads what the callback's guard found when it took its reference to the
 * PHY's binding, once: a remove running meanwhile waits for the callback
 * instead of taking the data from under it.
 *
 * Context: any; no locking, the handle's reference keeps the data.
 * Lifetime: allocated before the entry's probe, reachable from when it
 * returned until remove (or the release of the PHY's resources when
 * phylib's probe failed after it) unpublishes it, freed once no callback
 * of that PHY uses it; a callback phylib calls outside that window
 * returns -ENODEV unrun.
 * Return: the data, with the table's type; NULL for a PHY whose entry has
 * no probe, and during probe, which gets the data as its argument.
 */
#define kb_phy_priv(t, h)						\
	(((struct t##_kb_priv){ .p = ACCESS_PRIVATE(h, priv) }).p)

/**
 * struct kb_phy_nopriv - the private data type of a table without probes
 */
struct kb_phy_nopriv {
};

#endif /* _KBIND_PHY_H */
