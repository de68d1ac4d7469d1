/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kbind sysfs: attribute groups of a bound device with typed show and
 * store callbacks, as publication steps of its lifecycle.
 *
 * A sysfs attribute is a way into the driver, so it is published: created
 * in the publish phase, after everything its callbacks read was acquired,
 * on the owner's device before the driver core announces the binding to
 * user space (the KOBJ_BIND uevent follows probe), and removed at
 * teardown before anything acquired is released and before the private
 * data is freed. Each attribute is instantiated per owner and carries the
 * owner's private data, which its callbacks get with their own type: no
 * dev_get_drvdata() and no cast.
 *
 * Revocation: the revoke pass of teardown makes every attribute of the
 * group return -ENODEV; removing the group then waits for the callbacks
 * that had entered (sysfs drains them) and after that none can run, even
 * for a file user space keeps open.
 *
 * Guaranteed: a callback runs only between publication and the group's
 * undo, with the private data alive. Still the driver's job: a callback
 * delays unbind as long as it runs, so it must not wait for user space
 * (sleeping on a &struct kb_waitq is fine: teardown wakes it), and must not
 * take the device lock (remove holds it while waiting for the callback).
 */
#ifndef _KBIND_SYSFS_H
#define _KBIND_SYSFS_H

#include <linux/device.h>
#include <linux/slab.h>
#include <linux/sysfs.h>

#include <kbind/lifecycle.h>

/**
 * struct kb_sysfs_attr - one attribute of a group, as declared
 *	(binding-internal: KB_SYSFS_ATTR_RO() and its siblings make them)
 * @name: the file's name
 * @mode: its permissions
 * @show: typed trampoline to the driver's show callback (called only if
 *	@mode lets someone read)
 * @store: typed trampoline to the driver's store callback (called only
 *	if @mode lets someone write)
 */
struct kb_sysfs_attr {
	const char *name;
	umode_t mode;
	ssize_t (*show)(void *owner, char *buf);
	ssize_t (*store)(void *owner, const char *buf, size_t count);
};

struct kb_sysfs_group;

/* One attribute of one owner: what sysfs calls, and whose it is. */
struct __kb_sysfs_node {
	struct device_attribute attr;
	const struct kb_sysfs_attr *desc;
	struct kb_sysfs_group *group;
};

/**
 * struct kb_sysfs_group - a published attribute group (in the private data)
 * @step: publication step; revoking it makes the callbacks return -ENODEV,
 *	undoing it removes the files
 * @live: cleared by the revoke pass
 * @owner: the private data the callbacks get
 * @dev: the device whose directory holds the group
 * @group: the group as sysfs sees it
 * @nodes: the attributes, one per declared attribute
 */
struct kb_sysfs_group {
	struct kb_step step;
	bool live;
	void *owner;
	struct device *dev;
	struct attribute_group group;
	struct __kb_sysfs_node *nodes;
};

static inline struct __kb_sysfs_node *
__kb_sysfs_node(struct device_attribute *attr)
{
	return container_of(attr, struct __kb_sysfs_node, attr);
}

static inline ssize_t __kb_sysfs_show(struct device *dev,
				      struct device_attribute *attr, char *buf)
{
	struct __kb_sysfs_node *n = __kb_sysfs_node(attr);

	if (!READ_ONCE(n->group->live))
		return -ENODEV;
	return n->desc->show(n->group->owner, buf);
}

static inline ssize_t __kb_sysfs_store(struct device *dev,
				       struct device_attribute *attr,
				       const char *buf, size_t count)
{
	struct __kb_sysfs_node *n = __kb_sysfs_node(attr);

	if (!READ_ONCE(n->group->live))
		return -ENODEV;
	return n->desc->store(n->group->owner, buf, count);
}

static inline void __kb_sysfs_revoke(struct kb_step *step)
{
	WRITE_ONCE(container_of(step, struct kb_sysfs_group, step)->live,
		   false);
}

