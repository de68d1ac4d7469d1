// SPDX-License-Identifier: GPL-2.0
/*
 * An MFD cell (the shape of the mt6360 regulator and max8997 RTC): its
 * IRQs come from the parent's regmap-irq chip, whose handlers are nested
 * threads, so __setup_irq() replaces the primary handler and needs no
 * IRQF_ONESHOT.  Left alone.
 */
#include <linux/interrupt.h>
#include <linux/platform_device.h>
#include <linux/regmap.h>

struct cell_priv {
	struct regmap *regmap;
};

static irqreturn_t cell_alarm(int irq, void *data)
{
	return IRQ_HANDLED;
}

static int cell_probe(struct platform_device *pdev)
{
	struct cell_priv *priv;
	int irq;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	priv->regmap = dev_get_regmap(pdev->dev.parent, NULL);
	if (!priv->regmap)
		return -ENODEV;

	irq = platform_get_irq_byname(pdev, "alarm");
	if (irq < 0)
		return irq;
	return devm_request_threaded_irq(&pdev->dev, irq, NULL, cell_alarm, 0,
					 "cell-alarm", priv);
}
