// SPDX-License-Identifier: GPL-2.0
/*
 * Near misses of stored_good.c that leak: a clock stored in the driver's
 * structure but an error returned before the label that releases it, and
 * a clock turned off before only when a flag says it was on.
 */
#include <linux/clk.h>
#include <linux/platform_device.h>

struct qux_priv {
	struct device *dev;
	struct clk *clk;
	bool clk_on;
	int version;
};

int qux_hw_init(struct qux_priv *priv);
int qux_write_divider(struct qux_priv *priv, unsigned long rate);

static int qux_start(struct qux_priv *priv)
{
	struct clk *clk;
	int ret;

	clk = devm_clk_get(priv->dev, NULL);
	if (IS_ERR(clk))
		return PTR_ERR(clk);
	ret = clk_prepare_enable(clk);
	if (ret)
		return ret;
	priv->clk = clk;

	if (priv->version < 2)
		return -ENODEV; /* EXPECT */

	ret = qux_hw_init(priv);
	if (ret)
		goto err_clk;
	return 0;

err_clk:
	clk_disable_unprepare(priv->clk);
	return ret;
}

static int qux_set_rate(struct qux_priv *priv, unsigned long rate)
{
	int ret;

	if (priv->clk_on)
		clk_disable_unprepare(priv->clk);
	ret = clk_set_rate(priv->clk, rate);
	if (ret)
		return ret;
	ret = clk_prepare_enable(priv->clk);
	if (ret)
		return ret;
	ret = qux_write_divider(priv, rate);
	if (ret)
		return ret; /* EXPECT */
	priv->clk_on = true;
	return 0;
}

static int qux_probe(struct platform_device *pdev)
{
	struct qux_priv *priv;
	int ret;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	priv->dev = &pdev->dev;
	ret = qux_start(priv);
	if (ret)
		return ret;
	return qux_set_rate(priv, 48000000);
}
