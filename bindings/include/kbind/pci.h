/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kbind PCI binding: PCI drivers whose probe is a kbind lifecycle.
 *
 * The binding registers the driver, allocates the typed private data at
 * probe, hands the acquire callback the matched entry's info with its own
 * type, and tears everything down in reverse order at remove (and after a
 * failed probe). Enabling the device, bus mastering, the DMA mask, BAR
 * mappings and IRQ vectors are acquisition steps and take the probe-phase
 * handle; IRQ handlers and nodes are publication steps, withdrawn first.
 *
 * Register I/O goes through a BAR object kept in the private data, which only
 * bound contexts reach (acquire after the mapping, publish, misc operations
 * inside their access section, IRQ handlers, which are freed before the BAR
 * is unmapped). Constant offsets are checked against the BAR's declared size
 * at compile time; offsets known only at run time go through the try
 * accessors, checked against the BAR's real size.
 */
#ifndef _KBIND_PCI_H
#define _KBIND_PCI_H

#include <linux/delay.h>
#include <linux/dma-mapping.h>
#include <linux/io.h>
#include <linux/limits.h>
#include <linux/pci.h>

#include <kbind/bus.h>
#include <kbind/compat.h>
#include <kbind/irq.h>
#include <kbind/lifecycle.h>
#include <kbind/pm.h>

/**
 * struct kb_pci_probe - acquire-phase handle of a PCI device
 * @core: the generic acquire-phase handle, for kbind's generic steps
 * @pdev: the device being probed; private (sparse reports a direct read):
 *	drivers reach it through kb_pci_raw(), the escape hatch
 *
 * Lifetime: the acquire callback only; never store it.
 */
struct kb_pci_probe {
	struct kb_probe core;
	struct pci_dev *__private pdev;
};

/**
 * struct kb_pci_publish - publish-phase handle of a PCI device
 * @core: the generic publish-phase handle (misc nodes, IRQ handlers, ...)
 * @pdev: the device being probed; private, as in &struct kb_pci_probe
 *
 * Lifetime: the publish callback only; never store it.
 */
struct kb_pci_publish {
	struct kb_publish core;
	struct pci_dev *__private pdev;
};

/**
 * kb_pci_raw() - escape hatch: the &struct pci_dev behind a phase handle
 * @pp: a &struct kb_pci_probe or &struct kb_pci_publish
 *
 * For what no binding wraps. Reading a field or naming the device in a log
 * message is harmless; a call that hands the device to the kernel, or
 * stores it, takes a comment starting ``SAFETY:`` right before it saying
 * why the lifetime and ordering are right (``make cocci`` checks).
 *
 * Context: the phase of @pp.
 * Return: the device; valid for the phase.
 */
#define kb_pci_raw(pp)	__kb_pdev(pp)

/**
 * struct kb_pci_bound - the device's drvdata while bound (binding-internal)
 * @core: the generic part: lifecycle and match info
 * @enabled: step of kb_pci_enable_mem()
 * @master: step of kb_pci_set_master()
 * @vectors: step of kb_pci_alloc_irq_vectors()
 * @nr_vectors: how many it allocated; 0 before
 */
struct kb_pci_bound {
	struct kb_bound core;
	struct kb_step enabled;
	struct kb_step master;
	struct kb_step vectors;
	unsigned int nr_vectors;
};

static inline struct pci_dev *__kb_pci_dev(struct device *dev)
{
	return to_pci_dev(dev);
}

/* The binding's drvdata behind a phase handle (either kind). */
#define __kb_pci_bound(pp)						\
	container_of(__kb_lc(&(pp)->core), struct kb_pci_bound, core.lc)

static inline void __kb_pci_disable(struct kb_step *step)
{
	struct kb_pci_bound *b = container_of(step, struct kb_pci_bound,
					      enabled);

	pci_disable_device(to_pci_dev(b->core.lc.dev));
}

/**
 * kb_pci_enable_mem() - enable the device's memory decoding
 * @pp: acquire-phase handle
 *
 * Wakes the device and enables its memory BARs; disabled again at teardown,
 * after everything acquired later is released.
 *
 * Context: process context, acquire phase only; at most once per probe.
 * Return: 0; -EBUSY if already enabled in this probe; the error of
 * pci_enable_device_mem(); or one injected by kb_step_fault().
 */
