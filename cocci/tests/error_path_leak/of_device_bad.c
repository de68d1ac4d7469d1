// SPDX-License-Identifier: GPL-2.0
/*
 * The device found by of_find_device_by_node() holds a reference that
 * must be dropped with put_device() (emac-sgmii's shape, with one error
 * path that forgets it).
 */
#include <linux/of_platform.h>
#include <linux/platform_device.h>

struct foo_phy {
	void __iomem *base;
	const struct foo_sgmii_ops *ops;
};

static int foo_sgmii_config(struct platform_device *pdev, struct foo_phy *phy)
{
	struct platform_device *sgmii_pdev;
	const struct of_device_id *match;
	struct device_node *np;
	struct resource *res;
	int ret;

	np = of_parse_phandle(pdev->dev.of_node, "internal-phy", 0);
	if (!np)
		return -ENODEV;

	sgmii_pdev = of_find_device_by_node(np);
	of_node_put(np);
	if (!sgmii_pdev)
		return -ENODEV;

	match = of_match_device(foo_sgmii_dt_match, &sgmii_pdev->dev);
	if (!match)
		return -ENODEV; /* EXPECT */
	phy->ops = match->data;

	res = platform_get_resource(sgmii_pdev, IORESOURCE_MEM, 0);
	if (!res) {
		ret = -EINVAL;
		goto error_put_device;
	}
	phy->base = ioremap(res->start, resource_size(res));
	if (!phy->base) {
		ret = -ENOMEM;
		goto error_put_device;
	}

	put_device(&sgmii_pdev->dev);
	return 0;

error_put_device:
	put_device(&sgmii_pdev->dev);
	return ret;
}
