// SPDX-License-Identifier: GPL-2.0
/*
 * A 32-bit register access at an offset that is not 32-bit aligned.
 * expect: misaligned BAR access
 */
#include <kbind/pci.h>
#include "cf_common.h"

struct cf_pci {
	KB_PCI_BAR(0x10) regs;
};

static void cf_write(struct cf_pci *d, u32 v)
{
#ifdef KB_CF_CORRECT
	kb_bar_write(&d->regs, 32, 0x4, v);
#else
	kb_bar_write(&d->regs, 32, 0x2, v);
#endif
}

/* Referenced, so that the function is compiled. */
static const void *const cf_used __used = cf_write;
