// SPDX-License-Identifier: GPL-2.0
/*
 * eni's shape: success and failure share "out: return rc;", and the error
 * ladder jumps back to it. The ladder reached from the regions' failure
 * skips the disable: reported at the shared return, since the path to it
 * took an error branch's goto and never set rc to 0. The success path
 * (no goto) and the enable's own failure are not.
 */
#include <linux/pci.h>
#include <linux/slab.h>

struct foo {
	void __iomem *regs;
};

static int foo_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct foo *foo;
	int rc;

	rc = pci_enable_device(pdev);
	if (rc)
		goto out;

	rc = pci_request_regions(pdev, "foo");
	if (rc)
		goto err_regions;

	rc = -ENOMEM;
	foo = kzalloc(sizeof(*foo), GFP_KERNEL);
	if (!foo)
		goto err_release;
	pci_set_drvdata(pdev, foo);
out:
	return rc; /* EXPECT */

err_release:
	pci_release_regions(pdev);
	pci_disable_device(pdev);
	goto out;
err_regions:
	dev_err(&pdev->dev, "no regions\n");
	goto out;
}

static void foo_remove(struct pci_dev *pdev)
{
	kfree(pci_get_drvdata(pdev));
	pci_release_regions(pdev);
	pci_disable_device(pdev);
}

static struct pci_driver foo_driver = {
	.name = "foo",
	.probe = foo_probe,
	.remove = foo_remove,
};
