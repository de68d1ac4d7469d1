// SPDX-License-Identifier: GPL-2.0
/*
 * Near misses of flag_cleared_first.c: the flag cleared only after the
 * cancel, and a handler that also queues outside the flag's test.
 */
#include <linux/interrupt.h>
#include <linux/platform_device.h>
#include <linux/workqueue.h>

struct bar_priv {
	bool init_done;
	bool overflow;
	struct work_struct work;
	struct work_struct event_work;
};

static irqreturn_t bar_irq(int irq, void *dev_id)
{
	struct bar_priv *priv = dev_id;

	if (priv->init_done)
		schedule_work(&priv->work);
	if (priv->init_done)
		schedule_work(&priv->event_work);
	else if (priv->overflow)
		schedule_work(&priv->event_work);
	return IRQ_HANDLED;
}

static void bar_work(struct work_struct *work)
{
}

static int bar_probe(struct platform_device *pdev)
{
	struct bar_priv *priv;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	INIT_WORK(&priv->work, bar_work);
	INIT_WORK(&priv->event_work, bar_work);
	platform_set_drvdata(pdev, priv);
	priv->init_done = true;
	return devm_request_irq(&pdev->dev, platform_get_irq(pdev, 0), bar_irq,
				0, "bar", priv);
}

static void bar_remove(struct platform_device *pdev)
{
	struct bar_priv *priv = platform_get_drvdata(pdev);

	cancel_work_sync(&priv->work); /* EXPECT */
	priv->init_done = false;
	cancel_work_sync(&priv->event_work); /* EXPECT */
}

static struct platform_driver bar_driver = {
	.probe = bar_probe,
	.remove = bar_remove,
	.driver = {
		.name = "bar",
	},
};
module_platform_driver(bar_driver);
MODULE_LICENSE("GPL");
