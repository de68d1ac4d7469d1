// SPDX-License-Identifier: GPL-2.0
/*
 * kfree() of devm_k*alloc() memory: devres frees it again on unbind.
 */
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/string.h>

struct mem_priv {
	u8 *buf;
	char *label;
	u32 *table;
};

static int mem_parse(struct platform_device *pdev, struct mem_priv *priv)
{
	u32 *vals;
	int ret = 0;

	vals = devm_kcalloc(&pdev->dev, 8, sizeof(*vals), GFP_KERNEL);
	if (!vals)
		return -ENOMEM;
	if (device_property_read_u32_array(&pdev->dev, "vals", vals, 8))
		ret = -EINVAL;
	kfree(vals); /* EXPECT */
	return ret;
}

static int mem_probe(struct platform_device *pdev)
{
	struct mem_priv *priv;
	int ret;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	priv->buf = devm_kmalloc(&pdev->dev, 4096, GFP_KERNEL);
	if (!priv->buf)
		return -ENOMEM;

	priv->label = devm_kstrdup(&pdev->dev, "mem", GFP_KERNEL);
	if (!priv->label)
		return -ENOMEM;

	ret = mem_parse(pdev, priv);
	if (ret) {
		kfree(priv); /* EXPECT */
		return ret;
	}
	platform_set_drvdata(pdev, priv);
	return 0;
}

static int mem_load(struct platform_device *pdev, const u8 *src)
{
	u8 *fw;
	int ret;

	fw = devm_kmemdup(&pdev->dev, src, 16, GFP_KERNEL);
	if (!fw)
		return -ENOMEM;
	ret = fw[0] == 0x7f ? 0 : -EINVAL;
	kvfree(fw); /* EXPECT */
	return ret;
}
