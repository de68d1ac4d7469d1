// SPDX-License-Identifier: GPL-2.0
/*
 * platform_get_resource() returns NULL when the device tree node (or the
 * board data) lacks the resource: dereferencing it unchecked oopses the
 * probe instead of failing it.  devm_request_mem_region() takes the start
 * and size, it does not test the resource.
 */
#include <linux/io.h>
#include <linux/ioport.h>
#include <linux/mod_devicetable.h>
#include <linux/platform_device.h>

struct qux_priv {
	void __iomem *regs;
	phys_addr_t fifo_phys;
	resource_size_t size;
};

static int qux_probe(struct platform_device *pdev)
{
	struct qux_priv *priv;
	struct resource *res;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	res = platform_get_resource(pdev, IORESOURCE_MEM, 0);
	if (!devm_request_mem_region(&pdev->dev, res->start, /* EXPECT */
				     resource_size(res), pdev->name))
		return -EBUSY;
	priv->size = resource_size(res);
	priv->regs = devm_ioremap(&pdev->dev, res->start, priv->size);
	if (!priv->regs)
		return -ENOMEM;

	platform_set_drvdata(pdev, priv);
	return 0;
}

static int qux_dma_init(struct platform_device *pdev, struct qux_priv *priv)
{
	struct resource *fifo = platform_get_resource(pdev, IORESOURCE_MEM, 2);

	priv->fifo_phys = fifo->start; /* EXPECT */
	return 0;
}

static int qux_alt_probe(struct platform_device *pdev)
{
	struct qux_priv *priv = platform_get_drvdata(pdev);
	struct resource *res;

	res = platform_get_resource(pdev, IORESOURCE_MEM, 1);
	priv->size = resource_size(res); /* EXPECT */
	if (!res)
		return -ENODEV;
	return 0;
}

static const struct of_device_id qux_of_match[] = {
	{ .compatible = "acme,qux" },
	{ }
};

static struct platform_driver qux_driver = {
	.probe = qux_probe,
	.driver = {
		.name = "qux",
		.of_match_table = qux_of_match,
	},
};
