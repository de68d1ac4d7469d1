// SPDX-License-Identifier: GPL-2.0
/*
 * remove() cancels the work item that the devm-managed IRQ handler queues,
 * but the IRQ stays live until devres frees it after remove() returns: the
 * handler can queue the work again, and it runs on freed data.
 */
#include <linux/interrupt.h>
#include <linux/platform_device.h>
#include <linux/workqueue.h>

struct foo_priv {
	void __iomem *base;
	struct work_struct event_work;
};

static irqreturn_t foo_irq(int irq, void *dev_id)
{
	struct foo_priv *priv = dev_id;

	schedule_work(&priv->event_work);
	return IRQ_HANDLED;
}

static void foo_event(struct work_struct *work)
{
}

static int foo_probe(struct platform_device *pdev)
{
	struct foo_priv *priv;
	int irq;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	INIT_WORK(&priv->event_work, foo_event);

	irq = platform_get_irq(pdev, 0);
	if (irq < 0)
		return irq;
	platform_set_drvdata(pdev, priv);
	return devm_request_irq(&pdev->dev, irq, foo_irq, 0, "foo", priv);
}

static void foo_remove(struct platform_device *pdev)
{
	struct foo_priv *priv = platform_get_drvdata(pdev);

	cancel_work_sync(&priv->event_work); /* EXPECT */
}

static struct platform_driver foo_driver = {
	.probe = foo_probe,
	.remove = foo_remove,
	.driver = {
		.name = "foo",
	},
};
