/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kbind platform binding: platform drivers whose probe is a kbind lifecycle.
 *
 * The binding registers the driver, allocates the typed private data at
 * probe, hands acquire and publish the matched entry's info with its own
 * type, and tears everything down in reverse order at remove (and after a
 * failed probe). Matching is by id table, and by OF table with
 * KB_PLATFORM_DRIVER_OF(). Resources (MMIO, memory) are acquisition steps;
 * whatever the driver publishes (IRQ handlers on the device's interrupts,
 * misc nodes, ...) is withdrawn before them, and the private data is freed
 * last.
 */
#ifndef _KBIND_PLATFORM_H
#define _KBIND_PLATFORM_H

#include <linux/io.h>
#include <linux/ioport.h>
#include <linux/mod_devicetable.h>
#include <linux/platform_device.h>
#include <linux/property.h>
#include <linux/string.h>

#include <kbind/bus.h>
#include <kbind/compat.h>
#include <kbind/irq.h>
#include <kbind/lifecycle.h>
#include <kbind/pm.h>

/**
 * struct kb_platform_probe - acquire-phase handle of a platform device
 * @core: the generic acquire-phase handle, for kbind's generic steps
 * @pdev: the device being probed; private (sparse reports a direct read):
 *	drivers reach it through kb_platform_raw(), the escape hatch
 *
 * Lifetime: the acquire callback only; never store it.
 */
struct kb_platform_probe {
	struct kb_probe core;
	struct platform_device *__private pdev;
};

/**
 * struct kb_platform_publish - publish-phase handle of a platform device
 * @core: the generic publish-phase handle (misc nodes, ...)
 * @pdev: the device being probed; private, as in &struct kb_platform_probe
 *
 * Lifetime: the publish callback only; never store it.
 */
struct kb_platform_publish {
	struct kb_publish core;
	struct platform_device *__private pdev;
};

/**
 * kb_platform_raw() - escape hatch: the &struct platform_device behind a
 *	phase handle
 * @pp: a &struct kb_platform_probe or &struct kb_platform_publish
 *
 * As kb_pci_raw(): reading a field or naming the device is harmless; a
 * call that hands it to the kernel, or stores it, needs a ``SAFETY:``
 * comment.
 *
 * Context: the phase of @pp.
 * Return: the device; valid for the phase.
 */
#define kb_platform_raw(pp)	__kb_pdev(pp)

static inline struct platform_device *__kb_platform_dev(struct device *dev)
{
	return to_platform_device(dev);
}

/**
 * struct kb_iomem - a mapped resource of a bound device
 * @step: acquisition step; undoing it unmaps and releases the region
 * @base: the mapping, valid until the owner's teardown
 * @res: the resource; an MMIO one is requested for the owner
 * @mem: true for a memory resource (memremap: RAM belongs to the kernel
 *	already, so it is not requested), false for MMIO (ioremap)
 */
struct kb_iomem {
	struct kb_step step;
	void __iomem *base;
	struct resource *res;
	bool mem;
};

static inline void __kb_iomem_release(struct kb_step *step)
{
	struct kb_iomem *io = container_of(step, struct kb_iomem, step);

	if (io->mem) {
		memunmap((void __force *)io->base);
		return;
	}
	iounmap(io->base);
	release_mem_region(io->res->start, resource_size(io->res));
}

static inline int __kb_platform_map(struct kb_platform_probe *pp,
				    struct kb_iomem *io, struct resource *res,
				    bool mem)
{
	struct device *dev = &__kb_pdev(pp)->dev;
	int ret;

	ret = kb_step_fault(__kb_lc(&pp->core), mem ? "memremap" : "ioremap");
	if (ret)
		return ret;
	if (!res)
		return dev_err_probe(dev, -ENODEV, "no such memory resource\n");
	if (mem) {
		io->base = (void __force __iomem *)memremap(res->start,
							    resource_size(res),
							    MEMREMAP_WB);
		if (!io->base)
			return dev_err_probe(dev, -ENOMEM, "cannot map %pR\n",
					     res);
	} else {
		if (!request_mem_region(res->start, resource_size(res),
					dev_name(dev)))
			return dev_err_probe(dev, -EBUSY, "%pR is busy\n", res);
		io->base = ioremap(res->start, resource_size(res));
		if (!io->base) {
			release_mem_region(res->start, resource_size(res));
			return dev_err_probe(dev, -ENOMEM, "cannot map %pR\n",
					     res);
		}
	}
	io->res = res;
	io->mem = mem;
	kb_acquired(&pp->core, &io->step, __kb_iomem_release, "iomem");
	return 0;
}

