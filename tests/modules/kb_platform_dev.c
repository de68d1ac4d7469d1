// SPDX-License-Identifier: GPL-2.0
/*
 * Test module: registers the platform devices the kbind platform sample
 * binds, "kbind-pf-a" (id 0) and "kbind-pf-b" (id 1), each with one page
 * of memory as its IORESOURCE_MEM resource, filled with a greeting.
 *
 * Built on the lifecycle core itself: the pages are acquisitions, the
 * device registrations publications, so module exit unregisters the
 * devices (unbinding the sample) before it frees their memory.
 */
#include <linux/gfp.h>
#include <linux/io.h>
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

struct pf_devs {
	struct pf_page pages[NR_DEVS];
	struct pf_reg regs[NR_DEVS];
};

static const char * const pf_names[NR_DEVS] = { "kbind-pf-a", "kbind-pf-b" };

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
		struct resource res = DEFINE_RES_MEM(base, PAGE_SIZE);
		struct platform_device *pdev;

		/* SAFETY: a test-only module standing in for firmware: the
		 * registration is a recorded publication step, undone first.
		 */
		pdev = platform_device_register_simple(pf_names[i], i, &res, 1);
		if (IS_ERR(pdev))
			return PTR_ERR(pdev);
		d->regs[i].pdev = pdev;
		kb_published(p, &d->regs[i].step, pf_unregister,
			     "platform device");
	}
	return 0;
}

KB_MODULE(pf_devs, struct pf_devs, pf_devs_acquire, pf_devs_publish);

MODULE_DESCRIPTION("kbind test: platform devices with a memory resource");
MODULE_LICENSE("GPL");
