// SPDX-License-Identifier: GPL-2.0
/*
 * Handlers that queue only while a flag is set, with a remove() that
 * clears the flag before the cancel (act8945a's and cpcap's shapes): an
 * interrupt after the cancel queues nothing.
 */
#include <linux/atomic.h>
#include <linux/interrupt.h>
#include <linux/platform_device.h>
#include <linux/workqueue.h>

struct foo_priv {
	bool init_done;
	atomic_t active;
	struct work_struct work;
	struct delayed_work detect_work;
};

static irqreturn_t foo_status_irq(int irq, void *dev_id)
{
	struct foo_priv *priv = dev_id;

	if (priv->init_done)
		schedule_work(&priv->work);
	return IRQ_HANDLED;
}

static irqreturn_t foo_detect_irq(int irq, void *dev_id)
{
	struct foo_priv *priv = dev_id;

	if (!atomic_read(&priv->active))
		return IRQ_NONE;
	schedule_delayed_work(&priv->detect_work, msecs_to_jiffies(1));
	return IRQ_HANDLED;
}

static void foo_work(struct work_struct *work)
{
}

static void foo_detect(struct work_struct *work)
{
}

static int foo_probe(struct platform_device *pdev)
{
	struct foo_priv *priv;
	int ret;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	INIT_WORK(&priv->work, foo_work);
	INIT_DELAYED_WORK(&priv->detect_work, foo_detect);
	platform_set_drvdata(pdev, priv);
	ret = devm_request_threaded_irq(&pdev->dev, platform_get_irq(pdev, 0),
					NULL, foo_status_irq, IRQF_ONESHOT,
					"foo-status", priv);
	if (ret)
		return ret;
	ret = devm_request_threaded_irq(&pdev->dev, platform_get_irq(pdev, 1),
					NULL, foo_detect_irq, IRQF_ONESHOT,
					"foo-detect", priv);
	if (ret)
		return ret;
	priv->init_done = true;
	atomic_set(&priv->active, 1);
	return 0;
}

static void foo_remove(struct platform_device *pdev)
{
	struct foo_priv *priv = platform_get_drvdata(pdev);

	priv->init_done = false;
	atomic_set(&priv->active, 0);
	cancel_work_sync(&priv->work);
	cancel_delayed_work_sync(&priv->detect_work);
}

static struct platform_driver foo_driver = {
	.probe = foo_probe,
	.remove = foo_remove,
	.driver = {
		.name = "foo",
	},
};
module_platform_driver(foo_driver);
MODULE_LICENSE("GPL");
