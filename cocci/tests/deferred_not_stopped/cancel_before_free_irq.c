// SPDX-License-Identifier: GPL-2.0
/*
 * remove() cancels the work that the IRQ handler queues and only then
 * frees the IRQ: an interrupt in between queues the work again, and it
 * runs after kfree(). The second work is only queued by a timer, and the
 * third is disabled, which blocks re-queueing: both are fine.
 */
#include <linux/interrupt.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/workqueue.h>

struct qux_dev {
	struct pci_dev *pdev;
	void __iomem *regs;
	struct work_struct rx_work;
	struct work_struct stats_work;
	struct work_struct err_work;
	struct timer_list stats_timer;
};

static irqreturn_t qux_interrupt(int irq, void *data)
{
	struct qux_dev *qd = data;
	u32 status = readl(qd->regs);

	if (!status)
		return IRQ_NONE;
	if (status & 1)
		schedule_work(&qd->rx_work);
	if (status & 2)
		schedule_work(&qd->err_work);
	return IRQ_HANDLED;
}

static void qux_stats_timer(struct timer_list *t)
{
	struct qux_dev *qd = from_timer(qd, t, stats_timer);

	schedule_work(&qd->stats_work);
}

static void qux_rx(struct work_struct *work)
{
}

static int qux_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct qux_dev *qd;
	int ret;

	qd = kzalloc(sizeof(*qd), GFP_KERNEL);
	if (!qd)
		return -ENOMEM;
	qd->pdev = pdev;
	INIT_WORK(&qd->rx_work, qux_rx);
	INIT_WORK(&qd->stats_work, qux_rx);
	INIT_WORK(&qd->err_work, qux_rx);
	timer_setup(&qd->stats_timer, qux_stats_timer, 0);
	ret = request_irq(pdev->irq, qux_interrupt, IRQF_SHARED, "qux", qd);
	if (ret) {
		kfree(qd);
		return ret;
	}
	pci_set_drvdata(pdev, qd);
	return 0;
}

static void qux_remove(struct pci_dev *pdev)
{
	struct qux_dev *qd = pci_get_drvdata(pdev);

	timer_shutdown_sync(&qd->stats_timer);
	cancel_work_sync(&qd->stats_work);
	disable_work_sync(&qd->err_work);
	cancel_work_sync(&qd->rx_work); /* EXPECT */
	free_irq(pdev->irq, qd);
	kfree(qd);
}

static struct pci_driver qux_driver = {
	.name = "qux",
	.probe = qux_probe,
	.remove = qux_remove,
};
module_pci_driver(qux_driver);
