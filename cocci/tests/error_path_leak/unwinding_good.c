// SPDX-License-Identifier: GPL-2.0
/*
 * Near misses from real drivers: unwinding steps that the paths cannot
 * tell are taken (a conditional release, a loop), a release the caller
 * makes when this step fails, a NULL check inside WARN_ON(), and an
 * error where runtime PM was never enabled.
 */
#include <linux/clk.h>
#include <linux/of.h>
#include <linux/platform_device.h>
#include <linux/pm_runtime.h>
#include <linux/regulator/consumer.h>

struct foo_priv {
	struct device *dev;
	struct clk *clk;
	struct clk *reg_clk;
	struct regulator *vpoc[4];
	void __iomem *base;
	bool clks_on;
	int nports;
};

/* xhci-plat's resume: the clocks are enabled and disabled on one condition. */
static int foo_resume(struct foo_priv *priv)
{
	int ret;

	if (priv->clks_on) {
		ret = clk_prepare_enable(priv->clk);
		if (ret)
			return ret;
	}

	ret = foo_restore(priv);
	if (ret)
		goto disable_clks;
	return 0;

disable_clks:
	if (priv->clks_on) {
		clk_disable_unprepare(priv->clk);
		writel(0, priv->base);
	}
	return ret;
}

/* ds90ub960's shape: the loop unwinds what the earlier rounds enabled. */
static int foo_enable_vpocs(struct foo_priv *priv)
{
	struct regulator *vpoc;
	int n, ret;

	for (n = 0; n < priv->nports; n++) {
		vpoc = priv->vpoc[n];
		ret = regulator_enable(vpoc);
		if (ret)
			goto err_disable_vpocs;
	}
	return 0;

err_disable_vpocs:
	while (n--) {
		vpoc = priv->vpoc[n];
		regulator_disable(vpoc);
	}
	return ret;
}

/* The caller frees what this step set up when it fails. */
static int foo_setup_clocks(struct foo_priv *priv)
{
	int ret;

	ret = clk_prepare_enable(priv->reg_clk);
	if (ret)
		return ret;
	if (readl(priv->base) & 1)
		return -EBUSY;
	return 0;
}

static void foo_teardown(struct foo_priv *priv)
{
	clk_disable_unprepare(priv->reg_clk);
}

static int foo_open(struct foo_priv *priv)
{
	int ret;

	ret = foo_setup_clocks(priv);
	if (ret)
		goto err_teardown;
	return 0;

err_teardown:
	foo_teardown(priv);
	return ret;
}

static int bar_of_xlate(struct device *dev, struct of_phandle_args *args)
{
	struct platform_device *m4updev;

	m4updev = of_find_device_by_node(args->np);
	if (WARN_ON(!m4updev))
		return -EINVAL;
	dev_iommu_priv_set(dev, platform_get_drvdata(m4updev));
	put_device(&m4updev->dev);
	return 0;
}

/* fimc-is's shape: the goto leaves where runtime PM is not enabled. */
static int baz_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	int ret;

	pm_runtime_enable(dev);
	if (!pm_runtime_enabled(dev)) {
		ret = baz_runtime_resume(dev);
		if (ret < 0)
			goto err_irq;
	}
	ret = baz_register(pdev);
	if (ret < 0)
		goto err_pm;
	return 0;

err_pm:
	pm_runtime_disable(dev);
err_irq:
	baz_free_irq(pdev);
	return ret;
}

/* leds-wm8350's shape: re-enabling what failed to turn off. */
static int qux_disable(struct foo_priv *priv, struct regulator *dcdc)
{
	int ret;

	ret = regulator_disable(dcdc);
	if (ret != 0)
		return ret;
	ret = qux_hw_off(priv);
	if (ret != 0) {
		ret = regulator_enable(dcdc);
		if (ret != 0)
			dev_err(priv->dev, "Failed to reenable DCDC: %d\n", ret);
		return ret;
	}
	return 0;
}
