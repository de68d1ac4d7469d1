// SPDX-License-Identifier: GPL-2.0
/*
 * A register offset known only at run time through the constant-offset
 * accessor; it must go through the checked try accessor.
 * expect: BAR offset is not a compile-time constant
 */
#include <kbind/pci.h>
#include "cf_common.h"

struct cf_pci {
	KB_PCI_BAR(0x100) regs;
};

static int cf_read_at(struct cf_pci *d, size_t off, u32 *val)
{
#ifdef KB_CF_CORRECT
	return kb_bar_try_read(&d->regs, 32, off, val);
#else
	*val = kb_bar_read(&d->regs, 32, off);
	return 0;
#endif
}

/* Referenced, so that the function is compiled. */
static const void *const cf_used __used = cf_read_at;
