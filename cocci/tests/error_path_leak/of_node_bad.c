// SPDX-License-Identifier: GPL-2.0
/* OF node references not dropped on error returns. */
#include <linux/of.h>
#include <linux/of_mdio.h>
#include <linux/platform_device.h>

struct foo_priv {
	struct device *dev;
	struct mii_bus *mii_bus;
	u32 lanes;
};

/* ftgmac100's shape: the node is used unchecked, then the error jumps out. */
static int foo_setup_mdio(struct foo_priv *priv, struct device_node *np)
{
	struct device_node *mdio_np;
	int err;

	mdio_np = of_get_child_by_name(np, "mdio");

	err = of_mdiobus_register(priv->mii_bus, mdio_np);
	if (err) {
		dev_err(priv->dev, "Cannot register MDIO bus!\n");
		goto err_register_mdiobus;
	}

	of_node_put(mdio_np);
	return 0;

err_register_mdiobus:
	mdiobus_free(priv->mii_bus);
	return err; /* EXPECT */
}

static int foo_parse_lanes(struct foo_priv *priv)
{
	struct device_node *phy = of_parse_phandle(priv->dev->of_node, "phys", 0);
	int ret;

	if (!phy)
		return -ENODEV;

	ret = of_property_read_u32(phy, "lanes", &priv->lanes);
	if (ret)
		return ret; /* EXPECT */
	if (priv->lanes > 4) {
		of_node_put(phy);
		return -EINVAL;
	}

	of_node_put(phy);
	return 0;
}

static int foo_find_port(struct device *dev, u32 id)
{
	struct device_node *ep, *remote;

	ep = of_graph_get_endpoint_by_regs(dev->of_node, 0, id);
	if (!ep)
		return -ENODEV;

	remote = of_graph_get_remote_port_parent(ep);
	if (!remote)
		return -EINVAL; /* EXPECT */
	of_node_put(ep);

	if (!of_device_is_available(remote))
		return -ENODEV; /* EXPECT */

	of_node_put(remote);
	return 0;
}
