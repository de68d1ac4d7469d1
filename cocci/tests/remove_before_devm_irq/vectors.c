// SPDX-License-Identifier: GPL-2.0
/*
 * IRQ vectors and devm IRQs. hisi_ptt's shape is right: the vectors'
 * release is a devm action registered before the IRQ, so devres frees the
 * IRQ first. The same action registered after the IRQ runs first, and
 * remove() freeing the vectors itself runs before devres: both leave the
 * devm IRQ to be freed on a vector that is gone.
 */
#include <linux/interrupt.h>
#include <linux/pci.h>

struct foo {
	struct pci_dev *pdev;
	void __iomem *regs;
};

static irqreturn_t foo_isr(int irq, void *data)
{
	struct foo *foo = data;

	writel(1, foo->regs);
	return IRQ_HANDLED;
}

static void foo_free_vectors(void *data)
{
	pci_free_irq_vectors(data);
}

static int foo_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct foo *foo;
	int ret;

	foo = devm_kzalloc(&pdev->dev, sizeof(*foo), GFP_KERNEL);
	if (!foo)
		return -ENOMEM;
	ret = pci_alloc_irq_vectors(pdev, 1, 1, PCI_IRQ_MSI);
	if (ret < 0)
		return ret;
	ret = devm_add_action_or_reset(&pdev->dev, foo_free_vectors, pdev);
	if (ret)
		return ret;
	return devm_request_irq(&pdev->dev, pci_irq_vector(pdev, 0), foo_isr,
				0, "foo", foo);
}

static void bar_free_vectors(void *data)
{
	pci_free_irq_vectors(data); /* EXPECT */
}

static int bar_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct foo *foo;
	int ret;

	foo = devm_kzalloc(&pdev->dev, sizeof(*foo), GFP_KERNEL);
	if (!foo)
		return -ENOMEM;
	ret = pci_alloc_irq_vectors(pdev, 1, 1, PCI_IRQ_MSI);
	if (ret < 0)
		return ret;
	ret = devm_request_irq(&pdev->dev, pci_irq_vector(pdev, 0), foo_isr,
			       0, "bar", foo);
	if (ret)
		return ret;
	return devm_add_action_or_reset(&pdev->dev, bar_free_vectors, pdev);
}

static void baz_remove(struct pci_dev *pdev)
{
	pci_free_irq_vectors(pdev); /* EXPECT */
}

static void qux_remove(struct pci_dev *pdev)
{
	struct foo *foo = pci_get_drvdata(pdev);

	devm_free_irq(&pdev->dev, pci_irq_vector(pdev, 0), foo);
	pci_free_irq_vectors(pdev);
}

static struct pci_driver baz_driver = {
	.name = "baz",
	.probe = bar_probe,
	.remove = baz_remove,
};

static struct pci_driver qux_driver = {
	.name = "qux",
	.probe = foo_probe,
	.remove = qux_remove,
};
