// SPDX-License-Identifier: GPL-2.0
/*
 * "return ret;" shared by success and failure: reported only on the paths
 * where ret holds an error: set to -E..., or left through the branch that
 * tests it.
 */
#include <linux/clk.h>
#include <linux/platform_device.h>

struct foo_priv {
	struct clk *clk;
	void __iomem *base;
	int irq;
};

static int foo_start(struct foo_priv *priv)
{
	int ret;

	ret = clk_prepare_enable(priv->clk);
	if (ret)
		goto out;

	if (readl(priv->base) == ~0U) {
		ret = -ENODEV;
		goto out;
	}

	ret = foo_hw_init(priv);
	if (ret < 0)
		goto out;

	/* success keeps the clock running and shares the exit */
	writel(1, priv->base);
out:
	return ret; /* EXPECT */
}

static int bar_start(struct foo_priv *priv)
{
	int ret;

	ret = clk_prepare_enable(priv->clk);
	if (ret)
		return ret;

	ret = 0;
	if (!priv->irq)
		goto out;	/* no interrupt: polled mode, still a success */

	ret = bar_request_irq(priv);
	if (ret)
		goto out_disable;
	goto out;

out_disable:
	clk_disable_unprepare(priv->clk);
out:
	return ret;
}

static int baz_start(struct foo_priv *priv)
{
	int ret;

	ret = clk_prepare_enable(priv->clk);
	if (ret)
		return ret;

	ret = baz_hw_init(priv);
	if (!ret) {
		writel(1, priv->base);
		return ret;
	} else {
		clk_disable_unprepare(priv->clk);
	}
	return ret;
}

static int qux_start(struct foo_priv *priv)
{
	int ret;

	ret = clk_prepare_enable(priv->clk);
	if (ret)
		return ret;

	/* the result of the last step is the result of the function */
	ret = qux_hw_init(priv);
	return ret;
}
