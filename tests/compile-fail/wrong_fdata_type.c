// SPDX-License-Identifier: GPL-2.0
/*
 * A file operation that expects another per-open data type than the one the
 * misc device declares.
 * expect: of 'ssize_t \(\*\)\(struct cf_dev \*, struct cf_file \*,.* incompatible pointer
 */
#include "cf_common.h"

#ifdef KB_CF_CORRECT
static ssize_t cf_read(struct cf_dev *d, struct cf_file *f, char *buf,
		       size_t len, loff_t *pos)
#else
static ssize_t cf_read(struct cf_dev *d, struct cf_other *f, char *buf,
		       size_t len, loff_t *pos)
#endif
{
	return 0;
}

KB_MISC_DEVICE(cf_misc, struct cf_dev, struct cf_file, .read = cf_read);

static int cf_acquire(struct kb_probe *p, struct cf_dev *d)
{
	return 0;
}

static int cf_publish(struct kb_publish *p, struct cf_dev *d)
{
	return cf_misc_publish(p, d, "cf");
}

KB_MODULE(cf, struct cf_dev, cf_acquire, cf_publish);
