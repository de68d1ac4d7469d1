// SPDX-License-Identifier: GPL-2.0
// Correct uses of cleanup.h: defined and assigned in one statement, results
// of no_free_ptr() used, guard() without goto, and goto only in a function
// with no scope-based cleanup.

static struct foo_obj *foo_obj_create(struct foo_priv *priv)
{
	struct foo_obj *obj __free(kfree) = kzalloc(sizeof(*obj), GFP_KERNEL);

	if (!obj)
		return NULL;

	guard(mutex)(&priv->lock);
	if (foo_obj_init(priv, obj))
		return NULL;

	priv->last = no_free_ptr(obj);
	return priv->last;
}

static void *foo_buf_get(size_t len)
{
	void *buf __free(kfree) = kmalloc(len, GFP_KERNEL);

	if (!buf)
		return NULL;
	memset(buf, 0, len);
	return_ptr(buf);
}

static int foo_register_net(struct foo_priv *priv)
{
	struct net_device *net __free(free_netdev) = alloc_etherdev(0);
	int ret;

	if (!net)
		return -ENOMEM;
	ret = register_netdev(net);
	if (ret)
		return ret;
	priv->net = net;
	retain_and_null_ptr(net);
	return 0;
}

/* goto unwinding, no scope-based cleanup anywhere in this function */
static int foo_probe_hw(struct foo_priv *priv)
{
	int ret;

	ret = clk_prepare_enable(priv->clk);
	if (ret)
		return ret;

	ret = reset_control_deassert(priv->rst);
	if (ret)
		goto err_clk;

	return 0;

err_clk:
	clk_disable_unprepare(priv->clk);
	return ret;
}

static unsigned int foo_status(struct foo_priv *priv)
{
	scoped_guard(spinlock_irqsave, &priv->irq_lock)
		return priv->pending;
}