static inline int kb_pci_enable_mem(struct kb_pci_probe *pp)
{
	struct kb_pci_bound *b = __kb_pci_bound(pp);
	int ret;

	if (WARN_ON_ONCE(b->enabled.undo))
		return -EBUSY;
	ret = kb_step_fault(__kb_lc(&pp->core), "pci_enable_device_mem");
	if (ret)
		return ret;
	ret = pci_enable_device_mem(__kb_pdev(pp));
	if (ret)
		return dev_err_probe(&__kb_pdev(pp)->dev, ret, "cannot enable\n");
	kb_acquired(&pp->core, &b->enabled, __kb_pci_disable,
		    "pci_enable_device_mem");
	return 0;
}

static inline void __kb_pci_clear_master(struct kb_step *step)
{
	struct kb_pci_bound *b = container_of(step, struct kb_pci_bound,
					      master);

	pci_clear_master(to_pci_dev(b->core.lc.dev));
}

/**
 * kb_pci_set_master() - let the device master the bus (DMA, MSI)
 * @pp: acquire-phase handle
 *
 * Bus mastering is cleared again at teardown, in reverse order: after
 * everything published and everything acquired later is gone, before
 * everything acquired earlier. DMA buffers allocated through
 * <kbind/dma.h> do not depend on that order: the DMA context's quiesce
 * hook clears bus mastering before any of them is freed.
 *
 * Context: process context, acquire phase only, after kb_pci_enable_mem();
 * at most once per probe.
 * Return: 0; -EBUSY if already set in this probe.
 */
static inline int kb_pci_set_master(struct kb_pci_probe *pp)
{
	struct kb_pci_bound *b = __kb_pci_bound(pp);

	if (WARN_ON_ONCE(b->master.undo))
		return -EBUSY;
	pci_set_master(__kb_pdev(pp));
	kb_acquired(&pp->core, &b->master, __kb_pci_clear_master,
		    "pci_set_master");
	return 0;
}

/**
 * kb_pci_set_dma_mask() - declare how many address bits the device drives
 * @pp: acquire-phase handle
 * @bits: the device's DMA addressing limit, for streaming and coherent DMA
 *
 * For a driver that maps memory itself; one that allocates its buffers
 * through <kbind/dma.h> declares the limit with its DMA context instead.
 *
 * Context: process context, acquire phase only, before any DMA mapping.
 * Return: 0, or -EIO if the platform cannot DMA with that mask.
 */
static inline int kb_pci_set_dma_mask(struct kb_pci_probe *pp,
				      unsigned int bits)
{
	return dma_set_mask_and_coherent(&__kb_pdev(pp)->dev, DMA_BIT_MASK(bits));
}

static inline void __kb_pci_free_vectors(struct kb_step *step)
{
	struct kb_pci_bound *b = container_of(step, struct kb_pci_bound,
					      vectors);

	b->nr_vectors = 0;
	pci_free_irq_vectors(to_pci_dev(b->core.lc.dev));
}

/**
 * kb_pci_alloc_irq_vectors() - allocate the device's interrupt vectors
 * @pp: acquire-phase handle
 * @min: fewest vectors the driver can work with, at least 1
 * @max: most vectors the driver can use
 * @types: allowed kinds, PCI_IRQ_MSIX | PCI_IRQ_MSI | PCI_IRQ_INTX (the
 *	compat layer provides PCI_IRQ_INTX on 6.1)
 *
 * A step like the others: it returns 0 on success, so it chains with
 * ``?:``; how many vectors were allocated is kb_pci_irq_vectors() in the
 * publish phase, and kb_pci_irq_vector() hands out their lines. The
 * vectors are freed at teardown after the handlers requested on them
 * (handlers are publication steps, undone first).
 *
 * Context: process context, acquire phase only; at most once per probe.
 * Return: 0; -EINVAL if @min is 0 or above @max; -EBUSY if already
 * allocated in this probe; -ENOSPC if fewer than @min are available;
 * another negative errno of pci_alloc_irq_vectors(); or one injected by
 * kb_step_fault().
 */
