// SPDX-License-Identifier: GPL-2.0
/*
 * The IRQ is requested with the driver's private data as dev_id but freed
 * with the platform device: free_irq() finds no action with that cookie,
 * warns "Trying to free already-free IRQ" and returns, so the handler stays
 * installed and runs on the private data after it is freed.
 */
#include <linux/interrupt.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct foo_priv {
	void __iomem *base;
	int irq;
	int err_irq;
};

static irqreturn_t foo_isr(int irq, void *dev_id)
{
	struct foo_priv *priv = dev_id;

	writel(0, priv->base);
	return IRQ_HANDLED;
}

static int foo_hw_init(struct foo_priv *priv)
{
	return 0;
}

static int foo_probe(struct platform_device *pdev)
{
	struct foo_priv *priv;
	int irq, ret;

	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	irq = platform_get_irq(pdev, 0);
	if (irq < 0) {
		ret = irq;
		goto err_free;
	}
	ret = request_irq(irq, foo_isr, 0, "foo", priv);
	if (ret)
		goto err_free;

	ret = foo_hw_init(priv);
	if (ret)
		goto err_irq;

	priv->irq = irq;
	platform_set_drvdata(pdev, priv);
	return 0;

err_irq:
	free_irq(irq, pdev); /* EXPECT */
err_free:
	kfree(priv);
	return ret;
}

static void foo_remove(struct platform_device *pdev)
{
	struct foo_priv *priv = platform_get_drvdata(pdev);

	free_irq(priv->irq, priv);
	kfree(priv);
}
