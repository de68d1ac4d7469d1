// SPDX-License-Identifier: GPL-2.0
/*
 * A shared IRQ whose handler schedules a delayed work item that is set up
 * only after the request (and after disable_irq(), which does not close
 * the window): another device on the line runs the handler at once.
 */
#include <linux/interrupt.h>
#include <linux/platform_device.h>
#include <linux/spinlock.h>
#include <linux/workqueue.h>

struct hp_priv {
	struct delayed_work dwork;
	spinlock_t lock;
	int irq;
};

static irqreturn_t hp_irq(int irq, void *dev)
{
	struct hp_priv *priv = dev;

	schedule_delayed_work(&priv->dwork, 0);
	return IRQ_HANDLED;
}

static void hp_work(struct work_struct *work)
{
}

static int hp_probe(struct platform_device *pdev)
{
	struct hp_priv *priv;
	int err;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	priv->irq = platform_get_irq(pdev, 0);
	if (priv->irq < 0)
		return priv->irq;

	err = devm_request_irq(&pdev->dev, priv->irq, hp_irq, /* EXPECT */
			       IRQF_TRIGGER_FALLING | IRQF_SHARED, "hp", priv);
	if (err)
		return err;

	disable_irq(priv->irq);
	spin_lock_init(&priv->lock);
	INIT_DELAYED_WORK(&priv->dwork, hp_work);
	platform_set_drvdata(pdev, priv);
	enable_irq(priv->irq);
	return 0;
}
