// SPDX-License-Identifier: GPL-2.0
/*
 * qla1280's shape: the BAR is mapped under #if MEMORY_MAPPED_IO and the
 * ladder unmaps it in the #if branch of a later group on the same
 * condition (its #else releases the I/O region the other configuration
 * requested): the branches spatch pairs across the two groups are never
 * compiled together. A later group on another condition does not count.
 */
#include <linux/io.h>
#include <linux/pci.h>

#define MEMORY_MAPPED_IO 1

struct foo {
	void __iomem *mmio;
	unsigned long io_port;
};

int foo_init_adapter(struct foo *foo);

static int foo_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct foo *foo = pci_get_drvdata(pdev);
	int error = -ENODEV;

#if MEMORY_MAPPED_IO
	foo->mmio = pci_ioremap_bar(pdev, 1);
	if (!foo->mmio)
		goto error;
#else
	foo->io_port = pci_resource_start(pdev, 0);
	if (!request_region(foo->io_port, 0xff, "foo"))
		goto error;
#endif

	if (foo_init_adapter(foo))
		goto error_release;
	return 0;

error_release:
#if MEMORY_MAPPED_IO
	iounmap(foo->mmio);
#else
	release_region(foo->io_port, 0xff);
#endif
error:
	return error;
}

static int bar_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct foo *foo = pci_get_drvdata(pdev);
	int error = -ENODEV;

#if MEMORY_MAPPED_IO
	foo->mmio = pci_ioremap_bar(pdev, 1);
	if (!foo->mmio)
		goto error;
#else
	foo->io_port = pci_resource_start(pdev, 0);
	if (!request_region(foo->io_port, 0xff, "foo"))
		goto error;
#endif

	if (foo_init_adapter(foo))
		goto error_release;
	return 0;

error_release:
#ifdef CONFIG_FOO_DEBUG
	iounmap(foo->mmio);
#else
	release_region(foo->io_port, 0xff);
#endif
error:
	return error; /* EXPECT */
}
