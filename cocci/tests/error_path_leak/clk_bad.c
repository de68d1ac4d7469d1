// SPDX-License-Identifier: GPL-2.0
/* Clocks left enabled on error returns after their enable succeeded. */
#include <linux/clk.h>
#include <linux/platform_device.h>

struct foo_priv {
	void __iomem *base;
	struct clk *ape_clk;
	struct clk *apb_clk;
	struct clk_bulk_data clks[2];
};

/* tegra-aconnect's runtime resume, with the unwinding forgotten. */
static int foo_runtime_resume(struct device *dev)
{
	struct foo_priv *priv = dev_get_drvdata(dev);
	int ret;

	ret = clk_prepare_enable(priv->ape_clk);
	if (ret) {
		dev_err(dev, "ape clk_enable failed: %d\n", ret);
		return ret;
	}

	ret = clk_prepare_enable(priv->apb_clk);
	if (ret) {
		dev_err(dev, "apb clk_enable failed: %d\n", ret);
		return ret; /* EXPECT */
	}

	return 0;
}

static int foo_probe(struct platform_device *pdev)
{
	struct foo_priv *priv;
	u32 id;
	int ret;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	priv->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(priv->base))
		return PTR_ERR(priv->base);
	priv->ape_clk = devm_clk_get(&pdev->dev, "ape");
	if (IS_ERR(priv->ape_clk))
		return PTR_ERR(priv->ape_clk);

	ret = clk_prepare_enable(priv->ape_clk);
	if (ret)
		return ret;

	id = readl(priv->base);
	if (id != 0x1234)
		return -ENODEV; /* EXPECT */

	ret = devm_clk_bulk_get(&pdev->dev, ARRAY_SIZE(priv->clks), priv->clks);
	if (ret)
		goto err_ape;
	ret = clk_bulk_prepare_enable(ARRAY_SIZE(priv->clks), priv->clks);
	if (ret)
		goto err_ape;

	ret = device_reset(&pdev->dev);
	if (ret)
		goto err_ape; /* the bulk clocks are not disabled on this path */

	platform_set_drvdata(pdev, priv);
	return 0;

err_ape:
	clk_disable_unprepare(priv->ape_clk);
	return ret; /* EXPECT */
}

static int bar_enable(struct clk *clk, void __iomem *base)
{
	if (clk_enable(clk))
		return -EIO;
	if (readl(base) & 1)
		return -EBUSY; /* EXPECT */
	return 0;
}
