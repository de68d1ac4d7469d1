// SPDX-License-Identifier: GPL-2.0
/*
 * kbind PCI sample: QEMU's educational device (-device edu). Checks its ID
 * and liveness at probe, then publishes an IRQ handler (MSI, or INTx with
 * msi=0) and a misc node, /dev/kbind-edu-<PCI address>, through which user
 * space computes factorials on the device, raises interrupts, and sends
 * data through its DMA engine and back. Its sysfs attributes show the
 * liveness register and the power management callbacks it saw; the device
 * runtime suspends when unused (power/control permitting).
 */
#include <linux/atomic.h>
#include <linux/delay.h>
#include <linux/module.h>
#include <linux/mutex.h>

#include <kbind/dma.h>
#include <kbind/irq.h>
#include <kbind/misc.h>
#include <kbind/mmap.h>
#include <kbind/pci.h>
#include <kbind/pm.h>
#include <kbind/sysfs.h>
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
#define EDU_DMA_SRC		0x80
#define EDU_DMA_DST		0x88
#define EDU_DMA_COUNT		0x90
#define EDU_DMA_CMD		0x98
#define  EDU_DMA_RUN		0x1
#define  EDU_DMA_TO_RAM		0x2
#define  EDU_DMA_IRQ		0x4
#define EDU_REGS_END		0xa0

#define EDU_DMA_BUF		0x40000	/* the device's buffer, in its space */
#define EDU_DMA_BITS		28	/* the addresses it drives */

#define EDU_IRQ_FACT		0x1	/* raised by the device */
#define EDU_IRQ_DMA		0x100	/* raised by the device */
#define EDU_IRQ_USER		0x10000	/* raised by KB_EDU_RAISE */
#define EDU_MAX_FACT		12	/* 13! does not fit in 32 bits */
#define EDU_TIMEOUT		(HZ / 2)

static bool msi = true;
module_param(msi, bool, 0444);
MODULE_PARM_DESC(msi, "Use MSI if available (default: true); INTx if false");

struct edu_info {
	u8 id_magic;		/* low byte of the identification register */
};

struct edu_page {
	u8 data[KB_EDU_DMA_MAX + 1];
};

struct edu_dev {
	KB_PCI_BAR(EDU_REGS_END) regs;
	struct kb_dma dma;
	KB_DECLARE_DMA_COHERENT(to_dev, struct edu_page);
	KB_DECLARE_DMA_STREAM(from_dev, struct edu_page);
	struct kb_irq irq;
	struct kb_step irq_enabled;
	struct kb_pci_reset reset;
	struct mutex lock;	/* one command at a time */
	struct kb_waitq wait;	/* woken by every interrupt */
	atomic_t pending;	/* interrupt causes acknowledged, not consumed */
	atomic64_t nr_irqs;
	struct kb_rpm rpm;
	struct kb_sysfs_group attrs;
	atomic_t pm_calls[4];	/* suspend, resume, runtime ones */
};

