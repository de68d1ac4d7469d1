// SPDX-License-Identifier: GPL-2.0
/*
 * kbmark: execute the marker instruction of bench/plugin/kbind_icount.c
 * once, so the plugin records what the guest ran since the previous one.
 * Outside that plugin the instruction is a no-op.
 *
 * Usage: kbmark
 */

int main(void)
{
	/* nopl 0x4b4d424b(%rax): a multi-byte no-op, "KBMK" its displacement */
	asm volatile(".byte 0x0f, 0x1f, 0x80, 0x4b, 0x42, 0x4d, 0x4b");
	return 0;
}
