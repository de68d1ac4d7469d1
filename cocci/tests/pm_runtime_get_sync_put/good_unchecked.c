// SPDX-License-Identifier: GPL-2.0
// Near misses: remove paths that ignore the result and put (or disable)
// unconditionally, and a success test whose failure side falls through to
// the put.

static void foo_remove(struct platform_device *pdev)
{
	struct foo_priv *priv = platform_get_drvdata(pdev);

	pm_runtime_get_sync(&pdev->dev);
	foo_hw_off(priv);
	pm_runtime_disable(&pdev->dev);
	pm_runtime_put_noidle(&pdev->dev);
}

static void foo_shutdown(struct platform_device *pdev)
{
	struct foo_priv *priv = platform_get_drvdata(pdev);
	int ret;

	ret = pm_runtime_get_sync(&pdev->dev);
	if (ret >= 0)
		foo_hw_off(priv);
	else
		dev_warn(&pdev->dev, "failed to resume, skip hw disable\n");
	pm_runtime_put_sync(&pdev->dev);
}

static int foo_suspend_hw(struct foo_priv *priv)
{
	int ret;

	ret = pm_runtime_get_sync(priv->dev);
	if (ret < 0)
		dev_warn(priv->dev, "resume failed: %d\n", ret);
	foo_save_regs(priv);
	pm_runtime_put(priv->dev);
	return 0;
}