struct edu_file {
	u64 seen;	/* the interrupt count KB_EDU_GET_IRQ_COUNT returned */
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

/*
 * Wait (@timeout at most) until the @busy bit of register @off is clear: a
 * command cut short by a signal, or by teardown while this one waited for
 * the lock, may still run, and the device would drop a new one. Under
 * edu->lock.
 */
static __always_inline long edu_wait_idle(struct edu_dev *edu, size_t off,
					  u32 busy, long timeout)
{
	long ret;

	ret = kb_wait_event_interruptible_timeout(&edu->wait,
						  !(kb_bar_read(&edu->regs, 32,
								off) & busy),
						  timeout);
	return ret > 0 ? 0 : ret ?: -EBUSY;
}

static long edu_factorial(struct edu_dev *edu, u32 *n)
{
	long ret;

	if (*n > EDU_MAX_FACT)
		return -EOVERFLOW;
	ret = edu_wait_idle(edu, EDU_STATUS, EDU_STATUS_COMPUTING, EDU_TIMEOUT);
	if (ret)
		return ret;
	ret = edu_cmd(edu, EDU_FACTORIAL, *n, EDU_IRQ_FACT);
	if (!ret)
		*n = kb_bar_read(&edu->regs, 32, EDU_FACTORIAL);
	return ret;
}

/* Move @len bytes between RAM at @src and @dst one way; under edu->lock. */
static int edu_dma(struct edu_dev *edu, u64 src, u64 dst, u32 len, u32 dir)
{
	long ret;

	kb_bar_write(&edu->regs, 64, EDU_DMA_SRC, src);
	kb_bar_write(&edu->regs, 64, EDU_DMA_DST, dst);
	kb_bar_write(&edu->regs, 64, EDU_DMA_COUNT, len);
	atomic_andnot(EDU_IRQ_DMA, &edu->pending);
	kb_bar_write(&edu->regs, 32, EDU_DMA_CMD,
		     EDU_DMA_RUN | EDU_DMA_IRQ | dir);
	/* a transfer takes 100 ms of the device's virtual time */
	ret = kb_wait_event_interruptible_timeout(&edu->wait,
						  atomic_read(&edu->pending) &
						  EDU_IRQ_DMA, 2 * HZ);
	if (ret < 0)
		return ret;
	return ret ? 0 : -ETIMEDOUT;
}

static long edu_dma_round_trip(struct edu_dev *edu, struct kb_edu_dma *arg)
{
	int ret;

	if (!arg->len || arg->len > KB_EDU_DMA_MAX)
		return -EINVAL;	/* the device would abort the machine */
	ret = edu_wait_idle(edu, EDU_DMA_CMD, EDU_DMA_RUN, 2 * HZ);
	if (ret)
		return ret;
	memcpy(kb_dma_cpu(&edu->to_dev)->data, arg->data, arg->len);
	ret = edu_dma(edu, kb_dma_addr(&edu->to_dev), EDU_DMA_BUF, arg->len, 0);
	if (ret)
		return ret;
	kb_dma_sync_for_device(&edu->from_dev);
	ret = edu_dma(edu, EDU_DMA_BUF, kb_dma_addr(&edu->from_dev), arg->len,
		      EDU_DMA_TO_RAM);
	kb_dma_sync_for_cpu(&edu->from_dev);
	if (!ret)
		memcpy(arg->data, kb_dma_cpu(&edu->from_dev)->data, arg->len);
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

/* Every command keeps the device active while it runs. */
static long edu_ioctl(struct edu_dev *edu, struct edu_file *f,
		      unsigned int cmd, struct kb_ioctl *arg)
{
	CLASS(kb_rpm_active, active)(&edu->rpm);
	long ret = 0;
	u32 *v;

	if (active.ret)
		return active.ret;
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
		f->seen = atomic64_read(&edu->nr_irqs);
		*kb_ioctl_data(arg, KB_EDU_GET_IRQ_COUNT, u64) = f->seen;
		break;
	case KB_EDU_RESET:
		ret = kb_pci_reset(&edu->reset);
		break;
	case KB_EDU_DMA:
		ret = edu_dma_round_trip(edu, kb_ioctl_data(arg, KB_EDU_DMA,
							    struct kb_edu_dma));
		break;
	default:
		ret = -ENOTTY;
	}
	mutex_unlock(&edu->lock);
	return ret;
}

/* Readable when interrupts came since this file last read the count. */
static __poll_t edu_poll(struct edu_dev *edu, struct edu_file *f,
			 struct kb_poll *pw)
{
	kb_poll_wait(pw, &edu->wait);
	return (u64)atomic64_read(&edu->nr_irqs) != f->seen ?
	       EPOLLIN | EPOLLRDNORM : 0;
}

/* Registers read-only: a user DMA command out of range aborts QEMU. */
static int edu_mmap(struct edu_dev *edu, struct edu_file *f,
		    struct kb_mmap *vm)
{
	switch (kb_mmap_offset(vm)) {
	case KB_EDU_MMAP_REGS:
		return kb_mmap_pci_bar(vm, &edu->regs, false);
	case KB_EDU_MMAP_DMA:
		return kb_mmap_dma(vm, &edu->to_dev, true);
	default:
		return -EINVAL;
	}
}

KB_MISC_DEVICE(edu_misc, struct edu_dev, struct edu_file,
	       .ioctl = edu_ioctl,
	       .poll = edu_poll,
	       .mmap = edu_mmap);

/*
 * Before the DMA buffers are freed: let a transfer in flight finish (it
 * takes 100 ms of virtual time); bus mastering is cleared after this.
 */
static void edu_dma_stop(struct edu_dev *edu)
{
	int i;

	for (i = 0; i < 100; i++) {
		if (!(kb_bar_read(&edu->regs, 32, EDU_DMA_CMD) & EDU_DMA_RUN))
			return;
		msleep(20);
	}
	pr_warn("kbind_edu: DMA still running after 2 s: cut off\n");
}

KB_DMA(edu_dma, struct edu_dev, edu_dma_stop);

static int edu_acquire(struct kb_pci_probe *pp, struct edu_dev *edu,
		       const struct edu_info *info)
{
	int ret;

	mutex_init(&edu->lock);
	kb_waitq_init(&pp->core, &edu->wait);
	kb_pci_reset_init(pp, &edu->reset);
	ret = kb_pci_enable_mem(pp) ?: kb_pci_bar_map(pp, &edu->regs, 0) ?:
	      edu_dma_setup(&pp->core, &edu->dma, EDU_DMA_BITS, edu) ?:
	      kb_pci_set_master(pp) ?:
	      kb_dma_alloc_coherent(&pp->core, &edu->dma, &edu->to_dev, 1) ?:
	      kb_dma_alloc_stream(&pp->core, &edu->dma, &edu->from_dev, 1,
				  DMA_FROM_DEVICE);
	if (ret)
		return ret;
	if ((kb_bar_read(&edu->regs, 32, EDU_ID) & 0xff) != info->id_magic)
		return dev_err_probe(kb_probe_dev(&pp->core), -ENODEV, "not an edu\n");
	kb_bar_write(&edu->regs, 32, EDU_LIVENESS, 0x5a5aa5a5);
	if (kb_bar_read(&edu->regs, 32, EDU_LIVENESS) != ~0x5a5aa5a5U)
		return dev_err_probe(kb_probe_dev(&pp->core), -EIO, "not alive\n");
	return kb_pci_alloc_irq_vectors(pp, 1, 1, msi ?
					PCI_IRQ_MSI | PCI_IRQ_INTX :
					PCI_IRQ_INTX) ?:
	       kb_pci_rpm_enable(pp, &edu->rpm);
}

/* Quiesce before the handler goes: no new interrupt, none pending. */
static void edu_irq_off(struct edu_dev *edu)
{
	kb_bar_write(&edu->regs, 32, EDU_STATUS, 0);
	kb_bar_write(&edu->regs, 32, EDU_IRQ_ACK, ~0U);
}

static void edu_irq_disable(struct kb_step *step)
{
	edu_irq_off(container_of(step, struct edu_dev, irq_enabled));
}

enum { EDU_PM_SUSPEND, EDU_PM_RESUME, EDU_PM_RT_SUSPEND, EDU_PM_RT_RESUME };

/* System sleep: no command runs (they hold the lock); interrupts off. */
static int edu_suspend(struct edu_dev *edu)
{
	guard(mutex)(&edu->lock);
	edu_irq_off(edu);
	atomic_inc(&edu->pm_calls[EDU_PM_SUSPEND]);
	return 0;
}

static int edu_resume(struct edu_dev *edu)
{
	guard(mutex)(&edu->lock);
	kb_bar_write(&edu->regs, 32, EDU_STATUS, EDU_STATUS_IRQFACT);
	atomic_inc(&edu->pm_calls[EDU_PM_RESUME]);
	return 0;
}

/* edu has no power states: runtime PM is only counted. */
static int edu_rt_suspend(struct edu_dev *edu)
{
	atomic_inc(&edu->pm_calls[EDU_PM_RT_SUSPEND]);
	return 0;
}

static int edu_rt_resume(struct edu_dev *edu)
{
	atomic_inc(&edu->pm_calls[EDU_PM_RT_RESUME]);
	return 0;
}

KB_PM_OPS_RUNTIME(kbind_edu, struct edu_dev, edu_suspend, edu_resume,
		  edu_rt_suspend, edu_rt_resume);

/* Reboot or power off: no interrupt, no transfer left running. */
static void edu_shutdown(struct edu_dev *edu)
{
	edu_irq_off(edu);
	edu_dma_stop(edu);
	pr_info("kbind_edu: shut down: interrupts off, no DMA running\n");
}

KB_SYSFS_GROUP_TYPE(edu_attrs, struct edu_dev);

static ssize_t edu_liveness_show(struct edu_dev *edu, char *buf)
{
	CLASS(kb_rpm_active, active)(&edu->rpm);

	if (active.ret)
		return active.ret;
	return sysfs_emit(buf, "%#x\n",
			  kb_bar_read(&edu->regs, 32, EDU_LIVENESS));
}

static ssize_t edu_liveness_store(struct edu_dev *edu, const char *buf,
				  size_t count)
{
	CLASS(kb_rpm_active, active)(&edu->rpm);
	u32 v;
	int ret = kstrtou32(buf, 0, &v);

	if (ret || active.ret)
		return ret ?: active.ret;
	/* not between the write and the read of a KB_EDU_LIVENESS */
	scoped_guard(mutex, &edu->lock)
		kb_bar_write(&edu->regs, 32, EDU_LIVENESS, v);
	return count;
}

KB_SYSFS_ATTR_RW(edu_attrs, liveness, edu_liveness_show, edu_liveness_store);

static ssize_t edu_pm_calls_show(struct edu_dev *edu, char *buf)
{
	atomic_t *c = edu->pm_calls;

	return sysfs_emit(buf, "%d %d %d %d\n", atomic_read(&c[0]),
			  atomic_read(&c[1]), atomic_read(&c[2]),
			  atomic_read(&c[3]));
}

KB_SYSFS_ATTR_RO(edu_attrs, pm_calls, edu_pm_calls_show);

KB_SYSFS_GROUP(edu_attrs, NULL, &edu_attrs_attr_liveness,
	       &edu_attrs_attr_pm_calls);

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
	return edu_misc_publish(&pp->core, edu, name) ?:
	       edu_attrs_publish(&pp->core, &edu->attrs, edu);
}

KB_PCI_DRIVER_PM(kbind_edu, struct edu_dev, edu_acquire, edu_publish,
		 edu_shutdown);

MODULE_DESCRIPTION("kbind PCI sample: QEMU edu device");
MODULE_LICENSE("GPL");
