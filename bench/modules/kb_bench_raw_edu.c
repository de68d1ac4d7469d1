// SPDX-License-Identifier: GPL-2.0
/*
 * Raw-API twin of the kbind edu sample's interrupt round trip, for "make
 * bench": binds QEMU's edu device and publishes
 * /dev/kbind-bench-raw-edu-<PCI address>, whose KB_EDU_RAISE does what the
 * sample's does (runtime PM reference, command mutex, raise, wait until
 * the handler acknowledged it), and an interrupt handler reading and
 * acknowledging the status register like the sample's.
 *
 * Written on the kernel's API the way a careful driver would, including
 * what kbind does for the sample: the device data is reference counted by
 * the open files, and an ioctl runs under a read lock that remove() takes
 * for writing to mark the device dead, so one after unbind gets -ENODEV
 * instead of touching unmapped registers.
 */
#include <linux/atomic.h>
#include <linux/interrupt.h>
#include <linux/kref.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/pci.h>
#include <linux/pm_runtime.h>
#include <linux/rwsem.h>
#include <linux/slab.h>
#include <linux/wait.h>

#include "kbind_edu.h"

#define EDU_VENDOR		0x1234
#define EDU_DEVICE		0x11e8
#define EDU_STATUS		0x20
#define  EDU_STATUS_IRQFACT	0x80
#define EDU_IRQ_STATUS		0x24
#define EDU_IRQ_RAISE		0x60
#define EDU_IRQ_ACK		0x64
#define EDU_REGS_END		0xa0
#define EDU_IRQ_USER		0x10000
#define EDU_TIMEOUT		(HZ / 2)

struct raw_edu {
	struct kref ref;		/* the device, and each open file */
	struct rw_semaphore sem;	/* read: an ioctl; write: remove */
	bool dead;			/* under sem: removed */
	struct pci_dev *pdev;
	void __iomem *regs;
	int irq;
	struct mutex lock;		/* one command at a time */
	wait_queue_head_t wait;		/* woken by every interrupt */
	atomic_t pending;		/* causes acknowledged, not consumed */
	struct miscdevice misc;
	char name[40];
};

static void raw_edu_free(struct kref *ref)
{
	kfree(container_of(ref, struct raw_edu, ref));
}

static irqreturn_t raw_edu_irq(int irq, void *data)
{
	struct raw_edu *edu = data;
	u32 status = readl(edu->regs + EDU_IRQ_STATUS);

	if (!status)
		return IRQ_NONE;	/* a shared INTx line, not ours */
	writel(status, edu->regs + EDU_IRQ_ACK);
	atomic_or(status, &edu->pending);
	wake_up(&edu->wait);
	return IRQ_HANDLED;
}

/* misc_open() holds the misc list lock, which misc_deregister() takes
 * before remove() drops the device's reference: @edu is alive here.
 */
static int raw_edu_open(struct inode *inode, struct file *file)
{
	struct raw_edu *edu = container_of(file->private_data, struct raw_edu,
					   misc);

	kref_get(&edu->ref);
	file->private_data = edu;
	return 0;
}

static int raw_edu_release(struct inode *inode, struct file *file)
{
	struct raw_edu *edu = file->private_data;

	kref_put(&edu->ref, raw_edu_free);
	return 0;
}

/* Raise an interrupt, wait until the handler acknowledged it. */
static long raw_edu_raise(struct raw_edu *edu)
{
	long ret;

	ret = pm_runtime_resume_and_get(&edu->pdev->dev);
	if (ret)
		return ret;
	mutex_lock(&edu->lock);
	atomic_andnot(EDU_IRQ_USER, &edu->pending);
	writel(EDU_IRQ_USER, edu->regs + EDU_IRQ_RAISE);
	ret = wait_event_interruptible_timeout(edu->wait,
					       atomic_read(&edu->pending) &
					       EDU_IRQ_USER, EDU_TIMEOUT);
	mutex_unlock(&edu->lock);
	pm_runtime_put(&edu->pdev->dev);
	if (ret < 0)
		return ret;
	return ret ? 0 : -ETIMEDOUT;
}

