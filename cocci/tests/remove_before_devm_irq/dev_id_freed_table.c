// SPDX-License-Identifier: GPL-2.0
/*
 * The dev_id freed in remove(), with the devm IRQs requested from a table
 * of handlers (riic's shape): the handler is no plain identifier, and the
 * report must not depend on it. A string that names "irqs" is no call
 * that quiesces them.
 */
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct tbl_priv {
	void __iomem *base;
	u32 status;
};

struct tbl_irq {
	irq_handler_t isr;
	const char *name;
};

static irqreturn_t tbl_tx_isr(int irq, void *dev_id)
{
	struct tbl_priv *priv = dev_id;

	priv->status = readl(priv->base);
	return IRQ_HANDLED;
}

static const struct tbl_irq tbl_irqs[] = {
	{ .isr = tbl_tx_isr, .name = "tbl-tx" },
};

static int tbl_probe(struct platform_device *pdev)
{
	struct tbl_priv *priv;
	int i, irq, ret;

	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	for (i = 0; i < ARRAY_SIZE(tbl_irqs); i++) {
		irq = platform_get_irq(pdev, i);
		ret = devm_request_irq(&pdev->dev, irq, tbl_irqs[i].isr, 0,
				       tbl_irqs[i].name, priv);
		if (ret) {
			kfree(priv);
			return ret;
		}
	}
	platform_set_drvdata(pdev, priv);
	return 0;
}

static void tbl_remove(struct platform_device *pdev)
{
	struct tbl_priv *priv = platform_get_drvdata(pdev);

	dev_info(&pdev->dev, "freeing irqs (%d)\n", 0);
	kfree(priv); /* EXPECT */
}

static struct platform_driver tbl_driver = {
	.probe = tbl_probe,
	.remove_new = tbl_remove,
	.driver = {
		.name = "tbl",
	},
};
