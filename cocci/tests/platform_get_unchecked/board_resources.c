// SPDX-License-Identifier: GPL-2.0
/*
 * A platform driver with no device tree or ACPI match table (the shape of
 * bcm63xx_pcmcia): its device is registered by board code with a static
 * resource table, so the resources it reads always exist.  Left alone.
 */
#include <linux/io.h>
#include <linux/ioport.h>
#include <linux/platform_device.h>

struct brd_socket {
	void __iomem *base;
	void __iomem *io_base;
};

static int brd_probe(struct platform_device *pdev)
{
	struct brd_socket *skt;
	struct resource *res;

	skt = devm_kzalloc(&pdev->dev, sizeof(*skt), GFP_KERNEL);
	if (!skt)
		return -ENOMEM;

	res = platform_get_resource(pdev, IORESOURCE_MEM, 0);
	if (!request_mem_region(res->start, resource_size(res), "brd"))
		return -EBUSY;
	skt->base = ioremap(res->start, resource_size(res));
	if (!skt->base)
		return -ENOMEM;

	res = platform_get_resource(pdev, IORESOURCE_MEM, 1);
	skt->io_base = ioremap(res->start, resource_size(res));
	if (!skt->io_base)
		return -ENOMEM;

	platform_set_drvdata(pdev, skt);
	return 0;
}

static struct platform_driver brd_driver = {
	.probe = brd_probe,
	.driver = {
		.name = "brd_pcmcia",
	},
};
