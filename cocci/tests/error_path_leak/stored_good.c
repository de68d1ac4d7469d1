// SPDX-License-Identifier: GPL-2.0
/*
 * Near misses: a clock turned off before it is turned on again (the
 * function gives back the state it was given), a clock stored in the
 * driver's structure and released through it on the error path,
 * a lookup that found nothing going round a loop, a device handed over
 * by its struct device.
 */
#include <linux/clk.h>
#include <linux/of.h>
#include <linux/of_platform.h>
#include <linux/platform_device.h>

struct baz_priv {
	struct device *dev;
	struct clk *clk;
	struct device *companion;
	u32 speed[4];
	int nports;
};

int baz_write_divider(struct baz_priv *priv, unsigned long rate);
int baz_port_ok(struct baz_priv *priv, int i);
int baz_hw_init(struct baz_priv *priv);
u32 baz_read_speed(struct device_node *np);

/* The clock is on when this is called, and stays on when it fails. */
static int baz_set_rate(struct baz_priv *priv, unsigned long rate)
{
	int ret;

	clk_disable_unprepare(priv->clk);
	ret = clk_set_rate(priv->clk, rate);
	if (ret)
		return ret;
	ret = clk_prepare_enable(priv->clk);
	if (ret)
		return ret;
	ret = baz_write_divider(priv, rate);
	if (ret)
		return ret;
	return 0;
}

static int baz_start(struct baz_priv *priv)
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

	ret = baz_hw_init(priv);
	if (ret)
		goto err_clk;
	return 0;

err_clk:
	clk_disable_unprepare(priv->clk);
	return ret;
}

static int baz_read_ports(struct baz_priv *priv)
{
	struct device_node *np;
	int i;

	for (i = 0; i < priv->nports; i++) {
		if (!baz_port_ok(priv, i))
			return -EINVAL;
		np = of_parse_phandle(priv->dev->of_node, "ports", i);
		if (np) {
			priv->speed[i] = baz_read_speed(np);
			of_node_put(np);
		}
	}
	return 0;
}

static int baz_find_companion(struct baz_priv *priv)
{
	struct device_node *np;
	struct platform_device *cpdev;

	np = of_parse_phandle(priv->dev->of_node, "companion", 0);
	if (!np)
		return -ENODEV;
	cpdev = of_find_device_by_node(np);
	of_node_put(np);
	if (!cpdev)
		return -EPROBE_DEFER;
	priv->companion = &cpdev->dev;
	if (!device_is_bound(priv->companion))
		return -EPROBE_DEFER;
	return 0;
}

static int baz_probe(struct platform_device *pdev)
{
	struct baz_priv *priv;
	int ret;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	priv->dev = &pdev->dev;
	ret = baz_find_companion(priv);
	if (ret)
		return ret;
	ret = baz_read_ports(priv);
	if (ret)
		return ret;
	ret = baz_start(priv);
	if (ret)
		return ret;
	return baz_set_rate(priv, 48000000);
}
