// SPDX-License-Identifier: GPL-2.0
/*
 * Near miss: remove() masks the interrupt in the device (a write of the
 * interrupt-enable register) before it cancels the work, so the still
 * registered handler cannot be invoked for this device any more.
 */
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/platform_device.h>
#include <linux/workqueue.h>

#define FOO_IRQ_EN	0x10

struct foo_priv {
	void __iomem *base;
	struct work_struct rx_work;
};

static irqreturn_t foo_irq(int irq, void *dev_id)
{
	struct foo_priv *priv = dev_id;

	schedule_work(&priv->rx_work);
	return IRQ_HANDLED;
}

static void foo_rx(struct work_struct *work)
{
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
	INIT_WORK(&priv->rx_work, foo_rx);

	irq = platform_get_irq(pdev, 0);
	if (irq < 0)
		return irq;
	platform_set_drvdata(pdev, priv);
	return devm_request_irq(&pdev->dev, irq, foo_irq, 0, "foo", priv);
}

static void foo_remove(struct platform_device *pdev)
{
	struct foo_priv *priv = platform_get_drvdata(pdev);

	writel(0, priv->base + FOO_IRQ_EN);
	cancel_work_sync(&priv->rx_work);
}

static struct platform_driver foo_driver = {
	.probe = foo_probe,
	.remove = foo_remove,
	.driver = {
		.name = "foo",
	},
};
