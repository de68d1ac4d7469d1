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
/// (unregister_netdev(), whose ndo_stop masks the interrupts; the clocks
/// disabled; a *_power_off()/*poweroff()/*_halt()/*_shutdown()/*hw_stop()
/// helper; crypto_engine_exit()): it raises no interrupt after that.
/// Nor files whose devm IRQ is turned off right after its request
/// (disable_irq() there, or IRQF_NO_AUTOEN) and not enabled again by the
/// requesting function: it is on only between the
/// driver's own enable and disable (attach/detach, start/stop), which
/// teardown undoes first.
/// Likewise pci_free_irq_vectors(), pci_disable_msi() or pci_disable_msix()
/// in such a function that frees no IRQ itself: devres then calls
/// free_irq() on a vector already gone (a devm action releasing the
/// vectors must be registered before the IRQ is requested, so that it
/// runs after the IRQ is freed).
///
// Confidence: Moderate
// Copyright: (C) 2026 kbind authors.
// Options: --no-includes --include-headers
// Keywords: devm_request_irq, remove, cancel_work_sync, destroy_workqueue, pci_free_irq_vectors

virtual report
virtual org

@initialize:python@
@@
queued = set()
teardown = set()
quieted = set()
vecs_freed = set()
stopped_at = set()
off_at_probe = set()
on_after_probe = set()

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
position ph;
@@

h@ph(...)
{
  <+...
(
  schedule_work(&E->w)
|
  schedule_delayed_work(&E->w, T)
|
  queue_work(Q, &E->w)
|
  queue_delayed_work(Q, &E->w, T)
|
  mod_delayed_work(Q, &E->w, T)
)
  ...+>
}

@script:python@
w << hqw.w;
ph << hqw.ph;
@@
queued.add((ph[0].file, w))

// ... or the workqueue field it queues on.
@hqq depends on devirq@
identifier devirq.h;
identifier w;
expression E;
position ph;
@@

h@ph(...)
{
  <+...
(
  queue_work(E->w, ...)
|
  queue_delayed_work(E->w, ...)
|
  mod_delayed_work(E->w, ...)
)
  ...+>
}

@script:python@
w << hqq.w;
ph << hqq.ph;
@@
queued.add((ph[0].file, w))

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

// Teardown functions that quiesce the IRQ somewhere (even in a loop or a
// branch, or later) are left alone.
// So are those that call a helper named after interrupts
// (foo_irq_disable(), ...) or name an interrupt register (FOO_IRQ_EN,
// FOO_INT_MASK, ...): they most likely mask the device's
// interrupt first.
@quiet@
identifier bad.fn;
identifier f =~ "(?i)(irq|intr|interrupt)";
position pq;
@@

fn@pq(...)
{
  <+...
(
  disable_irq(...)
|
  disable_irq_nosync(...)
|
  free_irq(...)
|
  devm_free_irq(...)
|
  synchronize_irq(...)
|
  f(...)
)
  ...+>
}

// An IRQ turned off right after its request (disable_irq() in the
// requesting function, or IRQF_NO_AUTOEN) is on only between the
// driver's own enable and disable (attach/detach, start/stop), which
// teardown pairs before it gets here: the file is left alone.
@offat depends on devirq exists@
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

@noautoen depends on devirq@
position pr;
@@

IRQF_NO_AUTOEN@pr

@script:python@
pr << noautoen.pr;
@@
off_at_probe.add(pr[0].file)

// ... unless the requesting function enables it again itself.
@onlater depends on devirq exists@
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

// Teardown functions that stop the device before the cancel: the netdev
// unregistered (its ndo_stop masks the interrupts), the clocks gated, the
// device powered off or halted, the crypto engine stopped. The device
// raises no interrupt after that, so the cancel is final.
@stopped exists@
identifier bad.fn;
identifier g =~ "(?i)(power_?off|_halt$|_shutdown$|hw_stop$|hw_disable$|deactivate$)";
position bad.p, q;
@@

fn(...)
{
  ... when any
(
  unregister_netdev(...)
|
  clk_disable_unprepare(...)
|
  clk_disable(...)
|
  clk_bulk_disable_unprepare(...)
|
  crypto_engine_exit(...)
|
  g(...)
)
  ... when any
(
  cancel_work_sync@p@q(...)
|
  cancel_delayed_work_sync@p@q(...)
|
  destroy_workqueue@p@q(...)
)
  ... when any
}

@script:python@
q << stopped.q;
@@
stopped_at.add((q[0].file, q[0].line))

@quietreg@
identifier bad.fn;
identifier C =~ "(^|_)(IRQ|INT|INTR|IRN|IRNEN|IMR|IER|IEN|INTEN|INTMSK)([A-Z0-9]*)(_|$)";
position pq;
@@

fn@pq(...)
{
  <+... C ...+>
}

@script:python@
fn << bad.fn;
pq << quietreg.pq;
@@
quieted.add((pq[0].file, fn))

@script:python@
fn << bad.fn;
pq << quiet.pq;
@@
quieted.add((pq[0].file, fn))

// IRQ vectors freed in a teardown function (or a devm action registered
// after the IRQ) that frees no IRQ itself: devres frees the devm IRQ
// later, on a vector that no longer exists. Masking or disabling the
// IRQ does not help here.
@badvec depends on devirq exists@
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
if (f, w) in queued and (f, fn) in teardown and (f, fn) not in quieted and \
   (f, p[0].line) not in stopped_at and (f not in off_at_probe or f in on_after_probe):
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
if (f, w) in queued and (f, fn) in teardown and (f, fn) not in quieted and \
   (f, p[0].line) not in stopped_at and (f not in off_at_probe or f in on_after_probe):
	coccilib.org.print_todo(p[0],
		"->%s torn down while the devm IRQ handler can still queue it" % w)
