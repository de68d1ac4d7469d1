// SPDX-License-Identifier: GPL-2.0
/*
 * Near misses for the order: remove frees the IRQ before it cancels the
 * work the handler queues; masks the device's interrupts before the
 * cancel; cancels a work the handler does not queue; and cancels again
 * after disable_irq().
 */
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/workqueue.h>

#define GRA_INT_ENABLE	0x10

struct gra_priv {
	void __iomem *base;
	int irq;
	int irq2;
	struct work_struct event_work;
	struct work_struct link_work;
	struct work_struct cfg_work;
};

static irqreturn_t gra_irq(int irq, void *dev_id)
{
	struct gra_priv *priv = dev_id;

	schedule_work(&priv->event_work);
	return IRQ_HANDLED;
}

static irqreturn_t gra_link_thread(int irq, void *dev_id)
{
	struct gra_priv *priv = dev_id;

	schedule_work(&priv->link_work);
	return IRQ_HANDLED;
}

static void gra_work(struct work_struct *work)
{
}

static int gra_probe(struct platform_device *pdev)
{
	struct gra_priv *priv;
	int ret;

	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	INIT_WORK(&priv->event_work, gra_work);
	INIT_WORK(&priv->link_work, gra_work);
	INIT_WORK(&priv->cfg_work, gra_work);
	schedule_work(&priv->cfg_work);
	priv->irq = platform_get_irq(pdev, 0);
	priv->irq2 = platform_get_irq(pdev, 1);
	ret = request_irq(priv->irq, gra_irq, 0, "gra", priv);
	if (ret)
		goto err_free;
	ret = request_threaded_irq(priv->irq2, NULL, gra_link_thread,
				   IRQF_ONESHOT, "gra-link", priv);
	if (ret)
		goto err_irq;
	platform_set_drvdata(pdev, priv);
	return 0;

err_irq:
	free_irq(priv->irq, priv);
err_free:
	kfree(priv);
	return ret;
}

static void gra_remove(struct platform_device *pdev)
{
	struct gra_priv *priv = platform_get_drvdata(pdev);

	free_irq(priv->irq, priv);
	cancel_work_sync(&priv->event_work);

	cancel_work_sync(&priv->cfg_work);
	cancel_work_sync(&priv->link_work);
	disable_irq(priv->irq2);
	cancel_work_sync(&priv->link_work);
	free_irq(priv->irq2, priv);
	kfree(priv);
}

static void gra_shutdown(struct platform_device *pdev)
{
	struct gra_priv *priv = platform_get_drvdata(pdev);

	writel(0, priv->base + GRA_INT_ENABLE);
	cancel_work_sync(&priv->event_work);
	free_irq(priv->irq, priv);
}

static struct platform_driver gra_driver = {
	.probe = gra_probe,
	.remove_new = gra_remove,
	.shutdown = gra_shutdown,
	.driver = {
		.name = "gra",
	},
};
module_platform_driver(gra_driver);
