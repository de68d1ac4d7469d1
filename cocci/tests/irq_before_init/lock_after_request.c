// SPDX-License-Identifier: GPL-2.0
/*
 * The IRQ is requested, then the lock and the work item its handler uses
 * are initialised: a shared or pending interrupt runs the handler first.
 */
#include <linux/interrupt.h>
#include <linux/platform_device.h>
#include <linux/spinlock.h>
#include <linux/workqueue.h>

struct foo_priv {
	void __iomem *base;
	spinlock_t lock;
	struct work_struct event_work;
	u32 status;
};

static irqreturn_t foo_irq(int irq, void *dev_id)
{
	struct foo_priv *priv = dev_id;

	spin_lock(&priv->lock);
	priv->status = readl(priv->base);
	spin_unlock(&priv->lock);
	schedule_work(&priv->event_work);
	return IRQ_HANDLED;
}

static void foo_event(struct work_struct *work)
{
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
	if (irq < 0)
		return irq;

	ret = devm_request_irq(&pdev->dev, irq, foo_irq, IRQF_SHARED, /* EXPECT */
			       "foo", priv);
	if (ret)
		return ret;

	spin_lock_init(&priv->lock);
	INIT_WORK(&priv->event_work, foo_event);
	platform_set_drvdata(pdev, priv);
	return 0;
}
