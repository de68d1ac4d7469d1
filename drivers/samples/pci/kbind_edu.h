/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * User interface of the kbind edu sample: one node per bound QEMU edu
 * device, /dev/kbind-edu-<PCI address>, e.g. /dev/kbind-edu-0000:00:03.0.
 */
#ifndef _KBIND_EDU_H
#define _KBIND_EDU_H

#include <linux/ioctl.h>
#include <linux/types.h>

#define KB_EDU_MAGIC		0xbe
/* The identification register (0x010000ed: version 1.0). */
#define KB_EDU_GET_ID		_IOR(KB_EDU_MAGIC, 1, __u32)
/* Liveness check: the device returns the bitwise inverse of the value. */
#define KB_EDU_LIVENESS		_IOWR(KB_EDU_MAGIC, 2, __u32)
/* n! computed by the device, n <= 12 (-EOVERFLOW above); IRQ-driven. */
#define KB_EDU_FACTORIAL	_IOWR(KB_EDU_MAGIC, 3, __u32)
/* Raise an interrupt and wait until the handler acknowledged it. */
#define KB_EDU_RAISE		_IO(KB_EDU_MAGIC, 4)
/*
 * Interrupts the handler has acknowledged since the device was bound. The
 * node polls readable (and sends SIGIO with O_ASYNC) once the count
 * differs from what this call last returned on the file.
 */
#define KB_EDU_GET_IRQ_COUNT	_IOR(KB_EDU_MAGIC, 5, __u64)
/*
 * Sleep until the interrupt count differs from the __u64 given, then return
 * the new count in it; -ENODEV if the device is unbound meanwhile.
 */
#define KB_EDU_WAIT_IRQ		_IOWR(KB_EDU_MAGIC, 6, __u64)
/*
 * Reset the function (its device_lock taken only if free, so an unbind
 * racing it makes it fail with -ENODEV); -ENOTTY if it has no reset method.
 */
#define KB_EDU_RESET		_IO(KB_EDU_MAGIC, 7)

/*
 * The most one KB_EDU_DMA moves: the device's buffer is 4096 bytes, but
 * QEMU's range check refuses (aborting the machine) a transfer that ends
 * at its last byte.
 */
#define KB_EDU_DMA_MAX		4095

/*
 * A round trip through the device's DMA engine: the driver puts the len
 * bytes of data in a coherent buffer, the device reads them into its own
 * buffer, then writes them back to a streaming buffer, which the driver
 * copies back into data. -EINVAL unless 1 <= len <= KB_EDU_DMA_MAX;
 * -ENODEV if the device is unbound meanwhile.
 */
struct kb_edu_dma {
	__u32 len;
	__u32 pad;
	__u8 data[KB_EDU_DMA_MAX + 1];
};

#define KB_EDU_DMA		_IOWR(KB_EDU_MAGIC, 8, struct kb_edu_dma)

/*
 * mmap offsets, one page each: the device's registers, read-only, and the
 * coherent DMA buffer KB_EDU_DMA sends from, writable. Both are zapped at
 * unbind: a later access gets SIGBUS.
 */
#define KB_EDU_MMAP_REGS	0
#define KB_EDU_MMAP_DMA		4096

#endif /* _KBIND_EDU_H */