static inline int kb_pci_alloc_irq_vectors(struct kb_pci_probe *pp,
					   unsigned int min, unsigned int max,
					   unsigned int types)
{
	struct kb_pci_bound *b = __kb_pci_bound(pp);
	int ret;

	if (WARN_ON_ONCE(b->vectors.undo))
		return -EBUSY;
	if (!min || min > max)
		return -EINVAL;
	ret = kb_step_fault(__kb_lc(&pp->core), "pci_alloc_irq_vectors");
	if (ret)
		return ret;
	ret = pci_alloc_irq_vectors(__kb_pdev(pp), min, max, types);
	if (ret < 0)
		return dev_err_probe(&__kb_pdev(pp)->dev, ret,
				     "cannot get %u IRQ vectors\n", min);
	b->nr_vectors = ret;
	kb_acquired(&pp->core, &b->vectors, __kb_pci_free_vectors,
		    "pci_alloc_irq_vectors");
	return 0;
}

/**
 * kb_pci_irq_vectors() - how many vectors kb_pci_alloc_irq_vectors() got
 * @pp: publish-phase handle
 *
 * Context: publish phase.
 * Return: the count, between the @min and @max asked for; 0 if none were
 * allocated.
 */
static inline unsigned int kb_pci_irq_vectors(struct kb_pci_publish *pp)
{
	return __kb_pci_bound(pp)->nr_vectors;
}

/**
 * kb_pci_irq_vector() - the interrupt line of an allocated vector
 * @pp: publish-phase handle
 * @nr: vector index, below kb_pci_irq_vectors()
 *
 * Pass the result to a ``name##_request()`` helper of KB_IRQ_HANDLER() or
 * KB_IRQ_THREADED(), which returns an error in it unchanged. The line
 * belongs to this device and this bind only (see &struct kb_irq_line).
 *
 * Context: publish phase.
 * Return: the line; carrying -EINVAL if there is no such vector.
 */
static inline struct kb_irq_line kb_pci_irq_vector(struct kb_pci_publish *pp,
						   unsigned int nr)
{
	struct kb_pci_bound *b = __kb_pci_bound(pp);

	return __kb_irq_line(&b->core.lc, nr < b->nr_vectors ?
			     pci_irq_vector(__kb_pdev(pp), nr) : -EINVAL);
}

/**
 * struct kb_pci_reset - the right to reset a bound function (in the private
 *	data)
 * @pdev: the device
 * @dying: set by the owner's revoke pass: the device is being unbound
 * @step: acquisition step with the revoke hook
 *
 * Resetting a function takes its device_lock, which the driver core holds
 * while it unbinds the device, and unbind waits for every file operation:
 * a raw pci_reset_function() in an operation deadlocks against unbind.
 * kb_pci_reset() only ever tries the lock, and gives up with -ENODEV once
 * the unbind has begun.
 */
struct kb_pci_reset {
	struct pci_dev *pdev;
	bool dying;
	struct kb_step step;
};

static inline void __kb_pci_reset_revoke(struct kb_step *step)
{
	WRITE_ONCE(container_of(step, struct kb_pci_reset, step)->dying, true);
}

static inline void __kb_pci_reset_undo(struct kb_step *step)
{
}

/**
 * kb_pci_reset_init() - let bound contexts reset the function
 * @pp: acquire-phase handle
 * @r: the reset right, in the private data
 *
 * Context: process context, acquire phase only. Cannot fail.
 */
static inline void kb_pci_reset_init(struct kb_pci_probe *pp,
				     struct kb_pci_reset *r)
{
	r->pdev = __kb_pdev(pp);
	r->dying = false;
	kb_acquired_revocable(&pp->core, &r->step, __kb_pci_reset_revoke,
			      __kb_pci_reset_undo, "pci reset");
}

/**
 * kb_pci_reset() - reset the bound function, never deadlocking with unbind
 * @r: the reset right
 *
 * Saves the function's state, resets it by the best method it supports
 * (pci_reset_function_locked()) and restores the state, under its
 * device_lock. The lock is only tried, every millisecond, so a concurrent
 * unbind (which holds it and waits for the caller's access section) makes
 * this return -ENODEV instead of deadlocking.
 *
 * Context: process context, may sleep; from a file operation or other
 * access section of the owner. Not from probe or remove (the driver core
 * holds device_lock there: use the raw call, locked).
 * Return: 0; -ENODEV once the device is being unbound; -ENOTTY if the
 * function supports no reset method; another error of the reset.
 */
