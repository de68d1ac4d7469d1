/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The marker of bench/plugin/kbind_icount.c, for the bench's guest
 * programs: "nopl 0x4b4d424b(%rax)", a multi-byte no-op whose displacement
 * reads "KBMK" and no compiler emits. Outside that plugin it does nothing.
 */
#ifndef KBMARK_H
#define KBMARK_H

static inline void kbmark(void)
{
	asm volatile(".byte 0x0f, 0x1f, 0x80, 0x4b, 0x42, 0x4d, 0x4b");
}

#endif /* KBMARK_H */
