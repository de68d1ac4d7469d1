/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * User interface of the kbind misc sample (/dev/kbind-misc-sample).
 */
#ifndef _KBIND_MISC_SAMPLE_H
#define _KBIND_MISC_SAMPLE_H

#include <linux/ioctl.h>

#define KB_SAMPLE_NODE		"kbind-misc-sample"
#define KB_SAMPLE_BUF_SIZE	4096

#define KB_SAMPLE_IOC_MAGIC	0xb7
/* Say hello; returns how many times this open file said hello. */
#define KB_SAMPLE_HELLO		_IO(KB_SAMPLE_IOC_MAGIC, 0x80)
/* Read the device's value into an int. */
#define KB_SAMPLE_GET_VALUE	_IOR(KB_SAMPLE_IOC_MAGIC, 0x81, int)
/* Set the device's value from an int; negative values are -EINVAL. */
#define KB_SAMPLE_SET_VALUE	_IOW(KB_SAMPLE_IOC_MAGIC, 0x82, int)
/*
 * Sleep until the device's value differs from the int given, then return
 * the new value in it; -ENODEV if the module goes away meanwhile.
 */
#define KB_SAMPLE_WAIT_VALUE	_IOWR(KB_SAMPLE_IOC_MAGIC, 0x83, int)

#endif /* _KBIND_MISC_SAMPLE_H */
