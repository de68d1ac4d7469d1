// SPDX-License-Identifier: GPL-2.0
/*
 * remove() kfree()s the object its devm IRQ was requested with: devres
 * frees the IRQ only after remove() returns, so an interrupt in between
 * runs the handler on freed memory. Near misses: a remove that frees the
 * IRQ first, one that masks the device's interrupts first, and one that
 * frees an object of another type.
 */
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

#define FOO_INT_MASK	0x10

struct foo_priv {
	void __iomem *base;
	int irq;
	u32 events;
};

struct foo_stats {
	u64 count;
};

static irqreturn_t foo_irq(int irq, void *dev_id)
{
	struct foo_priv *priv = dev_id;

	priv->events = readl(priv->base);
	return IRQ_HANDLED;
}

static int foo_probe(struct platform_device *pdev)
{
	struct foo_priv *priv;
	int ret;

	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	priv->irq = platform_get_irq(pdev, 0);
	ret = devm_request_irq(&pdev->dev, priv->irq, foo_irq, 0, "foo", priv);
	if (ret) {
		kfree(priv);
		return ret;
	}
	platform_set_drvdata(pdev, priv);
	return 0;
}

static void foo_remove(struct platform_device *pdev)
{
	struct foo_priv *priv = platform_get_drvdata(pdev);

	kfree(priv); /* EXPECT */
}

static void bar_remove(struct platform_device *pdev)
{
	struct foo_priv *priv = platform_get_drvdata(pdev);

	devm_free_irq(&pdev->dev, priv->irq, priv);
	kfree(priv);
}

static void baz_remove(struct platform_device *pdev)
{
	struct foo_priv *priv = platform_get_drvdata(pdev);

	writel(0, priv->base + FOO_INT_MASK);
	kfree(priv);
}

static void qux_remove(struct platform_device *pdev)
{
	struct foo_stats *stats = dev_get_platdata(&pdev->dev);

	kfree(stats);
}

static struct platform_driver foo_driver = {
	.probe = foo_probe,
	.remove_new = foo_remove,
};

static struct platform_driver bar_driver = {
	.probe = foo_probe,
	.remove_new = bar_remove,
};

static struct platform_driver baz_driver = {
	.probe = foo_probe,
	.remove_new = baz_remove,
};

static struct platform_driver qux_driver = {
	.probe = foo_probe,
	.remove_new = qux_remove,
};
