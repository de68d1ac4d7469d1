/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kbind IRQ binding: interrupt handlers as publication steps, with typed data.
 *
 * An IRQ handler lets the device call into the driver, so it is published
 * like a misc node: requested in the publish phase (after every resource it
 * uses was acquired), freed first at teardown. free_irq() waits for a
 * handler that is running, hard or threaded, so once the step is undone no
 * handler runs any more, and everything acquired (mappings, IRQ vectors,
 * the private data) is released after that. The handler gets the owner's
 * private data with its own type.
 *
 * A handler is requested on a &struct kb_irq_line, never on a bare number:
 * lines are handed out by the owner's bus binding during its publish phase
 * (kb_pci_irq_vector(), kb_platform_irq(), ...), from the device being
 * bound. A number from elsewhere does not compile, and a line of another
 * owner, or of an earlier bind of this one, is refused with -EINVAL.
 */
#ifndef _KBIND_IRQ_H
#define _KBIND_IRQ_H

#include <linux/device.h>
#include <linux/interrupt.h>

#include <kbind/lifecycle.h>

/**
 * struct kb_irq_line - an interrupt line of the owner being published
 * @irq: the Linux IRQ number, or the negative errno of its lookup
 * @lc: the lifecycle that handed it out
 * @epoch: that lifecycle's start it belongs to
 *
 * A token passed by value, from the bus binding's lookup to a request
 * helper. Its members are private to the bindings (sparse reports a driver
 * that reads them). Valid only in the publish phase it came from.
 */
struct kb_irq_line {
	int __private irq;
	const struct kb_lifecycle *__private lc;
	u64 __private epoch;
};

/* For bus bindings: the line @irq (or lookup error) of the owner @lc. */
static inline struct kb_irq_line __kb_irq_line(const struct kb_lifecycle *lc,
					       int irq)
{
	struct kb_irq_line line;

	ACCESS_PRIVATE(&line, irq) = irq;
	ACCESS_PRIVATE(&line, lc) = lc;
	ACCESS_PRIVATE(&line, epoch) = lc->epoch;
	return line;
}

/**
 * kb_irq_line_raw() - escape hatch: a line from an IRQ number
 * @p: publish-phase handle of the owner
 * @irq: a Linux IRQ number no bus binding looks up (a GPIO's, an
 *	irq_domain's), or a negative errno
 *
 * The caller vouches that the interrupt is the owner's to handle: put a
 * comment starting ``SAFETY:`` before the call saying where the number
 * comes from and why it stays valid until the line is freed at teardown.
 *
 * Context: publish phase.
 * Return: the line, usable with this owner's request helpers.
 */
static inline struct kb_irq_line kb_irq_line_raw(struct kb_publish *p, int irq)
{
	return __kb_irq_line(__kb_lc(p), irq);
}

/**
 * struct kb_irq - a requested interrupt line (kept in the private data)
 * @step: publication step; undoing it frees the line
 * @irq: the Linux IRQ number
 * @dev_id: the cookie given to request_threaded_irq(): the owner's private
 *	data
 */
struct kb_irq {
	struct kb_step step;
	unsigned int irq;
	void *dev_id;
};

static inline void __kb_irq_free(struct kb_step *step)
{
	struct kb_irq *ki = container_of(step, struct kb_irq, step);

	free_irq(ki->irq, ki->dev_id);	/* waits for a running handler */
}

/**
 * kb_irq_request() - request an interrupt line owned by a lifecycle
 * @p: publish-phase handle of the owner
 * @ki: where the line is kept (in the private data)
 * @line: the line, from the owner's bus binding; a lookup error in it is
 *	returned, so a lookup can be passed in directly
 * @handler: the hard IRQ handler, generated; NULL for a threaded-only one
 * @thread_fn: the threaded handler, generated; NULL for a hard-only one
 * @flags: request_threaded_irq() flags (IRQF_SHARED, ...)
 * @dev_id: the owner's private data, handed to the handlers
 *
 * Untyped backend of the ``name##_request()`` helpers that KB_IRQ_HANDLER()
 * and KB_IRQ_THREADED() generate; drivers call those. The line is named
 * after the owner's device (or module). On success, freeing the line is
 * recorded as a publication step, so it is undone before anything acquired.
 *
 * Context: process context, publish phase only.
 * Return: 0; -EINVAL (logged) if @line was handed out to another owner or
 * to an earlier start of this one; the lookup error in @line; -EBUSY if
 * @ki holds a requested line already; the error of
 * request_threaded_irq(); or one injected by kb_step_fault(). On error
 * nothing is left requested.
 */
