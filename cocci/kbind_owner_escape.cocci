// SPDX-License-Identifier: GPL-2.0
/// A kbind callback gets the owner's private data (the device's typed data)
/// for the duration of the call only: a misc operation (the dev parameter of
/// a KB_MISC_DEVICE() operation) inside an access section that teardown
/// waits for, an IRQ handler until its line is freed, an acquire or publish
/// callback until its own steps are undone. A pointer to that data kept
/// beyond the call is not covered by any of this, and is used after the
/// data is freed once the device is unbound:
///
///  - stored in per-open data (fdata->dev = dev), in any structure that is
///    not the owner's own, or in a global;
///  - handed to a kernel thread, an async call, a tasklet, or stored in a
///    list, an xarray or an IDR that is not the owner's own;
///  - a work item, timer or hrtimer embedded in the owner's data or in the
///    per-open data armed from the callback, when the file never cancels
///    it synchronously (cancel_work_sync(), timer_delete_sync(),
///    hrtimer_cancel(), ...), so its handler can still run after unbind.
///
/// Reach the owner only through the callback's own parameter; cancel what
/// the owner armed in a teardown step (misc: in the .revoke operation).
/// Where the pointer is kept on purpose, say why it is safe in a comment
/// starting "SAFETY:" right before the statement.
///
// Confidence: Moderate
// Copyright: (C) 2026 The kbind authors. GPL-2.0.
// Comments: The callbacks are the functions named in the file's
//  KB_MISC_DEVICE(), KB_IRQ_HANDLER(), KB_MODULE(), KB_LIFECYCLE_DEFINE(),
//  KB_PCI_DRIVER() and KB_PLATFORM_DRIVER[_OF]() uses, read from the source
//  text since spatch does not parse those macros. Only direct stores in the
//  callback itself are seen, not those in helpers it calls or through a
//  local alias of the pointer.
// Options: --no-includes --include-headers
// Keywords: kbind, owner, misc, use-after-free, unbind, SAFETY

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


# The lifecycle macros: their acquire and publish callbacks get the private
# data of the owner as second parameter.
KB_LIFECYCLE = ('KB_MODULE', 'KB_LIFECYCLE_DEFINE', 'KB_PCI_DRIVER',
                'KB_PLATFORM_DRIVER', 'KB_PLATFORM_DRIVER_OF')


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


def kb_params(path, fn):
    """The parameter names of fn's definition in path, in order."""
    m = re.search(r'\b%s\s*\(([^()]*(?:\([^()]*\)[^()]*)*)\)\s*\{' % re.escape(fn),
                  kb_text(path))
    if not m:
        return []
    names = []
    for prm in m.group(1).split(','):
        ids = re.findall(r'\w+', re.sub(r'\[[^\]]*\]', '', prm))
        names.append(ids[-1] if ids else '')
    return names


def kb_callbacks(path):
    """{function: (kind, owner parameter index)} of the file's kbind tables."""
    cbs = {}
    if kb_is_binding(path):
        return cbs
    for fn, op in kb_misc_ops(path).items():
        cbs[fn] = ('misc operation %s' % op, 0)
    for _, args in kb_macro_calls(path, ['KB_IRQ_HANDLER']):
        if len(args) == 3:
            cbs[args[2]] = ('IRQ handler', 0)
    for mac, args in kb_macro_calls(path, KB_LIFECYCLE):
        for a, what in zip(args[2:4], ('acquire', 'publish')):
            if re.match(r'\w+$', a):
                cbs[a] = ('%s callback' % what, 1)
    return cbs


def kb_root(e):
    """The variable an lvalue or pointer expression starts from."""
    m = re.match(r'[\s(&*]*(\w+)', e)
    return m.group(1) if m else ''


def kb_points_into(e, d):
    """True if expression e is the pointer d, cast or not, or &d->...."""
    e = ' '.join(e.split())
    e = re.sub(r'^(\(\s*[\w\s]+\**\s*\)\s*)+', '', e)
    return (re.match(r'\(?\s*%s\s*\)?$' % re.escape(d), e) is not None or
            re.match(r'&\s*\(?\s*%s\s*->' % re.escape(d), e) is not None)


def kb_args(es):
    """The arguments of an expression list metavariable, as text."""
    return [' '.join(str(a).split()) for a in es.elements]


def kb_c(e):
    """e as it would be written: &f->work, not & f -> work."""
    return re.sub(r'\s*(->|\.)\s*|(?<=[&*(])\s+|\s+(?=\))', r'\1',
                  ' '.join(e.split()))


def kb_member(e):
    """The last member named in e (work in &dev->w.work), or e itself."""
    ids = re.findall(r'\w+', e)
    return ids[-1] if ids else ''


__kb_cancelled = {}


def kb_what(path, fn):
    return kb_callbacks(path)[fn][0]


def kb_report(pos, fn, msg, fix):
    if not kb_justified(pos):
        coccilib.report.print_report(pos, "%s in %s %s(): %s, or say why "
                                     "it is safe in a SAFETY: comment" % (
                                         msg, kb_what(pos.file, fn), fn, fix))


KB_UAF = ("outlives the call, a use-after-free after unbind; reach the "
          "owner only through the callback's parameter")

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