static inline int kb_pci_reset(struct kb_pci_reset *r)
{
	struct device *dev = &r->pdev->dev;
	int ret;

	while (!device_trylock(dev)) {
		if (READ_ONCE(r->dying))
			return -ENODEV;
		usleep_range(1000, 2000);
	}
	ret = READ_ONCE(r->dying) ? -ENODEV :
	      pci_reset_function_locked(r->pdev);
	device_unlock(dev);
	return ret;
}

/**
 * struct kb_pci_bar - a requested and mapped memory BAR
 * @step: acquisition step; undoing it unmaps and releases the region
 * @base: the mapping, valid until the owner's teardown
 * @len: the BAR's real size, the bound of the try accessors
 * @pdev: the device
 * @index: the BAR's number
 *
 * Kept in the private data inside a KB_PCI_BAR(), never on its own.
 */
struct kb_pci_bar {
	struct kb_step step;
	void __iomem *base;
	resource_size_t len;
	struct pci_dev *pdev;
	int index;
};

/**
 * KB_PCI_BAR() - the type of a BAR of at least @size bytes
 * @size: the registers the driver uses lie below @size; a compile-time
 *	constant
 *
 * Use it as a member type of the private data:
 * ``KB_PCI_BAR(SZ_4K) regs;``. The size lives in the type only (a
 * zero-length array costs no memory), so kb_bar_read() and kb_bar_write()
 * check constant offsets against it at compile time.
 */
#define KB_PCI_BAR(size)						\
	struct {							\
		struct kb_pci_bar raw;					\
		u8 declared[0][size];					\
	}

static inline void __kb_pci_bar_release(struct kb_step *step)
{
	struct kb_pci_bar *bar = container_of(step, struct kb_pci_bar, step);

	iounmap(bar->base);
	pci_release_region(bar->pdev, bar->index);
}

static inline int __must_check
__kb_pci_bar_map(struct kb_pci_probe *pp, struct kb_pci_bar *bar, int index,
		 resource_size_t size)
{
	struct pci_dev *pdev = __kb_pdev(pp);
	resource_size_t len;
	int ret;

	ret = kb_step_fault(__kb_lc(&pp->core), "BAR");
	if (ret)
		return ret;
	if (index < 0 || index >= PCI_STD_NUM_BARS ||
	    !(pci_resource_flags(pdev, index) & IORESOURCE_MEM))
		return dev_err_probe(&pdev->dev, -ENODEV,
				     "BAR %d is not a memory BAR\n", index);
	len = pci_resource_len(pdev, index);
	if (len < size)
		return dev_err_probe(&pdev->dev, -ENODEV,
				     "BAR %d has %pa bytes, %pa needed\n",
				     index, &len, &size);
	ret = pci_request_region(pdev, index, module_name(__kb_lc(&pp->core)->owner));
	if (ret)
		return dev_err_probe(&pdev->dev, ret, "BAR %d is busy\n",
				     index);
	bar->base = ioremap(pci_resource_start(pdev, index), len);
	if (!bar->base) {
		pci_release_region(pdev, index);
		return dev_err_probe(&pdev->dev, -ENOMEM,
				     "cannot map BAR %d\n", index);
	}
	bar->len = len;
	bar->pdev = pdev;
	bar->index = index;
	kb_acquired(&pp->core, &bar->step, __kb_pci_bar_release, "BAR");
	return 0;
}

/**
 * kb_pci_bar_map() - request and map a memory BAR in one step
 * @pp: acquire-phase handle (&struct kb_pci_probe)
 * @bar: a KB_PCI_BAR() in the private data
 * @index: the BAR's number, 0 to 5
 *
 * Requests the region for the driver and maps the whole BAR uncached. At
 * teardown it is unmapped, then released, after everything published
 * (handlers that might still touch registers) is withdrawn.
 *
 * The result must be checked (ignoring it is a build error): the
 * constant-offset accessors of a BAR that is not mapped would fault.
 *
 * Context: process context, acquire phase only, after kb_pci_enable_mem().
 * Return: 0; -ENODEV if the BAR is not a memory BAR or smaller than the
 * size @bar declares; -EBUSY if the region is taken; -ENOMEM if it cannot be
 * mapped; or an error injected by kb_step_fault().
 */
