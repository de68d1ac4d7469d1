// SPDX-License-Identifier: GPL-2.0
// __free(...) = NULL at the top, assigned on every path further on: the
// declaration is reported. And a dropped no_free_ptr() result.

static int foo_init_obj(struct foo_priv *priv)
{
	struct foo_obj *obj __free(kfree) = NULL;	/* EXPECT */
	int err;

	guard(mutex)(&priv->lock);
	obj = foo_alloc_add(priv);
	if (!obj)
		return -ENOMEM;

	err = foo_other_init(obj);
	if (err)
		return err;

	no_free_ptr(obj);	/* EXPECT */
	return 0;
}

static int foo_read_ports(struct device *dev, u32 *nports)
{
	struct device_node *ports __free(device_node) = NULL;	/* EXPECT */

	if (!dev->of_node)
		return -ENODEV;

	ports = of_get_child_by_name(dev->of_node, "ports");
	if (!ports)
		return -ENOENT;

	*nports = of_get_child_count(ports);
	return 0;
}

static char *foo_label(struct foo_priv *priv)
{
	char *label __free(kfree) = kasprintf(GFP_KERNEL, "foo-%d", priv->id);

	if (!label)
		return NULL;

	(void)no_free_ptr(label);	/* EXPECT */
	return priv->label;
}
