// SPDX-License-Identifier: GPL-2.0
/*
 * Near misses: a goto after the declaration, a goto to a label outside
 * the variable's block, and a backward jump (leaving the scope runs the
 * cleanup, entering it again initialises it again).
 */
#include <linux/cleanup.h>
#include <linux/mutex.h>
#include <linux/slab.h>

struct foo {
	struct mutex lock;
	int n;
};

static int foo_after(struct foo *foo, int n)
{
	char *buf __free(kfree) = kzalloc(n, GFP_KERNEL);

	if (!buf)
		goto fail;
	return 0;
fail:
	return -ENOMEM;
}

static int foo_outside(struct foo *foo, int n)
{
	if (n < 0)
		goto out;
	{
		guard(mutex)(&foo->lock);
		foo->n = n;
	}
out:
	return 0;
}

static int foo_retry(struct foo *foo, int n)
{
	int tries = 3;
again:
	{
		char *buf __free(kfree) = kzalloc(n, GFP_KERNEL);

		if (!buf && --tries)
			goto again;
	}
	return tries ? 0 : -ENOMEM;
}
