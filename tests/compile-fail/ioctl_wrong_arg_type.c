// SPDX-License-Identifier: GPL-2.0
/*
 * An ioctl that reads its argument with another type than the command
 * encodes: the kernel copy holds _IOC_SIZE(cmd) bytes, so a larger type
 * would run past it.
 * expect: kb_ioctl_data\(\): the command's size is not the type's
 */
#include "cf_common.h"

#define CF_GET	_IOR('k', 1, int)

#ifdef KB_CF_CORRECT
#define CF_TYPE	int
#else
#define CF_TYPE	long long
#endif

static long cf_ioctl(struct cf_dev *d, struct cf_file *f, unsigned int cmd,
		     struct kb_ioctl *arg)
{
	switch (cmd) {
	case CF_GET:
		*kb_ioctl_data(arg, CF_GET, CF_TYPE) = d->value;
		return 0;
	default:
		return -ENOTTY;
	}
}

KB_MISC_DEVICE(cf_misc, struct cf_dev, struct cf_file, .ioctl = cf_ioctl);

static int cf_acquire(struct kb_probe *p, struct cf_dev *d)
{
	return 0;
}

static int cf_publish(struct kb_publish *p, struct cf_dev *d)
{
	return cf_misc_publish(p, d, "cf");
}

KB_MODULE(cf, struct cf_dev, cf_acquire, cf_publish);
