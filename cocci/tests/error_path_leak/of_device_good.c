// SPDX-License-Identifier: GPL-2.0
/*
 * Near misses: the device reference dropped on every error path, kept in
 * the driver's structure, or dropped with platform_device_put().
 */
#include <linux/of_platform.h>
#include <linux/platform_device.h>

struct foo_iommu {
	struct platform_device *pdev;
	struct device *dev;
};

static int foo_of_xlate(struct device *dev, struct of_phandle_args *args)
{
	struct platform_device *iommu_dev;
	struct foo_iommu *data;

	iommu_dev = of_find_device_by_node(args->np);
	if (!iommu_dev)
		return -ENODEV;

	data = platform_get_drvdata(iommu_dev);
	if (!data) {
		put_device(&iommu_dev->dev);
		return -EPROBE_DEFER;
	}
	dev_iommu_priv_set(dev, data);
	put_device(&iommu_dev->dev);
	return 0;
}

static int bar_attach(struct foo_iommu *iommu, struct device_node *np)
{
	struct platform_device *pdev;

	pdev = of_find_device_by_node(np);
	if (!pdev)
		return -EPROBE_DEFER;
	iommu->pdev = pdev;
	if (!platform_get_drvdata(pdev))
		return -EPROBE_DEFER;
	return 0;
}

static int baz_lookup(struct device_node *np)
{
	struct platform_device *pdev;
	int ret = 0;

	pdev = of_find_device_by_node(np);
	if (!pdev)
		return -ENODEV;
	if (!pdev->dev.driver)
		ret = -EPROBE_DEFER;
	platform_device_put(pdev);
	return ret;
}