static inline void __kb_sysfs_remove(struct kb_step *step)
{
	struct kb_sysfs_group *g = container_of(step, struct kb_sysfs_group,
						step);

	device_remove_group(g->dev, &g->group);	/* drains the callbacks */
	kfree(g->nodes);
	g->nodes = NULL;
}

/**
 * kb_sysfs_group_publish() - create an attribute group on the owner's device
 * @p: publish-phase handle of a bound device's lifecycle
 * @g: where the group is kept (in the private data)
 * @name: the group's subdirectory, or NULL for the device's own directory
 * @attrs: the declared attributes, NULL-terminated
 * @owner: the private data the callbacks get
 *
 * Untyped backend of the ``grp##_publish()`` helper KB_SYSFS_GROUP()
 * generates; drivers call that.
 *
 * Context: process context, publish phase only.
 * Return: 0; -EINVAL if the lifecycle has no device (a module's);
 * -EBUSY if @g is published already; -ENOMEM; the error of
 * device_add_group() (a name taken, for one); or one injected by
 * kb_step_fault(). On error no file is left.
 */
static inline int kb_sysfs_group_publish(struct kb_publish *p,
					 struct kb_sysfs_group *g,
					 const char *name,
					 const struct kb_sysfs_attr *const *attrs,
					 void *owner)
{
	struct device *dev = kb_publish_dev(p);
	struct attribute **list;
	unsigned int i, n;
	int ret;

	ret = kb_step_fault(__kb_lc(p), "sysfs group");
	if (ret)
		return ret;
	if (!dev)
		return -EINVAL;
	if (WARN_ON_ONCE(g->step.undo))
		return -EBUSY;
	for (n = 0; attrs[n]; n++)
		;
	/* the nodes, then the NULL-terminated list sysfs walks */
	g->nodes = kzalloc(n * sizeof(*g->nodes) + (n + 1) * sizeof(*list),
			   GFP_KERNEL);
	if (!g->nodes)
		return -ENOMEM;
	list = (struct attribute **)&g->nodes[n];
	for (i = 0; i < n; i++) {
		struct __kb_sysfs_node *node = &g->nodes[i];

		sysfs_attr_init(&node->attr.attr);
		node->attr.attr.name = attrs[i]->name;
		node->attr.attr.mode = attrs[i]->mode;
		node->attr.show = attrs[i]->mode & 0444 ? __kb_sysfs_show : NULL;
		node->attr.store = attrs[i]->mode & 0222 ? __kb_sysfs_store :
						       NULL;
		node->desc = attrs[i];
		node->group = g;
		list[i] = &node->attr.attr;
	}
	g->group.name = name;
	g->group.attrs = list;
	g->owner = owner;
	g->dev = dev;
	WRITE_ONCE(g->live, true);
	ret = device_add_group(dev, &g->group);
	if (ret) {
		kfree(g->nodes);
		g->nodes = NULL;
		return ret;
	}
	kb_published_revocable(p, &g->step, __kb_sysfs_revoke,
			       __kb_sysfs_remove, "sysfs group");
	return 0;
}

/**
 * KB_SYSFS_GROUP_TYPE() - declare an attribute group and its owner's type
 * @grp: prefix of the generated symbols
 * @type: the private data type its callbacks get, e.g. ``struct my_dev``
 *
 * Comes before the group's attributes: they are checked against it.
 */
#define KB_SYSFS_GROUP_TYPE(grp, type)					\
	struct grp##_kb_attr {						\
		struct kb_sysfs_attr a;					\
		type *owner_type;	/* never set: the type only */	\
	}

