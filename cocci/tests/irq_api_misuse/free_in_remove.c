// SPDX-License-Identifier: GPL-2.0
/*
 * probe requests the IRQs held in priv->irq and priv->err_irq with the
 * private data as dev_id; remove frees them with the platform device and
 * with the address of its local pointer.  Neither free matches: the
 * handlers outlive the unbind.
 */
#include <linux/interrupt.h>
#include <linux/platform_device.h>

struct bar_priv {
	void __iomem *base;
	int irq;
	int err_irq;
};

static irqreturn_t bar_isr(int irq, void *dev_id)
{
	return IRQ_HANDLED;
}

static irqreturn_t bar_err_thread(int irq, void *dev_id)
{
	return IRQ_HANDLED;
}

static int bar_probe(struct platform_device *pdev)
{
	struct bar_priv *priv;
	int ret;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	priv->irq = platform_get_irq(pdev, 0);
	if (priv->irq < 0)
		return priv->irq;
	priv->err_irq = platform_get_irq(pdev, 1);
	if (priv->err_irq < 0)
		return priv->err_irq;

	ret = devm_request_irq(&pdev->dev, priv->irq, bar_isr, 0, "bar", priv);
	if (ret)
		return ret;
	ret = devm_request_threaded_irq(&pdev->dev, priv->err_irq, NULL,
					bar_err_thread, IRQF_ONESHOT,
					"bar-err", priv);
	if (ret)
		return ret;

	platform_set_drvdata(pdev, priv);
	return 0;
}

static void bar_remove(struct platform_device *pdev)
{
	struct bar_priv *priv = platform_get_drvdata(pdev);

	devm_free_irq(&pdev->dev, priv->irq, pdev); /* EXPECT */
	devm_free_irq(&pdev->dev, priv->err_irq, &priv); /* EXPECT */
}
