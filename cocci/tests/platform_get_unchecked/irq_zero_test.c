// SPDX-License-Identifier: GPL-2.0
/*
 * platform_get_irq() never returns 0: a zero test lets its negative errno
 * (-EPROBE_DEFER when the interrupt controller has not probed yet) through,
 * and request_irq() of it fails with -EINVAL, so the probe fails for good
 * instead of being deferred.
 */
#include <linux/interrupt.h>
#include <linux/platform_device.h>

struct foo_priv {
	void __iomem *base;
	int irq;
	int wake_irq;
};

static irqreturn_t foo_isr(int irq, void *dev_id)
{
	return IRQ_HANDLED;
}

static int foo_probe(struct platform_device *pdev)
{
	struct foo_priv *priv;
	int irq, ret;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	priv->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(priv->base))
		return PTR_ERR(priv->base);

	irq = platform_get_irq(pdev, 0);
	if (!irq) /* EXPECT */
		return -ENODEV;

	ret = devm_request_irq(&pdev->dev, irq, foo_isr, 0, "foo", priv);
	if (ret)
		return ret;
	priv->irq = irq;

	priv->wake_irq = platform_get_irq_byname(pdev, "wakeup");
	if (priv->wake_irq == 0) { /* EXPECT */
		dev_err(&pdev->dev, "no wakeup irq\n");
		return -EINVAL;
	}

	platform_set_drvdata(pdev, priv);
	return 0;
}
