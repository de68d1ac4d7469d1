// SPDX-License-Identifier: GPL-2.0
/// A kbind misc operation runs inside an access section of the owner's
/// data, and unbind waits, holding the owner device's device_lock, for
/// every section in flight; .revoke and .release run at teardown too. So
/// an operation must not:
///
///  - wait for an event without bound: wait_event*(), wait_var_event*(),
///    wait_on_bit*(), wait_for_completion*() without a timeout, schedule(),
///    or a *_timeout() wait given MAX_SCHEDULE_TIMEOUT. Nothing wakes it at
///    teardown, so unbind hangs until the event comes (or a signal, for
///    the interruptible ones). Wait on a struct kb_waitq with
///    kb_wait_event_interruptible(), which teardown wakes with -ENODEV.
///  - take a device_lock: device_lock(), guard(device), pci_dev_lock(),
///    guard(pci_dev), or the driver core and PCI calls that take it on the
///    device they get (pci_reset_function(), device_release_driver(),
///    device_attach(), device_reprobe(), driver_attach(), ...), or the PCI
///    rescan/remove lock that a removal holds around it. On the owner
///    device (or with removal in progress) this deadlocks with unbind,
///    which holds the lock while it waits for the operation.
///
/// The trylock variants (device_trylock(), pci_try_reset_function(), and
/// pci_reset_bus(), which only trylocks in 6.12) fail instead and are not
/// reported. Reported in the operations named in the file's
/// KB_MISC_DEVICE() tables and in the functions of the same file they
/// call. A lock on a device that is not the owner's (a child) is accepted
/// with a SAFETY: comment saying so.
///
// Confidence: High
// Copyright: (C) 2026 The kbind authors. GPL-2.0.
// Comments: spatch passes over KB_MISC_DEVICE() without parsing its
//  arguments, so the operations are read from the source text. Helpers in
//  other files are not followed.
// Options: --no-includes --include-headers
// Keywords: kbind, misc, wait, device_lock, unbind, hang, deadlock

virtual report

@initialize:python@
@@
import re

__kb_lines = {}
__kb_text = {}


def kb_lines(path):
    if path not in __kb_lines:
        with open(path, errors='replace') as f:
            __kb_lines[path] = f.read().split('\n')
    return __kb_lines[path]


def kb_is_binding(path):
    return re.search(r'(^|/)include/kbind/', path) is not None


def kb_justified(pos):
    """True if the statement holding pos follows a SAFETY: comment."""
    lines = kb_lines(pos.file)
    i = int(pos.line) - 1
    # Back to the first line of the statement.
    while i > 0:
        prev = lines[i - 1].strip()
        if (prev == '' or prev.endswith((';', '{', '}', '*/', ':')) or
                prev.startswith(('#', '//'))):
            break
        i -= 1
    # The comment right above it.
    text = []
    while i > 0:
        prev = lines[i - 1].strip()
        if not (prev.startswith(('/*', '*', '//')) or prev.endswith('*/')):
            break
        text.append(prev)
        i -= 1
    return 'SAFETY:' in ' '.join(text)


def kb_text(path):
    """The file without comments or preprocessor definitions."""
    if path not in __kb_text:
        text = '\n'.join(kb_lines(path))
        text = re.sub(r'/\*.*?\*/|//[^\n]*',
                      lambda m: re.sub(r'[^\n]', ' ', m.group(0)), text,
                      flags=re.S)
        text = re.sub(r'^[ \t]*#[ \t]*define\b(?:[^\n]*\\\n)*[^\n]*', '',
                      text, flags=re.M)
        __kb_text[path] = text
    return __kb_text[path]


def kb_macro_calls(path, names):
    """(macro, [argument, ...]) for each use of a macro in names."""
    text = kb_text(path)
    for m in re.finditer(r'\b(%s)\s*\(' % '|'.join(names), text):
        args, depth, start = [], 1, m.end()
        for i in range(m.end(), len(text)):
            c = text[i]
            if c in '([{':
                depth += 1
            elif c in ')]}':
                depth -= 1
            if depth == 0 or (depth == 1 and c == ','):
                args.append(' '.join(text[start:i].split()))
                start = i + 1
            if depth == 0:
                break
        yield m.group(1), args



def kb_misc_ops(path):
    """{function: '.ioctl/.compat_ioctl'} of the file's KB_MISC_DEVICE()."""
    ops = {}
    if kb_is_binding(path):
        return ops
    for _, args in kb_macro_calls(path, ['KB_MISC_DEVICE']):
        for a in args[3:]:
            m = re.match(r'\.\s*(\w+)\s*=\s*&?\s*(\w+)$', a)
            if m:
                ops[m.group(2)] = '/'.join(filter(None, (
                    ops.get(m.group(2)), '.' + m.group(1))))
    return ops


__kb_calls = {}


def kb_called(pos, caller, callee):
    __kb_calls.setdefault(pos.file, {}).setdefault(caller, set()).add(callee)


def kb_operation(path, fn):
    """The misc operation fn is, or is called from (through functions of
    the same file): (operation function, operation, [functions between])."""
    ops = kb_misc_ops(path)
    calls = __kb_calls.get(path, {})
    for op in sorted(ops):
        # breadth first, so the shortest chain is named
        seen, todo = {op: []}, [op]
        while todo:
            f = todo.pop(0)
            if f == fn:
                return op, ops[op], seen[f]
            for g in sorted(calls.get(f, ())):
                if g not in seen and g in calls:
                    seen[g] = seen[f] + [g]
                    todo.append(g)
    return None


