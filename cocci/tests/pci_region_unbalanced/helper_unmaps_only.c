// SPDX-License-Identifier: GPL-2.0
/*
 * tg3's shape: probe calls a helper that unmaps a BAR of another device;
 * it releases no region, so it does not stand in for the release that a
 * later failure skips.
 */
#include <linux/pci.h>

struct foo {
	void __iomem *regs;
	void __iomem *peer;
};

static int foo_get_invariants(struct foo *foo, struct pci_dev *peer)
{
	foo->peer = pci_iomap(peer, 0, 0);
	if (!foo->peer)
		return -ENOMEM;
	if (readl(foo->peer) == ~0U) {
		pci_iounmap(peer, foo->peer);
		return -ENODEV;
	}
	return 0;
}

static int foo_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct foo *foo = pci_get_drvdata(pdev);
	int err;

	err = pci_enable_device(pdev);
	if (err)
		return err;
	err = pci_request_regions(pdev, "foo");
	if (err)
		goto err_disable;
	err = foo_get_invariants(foo, pdev);
	if (err)
		goto err_disable;
	return 0;

err_disable:
	pci_disable_device(pdev);
	return err; /* EXPECT */
}
