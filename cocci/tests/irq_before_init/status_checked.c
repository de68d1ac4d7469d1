// SPDX-License-Identifier: GPL-2.0
/*
 * Near misses: handlers that touch the late-initialised object only after
 * a check: one returns IRQ_NONE unless its own device raised the
 * interrupt, one schedules its work only once probe has set init_done.
 */
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/platform_device.h>
#include <linux/spinlock.h>
#include <linux/workqueue.h>

struct chk_priv {
	void __iomem *regs;
	spinlock_t lock;
	struct work_struct work;
	bool init_done;
};

static irqreturn_t chk_status_irq(int irq, void *dev_id)
{
	struct chk_priv *priv = dev_id;
	u32 status = readl(priv->regs);

	if (!status)
		return IRQ_NONE;
	spin_lock(&priv->lock);
	writel(status, priv->regs);
	spin_unlock(&priv->lock);
	return IRQ_HANDLED;
}

static irqreturn_t chk_changed_irq(int irq, void *dev_id)
{
	struct chk_priv *priv = dev_id;

	if (priv->init_done)
		schedule_work(&priv->work);
	return IRQ_HANDLED;
}

static void chk_work(struct work_struct *work)
{
}

static int chk_probe(struct platform_device *pdev)
{
	struct chk_priv *priv;
	int ret;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	priv->regs = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(priv->regs))
		return PTR_ERR(priv->regs);

	ret = devm_request_irq(&pdev->dev, platform_get_irq(pdev, 0),
			       chk_status_irq, IRQF_SHARED, "chk", priv);
	if (ret)
		return ret;
	ret = devm_request_irq(&pdev->dev, platform_get_irq(pdev, 1),
			       chk_changed_irq, IRQF_TRIGGER_FALLING, "chk-chg",
			       priv);
	if (ret)
		return ret;

	spin_lock_init(&priv->lock);
	INIT_WORK(&priv->work, chk_work);
	priv->init_done = true;
	return 0;
}
