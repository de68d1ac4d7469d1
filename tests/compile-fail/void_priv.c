// SPDX-License-Identifier: GPL-2.0
/*
 * A file operation that takes the device data as a raw void pointer, to
 * cast it itself: the typed table does not accept it.
 * expect: of 'long int \(\*\)\(struct cf_dev \*, struct cf_file \*,.* incompatible pointer
 */
#include "cf_common.h"

#ifdef KB_CF_CORRECT
static long cf_ioctl(struct cf_dev *d, struct cf_file *f, unsigned int cmd,
		     struct kb_ioctl *arg)
#else
static long cf_ioctl(void *d, struct cf_file *f, unsigned int cmd,
		     struct kb_ioctl *arg)
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