/* The typed trampolines and descriptor of attribute @file of @grp. */
#define __KB_SYSFS_ATTR(grp, file, mode_, show_fn, store_fn)		\
static ssize_t grp##_##file##_kb_show(void *owner, char *buf)		\
{									\
	typeof(((struct grp##_kb_attr *)NULL)->owner_type) typed = owner; \
									\
	return show_fn(typed, buf);					\
}									\
static ssize_t grp##_##file##_kb_store(void *owner, const char *buf,	\
				       size_t count)			\
{									\
	typeof(((struct grp##_kb_attr *)NULL)->owner_type) typed = owner; \
									\
	return store_fn(typed, buf, count);				\
}									\
static const struct grp##_kb_attr grp##_attr_##file = {		\
	.a = {								\
		.name = #file,						\
		.mode = mode_,						\
		.show = grp##_##file##_kb_show,				\
		.store = grp##_##file##_kb_store,			\
	},								\
}

/* A callback for the direction an attribute does not have. */
static inline ssize_t __kb_sysfs_no_show(void *owner, char *buf)
{
	return -EIO;
}

static inline ssize_t __kb_sysfs_no_store(void *owner, const char *buf,
					  size_t count)
{
	return -EIO;
}

/**
 * KB_SYSFS_ATTR_RO() - declare a read-only attribute of a group
 * @grp: the group, declared by KB_SYSFS_GROUP_TYPE()
 * @file: the file's name, and the suffix of ``grp##_attr_##file``
 * @show_fn: ``ssize_t show_fn(type *owner, char *buf)``; fills @buf (a
 *	page) with sysfs_emit() and returns its length or a negative errno
 *
 * Context of @show_fn: process context, may sleep (bounded), between the
 * group's publication and its undo.
 */
#define KB_SYSFS_ATTR_RO(grp, file, show_fn)				\
	__KB_SYSFS_ATTR(grp, file, 0444, show_fn, __kb_sysfs_no_store)

/**
 * KB_SYSFS_ATTR_RW() - declare a read-write attribute of a group
 * @grp: the group, declared by KB_SYSFS_GROUP_TYPE()
 * @file: the file's name
 * @show_fn: as for KB_SYSFS_ATTR_RO()
 * @store_fn: ``ssize_t store_fn(type *owner, const char *buf,
 *	size_t count)``; parses @buf (NUL-terminated), returns @count or a
 *	negative errno; a refused value must change nothing
 *
 * Context of the callbacks: as KB_SYSFS_ATTR_RO(). Writable by root only.
 */
#define KB_SYSFS_ATTR_RW(grp, file, show_fn, store_fn)			\
	__KB_SYSFS_ATTR(grp, file, 0644, show_fn, store_fn)

/**
 * KB_SYSFS_ATTR_WO() - declare a write-only attribute of a group
 * @grp: the group, declared by KB_SYSFS_GROUP_TYPE()
 * @file: the file's name
 * @store_fn: as for KB_SYSFS_ATTR_RW()
 */
#define KB_SYSFS_ATTR_WO(grp, file, store_fn)				\
	__KB_SYSFS_ATTR(grp, file, 0200, __kb_sysfs_no_show, store_fn)

/**
 * KB_SYSFS_GROUP() - define an attribute group from its attributes
 * @grp: the group, declared by KB_SYSFS_GROUP_TYPE()
 * @dir: the subdirectory it lives in (a string), or NULL for the device's
 *	own directory
 * @...: its attributes, as ``&grp##_attr_##file``; one of another group
 *	fails to compile
 *
 * Generates ``int grp##_publish(struct kb_publish *p,
 * struct kb_sysfs_group *g, type *owner)``, which creates the files on
 * the owner's device as a publication step; see kb_sysfs_group_publish()
 * for its context and errors.
 */
#define KB_SYSFS_GROUP(grp, dir, ...)					\
static const struct grp##_kb_attr *const grp##_kb_attrs[] = {		\
	__VA_ARGS__, NULL						\
};									\
static inline int grp##_publish(struct kb_publish *p,			\
		struct kb_sysfs_group *g,				\
		typeof(((struct grp##_kb_attr *)NULL)->owner_type) owner) \
{									\
	/* every entry's first member is its struct kb_sysfs_attr */	\
	return kb_sysfs_group_publish(p, g, dir,			\
		(const struct kb_sysfs_attr *const *)grp##_kb_attrs, owner); \
}

#endif /* _KBIND_SYSFS_H */
