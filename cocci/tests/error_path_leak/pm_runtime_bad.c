// SPDX-License-Identifier: GPL-2.0
/*
 * Runtime PM left enabled when probe fails: the next probe warns
 * "Unbalanced pm_runtime_enable!".
 */
#include <linux/platform_device.h>
#include <linux/pm_runtime.h>

struct foo_dev {
	void __iomem *base;
	struct dma_device dma;
};

static int foo_probe(struct platform_device *pdev)
{
	struct foo_dev *fd;
	int ret;

	fd = devm_kzalloc(&pdev->dev, sizeof(*fd), GFP_KERNEL);
	if (!fd)
		return -ENOMEM;

	pm_runtime_enable(&pdev->dev);
	pm_runtime_set_autosuspend_delay(&pdev->dev, 100);
	pm_runtime_use_autosuspend(&pdev->dev);

	fd->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(fd->base))
		return PTR_ERR(fd->base); /* EXPECT */

	ret = pm_runtime_resume_and_get(&pdev->dev);
	if (ret < 0)
		goto err_disable;

	ret = dma_async_device_register(&fd->dma);
	if (ret)
		goto err_put;

	pm_runtime_mark_last_busy(&pdev->dev);
	pm_runtime_put_autosuspend(&pdev->dev);
	return 0;

err_put:
	pm_runtime_put_noidle(&pdev->dev);
	return ret; /* EXPECT */
err_disable:
	pm_runtime_disable(&pdev->dev);
	return ret;
}
