/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kbind misc binding: misc character devices with typed per-open data, whose
 * open files survive the device, and whose teardown never waits on user
 * space.
 *
 * A misc node is a publication step of its owner (a module or a bound
 * device): it is registered in the publish phase and withdrawn first at
 * teardown. File operations reach the owner's private data only inside an
 * access section of a &struct kb_revocable, and never touch user memory
 * there: the generated trampolines copy a write's data and an ioctl's
 * argument in before entering, and a read's data and an ioctl's result out
 * after leaving. A user page that never resolves (userfaultfd, FUSE) or a
 * faulting pointer therefore parks or fails the system call outside the
 * section, and teardown does not wait for it.
 *
 * Teardown: the revoke hook deregisters the node and kills the revocable
 * (new operations get -ENODEV), every &struct kb_waitq of the owner wakes its
 * sleepers (see <kbind/wait.h>), then the undo waits for the operations in
 * flight, calls the driver's per-file revoke hook on every file still open
 * (the owner's data still valid), and drops the registration's reference.
 * The node's memory is freed at the last close. Driver code never sees
 * &struct file's private_data nor a ``__user`` pointer.
 *
 * poll and fasync: pollers (poll(2), select(2), epoll, io_uring) wait on a
 * wait queue of the node, not of the owner's data, so that an epoll entry
 * or a sleeping poll(2) that outlives the owner never touches freed memory:
 * the node lives until the last file is closed, and the kernel removes
 * every poll entry of a file before that. The driver's poll operation
 * names the &struct kb_waitq its events are signalled on
 * (kb_poll_wait()); the node hooks a forwarding entry onto it, so every
 * kb_wake_up() of that queue wakes the node's pollers and sends SIGIO to
 * the files that asked for it (O_ASYNC). Teardown unhooks it before the
 * owner's data is freed and wakes every poller, whose next poll sees
 * EPOLLERR | EPOLLHUP.
 *
 * mmap: every open file's f_mapping is an address space of the node, so
 * the node knows every user mapping made through any of its files. The
 * driver's mmap operation maps device memory or a DMA buffer with the
 * helpers of <kbind/mmap.h>; teardown zaps every such mapping
 * (unmap_mapping_range()) in the revoke pass and again once no mmap
 * operation runs, before the owner's resources are released. A later
 * access to the mapping gets SIGBUS; munmap() and close work as usual.
 *
 * Guaranteed: no operation runs on the owner's data after the undo
 * returned; teardown waits only as long as the longest operation running
 * in the kernel. Still the driver's job: operations must sleep only on a
 * &struct kb_waitq or for bounded kernel work, never take the owner
 * device's device_lock (unbind holds it while it waits: deadlock; lockdep
 * kernels report it at the first unbind after it happened), and never
 * keep @dev beyond the call (storing it in the per-open data is a
 * use-after-free after teardown: ``make cocci`` reports it).
 */
#ifndef _KBIND_MISC_H
#define _KBIND_MISC_H

#include <linux/compat.h>
#include <linux/fs.h>
#include <linux/ioctl.h>
#include <linux/kref.h>
#include <linux/list.h>
#include <linux/miscdevice.h>
#include <linux/mm.h>
#include <linux/mutex.h>
#include <linux/poll.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include <kbind/compat.h>
#include <kbind/lifecycle.h>
#include <kbind/revocable.h>
#include <kbind/wait.h>

/**
 * define KB_MISC_IO_MAX - the most one read or write moves
 *
 * Longer calls are short reads and writes, which read(2) and write(2)
 * allow. The data goes through a kernel buffer of that size at most.
 */
#define KB_MISC_IO_MAX		SZ_64K
/* ioctl arguments up to this size are copied through the stack */
#define __KB_IOCTL_STACK	128

/**
 * struct kb_misc - a published misc node (binding-internal)
 * @mdev: the registered misc device
 * @step: publication step of the owner's lifecycle
 * @rev: the owner's private data, killed when the node is withdrawn
 * @ref: one reference for the registration plus one per open file
 * @files_lock: protects @files and @priv; taken by release and by teardown
 *	after the operations in flight have ended
 * @files: open files, while @priv is set
 * @priv: the owner's private data for the release and revoke hooks; NULL
 *	once teardown revoked every open file
 * @revoke_file: the driver's per-file revoke hook, generated; or NULL
 * @poll_wq: what the node's pollers wait on; lives as long as the node
 * @fasync: the files that asked for SIGIO
 * @fwd: the node's entry on @fwd_q: wakes @poll_wq, signals @fasync
 * @fwd_q: the owner's queue that the driver's poll named; NULL before
 *	the first poll and after teardown unhooked @fwd
 * @fwd_lock: serialises hooking and unhooking @fwd, and setting the
 *	host of @mapping
 * @mapping: every open file's f_mapping: where its user mappings are
 *	linked, and zapped from at teardown; its host is the first opener's
 *	inode, held
 */
