// SPDX-License-Identifier: GPL-2.0
/*
 * Near misses of of_field_bad.c: a field that the driver's teardown puts
 * (the structure owns the reference), and a device's own of_node (the
 * device's release puts it).
 */
#include <linux/of.h>
#include <linux/platform_device.h>

struct fldg_priv {
	struct device *dev;
	struct device_node *phy_node;
	u32 lanes;
};

static int fldg_parse(struct fldg_priv *priv)
{
	priv->phy_node = of_parse_phandle(priv->dev->of_node, "phy-handle", 0);
	if (!priv->phy_node)
		return -ENODEV;
	if (of_property_read_u32(priv->phy_node, "lanes", &priv->lanes))
		return -EINVAL;
	return 0;
}

static void fldg_teardown(struct fldg_priv *priv)
{
	of_node_put(priv->phy_node);
}

static int fldg_bind_node(struct platform_device *pdev)
{
	pdev->dev.of_node = of_find_compatible_node(NULL, NULL, "fldg,chip");
	if (!pdev->dev.of_node)
		return -ENODEV;
	if (of_property_read_bool(pdev->dev.of_node, "broken"))
		return -ENODEV;
	return 0;
}
