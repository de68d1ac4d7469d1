// SPDX-License-Identifier: GPL-2.0
/*
 * The IRQ handler queues a work item that probe initialises, and remove()
 * never cancels it: the IRQ (devm) is freed after remove() returns, then
 * the driver data; a work item still queued runs on freed memory.
 */
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/platform_device.h>
#include <linux/workqueue.h>

struct foo_priv {
	void __iomem *base;
	struct work_struct event_work;
	u32 status;
};

static irqreturn_t foo_irq(int irq, void *dev_id)
{
	struct foo_priv *priv = dev_id;

	priv->status = readl(priv->base);
	schedule_work(&priv->event_work);
	return IRQ_HANDLED;
}

static void foo_event(struct work_struct *work)
{
	struct foo_priv *priv = container_of(work, struct foo_priv, event_work);

	writel(priv->status, priv->base + 4);
}

static int foo_probe(struct platform_device *pdev)
{
	struct foo_priv *priv;
	int irq;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	priv->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(priv->base))
		return PTR_ERR(priv->base);
	INIT_WORK(&priv->event_work, foo_event); /* EXPECT */

	irq = platform_get_irq(pdev, 0);
	if (irq < 0)
		return irq;
	platform_set_drvdata(pdev, priv);
	return devm_request_irq(&pdev->dev, irq, foo_irq, 0, "foo", priv);
}

static void foo_remove(struct platform_device *pdev)
{
	struct foo_priv *priv = platform_get_drvdata(pdev);

	writel(0, priv->base + 8);
}

static struct platform_driver foo_driver = {
	.probe = foo_probe,
	.remove_new = foo_remove,
	.driver = {
		.name = "foo",
	},
};
module_platform_driver(foo_driver);
