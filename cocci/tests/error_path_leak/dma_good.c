// SPDX-License-Identifier: GPL-2.0
/*
 * Near misses: dmam_alloc_coherent(), a buffer freed on every error path
 * and kept on success, and one freed by the caller's cleanup when this
 * step fails.
 */
#include <linux/dma-mapping.h>
#include <linux/platform_device.h>

struct foo_priv {
	struct device *dev;
	void *buf;
	dma_addr_t buf_dma;
	u32 *tbl;
	dma_addr_t tbl_dma;
	void __iomem *base;
};

static int foo_probe(struct platform_device *pdev)
{
	struct foo_priv *priv = platform_get_drvdata(pdev);
	int ret;

	priv->buf = dmam_alloc_coherent(&pdev->dev, PAGE_SIZE, &priv->buf_dma,
					GFP_KERNEL);
	if (!priv->buf)
		return -ENOMEM;
	ret = platform_get_irq(pdev, 0);
	if (ret < 0)
		return ret;
	return 0;
}

static int bar_init(struct foo_priv *priv)
{
	void *buf;
	dma_addr_t dma;
	int ret;

	buf = dma_alloc_coherent(priv->dev, PAGE_SIZE, &dma, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;

	ret = readl(priv->base) ? 0 : -EIO;
	if (ret) {
		dma_free_coherent(priv->dev, PAGE_SIZE, buf, dma);
		return ret;
	}
	priv->buf = buf;
	priv->buf_dma = dma;
	return 0;
}

/* The table is freed by foo_free_tables() when this fails. */
static int baz_alloc_tables(struct foo_priv *priv)
{
	priv->tbl = dma_alloc_coherent(priv->dev, PAGE_SIZE, &priv->tbl_dma,
				       GFP_KERNEL);
	if (!priv->tbl)
		return -ENOMEM;
	if (readl(priv->base) & 1)
		return -EBUSY;
	return 0;
}

static void foo_free_tables(struct foo_priv *priv)
{
	if (priv->tbl)
		dma_free_coherent(priv->dev, PAGE_SIZE, priv->tbl, priv->tbl_dma);
	priv->tbl = NULL;
}

static int baz_open(struct foo_priv *priv)
{
	int ret;

	ret = baz_alloc_tables(priv);
	if (ret)
		goto err_free;
	writel(1, priv->base);
	return 0;

err_free:
	foo_free_tables(priv);
	return ret;
}
