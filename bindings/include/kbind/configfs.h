/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kbind configfs: a subsystem whose directories each describe an object
 * that user space builds, configures and then publishes, the way
 * null_blk's configfs devices or a target's ports are made.
 *
 * The subsystem is a publication step of its module's lifecycle. mkdir in
 * it allocates an item of the driver's type (zeroed, then set up by the
 * driver's make callback); typed attributes set the item's fields; the
 * enable attribute starts a kbind lifecycle embedded in the item (acquire,
 * then publish, unwound on failure) and stops it again; rmdir stops it and
 * drops the item, which is freed when its last user (an open attribute
 * file) is gone.
 *
 * Guaranteed:
 * - a value is parsed into a temporary first: a bad one is refused with
 *   -EINVAL (or the parser's error) and changes nothing;
 * - while the item's lifecycle is live its attributes refuse writes with
 *   -EBUSY, so what acquire and publish read does not change under the
 *   published object, unless the driver gave one an apply callback
 *   (KB_CONFIGFS_ATTR_LIVE()) or its own store (KB_CONFIGFS_ATTR_FN()),
 *   which then decides; writes after rmdir get -ENODEV;
 * - attribute writes, enable and rmdir of one item are serialised by the
 *   item's mutex, and the lifecycle is stopped before the item is freed;
 * - an attribute of another type than its field fails to compile.
 *
 * Still the driver's job: the check callback validates the configuration
 * as a whole before start; an object that reads the item's fields after
 * publication must copy them in acquire (writes are refused, but reads of
 * the item stay the driver's).
 */
#ifndef _KBIND_CONFIGFS_H
#define _KBIND_CONFIGFS_H

#include <linux/configfs.h>
#include <linux/kstrtox.h>
#include <linux/mutex.h>
#include <linux/slab.h>

#include <kbind/lifecycle.h>

/**
 * struct kb_configfs_item - what kbind keeps of a configfs item (embedded
 *	in the driver's item type)
 * @group: the configfs group (an item that may hold default groups:
 *	kb_configfs_add_group()); configfs holds references to it
 * @lock: serialises the item's attribute writes, enable and rmdir
 * @dropped: removed by rmdir; attribute writes get -ENODEV
 */
struct kb_configfs_item {
	struct config_group group;
	struct mutex lock;	/* see above */
	bool dropped;
};

/**
 * struct kb_configfs_subsys - a configfs subsystem as a publication step
 *	(binding-internal: KB_CONFIGFS_SUBSYS() makes one)
 * @step: publication step; undoing it unregisters the subsystem
 * @subsys: the subsystem
 */
struct kb_configfs_subsys {
	struct kb_step step;
	struct configfs_subsystem subsys;
};

static inline struct kb_configfs_item *__kb_cfs_item(struct config_item *ci)
{
	return container_of(ci, struct kb_configfs_item, group.cg_item);
}

/**
 * kb_configfs_add_group() - give an item a subdirectory of its own
 * @ci: the item (``&item->cfs``), from the make callback of
 *	KB_CONFIGFS_SUBSYS() on
 * @g: a group embedded in the item, initialised with its name and type
 *	(config_group_init_type_name(), or fault_config_init())
 *
 * The subdirectory appears with the item and goes with it: rmdir (or a
 * failed make callback) drops the item's references to its groups, and
 * each holds the item until its own last user is gone.
 *
 * Context: process context, in the make callback.
 */
static inline void kb_configfs_add_group(struct kb_configfs_item *ci,
					 struct config_group *g)
{
	configfs_add_default_group(g, &ci->group);
}

/* The value kinds of typed attributes: how each is shown and parsed. */
static inline ssize_t __kb_cfs_show_u32(char *page, u32 v)
{
	return sysfs_emit(page, "%u\n", v);
}

static inline ssize_t __kb_cfs_show_u64(char *page, u64 v)
{
	return sysfs_emit(page, "%llu\n", v);
}

static inline ssize_t __kb_cfs_show_int(char *page, int v)
{
	return sysfs_emit(page, "%d\n", v);
}

static inline ssize_t __kb_cfs_show_bool(char *page, bool v)
{
	return sysfs_emit(page, "%u\n", v);
}

static inline int __kb_cfs_parse_u32(const char *page, u32 *v)
{
	return kstrtou32(page, 0, v);
}

static inline int __kb_cfs_parse_u64(const char *page, u64 *v)
{
	return kstrtou64(page, 0, v);
}

static inline int __kb_cfs_parse_int(const char *page, int *v)
{
	return kstrtoint(page, 0, v);
}

static inline int __kb_cfs_parse_bool(const char *page, bool *v)
{
	return kstrtobool(page, v);
}

/**
 * KB_CONFIGFS_ITEM_TYPE() - declare a configfs item type
 * @name: prefix of the generated symbols
 * @type: the driver's item type, e.g. ``struct my_item``, which embeds
 *	its &struct kb_configfs_item as member ``cfs``
 * @lc: the path of its &struct kb_lifecycle member (``lc``, or
 *	``dev.lc``), started by the enable attribute
 *
 * Comes before the item's attributes, which are checked against it.
 */
#define KB_CONFIGFS_ITEM_TYPE(name, type, lc)				\
static inline type *name##_kb_item(struct config_item *ci)		\
{									\
	return container_of(__kb_cfs_item(ci), type, cfs);		\
}									\
static inline type *name##_kb_alloc(void)				\
{									\
	return kzalloc(sizeof(type), GFP_KERNEL);			\
}									\
static inline struct kb_lifecycle *name##_kb_lc(type *it)		\
{									\
	return &(*it).lc;						\
}

/**
 * KB_CONFIGFS_ATTR_LIVE() - declare a typed attribute that may change a
 *	live item
 * @name: the item type, declared by KB_CONFIGFS_ITEM_TYPE()
 * @kind: the value's type: u32, u64, int or bool
 * @attr: the file's name; the attribute is ``name##_attr_##attr``
 * @field: the item's field it sets (a member path: ``conf.size``), of type
 *	@kind exactly, or the build fails
 * @apply_fn: ``int apply_fn(type *item, kind value)``, or NULL: applies
 *	@value to the item's live object; 0 stores it in @field, an errno
 *	refuses it (and nothing may have changed then)
 *
 * As KB_CONFIGFS_ATTR(), except while the item's lifecycle is live, when
 * @apply_fn decides. It runs under the item's lock, so the lifecycle stays
 * live (the enable attribute and rmdir wait for the lock) and the driver's
 * live data (``name##_priv()`` of KB_LIFECYCLE_DEFINE()) is valid in it.
 *
 * Context: @apply_fn runs in the writer's process context and may sleep.
 */
#define KB_CONFIGFS_ATTR_LIVE(name, kind, attr, field, apply_fn)	\
static typeof(kind) *name##_##attr##_kb_field(struct config_item *ci)	\
{									\
	__auto_type p = &(*name##_kb_item(ci)).field;			\
									\
	static_assert(__same_type(*p, typeof(kind)),			\
		      "kbind: configfs attribute kind differs from the field type"); \
	return p;							\
}									\
static ssize_t name##_##attr##_show(struct config_item *ci,		\
				       char *page)			\
{									\
	typeof(kind) v;							\
									\
	scoped_guard(mutex, &__kb_cfs_item(ci)->lock)			\
		v = *name##_##attr##_kb_field(ci);			\
	return __kb_cfs_show_##kind(page, v);				\
}									\
static ssize_t name##_##attr##_store(struct config_item *ci,	\
					const char *page, size_t count)	\
{									\
	__auto_type it = name##_kb_item(ci);				\
	int (*apply)(typeof(it), typeof(kind)) = apply_fn;		\
	struct kb_lifecycle *lc = name##_kb_lc(it);			\
	typeof(kind) v;							\
	int ret = __kb_cfs_parse_##kind(page, &v);			\
									\
	if (ret)							\
		return ret;						\
	mutex_lock(&__kb_cfs_item(ci)->lock);				\
	if (__kb_cfs_item(ci)->dropped)					\
		ret = -ENODEV;						\
	else if (lc->phase == KB_PHASE_LIVE && apply)			\
		ret = apply(it, v);					\
	else if (lc->phase != KB_PHASE_IDLE)				\
		ret = -EBUSY;						\
	if (!ret)							\
		*name##_##attr##_kb_field(ci) = v;			\
	mutex_unlock(&__kb_cfs_item(ci)->lock);				\
	return ret ?: count;						\
}									\
CONFIGFS_ATTR(name##_, attr)

/**
 * KB_CONFIGFS_ATTR() - declare a typed attribute of an item type
 * @name: the item type, declared by KB_CONFIGFS_ITEM_TYPE()
 * @kind: the value's type: u32, u64, int or bool
 * @attr: the file's name; the attribute is ``name##_attr_##attr``
 * @field: the item's field it sets (a member path: ``conf.size``), of type
 *	@kind exactly, or the build fails
 *
 * Shows the value in decimal; a write is parsed (any base kstrto*()
 * accepts; for bool, what kstrtobool() accepts) into a temporary and
 * stored only if it parsed and the item is not live (see the top of this
 * file for the errors). Attributes are listed for configfs as
 * ``&name##_attr_##attr`` in an array named ``name##_attrs``, ended by
 * NULL, with the enable attribute (KB_CONFIGFS_ENABLE()).
 */
#define KB_CONFIGFS_ATTR(name, kind, attr, field)			\
	KB_CONFIGFS_ATTR_LIVE(name, kind, attr, field, NULL)

/**
 * KB_CONFIGFS_ATTR_FN() - declare an attribute with its own show and store
 * @name: the item type, declared by KB_CONFIGFS_ITEM_TYPE()
 * @attr: the file's name; the attribute is ``name##_attr_##attr``
 * @show_fn: ``ssize_t show_fn(type *item, char *page)``: what a read shows
 *	(sysfs_emit() into @page), or a negative errno
 * @store_fn: ``int store_fn(type *item, const char *page, bool live)``:
 *	parses and applies a write; @live says whether the item's lifecycle
 *	is live (its ``name##_priv()`` valid); 0, or an errno that must mean
 *	nothing changed
 *
 * For a value that is not one field (a list of ranges, a command). Both
 * run under the item's lock; a write after rmdir gets -ENODEV without
 * calling @store_fn.
 *
 * Context: process context; both may sleep.
 */
#define KB_CONFIGFS_ATTR_FN(name, attr, show_fn, store_fn)		\
static ssize_t name##_##attr##_show(struct config_item *ci,		\
				       char *page)			\
{									\
	guard(mutex)(&__kb_cfs_item(ci)->lock);				\
	return show_fn(name##_kb_item(ci), page);			\
}									\
static ssize_t name##_##attr##_store(struct config_item *ci,	\
					const char *page, size_t count)	\
{									\
	__auto_type it = name##_kb_item(ci);				\
	int ret;							\
									\
	mutex_lock(&__kb_cfs_item(ci)->lock);				\
	ret = __kb_cfs_item(ci)->dropped ? -ENODEV :			\
	      store_fn(it, page, name##_kb_lc(it)->phase == KB_PHASE_LIVE); \
	mutex_unlock(&__kb_cfs_item(ci)->lock);				\
	return ret ?: count;						\
}									\
CONFIGFS_ATTR(name##_, attr)

/**
 * KB_CONFIGFS_ATTR_WO_FN() - declare a write-only attribute
 * @name: the item type, declared by KB_CONFIGFS_ITEM_TYPE()
 * @attr: the file's name; the attribute is ``name##_attr_##attr``
 * @store_fn: as for KB_CONFIGFS_ATTR_FN()
 *
 * KB_CONFIGFS_ATTR_FN() without a read (mode 0200).
 */
#define KB_CONFIGFS_ATTR_WO_FN(name, attr, store_fn)			\
static ssize_t name##_##attr##_store(struct config_item *ci,	\
					const char *page, size_t count)	\
{									\
	__auto_type it = name##_kb_item(ci);				\
	int ret;							\
									\
	mutex_lock(&__kb_cfs_item(ci)->lock);				\
	ret = __kb_cfs_item(ci)->dropped ? -ENODEV :			\
	      store_fn(it, page, name##_kb_lc(it)->phase == KB_PHASE_LIVE); \
	mutex_unlock(&__kb_cfs_item(ci)->lock);				\
	return ret ?: count;						\
}									\
CONFIGFS_ATTR_WO(name##_, attr)

/**
 * KB_CONFIGFS_ENABLE() - declare the attribute that publishes an item
 * @name: the item type, declared by KB_CONFIGFS_ITEM_TYPE()
 * @attr: the file's name (``enable``, or ``power`` as null_blk has it)
 * @ops: pointer to the item lifecycle's ops, from KB_LIFECYCLE_DEFINE()
 *	(``&foo_kb_ops``); its acquire finds the item with kb_owner()
 * @check_fn: ``int check_fn(type *item)``; validates the configuration
 *	before start, under the item's lock; 0 or a negative errno
 *
 * Writing a true value (kstrtobool()) runs @check_fn, then starts the
 * item's lifecycle; a false one tears it down. Writing the state the item
 * is in does nothing. Reads show 1 while the lifecycle is live.
 *
 * Context: the start and teardown run in the writer's process context,
 * under the item's lock. Errors: -ENODEV after rmdir, the parser's, the
 * check's, or kb_lifecycle_start()'s; on error nothing is published.
 */
#define KB_CONFIGFS_ENABLE(name, attr, ops, check_fn)		\
static ssize_t name##_##attr##_show(struct config_item *ci,		\
				       char *page)			\
{									\
	struct kb_lifecycle *lc = name##_kb_lc(name##_kb_item(ci));	\
	bool live;							\
									\
	scoped_guard(mutex, &__kb_cfs_item(ci)->lock)			\
		live = lc->phase == KB_PHASE_LIVE;			\
	return sysfs_emit(page, "%u\n", live);				\
}									\
static ssize_t name##_##attr##_store(struct config_item *ci,	\
					const char *page, size_t count)	\
{									\
	__auto_type it = name##_kb_item(ci);				\
	struct kb_lifecycle *lc = name##_kb_lc(it);			\
	bool on;							\
	int ret = kstrtobool(page, &on);				\
									\
	if (ret)							\
		return ret;						\
	guard(mutex)(&__kb_cfs_item(ci)->lock);				\
	if (__kb_cfs_item(ci)->dropped)					\
		return -ENODEV;						\
	if (on && lc->phase == KB_PHASE_IDLE) {				\
		ret = check_fn(it) ?:					\
		      kb_lifecycle_start(lc, ops, NULL, THIS_MODULE);	\
		if (ret)						\
			return ret;					\
	} else if (!on) {						\
		kb_lifecycle_teardown(lc);				\
	}								\
	return count;							\
}									\
CONFIGFS_ATTR(name##_, attr)

/**
 * KB_CONFIGFS_SUBSYS() - define a configfs subsystem of typed items
 * @name: the item type, declared by KB_CONFIGFS_ITEM_TYPE(), with its
 *	attribute list ``name##_attrs``
 * @dir: the subsystem's directory under the configfs root (a string)
 * @make_fn: ``int make_fn(type *item, const char *dirname)``; sets up a
 *	zeroed new item (defaults, the name it keeps, subdirectories with
 *	kb_configfs_add_group()), may refuse the name with a negative errno;
 *	then the binding drops the subdirectories and frees the item, and
 *	nothing else @make_fn allocated may be left
 * @release_fn: ``void release_fn(type *item)``; frees what @make_fn set
 *	up, when the last reference to a dropped item goes; the item's
 *	lifecycle is stopped by then
 * @root_attrs: attributes of the subsystem's own directory (a NULL-ended
 *	array of &struct configfs_attribute pointers), or NULL
 *
 * Generates ``int name##_publish(struct kb_publish *p)``, which registers
 * the subsystem as a publication step (once; -EBUSY after). configfs
 * holds a reference to the module per item, so the module (and the
 * subsystem's undo) cannot go while an item exists.
 */
#define KB_CONFIGFS_SUBSYS(name, dir, make_fn, release_fn, root_attrs)	\
static void name##_kb_release(struct config_item *ci)			\
{									\
	__auto_type it = name##_kb_item(ci);				\
									\
	/* rmdir stopped it; nothing else can start it */		\
	WARN_ON_ONCE(name##_kb_lc(it)->phase != KB_PHASE_IDLE);		\
	release_fn(it);							\
	mutex_destroy(&__kb_cfs_item(ci)->lock);			\
	kfree(it);							\
}									\
static struct configfs_item_operations name##_kb_item_ops = {		\
	.release = name##_kb_release,					\
};									\
static const struct config_item_type name##_kb_item_type = {		\
	.ct_item_ops = &name##_kb_item_ops,				\
	.ct_attrs = name##_attrs,					\
	.ct_owner = THIS_MODULE,					\
};									\
static struct config_group *name##_kb_make(struct config_group *group, \
					   const char *dirname)		\
{									\
	__auto_type it = name##_kb_alloc();				\
	struct kb_configfs_item *ci;					\
	int ret;							\
									\
	if (!it)							\
		return ERR_PTR(-ENOMEM);				\
	ci = &it->cfs;							\
	config_group_init_type_name(&ci->group, dirname,		\
				    &name##_kb_item_type);		\
	ret = make_fn(it, dirname);					\
	if (ret) {							\
		configfs_remove_default_groups(&ci->group);		\
		kfree(it);						\
		return ERR_PTR(ret);					\
	}								\
	mutex_init(&ci->lock);						\
	return &ci->group;						\
}									\
static void name##_kb_drop(struct config_group *group,			\
			   struct config_item *ci)			\
{									\
	scoped_guard(mutex, &__kb_cfs_item(ci)->lock) {			\
		__kb_cfs_item(ci)->dropped = true;			\
		kb_lifecycle_teardown(name##_kb_lc(name##_kb_item(ci)));	\
	}								\
	configfs_remove_default_groups(&__kb_cfs_item(ci)->group);	\
	config_item_put(ci);						\
}									\
static struct configfs_group_operations name##_kb_group_ops = {	\
	.make_group = name##_kb_make,					\
	.drop_item = name##_kb_drop,					\
};									\
static const struct config_item_type name##_kb_group_type = {		\
	.ct_group_ops = &name##_kb_group_ops,				\
	.ct_attrs = root_attrs,						\
	.ct_owner = THIS_MODULE,					\
};									\
static struct kb_configfs_subsys name##_kb_subsys = {			\
	.subsys.su_group.cg_item = {					\
		.ci_namebuf = dir,					\
		.ci_type = &name##_kb_group_type,			\
	},								\
};									\
static int name##_publish(struct kb_publish *p)			\
{									\
	return kb_configfs_subsys_publish(p, &name##_kb_subsys);	\
}

static inline void __kb_configfs_unregister(struct kb_step *step)
{
	configfs_unregister_subsystem(&container_of(step,
						    struct kb_configfs_subsys,
						    step)->subsys);
}

/**
 * kb_configfs_subsys_publish() - register a subsystem as a publication step
 * @p: publish-phase handle
 * @s: the subsystem, made by KB_CONFIGFS_SUBSYS()
 *
 * Untyped backend of ``name##_publish()``; drivers call that.
 *
 * Context: process context, publish phase only.
 * Return: 0; -EBUSY if registered already; the error of
 * configfs_register_subsystem(); or one injected by kb_step_fault().
 */
static inline int kb_configfs_subsys_publish(struct kb_publish *p,
					     struct kb_configfs_subsys *s)
{
	int ret = kb_step_fault(__kb_lc(p), "configfs subsystem");

	if (ret)
		return ret;
	if (WARN_ON_ONCE(s->step.undo))
		return -EBUSY;
	config_group_init(&s->subsys.su_group);
	mutex_init(&s->subsys.su_mutex);
	ret = configfs_register_subsystem(&s->subsys);
	if (ret)
		return ret;
	kb_published(p, &s->step, __kb_configfs_unregister,
		     "configfs subsystem");
	return 0;
}

#endif /* _KBIND_CONFIGFS_H */