static long raw_edu_ioctl(struct file *file, unsigned int cmd,
			  unsigned long arg)
{
	struct raw_edu *edu = file->private_data;
	long ret;

	if (cmd != KB_EDU_RAISE)
		return -ENOTTY;
	down_read(&edu->sem);
	ret = edu->dead ? -ENODEV : raw_edu_raise(edu);
	up_read(&edu->sem);
	return ret;
}

static const struct file_operations raw_edu_fops = {
	.owner = THIS_MODULE,
	.open = raw_edu_open,
	.release = raw_edu_release,
	.unlocked_ioctl = raw_edu_ioctl,
	.compat_ioctl = compat_ptr_ioctl,
};

static int raw_edu_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct raw_edu *edu = kzalloc(sizeof(*edu), GFP_KERNEL);
	int ret;

	if (!edu)
		return -ENOMEM;
	kref_init(&edu->ref);
	init_rwsem(&edu->sem);
	mutex_init(&edu->lock);
	init_waitqueue_head(&edu->wait);
	edu->pdev = pdev;
	ret = pci_enable_device_mem(pdev);
	if (ret)
		goto free;
	ret = pci_request_region(pdev, 0, "kb_bench_raw_edu");
	if (ret)
		goto disable;
	edu->regs = pci_iomap(pdev, 0, EDU_REGS_END);
	if (!edu->regs) {
		ret = -ENOMEM;
		goto release;
	}
	pci_set_master(pdev);	/* an MSI is a write by the device */
	ret = pci_alloc_irq_vectors(pdev, 1, 1, PCI_IRQ_ALL_TYPES);
	if (ret < 0)
		goto unmap;
	edu->irq = pci_irq_vector(pdev, 0);
	ret = request_irq(edu->irq, raw_edu_irq, IRQF_SHARED,
			  "kb_bench_raw_edu", edu);
	if (ret)
		goto vectors;
	writel(EDU_STATUS_IRQFACT, edu->regs + EDU_STATUS);
	snprintf(edu->name, sizeof(edu->name), "kbind-bench-raw-edu-%s",
		 pci_name(pdev));
	edu->misc.minor = MISC_DYNAMIC_MINOR;
	edu->misc.name = edu->name;
	edu->misc.fops = &raw_edu_fops;
	ret = misc_register(&edu->misc);
	if (ret)
		goto irq_off;
	pci_set_drvdata(pdev, edu);
	pm_runtime_put_noidle(&pdev->dev);
	return 0;

irq_off:
	writel(0, edu->regs + EDU_STATUS);
	free_irq(edu->irq, edu);
vectors:
	pci_free_irq_vectors(pdev);
unmap:
	pci_iounmap(pdev, edu->regs);
release:
	pci_release_region(pdev, 0);
disable:
	pci_disable_device(pdev);
free:
	kfree(edu);
	return ret;
}

static void raw_edu_remove(struct pci_dev *pdev)
{
	struct raw_edu *edu = pci_get_drvdata(pdev);

	pm_runtime_get_noresume(&pdev->dev);
	misc_deregister(&edu->misc);
	down_write(&edu->sem);		/* waits for the ioctls in flight */
	edu->dead = true;
	up_write(&edu->sem);
	writel(0, edu->regs + EDU_STATUS);
	writel(~0U, edu->regs + EDU_IRQ_ACK);
	free_irq(edu->irq, edu);
	pci_free_irq_vectors(pdev);
	pci_iounmap(pdev, edu->regs);
	pci_release_region(pdev, 0);
	pci_disable_device(pdev);
	kref_put(&edu->ref, raw_edu_free);
}

static const struct pci_device_id raw_edu_ids[] = {
	{ PCI_DEVICE(EDU_VENDOR, EDU_DEVICE) },
	{ }
};
MODULE_DEVICE_TABLE(pci, raw_edu_ids);

static struct pci_driver raw_edu_driver = {
	.name = "kb_bench_raw_edu",
	.id_table = raw_edu_ids,
	.probe = raw_edu_probe,
	.remove = raw_edu_remove,
};
module_pci_driver(raw_edu_driver);

MODULE_DESCRIPTION("kbind bench: the edu sample's interrupt round trip on the raw API");
MODULE_LICENSE("GPL");