struct kb_misc {
	struct miscdevice mdev;
	struct kb_step step;
	struct kb_revocable rev;
	struct kref ref;
	struct mutex files_lock;	/* @files, @priv */
	struct list_head files;
	void *priv;
	void (*revoke_file)(void *dev, void *fdata);
	wait_queue_head_t poll_wq;
	struct fasync_struct *fasync;
	struct wait_queue_entry fwd;
	struct kb_waitq *fwd_q;
	spinlock_t fwd_lock;		/* @fwd_q, @mapping.host */
	struct address_space mapping;
};

/**
 * struct kb_mmap - an mmap operation's request (see <kbind/mmap.h>)
 * @vma: the new mapping; private to the bindings
 */
struct kb_mmap {
	struct vm_area_struct *__private vma;
};

/* A node's mapping has no pages: the empty operations of a pseudo inode. */
static const struct address_space_operations __kb_misc_aops = {};

/* A user mapping whose pages were zapped at teardown: SIGBUS. */
static inline vm_fault_t __kb_misc_fault(struct vm_fault *vmf)
{
	return VM_FAULT_SIGBUS;
}

static const struct vm_operations_struct __kb_misc_vm_ops = {
	.fault = __kb_misc_fault,
};

/* Zap every user mapping made through the node's files. */
static inline void __kb_misc_zap(struct kb_misc *m)
{
	unmap_mapping_range(&m->mapping, 0, 0, 1);
}

/**
 * struct kb_poll - what a poll operation waits with (binding-internal)
 * @misc: the node being polled
 */
struct kb_poll {
	struct kb_misc *misc;
};

/* The owner's queue was woken: wake the node's pollers, signal SIGIO. */
static inline int __kb_misc_fwd_wake(struct wait_queue_entry *wait,
				     unsigned int mode, int sync, void *key)
{
	struct kb_misc *m = container_of(wait, struct kb_misc, fwd);

	wake_up_all(&m->poll_wq);
	kill_fasync(&m->fasync, SIGIO, POLL_IN);
	return 0;
}

/**
 * kb_poll_wait() - name the queue a poll operation's events come from
 * @pw: the poll operation's argument
 * @q: a &struct kb_waitq of the owner, woken (kb_wake_up()) whenever what
 *	poll reports may have changed; the same queue on every call
 *
 * Call it before reading the state the returned mask is made of, as with
 * poll_wait(): a wake-up after the call is not lost.
 *
 * Context: inside the poll operation.
 */
static inline void kb_poll_wait(struct kb_poll *pw, struct kb_waitq *q)
{
	struct kb_misc *m = pw->misc;

	if (READ_ONCE(m->fwd_q) == q)
		return;
	spin_lock(&m->fwd_lock);
	if (!m->fwd_q) {
		add_wait_queue(&q->wq, &m->fwd);
		WRITE_ONCE(m->fwd_q, q);
	}
	spin_unlock(&m->fwd_lock);
	WARN_ONCE(READ_ONCE(m->fwd_q) != q,
		  "kbind: %s: poll names another queue than before\n",
		  m->mdev.name);
}

/**
 * struct kb_misc_file - one open file of a kbind misc node (binding-internal)
 * @misc: the node, kept allocated by a reference while the file is open
 * @node: in the node's list of files, while its owner is live
 * @fdata: the driver's typed per-open data
 */
struct kb_misc_file {
	struct kb_misc *misc;
	struct list_head node;
	u8 fdata[] __aligned(ARCH_KMALLOC_MINALIGN);
};

/**
 * struct kb_ioctl - an ioctl's argument, copied in by the binding
 * @cmd: the command the argument belongs to
 * @value: the argument as the caller passed it
 * @data: for a command with a direction and a size (_IOR, _IOW, _IOWR),
 *	a zeroed kernel buffer of _IOC_SIZE(@cmd) bytes, filled from user
 *	space for _IOW and _IOWR, copied back after a successful call for
 *	_IOR and _IOWR; NULL otherwise
 *
 * Read it with kb_ioctl_data() or kb_ioctl_value(), never directly.
 */
struct kb_ioctl {
	unsigned int cmd;
	unsigned long value;
	void *data;
};

/**
 * kb_ioctl_data() - an ioctl's argument as a typed kernel pointer
 * @arg: the &struct kb_ioctl the operation got
 * @cmd: the command, a constant (the ``case`` label the call is in)
 * @type: the argument's type: _IOC_SIZE(@cmd) must be its size
 *
 * A @cmd that is not a constant, has no direction, or whose size is not
 * sizeof(@type) is a build error. What the operation writes there reaches
 * user space after it returns (for _IOR and _IOWR commands), if it returns
 * 0 or more.
 *
 * Context: inside the ioctl operation; valid until it returns.
 * Return: the kernel copy of the argument; NULL if @arg is for another
 * command than @cmd.
 */
