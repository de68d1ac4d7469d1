// SPDX-License-Identifier: GPL-2.0
/// Find remove() callbacks (and devm actions registered after the IRQ) that
/// cancel or destroy the work its still-live devm IRQ handler queues.  An
/// IRQ requested with devm_request_irq() or devm_request_threaded_irq() is
/// freed by devres only after remove() returns (or after the later devm
/// actions ran), so the handler can run right after cancel_work_sync() and
/// queue the work again, or queue it on a destroyed workqueue; the work then
/// runs on freed driver data.  Flagged: cancel_work_sync(),
/// cancel_delayed_work_sync() or destroy_workqueue() on a work item or
/// workqueue that the handler (or thread function) names in
/// schedule_work()/queue_work() and friends, in a function that calls no
/// disable_irq(), free_irq(), devm_free_irq() or synchronize_irq() at all.
/// Disable or free the IRQ first.
/// Left alone: a teardown that stops the device before the cancel
/// (unregister_netdev(), whose ndo_stop masks the interrupts;
/// component_del(), whose unbind stops the engine (exynos g2d); the clocks
/// disabled; a *_power_off()/*poweroff()/*_halt()/*_shutdown()/*hw_stop()
/// helper; crypto_engine_exit()): it raises no interrupt after that.
/// Nor files whose devm IRQ is turned off right after its request
/// (disable_irq() there, or IRQF_NO_AUTOEN) and not enabled again by the
/// requesting function: it is on only between the
/// driver's own enable and disable (attach/detach, start/stop), which
/// teardown undoes first.
/// Nor a handler that queues only while a flag is set (an "if (flag)"
/// around the queue call, or an "if (!flag) return" before it) when the
/// teardown clears that flag before the cancel (act8945a, cpcap): a later
/// interrupt queues nothing (the window of a handler that tested the flag
/// just before it was cleared is not reported).
/// Likewise kfree() or kvfree() of an object of the type the devm IRQ
/// was requested with as dev_id, in such a teardown that does not free,
/// disable or synchronize the IRQ, stop the device or name an interrupt
/// register or helper first: the handler can run on freed memory until
/// devres frees the IRQ.
/// Likewise pci_free_irq_vectors(), pci_disable_msi() or pci_disable_msix()
/// in such a function that frees no IRQ itself: devres then calls
/// free_irq() on a vector already gone (a devm action releasing the
/// vectors must be registered before the IRQ is requested, so that it
/// runs after the IRQ is freed).
///
// Confidence: Moderate
// Copyright: (C) 2026 kbind authors.
// Options: --no-includes --include-headers
// Keywords: devm_request_irq, remove, cancel_work_sync, destroy_workqueue, pci_free_irq_vectors, kfree

virtual report
virtual org

@initialize:python@
@@
queued = set()
teardown = set()
vecs_freed = set()
# (file, function) -> [(line, column, kind)] of what quiesces the IRQ there
quiesce_at = {}
off_at_probe = set()
on_after_probe = set()
# (file, work or workqueue field) -> the flags that guard every queue of
# it in the handler
guards = {}

import re

def _text(file):
	"""The file with comments blanked, offsets kept."""
	with open(file, errors="replace") as f:
		t = f.read()
	return re.sub(r"/\*.*?\*/|//[^\n]*",
		      lambda m: re.sub(r"[^\n]", " ", m.group(0)), t, flags=re.S)

def _off(t, p):
	line = int(p.line)
	return sum(len(x) + 1 for x in t.split("\n")[:line - 1]) + int(p.column)

def _close(t, i):
	o, c = t[i], {"(": ")", "{": "}"}[t[i]]
	depth = 0
	for j in range(i, len(t)):
		depth += (t[j] == o) - (t[j] == c)
		if depth == 0:
			return j
	return len(t)

def _stmt_end(t, i):
	while t[i].isspace():
		i += 1
	if t[i] == "{":
		return _close(t, i)
	m = re.match(r"(if|for|while)\s*\(", t[i:])
	if m:
		return _stmt_end(t, _close(t, i + m.end() - 1) + 1)
	return t.find(";", i)

FLAG = r"(?:[\w.]+(?:->|\.))+(\w+)|atomic_read\s*\(\s*&[\w.>-]*?(\w+)\s*\)|READ_ONCE\s*\([\w.>-]*?(\w+)\s*\)|test_bit\s*\(\s*(\w+)"

def _flags(cond, neg):
	"""The flags a condition requires set (neg: requires clear, as the
	test of an early return), each a field or bit name."""
	cond = re.sub(r"\s", "", cond)
	out = set()
	for part in re.split(r"&&" if not neg else r"\|\|", cond):
		if part.startswith("(") and _close(part, 0) == len(part) - 1:
			part = part[1:-1]
		if neg != part.startswith("!"):
			continue
		m = re.fullmatch(FLAG, part[1:] if neg else part)
		if m:
			out.add(next(g for g in m.groups() if g))
	return out