/**
 * kb_platform_ioremap() - request and map an MMIO resource, by index
 * @pp: acquire-phase handle
 * @io: where the mapping is kept (in the private data)
 * @index: index among the device's IORESOURCE_MEM resources
 *
 * Requests the region for the device and maps it uncached; both are undone
 * in reverse order at teardown, after everything published is withdrawn.
 *
 * Context: process context, acquire phase only.
 * Return: 0; -ENODEV if there is no such resource; -EBUSY if the region is
 * taken; -ENOMEM if it cannot be mapped.
 */
static inline int __must_check
kb_platform_ioremap(struct kb_platform_probe *pp, struct kb_iomem *io,
		    unsigned int index)
{
	return __kb_platform_map(pp, io, platform_get_resource(__kb_pdev(pp),
							       IORESOURCE_MEM,
							       index), false);
}

/**
 * kb_platform_ioremap_byname() - request and map an MMIO resource, by name
 * @pp: acquire-phase handle
 * @io: where the mapping is kept (in the private data)
 * @name: the resource's name
 *
 * As kb_platform_ioremap().
 *
 * Context: process context, acquire phase only.
 * Return: as kb_platform_ioremap().
 */
static inline int __must_check
kb_platform_ioremap_byname(struct kb_platform_probe *pp, struct kb_iomem *io,
			   const char *name)
{
	return __kb_platform_map(pp, io,
				 platform_get_resource_byname(__kb_pdev(pp),
							      IORESOURCE_MEM,
							      name), false);
}

/**
 * kb_platform_memremap() - request and map a memory (RAM) resource, by index
 * @pp: acquire-phase handle
 * @io: where the mapping is kept (in the private data)
 * @index: index among the device's IORESOURCE_MEM resources
 *
 * For resources that are ordinary memory (shared buffers, reserved RAM):
 * mapped write-back with memremap(), not requested (the kernel owns RAM
 * already). Access it with kb_iomem_mem().
 *
 * Context: process context, acquire phase only.
 * Return: 0; -ENODEV if there is no such resource; -ENOMEM if it cannot be
 * mapped.
 */
static inline int __must_check
kb_platform_memremap(struct kb_platform_probe *pp, struct kb_iomem *io,
		     unsigned int index)
{
	return __kb_platform_map(pp, io, platform_get_resource(__kb_pdev(pp),
							       IORESOURCE_MEM,
							       index), true);
}

/**
 * kb_iomem_size() - size of a mapped resource
 * @io: a mapping taken in the acquire phase
 *
 * Return: the size in bytes.
 */
static inline resource_size_t kb_iomem_size(const struct kb_iomem *io)
{
	return resource_size(io->res);
}

/**
 * kb_iomem_mem() - the kernel address of a memory resource
 * @io: a mapping taken by kb_platform_memremap()
 *
 * Lifetime: valid while the owner's private data is (it is torn down with
 * it), so only through the private data handed to bound callbacks.
 *
 * Return: the mapping, as ordinary memory.
 */
static inline void *kb_iomem_mem(const struct kb_iomem *io)
{
	return (void __force *)io->base;
}

/**
 * kb_platform_irq() - an interrupt line of the device, by index
 * @pp: publish-phase handle (IRQ handlers are publications)
 * @index: index among the device's interrupts
 *
 * Pass the result to a ``name##_request()`` helper of KB_IRQ_HANDLER() or
 * KB_IRQ_THREADED(), which returns an error in it unchanged, so the
 * handler is requested after everything acquired and freed before it. The
 * line belongs to this device and this bind only (see &struct
 * kb_irq_line).
 *
 * Context: process context, publish phase.
 * Return: the line; carrying -ENXIO if there is no such interrupt (logged)
 * or -EPROBE_DEFER if its controller is not there yet.
 */
static inline struct kb_irq_line kb_platform_irq(struct kb_platform_publish *pp,
						 unsigned int index)
{
	return __kb_irq_line(__kb_lc(&pp->core),
			     platform_get_irq(__kb_pdev(pp), index));
}

/**
 * kb_platform_irq_byname() - an interrupt line of the device, by name
 * @pp: publish-phase handle
 * @name: the interrupt resource's name
 *
 * As kb_platform_irq().
 *
 * Context: process context, publish phase.
 * Return: as kb_platform_irq().
 */
static inline struct kb_irq_line
kb_platform_irq_byname(struct kb_platform_publish *pp, const char *name)
{
	return __kb_irq_line(__kb_lc(&pp->core),
			     platform_get_irq_byname(__kb_pdev(pp), name));
}

/*
 * The matched entry's info: the firmware match (OF, ACPI) first, then the
 * entry of the driver's own id table @ids with the device's name (not
 * pdev->id_entry: driver_override skips the table, and an earlier match may
 * have left an entry of another driver's table there); NULL when nothing
 * matches, i.e. the device was bound through driver_override.
 */
