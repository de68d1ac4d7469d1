// SPDX-License-Identifier: GPL-2.0
/*
 * Correct IRQ lookups: tested with < 0 (and 0 rejected besides, as in
 * libahci_platform), "<= 0" with the 0 turned into an error, "<= 0" on a
 * lookup that never returns 0, an optional IRQ used only when > 0, and
 * irq_of_parse_and_map(), which does return 0 on failure.  Also left alone
 * on purpose: "<= 0" returning a fixed errno (it loses -EPROBE_DEFER, but
 * returning that from probe is optional), and a zero test followed by the
 * sign test before the IRQ is used.
 */
#include <linux/interrupt.h>
#include <linux/of_irq.h>
#include <linux/platform_device.h>

struct ok_priv {
	int irq;
	int irq_wake;
	unsigned int legacy_irq;
};

static int ok_probe(struct platform_device *pdev)
{
	struct device_node *np = pdev->dev.of_node;
	struct ok_priv *priv;
	int irq;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	irq = platform_get_irq(pdev, 0);
	if (irq < 0)
		return irq;
	if (!irq)
		return -EINVAL;
	priv->irq = irq;

	irq = of_irq_get(np, 1);
	if (irq <= 0)
		return irq ? : -ENXIO;

	irq = platform_get_irq_byname(pdev, "tx");
	if (irq <= 0)
		return irq;

	irq = fwnode_irq_get(dev_fwnode(&pdev->dev), 2);
	if (irq <= 0)
		return -EINVAL;

	priv->irq_wake = platform_get_irq_optional(pdev, 3);
	if (priv->irq_wake == -EPROBE_DEFER)
		return -EPROBE_DEFER;
	if (priv->irq_wake > 0)
		enable_irq_wake(priv->irq_wake);

	irq = platform_get_irq_byname_optional(pdev, "err");
	if (!irq)
		return -EINVAL;
	if (irq < 0)
		return irq;

	priv->legacy_irq = irq_of_parse_and_map(np, 4);
	if (!priv->legacy_irq)
		return -EINVAL;

	platform_set_drvdata(pdev, priv);
	return 0;
}

/* qcom-labibb: the 0 of of_irq_get_byname() is turned into -EINVAL. */
static int ok_child_irq(struct device_node *child)
{
	int irq;

	irq = of_irq_get_byname(child, "sc-err");
	if (irq <= 0) {
		if (irq == 0)
			irq = -EINVAL;
		of_node_put(child);
		return irq;
	}
	return 0;
}
