// SPDX-License-Identifier: GPL-2.0
/*
 * A constant register offset past the size the BAR declares.
 * expect: BAR access beyond the size the BAR declares
 */
#include <kbind/pci.h>
#include "cf_common.h"

struct cf_pci {
	KB_PCI_BAR(0x10) regs;
};

static u32 cf_read_last(struct cf_pci *d)
{
#ifdef KB_CF_CORRECT
	return kb_bar_read(&d->regs, 32, 0xc);
#else
	return kb_bar_read(&d->regs, 32, 0x10);
#endif
}

/* Referenced, so that the function is compiled. */
static const void *const cf_used __used = cf_read_last;
