// SPDX-License-Identifier: GPL-2.0
/*
 * Raw-API twin of the kbind misc sample's value ioctls, for "make bench":
 * /dev/kbind-bench-raw-misc answers KB_SAMPLE_GET_VALUE and
 * KB_SAMPLE_SET_VALUE as /dev/kbind-misc-sample does, a mutex around the
 * value, written on the misc device API the way a careful driver would.
 * Its lifetime is the module's (the file operations' owner), so it needs
 * nothing more to outlive an open file.
 */
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/uaccess.h>

#include "kbind_misc_sample.h"

static DEFINE_MUTEX(raw_lock);	/* protects raw_value */
static int raw_value;

static long raw_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	int __user *uval = (int __user *)arg;
	int val;

	switch (cmd) {
	case KB_SAMPLE_GET_VALUE:
		mutex_lock(&raw_lock);
		val = raw_value;
		mutex_unlock(&raw_lock);
		return put_user(val, uval);
	case KB_SAMPLE_SET_VALUE:
		if (get_user(val, uval))
			return -EFAULT;
		if (val < 0)
			return -EINVAL;
		mutex_lock(&raw_lock);
		raw_value = val;
		mutex_unlock(&raw_lock);
		return 0;
	default:
		return -ENOTTY;
	}
}

static const struct file_operations raw_fops = {
	.owner = THIS_MODULE,
	.unlocked_ioctl = raw_ioctl,
	.compat_ioctl = compat_ptr_ioctl,
};

static struct miscdevice raw_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "kbind-bench-raw-misc",
	.fops = &raw_fops,
};

module_misc_device(raw_misc);

MODULE_DESCRIPTION("kbind bench: the misc sample's value ioctls on the raw API");
MODULE_LICENSE("GPL");
