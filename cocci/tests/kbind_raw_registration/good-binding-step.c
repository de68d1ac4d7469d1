// SPDX-License-Identifier: GPL-2.0
/*
 * A driver on kbind using the binding's steps; a struct field or local
 * function named like a raw API is no call to it.
 */
#include <kbind/misc.h>
#include <kbind/irq.h>

struct foo {
	int irq;
	int (*add_disk)(struct foo *foo);
};

static int foo_publish(struct kb_publish *p, struct foo *foo)
{
	int ret;

	ret = kb_irq_request(p, &foo->irq_step, foo->irq, foo_irq, foo);
	if (ret)
		return ret;
	ret = foo->add_disk(foo);
	if (ret)
		return ret;
	return foo_misc_publish(p, foo, "foo");
}
