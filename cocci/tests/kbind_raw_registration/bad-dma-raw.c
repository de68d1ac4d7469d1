// SPDX-License-Identifier: GPL-2.0
/*
 * A PCI driver on kbind that allocates its DMA ring by hand: freed by a
 * hand-written undo, in reverse order of acquisition, so after bus
 * mastering was set last the device can still write to it when it goes.
 */
#include <linux/dma-mapping.h>
#include <kbind/pci.h>

struct foo {
	struct kb_step ring_step;
	void *ring;
	dma_addr_t ring_dma;
	struct pci_dev *pdev;
};

static void foo_ring_free(struct kb_step *step)
{
	struct foo *foo = container_of(step, struct foo, ring_step);

	dma_free_coherent(&foo->pdev->dev, 4096, foo->ring, /* EXPECT */
			  foo->ring_dma);
}

static int foo_acquire(struct kb_pci_probe *pp, struct foo *foo)
{
	foo->ring = dma_alloc_coherent(&foo->pdev->dev, 4096, /* EXPECT */
				       &foo->ring_dma, GFP_KERNEL);
	if (!foo->ring)
		return -ENOMEM;
	kb_acquired(&pp->core, &foo->ring_step, foo_ring_free, "ring");
	return kb_pci_set_master(pp);
}
