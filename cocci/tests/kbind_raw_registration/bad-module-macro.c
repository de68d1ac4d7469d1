// SPDX-License-Identifier: GPL-2.0
/*
 * A driver whose header includes kbind (so this file names only the kbind
 * handle types) but registers its driver with the raw module macro.
 */
#include "foo.h"

static int foo_acquire(struct kb_probe *p, struct foo *foo)
{
	/* Not a justification: the comment must start with the marker. */
	dev_set_drvdata(kb_probe_dev(p), foo); /* EXPECT */
	return 0;
}

static struct platform_driver foo_driver = {
	.driver.name = "foo",
};
module_platform_driver(foo_driver); /* EXPECT */
