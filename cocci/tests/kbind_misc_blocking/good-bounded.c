// SPDX-License-Identifier: GPL-2.0
/*
 * Waits that teardown ends or that are bounded, trylocks, a child device's
 * lock with a SAFETY: comment, and unbounded waits and device locks outside
 * any kbind operation (a work function, a raw file of the same driver).
 */
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/device.h>
#include <linux/pci.h>
#include <linux/wait.h>
#include <linux/workqueue.h>
#include <kbind/misc.h>
#include <kbind/wait.h>

struct baz_dev {
	struct pci_dev *pdev;
	struct device *child;
	struct kb_waitq waitq;
	wait_queue_head_t wq;
	struct completion done;
	struct work_struct work;
	bool ready;
};

struct baz_file {
};

static ssize_t baz_read(struct baz_dev *dev, struct baz_file *f, char *buf,
			size_t len, loff_t *pos)
{
	int ret;

	ret = kb_wait_event_interruptible(&dev->waitq, dev->ready);
	if (ret)
		return ret;
	ret = kb_wait_event_interruptible_timeout(&dev->waitq, dev->ready, HZ);
	if (ret <= 0)
		return ret ?: -ETIMEDOUT;
	if (!wait_event_timeout(dev->wq, dev->ready, HZ / 10))
		return -ETIMEDOUT;
	if (!wait_for_completion_timeout(&dev->done, msecs_to_jiffies(100)))
		return -ETIMEDOUT;
	schedule_timeout_interruptible(HZ);
	msleep(10);
	return 0;
}

static long baz_ioctl(struct baz_dev *dev, struct baz_file *f,
		      unsigned int cmd, struct kb_ioctl *arg)
{
	switch (cmd) {
	case BAZ_RESET:
		return pci_try_reset_function(dev->pdev);
	case BAZ_BUS_RESET:
		return pci_reset_bus(dev->pdev);
	case BAZ_STATE:
		if (!device_trylock(&dev->pdev->dev))
			return -EAGAIN;
		device_unlock(&dev->pdev->dev);
		return 0;
	case BAZ_CHILD:
		/* SAFETY: the child is a device of our own, not the owner;
		 * unbind deletes it only after every operation has ended.
		 */
		device_lock(dev->child);
		device_unlock(dev->child);
		return 0;
	default:
		return -ENOTTY;
	}
}

KB_MISC_DEVICE(baz_misc, struct baz_dev, struct baz_file,
	       .read = baz_read,
	       .ioctl = baz_ioctl);

/* Not an operation: a work function, cancelled by a teardown step. */
static void baz_work(struct work_struct *work)
{
	struct baz_dev *dev = container_of(work, struct baz_dev, work);

	wait_for_completion(&dev->done);
	device_lock(&dev->pdev->dev);
	device_unlock(&dev->pdev->dev);
}

/* A raw debugfs file of the same driver, not under an access section. */
static ssize_t baz_dbg_write(struct file *file, const char __user *ubuf,
			     size_t len, loff_t *pos)
{
	struct baz_dev *dev = file->private_data;

	wait_event_interruptible(dev->wq, dev->ready);
	return pci_reset_function(dev->pdev) ?: len;
}