// Every function of a kbind table, with its owner parameter.
@cb depends on report && (uses_include || uses_type)@
identifier fn, d;
type T;
position p;
@@
fn@p(..., T *d, ...) { ... }

@script:python@
fn << cb.fn;
d << cb.d;
p << cb.p;
@@
cbs = kb_callbacks(p[0].file)
prm = kb_params(p[0].file, fn)
if fn not in cbs or len(prm) <= cbs[fn][1] or prm[cbs[fn][1]] != d:
    cocci.include_match(False)

// What the file cancels synchronously: work, timers, their workqueues.
@cancel depends on report && (uses_include || uses_type)@
identifier c = {cancel_work_sync, cancel_delayed_work_sync,
	disable_work_sync, disable_delayed_work_sync, flush_work,
	flush_delayed_work, timer_delete_sync,
	del_timer_sync, timer_shutdown_sync, hrtimer_cancel, tasklet_kill,
	kthread_cancel_work_sync, kthread_cancel_delayed_work_sync,
	kthread_flush_work, irq_work_sync, destroy_workqueue,
	drain_workqueue, flush_workqueue};
expression list es;
position p;
@@
c@p(es)

@script:python@
es << cancel.es;
p << cancel.p;
@@
for a in kb_args(es):
    __kb_cancelled.setdefault(p[0].file, set()).add(kb_member(a))

@store@
identifier cb.fn, cb.d, fld;
local idexpression l;
expression e;
type T2;
position p;
@@
fn(...) {
<...
(
 l = d
|
 l = (T2)d
|
 l = &d->fld
|
 l.fld = d
|
 e@p = d
|
 e@p = (T2)d
|
 e@p = &d->fld
)
...>
}

@script:python@
fn << cb.fn;
d << cb.d;
e << store.e;
p << store.p;
@@
if kb_root(e) != d:
    kb_report(p[0], fn, "owner pointer %s stored in %s" % (d, kb_c(e)),
              KB_UAF)

@keep@
identifier cb.fn;
identifier f = {kthread_run, kthread_create, kthread_create_on_node,
	kthread_run_on_cpu, kthread_create_on_cpu, async_schedule,
	async_schedule_domain, async_schedule_node, async_schedule_node_domain,
	tasklet_init, xa_store, xa_store_irq, xa_store_bh, __xa_store,
	xa_insert, xa_insert_irq, xa_insert_bh, __xa_insert, xa_cmpxchg,
	idr_alloc, idr_alloc_u32, idr_alloc_cyclic, idr_replace,
	radix_tree_insert, list_add, list_add_tail, list_add_rcu,
	list_add_tail_rcu, list_move, list_move_tail, hlist_add_head,
	hlist_add_head_rcu, llist_add, hash_add, hash_add_rcu,
	klist_add_tail, klist_add_head};
expression list es;
position p;
@@
fn(...) { <... f@p(es) ...> }

@script:python@
fn << cb.fn;
d << cb.d;
f << keep.f;
es << keep.es;
p << keep.p;
@@
args = kb_args(es)
into = [a for a in args if kb_points_into(a, d)]
if f.startswith(('list_', 'hlist_', 'llist_', 'hash_', 'klist_')):
    # an entry of the owner linked on a list of the owner: its own business
    if into and any(kb_root(a) != d for a in args):
        kb_report(p[0], fn, "owner pointer %s linked with %s by %s()" % (
            d, ', '.join(kb_c(a) for a in args if kb_root(a) != d), f),
            KB_UAF)
elif into:
    kb_report(p[0], fn, "owner pointer %s kept by %s()" % (d, f), KB_UAF)

@arm@
identifier cb.fn;
identifier q = {queue_work, queue_work_on, queue_delayed_work,
	queue_delayed_work_on, mod_delayed_work, mod_delayed_work_on,
	queue_rcu_work, schedule_work, schedule_work_on,
	schedule_delayed_work, schedule_delayed_work_on, mod_timer, add_timer,
	add_timer_on, add_timer_global, add_timer_local, timer_reduce,
	mod_timer_pending, hrtimer_start, hrtimer_start_range_ns,
	hrtimer_start_expires, tasklet_schedule, tasklet_hi_schedule,
	kthread_queue_work, kthread_queue_delayed_work,
	kthread_mod_delayed_work, irq_work_queue, irq_work_queue_on};
expression list es;
position p;
@@
fn(...) { <... q@p(es) ...> }

@script:python@
fn << cb.fn;
d << cb.d;
q << arm.q;
es << arm.es;
p << arm.p;
@@
prm = kb_params(p[0].file, fn)
# the data of the owner, and for a misc operation the per-open data too
mine = [d] + (prm[1:2] if kb_what(p[0].file, fn).startswith('misc') else [])
cancelled = __kb_cancelled.get(p[0].file, set())
args = kb_args(es)
for a in args:
    if not a.startswith('&') or kb_root(a) not in mine:
        continue
    # armed on a workqueue the file flushes or destroys: fine too
    if kb_member(a) in cancelled or any(kb_member(w) in cancelled
                                        for w in args if w != a):
        continue
    kb_report(p[0], fn, "%s armed by %s() and never cancelled synchronously "
              "in this file," % (kb_c(a), q),
              "its handler can run after unbind, a use-after-free; cancel "
              "it in a teardown step (.revoke for per-open data)")
