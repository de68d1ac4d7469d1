// SPDX-License-Identifier: GPL-2.0
/*
 * A BAR mapped without checking the result, then used: when the mapping
 * failed, the register access would go through an unmapped BAR.
 * expect: ignoring return value of '__kb_pci_bar_map'
 */
#include <kbind/pci.h>
#include "cf_common.h"

struct cf_pci {
	KB_PCI_BAR(0x10) regs;
};

static int cf_map(struct kb_pci_probe *pp, struct cf_pci *d)
{
#ifdef KB_CF_CORRECT
	int ret = kb_pci_bar_map(pp, &d->regs, 0);

	if (ret)
		return ret;
#else
	kb_pci_bar_map(pp, &d->regs, 0);
#endif
	return kb_bar_read(&d->regs, 32, 0x0);
}

/* Referenced, so that the function is compiled. */
static const void *const cf_used __used = cf_map;
