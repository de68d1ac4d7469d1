// SPDX-License-Identifier: GPL-2.0
/*
 * Near misses: a node returned to the caller, a devm action registered
 * before the enable, a system-sleep resume, a comedi .auto_attach (the
 * core calls .detach when it fails), a lookup whose NULL branch falls
 * through to an else that puts, runtime PM disabled by a helper passed
 * the platform device, runtime PM in the else branch of a
 * pm_runtime_enabled() test, a clock turned off by a helper before a goto, a
 * node handed to a list in a loop, a function after a macro line with no
 * semicolon, and a __free() node in a function with an #else stub.
 */
#include <linux/clk.h>
#include <linux/comedi/comedidev.h>
#include <linux/of.h>
#include <linux/platform_device.h>
#include <linux/pm_runtime.h>
#include <linux/regulator/consumer.h>

struct quux {
	struct device *dev;
	struct clk *clk;
	struct regulator *vdd;
	u32 size;
};

struct quux_port {
	struct device_node *np;
};

int quux_hw_init(struct quux *q);
int quux_restore(struct quux *q);
void quux_add_port(struct quux *q, struct quux_port *port);
struct quux_port *quux_port_alloc(void);

static struct device_node *quux_find_supply(struct device_node *np)
{
	struct device_node *node;

	node = of_parse_phandle(np, "vdd-supply", 0);
	if (node)
		return node;
	return ERR_PTR(-ENODEV);
}

static void quux_disable_vdd(void *data)
{
	struct quux *q = data;

	regulator_disable(q->vdd);
}

static int quux_power_up(struct quux *q)
{
	int ret;

	ret = devm_add_action_or_reset(q->dev, quux_disable_vdd, q);
	if (ret)
		return ret;
	ret = regulator_enable(q->vdd);
	if (ret)
		return ret;
	ret = quux_hw_init(q);
	if (ret)
		return ret;
	return 0;
}

static int quux_resume(struct device *dev)
{
	struct quux *q = dev_get_drvdata(dev);
	int ret;

	ret = regulator_enable(q->vdd);
	if (ret)
		return ret;
	ret = quux_restore(q);
	if (ret)
		return ret;
	return 0;
}

static int quux_suspend(struct device *dev)
{
	struct quux *q = dev_get_drvdata(dev);

	return regulator_disable(q->vdd);
}

static DEFINE_SIMPLE_DEV_PM_OPS(quux_pm_ops, quux_suspend, quux_resume);

static int quux_auto_attach(struct comedi_device *dev, unsigned long context)
{
	struct quux *q = dev->private;
	int ret;

	ret = clk_prepare_enable(q->clk);
	if (ret)
		return ret;
	if (quux_hw_init(q))
		return -EIO;
	return 0;
}

static void quux_detach(struct comedi_device *dev)
{
	struct quux *q = dev->private;

	clk_disable_unprepare(q->clk);
}

static struct comedi_driver quux_driver = {
	.driver_name = "quux",
	.module = THIS_MODULE,
	.auto_attach = quux_auto_attach,
	.detach = quux_detach,
};

static int quux_memory_region(struct quux *q)
{
	struct device_node *node;
	struct resource res;
	int rc;

	node = of_parse_phandle(q->dev->of_node, "memory-region", 0);
	if (!node) {
		dev_dbg(q->dev, "no reserved memory\n");
	} else {
		rc = of_address_to_resource(node, 0, &res);
		of_node_put(node);
		if (rc)
			return rc;
		q->size = resource_size(&res);
	}
	if (!is_power_of_2(q->size))
		return -EINVAL;
	return 0;
}

static void quux_teardown(struct platform_device *pdev)
{
	pm_runtime_disable(&pdev->dev);
}

static int quux_pm_setup(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	int ret;

	pm_runtime_enable(dev);
	ret = pm_runtime_resume_and_get(dev);
	if (ret < 0)
		goto err;
	return 0;
err:
	quux_teardown(pdev);
	return ret;
}

/* The else branch of a pm_runtime_enabled() test: runtime PM is off there. */
static int quux_pm_or_init(struct platform_device *pdev, struct quux *q)
{
	int ret;

	pm_runtime_enable(&pdev->dev);
	if (pm_runtime_enabled(&pdev->dev)) {
		ret = pm_runtime_resume_and_get(&pdev->dev);
		if (ret < 0)
			goto err_pm;
	} else {
		ret = quux_hw_init(q);
		if (ret)
			return ret;
	}
	return 0;
err_pm:
	pm_runtime_disable(&pdev->dev);
	return ret;
}

static void quux_clk_off(struct quux *q)
{
	clk_disable_unprepare(q->clk);
}

static int quux_start(struct quux *q)
{
	if (clk_prepare_enable(q->clk))
		goto err;
	if (quux_hw_init(q)) {
		quux_clk_off(q);
		goto err;
	}
	return 0;
err:
	return -EIO;
}

static int quux_add_ports(struct quux *q, int n)
{
	struct quux_port *port;
	struct device_node *np;
	int i, rc = 0;

	for (i = 0; i < n; i++) {
		port = quux_port_alloc();
		if (!port) {
			rc = -ENOMEM;
			goto out;
		}
		np = of_parse_phandle(q->dev->of_node, "ports", i);
		if (!np) {
			kfree(port);
			rc = -ENODEV;
			goto out;
		}
		port->np = np;
		quux_add_port(q, port);
	}
out:
	return rc;
}

/* max8997's shape: a __free() node in the CONFIG_OF half of a function
 * that has a stub of the same name in the #else half. */
#ifdef CONFIG_OF
static int quux_parse_dt(struct quux *q)
{
	struct device_node *np __free(device_node) =
		of_get_child_by_name(q->dev->of_node, "regulators");

	if (!np)
		return -EINVAL;
	if (of_property_read_u32(np, "count", &q->size))
		return -EINVAL;
	return 0;
}
#else
static int quux_parse_dt(struct quux *q)
{
	return 0;
}
#endif

module_comedi_driver(quux_driver)

static int quux_read_size(struct quux *q)
{
	struct device_node *np __free(device_node) =
		of_get_child_by_name(q->dev->of_node, "mem");

	if (!np)
		return -ENODEV;
	if (of_property_read_u32(np, "size", &q->size))
		return -EINVAL;
	return 0;
}
