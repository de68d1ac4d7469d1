// SPDX-License-Identifier: GPL-2.0
/*
 * Near misses: remove waits until a counter of pending timeout tasks
 * drops to zero (a hand-made flush); destroys the workqueue the rescan
 * work runs on through a local variable set in the if condition; and a
 * port shutdown helper flushes the QoS work before it disables the IRQ
 * whose handler queues it, but remove flushes it again afterwards.
 */
#include <linux/interrupt.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/wait.h>
#include <linux/workqueue.h>

struct card {
	int irq;
	atomic_t tx_timeout_task_counter;
	wait_queue_head_t waitq;
	struct work_struct tx_timeout_task;
	struct workqueue_struct *rescan_wq;
	struct work_struct rescan_work;
	struct work_struct qos_work;
};

static void card_tx_timeout_task(struct work_struct *work)
{
	struct card *card = container_of(work, struct card, tx_timeout_task);

	atomic_dec(&card->tx_timeout_task_counter);
	wake_up(&card->waitq);
}

static void card_work(struct work_struct *work)
{
}

static irqreturn_t card_irq(int irq, void *data)
{
	struct card *card = data;

	atomic_inc(&card->tx_timeout_task_counter);
	if (!schedule_work(&card->tx_timeout_task))
		atomic_dec(&card->tx_timeout_task_counter);
	queue_work(card->rescan_wq, &card->rescan_work);
	schedule_work(&card->qos_work);
	return IRQ_HANDLED;
}

static void card_shutdown(struct card *card)
{
	flush_work(&card->qos_work);
	disable_irq(card->irq);
}

static int card_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct card *card;

	card = devm_kzalloc(&pdev->dev, sizeof(*card), GFP_KERNEL);
	if (!card)
		return -ENOMEM;
	init_waitqueue_head(&card->waitq);
	INIT_WORK(&card->tx_timeout_task, card_tx_timeout_task);
	INIT_WORK(&card->rescan_work, card_work);
	INIT_WORK(&card->qos_work, card_work);
	card->rescan_wq = alloc_ordered_workqueue("card-rescan", 0);
	if (!card->rescan_wq)
		return -ENOMEM;
	card->irq = pdev->irq;
	pci_set_drvdata(pdev, card);
	return request_irq(card->irq, card_irq, 0, "card", card);
}

static void card_remove(struct pci_dev *pdev)
{
	struct card *card = pci_get_drvdata(pdev);
	struct workqueue_struct *wq;

	card_shutdown(card);
	if ((wq = card->rescan_wq)) {
		card->rescan_wq = NULL;
		destroy_workqueue(wq);
	}
	free_irq(card->irq, card);
	wait_event(card->waitq,
		   atomic_read(&card->tx_timeout_task_counter) == 0);
	flush_work(&card->qos_work);
}

static struct pci_driver card_driver = {
	.name = "card",
	.probe = card_probe,
	.remove = card_remove,
};
module_pci_driver(card_driver);
