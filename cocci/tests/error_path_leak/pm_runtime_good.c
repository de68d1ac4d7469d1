// SPDX-License-Identifier: GPL-2.0
/*
 * Near misses: devm_pm_runtime_enable(), a disable through a devm action,
 * the same device under another name, an error that only happens where
 * runtime PM is not enabled, and a device that is deleted (device_del()
 * disables its runtime PM).
 */
#include <linux/platform_device.h>
#include <linux/pm_runtime.h>

static int foo_probe(struct platform_device *pdev)
{
	void __iomem *base;
	int ret;

	ret = devm_pm_runtime_enable(&pdev->dev);
	if (ret)
		return ret;
	base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(base))
		return PTR_ERR(base);
	return 0;
}

static void bar_disable_pm(void *data)
{
	pm_runtime_disable(data);
}

static int bar_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	void __iomem *base;
	int ret;

	pm_runtime_enable(&pdev->dev);
	ret = devm_add_action_or_reset(dev, bar_disable_pm, dev);
	if (ret)
		return ret;
	base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(base))
		return PTR_ERR(base);
	return 0;
}

static int baz_runtime_resume(struct device *dev);

static int baz_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	int ret;

	pm_runtime_enable(&pdev->dev);
	if (!pm_runtime_enabled(&pdev->dev)) {
		ret = baz_runtime_resume(&pdev->dev);
		if (ret)
			return ret;
	}

	ret = platform_get_irq(pdev, 0);
	if (ret < 0)
		goto err_pm;
	return 0;

err_pm:
	pm_runtime_disable(dev);
	return ret;
}

static int qux_add_port(struct device *dev)
{
	int error;

	error = device_add(dev);
	if (error)
		goto err_put;
	pm_runtime_set_active(dev);
	pm_runtime_enable(dev);

	error = qux_add_link(dev);
	if (error)
		goto err_del;
	return 0;

err_del:
	device_del(dev);
err_put:
	put_device(dev);
	return error;
}
