// SPDX-License-Identifier: GPL-2.0
/*
 * Resource lookups tested before use: !res, res == NULL, a guard in the
 * same expression, devm_ioremap_resource() (it tests for NULL itself, and
 * its error is checked), and a second lookup in remove of the resource
 * that probe checked. Also left alone: platform_get_resource_byname()
 * used unchecked (its kernel-doc documents no NULL return, spmi-pmic-arb's
 * shape; every description of such a driver names the region).
 */
#include <linux/io.h>
#include <linux/ioport.h>
#include <linux/platform_device.h>

struct good_priv {
	void __iomem *regs;
	void __iomem *aux;
	phys_addr_t phys;
	resource_size_t len;
};

static int good_probe(struct platform_device *pdev)
{
	struct good_priv *priv;
	struct resource *res, *aux, *opt;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	res = platform_get_resource(pdev, IORESOURCE_MEM, 0);
	priv->regs = devm_ioremap_resource(&pdev->dev, res);
	if (IS_ERR(priv->regs))
		return PTR_ERR(priv->regs);
	priv->phys = res->start;

	aux = platform_get_resource_byname(pdev, IORESOURCE_MEM, "aux");
	if (aux == NULL) {
		dev_err(&pdev->dev, "no aux registers\n");
		return -ENODEV;
	}
	if (!request_mem_region(aux->start, resource_size(aux), "good-aux"))
		return -EBUSY;
	priv->aux = ioremap(aux->start, resource_size(aux));

	opt = platform_get_resource(pdev, IORESOURCE_MEM, 2);
	priv->len = opt ? resource_size(opt) : 0;
	if (opt && opt->flags & IORESOURCE_MEM_NONPOSTED)
		dev_info(&pdev->dev, "non-posted\n");

	platform_set_drvdata(pdev, priv);
	return 0;
}

static void good_remove(struct platform_device *pdev)
{
	struct good_priv *priv = platform_get_drvdata(pdev);
	struct resource *aux;

	iounmap(priv->aux);
	aux = platform_get_resource_byname(pdev, IORESOURCE_MEM, "aux");
	release_mem_region(aux->start, resource_size(aux));
}

static int good_dma_init(struct platform_device *pdev, struct good_priv *priv)
{
	struct resource *fifo = platform_get_resource_byname(pdev,
							      IORESOURCE_MEM,
							      "fifo");

	priv->len = resource_size(fifo);
	return 0;
}