#define kb_pci_bar_map(pp, bar, index)					\
	__kb_pci_bar_map(pp, &(bar)->raw, index, sizeof((bar)->declared[0]))

/*
 * Compile-time contract of the constant-offset accessors: GCC folds these
 * after inlining, the way Rust's build_assert!() works, so an offset the
 * compiler cannot prove constant, in range and aligned fails the build.
 */
static __always_inline void __kb_bar_check(size_t size, size_t off,
					   size_t width)
{
	BUILD_BUG_ON_MSG(!__builtin_constant_p(off),
			 "kbind: BAR offset is not a compile-time constant: use kb_bar_try_read()/kb_bar_try_write()");
	BUILD_BUG_ON_MSG(off > size || size - off < width,
			 "kbind: BAR access beyond the size the BAR declares");
	BUILD_BUG_ON_MSG(off % width, "kbind: misaligned BAR access");
}

/*
 * One access of @width bytes; @width is a constant, the switch folds (the
 * masks only keep sparse quiet about the branches that fold away).
 */
static __always_inline u64 __kb_bar_raw_read(void __iomem *addr, size_t width)
{
	switch (width) {
	case 1:
		return readb(addr);
	case 2:
		return readw(addr);
	case 4:
		return readl(addr);
#ifdef CONFIG_64BIT
	case 8:
		return readq(addr);
#endif
	}
	BUILD_BUG_ON_MSG(1, "kbind: BAR access width is not 8, 16, 32 or 64");
	return 0;
}

static __always_inline void __kb_bar_raw_write(void __iomem *addr,
					       size_t width, u64 val)
{
	switch (width) {
	case 1:
		writeb(val & U8_MAX, addr);
		return;
	case 2:
		writew(val & U16_MAX, addr);
		return;
	case 4:
		writel(val & U32_MAX, addr);
		return;
#ifdef CONFIG_64BIT
	case 8:
		writeq(val, addr);
		return;
#endif
	}
	BUILD_BUG_ON_MSG(1, "kbind: BAR access width is not 8, 16, 32 or 64");
}

static __always_inline u64 __kb_bar_read(const struct kb_pci_bar *bar,
					 size_t size, size_t off, size_t width)
{
	__kb_bar_check(size, off, width);
	return __kb_bar_raw_read(bar->base + off, width);
}

static __always_inline void __kb_bar_write(const struct kb_pci_bar *bar,
					   size_t size, size_t off,
					   size_t width, u64 val)
{
	__kb_bar_check(size, off, width);
	__kb_bar_raw_write(bar->base + off, width, val);
}

/* Run-time checked access: the BAR's real size, and alignment. */
static inline int __kb_bar_try(const struct kb_pci_bar *bar, size_t off,
			       size_t width)
{
	if (off > bar->len || bar->len - off < width || off % width)
		return -EINVAL;
	return 0;
}

static inline int __kb_bar_try_read8(const struct kb_pci_bar *bar,
				     size_t off, u8 *val)
{
	int ret = __kb_bar_try(bar, off, sizeof(*val));

	if (!ret)
		*val = __kb_bar_raw_read(bar->base + off, sizeof(*val));
	return ret;
}

static inline int __kb_bar_try_read16(const struct kb_pci_bar *bar,
				      size_t off, u16 *val)
{
	int ret = __kb_bar_try(bar, off, sizeof(*val));

	if (!ret)
		*val = __kb_bar_raw_read(bar->base + off, sizeof(*val));
	return ret;
}

static inline int __kb_bar_try_read32(const struct kb_pci_bar *bar,
				      size_t off, u32 *val)
{
	int ret = __kb_bar_try(bar, off, sizeof(*val));

	if (!ret)
		*val = __kb_bar_raw_read(bar->base + off, sizeof(*val));
	return ret;
}

#ifdef CONFIG_64BIT
static inline int __kb_bar_try_read64(const struct kb_pci_bar *bar,
				      size_t off, u64 *val)
{
	int ret = __kb_bar_try(bar, off, sizeof(*val));

	if (!ret)
		*val = __kb_bar_raw_read(bar->base + off, sizeof(*val));
	return ret;
}
#endif