def guard_flags(ph, pw):
	"""The flags that must be set for the handler at ph to reach the
	queue call at pw (one position): an "if (flag)" holding it, or an
	earlier "if (!flag) return ...;" of the handler's top block."""
	t = _text(ph[0].file)
	a, w = _off(t, ph[0]), _off(t, pw)
	o = t.find("{", a)
	out = set()
	for m in re.finditer(r"\bif\s*\(", t[o:w]):
		c = o + m.end() - 1
		e = _close(t, c)
		end = _stmt_end(t, e + 1)
		cond = t[c + 1:e]
		if e < w <= end:
			out |= _flags(cond, False)
		elif end < w and re.match(r"\s*(\{\s*)?return\b", t[e + 1:]) and \
		     t.count("{", o, c) - t.count("}", o, c) == 1:
			out |= _flags(cond, True)
	return out

def guard(ph, pw, w):
	"""Record the flags guarding the queue calls at pw (every position
	the match bound) of w."""
	k = (ph[0].file, w)
	for x in pw:
		g = guard_flags(ph, x)
		guards[k] = guards[k] & g if k in guards else g

# What quiesces the devm IRQ in a teardown, by the name called or named:
# "irq": an IRQ freed, disabled or synchronized, or a helper named after
# interrupts (foo_irq_disable(), ...), or an interrupt register named
# (FOO_IRQ_EN, FOO_INT_MASK, ...): most likely the interrupt of the device
# masked; "stop": the device stopped, so that it raises no interrupt after
# that (unregister_netdev(), whose ndo_stop masks the interrupts;
# component_del(), whose unbind stops the engine; the clocks gated; the
# device powered off or halted; the crypto engine stopped).
IRQ_NAME = re.compile(r"(?i)(irq|intr|interrupt)")
IRQ_REG = re.compile(r"(^|_)(IRQ|INT|INTR|IRN|IRNEN|IMR|IER|IEN|INTEN|INTMSK)([A-Z0-9]*)(_|$)")
STOP_CALLS = {"unregister_netdev", "component_del", "clk_disable_unprepare",
	      "clk_disable", "clk_bulk_disable_unprepare",
	      "crypto_engine_exit"}
STOP_NAME = re.compile(r"(?i)(power_?off|_halt$|_shutdown$|hw_stop$|hw_disable$|deactivate$)")

def quiesce_kind(name):
	"""What a call of name does to the devm IRQ, or None."""
	if IRQ_NAME.search(name):
		return "irq"
	if name in STOP_CALLS or STOP_NAME.search(name):
		return "stop"
	return None

def quiesced(p, fn, anywhere):
	"""The teardown fn holding p quiesces the IRQ or stops the device
	before p; with anywhere, an IRQ quiesced later (or in a loop or a
	branch) counts too."""
	at = (int(p[0].line), int(p[0].column))
	for line, col, kind in quiesce_at.get((p[0].file, fn), ()):
		if (line, col) < at or anywhere and kind == "irq":
			return True
	return False

def cleared_first(p, w):
	"""The teardown clears a flag that guards every queue of w before
	the cancel at p: the handler queues nothing after that."""
	f = p[0].file
	g = guards.get((f, w))
	if not g:
		return False
	t = _text(f)
	at = _off(t, p[0])
	o = t.rfind("\n{", 0, at)
	body = t[o:at]
	for x in g:
		x = re.escape(x)
		if re.search(r"(->|\.)%s\s*=\s*(0|false)\s*;|atomic_set\s*\([^;]*\b%s\s*,\s*0\s*\)|WRITE_ONCE\s*\([^;]*\b%s\s*,\s*(0|false)\s*\)|clear_bit\s*\(\s*%s\b" % (x, x, x, x), body):
			return True
	return False

@anchor depends on org || report@
@@

(
devm_request_irq(...)
|
devm_request_threaded_irq(...)
|
devm_request_any_context_irq(...)
)

@anchor2 depends on anchor@
@@

(
cancel_work_sync(...)
|
cancel_delayed_work_sync(...)
|
destroy_workqueue(...)
|
pci_free_irq_vectors(...)
|
pci_disable_msi(...)
|
pci_disable_msix(...)
|
kfree(...)
|
kvfree(...)
)

@devirq depends on anchor2@
expression dev, irq, flags, name, D, E;
identifier h;
@@

(
devm_request_irq(dev, irq, h, flags, name, D)
|
devm_request_threaded_irq(dev, irq, NULL, h, ...)
|
devm_request_threaded_irq(dev, irq, h, ...)
|
devm_request_threaded_irq(dev, irq, E, h, ...)
|
devm_request_any_context_irq(dev, irq, h, flags, name, D)
)

