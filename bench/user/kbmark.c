// SPDX-License-Identifier: GPL-2.0
/*
 * kbmark: execute the marker instruction of bench/plugin/kbind_icount.c
 * once, so the plugin records what the guest ran since the previous one.
 * Outside that plugin the instruction is a no-op.
 *
 * Usage: kbmark
 */

#include "kbmark.h"

int main(void)
{
	kbmark();
	return 0;
}
