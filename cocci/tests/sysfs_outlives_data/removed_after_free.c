// SPDX-License-Identifier: GPL-2.0
/*
 * remove() frees the driver data and unmaps the registers before it
 * removes the sysfs files whose callbacks use them: a read in between
 * runs on freed memory.
 */
#include <linux/i2c.h>
#include <linux/io.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/sysfs.h>

struct bar_dev {
	void __iomem *regs;
	int mode;
};

static ssize_t regs_show(struct device *dev, struct device_attribute *attr,
			 char *buf)
{
	struct bar_dev *bd = dev_get_drvdata(dev);

	return sysfs_emit(buf, "%08x\n", readl(bd->regs));
}
static DEVICE_ATTR_RO(regs);

static ssize_t mode_show(struct device *dev, struct device_attribute *attr,
			 char *buf)
{
	struct bar_dev *bd = dev_get_drvdata(dev);

	return sysfs_emit(buf, "%d\n", bd->mode);
}
static DEVICE_ATTR_RO(mode);

static int bar_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct bar_dev *bd;
	int ret;

	bd = kzalloc(sizeof(*bd), GFP_KERNEL);
	if (!bd)
		return -ENOMEM;
	bd->regs = pci_iomap(pdev, 0, 0);
	pci_set_drvdata(pdev, bd);
	ret = device_create_file(&pdev->dev, &dev_attr_regs);
	if (ret)
		goto err;
	ret = device_create_file(&pdev->dev, &dev_attr_mode);
	if (ret)
		goto err_regs;
	return 0;

err_regs:
	device_remove_file(&pdev->dev, &dev_attr_regs);
err:
	pci_iounmap(pdev, bd->regs);
	kfree(bd);
	return ret;
}

static void bar_remove(struct pci_dev *pdev)
{
	struct bar_dev *bd = pci_get_drvdata(pdev);

	pci_iounmap(pdev, bd->regs);
	device_remove_file(&pdev->dev, &dev_attr_regs); /* EXPECT */
	kfree(bd);
	device_remove_file(&pdev->dev, &dev_attr_mode); /* EXPECT */
}

static struct pci_driver bar_driver = {
	.name = "bar",
	.probe = bar_probe,
	.remove = bar_remove,
};
module_pci_driver(bar_driver);
