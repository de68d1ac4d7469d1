// SPDX-License-Identifier: GPL-2.0
/*
 * Near misses: a node returned to the caller or stored in the driver's
 * structure, a __free(device_node) variable, a node passed on as the
 * start of the next search, a node put before the error, and errors only
 * reached when the lookup found nothing.
 */
#include <linux/of.h>
#include <linux/of_graph.h>
#include <linux/platform_device.h>

struct foo_priv {
	struct device *dev;
	struct device_node *phy_np;
	u32 lanes;
};

static struct device_node *foo_get_port(struct device *dev, u32 id)
{
	struct device_node *port;

	port = of_graph_get_port_by_id(dev->of_node, id);
	if (!port)
		return ERR_PTR(-ENODEV);
	if (!of_device_is_available(port)) {
		of_node_put(port);
		return ERR_PTR(-ENODEV);
	}
	return port;
}

static int foo_probe(struct platform_device *pdev)
{
	struct foo_priv *priv = platform_get_drvdata(pdev);
	struct device_node *np;

	np = of_parse_phandle(pdev->dev.of_node, "phy-handle", 0);
	if (!np)
		return -ENODEV;
	priv->phy_np = np;

	if (of_property_read_u32(np, "lanes", &priv->lanes))
		return -EINVAL;
	return 0;
}

static int bar_lanes(struct device *dev, u32 *lanes)
{
	struct device_node *child __free(device_node) =
		of_get_child_by_name(dev->of_node, "phy");

	if (!child)
		return -ENODEV;
	if (of_property_read_u32(child, "lanes", lanes))
		return -EINVAL;
	return 0;
}

static int baz_count(void)
{
	struct device_node *np;
	int n = 0;

	np = of_find_compatible_node(NULL, NULL, "vendor,baz");
	while (np) {
		n++;
		np = of_find_compatible_node(np, NULL, "vendor,baz");
	}
	if (!n)
		return -ENODEV;
	return n;
}

/* riscv-sbi cpuidle's shape: the node is optional and put right away. */
static int qux_probe(struct platform_device *pdev)
{
	struct device_node *pds_node;
	int ret;

	pds_node = of_find_node_by_path("/cpus/power-domains");
	if (pds_node) {
		ret = qux_genpd_probe(pds_node);
		of_node_put(pds_node);
		if (ret)
			return ret;
	}

	ret = platform_get_irq(pdev, 0);
	if (ret < 0)
		return ret;
	return 0;
}

/* exynos-bus's shape: the error is on the branch where nothing was found. */
static int quux_probe(struct platform_device *pdev)
{
	struct device_node *node;
	bool passive = false;
	int ret;

	node = of_parse_phandle(pdev->dev.of_node, "devfreq", 0);
	if (node) {
		of_node_put(node);
		passive = true;
	} else {
		ret = quux_parse_parent(pdev);
		if (ret < 0)
			return ret;
	}

	ret = quux_init(pdev, passive);
	if (ret < 0)
		return ret;
	return 0;
}