#define kb_ioctl_data(arg, cmd, type)					\
	((type *)__kb_ioctl_data(arg, cmd, sizeof(type)))

/* The check of kb_ioctl_data(), folded once inlined. */
static __always_inline void *__kb_ioctl_data(const struct kb_ioctl *arg,
					     unsigned int cmd, size_t size)
{
	BUILD_BUG_ON_MSG(!__builtin_constant_p(cmd) ||
			 _IOC_DIR(cmd) == _IOC_NONE || _IOC_SIZE(cmd) != size,
			 "kb_ioctl_data(): the command's size is not the type's");
	return arg->cmd == cmd ? arg->data : NULL;
}

/**
 * kb_ioctl_value() - an ioctl's argument as the caller passed it
 * @arg: the &struct kb_ioctl the operation got
 *
 * For _IO commands, whose argument is a number. Using it as a user pointer
 * is an escape hatch: copying through it inside the operation parks
 * teardown on user space.
 *
 * Context: inside the ioctl operation.
 * Return: the raw argument.
 */
static inline unsigned long kb_ioctl_value(const struct kb_ioctl *arg)
{
	return arg->value;
}

static inline void __kb_misc_free(struct kref *ref)
{
	struct kb_misc *m = container_of(ref, struct kb_misc, ref);

	kb_revocable_destroy(&m->rev);
	if (m->mapping.host)
		iput(m->mapping.host);
	kfree_const(m->mdev.name);
	kfree(m);
}

/* Revoke: no new open, and no operation gets the owner's data any more. */
static inline void __kb_misc_revoke(struct kb_step *step)
{
	struct kb_misc *m = container_of(step, struct kb_misc, step);

	misc_deregister(&m->mdev);
	kb_revocable_kill(&m->rev);
	/* pollers poll again and see EPOLLERR | EPOLLHUP */
	wake_up_all(&m->poll_wq);
	kill_fasync(&m->fasync, SIGIO, POLL_HUP);
	__kb_misc_zap(m);
}

/*
 * Undo: wait for the operations in flight (sleepers were woken by the
 * revoke hooks), let the driver drop what each open file holds of the
 * owner, then drop the registration's reference.
 */
static inline void __kb_misc_unpublish(struct kb_step *step)
{
	struct kb_misc *m = container_of(step, struct kb_misc, step);
	struct kb_misc_file *f, *tmp;

	kb_revocable_wait(&m->rev);
	/* again: an mmap operation may have mapped after the revoke pass */
	__kb_misc_zap(m);
	/* no poll operation runs any more: unhook from the owner's queue */
	spin_lock(&m->fwd_lock);
	if (m->fwd_q)
		remove_wait_queue(&m->fwd_q->wq, &m->fwd);
	m->fwd_q = NULL;
	spin_unlock(&m->fwd_lock);
	mutex_lock(&m->files_lock);
	list_for_each_entry_safe(f, tmp, &m->files, node) {
		list_del_init(&f->node);
		if (m->revoke_file)
			m->revoke_file(m->priv, f->fdata);
	}
	m->priv = NULL;		/* release gets no owner from here on */
	mutex_unlock(&m->files_lock);
	kref_put(&m->ref, __kb_misc_free);
}

/**
 * kb_misc_publish() - register a misc node owned by a lifecycle
 * @p: publish-phase handle of the owner
 * @fops: file operations generated by KB_MISC_DEVICE()
 * @priv: the owner's private data, handed to file operations while live
 * @nodename: name of the node under /dev; copied
 * @revoke_file: per-file revoke hook generated by KB_MISC_DEVICE(), or NULL
 * @key: lockdep class of the node's revocable, one per KB_MISC_DEVICE()
 *
 * Untyped backend of the ``name##_publish()`` helper that KB_MISC_DEVICE()
 * generates; drivers call that one. The node gets a dynamic minor and the
 * owner's device (if any) as parent. On success the withdrawal is recorded
 * as a publication step with a revoke hook (see the top of this file).
 *
 * Context: process context, publish phase only.
 * Return: 0; -ENOMEM; the error of misc_register() (-EBUSY, ...); or one
 * injected by kb_step_fault(). On error nothing is left registered or
 * allocated.
 */
static inline int kb_misc_publish(struct kb_publish *p,
				  const struct file_operations *fops,
				  void *priv, const char *nodename,
				  void (*revoke_file)(void *dev, void *fdata),
				  struct lock_class_key *key)
{
	struct kb_misc *m;
	int ret;

