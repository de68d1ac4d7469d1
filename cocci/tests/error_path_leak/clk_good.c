// SPDX-License-Identifier: GPL-2.0
/*
 * Near misses: every error after the enable disables the clock, directly,
 * through a goto, in a helper, in a conditional unwinding step or through
 * a devm action; a managed clock; a "return ret" that success shares; a
 * helper named __foo().
 */
#include <linux/clk.h>
#include <linux/platform_device.h>

struct foo_priv {
	void __iomem *base;
	struct clk *clk;
	struct clk *bus_clk;
	bool clk_on;
};

static void foo_hw_off(struct foo_priv *priv)
{
	writel(0, priv->base);
	clk_disable_unprepare(priv->clk);
}

static int foo_probe(struct platform_device *pdev)
{
	struct foo_priv *priv;
	int ret;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	priv->clk = devm_clk_get(&pdev->dev, NULL);
	if (IS_ERR(priv->clk))
		return PTR_ERR(priv->clk);

	ret = clk_prepare_enable(priv->clk);
	if (ret)
		return dev_err_probe(&pdev->dev, ret, "cannot enable clock\n");

	if (readl(priv->base) != 0x1234) {
		clk_disable_unprepare(priv->clk);
		return -ENODEV;
	}
	ret = device_reset(&pdev->dev);
	if (ret) {
		foo_hw_off(priv);
		return ret;
	}
	ret = platform_get_irq(pdev, 0);
	if (ret < 0)
		goto err_off;
	return 0;

err_off:
	foo_hw_off(priv);
	return ret;
}

static int bar_probe(struct platform_device *pdev)
{
	struct clk *clk;
	int ret;

	clk = devm_clk_get_enabled(&pdev->dev, NULL);
	if (IS_ERR(clk))
		return PTR_ERR(clk);
	if (clk_get_rate(clk) == 0)
		return -EINVAL;

	ret = clk_prepare_enable(clk);
	if (ret)
		return ret;
	ret = devm_add_action_or_reset(&pdev->dev,
				       (void (*)(void *))clk_disable_unprepare,
				       clk);
	if (ret)
		return ret;
	if (clk_get_rate(clk) > 100000000)
		return -EINVAL;
	return 0;
}

/* The unwinding step is conditional on what was done. */
static int baz_probe(struct platform_device *pdev)
{
	struct foo_priv *priv = platform_get_drvdata(pdev);
	int ret;

	ret = clk_prepare_enable(priv->clk);
	if (ret)
		return ret;
	priv->clk_on = true;
	ret = platform_get_irq(pdev, 0);
	if (ret < 0)
		goto err;
	return 0;
err:
	if (priv->clk_on)
		clk_disable_unprepare(priv->clk);
	return ret;
}

/* 3c59x's shape: success and failure leave through one "return ret". */
static int qux_init(struct foo_priv *priv)
{
	int ret;

	ret = clk_prepare_enable(priv->bus_clk);
	if (ret < 0)
		goto out;
	ret = readl(priv->base) ? 0 : -ENODEV;
	if (ret < 0)
		goto out_disable;
	priv->clk_on = true;
	goto out;

out_disable:
	clk_disable_unprepare(priv->bus_clk);
out:
	return ret;
}

/* pcie-brcmstb's shape: the helper that disables is named __foo(). */
static void __quux_hw_off(struct foo_priv *priv)
{
	writel(0, priv->base);
	clk_disable_unprepare(priv->bus_clk);
}

static int quux_init(struct foo_priv *priv)
{
	int ret;

	ret = clk_prepare_enable(priv->bus_clk);
	if (ret)
		return ret;
	ret = readl(priv->base) ? 0 : -ENODEV;
	if (ret)
		goto fail;
	return 0;

fail:
	__quux_hw_off(priv);
	return ret;
}
