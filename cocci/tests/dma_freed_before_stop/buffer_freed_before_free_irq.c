// SPDX-License-Identifier: GPL-2.0
/*
 * remove() unmaps the receive buffer while the IRQ is still requested:
 * an interrupt before free_irq() runs the handler, which reads the
 * buffer it no longer owns.
 */
#include <linux/dma-mapping.h>
#include <linux/interrupt.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct cap_dev {
	struct device *dev;
	int irq;
	void *rx_buf;
	dma_addr_t rx_dma;
	u32 last;
};

static void cap_consume(struct cap_dev *cd)
{
	cd->last = *(u32 *)cd->rx_buf;
}

static irqreturn_t cap_irq(int irq, void *data)
{
	struct cap_dev *cd = data;

	dma_sync_single_for_cpu(cd->dev, cd->rx_dma, PAGE_SIZE, DMA_FROM_DEVICE);
	cap_consume(cd);
	return IRQ_HANDLED;
}

static int cap_probe(struct platform_device *pdev)
{
	struct cap_dev *cd;

	cd = devm_kzalloc(&pdev->dev, sizeof(*cd), GFP_KERNEL);
	if (!cd)
		return -ENOMEM;
	cd->dev = &pdev->dev;
	cd->rx_buf = kmalloc(PAGE_SIZE, GFP_KERNEL);
	if (!cd->rx_buf)
		return -ENOMEM;
	cd->rx_dma = dma_map_single(cd->dev, cd->rx_buf, PAGE_SIZE,
				    DMA_FROM_DEVICE);
	cd->irq = platform_get_irq(pdev, 0);
	platform_set_drvdata(pdev, cd);
	return request_irq(cd->irq, cap_irq, 0, "cap", cd);
}

static void cap_remove(struct platform_device *pdev)
{
	struct cap_dev *cd = platform_get_drvdata(pdev);

	dma_unmap_single(cd->dev, cd->rx_dma, PAGE_SIZE, DMA_FROM_DEVICE); /* EXPECT */
	kfree(cd->rx_buf);
	free_irq(cd->irq, cd);
}

static struct platform_driver cap_driver = {
	.probe = cap_probe,
	.remove_new = cap_remove,
	.driver = {
		.name = "cap",
	},
};
module_platform_driver(cap_driver);
