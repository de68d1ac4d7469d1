// SPDX-License-Identifier: GPL-2.0
/// Misc device lifetime bugs.
///
/// - A struct miscdevice embedded in devm memory (devm_kzalloc()) whose file
///   operations get back to that memory with container_of(): misc_deregister()
///   only removes the device node, it does not wait for or close files
///   already open, so after unbind the devm memory is freed while an open
///   file still reaches it (read/ioctl/release are then a use after free).
///   Allocate the structure with kzalloc() and free it when the last open
///   file is released (kref), or keep the per-device state out of it.
///   Drivers that cannot be unbound (suppress_bind_attrs, probed with
///   platform_driver_probe()) are left alone.
/// - The structure holding the miscdevice freed before misc_deregister():
///   the device node is still live, and misc_deregister() itself reads the
///   freed memory. Deregister first, then free.
/// - misc_register() succeeded, then a later probe error returns without
///   misc_deregister(): the device node stays registered, pointing at
///   memory the failed probe releases.
///
// Confidence: Moderate
// Options: --no-includes --include-headers
// Keywords: misc_register, misc_deregister, devm_kzalloc, container_of

virtual report

@initialize:python@
@@
seen = set()
helpers = set()
retried = set()
unbindable = set()

def once(p, msg):
	key = (p[0].file, p[0].line)
	if key not in seen:
		seen.add(key)
		coccilib.report.print_report(p[0], msg)

// ---------------------------------------------------------------------
// (a) miscdevice in devm memory, reached from the file operations

@cof@
identifier S, fld;
expression E;
@@
container_of(E, struct S, fld)

@reg@
identifier cof.S, cof.fld;
struct S *q;
@@
misc_register(&q->fld)

// Drivers that cannot be unbound. Recorded per file rather than used as
// "depends on !nobind": spatch 1.1.1's file prefilter under --jobs > 1
// drops every file for "reg && !nobind".
@nobind_attr depends on report && reg@
symbol true;
identifier I, x, drv;
position np;
@@
struct I x@np = { .drv = { .suppress_bind_attrs = true, }, };

@script:python@
np << nobind_attr.np;
@@
unbindable.add(np[0].file)

@nobind_probe depends on report && reg@
position np;
@@
\(platform_driver_probe@np\|module_platform_driver_probe@np\)(...)

@script:python@
np << nobind_probe.np;
@@
unbindable.add(np[0].file)

@devm_misc depends on report && reg@
identifier cof.S;
struct S *p;
identifier alloc = {devm_kzalloc, devm_kmalloc, devm_kcalloc, devm_kmalloc_array};
position pa;
@@
p = alloc@pa(...)

// The miscdevice must have file operations: container_of() from the
// misc device's sysfs attributes alone (dw-xdata-pcie) is drained by
// misc_deregister(), and so is safe
@script:python depends on report@
pa << devm_misc.pa;
S << cof.S;
@@
import re
with open(pa[0].file, errors="replace") as f:
	has_fops = re.search(r"\bstruct\s+file_operations\b", f.read()) is not None
if has_fops and pa[0].file not in unbindable:
	once(pa,
	"struct %s holds a registered miscdevice but is devm-allocated: after unbind the devm memory is freed while a file opened before it still reaches it (container_of() in the file operations), a use after free; use kzalloc() and free on the last release (kref)" % S)

// ---------------------------------------------------------------------
// (b) freed before misc_deregister()

@early_free exists@
expression E;
identifier fld;
identifier fr = {kfree, kvfree, kfree_sensitive};
position p, q;
@@
(
 fr@p(E);
 ... when != E = ...
 misc_deregister@q(&E->fld);
|
 fr@p(E);
 ... when != E = ...
 misc_deregister@q(E);
)

// a path around a loop (one device torn down, then the next) is no bug:
// only a misc_deregister() below the free counts
@script:python depends on report@
p << early_free.p;
q << early_free.q;
@@
if int(q[0].line) > int(p[0].line):
    once(p,
	"freed before misc_deregister(): the device node is still live and can be opened, and misc_deregister() itself uses the freed miscdevice; call misc_deregister() first, then free")

// ---------------------------------------------------------------------
// (c) probe error after misc_register() without misc_deregister()

// in-file helpers that deregister (toshiba_acpi_remove(), mwave_exit(),
// ifs_cleanup()) count as the unwind; collected per file
@file_regs depends on report@
position fp;
@@
misc_register@fp(...)

@script:python@
fp << file_regs.fp;
@@
helpers.clear()

@dereg_helper depends on report@
identifier hf;
@@
hf(...) { <+... misc_deregister(...) ...+> }

@script:python@
hf << dereg_helper.hf;
@@
helpers.add(hf)

// An unwind that deregisters under a condition (the same condition the
// registration was under: wdt, pcwd, watchdog_dev) is taken as right, and
// so is a second misc_register() on the way (a retry, the next loop
// iteration whose failure unwinds the earlier ones).
@missing depends on report exists@
expression M, ret, R, E3, E5;
statement S;
identifier f;
identifier hc : script:python () { hc in helpers };
position p, r;
@@
f(...) {
 ... when any
(
 ret = misc_register@r(M);
 if (\(ret\|ret < 0\|ret != 0\)) S
|
 if (\(misc_register@r(M)\|misc_register@r(M) < 0\)) S
)
 ... when != misc_deregister(M)
     when != misc_register(...)
     when != hc(...)
     when != devm_add_action(...)
     when != devm_add_action_or_reset(...)
     when any
 if (E3) {
 ... when != misc_deregister(M)
     when != hc(...)
     when != if (E5) misc_deregister(M);
     when != if (E5) { ... misc_deregister(M); ... }
     when any
 return@p R;
 }
 ... when any
}

// a failed misc_register() retried with another minor (serio_raw): the
// error check after the retry tests the retry, not the first call
@retry depends on report@
expression M, ret;
position r;
@@
ret = misc_register@r(M);
if (ret) { ... ret = misc_register(M); ... }

@script:python depends on report@
r << retry.r;
@@
retried.add((r[0].file, r[0].line))

@script:python depends on report@
p << missing.p;
r << missing.r;
R << missing.R;
@@
if R != "0" and int(p[0].line) > int(r[0].line) and \
   (r[0].file, r[0].line) not in retried:
    once(p,
	"error return after misc_register() (line %s) succeeded without misc_deregister(): the device node stays registered and points at memory the failed probe releases; unwind with misc_deregister()" % r[0].line)
