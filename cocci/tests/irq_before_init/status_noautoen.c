// SPDX-License-Identifier: GPL-2.0
/*
 * Near miss (mtk_vcodec_enc's shape): the line is set IRQ_NOAUTOEN before
 * the request, so it stays off until enable_irq(), which only the encode
 * path calls, after the lock is set up. A second driver sets the flag only
 * after the request: the window is open, reported.
 */
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/platform_device.h>
#include <linux/spinlock.h>

struct enc {
	int irq;
	spinlock_t irqlock;
	u32 status;
};

static irqreturn_t enc_irq(int irq, void *data)
{
	struct enc *enc = data;
	unsigned long flags;

	spin_lock_irqsave(&enc->irqlock, flags);
	enc->status = 1;
	spin_unlock_irqrestore(&enc->irqlock, flags);
	return IRQ_HANDLED;
}

static int enc_probe(struct platform_device *pdev)
{
	struct enc *enc;
	int ret;

	enc = devm_kzalloc(&pdev->dev, sizeof(*enc), GFP_KERNEL);
	if (!enc)
		return -ENOMEM;
	enc->irq = platform_get_irq(pdev, 0);
	if (enc->irq < 0)
		return enc->irq;
	irq_set_status_flags(enc->irq, IRQ_NOAUTOEN);
	ret = devm_request_irq(&pdev->dev, enc->irq, enc_irq, 0, "enc", enc);
	if (ret)
		return ret;
	spin_lock_init(&enc->irqlock);
	return 0;
}

static int late_probe(struct platform_device *pdev)
{
	struct enc *enc;
	int ret;

	enc = devm_kzalloc(&pdev->dev, sizeof(*enc), GFP_KERNEL);
	if (!enc)
		return -ENOMEM;
	enc->irq = platform_get_irq(pdev, 0);
	if (enc->irq < 0)
		return enc->irq;
	ret = devm_request_irq(&pdev->dev, enc->irq, enc_irq, 0, "enc", enc); /* EXPECT */
	if (ret)
		return ret;
	irq_set_status_flags(enc->irq, IRQ_NOAUTOEN);
	spin_lock_init(&enc->irqlock);
	return 0;
}
