// SPDX-License-Identifier: GPL-2.0
/*
 * of_irq_get() returns 0 when the mapping fails: "if (irq <= 0) return
 * irq;" then makes the probe return 0, and the driver core takes the device
 * as bound although nothing was set up.  dev_err_probe() returns the error
 * it is given, 0 too.
 */
#include <linux/interrupt.h>
#include <linux/of_irq.h>
#include <linux/platform_device.h>

struct baz_priv {
	int irq;
	int err_irq;
};

static irqreturn_t baz_isr(int irq, void *dev_id)
{
	return IRQ_HANDLED;
}

static int baz_probe(struct platform_device *pdev)
{
	struct device_node *np = pdev->dev.of_node;
	struct baz_priv *priv;
	int ret;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	priv->irq = of_irq_get(np, 0);
	if (priv->irq <= 0)
		return priv->irq; /* EXPECT */

	ret = devm_request_irq(&pdev->dev, priv->irq, baz_isr, 0, "baz", priv);
	if (ret)
		return ret;

	priv->err_irq = of_irq_get_byname(np, "error");
	if (priv->err_irq <= 0) {
		return dev_err_probe(&pdev->dev, priv->err_irq, /* EXPECT */
				     "no error interrupt\n");
	}

	return devm_request_irq(&pdev->dev, priv->err_irq, baz_isr, 0,
				"baz-err", priv);
}

static int baz_child_init(struct device_node *child)
{
	int irq = of_irq_get(child, 0);

	if (irq <= 0)
		return irq; /* EXPECT */

	return request_irq(irq, baz_isr, 0, "baz-child", child);
}