def kb_where(path, fn):
    """'misc operation .read foo_read()', or 'foo_helper(), which misc
    operation .read foo_read() calls,' (through the helpers between)."""
    op, name, chain = kb_operation(path, fn)
    where = 'misc operation %s %s()' % (name, op)
    if chain:
        where = '%s(), which %s calls%s,' % (
            fn, where, ''.join(' through %s()' % g for g in chain[:-1][:1]) +
            ''.join(', %s()' % g for g in chain[1:-1]))
    return where


def kb_report(p, what, consequence):
    fn = p.current_element
    found = kb_operation(p.file, fn)
    if found is None or kb_justified(p):
        return
    # .revoke and .release run at teardown, under the file list lock of
    # the node that unbind takes: no access section, the same hang.
    if not set(found[1].split('/')) - set(('.revoke', '.release')):
        ctx = 'in a teardown hook that unbind runs or waits for'
    else:
        ctx = 'inside the access section'
    coccilib.report.print_report(p, "%s in %s %s" % (
        what, kb_where(p.file, fn), consequence % ctx))


KB_HANG = ("waits for an event without bound %s: nothing wakes it at "
           "teardown, so unbind hangs until the event comes; wait on a "
           "struct kb_waitq with kb_wait_event_interruptible(), which "
           "teardown wakes with -ENODEV")

KB_DEADLOCK = ("takes a device_lock %s: a deadlock with unbind, which holds "
               "the owner device's lock meanwhile")

KB_REMOVE = ("takes the PCI rescan/remove lock %s: a deadlock with the "
             "device's removal, which holds it while it unbinds")

@uses_include@
@@
#include <kbind/...>

@uses_type@
@@
(
struct kb_probe
|
struct kb_publish
)

// The file's call graph, to follow an operation into its helpers.
@calls depends on report && (uses_include || uses_type)@
identifier callee;
position p;
@@
callee@p(...)

@script:python@
callee << calls.callee;
p << calls.p;
@@
kb_called(p[0], p[0].current_element, callee)

@wait depends on report && (uses_include || uses_type)@
identifier w = {wait_event, wait_event_cmd, wait_event_exclusive_cmd,
	wait_event_freezable, wait_event_freezable_exclusive, wait_event_idle,
	wait_event_idle_exclusive, wait_event_interruptible,
	wait_event_interruptible_exclusive,
	wait_event_interruptible_exclusive_locked,
	wait_event_interruptible_exclusive_locked_irq,
	wait_event_interruptible_lock_irq,
	wait_event_interruptible_lock_irq_cmd,
	wait_event_interruptible_locked, wait_event_interruptible_locked_irq,
	wait_event_killable, wait_event_killable_exclusive,
	wait_event_lock_irq, wait_event_lock_irq_cmd, wait_event_state,
	wait_var_event, wait_var_event_interruptible, wait_var_event_killable,
	wait_on_bit, wait_on_bit_io, wait_on_bit_action, wait_on_bit_lock,
	wait_on_bit_lock_io, wait_on_bit_lock_action, wait_for_completion,
	wait_for_completion_io, wait_for_completion_interruptible,
	wait_for_completion_killable, wait_for_completion_state, schedule,
	io_schedule, schedule_preempt_disabled};
position p;
@@
w@p(...)

@script:python@
w << wait.w;
p << wait.p;
@@
kb_report(p[0], "%s()" % w, KB_HANG)

@forever depends on report && (uses_include || uses_type)@
identifier t = {schedule_timeout, schedule_timeout_interruptible,
	schedule_timeout_killable, schedule_timeout_uninterruptible,
	schedule_timeout_idle, io_schedule_timeout, wait_event_timeout,
	wait_event_interruptible_timeout, wait_event_killable_timeout,
	wait_event_freezable_timeout, wait_event_idle_timeout,
	wait_event_idle_exclusive_timeout, wait_event_lock_irq_timeout,
	wait_event_interruptible_lock_irq_timeout, wait_var_event_timeout,
	wait_for_completion_timeout, wait_for_completion_io_timeout,
	wait_for_completion_interruptible_timeout,
	wait_for_completion_killable_timeout, wait_woken, wait_on_bit_timeout};
position p;
@@
t@p(..., MAX_SCHEDULE_TIMEOUT, ...)

@script:python@
t << forever.t;
p << forever.p;
@@
kb_report(p[0], "%s() with MAX_SCHEDULE_TIMEOUT" % t, KB_HANG)

@lock depends on report && (uses_include || uses_type)@
identifier l = {device_lock, device_lock_interruptible, pci_dev_lock,
	pci_reset_function, device_release_driver, device_driver_detach,
	device_attach, device_driver_attach, device_reprobe, driver_attach,
	driver_detach, pci_stop_and_remove_bus_device,
	pci_stop_and_remove_bus_device_locked};
position p;
@@
l@p(...)

@script:python@
l << lock.l;
p << lock.p;
@@
kb_report(p[0], "%s()" % l, KB_DEADLOCK)

@guarded depends on report && (uses_include || uses_type)@
iterator name scoped_guard;
identifier g = {device, pci_dev};
statement S;
position p;
@@
(
guard@p(g)(...);
|
scoped_guard@p(g, ...) S
)

@script:python@
g << guarded.g;
p << guarded.p;
@@
kb_report(p[0], "a %s guard" % g, KB_DEADLOCK)

@rescan depends on report && (uses_include || uses_type)@
position p;
@@
pci_lock_rescan_remove@p()

@script:python@
p << rescan.p;
@@
kb_report(p[0], "pci_lock_rescan_remove()", KB_REMOVE)
