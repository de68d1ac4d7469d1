// SPDX-License-Identifier: GPL-2.0
/*
 * A debugfs show callback written for another owner's data: the file
 * hands its callback the owner it was created for, with the owner's type.
 * expect: incompatible pointer type
 */
#include <kbind/debugfs.h>
#include "cf_common.h"

struct cf_dbg_dev {
	struct kb_debugfs_dir dir;
	int value;
};

#ifdef KB_CF_CORRECT
static int cf_show(struct seq_file *m, struct cf_dbg_dev *d)
{
	seq_printf(m, "%d\n", d->value);
	return 0;
}
#else
static int cf_show(struct seq_file *m, struct cf_other *o)
{
	seq_printf(m, "%ld\n", o->x);
	return 0;
}
#endif

KB_DEBUGFS_SHOW(cf_value, struct cf_dbg_dev, cf_show);

static int cf_acquire(struct kb_probe *p, struct cf_dbg_dev *d)
{
	return 0;
}

static int cf_publish(struct kb_publish *p, struct cf_dbg_dev *d)
{
	kb_debugfs_dir_publish(p, &d->dir, "kbind-cf");
	cf_value_create(p, &d->dir, "value", d);
	return 0;
}

KB_MODULE(cf, struct cf_dbg_dev, cf_acquire, cf_publish);
