// SPDX-License-Identifier: GPL-2.0
/*
 * Operations on the kernel buffers and the copied-in ioctl argument the
 * binding passes; user memory touched only outside any kbind operation (a
 * raw debugfs file of the same driver, its helper), through a function
 * pointer field named like a uaccess helper, or with a SAFETY: comment.
 */
#include <linux/debugfs.h>
#include <linux/uaccess.h>
#include <kbind/misc.h>

struct bar_dev {
	char buf[64];
	size_t len;
	u32 value;
	int (*copy_to_user)(struct bar_dev *dev, void *to);
};

struct bar_file {
};

static ssize_t bar_read(struct bar_dev *dev, struct bar_file *f, char *buf,
			size_t len, loff_t *pos)
{
	if (*pos >= dev->len)
		return 0;
	len = min_t(size_t, len, dev->len - *pos);
	memcpy(buf, dev->buf + *pos, len);
	*pos += len;
	return len;
}

static ssize_t bar_write(struct bar_dev *dev, struct bar_file *f,
			 const char *buf, size_t len, loff_t *pos)
{
	len = min(len, sizeof(dev->buf));
	memcpy(dev->buf, buf, len);
	dev->len = len;
	return dev->copy_to_user(dev, dev->buf);
}

static long bar_ioctl(struct bar_dev *dev, struct bar_file *f,
		      unsigned int cmd, struct kb_ioctl *arg)
{
	switch (cmd) {
	case BAR_GET:
		*kb_ioctl_data(arg, BAR_GET, u32) = dev->value;
		return 0;
	case BAR_SET:
		dev->value = kb_ioctl_value(arg);
		return 0;
	default:
		return -ENOTTY;
	}
}

static loff_t bar_llseek(struct bar_dev *dev, struct bar_file *f,
			 struct file *file, loff_t off, int whence)
{
	/* SAFETY: a test of the escape hatch; nothing here blocks on user
	 * memory that the caller does not already hold.
	 */
	return copy_to_user(NULL, NULL, 0) ? -EFAULT : 0;
}

KB_MISC_DEVICE(bar_misc, struct bar_dev, struct bar_file,
	       .read = bar_read,
	       .write = bar_write,
	       .ioctl = bar_ioctl,
	       .llseek = bar_llseek);

/* A raw debugfs file: not a kbind operation, not under its access section. */
static ssize_t bar_dbg_copy(struct bar_dev *dev, char __user *ubuf,
			    size_t len, loff_t *pos)
{
	return simple_read_from_buffer(ubuf, len, pos, dev->buf, dev->len);
}

static ssize_t bar_dbg_read(struct file *file, char __user *ubuf, size_t len,
			    loff_t *pos)
{
	return bar_dbg_copy(file->private_data, ubuf, len, pos);
}

static const struct file_operations bar_dbg_fops = {
	.read = bar_dbg_read,
};
