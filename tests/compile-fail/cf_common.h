/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shared declarations of the compile-fail cases. Each case is built twice:
 * with KB_CF_CORRECT it must compile, without it must fail with the
 * diagnostic its "expect:" line gives.
 */
#ifndef _CF_COMMON_H
#define _CF_COMMON_H

#include <linux/module.h>
#include <kbind/misc.h>

struct cf_dev {
	int value;
};

struct cf_file {
	int n;
};

struct cf_other {
	long x;
};

MODULE_LICENSE("GPL");

#endif /* _CF_COMMON_H */
