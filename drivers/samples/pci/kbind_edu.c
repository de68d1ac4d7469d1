// SPDX-License-Identifier: GPL-2.0
/*
 * kbind PCI sample: QEMU's educational device (-device edu). Checks its ID
 * and liveness at probe, then publishes an IRQ handler (MSI, or INTx with
 * msi=0) and a misc node, /dev/kbind-edu-<PCI address>, through which user
 * space computes factorials on the device and raises interrupts.
 */
#include <linux/atomic.h>
#include <linux/module.h>
#include <linux/mutex.h>

#include <kbind/irq.h>
#include <kbind/misc.h>
#include <kbind/pci.h>
#include <kbind/wait.h>

#include "kbind_edu.h"

#define EDU_VENDOR		0x1234	/* QEMU */
#define EDU_DEVICE		0x11e8
#define EDU_ID			0x00
#define EDU_LIVENESS		0x04
#define EDU_FACTORIAL		0x08
#define EDU_STATUS		0x20
#define  EDU_STATUS_COMPUTING	0x01
#define  EDU_STATUS_IRQFACT	0x80
#define EDU_IRQ_STATUS		0x24
#define EDU_IRQ_RAISE		0x60
#define EDU_IRQ_ACK		0x64
#define EDU_REGS_END		0x68

#define EDU_IRQ_FACT		0x1	/* raised by the device */
#define EDU_IRQ_USER		0x10000	/* raised by KB_EDU_RAISE */
#define EDU_MAX_FACT		12	/* 13! does not fit in 32 bits */
#define EDU_TIMEOUT		(HZ / 2)

static bool msi = true;
module_param(msi, bool, 0444);
MODULE_PARM_DESC(msi, "Use MSI if available (default: true); INTx if false");

struct edu_info {
	u8 id_magic;		/* low byte of the identification register */
};

struct edu_dev {
	KB_PCI_BAR(EDU_REGS_END) regs;
	struct kb_irq irq;
	struct kb_step irq_enabled;
	struct kb_pci_reset reset;
	struct mutex lock;	/* one command at a time */
	struct kb_waitq wait;	/* woken by every interrupt */
	atomic_t pending;	/* interrupt causes acknowledged, not consumed */
	atomic64_t nr_irqs;
};

struct edu_file {
};

static const struct edu_info edu_qemu = { .id_magic = 0xed };

KB_PCI_INFO_TYPE(kbind_edu, struct edu_info);

static const struct pci_device_id kbind_edu_ids[] = {
	KB_PCI_INFO(kbind_edu, PCI_DEVICE(EDU_VENDOR, EDU_DEVICE), &edu_qemu),
	{ }
};

static irqreturn_t edu_irq(struct edu_dev *edu)
{
	u32 status = kb_bar_read(&edu->regs, 32, EDU_IRQ_STATUS);

	if (!status)
		return IRQ_NONE;	/* a shared INTx line, not ours */
	kb_bar_write(&edu->regs, 32, EDU_IRQ_ACK, status);
	atomic_or(status, &edu->pending);
	atomic64_inc(&edu->nr_irqs);
	kb_wake_up(&edu->wait);
	return IRQ_HANDLED;
}

KB_IRQ_HANDLER(edu_irq, struct edu_dev, edu_irq);

/* Write @val at @off (constant once inlined), then wait for the handler to
 * acknowledge @cause. Under edu->lock.
 */
static __always_inline int edu_cmd(struct edu_dev *edu, size_t off, u32 val,
				   u32 cause)
{
	atomic_t *pending = &edu->pending;
	long ret;

	atomic_andnot(cause, pending);
	kb_bar_write(&edu->regs, 32, off, val);
	ret = kb_wait_event_interruptible_timeout(&edu->wait,
						  atomic_read(pending) & cause,
						  EDU_TIMEOUT);
	if (ret < 0)
		return ret;
	return ret ? 0 : -ETIMEDOUT;
}

static long edu_factorial(struct edu_dev *edu, u32 *n)
{
	int ret;

	if (*n > EDU_MAX_FACT)
		return -EOVERFLOW;
	if (kb_bar_read(&edu->regs, 32, EDU_STATUS) & EDU_STATUS_COMPUTING)
		return -EBUSY;	/* one that timed out; it would drop this one */
	ret = edu_cmd(edu, EDU_FACTORIAL, *n, EDU_IRQ_FACT);
	if (!ret)
		*n = kb_bar_read(&edu->regs, 32, EDU_FACTORIAL);
	return ret;
}

