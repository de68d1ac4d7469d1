// SPDX-License-Identifier: GPL-2.0
/*
 * Near misses: the variable is reassigned from kmalloc() before the
 * kfree(), the devm block is released with devm_kfree(), a helper frees a
 * variable that some branch fills from kmalloc(), and a field that the file
 * also fills from kmemdup() (a firmware copy replaced at runtime).
 */
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/string.h>

struct re_priv {
	u8 *fw;
	u8 *tbl;
};

static int re_setup(struct platform_device *pdev, struct re_priv *priv)
{
	u8 *buf;

	buf = devm_kzalloc(&pdev->dev, 64, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	priv->tbl = buf;

	buf = kmalloc(256, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	memset(buf, 0, 256);
	kfree(buf);
	return 0;
}

static int re_scratch(struct platform_device *pdev, size_t len)
{
	void *scratch;

	scratch = devm_kmalloc(&pdev->dev, len, GFP_KERNEL);
	if (!scratch)
		return -ENOMEM;
	memset(scratch, 0xff, len);
	devm_kfree(&pdev->dev, scratch);
	return 0;
}

static char *re_label(struct platform_device *pdev, bool managed)
{
	char *label;

	if (managed) {
		label = devm_kstrdup(&pdev->dev, "re", GFP_KERNEL);
	} else {
		label = kstrdup("re", GFP_KERNEL);
		if (label && strlen(label) > 8) {
			kfree(label);
			label = NULL;
		}
	}
	return label;
}

static int re_load(struct re_priv *priv, const u8 *data, size_t len)
{
	kfree(priv->fw);
	priv->fw = kmemdup(data, len, GFP_KERNEL);
	return priv->fw ? 0 : -ENOMEM;
}

static int re_probe(struct platform_device *pdev)
{
	struct re_priv *priv;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	priv->fw = devm_kmemdup(&pdev->dev, "\x7f", 1, GFP_KERNEL);
	if (!priv->fw)
		return -ENOMEM;
	if (re_setup(pdev, priv) || re_scratch(pdev, 32))
		return -EIO;
	if (!re_label(pdev, true))
		return -ENOMEM;
	platform_set_drvdata(pdev, priv);
	return re_load(priv, "\x7f", 1);
}