static __always_inline int __kb_bar_try_write(const struct kb_pci_bar *bar,
					      size_t off, size_t width, u64 val)
{
	int ret = __kb_bar_try(bar, off, width);

	if (!ret)
		__kb_bar_raw_write(bar->base + off, width, val);
	return ret;
}

/**
 * kb_bar_read() - read a register at a constant offset
 * @bar: a mapped KB_PCI_BAR(), reached through the private data
 * @bits: access width: 8, 16, 32 or 64 (64-bit kernels)
 * @off: byte offset; must be a compile-time constant, aligned to the width,
 *	with the whole access below the size the BAR declares
 *
 * An offset that breaks the rule fails the build, so the access compiles to
 * a single read (readb/readw/readl/readq) with no run-time check.
 *
 * Context: any, while the device is bound (see the top of this file).
 * Return: the register's value.
 */
#define kb_bar_read(bar, bits, off)					\
	((u##bits)__kb_bar_read(&(bar)->raw, sizeof((bar)->declared[0]),	\
				off, sizeof(u##bits)))

/**
 * kb_bar_write() - write a register at a constant offset
 * @bar: a mapped KB_PCI_BAR(), reached through the private data
 * @bits: access width: 8, 16, 32 or 64 (64-bit kernels)
 * @off: byte offset, under the rule of kb_bar_read()
 * @val: the value
 *
 * Context: any, while the device is bound.
 */
#define kb_bar_write(bar, bits, off, val)				\
	__kb_bar_write(&(bar)->raw, sizeof((bar)->declared[0]), off,	\
		       sizeof(u##bits), (u##bits)(val))

/**
 * kb_bar_try_read() - read a register at an offset known at run time
 * @bar: a mapped KB_PCI_BAR()
 * @bits: access width: 8, 16, 32 or 64 (64-bit kernels)
 * @off: byte offset, checked against the BAR's real size and the width
 * @val: where the value is stored (``u8 *``, ``u16 *``, ...); untouched on
 *	error
 *
 * Context: any, while the device is bound.
 * Return: 0, or -EINVAL if the access would leave the BAR or is misaligned
 * (then the device is not touched).
 */
#define kb_bar_try_read(bar, bits, off, val)				\
	__kb_bar_try_read##bits(&(bar)->raw, off, val)

/**
 * kb_bar_try_write() - write a register at an offset known at run time
 * @bar: a mapped KB_PCI_BAR()
 * @bits: access width: 8, 16, 32 or 64 (64-bit kernels)
 * @off: byte offset, checked as for kb_bar_try_read()
 * @val: the value
 *
 * Context: any, while the device is bound.
 * Return: 0, or -EINVAL (nothing written), as kb_bar_try_read().
 */
#define kb_bar_try_write(bar, bits, off, val)				\
	__kb_bar_try_write(&(bar)->raw, off, sizeof(u##bits), (u##bits)(val))

/**
 * kb_pci_rpm_enable() - let the device runtime suspend while bound
 * @pp: acquire-phase handle
 * @r: where the state is kept (in the private data)
 *
 * The PCI core enables runtime PM of every device and holds a usage
 * reference around probe and remove; this drops it for the lifecycle and
 * takes it back at teardown, so probe and remove stay balanced on every
 * path. User space still decides through power/control (PCI devices start
 * with "on"). Callbacks: KB_PM_OPS_RUNTIME() and KB_PCI_DRIVER_PM().
 *
 * Context: process context, acquire phase only.
 * Return: as kb_rpm_enable().
 */
static inline int kb_pci_rpm_enable(struct kb_pci_probe *pp,
				    struct kb_rpm *r)
{
	return kb_rpm_enable(&pp->core, r, true);
}

/**
 * KB_PCI_INFO_TYPE() - declare a PCI driver's match-info type
 * @drv: the name that KB_PCI_DRIVER() will be given
 * @type: the info type, e.g. ``struct my_info``
 *
 * Must precede the id table (KB_PCI_INFO() checks entries against it).
 */
#define KB_PCI_INFO_TYPE(drv, type) __KB_BUS_INFO_TYPE(drv, type)

/**
 * KB_PCI_INFO() - a PCI id-table entry with typed match info
 * @drv: the name given to KB_PCI_DRIVER()
 * @id: the match, as PCI_DEVICE(vendor, device), PCI_VDEVICE(), ...
 * @info: pointer to the entry's info, of the driver's info type
 *
 * An info of another type fails to compile.
 */
#define KB_PCI_INFO(drv, id, info)					\
	{								\
		id,							\
		.driver_data = (kernel_ulong_t)(info) +			\
			__KB_BUS_INFO_CHECK(drv, typeof(info)),		\
	}

/**
 * KB_PCI_DRIVER() - a PCI driver whose probe is a kbind lifecycle
 * @drv: prefix of the generated symbols, also the driver's name
 * @type: the private data type, allocated zeroed at probe, freed last
 * @acquire_fn: ``int acquire_fn(struct kb_pci_probe *pp, type *priv,
 *	const info_type *info)``, the info type given to KB_PCI_INFO_TYPE()
 * @publish_fn: ``int publish_fn(struct kb_pci_publish *pp, type *priv)``
 *
 * The id table must be named ``drv##_ids``: a &struct pci_device_id array of
 * KB_PCI_INFO() entries ended by an empty one.
 *
 * Generates the driver, registered by module init and unregistered by module
 * exit, and its MODULE_DEVICE_TABLE(). Probe runs the lifecycle; remove
 * (unbind, module unload, hot unplug) tears it down in reverse order, so the
 * handlers are freed before the vectors, the BARs are unmapped before the
 * device is disabled, and the private data is freed last. Callbacks with
 * another private data or info type fail to compile. A device bound through
 * driver_override that no entry matches has no match info: its probe fails
 * with -ENODEV and the driver's callbacks are not called.
 */
#define KB_PCI_DRIVER(drv, type, acquire_fn, publish_fn)		\
	__KB_PCI_DRIVER(drv, type, acquire_fn, publish_fn, NULL, NULL)

/**
 * KB_PCI_DRIVER_PM() - KB_PCI_DRIVER() with power management
 * @drv: as KB_PCI_DRIVER()
 * @type: as KB_PCI_DRIVER()
 * @acquire_fn: as KB_PCI_DRIVER()
 * @publish_fn: as KB_PCI_DRIVER()
 * @shutdown_fn: ``void shutdown_fn(type *priv)``; stops the device at
 *	reboot or power off (its DMA above all: a kexec'd kernel does not
 *	know of it), with the lifecycle live and the device lock held
 *
 * Also needs ``drv##_kb_pm_ops``, from KB_PM_OPS() or KB_PM_OPS_RUNTIME()
 * (<kbind/pm.h>) before it.
 */
#define KB_PCI_DRIVER_PM(drv, type, acquire_fn, publish_fn, shutdown_fn) \
static void drv##_kb_shutdown(struct pci_dev *pdev)			\
{									\
	type *typed = __kb_pm_owner(&pdev->dev);			\
									\
	if (typed)							\
		shutdown_fn(typed);					\
}									\
__KB_PCI_DRIVER(drv, type, acquire_fn, publish_fn,			\
		pm_ptr(&drv##_kb_pm_ops), drv##_kb_shutdown)

#define __KB_PCI_DRIVER(drv, type, acquire_fn, publish_fn, pm_ops,	\
			shutdown_cb)				\
__KB_BUS_LIFECYCLE(pci, drv, type, acquire_fn, publish_fn);		\
static int drv##_kb_probe(struct pci_dev *pdev,			\
			  const struct pci_device_id *id)		\
{									\
	/* driver_override with no entry matching: pci_device_id_any */ \
	return __kb_bound_probe(&pdev->dev, sizeof(struct kb_pci_bound), \
				(const void *)id->driver_data,		\
				&drv##_kb_locks, &drv##_kb_ops,		\
				THIS_MODULE);				\
}									\
static void drv##_kb_remove(struct pci_dev *pdev)			\
{									\
	__kb_bound_remove(&pdev->dev);					\
}									\
MODULE_DEVICE_TABLE(pci, drv##_ids);					\
static struct pci_driver drv##_kb_driver = {				\
	.name = #drv,							\
	.id_table = drv##_ids,						\
	.probe = drv##_kb_probe,					\
	.remove = drv##_kb_remove,					\
	.shutdown = shutdown_cb,					\
	.driver.pm = pm_ops,						\
};									\
module_pci_driver(drv##_kb_driver)

#endif /* _KBIND_PCI_H */
