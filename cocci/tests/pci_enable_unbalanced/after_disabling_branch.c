// SPDX-License-Identifier: GPL-2.0
/*
 * A leak after an earlier error branch that disables and returns (the
 * paths that skip that branch still need their own disable: pci200syn's
 * shape), and an enable tested with unlikely() (sc92031's).
 */
#include <linux/pci.h>
#include <linux/slab.h>

struct qux_card {
	void __iomem *regs;
};

static int qux_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct qux_card *card;
	int i;

	i = pci_enable_device(pdev);
	if (i)
		return i;

	i = pci_request_regions(pdev, "qux");
	if (i) {
		pci_disable_device(pdev);
		return i;
	}

	card = kzalloc(sizeof(*card), GFP_KERNEL);
	if (!card) {
		pci_release_regions(pdev);
		return -ENOBUFS; /* EXPECT */
	}
	pci_set_drvdata(pdev, card);
	return 0;
}

static int quux_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	int err;

	err = pci_enable_device(pdev);
	if (unlikely(err < 0))
		goto out;

	err = pci_request_regions(pdev, "quux");
	if (unlikely(err < 0))
		goto out;
	return 0;

out:
	return err; /* EXPECT */
}
