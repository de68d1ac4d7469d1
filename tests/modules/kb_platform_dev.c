// SPDX-License-Identifier: GPL-2.0
/*
 * Test module: registers the platform devices the kbind platform sample
 * binds, "kbind-pf-a" (id 0) and "kbind-pf-b" (id 1), each with one page
 * of memory as its IORESOURCE_MEM resource, filled with a greeting, and an
 * interrupt named "kick": a software IRQ (dummy chip, simple flow handler)
 * that writing the device's id to /sys/module/kb_platform_dev/parameters/fire
 * raises, as the device's hardware would. A third device,
 * "kbind-pf-unlisted" (id 2), is in no driver's id table, for
 * driver_override tests.
 *
 * Built on the lifecycle core itself: the pages are acquisitions, the
 * device registrations publications, so module exit unregisters the
 * devices (unbinding the sample) before it frees their memory.
 */
#include <linux/gfp.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/irq.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/platform_device.h>

#include <kbind/lifecycle.h>

#define NR_DEVS 2

struct pf_page {
	struct kb_step step;
	struct page *page;
};

struct pf_reg {
	struct kb_step step;
	struct platform_device *pdev;
};

struct pf_irqs {
	struct kb_step step;
	int base;
};

struct pf_devs {
	struct pf_irqs irqs;
	struct pf_page pages[NR_DEVS];
	struct pf_reg regs[NR_DEVS];
	struct pf_reg unlisted;
};

static const char * const pf_names[NR_DEVS] = { "kbind-pf-a", "kbind-pf-b" };

/* First of the devices' IRQ numbers; 0 while there are none. */
static int pf_irq_base;

static int pf_fire(const char *val, const struct kernel_param *kp)
{
	unsigned int id;
	int ret = kstrtouint(val, 0, &id);

	if (ret)
		return ret;
	if (id >= NR_DEVS)
		return -EINVAL;
	if (!READ_ONCE(pf_irq_base))
		return -ENODEV;
	return generic_handle_irq_safe(READ_ONCE(pf_irq_base) + id);
}

static const struct kernel_param_ops pf_fire_ops = { .set = pf_fire };
module_param_cb(fire, &pf_fire_ops, NULL, 0200);
MODULE_PARM_DESC(fire, "Raise the interrupt of the device with this id");

static void pf_irqs_free(struct kb_step *step)
{
	struct pf_irqs *irqs = container_of(step, struct pf_irqs, step);

	WRITE_ONCE(pf_irq_base, 0);
	irq_free_descs(irqs->base, NR_DEVS);
}

static void pf_page_free(struct kb_step *step)
{
	__free_page(container_of(step, struct pf_page, step)->page);
}

static void pf_unregister(struct kb_step *step)
{
	platform_device_unregister(container_of(step, struct pf_reg,
						step)->pdev);
}

static int pf_devs_acquire(struct kb_probe *p, struct pf_devs *d)
{
	int i;

	/* No owner: a driver's request_irq() would pin this module, and the
	 * tests unload it under a bound driver. Safe, as the devices (and with
	 * them the drivers' handlers) go away before the descriptors.
	 */
	d->irqs.base = __irq_alloc_descs(-1, 1, NR_DEVS, NUMA_NO_NODE, NULL,
					 NULL);
	if (d->irqs.base < 0)
		return d->irqs.base;
	kb_acquired(p, &d->irqs.step, pf_irqs_free, "irq descs");
	for (i = 0; i < NR_DEVS; i++) {
		irq_set_chip_and_handler(d->irqs.base + i, &dummy_irq_chip,
					 handle_simple_irq);
		irq_clear_status_flags(d->irqs.base + i, IRQ_NOREQUEST);
	}
	WRITE_ONCE(pf_irq_base, d->irqs.base);
	for (i = 0; i < NR_DEVS; i++) {
		d->pages[i].page = alloc_page(GFP_KERNEL | __GFP_ZERO);
		if (!d->pages[i].page)
			return -ENOMEM;
		kb_acquired(p, &d->pages[i].step, pf_page_free, "page");
		snprintf(page_address(d->pages[i].page), PAGE_SIZE,
			 "hello from %s\n", pf_names[i]);
	}
	return 0;
}

static int pf_devs_publish(struct kb_publish *p, struct pf_devs *d)
{
	int i;

	for (i = 0; i < NR_DEVS; i++) {
		phys_addr_t base = page_to_phys(d->pages[i].page);
		struct resource res[] = {
			DEFINE_RES_MEM(base, PAGE_SIZE),
			DEFINE_RES_IRQ_NAMED(d->irqs.base + i, "kick"),
		};
		struct platform_device *pdev;

		/* SAFETY: a test-only module standing in for firmware: the
		 * registration is a recorded publication step, undone first.
		 */
		pdev = platform_device_register_simple(pf_names[i], i, res,
						       ARRAY_SIZE(res));
		if (IS_ERR(pdev))
			return PTR_ERR(pdev);
		d->regs[i].pdev = pdev;
		kb_published(p, &d->regs[i].step, pf_unregister,
			     "platform device");
	}
	d->unlisted.pdev = platform_device_register_simple("kbind-pf-unlisted",
							   NR_DEVS, NULL, 0);
	if (IS_ERR(d->unlisted.pdev))
		return PTR_ERR(d->unlisted.pdev);
	kb_published(p, &d->unlisted.step, pf_unregister, "platform device");
	return 0;
}

KB_MODULE(pf_devs, struct pf_devs, pf_devs_acquire, pf_devs_publish);

MODULE_DESCRIPTION("kbind test: platform devices with memory and an IRQ");
MODULE_LICENSE("GPL");
