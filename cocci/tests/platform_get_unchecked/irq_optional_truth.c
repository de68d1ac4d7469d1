// SPDX-License-Identifier: GPL-2.0
/*
 * An optional IRQ taken as "present" when non-zero: the lookups return
 * -ENXIO when it is absent, so the driver requests IRQ -ENXIO and the probe
 * fails on boards without it.  Left alone: of_irq_get() with -EPROBE_DEFER
 * singled out (wl1251's SDIO glue), where the other errors come from a
 * description without the interrupt, and its request fails the probe
 * cleanly (read as no failure by the strict triage).
 */
#include <linux/interrupt.h>
#include <linux/of_irq.h>
#include <linux/platform_device.h>

struct bar_priv {
	struct device *dev;
	int alert_irq;
	int irq;
};

static irqreturn_t bar_alert(int irq, void *dev_id)
{
	return IRQ_HANDLED;
}

static int bar_probe(struct platform_device *pdev)
{
	struct device_node *np = pdev->dev.of_node;
	struct bar_priv *priv;
	int ret;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	priv->dev = &pdev->dev;

	priv->alert_irq = platform_get_irq_optional(pdev, 1);
	if (priv->alert_irq) { /* EXPECT */
		ret = devm_request_threaded_irq(&pdev->dev, priv->alert_irq,
						NULL, bar_alert, IRQF_ONESHOT,
						"bar-alert", priv);
		if (ret)
			return ret;
	}

	if (np) {
		priv->irq = of_irq_get(np, 0);
		if (priv->irq == -EPROBE_DEFER)
			return -EPROBE_DEFER;
	}

	if (priv->irq) {
		ret = devm_request_irq(&pdev->dev, priv->irq, bar_alert, 0,
				       "bar", priv);
		if (ret < 0)
			return ret;
	}

	platform_set_drvdata(pdev, priv);
	return 0;
}
