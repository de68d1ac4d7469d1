// SPDX-License-Identifier: GPL-2.0
/*
 * Test module: the misuse that lockdep must report. A PCI driver for QEMU's
 * edu device whose misc node (/dev/kbind-devlock-misuse) takes the device's
 * device_lock inside the access section of a read, as a raw
 * pci_reset_function() in an operation would. An unbind waiting for that
 * section while it holds the same lock deadlocks; read once and unbind
 * after it, nothing hangs, but lockdep must report the cycle at the unbind:
 * the deadlock is found without the race that causes it.
 */
#include <linux/device.h>
#include <linux/module.h>

#include <kbind/misc.h>
#include <kbind/pci.h>

struct misuse_info {
};

struct misuse_dev {
	struct device *dev;
};

struct misuse_file {
};

static const struct misuse_info misuse_edu;

KB_PCI_INFO_TYPE(kb_devlock_misuse, struct misuse_info);

static const struct pci_device_id kb_devlock_misuse_ids[] = {
	KB_PCI_INFO(kb_devlock_misuse, PCI_DEVICE(0x1234, 0x11e8), &misuse_edu),
	{ }
};

static ssize_t misuse_read(struct misuse_dev *m, struct misuse_file *f,
			   char *buf, size_t len, loff_t *pos)
{
	/* The misuse under test, never to be copied: unbind holds this lock
	 * while it waits for the section this read runs in.
	 */
	device_lock(m->dev);
	device_unlock(m->dev);
	return 0;
}

KB_MISC_DEVICE(misuse_misc, struct misuse_dev, struct misuse_file,
	       .read = misuse_read);

static int misuse_acquire(struct kb_pci_probe *pp, struct misuse_dev *m,
			  const struct misuse_info *info)
{
	/* SAFETY: the device outlives the lifecycle that keeps the pointer. */
	m->dev = kb_probe_dev(&pp->core);
	return 0;
}

static int misuse_publish(struct kb_pci_publish *pp, struct misuse_dev *m)
{
	return misuse_misc_publish(&pp->core, m, "kbind-devlock-misuse");
}

KB_PCI_DRIVER(kb_devlock_misuse, struct misuse_dev, misuse_acquire,
	      misuse_publish);

MODULE_DESCRIPTION("kbind test: device_lock taken inside an access section");
MODULE_LICENSE("GPL");
