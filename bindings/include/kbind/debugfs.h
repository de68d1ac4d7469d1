/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kbind debugfs: a directory of debugfs files scoped to a lifecycle, with
 * typed seq_file callbacks.
 *
 * The directory is a publication step: created in the publish phase,
 * removed (with every file in it) at teardown before anything acquired is
 * released. debugfs itself makes removal a revocation: its files are
 * created with proxy operations that count the callers inside, removal
 * waits for them, and an open file read after removal gets -EIO. The
 * callbacks get the owner's private data with its own type.
 *
 * As the kernel asks of debugfs users, a failure to create the directory
 * or a file is not an error of the driver: it is logged at debug level,
 * the files are simply missing, and nothing is returned to check.
 *
 * Guaranteed: no callback runs after the directory's undo, even for a
 * file user space keeps open. Still the driver's job: callbacks must not
 * wait for user space (they delay unbind while they run), and a value file
 * (kb_debugfs_u32(), kb_debugfs_bool()) must point into the private data
 * or other memory that outlives the directory.
 */
#ifndef _KBIND_DEBUGFS_H
#define _KBIND_DEBUGFS_H

#include <linux/debugfs.h>
#include <linux/err.h>
#include <linux/seq_file.h>

#include <kbind/lifecycle.h>

/**
 * struct kb_debugfs_dir - a debugfs directory of an owner (in the private
 *	data)
 * @step: publication step; undoing it removes the directory and its files
 * @dentry: the directory, or an ERR_PTR() when it could not be created
 */
struct kb_debugfs_dir {
	struct kb_step step;
	struct dentry *dentry;
};

static inline void __kb_debugfs_remove(struct kb_step *step)
{
	struct kb_debugfs_dir *d = container_of(step, struct kb_debugfs_dir,
						step);

	debugfs_remove_recursive(d->dentry);	/* waits for callers */
	d->dentry = NULL;
}

/**
 * kb_debugfs_dir_publish() - create the owner's debugfs directory
 * @p: publish-phase handle
 * @d: where it is kept (in the private data)
 * @name: its name at the root of debugfs (copied)
 *
 * Files are added to it with the helpers below, in the same publish phase.
 * A failure (debugfs disabled, the name taken, no memory) is logged at
 * debug level and leaves @d without a directory; the files then are not
 * created. As it cannot fail the probe, it is not a step the fault sweep
 * makes fail.
 *
 * Context: process context, publish phase only.
 */
static inline void kb_debugfs_dir_publish(struct kb_publish *p,
					  struct kb_debugfs_dir *d,
					  const char *name)
{
	if (WARN_ON_ONCE(d->step.undo))
		return;		/* published already: keep that one */
	d->dentry = debugfs_create_dir(name, NULL);
	if (IS_ERR(d->dentry)) {
		pr_debug("kbind: %s: debugfs directory %s: %pe\n",
			 module_name(__kb_lc(p)->owner), name, d->dentry);
		return;
	}
	kb_published(p, &d->step, __kb_debugfs_remove, "debugfs dir");
}

/**
 * kb_debugfs_u32() - a file showing (and with @mode 0600, setting) a u32
 * @p: publish-phase handle
 * @d: the owner's directory
 * @name: the file's name
 * @mode: its permissions
 * @value: the value, in memory that outlives @d (the private data)
 *
 * Context: process context, publish phase only.
 */
static inline void kb_debugfs_u32(struct kb_publish *p,
				  struct kb_debugfs_dir *d, const char *name,
				  umode_t mode, u32 *value)
{
	if (!IS_ERR_OR_NULL(d->dentry))
		debugfs_create_u32(name, mode, d->dentry, value);
}

/**
 * kb_debugfs_bool() - a file showing (and with @mode 0600, setting) a bool
 * @p: publish-phase handle
 * @d: the owner's directory
 * @name: the file's name
 * @mode: its permissions
 * @value: the value, in memory that outlives @d (the private data)
 *
 * Context: process context, publish phase only.
 */
static inline void kb_debugfs_bool(struct kb_publish *p,
				   struct kb_debugfs_dir *d, const char *name,
				   umode_t mode, bool *value)
{
	if (!IS_ERR_OR_NULL(d->dentry))
		debugfs_create_bool(name, mode, d->dentry, value);
}

/**
 * KB_DEBUGFS_SHOW() - declare a read-only seq_file debugfs file
 * @name: prefix of the generated symbols
 * @type: the owner's private data type, e.g. ``struct my_dev``
 * @show_fn: ``int show_fn(struct seq_file *m, type *owner)``; prints with
 *	seq_printf() and returns 0 or a negative errno
 *
 * Generates ``void name##_create(struct kb_publish *p,
 * struct kb_debugfs_dir *d, const char *file, type *owner)``, which adds
 * the file (mode 0400) to @d in the publish phase. @show_fn runs in
 * process context, between publication and the directory's undo.
 */
#define KB_DEBUGFS_SHOW(name, type, show_fn)				\
static int name##_kb_show(struct seq_file *m, void *unused)		\
{									\
	type *typed = m->private;					\
									\
	return show_fn(m, typed);					\
}									\
static int name##_kb_open(struct inode *inode, struct file *file)	\
{									\
	return single_open(file, name##_kb_show, inode->i_private);	\
}									\
static const struct file_operations name##_kb_fops = {			\
	.owner = THIS_MODULE,						\
	.open = name##_kb_open,						\
	.read = seq_read,						\
	.llseek = seq_lseek,						\
	.release = single_release,					\
};									\
static inline void name##_create(struct kb_publish *p,			\
				 struct kb_debugfs_dir *d,		\
				 const char *file, type *owner)		\
{									\
	if (!IS_ERR_OR_NULL(d->dentry))					\
		debugfs_create_file(file, 0400, d->dentry, owner,	\
				    &name##_kb_fops);			\
}

#endif /* _KBIND_DEBUGFS_H */
