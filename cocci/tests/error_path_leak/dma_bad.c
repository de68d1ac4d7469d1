// SPDX-License-Identifier: GPL-2.0
/* Coherent DMA buffers lost when a later step fails. */
#include <linux/dma-mapping.h>
#include <linux/platform_device.h>

#define FOO_RING_SIZE	4096

struct foo_ring {
	void *desc;
	dma_addr_t desc_dma;
	u32 *status;
	dma_addr_t status_dma;
};

struct foo_priv {
	struct device *dev;
	struct foo_ring ring;
	void __iomem *base;
};

static int foo_alloc_rings(struct foo_priv *priv)
{
	struct foo_ring *ring = &priv->ring;

	ring->desc = dma_alloc_coherent(priv->dev, FOO_RING_SIZE,
					&ring->desc_dma, GFP_KERNEL);
	if (!ring->desc)
		return -ENOMEM;

	ring->status = dma_alloc_coherent(priv->dev, PAGE_SIZE,
					  &ring->status_dma, GFP_KERNEL);
	if (!ring->status)
		return -ENOMEM; /* EXPECT */

	writel(lower_32_bits(ring->desc_dma), priv->base);
	return 0;
}

static int foo_selftest(struct foo_priv *priv)
{
	dma_addr_t dma;
	void *buf;
	int ret;

	buf = dma_alloc_attrs(priv->dev, PAGE_SIZE, &dma, GFP_KERNEL,
			      DMA_ATTR_WRITE_COMBINE);
	if (!buf)
		return -ENOMEM;

	writel(lower_32_bits(dma), priv->base);
	ret = readl_poll_timeout(priv->base + 4, ret, ret & 1, 10, 1000);
	if (ret) {
		dev_err(priv->dev, "self test timed out\n");
		return ret; /* EXPECT */
	}

	dma_free_attrs(priv->dev, PAGE_SIZE, buf, dma, DMA_ATTR_WRITE_COMBINE);
	return 0;
}

/* Stored in the driver's structure, but nobody frees it when this fails. */
static int foo_init_buf(struct foo_priv *priv)
{
	dma_addr_t dma;
	void *buf;

	buf = dma_alloc_wc(priv->dev, PAGE_SIZE, &dma, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	priv->ring.desc = buf;
	priv->ring.desc_dma = dma;

	if (readl(priv->base + 4) == ~0U)
		return -ENODEV; /* EXPECT */
	return 0;
}