static inline int kb_irq_request(struct kb_publish *p, struct kb_irq *ki,
				 struct kb_irq_line line, irq_handler_t handler,
				 irq_handler_t thread_fn, unsigned long flags,
				 void *dev_id)
{
	struct kb_lifecycle *lc = __kb_lc(p);
	int irq = ACCESS_PRIVATE(&line, irq);
	int ret;

	ret = kb_step_fault(lc, "irq");
	if (ret)
		return ret;
	if (ACCESS_PRIVATE(&line, lc) != lc ||
	    ACCESS_PRIVATE(&line, epoch) != lc->epoch) {
		pr_err("kbind: %s: IRQ line of another owner or an earlier bind refused\n",
		       module_name(lc->owner));
		return -EINVAL;
	}
	if (irq < 0)
		return irq;
	if (WARN_ON_ONCE(ki->step.undo))
		return -EBUSY;	/* requested already: keep that line */
	ret = request_threaded_irq(irq, handler, thread_fn, flags,
				   lc->dev ? dev_name(lc->dev) :
				   module_name(lc->owner), dev_id);
	if (ret)
		return ret;
	ki->irq = irq;
	ki->dev_id = dev_id;
	kb_published(p, &ki->step, __kb_irq_free, "request_irq");
	return 0;
}

/* The typed request helper of @name, on the generated handlers. */
#define __KB_IRQ_REQUEST(name, type, hard, thread, extra_flags)		\
static inline int name##_request(struct kb_publish *p, struct kb_irq *ki, \
				 struct kb_irq_line line,		\
				 unsigned long flags, typeof(type) *dev) \
{									\
	return kb_irq_request(p, ki, line, hard, thread,		\
			      flags | (extra_flags), dev);		\
}

/**
 * KB_IRQ_HANDLER() - declare a typed interrupt handler
 * @name: prefix of the generated symbols
 * @type: the owner's private data type, e.g. ``struct my_dev``
 * @handler_fn: ``irqreturn_t handler_fn(type *dev)``, the hard IRQ handler;
 *	runs in hard IRQ context with @dev valid (the line is freed before the
 *	private data)
 *
 * Generates the trampoline and the typed request helper
 * ``int name##_request(struct kb_publish *p, struct kb_irq *ki,
 * struct kb_irq_line line, unsigned long flags, type *dev)`` (see
 * kb_irq_request() for its contract). A handler taking another type, or a
 * bare IRQ number for @line, fails to compile.
 */
#define KB_IRQ_HANDLER(name, type, handler_fn)				\
static irqreturn_t name##_kb_irq(int irq, void *dev_id)		\
{									\
	typeof(type) *typed = dev_id;					\
									\
	return handler_fn(typed);					\
}									\
__KB_IRQ_REQUEST(name, type, name##_kb_irq, NULL, 0)

/**
 * KB_IRQ_THREADED() - declare a typed threaded interrupt handler
 * @name: prefix of the generated symbols
 * @type: the owner's private data type
 * @hard_fn: ``irqreturn_t hard_fn(type *dev)``, in hard IRQ context:
 *	returns IRQ_WAKE_THREAD to run @thread_fn, IRQ_HANDLED or IRQ_NONE
 *	otherwise; or omit it with KB_IRQ_THREADED_ONESHOT()
 * @thread_fn: ``irqreturn_t thread_fn(type *dev)``, in the line's kernel
 *	thread: process context, may sleep and take mutexes
 *
 * Generates the trampolines and ``name##_request()`` as KB_IRQ_HANDLER()
 * does. free_irq() at teardown waits for both handlers, so @dev is valid
 * in both; @thread_fn delays teardown as long as it runs, so it must wait
 * only for the device or bounded kernel work, never for user space.
 */
#define KB_IRQ_THREADED(name, type, hard_fn, thread_fn)		\
static irqreturn_t name##_kb_irq(int irq, void *dev_id)		\
{									\
	typeof(type) *typed = dev_id;					\
									\
	return hard_fn(typed);						\
}									\
__KB_IRQ_THREAD(name, type, thread_fn, name##_kb_irq, 0)

/**
 * KB_IRQ_THREADED_ONESHOT() - declare a typed threaded-only handler
 * @name: prefix of the generated symbols
 * @type: the owner's private data type
 * @thread_fn: ``irqreturn_t thread_fn(type *dev)``, as for
 *	KB_IRQ_THREADED()
 *
 * The line stays masked until @thread_fn returns (IRQF_ONESHOT is added to
 * the flags of ``name##_request()``), for devices that are handled
 * entirely in process context (a bus behind I2C, ...).
 */
#define KB_IRQ_THREADED_ONESHOT(name, type, thread_fn)			\
	__KB_IRQ_THREAD(name, type, thread_fn, NULL, IRQF_ONESHOT)

/* The thread trampoline of @name, then its request helper. */
#define __KB_IRQ_THREAD(name, type, thread_fn, hard, extra_flags)	\
static irqreturn_t name##_kb_thread(int irq, void *dev_id)		\
{									\
	typeof(type) *typed = dev_id;					\
									\
	return thread_fn(typed);					\
}									\
__KB_IRQ_REQUEST(name, type, hard, name##_kb_thread, extra_flags)

#endif /* _KBIND_IRQ_H */
