// SPDX-License-Identifier: GPL-2.0
/*
 * An OF node looked up straight into a field of the driver's structure,
 * which nothing in the file ever puts (mtk_star_emac's phy_node): on the
 * error path the structure is freed or forgotten and the reference with
 * it.
 */
#include <linux/of.h>
#include <linux/platform_device.h>

struct fld_priv {
	struct device *dev;
	struct device_node *phy_node;
	u32 lanes;
};

static int fld_parse(struct fld_priv *priv)
{
	priv->phy_node = of_parse_phandle(priv->dev->of_node, "phy-handle", 0);
	if (!priv->phy_node)
		return -ENODEV;
	if (of_property_read_u32(priv->phy_node, "lanes", &priv->lanes))
		return -EINVAL; /* EXPECT */
	return 0;
}