	ret = kb_step_fault(__kb_lc(p), "misc node");
	if (ret)
		return ret;
	m = kzalloc_obj(*m, GFP_KERNEL);
	if (!m)
		return -ENOMEM;
	m->mdev.name = kstrdup_const(nodename, GFP_KERNEL);
	if (!m->mdev.name) {
		ret = -ENOMEM;
		goto err_free;
	}
	ret = __kb_revocable_init(&m->rev, priv, "kb_misc", key);
	if (ret)
		goto err_name;
	kref_init(&m->ref);
	mutex_init(&m->files_lock);
	INIT_LIST_HEAD(&m->files);
	m->priv = priv;
	m->revoke_file = revoke_file;
	init_waitqueue_head(&m->poll_wq);
	init_waitqueue_func_entry(&m->fwd, __kb_misc_fwd_wake);
	spin_lock_init(&m->fwd_lock);
	address_space_init_once(&m->mapping);
	m->mapping.a_ops = &__kb_misc_aops;
	m->mdev.minor = MISC_DYNAMIC_MINOR;
	m->mdev.fops = fops;
	m->mdev.parent = __kb_lc(p)->dev;
	ret = misc_register(&m->mdev);
	if (ret)
		goto err_rev;
	kb_published_revocable(p, &m->step, __kb_misc_revoke,
			       __kb_misc_unpublish, "misc_register");
	return 0;

err_rev:
	kb_revocable_destroy(&m->rev);
err_name:
	kfree_const(m->mdev.name);
err_free:
	kfree(m);
	return ret;
}

/*
 * Helpers for the trampolines generated by KB_MISC_DEVICE(). misc_open() calls
 * ->open with misc_mtx held and file->private_data pointing at the miscdevice,
 * and misc_deregister() takes the same mutex, so the node cannot be freed
 * before __kb_misc_file_new() has taken its reference.
 */
static inline struct kb_misc_file *__kb_misc_file_new(struct file *file, size_t fdata_size)
{
	struct kb_misc *m = container_of(file->private_data, struct kb_misc,
					 mdev);
	struct kb_misc_file *f;

	f = kzalloc(struct_size(f, fdata, fdata_size), GFP_KERNEL);
	if (!f)
		return NULL;
	kref_get(&m->ref);
	f->misc = m;
	INIT_LIST_HEAD(&f->node);
	return f;
}

static inline void __kb_misc_file_free(struct kb_misc_file *f)
{
	kref_put(&f->misc->ref, __kb_misc_free);
	kfree(f);
}

/*
 * The driver's open succeeded inside the access section: list the file, so
 * that teardown (which waits for this section first) revokes it.
 */
static inline void __kb_misc_file_listed(struct kb_misc_file *f)
{
	mutex_lock(&f->misc->files_lock);
	list_add_tail(&f->node, &f->misc->files);
	mutex_unlock(&f->misc->files_lock);
}

static inline int __kb_misc_file_opened(struct inode *inode,
					struct file *file,
					struct kb_misc_file *f, int ret,
					bool seekable)
{
	if (ret) {
		__kb_misc_file_free(f);
		return ret;
	}
	file->private_data = f;
	/*
	 * The VFS reads the host inode of a file's mapping (readahead
	 * state): the first opener's inode, held until the node is freed.
	 */
	spin_lock(&f->misc->fwd_lock);
	if (!f->misc->mapping.host) {
		ihold(inode);
		f->misc->mapping.host = inode;
	}
	spin_unlock(&f->misc->fwd_lock);
	file->f_mapping = &f->misc->mapping;
	return seekable ? 0 : nonseekable_open(inode, file);
}

static inline struct kb_misc_file *__kb_misc_file(struct file *file)
{
	return file->private_data;
}

/* Enter/leave the owner's data; NULL once the node was withdrawn. */
static inline void *__kb_misc_file_enter(struct kb_misc_file *f, int *idx)
{
	return kb_revocable_begin(&f->misc->rev, idx);
}

static inline void __kb_misc_file_exit(struct kb_misc_file *f, int idx)
{
	kb_revocable_end(&f->misc->rev, idx);
}

/*
 * Call the driver's operation @fn with the owner's data (of @type) if the node is live,
 * else return -ENODEV; @dflt when the driver has no such operation. The test
 * on the const ops table folds at compile time.
 */
