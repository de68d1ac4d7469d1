// SPDX-License-Identifier: GPL-2.0
/*
 * probe dereferences the resource unchecked; remove tests its own lookup of
 * the same resource.  That later test does not make probe safe: probe runs
 * first, and oopses on a device tree without the "reg" entry.  The lookup
 * in remove itself is fine.
 */
#include <linux/io.h>
#include <linux/ioport.h>
#include <linux/mod_devicetable.h>
#include <linux/platform_device.h>

struct swm_priv {
	void __iomem *base;
};

static int swm_probe(struct platform_device *pdev)
{
	struct swm_priv *priv;
	struct resource *res;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	res = platform_get_resource(pdev, IORESOURCE_MEM, 0);
	if (!request_mem_region(res->start, resource_size(res), "swm")) /* EXPECT */
		return -EBUSY;
	priv->base = ioremap(res->start, resource_size(res));
	if (!priv->base) {
		release_mem_region(res->start, resource_size(res));
		return -ENOMEM;
	}
	platform_set_drvdata(pdev, priv);
	return 0;
}

static void swm_remove(struct platform_device *pdev)
{
	struct swm_priv *priv = platform_get_drvdata(pdev);
	struct resource *res;

	iounmap(priv->base);
	res = platform_get_resource(pdev, IORESOURCE_MEM, 0);
	if (res)
		release_mem_region(res->start, resource_size(res));
}

static const struct of_device_id swm_of_match[] = {
	{ .compatible = "acme,swm" },
	{ }
};

static struct platform_driver swm_driver = {
	.probe = swm_probe,
	.remove = swm_remove,
	.driver = {
		.name = "swm",
		.of_match_table = swm_of_match,
	},
};
