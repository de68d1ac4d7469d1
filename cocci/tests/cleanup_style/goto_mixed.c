// SPDX-License-Identifier: GPL-2.0
// A lock guard, then goto unwinding in the same function: the first goto
// of each such function is reported.

static int foo_set_mode(struct foo_priv *priv, unsigned int mode)
{
	int ret;

	guard(mutex)(&priv->lock);

	ret = pm_runtime_resume_and_get(priv->dev);
	if (ret)
		return ret;

	ret = regmap_write(priv->regmap, FOO_MODE, mode);
	if (ret)
		goto out_put;	/* EXPECT */

	ret = regmap_set_bits(priv->regmap, FOO_CTRL, FOO_CTRL_GO);
	if (ret)
		goto out_put;

	priv->mode = mode;
out_put:
	pm_runtime_put(priv->dev);
	return ret;
}

static int foo_parse_child(struct device *dev, struct foo_priv *priv)
{
	struct device_node *np __free(device_node) =
		of_get_child_by_name(dev->of_node, "ports");
	int ret;

	if (!np)
		return -ENODEV;

	priv->clk = clk_get(dev, NULL);
	if (IS_ERR(priv->clk))
		return PTR_ERR(priv->clk);

	ret = of_property_read_u32(np, "foo,rate", &priv->rate);
	if (ret)
		goto err_clk;	/* EXPECT */

	return 0;

err_clk:
	clk_put(priv->clk);
	return ret;
}

static void foo_irq_work(struct foo_priv *priv)
{
	unsigned int status;

	scoped_guard(spinlock_irqsave, &priv->irq_lock) {
		status = priv->pending;
		priv->pending = 0;
	}

	if (!status)
		goto done;	/* EXPECT */

	foo_handle(priv, status);
done:
	foo_ack(priv);
}
