// SPDX-License-Identifier: GPL-2.0
/* A raw-API driver that does not use kbind: not this rule's business. */
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/miscdevice.h>

struct foo {
	struct miscdevice misc;
};

static int foo_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct foo *foo = devm_kzalloc(&pdev->dev, sizeof(*foo), GFP_KERNEL);
	int ret;

	if (!foo)
		return -ENOMEM;
	ret = pcim_enable_device(pdev);
	if (ret)
		return ret;
	pci_set_drvdata(pdev, foo);
	return misc_register(&foo->misc);
}

static struct pci_driver foo_driver = {
	.name = "foo",
	.probe = foo_probe,
};
module_pci_driver(foo_driver);
