// SPDX-License-Identifier: GPL-2.0
// The error branch jumps to a label past the put (cdn-dp-core.c's shape),
// or to a plain exit: the count leaks all the same.

static int foo_clk_enable(struct foo_dp *dp)
{
	int ret;

	ret = clk_prepare_enable(dp->core_clk);
	if (ret < 0)
		goto err_core_clk;

	ret = pm_runtime_get_sync(dp->dev);	/* EXPECT */
	if (ret < 0) {
		dev_err(dp->dev, "cannot get pm runtime %d\n", ret);
		goto err_pm_runtime_get;
	}

	ret = foo_dp_reset(dp);
	if (ret)
		goto err_reset;

	return 0;

err_reset:
	pm_runtime_put(dp->dev);
err_pm_runtime_get:
	clk_disable_unprepare(dp->core_clk);
err_core_clk:
	return ret;
}

static int foo_get_temp(struct foo_priv *priv, int *temp)
{
	int ret;

	mutex_lock(&priv->lock);
	ret = pm_runtime_get_sync(priv->dev);	/* EXPECT */
	if (ret < 0)
		goto unlock;

	*temp = foo_read_temp(priv);
	pm_runtime_put(priv->dev);
	ret = 0;
unlock:
	mutex_unlock(&priv->lock);
	return ret;
}
