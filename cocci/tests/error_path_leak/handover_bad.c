// SPDX-License-Identifier: GPL-2.0
/*
 * Near misses of handover_good.c that leak: a runtime resume (a failed
 * one leaves the device suspended, and its suspend callback is not called
 * again, nor is the .resume of other ops than dev_pm_ops), a helper that
 * turns the clock off on another branch than the
 * one that jumps to the return, and a devm action that releases another
 * kind of resource.
 */
#include <linux/clk.h>
#include <linux/of.h>
#include <linux/platform_device.h>
#include <linux/pm_runtime.h>

struct corge {
	struct device *dev;
	struct clk *clk;
	u32 size;
};

int corge_hw_init(struct corge *c);
int corge_restore(struct corge *c);

static int corge_runtime_resume(struct device *dev)
{
	struct corge *c = dev_get_drvdata(dev);
	int ret;

	ret = clk_prepare_enable(c->clk);
	if (ret)
		return ret;
	ret = corge_restore(c);
	if (ret)
		return ret; /* EXPECT */
	return 0;
}

static int corge_runtime_suspend(struct device *dev)
{
	struct corge *c = dev_get_drvdata(dev);

	clk_disable_unprepare(c->clk);
	return 0;
}

static const struct dev_pm_ops corge_pm_ops = {
	RUNTIME_PM_OPS(corge_runtime_suspend, corge_runtime_resume, NULL)
};

static void corge_clk_off(struct corge *c)
{
	clk_disable_unprepare(c->clk);
}

static int corge_start(struct corge *c)
{
	if (clk_prepare_enable(c->clk))
		goto err;
	if (corge_hw_init(c)) {
		if (c->size > PAGE_SIZE)
			corge_clk_off(c);
		goto err;
	}
	return 0;
err:
	return -EIO; /* EXPECT */
}

static void corge_put_clk(void *data)
{
	clk_put(data);
}

static int corge_parse(struct corge *c)
{
	struct device_node *np;
	int ret;

	ret = devm_add_action_or_reset(c->dev, corge_put_clk, c->clk);
	if (ret)
		return ret;
	np = of_get_child_by_name(c->dev->of_node, "port");
	if (!np)
		return -ENODEV;
	if (of_property_read_u32(np, "size", &c->size))
		return -EINVAL; /* EXPECT */
	of_node_put(np);
	return 0;
}

/* host1x-style client ops: their .resume is a runtime resume, not sleep. */
struct corge_client_ops {
	int (*resume)(struct corge *c);
};

static int corge_client_resume(struct corge *c)
{
	int ret;

	ret = clk_prepare_enable(c->clk);
	if (ret)
		return ret;
	ret = corge_restore(c);
	if (ret)
		return ret; /* EXPECT */
	return 0;
}

static const struct corge_client_ops corge_client_ops = {
	.resume = corge_client_resume,
};
