// SPDX-License-Identifier: GPL-2.0
/*
 * Reading fields of the raw object and logging with it are no escape; nor is
 * a pdev that is not a kbind handle's.
 */
#include <linux/pci.h>
#include <kbind/pci.h>
#include <kbind/platform.h>

struct other {
	struct pci_dev *pdev;
};

static int foo_acquire(struct kb_platform_probe *pp, struct foo *foo)
{
	char name[32];

	if (pp->pdev->id >= 0)
		snprintf(name, sizeof(name), "foo%d", pp->pdev->id);
	else
		strscpy(name, dev_name(&pp->pdev->dev), sizeof(name));
	foo->id = pp->pdev->id;
	if (!foo->regs)
		return dev_err_probe(&pp->pdev->dev, -ENODEV, "no regs\n");
	return 0;
}

static void foo_other(struct other *o)
{
	pci_set_master(o->pdev);
}
