// SPDX-License-Identifier: GPL-2.0
/*
 * A leak after an earlier error branch that releases the regions and
 * returns: the paths that skip that branch still need their own release.
 * Near miss: a conditional unwinding step that releases and goes on.
 */
#include <linux/pci.h>
#include <linux/slab.h>

struct rel_card {
	void __iomem *regs;
};

static int rel_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct rel_card *card;
	int err;

	err = pci_request_regions(pdev, "rel");
	if (unlikely(err))
		return err;

	err = dma_set_mask(&pdev->dev, DMA_BIT_MASK(32));
	if (err) {
		pci_release_regions(pdev);
		return err;
	}

	card = kzalloc(sizeof(*card), GFP_KERNEL);
	if (!card)
		return -ENOMEM; /* EXPECT */
	pci_set_drvdata(pdev, card);
	return 0;
}

static int cond_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	bool requested;
	int err;

	err = pci_request_regions(pdev, "cond");
	if (err)
		return err;
	requested = true;

	err = dma_set_mask(&pdev->dev, DMA_BIT_MASK(32));
	if (err) {
		if (requested) {
			pci_release_regions(pdev);
			requested = false;
		}
		return err;
	}
	return 0;
}
