// SPDX-License-Identifier: GPL-2.0
// The error branch of pm_runtime_get_sync() returns without putting the
// usage count that the failed call took (shapes of bam_dma.c, panfrost_job.c
// and microchip-lvds.c). Patch mode turns the plain ones into
// pm_runtime_resume_and_get().

static void foo_free_chan_resources(struct dma_chan *chan)
{
	struct foo_chan *fchan = to_foo_chan(chan);
	int ret;

	ret = pm_runtime_get_sync(fchan->dev);	/* EXPECT */
	if (ret < 0)
		return;

	foo_chan_stop(fchan);
	pm_runtime_mark_last_busy(fchan->dev);
	pm_runtime_put_autosuspend(fchan->dev);
}

static void foo_bridge_enable(struct drm_bridge *bridge)
{
	struct foo_lvds *lvds = bridge_to_foo_lvds(bridge);
	int ret;

	ret = pm_runtime_get_sync(lvds->dev);	/* EXPECT */
	if (ret < 0) {
		dev_err(lvds->dev, "failed to get pm runtime: %d\n", ret);
		return;
	}

	foo_serialiser_on(lvds);
}

static int foo_open(struct foo_priv *priv)
{
	int ret;

	ret = pm_runtime_get_sync(priv->dev);	/* EXPECT */
	if (ret < 0)
		return ret;

	foo_hw_init(priv);
	/* ret may still be 1 here: patch mode must leave this one alone */
	return ret;
}

static int foo_read_id(struct foo_priv *priv, u32 *id)
{
	int ret;

	if (pm_runtime_get_sync(priv->dev) < 0)	/* EXPECT */
		return -EIO;

	*id = readl(priv->base + FOO_ID);
	pm_runtime_put(priv->dev);
	return 0;
}

static int foo_set_rate(struct foo_priv *priv, unsigned long rate)
{
	int ret;

	ret = pm_runtime_get_sync(priv->dev);	/* EXPECT */
	if (ret) {
		/* also wrong: 1 (already active) is taken for a failure */
		dev_err(priv->dev, "cannot resume\n");
		return ret;
	}

	ret = clk_set_rate(priv->clk, rate);
	pm_runtime_put(priv->dev);
	return ret;
}
