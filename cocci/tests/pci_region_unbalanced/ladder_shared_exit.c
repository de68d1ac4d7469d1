// SPDX-License-Identifier: GPL-2.0
/*
 * bcma's shape: the success path falls through to "out: return err;" and
 * the error ladder below ends in its own "return err;". The mapping's
 * failure jumps past the release: reported at the ladder's return, since
 * the path to it took an error branch's goto and never set err to 0.
 */
#include <linux/pci.h>
#include <linux/slab.h>

struct foo {
	void __iomem *mmio;
};

static int foo_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct foo *foo;
	int err = -ENOMEM;

	foo = kzalloc(sizeof(*foo), GFP_KERNEL);
	if (!foo)
		goto out;

	err = pci_enable_device(pdev);
	if (err)
		goto err_kfree;

	err = pci_request_regions(pdev, "foo");
	if (err)
		goto err_disable;

	err = -ENOMEM;
	foo->mmio = pci_iomap(pdev, 0, ~0UL);
	if (!foo->mmio)
		goto err_disable;

	pci_set_drvdata(pdev, foo);
out:
	return err;

err_disable:
	pci_disable_device(pdev);
err_kfree:
	kfree(foo);
	return err; /* EXPECT */
}

static void foo_remove(struct pci_dev *pdev)
{
	struct foo *foo = pci_get_drvdata(pdev);

	pci_iounmap(pdev, foo->mmio);
	pci_release_regions(pdev);
	pci_disable_device(pdev);
	kfree(foo);
}

static struct pci_driver foo_driver = {
	.name = "foo",
	.probe = foo_probe,
	.remove = foo_remove,
};
