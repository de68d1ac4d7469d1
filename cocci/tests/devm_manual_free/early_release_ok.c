// SPDX-License-Identifier: GPL-2.0
/*
 * Managed resources released early with the devm_ forms, and unmanaged
 * ones released by hand: all correct.
 */
#include <linux/interrupt.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct baz_priv {
	u8 *fw;
	u8 *scratch;
	int irq;
};

static irqreturn_t baz_irq(int irq, void *data)
{
	return IRQ_HANDLED;
}

static int baz_probe(struct platform_device *pdev)
{
	struct baz_priv *priv;
	u8 *tmp;
	int ret;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	priv->fw = devm_kmalloc(&pdev->dev, 256, GFP_KERNEL);
	if (!priv->fw)
		return -ENOMEM;

	/* unmanaged scratch buffer: kfree() in remove is right */
	priv->scratch = kmalloc(64, GFP_KERNEL);
	if (!priv->scratch)
		return -ENOMEM;

	tmp = devm_kzalloc(&pdev->dev, 16, GFP_KERNEL);
	if (!tmp)
		return -ENOMEM;
	devm_kfree(&pdev->dev, tmp);
	/* the variable now holds unmanaged memory */
	tmp = kzalloc(16, GFP_KERNEL);
	kfree(tmp);

	priv->irq = platform_get_irq(pdev, 0);
	ret = devm_request_irq(&pdev->dev, priv->irq, baz_irq, 0, "baz", priv);
	if (ret)
		return ret;

	platform_set_drvdata(pdev, priv);
	return 0;
}

static void baz_remove(struct platform_device *pdev)
{
	struct baz_priv *priv = platform_get_drvdata(pdev);

	devm_free_irq(&pdev->dev, priv->irq, priv);
	devm_kfree(&pdev->dev, priv->fw);
	kfree(priv->scratch);
}
