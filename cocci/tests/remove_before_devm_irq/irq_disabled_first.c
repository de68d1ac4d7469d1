// SPDX-License-Identifier: GPL-2.0
/*
 * Correct: remove() disables the IRQ before cancelling the work, and the
 * devm action is registered before the IRQ, so devres runs it after the
 * IRQ is freed.
 */
#include <linux/interrupt.h>
#include <linux/platform_device.h>
#include <linux/workqueue.h>

struct baz_priv {
	int irq;
	struct workqueue_struct *wq;
	struct work_struct rx_work;
};

static irqreturn_t baz_irq(int irq, void *dev_id)
{
	struct baz_priv *priv = dev_id;

	queue_work(priv->wq, &priv->rx_work);
	return IRQ_HANDLED;
}

static void baz_rx(struct work_struct *work)
{
}

static void baz_destroy_wq(void *data)
{
	struct baz_priv *priv = data;

	destroy_workqueue(priv->wq);
}

static int baz_probe(struct platform_device *pdev)
{
	struct baz_priv *priv;
	int ret;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	priv->wq = alloc_workqueue("baz", 0, 0);
	if (!priv->wq)
		return -ENOMEM;
	ret = devm_add_action_or_reset(&pdev->dev, baz_destroy_wq, priv);
	if (ret)
		return ret;
	INIT_WORK(&priv->rx_work, baz_rx);

	priv->irq = platform_get_irq(pdev, 0);
	if (priv->irq < 0)
		return priv->irq;
	platform_set_drvdata(pdev, priv);
	return devm_request_irq(&pdev->dev, priv->irq, baz_irq, 0, "baz", priv);
}

static void baz_remove(struct platform_device *pdev)
{
	struct baz_priv *priv = platform_get_drvdata(pdev);

	disable_irq(priv->irq);
	cancel_work_sync(&priv->rx_work);
}

static struct platform_driver baz_driver = {
	.probe = baz_probe,
	.remove = baz_remove,
	.driver = {
		.name = "baz",
	},
};
