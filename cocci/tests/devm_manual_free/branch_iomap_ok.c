// SPDX-License-Identifier: GPL-2.0
/*
 * One variable mapped by devm on one branch and by of_iomap() on the other
 * (mtk_clk_simple_probe() shape): the error path unmaps only the latter.
 */
#include <linux/io.h>
#include <linux/of_address.h>
#include <linux/platform_device.h>

static int shio_probe(struct platform_device *pdev)
{
	void __iomem *base;
	bool shared = of_property_read_bool(pdev->dev.of_node, "shared");
	int ret;

	if (!shared)
		base = devm_platform_ioremap_resource(pdev, 0);
	else
		base = of_iomap(pdev->dev.of_node, 0);
	if (IS_ERR_OR_NULL(base))
		return IS_ERR(base) ? PTR_ERR(base) : -ENOMEM;

	ret = platform_get_irq(pdev, 0);
	if (ret < 0)
		goto unmap;
	return 0;

unmap:
	if (shared)
		iounmap(base);
	return ret;
}
