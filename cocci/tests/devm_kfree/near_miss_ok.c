// SPDX-License-Identifier: GPL-2.0
/*
 * Near misses for kfree(): a variable that holds kmalloc() memory on
 * another path, a field the file also fills with kstrdup(), a field of
 * another structure that happens to share the name, and devm_kfree().
 */
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/string.h>

struct ok_priv {
	char *name;
	u8 *fw;
	u8 *cache;
};

struct ok_other {
	u8 *cache;
};

static void ok_rename(struct ok_priv *priv, const char *name)
{
	kfree(priv->name);
	priv->name = kstrdup(name, GFP_KERNEL);
}

static void ok_other_drop(struct ok_other *o)
{
	kfree(o->cache);
}

static int ok_probe(struct platform_device *pdev)
{
	struct ok_priv *priv;
	u8 *tmp;
	bool managed = device_property_read_bool(&pdev->dev, "managed");

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	priv->name = devm_kstrdup(&pdev->dev, "ok", GFP_KERNEL);
	priv->cache = devm_kzalloc(&pdev->dev, 64, GFP_KERNEL);

	if (managed)
		tmp = devm_kzalloc(&pdev->dev, 32, GFP_KERNEL);
	else
		tmp = kzalloc(32, GFP_KERNEL);
	if (!tmp)
		return -ENOMEM;
	if (!managed)
		kfree(tmp);

	priv->fw = devm_kmalloc(&pdev->dev, 128, GFP_KERNEL);
	if (!priv->fw)
		return -ENOMEM;
	devm_kfree(&pdev->dev, priv->fw);

	platform_set_drvdata(pdev, priv);
	return 0;
}