static inline const void *__kb_platform_info(struct platform_device *pdev,
					     const struct platform_device_id *ids)
{
	const void *info = device_get_match_data(&pdev->dev);

	if (info)
		return info;
	for (; ids->name[0]; ids++)
		if (!strcmp(pdev->name, ids->name))
			return (const void *)ids->driver_data;
	return NULL;
}

/**
 * KB_PLATFORM_INFO() - a platform id-table entry with typed match info
 * @drv: the name given to KB_PLATFORM_DRIVER()
 * @devname: the platform device name to match
 * @info: pointer to the entry's info, of the driver's info type
 *
 * An info of another type fails to compile.
 */
#define KB_PLATFORM_INFO(drv, devname, info)				\
	{								\
		.name = devname,					\
		.driver_data = (kernel_ulong_t)(info) +			\
			__KB_BUS_INFO_CHECK(drv, typeof(info)),		\
	}

/**
 * KB_PLATFORM_OF_INFO() - an OF match-table entry with typed match info
 * @drv: the name given to KB_PLATFORM_DRIVER_OF()
 * @compat: the devicetree compatible string to match
 * @info: pointer to the entry's info, of the driver's info type
 *
 * An info of another type fails to compile.
 */
#define KB_PLATFORM_OF_INFO(drv, compat, info)				\
	{								\
		.compatible = compat,					\
		.data = (info) + __KB_BUS_INFO_CHECK(drv, typeof(info)),	\
	}

/**
 * kb_platform_rpm_enable() - enable runtime PM while bound
 * @pp: acquire-phase handle
 * @r: where the state is kept (in the private data)
 *
 * Marks the device active and enables its runtime PM; teardown disables
 * it and marks it suspended (see <kbind/pm.h>). Callbacks:
 * KB_PM_OPS_RUNTIME() and KB_PLATFORM_DRIVER_PM().
 *
 * Context: process context, acquire phase only.
 * Return: as kb_rpm_enable().
 */
static inline int kb_platform_rpm_enable(struct kb_platform_probe *pp,
					 struct kb_rpm *r)
{
	return kb_rpm_enable(&pp->core, r, false);
}

/**
 * KB_PLATFORM_INFO_TYPE() - declare a platform driver's match-info type
 * @drv: the name that KB_PLATFORM_DRIVER() will be given
 * @type: the info type, e.g. ``struct my_info``
 *
 * Must precede the id tables (KB_PLATFORM_INFO() and KB_PLATFORM_OF_INFO()
 * check entries against it).
 */
#define KB_PLATFORM_INFO_TYPE(drv, type) __KB_BUS_INFO_TYPE(drv, type)

/**
 * KB_PLATFORM_DRIVER() - a platform driver whose probe is a kbind lifecycle
 * @drv: prefix of the generated symbols, also the driver's name
 * @type: the private data type, allocated zeroed at probe, freed last
 * @acquire_fn: ``int acquire_fn(struct kb_platform_probe *pp, type *priv,
 *	const info_type *info)``, the info type given to KB_PLATFORM_INFO_TYPE()
 * @publish_fn: ``int publish_fn(struct kb_platform_publish *pp, type *priv)``
 *
 * The id table must be named ``drv##_ids``: a &struct platform_device_id
 * array of KB_PLATFORM_INFO() entries ended by an empty one.
 *
 * Generates the driver, registered by module init and unregistered by
 * module exit, and its MODULE_DEVICE_TABLE(). Probe runs the
 * lifecycle; remove (unbind, module unload, device removal) tears it down
 * in reverse order. Callbacks with another private data or info type fail
 * to compile. Hides the int/void drift of platform_driver.remove. A device
 * bound through driver_override that no entry matches has no match info:
 * its probe fails with -ENODEV and the driver's callbacks are not called.
 */