// What the handler queues: a work item field ...
@hqw depends on devirq@
identifier devirq.h;
identifier w;
expression E, Q, T;
position ph, pw;
@@

h@ph(...)
{
  <+...
(
  schedule_work@pw(&E->w)
|
  schedule_delayed_work@pw(&E->w, T)
|
  queue_work@pw(Q, &E->w)
|
  queue_delayed_work@pw(Q, &E->w, T)
|
  mod_delayed_work@pw(Q, &E->w, T)
)
  ...+>
}

@script:python@
w << hqw.w;
ph << hqw.ph;
pw << hqw.pw;
@@
queued.add((ph[0].file, w))
guard(ph, pw, w)

// ... or the workqueue field it queues on.
@hqq depends on devirq@
identifier devirq.h;
identifier w;
expression E;
position ph, pw;
@@

h@ph(...)
{
  <+...
(
  queue_work@pw(E->w, ...)
|
  queue_delayed_work@pw(E->w, ...)
|
  mod_delayed_work@pw(E->w, ...)
)
  ...+>
}

@script:python@
w << hqq.w;
ph << hqq.ph;
pw << hqq.pw;
@@
queued.add((ph[0].file, w))
guard(ph, pw, w)

// Teardown functions: the driver's remove callback, or a devm action
// registered after the IRQ was requested.
@rmfn depends on anchor2@
identifier drv, s, fn;
identifier rmf = {remove, remove_new};
position pr;
@@

struct s drv@pr = {
  .rmf = fn,
};

@rmfn2 depends on anchor2@
identifier drv, s, fn, dr;
identifier rmf = {remove, remove_new};
position pr;
@@

struct s drv@pr = {
  .dr = {
    .rmf = fn,
  },
};

@act depends on anchor2 exists@
identifier fn;
expression dev, dev2, irq, data;
position pr;
@@

(
devm_request_irq(dev, irq, ...)
|
devm_request_threaded_irq(dev, irq, ...)
|
devm_request_any_context_irq(dev, irq, ...)
)
...
(
devm_add_action@pr(dev2, fn, data)
|
devm_add_action_or_reset@pr(dev2, fn, data)
)

@script:python@
fn << rmfn.fn;
pr << rmfn.pr;
@@
teardown.add((pr[0].file, fn))

@script:python@
fn << rmfn2.fn;
pr << rmfn2.pr;
@@
teardown.add((pr[0].file, fn))

@script:python@
fn << act.fn;
pr << act.pr;
@@
teardown.add((pr[0].file, fn))

@bad depends on devirq exists@
identifier fn;
identifier w;
expression E;
position p;
@@

fn(...)
{
  ... when any
(
  cancel_work_sync@p(&E->w)
|
  cancel_delayed_work_sync@p(&E->w)
|
  destroy_workqueue@p(E->w)
)
  ... when any
}

// Where each function of the file quiesces the IRQ (quiesce_kind()):
// the reports below leave alone a teardown that quiesces it before the
// cancel or the free, and a cancel in a teardown that frees, disables or
// masks the IRQ anywhere (even later, in a loop or a branch). Only the
// functions that cancel or free are looked at.
@qfn depends on anchor2 exists@
identifier fn;
@@

fn(...)
{
  <+...
(
  cancel_work_sync(...)
|
  cancel_delayed_work_sync(...)
|
  destroy_workqueue(...)
|
  kfree(...)
|
  kvfree(...)
)
  ...+>
}

@qcall exists@
identifier qfn.fn;
identifier g : script:python() { quiesce_kind(g) is not None };
position q;
@@

fn(...)
{
  <+... g@q(...) ...+>
}

@script:python@
fn << qfn.fn;
g << qcall.g;
q << qcall.q;
@@
for x in q:
	quiesce_at.setdefault((x.file, fn), []).append(
		(int(x.line), int(x.column), quiesce_kind(g)))

@qreg exists@
identifier qfn.fn;
identifier C : script:python() { IRQ_REG.search(C) is not None };
position q;
@@

fn(...)
{
  <+... C@q ...+>
}

@script:python@
fn << qfn.fn;
q << qreg.q;
@@
for x in q:
	quiesce_at.setdefault((x.file, fn), []).append(
		(int(x.line), int(x.column), "irq"))

// An IRQ turned off right after its request (disable_irq() in the
// requesting function, or IRQF_NO_AUTOEN) is on only between the
// driver's own enable and disable (attach/detach, start/stop), which
// teardown pairs before it gets here: the file is left alone.
@offat depends on anchor2 exists@
expression dev, irq;
position pr;
@@

\(devm_request_irq@pr\|devm_request_threaded_irq@pr\|devm_request_any_context_irq@pr\)(dev, irq, ...)
... when any
\(disable_irq\|disable_irq_nosync\)(irq)

