// SPDX-License-Identifier: GPL-2.0
/*
 * Gotos that jump forward over a __free() declaration, or a guard(), to a
 * label in its scope: the cleanup runs on what was never initialised.
 */
#include <linux/cleanup.h>
#include <linux/mutex.h>
#include <linux/slab.h>

struct foo {
	struct mutex lock;
	u32 *table;
	int n;
};

static int foo_load(struct foo *foo, const u32 *src, int n)
{
	if (n <= 0)
		goto out; /* EXPECT */

	u32 *buf __free(kfree) = kmalloc_array(n, sizeof(*buf), GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	memcpy(buf, src, n * sizeof(*buf));
	foo->table = no_free_ptr(buf);
out:
	return 0;
}

static int foo_set(struct foo *foo, int n)
{
	if (n == foo->n)
		goto done; /* EXPECT */

	guard(mutex)(&foo->lock);
	foo->n = n;
done:
	return 0;
}
