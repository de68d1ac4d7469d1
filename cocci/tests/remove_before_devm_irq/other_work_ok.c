// SPDX-License-Identifier: GPL-2.0
/*
 * Near misses: remove() cancels a work item that only a timer queues, not
 * the IRQ handler; and a second IRQ requested with request_irq() (not
 * devm) is freed before its work is cancelled.
 */
#include <linux/interrupt.h>
#include <linux/platform_device.h>
#include <linux/timer.h>
#include <linux/workqueue.h>

struct qux_priv {
	int irq, err_irq;
	struct timer_list watchdog;
	struct work_struct reset_work;
	struct work_struct err_work;
	u32 status;
};

static irqreturn_t qux_irq(int irq, void *dev_id)
{
	struct qux_priv *priv = dev_id;

	priv->status++;
	return IRQ_HANDLED;
}

static irqreturn_t qux_err_irq(int irq, void *dev_id)
{
	struct qux_priv *priv = dev_id;

	schedule_work(&priv->err_work);
	return IRQ_HANDLED;
}

static void qux_watchdog(struct timer_list *t)
{
	struct qux_priv *priv = from_timer(priv, t, watchdog);

	schedule_work(&priv->reset_work);
}

static void qux_reset(struct work_struct *work)
{
}

static int qux_probe(struct platform_device *pdev)
{
	struct qux_priv *priv;
	int ret;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	INIT_WORK(&priv->reset_work, qux_reset);
	INIT_WORK(&priv->err_work, qux_reset);
	timer_setup(&priv->watchdog, qux_watchdog, 0);

	priv->irq = platform_get_irq(pdev, 0);
	priv->err_irq = platform_get_irq(pdev, 1);
	ret = devm_request_irq(&pdev->dev, priv->irq, qux_irq, 0, "qux", priv);
	if (ret)
		return ret;
	ret = request_irq(priv->err_irq, qux_err_irq, 0, "qux-err", priv);
	if (ret)
		return ret;
	platform_set_drvdata(pdev, priv);
	return 0;
}

static void qux_remove(struct platform_device *pdev)
{
	struct qux_priv *priv = platform_get_drvdata(pdev);

	timer_delete_sync(&priv->watchdog);
	cancel_work_sync(&priv->reset_work);
	free_irq(priv->err_irq, priv);
	cancel_work_sync(&priv->err_work);
}

static struct platform_driver qux_driver = {
	.probe = qux_probe,
	.remove = qux_remove,
	.driver = {
		.name = "qux",
	},
};
