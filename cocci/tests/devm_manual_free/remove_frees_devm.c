// SPDX-License-Identifier: GPL-2.0
/*
 * probe() takes managed resources, remove() releases them again by hand:
 * devres frees them a second time after remove() returns.
 */
#include <linux/interrupt.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct foo_priv {
	void __iomem *base;
	struct clk *clk;
	int irq;
};

static irqreturn_t foo_irq(int irq, void *data)
{
	return IRQ_HANDLED;
}

static int foo_probe(struct platform_device *pdev)
{
	struct foo_priv *priv;
	int ret;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	priv->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(priv->base))
		return PTR_ERR(priv->base);

	priv->clk = devm_clk_get(&pdev->dev, NULL);
	if (IS_ERR(priv->clk))
		return PTR_ERR(priv->clk);

	priv->irq = platform_get_irq(pdev, 0);
	if (priv->irq < 0)
		return priv->irq;

	ret = devm_request_irq(&pdev->dev, priv->irq, foo_irq, 0, "foo", priv);
	if (ret)
		return ret;

	platform_set_drvdata(pdev, priv);
	return 0;
}

static void foo_remove(struct platform_device *pdev)
{
	struct foo_priv *priv = platform_get_drvdata(pdev);

	free_irq(priv->irq, priv); /* EXPECT */
	clk_put(priv->clk); /* EXPECT */
	iounmap(priv->base); /* EXPECT */
}
