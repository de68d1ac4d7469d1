// SPDX-License-Identifier: GPL-2.0
/*
 * Near miss: remove() is empty and the data is not devm-allocated; the
 * device structures live until module exit, so unbind frees nothing the
 * work item uses.
 */
#include <linux/interrupt.h>
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/workqueue.h>

struct slgt_info {
	struct work_struct task;
	int irq;
};

static void bh_handler(struct work_struct *work)
{
}

static irqreturn_t slgt_interrupt(int irq, void *dev_id)
{
	struct slgt_info *info = dev_id;

	schedule_work(&info->task);
	return IRQ_HANDLED;
}

static int init_one(struct pci_dev *dev, const struct pci_device_id *ent)
{
	struct slgt_info *info = kzalloc(sizeof(*info), GFP_KERNEL);

	if (!info)
		return -ENOMEM;
	INIT_WORK(&info->task, bh_handler);
	info->irq = dev->irq;
	return request_irq(info->irq, slgt_interrupt, IRQF_SHARED, "slgt", info);
}

static void remove_one(struct pci_dev *dev)
{
}

static struct pci_driver slgt_driver = {
	.name = "slgt",
	.probe = init_one,
	.remove = remove_one,
};
module_pci_driver(slgt_driver);
