// SPDX-License-Identifier: GPL-2.0
/*
 * Near miss: a loop whose next iteration initialises the work item of
 * another channel after this channel's request.
 */
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/platform_device.h>
#include <linux/spinlock.h>
#include <linux/workqueue.h>

struct ch {
	void __iomem *regs;
	spinlock_t lock;
	struct delayed_work recovery;
	int irq;
};

static irqreturn_t ch_sc_irq(int irq, void *dev_id)
{
	struct ch *c = dev_id;

	mod_delayed_work(system_wq, &c->recovery, 0);
	return IRQ_HANDLED;
}

static void ch_recover(struct work_struct *work)
{
}

static int ch_probe(struct platform_device *pdev)
{
	struct ch *chans, *c;
	int i, ret;

	chans = devm_kcalloc(&pdev->dev, 2, sizeof(*chans), GFP_KERNEL);
	if (!chans)
		return -ENOMEM;

	for (i = 0; i < 2; i++) {
		c = &chans[i];
		INIT_DELAYED_WORK(&c->recovery, ch_recover);
		c->irq = platform_get_irq(pdev, i);
		if (c->irq < 0)
			return c->irq;
		ret = devm_request_irq(&pdev->dev, c->irq, ch_sc_irq, 0,
				       "ch-sc", c);
		if (ret)
			return ret;
	}

	return 0;
}
