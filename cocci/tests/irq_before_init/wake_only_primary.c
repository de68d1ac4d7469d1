// SPDX-License-Identifier: GPL-2.0
/*
 * A shared threaded IRQ whose primary handler only wakes the thread, and
 * whose thread takes a spinlock set up after the request: reported.  A
 * second request whose primary handler filters (IRQ_NONE when the device
 * is quiet) is not: the thread then runs only for this device.
 */
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/platform_device.h>
#include <linux/spinlock.h>

struct wk_priv {
	void __iomem *regs;
	spinlock_t lock;
	spinlock_t evlock;
	u32 events;
};

static irqreturn_t wk_isr(int irq, void *data)
{
	return IRQ_WAKE_THREAD;
}

static irqreturn_t wk_thread(int irq, void *data)
{
	struct wk_priv *priv = data;

	spin_lock(&priv->lock);
	priv->events++;
	spin_unlock(&priv->lock);
	return IRQ_HANDLED;
}

static irqreturn_t wk_filter_isr(int irq, void *data)
{
	struct wk_priv *priv = data;

	if (!readl(priv->regs))
		return IRQ_NONE;
	return IRQ_WAKE_THREAD;
}

static irqreturn_t wk_ev_thread(int irq, void *data)
{
	struct wk_priv *priv = data;

	spin_lock(&priv->evlock);
	priv->events = 0;
	spin_unlock(&priv->evlock);
	return IRQ_HANDLED;
}

static int wk_probe(struct platform_device *pdev)
{
	struct wk_priv *priv;
	int ret;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	priv->regs = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(priv->regs))
		return PTR_ERR(priv->regs);

	ret = devm_request_threaded_irq(&pdev->dev, platform_get_irq(pdev, 0), /* EXPECT */
					wk_isr, wk_thread,
					IRQF_SHARED | IRQF_ONESHOT, "wk", priv);
	if (ret)
		return ret;
	ret = devm_request_threaded_irq(&pdev->dev, platform_get_irq(pdev, 1),
					wk_filter_isr, wk_ev_thread,
					IRQF_SHARED | IRQF_ONESHOT, "wk-ev",
					priv);
	if (ret)
		return ret;

	spin_lock_init(&priv->lock);
	spin_lock_init(&priv->evlock);
	return 0;
}
