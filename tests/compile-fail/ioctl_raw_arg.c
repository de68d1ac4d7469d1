// SPDX-License-Identifier: GPL-2.0
/*
 * An ioctl that wants the caller's raw argument, to copy through it as a
 * user pointer inside the access section: a user page that never resolves
 * would then park unbind. The binding hands the argument already copied in.
 * expect: of 'long int \(\*\)\(.*struct kb_ioctl \*\)' from incompatible pointer
 */
#include "cf_common.h"

#ifdef KB_CF_CORRECT
static long cf_ioctl(struct cf_dev *d, struct cf_file *f, unsigned int cmd,
		     struct kb_ioctl *arg)
#else
static long cf_ioctl(struct cf_dev *d, struct cf_file *f, unsigned int cmd,
		     unsigned long arg)
#endif
{
	return -ENOTTY;
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