/* Sleep until the interrupt count differs from *@count; no lock held. */
static long edu_wait_irq(struct edu_dev *edu, u64 *count)
{
	atomic64_t *nr = &edu->nr_irqs;
	int ret;

	ret = kb_wait_event_interruptible(&edu->wait,
					  (u64)atomic64_read(nr) != *count);
	if (!ret)
		*count = atomic64_read(&edu->nr_irqs);
	return ret;
}

static long edu_ioctl(struct edu_dev *edu, struct edu_file *f,
		      unsigned int cmd, struct kb_ioctl *arg)
{
	long ret = 0;
	u32 *v;

	if (cmd == KB_EDU_WAIT_IRQ)
		return edu_wait_irq(edu, kb_ioctl_data(arg, KB_EDU_WAIT_IRQ,
						       u64));
	mutex_lock(&edu->lock);
	switch (cmd) {
	case KB_EDU_GET_ID:
		*kb_ioctl_data(arg, KB_EDU_GET_ID, u32) =
			kb_bar_read(&edu->regs, 32, EDU_ID);
		break;
	case KB_EDU_LIVENESS:
		v = kb_ioctl_data(arg, KB_EDU_LIVENESS, u32);
		kb_bar_write(&edu->regs, 32, EDU_LIVENESS, *v);
		*v = kb_bar_read(&edu->regs, 32, EDU_LIVENESS);
		break;
	case KB_EDU_FACTORIAL:
		ret = edu_factorial(edu, kb_ioctl_data(arg, KB_EDU_FACTORIAL,
						       u32));
		break;
	case KB_EDU_RAISE:
		ret = edu_cmd(edu, EDU_IRQ_RAISE, EDU_IRQ_USER, EDU_IRQ_USER);
		break;
	case KB_EDU_GET_IRQ_COUNT:
		*kb_ioctl_data(arg, KB_EDU_GET_IRQ_COUNT, u64) =
			atomic64_read(&edu->nr_irqs);
		break;
	case KB_EDU_RESET:
		ret = kb_pci_reset(&edu->reset);
		break;
	default:
		ret = -ENOTTY;
	}
	mutex_unlock(&edu->lock);
	return ret;
}

KB_MISC_DEVICE(edu_misc, struct edu_dev, struct edu_file,
	       .ioctl = edu_ioctl);

static int edu_acquire(struct kb_pci_probe *pp, struct edu_dev *edu,
		       const struct edu_info *info)
{
	int ret;

	mutex_init(&edu->lock);
	kb_waitq_init(&pp->core, &edu->wait);
	kb_pci_reset_init(pp, &edu->reset);
	ret = kb_pci_enable_mem(pp) ?: kb_pci_set_master(pp) ?:
	      kb_pci_bar_map(pp, &edu->regs, 0);
	if (ret)
		return ret;
	if ((kb_bar_read(&edu->regs, 32, EDU_ID) & 0xff) != info->id_magic)
		return dev_err_probe(kb_probe_dev(&pp->core), -ENODEV, "not an edu\n");
	kb_bar_write(&edu->regs, 32, EDU_LIVENESS, 0x5a5aa5a5);
	if (kb_bar_read(&edu->regs, 32, EDU_LIVENESS) != ~0x5a5aa5a5U)
		return dev_err_probe(kb_probe_dev(&pp->core), -EIO, "not alive\n");
	return kb_pci_alloc_irq_vectors(pp, 1, 1, msi ?
					PCI_IRQ_MSI | PCI_IRQ_INTX :
					PCI_IRQ_INTX);
}

/* Quiesce before the handler goes: no new interrupt, none pending. */
static void edu_irq_disable(struct kb_step *step)
{
	struct edu_dev *edu = container_of(step, struct edu_dev, irq_enabled);

	kb_bar_write(&edu->regs, 32, EDU_STATUS, 0);
	kb_bar_write(&edu->regs, 32, EDU_IRQ_ACK, ~0U);
}

static int edu_publish(struct kb_pci_publish *pp, struct edu_dev *edu)
{
	char name[32];
	int ret;

	ret = edu_irq_request(&pp->core, &edu->irq, kb_pci_irq_vector(pp, 0),
			      IRQF_SHARED, edu);
	if (ret)
		return ret;
	kb_bar_write(&edu->regs, 32, EDU_STATUS, EDU_STATUS_IRQFACT);
	kb_published(&pp->core, &edu->irq_enabled, edu_irq_disable,
		     "edu interrupts");
	snprintf(name, sizeof(name), "kbind-edu-%s", pci_name(kb_pci_raw(pp)));
	return edu_misc_publish(&pp->core, edu, name);
}

KB_PCI_DRIVER(kbind_edu, struct edu_dev, edu_acquire, edu_publish);

MODULE_DESCRIPTION("kbind PCI sample: QEMU edu device");
MODULE_LICENSE("GPL");
