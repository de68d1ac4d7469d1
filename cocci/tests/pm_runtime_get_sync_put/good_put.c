// SPDX-License-Identifier: GPL-2.0
// Correct: the error path puts the count (directly, through a label, or
// under the condition that took it), or the count is taken with
// pm_runtime_resume_and_get().

static int foo_enable(struct foo_priv *priv)
{
	int ret;

	ret = pm_runtime_get_sync(priv->dev);
	if (ret < 0) {
		pm_runtime_put_noidle(priv->dev);
		return ret;
	}
	foo_hw_on(priv);
	return 0;
}

static int foo_xfer(struct foo_priv *priv)
{
	int ret;

	ret = pm_runtime_get_sync(priv->dev);
	if (ret < 0)
		goto out_put;

	ret = foo_do_xfer(priv);
out_put:
	pm_runtime_mark_last_busy(priv->dev);
	pm_runtime_put_autosuspend(priv->dev);
	return ret;
}

static int foo_start(struct foo_priv *priv)
{
	int ret;

	ret = pm_runtime_resume_and_get(priv->dev);
	if (ret < 0)
		return ret;
	foo_hw_on(priv);
	return 0;
}

/* bmg160_core.c: the put is conditional, on the same flag as the get */
static int foo_set_power_state(struct foo_priv *priv, bool on)
{
	int ret;

	if (on)
		ret = pm_runtime_get_sync(priv->dev);
	else
		ret = pm_runtime_put_autosuspend(priv->dev);

	if (ret < 0) {
		dev_err(priv->dev, "failed to set power state %d\n", on);
		if (on)
			pm_runtime_put_noidle(priv->dev);
		return ret;
	}
	return 0;
}

/* regmap-irq.c: the put at the exit label is under the flag of the get */
static irqreturn_t foo_irq_thread(int irq, void *d)
{
	struct foo_priv *priv = d;
	bool handled = false;
	int ret;

	if (priv->runtime_pm) {
		ret = pm_runtime_get_sync(priv->dev);
		if (ret < 0)
			goto exit;
	}

	handled = foo_handle(priv);
exit:
	if (priv->runtime_pm)
		pm_runtime_put(priv->dev);
	return handled ? IRQ_HANDLED : IRQ_NONE;
}

/* qcom_bam_dmux.c: the error label calls a helper that puts */
static void foo_tx_done(struct foo_priv *priv)
{
	pm_runtime_mark_last_busy(priv->dev);
	pm_runtime_put_autosuspend(priv->dev);
}

static int foo_tx(struct foo_priv *priv, struct sk_buff *skb)
{
	int ret;

	ret = pm_runtime_get_sync(priv->dev);
	if (ret < 0)
		goto tx_fail;

	ret = foo_submit(priv, skb);
	if (ret)
		goto tx_fail;
	return 0;

tx_fail:
	foo_tx_done(priv);
	dev_kfree_skb(skb);
	return ret;
}
