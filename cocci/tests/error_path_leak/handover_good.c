// SPDX-License-Identifier: GPL-2.0
/*
 * Near misses: a node returned to the caller, a devm action registered
 * before the enable, a system-sleep resume, a comedi .auto_attach (the
 * core calls .detach when it fails), a lookup whose NULL branch falls
 * through to an else that puts, runtime PM disabled by a helper passed
 * the platform device, a buffer freed by a helper before a goto, a
 * buffer handed to a free list in a loop, and a function after a macro
 * line with no semicolon.
 */
#include <linux/clk.h>
#include <linux/comedi/comedidev.h>
#include <linux/dma-mapping.h>
#include <linux/of.h>
#include <linux/platform_device.h>
#include <linux/pm_runtime.h>
#include <linux/regulator/consumer.h>

struct quux {
	struct device *dev;
	struct clk *clk;
	struct regulator *vdd;
	void *buf;
	dma_addr_t buf_dma;
	u32 size;
};

struct quux_buf {
	void *virt;
	dma_addr_t phys;
};

int quux_hw_init(struct quux *q);
int quux_restore(struct quux *q);
void quux_put_free_buffer(struct quux *q, struct quux_buf *b);
struct quux_buf *quux_buf_alloc(void);

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

	q->buf = dma_alloc_coherent(q->dev, q->size, &q->buf_dma, GFP_KERNEL);
	if (!q->buf)
		return -ENOMEM;
	if (quux_hw_init(q))
		return -EIO;
	return 0;
}

static void quux_detach(struct comedi_device *dev)
{
	struct quux *q = dev->private;

	if (q->buf)
		dma_free_coherent(q->dev, q->size, q->buf, q->buf_dma);
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

static void quux_free_buffers(struct quux *q)
{
	dma_free_coherent(q->dev, q->size, q->buf, q->buf_dma);
}

static int quux_alloc_buffers(struct quux *q)
{
	q->buf = dma_alloc_coherent(q->dev, q->size, &q->buf_dma, GFP_KERNEL);
	if (!q->buf)
		goto err;
	if (quux_hw_init(q)) {
		quux_free_buffers(q);
		goto err;
	}
	return 0;
err:
	return -ENOMEM;
}

static int quux_fill_free_list(struct quux *q, int n)
{
	struct quux_buf *b;
	void *virt;
	int i, rc = 0;

	for (i = 0; i < n; i++) {
		b = quux_buf_alloc();
		if (!b) {
			rc = -ENOMEM;
			goto out;
		}
		virt = dma_alloc_coherent(q->dev, q->size, &b->phys, GFP_KERNEL);
		if (!virt) {
			kfree(b);
			rc = -ENOMEM;
			goto out;
		}
		b->virt = virt;
		quux_put_free_buffer(q, b);
	}
out:
	return rc;
}

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