@script:python@
pr << offat.pr;
@@
off_at_probe.add(pr[0].file)

@noautoen depends on anchor2@
position pr;
@@

IRQF_NO_AUTOEN@pr

@script:python@
pr << noautoen.pr;
@@
off_at_probe.add(pr[0].file)

// ... unless the requesting function enables it again itself.
@onlater depends on anchor2 exists@
expression dev, irq;
position pr;
@@

\(devm_request_irq@pr\|devm_request_threaded_irq@pr\|devm_request_any_context_irq@pr\)(dev, irq, ...)
... when any
enable_irq(irq)

@script:python@
pr << onlater.pr;
@@
on_after_probe.add(pr[0].file)

// The devm IRQ's dev_id (an object of the same type) freed in a teardown:
// the handler can run on it until devres frees the IRQ after remove().
@devid depends on anchor2@
type T;
T *D;
expression dev, irq;
@@

(
devm_request_irq(dev, irq, ..., D)
|
devm_request_threaded_irq(dev, irq, ..., D)
|
devm_request_any_context_irq(dev, irq, ..., D)
)

@badfree depends on devid exists@
type devid.T;
T *E;
identifier fn;
position p;
@@

fn(...)
{
  ... when any
  \(kfree@p\|kvfree@p\)(E)
  ... when any
}

@script:python depends on report@
p << badfree.p;
fn << badfree.fn;
@@
f = p[0].file
if (f, fn) in teardown and not quiesced(p, fn, False) and \
   (f not in off_at_probe or f in on_after_probe):
	coccilib.report.print_report(p[0],
		"WARNING: the devm IRQ's dev_id is freed while its handler is "
		"still registered (devres frees the IRQ after this): an "
		"interrupt now runs the handler on freed memory; free or "
		"disable the IRQ first, or allocate the object with devm")

@script:python depends on org@
p << badfree.p;
fn << badfree.fn;
@@
f = p[0].file
if (f, fn) in teardown and not quiesced(p, fn, False) and \
   (f not in off_at_probe or f in on_after_probe):
	coccilib.org.print_todo(p[0],
		"the devm IRQ's dev_id freed while its handler is registered")

// IRQ vectors freed in a teardown function (or a devm action registered
// after the IRQ) that frees no IRQ itself: devres frees the devm IRQ
// later, on a vector that no longer exists. Masking or disabling the
// IRQ does not help here.
@badvec depends on anchor2 exists@
identifier fn;
position p;
@@

fn(...)
{
  ... when any
(
  pci_free_irq_vectors@p(...)
|
  pci_disable_msi@p(...)
|
  pci_disable_msix@p(...)
)
  ... when any
}

@vecfreed@
identifier badvec.fn;
position pq;
@@

fn@pq(...)
{
  <+...
(
  free_irq(...)
|
  devm_free_irq(...)
|
  pci_free_irq(...)
)
  ...+>
}

@script:python@
fn << badvec.fn;
pq << vecfreed.pq;
@@
vecs_freed.add((pq[0].file, fn))

@script:python depends on report@
p << badvec.p;
fn << badvec.fn;
@@
f = p[0].file
if (f, fn) in teardown and (f, fn) not in vecs_freed:
	coccilib.report.print_report(p[0],
		"WARNING: IRQ vectors freed while the devm IRQ requested on "
		"them is still registered (devres frees it after this, on a "
		"vector that is gone); devm_free_irq() first, or register the "
		"vectors' release as a devm action before requesting the IRQ")

@script:python depends on org@
p << badvec.p;
fn << badvec.fn;
@@
f = p[0].file
if (f, fn) in teardown and (f, fn) not in vecs_freed:
	coccilib.org.print_todo(p[0],
		"IRQ vectors freed while a devm IRQ on them is registered")

@script:python depends on report@
p << bad.p;
w << bad.w;
fn << bad.fn;
@@
f = p[0].file
if (f, w) in queued and (f, fn) in teardown and \
   not quiesced(p, fn, True) and not cleared_first(p, w) and \
   (f not in off_at_probe or f in on_after_probe):
	coccilib.report.print_report(p[0],
		"WARNING: ->%s is torn down while the devm IRQ handler that "
		"queues it is still live (devres frees the IRQ after this); "
		"disable or free the IRQ first" % w)

@script:python depends on org@
p << bad.p;
w << bad.w;
fn << bad.fn;
@@
f = p[0].file
if (f, w) in queued and (f, fn) in teardown and \
   not quiesced(p, fn, True) and not cleared_first(p, w) and \
   (f not in off_at_probe or f in on_after_probe):
	coccilib.org.print_todo(p[0],
		"->%s torn down while the devm IRQ handler can still queue it" % w)
