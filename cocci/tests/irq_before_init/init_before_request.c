// SPDX-License-Identifier: GPL-2.0
/*
 * Correct order: everything the handler uses is initialised before the
 * IRQ is requested.  The work item initialised afterwards is not one the
 * handler touches.
 */
#include <linux/interrupt.h>
#include <linux/platform_device.h>
#include <linux/spinlock.h>
#include <linux/workqueue.h>

struct baz_priv {
	spinlock_t lock;
	struct work_struct irq_work;
	struct delayed_work poll_work;
	u32 pending;
};

static irqreturn_t baz_irq(int irq, void *dev_id)
{
	struct baz_priv *priv = dev_id;

	spin_lock(&priv->lock);
	priv->pending++;
	spin_unlock(&priv->lock);
	schedule_work(&priv->irq_work);
	return IRQ_HANDLED;
}

static void baz_irq_work(struct work_struct *work)
{
}

static void baz_poll(struct work_struct *work)
{
}

static int baz_probe(struct platform_device *pdev)
{
	struct baz_priv *priv;
	int irq, ret;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	spin_lock_init(&priv->lock);
	INIT_WORK(&priv->irq_work, baz_irq_work);

	irq = platform_get_irq(pdev, 0);
	if (irq < 0)
		return irq;
	ret = devm_request_irq(&pdev->dev, irq, baz_irq, 0, "baz", priv);
	if (ret)
		return ret;

	/* only the poll path uses this one */
	INIT_DELAYED_WORK(&priv->poll_work, baz_poll);
	platform_set_drvdata(pdev, priv);
	return 0;
}
