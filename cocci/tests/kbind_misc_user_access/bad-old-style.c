// SPDX-License-Identifier: GPL-2.0
/*
 * Operations written to the old contract, copying to and from user memory
 * themselves, directly or in the helpers they call.
 */
#include <linux/uaccess.h>
#include <kbind/misc.h>

struct foo_dev {
	char buf[64];
	size_t len;
	u32 value;
};

struct foo_file {
	unsigned int reads;
};

static ssize_t foo_read(struct foo_dev *dev, struct foo_file *f,
			char __user *buf, size_t len, loff_t *pos)
{
	f->reads++;
	return simple_read_from_buffer(buf, len, pos, dev->buf, dev->len); /* EXPECT */
}

static ssize_t foo_write(struct foo_dev *dev, struct foo_file *f,
			 const char __user *buf, size_t len, loff_t *pos)
{
	len = min(len, sizeof(dev->buf));
	if (copy_from_user(dev->buf, buf, len)) /* EXPECT */
		return -EFAULT;
	dev->len = len;
	return len;
}

static int foo_name(struct foo_dev *dev, const char __user *uname)
{
	char *name = strndup_user(uname, 32); /* EXPECT */

	if (IS_ERR(name))
		return PTR_ERR(name);
	kfree(name);
	return 0;
}

static long foo_set(struct foo_dev *dev, unsigned long arg)
{
	return foo_name(dev, (const char __user *)arg);
}

static long foo_ioctl(struct foo_dev *dev, struct foo_file *f,
		      unsigned int cmd, unsigned long arg)
{
	u32 __user *uval = (u32 __user *)arg;

	switch (cmd) {
	case FOO_GET:
		return put_user(dev->value, uval); /* EXPECT */
	case FOO_SET:
		/* checked below */
		if (get_user(dev->value, /* EXPECT */
			     uval))
			return -EFAULT;
		return 0;
	case FOO_NAME:
		return foo_set(dev, arg);
	default:
		return -ENOTTY;
	}
}

KB_MISC_DEVICE(foo_misc, struct foo_dev, struct foo_file,
	       .read = foo_read,
	       .write = foo_write,
	       .ioctl = foo_ioctl,
	       .compat_ioctl = foo_ioctl);
