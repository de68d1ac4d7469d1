// SPDX-License-Identifier: GPL-2.0
// Near misses for the "= NULL" check: the variable is assigned only on some
// paths (a branch or a loop), or through its address, so it cannot be
// defined and assigned in one statement.

static int foo_pick_node(struct device *dev, bool alt)
{
	struct device_node *np __free(device_node) = NULL;

	if (alt)
		np = of_get_child_by_name(dev->of_node, "alt");
	else
		np = of_get_child_by_name(dev->of_node, "main");
	if (!np)
		return -ENODEV;

	return of_property_read_bool(np, "foo,enable");
}

static int foo_find_port(struct device *dev, u32 id)
{
	struct fwnode_handle *ep __free(fwnode_handle) = NULL;

	if (id)
		ep = fwnode_graph_get_endpoint_by_id(dev_fwnode(dev), id, 0, 0);
	if (!ep)
		return -ENOENT;

	return foo_parse_ep(dev, ep);
}

static int foo_read_blob(struct foo_priv *priv)
{
	u8 *blob __free(kfree) = NULL;
	size_t len;
	int ret;

	ret = foo_fetch(priv, &blob, &len);
	if (ret)
		return ret;

	return foo_apply(priv, blob, len);
}

static int foo_scan(struct foo_priv *priv)
{
	char *name __free(kfree) = NULL;
	int i;

	for (i = 0; i < priv->n; i++) {
		kfree(name);
		name = kasprintf(GFP_KERNEL, "foo%d", i);
		if (!name)
			return -ENOMEM;
		foo_try(priv, name);
	}
	return 0;
}
