// SPDX-License-Identifier: GPL-2.0
/*
 * Teardowns that stop the device before cancelling the work its devm IRQ
 * queues: macb's (unregister_netdev() closes the MAC, whose ndo_stop masks
 * its interrupts), pxa_camera's (the clock is gated first) and exynos
 * g2d's (component_del() unbinds the component, which stops the engine).
 * Left alone. One that gates the clock only after the cancel is reported.
 */
#include <linux/clk.h>
#include <linux/component.h>
#include <linux/interrupt.h>
#include <linux/netdevice.h>
#include <linux/platform_device.h>
#include <linux/workqueue.h>

struct foo {
	struct net_device *ndev;
	struct clk *clk;
	struct work_struct err_work;
};

static irqreturn_t foo_irq(int irq, void *data)
{
	struct foo *foo = data;

	schedule_work(&foo->err_work);
	return IRQ_HANDLED;
}

static int foo_probe(struct platform_device *pdev)
{
	struct foo *foo = platform_get_drvdata(pdev);

	return devm_request_irq(&pdev->dev, platform_get_irq(pdev, 0), foo_irq,
				0, "foo", foo);
}

static void foo_remove(struct platform_device *pdev)
{
	struct foo *foo = platform_get_drvdata(pdev);

	unregister_netdev(foo->ndev);
	cancel_work_sync(&foo->err_work);
	free_netdev(foo->ndev);
}

static void bar_remove(struct platform_device *pdev)
{
	struct foo *foo = platform_get_drvdata(pdev);

	clk_disable_unprepare(foo->clk);
	cancel_work_sync(&foo->err_work);
}

static const struct component_ops foo_component_ops;

static void qux_remove(struct platform_device *pdev)
{
	struct foo *foo = platform_get_drvdata(pdev);

	component_del(&pdev->dev, &foo_component_ops);
	cancel_work_sync(&foo->err_work);
}

static void baz_remove(struct platform_device *pdev)
{
	struct foo *foo = platform_get_drvdata(pdev);

	cancel_work_sync(&foo->err_work); /* EXPECT */
	clk_disable_unprepare(foo->clk);
}

static struct platform_driver foo_driver = {
	.probe = foo_probe,
	.remove_new = foo_remove,
};

static struct platform_driver bar_driver = {
	.probe = foo_probe,
	.remove_new = bar_remove,
};

static struct platform_driver baz_driver = {
	.probe = foo_probe,
	.remove_new = baz_remove,
};

static struct platform_driver qux_driver = {
	.probe = foo_probe,
	.remove_new = qux_remove,
};
