// SPDX-License-Identifier: GPL-2.0
/*
 * kbind misc sample: a misc device on kbind, equivalent in function to the
 * Rust-for-Linux rust_misc_device sample.
 *
 * /dev/kbind-misc-sample holds an int value (ioctls GET_VALUE/SET_VALUE) and
 * a buffer of KB_SAMPLE_BUF_SIZE bytes (read/write/lseek), shared by every
 * open file under one mutex; HELLO counts per open file, and WAIT_VALUE
 * sleeps until another file sets a different value (or the module goes).
 */
#include <linux/fs.h>
#include <linux/module.h>
#include <linux/mutex.h>

#include <kbind/misc.h>
#include <kbind/wait.h>

#include "kbind_misc_sample.h"

struct sample_dev {
	struct mutex lock;	/* protects value, buf and len */
	struct kb_waitq value_changed;
	int value;
	size_t len;
	char buf[KB_SAMPLE_BUF_SIZE];
};

struct sample_file {
	unsigned int hellos;
};

static ssize_t sample_read(struct sample_dev *dev, struct sample_file *f,
			   char *buf, size_t len, loff_t *pos)
{
	ssize_t ret;

	if (*pos < 0)
		return -EINVAL;
	mutex_lock(&dev->lock);
	ret = memory_read_from_buffer(buf, len, pos, dev->buf, dev->len);
	mutex_unlock(&dev->lock);
	return ret;
}

static ssize_t sample_write(struct sample_dev *dev, struct sample_file *f,
			    const char *buf, size_t len, loff_t *pos)
{
	if (*pos < 0)
		return -EINVAL;
	if (len && *pos >= KB_SAMPLE_BUF_SIZE)
		return -ENOSPC;
	len = min_t(size_t, len, KB_SAMPLE_BUF_SIZE - *pos);
	mutex_lock(&dev->lock);
	memcpy(dev->buf + *pos, buf, len);
	*pos += len;
	if (*pos > dev->len)
		dev->len = *pos;
	mutex_unlock(&dev->lock);
	return len;
}

static loff_t sample_llseek(struct sample_dev *dev, struct sample_file *f,
			    struct file *file, loff_t off, int whence)
{
	loff_t ret;

	mutex_lock(&dev->lock);
	/* SAFETY: @file is the open file this call is for; the generic helper
	 * only updates its f_pos under its own f_lock.
	 */
	ret = fixed_size_llseek(file, off, whence, dev->len);
	mutex_unlock(&dev->lock);
	return ret;
}

static int sample_value(struct sample_dev *dev)
{
	int val;

	mutex_lock(&dev->lock);
	val = dev->value;
	mutex_unlock(&dev->lock);
	return val;
}

static long sample_ioctl(struct sample_dev *dev, struct sample_file *f,
			 unsigned int cmd, struct kb_ioctl *arg)
{
	int *val;
	int ret;

	switch (cmd) {
	case KB_SAMPLE_HELLO:
		pr_info("kbind-misc-sample: hello\n");
		return ++f->hellos;
	case KB_SAMPLE_GET_VALUE:
		val = kb_ioctl_data(arg, KB_SAMPLE_GET_VALUE, int);
		*val = sample_value(dev);
		return 0;
	case KB_SAMPLE_SET_VALUE:
		val = kb_ioctl_data(arg, KB_SAMPLE_SET_VALUE, int);
		if (*val < 0)
			return -EINVAL;
		mutex_lock(&dev->lock);
		dev->value = *val;
		mutex_unlock(&dev->lock);
		kb_wake_up(&dev->value_changed);
		return 0;
	case KB_SAMPLE_WAIT_VALUE:
		val = kb_ioctl_data(arg, KB_SAMPLE_WAIT_VALUE, int);
		ret = kb_wait_event_interruptible(&dev->value_changed,
						  sample_value(dev) != *val);
		if (ret)
			return ret;
		*val = sample_value(dev);
		return 0;
	default:
		return -ENOTTY;
	}
}

KB_MISC_DEVICE(sample_misc, struct sample_dev, struct sample_file,
	       .read = sample_read,
	       .write = sample_write,
	       .llseek = sample_llseek,
	       .ioctl = sample_ioctl);

static int sample_acquire(struct kb_probe *p, struct sample_dev *dev)
{
	mutex_init(&dev->lock);
	kb_waitq_init(p, &dev->value_changed);
	return 0;
}

static int sample_publish(struct kb_publish *p, struct sample_dev *dev)
{
	return sample_misc_publish(p, dev, KB_SAMPLE_NODE);
}

KB_MODULE(sample, struct sample_dev, sample_acquire, sample_publish);

MODULE_DESCRIPTION("kbind misc device sample");
MODULE_LICENSE("GPL");
