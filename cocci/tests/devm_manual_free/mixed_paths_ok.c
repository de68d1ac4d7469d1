// SPDX-License-Identifier: GPL-2.0
/*
 * Near misses: a field that one path fills with managed memory and another
 * with kmalloc(), an IRQ the file also requests unmanaged, and a PCI device
 * disabled in suspend and re-enabled in resume.
 */
#include <linux/interrupt.h>
#include <linux/pci.h>
#include <linux/slab.h>

struct qux_priv {
	u8 *table;
	int irq;
	bool legacy;
};

static irqreturn_t qux_irq(int irq, void *data)
{
	return IRQ_HANDLED;
}

static int qux_grow_table(struct qux_priv *priv, size_t n)
{
	u8 *t = krealloc(priv->table, n, GFP_KERNEL);

	if (!t)
		return -ENOMEM;
	priv->table = t;
	return 0;
}

static int qux_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct qux_priv *priv;
	int ret;

	ret = pcim_enable_device(pdev);
	if (ret)
		return ret;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	priv->table = devm_kzalloc(&pdev->dev, 64, GFP_KERNEL);
	if (!priv->table)
		return -ENOMEM;

	priv->irq = pdev->irq;
	if (priv->legacy)
		ret = request_irq(priv->irq, qux_irq, IRQF_SHARED, "qux", priv);
	else
		ret = devm_request_irq(&pdev->dev, priv->irq, qux_irq,
				       IRQF_SHARED, "qux", priv);
	if (ret)
		return ret;

	pci_set_drvdata(pdev, priv);
	return qux_grow_table(priv, 128);
}

static void qux_remove(struct pci_dev *pdev)
{
	struct qux_priv *priv = pci_get_drvdata(pdev);

	if (priv->legacy)
		free_irq(priv->irq, priv);
	kfree(priv->table);
}

static int qux_suspend(struct device *dev)
{
	struct pci_dev *pdev = to_pci_dev(dev);

	pci_save_state(pdev);
	pci_disable_device(pdev);
	return 0;
}

static int qux_resume(struct device *dev)
{
	struct pci_dev *pdev = to_pci_dev(dev);

	pci_restore_state(pdev);
	return pci_enable_device(pdev);
}
