/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * User interface of the kbind platform sample: one node per bound device,
 * /dev/kbind-pf<N>, reading and writing the device's memory resource.
 */
#ifndef _KBIND_PLATFORM_SAMPLE_H
#define _KBIND_PLATFORM_SAMPLE_H

#include <linux/ioctl.h>

#define KB_PF_MAGIC		0xb9
/* The matched id-table entry's model number. */
#define KB_PF_GET_MODEL		_IOR(KB_PF_MAGIC, 1, unsigned int)
/* The size of the device's memory resource. */
#define KB_PF_GET_SIZE		_IOR(KB_PF_MAGIC, 2, unsigned long long)
/* Interrupts of the device's "kick" IRQ handled since it was bound. */
#define KB_PF_GET_IRQ_COUNT	_IOR(KB_PF_MAGIC, 3, unsigned int)
/*
 * Sleep until the interrupt count differs from the unsigned int given, then
 * return the new count in it; -ENODEV if the device is unbound meanwhile.
 */
#define KB_PF_WAIT_IRQ		_IOWR(KB_PF_MAGIC, 4, unsigned int)

#endif /* _KBIND_PLATFORM_SAMPLE_H */