#define __KB_MISC_CALL(fn, type, file, dflt, args...)			\
({									\
	struct kb_misc_file *__f = __kb_misc_file(file);			\
	typeof(fn) __fn = (fn);						\
	typeof(dflt) __ret = -ENODEV;					\
	type *__dev;							\
	int __idx;							\
									\
	__dev = __kb_misc_file_enter(__f, &__idx);			\
	if (__dev)							\
		__ret = __fn ? __fn(__dev, (void *)__f->fdata, ##args) : (dflt); \
	__kb_misc_file_exit(__f, __idx);					\
	__ret;								\
})

/*
 * Read: the operation filled @kbuf with @ret bytes (at most @len) and moved
 * its copy of the position to @kpos; copy them out now that the section is
 * left. A partial copy returns what was copied and moves the position by
 * that much; none at all is -EFAULT, the position unchanged.
 */
static inline ssize_t __kb_misc_read_out(char __user *ubuf, const char *kbuf,
					 size_t len, ssize_t ret, loff_t *pos,
					 loff_t kpos)
{
	size_t left;

	if (ret <= 0) {
		if (!ret)
			*pos = kpos;
		return ret;
	}
	if (WARN_ON_ONCE(ret > len))
		return -EIO;
	left = copy_to_user(ubuf, kbuf, ret);
	if (left == ret)
		return -EFAULT;
	*pos = left ? *pos + (ret - left) : kpos;
	return ret - left;
}

/* Write: the operation consumed @ret of the @len bytes copied in. */
static inline ssize_t __kb_misc_write_done(size_t len, ssize_t ret,
					   loff_t *pos, loff_t kpos)
{
	if (ret < 0)
		return ret;
	if (WARN_ON_ONCE(ret > len))
		return -EIO;
	*pos = kpos;
	return ret;
}

/*
 * Whether an ioctl argument of @size bytes at @uptr moves with one
 * get_user() or put_user(), as a hand-written driver moves an int: the
 * generic copy's call and object-size checks cost more than the move.
 */
static __always_inline bool __kb_ioctl_scalar(const void __user *uptr,
					      unsigned int size)
{
	return (size == 1 || size == 2 || size == 4 || size == 8) &&
	       (IS_ENABLED(CONFIG_HAVE_EFFICIENT_UNALIGNED_ACCESS) ||
		IS_ALIGNED((unsigned long)uptr, size));
}

/* Copy @size bytes in from @uptr to @kbuf (8-aligned); 0 or -EFAULT. */
static __always_inline int __kb_ioctl_get(void *kbuf, const void __user *uptr,
					  unsigned int size)
{
	if (!__kb_ioctl_scalar(uptr, size))
		return copy_from_user(kbuf, uptr, size) ? -EFAULT : 0;
	switch (size) {
	case 1:
		return get_user(*(u8 *)kbuf, (const u8 __user *)uptr);
	case 2:
		return get_user(*(u16 *)kbuf, (const u16 __user *)uptr);
	case 4:
		return get_user(*(u32 *)kbuf, (const u32 __user *)uptr);
	default:
		return get_user(*(u64 *)kbuf, (const u64 __user *)uptr);
	}
}

/* Copy @size bytes out from @kbuf (8-aligned) to @uptr; 0 or -EFAULT. */
static __always_inline int __kb_ioctl_put(void __user *uptr, const void *kbuf,
					  unsigned int size)
{
	if (!__kb_ioctl_scalar(uptr, size))
		return copy_to_user(uptr, kbuf, size) ? -EFAULT : 0;
	switch (size) {
	case 1:
		return put_user(*(const u8 *)kbuf, (u8 __user *)uptr);
	case 2:
		return put_user(*(const u16 *)kbuf, (u16 __user *)uptr);
	case 4:
		return put_user(*(const u32 *)kbuf, (u32 __user *)uptr);
	default:
		return put_user(*(const u64 *)kbuf, (u64 __user *)uptr);
	}
}

/* Copy an ioctl's argument in, before the section. */
static inline int __kb_ioctl_in(struct kb_ioctl *ka, unsigned int cmd,
				unsigned long arg, void __user *uptr,
				void *stack)
{
	unsigned int size = _IOC_SIZE(cmd);

	ka->cmd = cmd;
	ka->value = arg;
	ka->data = NULL;
	if (_IOC_DIR(cmd) == _IOC_NONE || !size)
		return 0;
	ka->data = size <= __KB_IOCTL_STACK ? stack :
		   kmalloc(size, GFP_KERNEL);
	if (!ka->data)
		return -ENOMEM;
	if (!(_IOC_DIR(cmd) & _IOC_WRITE)) {
		if (size <= sizeof(u64))
			*(u64 *)stack = 0;	/* one store, not a call */
		else
			memset(ka->data, 0, size);
	} else if (__kb_ioctl_get(ka->data, uptr, size)) {
		if (ka->data != stack)
			kfree(ka->data);
		return -EFAULT;
	}
	return 0;
}

/* Copy an ioctl's result out, after the section; frees the argument. */
static inline long __kb_ioctl_out(struct kb_ioctl *ka, void __user *uptr,
				  long ret, void *stack)
{
	if (!ka->data)
		return ret;
	if (ret >= 0 && (_IOC_DIR(ka->cmd) & _IOC_READ) &&
	    __kb_ioctl_put(uptr, ka->data, _IOC_SIZE(ka->cmd)))
		ret = -EFAULT;
	if (ka->data != stack)
		kfree(ka->data);
	return ret;
}

/*
 * An ioctl trampoline: argument in, operation in the section, result out.
 * The stack buffer is left out of CONFIG_INIT_STACK_ALL_ZERO's zeroing (16
 * stores an ioctl): only its first _IOC_SIZE(cmd) bytes are ever read, and
 * __kb_ioctl_in() fills or zeroes them first.
 */
#define __KB_MISC_IOCTL(fn, type, file, cmd, arg, uptr)			\
({									\
	u8 __stack[__KB_IOCTL_STACK] __aligned(8) __uninitialized;	\
	void __user *__uptr = (uptr);					\
	unsigned int __cmd = (cmd);					\
	struct kb_ioctl __ka;						\
	long __r = __kb_ioctl_in(&__ka, __cmd, arg, __uptr, __stack);	\
									\
	if (!__r) {							\
		__r = __KB_MISC_CALL(fn, type, file, (long)-ENOTTY,	\
				     __cmd, &__ka);			\
		__r = __kb_ioctl_out(&__ka, __uptr, __r, __stack);	\
	}								\
	__r;								\
})

/**
 * KB_MISC_DEVICE() - declare a misc device with typed data and file operations
 * @name: prefix of the generated symbols
 * @dtype: the owner's private data type, e.g. ``struct my_dev``
 * @ftype: the per-open data type, allocated zeroed at open, freed at close
 * @...: designated initializers of the typed operations, any subset of:
 *
 *  - ``int (*open)(dtype *dev, ftype *fdata)``: initialise @fdata; an error
 *    fails the open(2);
 *  - ``void (*release)(dtype *dev, ftype *fdata)``: at last close; @dev is
 *    the owner's data while the node is live and NULL once it was withdrawn
 *    (the revoke hook below has then run for this file). Runs under the
 *    node's file-list mutex, not in an access section: it must not block
 *    on anything but short kernel locks;
 *  - ``void (*revoke)(dtype *dev, ftype *fdata)``: at teardown, once for
 *    every file still open, after every operation in flight has ended and
 *    before the owner's resources are released: drop what @fdata holds of
 *    the owner (a place in a list of @dev, ...). Same context as release;
 *  - ``ssize_t (*read)(dtype *dev, ftype *fdata, char *buf, size_t len,
 *    loff_t *pos)``: fill the kernel buffer @buf with at most @len bytes
 *    (@len is at most %KB_MISC_IO_MAX) and move *@pos by what is returned;
 *    the binding copies them to user space after the call;
 *  - ``ssize_t (*write)(dtype *dev, ftype *fdata, const char *buf,
 *    size_t len, loff_t *pos)``: @buf is a kernel copy of the caller's
 *    data, at most %KB_MISC_IO_MAX bytes; return how much was consumed;
 *  - ``long (*ioctl)(dtype *dev, ftype *fdata, unsigned int cmd,
 *    struct kb_ioctl *arg)``: the argument copied in according to the
 *    direction and size encoded in @cmd, read with kb_ioctl_data() or
 *    kb_ioctl_value(); results are copied out after the call;
 *  - ``long (*compat_ioctl)(...)``, same arguments, for 32-bit callers
 *    whose argument layout differs; when absent they reach ioctl, the
 *    argument address converted by compat_ptr();
 *  - ``loff_t (*llseek)(dtype *dev, ftype *fdata, struct file *file,
 *    loff_t off, int whence)``: without it the file is not seekable. @file is
 *    the escape hatch for the generic llseek helpers of <linux/fs.h>;
 *  - ``__poll_t (*poll)(dtype *dev, ftype *fdata, struct kb_poll *pw)``:
 *    call kb_poll_wait(@pw, queue) first, then return the events ready
 *    (EPOLLIN, EPOLLOUT, ...). Without it the file polls as always ready.
 *    Once the owner is revoked, poll returns EPOLLERR | EPOLLHUP without
 *    calling it. A file opened with O_ASYNC gets SIGIO whenever the queue
 *    named is woken (see the top of this file);
 *  - ``int (*mmap)(dtype *dev, ftype *fdata, struct kb_mmap *vm)``: map
 *    device memory or a DMA buffer with a helper of <kbind/mmap.h>
 *    (kb_mmap_dma(), kb_mmap_pci_bar()), chosen by kb_mmap_offset() and
 *    checked against kb_mmap_len(). The mapping is zapped at teardown
 *    (later accesses get SIGBUS). Without it mmap(2) gets -ENODEV.
 *
 * open, read, write, ioctl, llseek, poll and mmap run inside an access section of the
 * owner's data: @dev is valid until the operation returns. They may sleep
 * and take mutexes, but wait for events only on a &struct kb_waitq (see
 * <kbind/wait.h>), which wakes them with -ENODEV at teardown, and never
 * take the owner device's device_lock. Once the node is withdrawn they are
 * not called and the system call gets -ENODEV. Without read or write the
 * call gets -EINVAL, without ioctl -ENOTTY, as for a plain character device.
 * A fault copying user data is -EFAULT: before a write or an ioctl that
 * copies in, the operation is not called; after a read, the bytes are lost
 * as they are for a plain read whose copy fails.
 *
 * A function of the wrong type (another @dtype or @ftype, a ``void *``
 * argument, a ``__user`` buffer) fails to compile. Generates ``name##_fops``
 * with .owner set to THIS_MODULE, and the typed publication helper
 * ``int name##_publish(struct kb_publish *p, dtype *dev, const char *nodename)``
 * (see kb_misc_publish() for its contract).
 */
#define KB_MISC_DEVICE(name, dtype, ftype, ...)				\
struct name##_kb_misc_ops_t {						\
	int (*open)(typeof(dtype) *dev, typeof(ftype) *fdata);		\
	void (*release)(typeof(dtype) *dev, typeof(ftype) *fdata);	\
	void (*revoke)(typeof(dtype) *dev, typeof(ftype) *fdata);	\
	ssize_t (*read)(typeof(dtype) *dev, typeof(ftype) *fdata,	\
			char *buf, size_t len, loff_t *pos);		\
	ssize_t (*write)(typeof(dtype) *dev, typeof(ftype) *fdata,	\
			 const char *buf, size_t len, loff_t *pos);	\
	long (*ioctl)(typeof(dtype) *dev, typeof(ftype) *fdata,		\
		      unsigned int cmd, struct kb_ioctl *arg);		\
	long (*compat_ioctl)(typeof(dtype) *dev, typeof(ftype) *fdata,	\
			     unsigned int cmd, struct kb_ioctl *arg);	\
	loff_t (*llseek)(typeof(dtype) *dev, typeof(ftype) *fdata,	\
			 struct file *file, loff_t off, int whence);	\
	__poll_t (*poll)(typeof(dtype) *dev, typeof(ftype) *fdata,	\
			 struct kb_poll *pw);				\
	int (*mmap)(typeof(dtype) *dev, typeof(ftype) *fdata,		\
		    struct kb_mmap *vm);				\
};									\
static const struct name##_kb_misc_ops_t name##_kb_misc_ops = {		\
	__VA_ARGS__							\
};									\
static int name##_kb_open(struct inode *inode, struct file *file)	\
{									\
	struct kb_misc_file *f;						\
	typeof(dtype) *dev;						\
	int ret = -ENODEV;						\
	int idx;							\
									\
	f = __kb_misc_file_new(file, sizeof(typeof(ftype)));		\
	if (!f)								\
		return -ENOMEM;						\
	dev = __kb_misc_file_enter(f, &idx);				\
	if (dev) {							\
		ret = name##_kb_misc_ops.open ?				\
			name##_kb_misc_ops.open(dev, (void *)f->fdata) : 0; \
		if (!ret)						\
			__kb_misc_file_listed(f);			\
	}								\
	__kb_misc_file_exit(f, idx);					\
	return __kb_misc_file_opened(inode, file, f, ret,			\
				   name##_kb_misc_ops.llseek);		\
}									\
static int name##_kb_release(struct inode *inode, struct file *file)	\
{									\
	struct kb_misc_file *f = __kb_misc_file(file);			\
	struct kb_misc *m = f->misc;					\
									\
	mutex_lock(&m->files_lock);					\
	list_del_init(&f->node);					\
	if (name##_kb_misc_ops.release)					\
		name##_kb_misc_ops.release(m->priv, (void *)f->fdata);	\
	mutex_unlock(&m->files_lock);					\
	__kb_misc_file_free(f);						\
	return 0;							\
}									\
static void name##_kb_revoke_file(void *dev, void *fdata)		\
{									\
	if (name##_kb_misc_ops.revoke)					\
		name##_kb_misc_ops.revoke(dev, fdata);			\
}									\
static ssize_t name##_kb_read(struct file *file, char __user *ubuf,	\
			      size_t len, loff_t *pos)			\
{									\
	loff_t kpos = *pos;						\
	ssize_t ret;							\
	char *kbuf;							\
									\
	if (!name##_kb_misc_ops.read)					\
		return -EINVAL;						\
	len = min_t(size_t, len, KB_MISC_IO_MAX);			\
	kbuf = kvmalloc(max_t(size_t, len, 1), GFP_KERNEL);		\
	if (!kbuf)							\
		return -ENOMEM;						\
	ret = __KB_MISC_CALL(name##_kb_misc_ops.read, typeof(dtype), file, \
			     (ssize_t)-EINVAL, kbuf, len, &kpos);	\
	ret = __kb_misc_read_out(ubuf, kbuf, len, ret, pos, kpos);	\
	kvfree(kbuf);							\
	return ret;							\
}									\
static ssize_t name##_kb_write(struct file *file, const char __user *ubuf, \
			       size_t len, loff_t *pos)			\
{									\
	loff_t kpos = *pos;						\
	ssize_t ret;							\
	char *kbuf;							\
									\
	if (!name##_kb_misc_ops.write)					\
		return -EINVAL;						\
	len = min_t(size_t, len, KB_MISC_IO_MAX);			\
	kbuf = vmemdup_user(ubuf, len);					\
	if (IS_ERR(kbuf))						\
		return PTR_ERR(kbuf);					\
	ret = __KB_MISC_CALL(name##_kb_misc_ops.write, typeof(dtype), file, \
			     (ssize_t)-EINVAL, kbuf, len, &kpos);	\
	ret = __kb_misc_write_done(len, ret, pos, kpos);		\
	kvfree(kbuf);							\
	return ret;							\
}									\
static long name##_kb_ioctl(struct file *file, unsigned int cmd,	\
			    unsigned long arg)				\
{									\
	if (!name##_kb_misc_ops.ioctl)					\
		return -ENOTTY;						\
	return __KB_MISC_IOCTL(name##_kb_misc_ops.ioctl, typeof(dtype),	\
			       file, cmd, arg, (void __user *)arg);	\
}									\
static long name##_kb_compat_ioctl(struct file *file, unsigned int cmd, \
				   unsigned long arg)			\
{									\
	void __user *uptr = compat_ptr(arg);				\
									\
	if (!name##_kb_misc_ops.compat_ioctl)				\
		return name##_kb_ioctl(file, cmd, (unsigned long)uptr);	\
	return __KB_MISC_IOCTL(name##_kb_misc_ops.compat_ioctl,		\
			       typeof(dtype), file, cmd, arg, uptr);	\
}									\
static loff_t name##_kb_llseek(struct file *file, loff_t off, int whence) \
{									\
	return __KB_MISC_CALL(name##_kb_misc_ops.llseek, typeof(dtype), file,	\
			      (loff_t)-ESPIPE, file, off, whence);	\
}									\
static __poll_t name##_kb_poll(struct file *file, poll_table *pt)	\
{									\
	struct kb_misc_file *f = __kb_misc_file(file);			\
	struct kb_poll pw = { .misc = f->misc };			\
	__poll_t mask = EPOLLERR | EPOLLHUP;				\
	typeof(dtype) *dev;						\
	int idx;							\
									\
	poll_wait(file, &f->misc->poll_wq, pt);				\
	dev = __kb_misc_file_enter(f, &idx);				\
	if (dev)							\
		mask = name##_kb_misc_ops.poll ?			\
		       name##_kb_misc_ops.poll(dev, (void *)f->fdata, &pw) : \
		       DEFAULT_POLLMASK;				\
	__kb_misc_file_exit(f, idx);					\
	return mask;							\
}									\
static int name##_kb_mmap(struct file *file, struct vm_area_struct *vma) \
{									\
	struct kb_mmap vm = { .vma = vma };				\
									\
	if (!name##_kb_misc_ops.mmap)					\
		return -ENODEV;						\
	vma->vm_ops = &__kb_misc_vm_ops;				\
	return __KB_MISC_CALL(name##_kb_misc_ops.mmap, typeof(dtype), file, \
			      -ENODEV, &vm);				\
}									\
static int name##_kb_fasync(int fd, struct file *file, int on)		\
{									\
	return fasync_helper(fd, file, on,				\
			     &__kb_misc_file(file)->misc->fasync);	\
}									\
static const struct file_operations name##_fops = {			\
	.owner = THIS_MODULE,						\
	.open = name##_kb_open,						\
	.release = name##_kb_release,					\
	.read = name##_kb_read,						\
	.write = name##_kb_write,					\
	.unlocked_ioctl = name##_kb_ioctl,				\
	.compat_ioctl = IS_ENABLED(CONFIG_COMPAT) ?			\
			name##_kb_compat_ioctl : NULL,			\
	.llseek = name##_kb_llseek,					\
	.poll = name##_kb_poll,						\
	.fasync = name##_kb_fasync,					\
	.mmap = name##_kb_mmap,						\
};									\
static struct lock_class_key name##_kb_rev_key;				\
static inline int name##_publish(struct kb_publish *p,			\
				 typeof(dtype) *dev,			\
				 const char *nodename)			\
{									\
	return kb_misc_publish(p, &name##_fops, dev, nodename,		\
			       name##_kb_misc_ops.revoke ?		\
			       name##_kb_revoke_file : NULL,		\
			       &name##_kb_rev_key);			\
}

#endif /* _KBIND_MISC_H */
