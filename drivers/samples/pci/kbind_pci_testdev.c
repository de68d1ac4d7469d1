// SPDX-License-Identifier: GPL-2.0
/*
 * kbind PCI sample: QEMU's PCI test device (-device pci-testdev), the
 * device of the Rust-for-Linux PCI sample (samples/rust/rust_driver_pci.rs),
 * doing the same: select the test the matched entry names, write its data
 * at the offset the device gives (known only at run time, so through the
 * checked accessor), and log the device's count of matching writes.
 */
#include <linux/module.h>

#include <kbind/pci.h>

#define TESTDEV_DEVICE		0x0005	/* Red Hat's PCI test device */

#define TESTDEV_TEST		0x0
#define TESTDEV_OFFSET		0x4
#define TESTDEV_DATA		0x8
#define TESTDEV_COUNT		0xc
#define TESTDEV_REGS_END	0x10

struct testdev_info {
	u8 test;		/* index of the device's test to run */
};

struct testdev {
	KB_PCI_BAR(TESTDEV_REGS_END) regs;
};

static const struct testdev_info testdev_no_eventfd = { .test = 0 };

KB_PCI_INFO_TYPE(kbind_pci_testdev, struct testdev_info);

static const struct pci_device_id kbind_pci_testdev_ids[] = {
	KB_PCI_INFO(kbind_pci_testdev,
		    PCI_DEVICE(PCI_VENDOR_ID_REDHAT, TESTDEV_DEVICE),
		    &testdev_no_eventfd),
	{ }
};

static int testdev_acquire(struct kb_pci_probe *pp, struct testdev *td,
			   const struct testdev_info *info)
{
	u32 offset;
	int ret;

	ret = kb_pci_enable_mem(pp) ?: kb_pci_set_master(pp) ?:
	      kb_pci_bar_map(pp, &td->regs, 0);
	if (ret)
		return ret;

	kb_bar_write(&td->regs, 8, TESTDEV_TEST, info->test);
	offset = kb_bar_read(&td->regs, 32, TESTDEV_OFFSET);
	ret = kb_bar_try_write(&td->regs, 8, offset,
			       kb_bar_read(&td->regs, 8, TESTDEV_DATA));
	if (ret)
		return dev_err_probe(kb_probe_dev(&pp->core), ret,
				     "test offset %#x is outside BAR 0\n",
				     offset);
	dev_info(kb_probe_dev(&pp->core), "pci-testdev data-match count: %u\n",
		 kb_bar_read(&td->regs, 32, TESTDEV_COUNT));
	return 0;
}

static int testdev_publish(struct kb_pci_publish *pp, struct testdev *td)
{
	return 0;	/* nothing for the outside world to call */
}

KB_PCI_DRIVER(kbind_pci_testdev, struct testdev, testdev_acquire,
	      testdev_publish);

MODULE_DESCRIPTION("kbind PCI sample: QEMU pci-testdev");
MODULE_LICENSE("GPL");