#define KB_PLATFORM_DRIVER(drv, type, acquire_fn, publish_fn)		\
	__KB_PLATFORM_DRIVER(drv, type, acquire_fn, publish_fn, NULL,	\
			     struct drv##_kb_info, NULL, NULL)

/**
 * KB_PLATFORM_DRIVER_OF() - KB_PLATFORM_DRIVER() that also matches by OF
 * @drv: as KB_PLATFORM_DRIVER()
 * @type: as KB_PLATFORM_DRIVER()
 * @acquire_fn: as KB_PLATFORM_DRIVER()
 * @publish_fn: as KB_PLATFORM_DRIVER()
 *
 * Also needs ``drv##_of_ids``: a &struct of_device_id array of
 * KB_PLATFORM_OF_INFO() entries ended by an empty one. A devicetree match
 * hands acquire its entry's info; its MODULE_DEVICE_TABLE() is generated.
 */
#define KB_PLATFORM_DRIVER_OF(drv, type, acquire_fn, publish_fn)	\
	__KB_PLATFORM_DRIVER(drv, type, acquire_fn, publish_fn,		\
			     drv##_of_ids,				\
			     MODULE_DEVICE_TABLE(of, drv##_of_ids),	\
			     NULL, NULL)

/**
 * KB_PLATFORM_DRIVER_PM() - KB_PLATFORM_DRIVER() with power management
 * @drv: as KB_PLATFORM_DRIVER()
 * @type: as KB_PLATFORM_DRIVER()
 * @acquire_fn: as KB_PLATFORM_DRIVER()
 * @publish_fn: as KB_PLATFORM_DRIVER()
 * @shutdown_fn: ``void shutdown_fn(type *priv)``; stops the device at
 *	reboot or power off, with the lifecycle live and the device lock held
 *
 * Also needs ``drv##_kb_pm_ops``, from KB_PM_OPS() or KB_PM_OPS_RUNTIME()
 * (<kbind/pm.h>) before it.
 */
#define KB_PLATFORM_DRIVER_PM(drv, type, acquire_fn, publish_fn,	\
			      shutdown_fn)				\
	__KB_PLATFORM_DRIVER_PM(drv, type, acquire_fn, publish_fn,	\
				shutdown_fn, NULL, struct drv##_kb_info)

/**
 * KB_PLATFORM_DRIVER_OF_PM() - KB_PLATFORM_DRIVER_OF() with power
 *	management
 * @drv: as KB_PLATFORM_DRIVER_OF()
 * @type: as KB_PLATFORM_DRIVER_OF()
 * @acquire_fn: as KB_PLATFORM_DRIVER_OF()
 * @publish_fn: as KB_PLATFORM_DRIVER_OF()
 * @shutdown_fn: as KB_PLATFORM_DRIVER_PM()
 *
 * Also needs ``drv##_kb_pm_ops``, as KB_PLATFORM_DRIVER_PM().
 */
#define KB_PLATFORM_DRIVER_OF_PM(drv, type, acquire_fn, publish_fn,	\
				 shutdown_fn)				\
	__KB_PLATFORM_DRIVER_PM(drv, type, acquire_fn, publish_fn,	\
				shutdown_fn, drv##_of_ids,		\
				MODULE_DEVICE_TABLE(of, drv##_of_ids))

/* The typed shutdown trampoline, then the driver with power management. */
#define __KB_PLATFORM_DRIVER_PM(drv, type, acquire_fn, publish_fn,	\
				shutdown_fn, of_ids, of_table)		\
static void drv##_kb_shutdown(struct platform_device *pdev)		\
{									\
	type *typed = __kb_pm_owner(&pdev->dev);			\
									\
	if (typed)							\
		shutdown_fn(typed);					\
}									\
__KB_PLATFORM_DRIVER(drv, type, acquire_fn, publish_fn, of_ids,	\
		     of_table, pm_ptr(&drv##_kb_pm_ops), drv##_kb_shutdown)

/*
 * @of_table is the OF table's MODULE_DEVICE_TABLE(), or for a driver
 * without one a declaration that declares nothing new (the info type).
 */
#define __KB_PLATFORM_DRIVER(drv, type, acquire_fn, publish_fn, of_ids,	\
			     of_table, pm_ops, shutdown_cb)			\
__KB_BUS_LIFECYCLE(platform, drv, type, acquire_fn, publish_fn);	\
static int drv##_kb_probe(struct platform_device *pdev)		\
{									\
	return __kb_bound_probe(&pdev->dev, sizeof(struct kb_bound),	\
				__kb_platform_info(pdev, drv##_ids),	\
				&drv##_kb_locks, &drv##_kb_ops,		\
				THIS_MODULE);				\
}									\
static void drv##_kb_remove_void(struct platform_device *pdev)		\
{									\
	__kb_bound_remove(&pdev->dev);					\
}									\
static int __maybe_unused drv##_kb_remove_int(struct platform_device *pdev) \
{									\
	drv##_kb_remove_void(pdev);					\
	return 0;							\
}									\
MODULE_DEVICE_TABLE(platform, drv##_ids);				\
of_table;								\
static struct platform_driver drv##_kb_driver = {			\
	.probe = drv##_kb_probe,					\
	.remove = __KB_PLATFORM_REMOVE(drv##_kb_remove_int,		\
				       drv##_kb_remove_void),		\
	.id_table = drv##_ids,						\
	.shutdown = shutdown_cb,					\
	.driver = {							\
		.name = #drv,						\
		.of_match_table = of_ids,				\
		.pm = pm_ops,						\
	},								\
};									\
module_platform_driver(drv##_kb_driver)

#endif /* _KBIND_PLATFORM_H */
