// SPDX-License-Identifier: GPL-2.0
/*
 * Near misses: the device is unregistered, or its engine stopped and its
 * interrupts masked, before the DMA memory goes; a bounce buffer that
 * only probe and remove touch; and a free after free_irq().
 */
#include <linux/dma-mapping.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/netdevice.h>
#include <linux/platform_device.h>

#define ENG_CTRL	0x00
#define ENG_INT_EN	0x04

struct eng_priv {
	void __iomem *regs;
	struct net_device *ndev;
	int irq;
	u32 *ring;
	dma_addr_t ring_dma;
	void *fw_buf;
	dma_addr_t fw_dma;
	u32 *stats;
	dma_addr_t stats_dma;
};

static irqreturn_t eng_irq(int irq, void *data)
{
	struct eng_priv *priv = data;

	priv->stats[0]++;
	priv->ring[0] = 0;
	return IRQ_HANDLED;
}

static netdev_tx_t eng_xmit(struct sk_buff *skb, struct net_device *ndev)
{
	struct eng_priv *priv = netdev_priv(ndev);

	priv->ring[1] = skb->len;
	return NETDEV_TX_OK;
}

static void eng_hw_stop(struct eng_priv *priv)
{
	writel(0, priv->regs + ENG_INT_EN);
	writel(0, priv->regs + ENG_CTRL);
}

static int eng_probe(struct platform_device *pdev)
{
	struct eng_priv *priv = platform_get_drvdata(pdev);

	priv->fw_buf = dma_alloc_coherent(&pdev->dev, SZ_4K, &priv->fw_dma,
					  GFP_KERNEL);
	priv->ring = dma_alloc_coherent(&pdev->dev, SZ_4K, &priv->ring_dma,
					GFP_KERNEL);
	priv->stats = dma_alloc_coherent(&pdev->dev, SZ_4K, &priv->stats_dma,
					 GFP_KERNEL);
	return request_irq(priv->irq, eng_irq, 0, "eng", priv);
}

static void eng_remove(struct platform_device *pdev)
{
	struct eng_priv *priv = platform_get_drvdata(pdev);

	dma_free_coherent(&pdev->dev, SZ_4K, priv->fw_buf, priv->fw_dma);
	unregister_netdev(priv->ndev);
	dma_free_coherent(&pdev->dev, SZ_4K, priv->ring, priv->ring_dma);
	free_irq(priv->irq, priv);
	dma_free_coherent(&pdev->dev, SZ_4K, priv->stats, priv->stats_dma);
}

static void eng_remove2(struct platform_device *pdev)
{
	struct eng_priv *priv = platform_get_drvdata(pdev);

	eng_hw_stop(priv);
	dma_free_coherent(&pdev->dev, SZ_4K, priv->ring, priv->ring_dma);
	free_irq(priv->irq, priv);
}

static struct platform_driver eng_driver = {
	.probe = eng_probe,
	.remove_new = eng_remove,
	.driver = {
		.name = "eng",
	},
};

static struct platform_driver eng2_driver = {
	.probe = eng_probe,
	.remove_new = eng_remove2,
	.driver = {
		.name = "eng2",
	},
};
