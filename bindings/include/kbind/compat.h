/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kbind compat layer: the kernel API drift between the kernels kbind
 * supports (Debian's 6.1 and 6.12), detected by feature rather than by
 * version number. Bindings include it; drivers do not need to.
 */
#ifndef _KBIND_COMPAT_H
#define _KBIND_COMPAT_H

#include <linux/pci.h>
#include <linux/platform_device.h>

#ifndef PCI_IRQ_INTX
/**
 * PCI_IRQ_INTX - allow the legacy INTx interrupt in pci_alloc_irq_vectors()
 *
 * 6.8 renamed PCI_IRQ_LEGACY to PCI_IRQ_INTX; on kernels with only the old
 * name the new one is provided, so drivers use the current spelling.
 */
#define PCI_IRQ_INTX PCI_IRQ_LEGACY
#endif

/*
 * 6.1's platform_driver.remove returns int, 6.12's returns void: pick the
 * callback whose type matches the member, whatever the kernel.
 */
#define __KB_PLATFORM_REMOVE_RETURNS_INT				\
	__builtin_types_compatible_p(					\
		typeof(((struct platform_driver *)NULL)->remove),	\
		int (*)(struct platform_device *))
#define __KB_PLATFORM_REMOVE(fn_int, fn_void)				\
	__builtin_choose_expr(__KB_PLATFORM_REMOVE_RETURNS_INT,		\
			      (fn_int), (fn_void))

#endif /* _KBIND_COMPAT_H */
