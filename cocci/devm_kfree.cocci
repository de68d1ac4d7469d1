// SPDX-License-Identifier: GPL-2.0
/// Find memory from devm_kzalloc(), devm_kmalloc(), devm_kcalloc(),
/// devm_kmalloc_array(), devm_krealloc(), devm_krealloc_array(),
/// devm_kstrdup(), devm_kmemdup(), devm_kasprintf() or devm_kvasprintf()
/// that is freed by hand with kfree(), kvfree() or kfree_sensitive().
/// devres still lists the block and frees it again when the device is
/// unbound: a double free (and the devres list points into freed memory
/// until then).  devm_kfree() is the correct early release.
/// The allocation and the free are tied by the same local variable: it is
/// assigned from devm_k*() and freed later in the same function, with no
/// other assignment to it on the way and none anywhere in the function
/// apart from NULL or another devm_k*() call (a variable that may hold
/// kmalloc() memory on some branch is left alone), and its address is
/// never taken.
/// Not covered: a structure field set from devm_k*() in probe and kfree()d
/// in another function.  That form was written (same field of the same
/// structure type, no other assignment of the field in the file) and found
/// nothing more over drivers/ of Linux 6.12 at three times the cost.
///
// Confidence: High
// Copyright: (C) 2026 kbind authors.
// Options: --no-includes --include-headers
// Keywords: devm, devres, kfree, double free

virtual report
virtual org

@initialize:python@
@@
# (file, function, variable) that the function also assigns something
# other than NULL or devm_k*() memory, or whose address it takes.
kunmanaged = set()

def msg(rf):
	return "WARNING: %s() of devm_k*() memory: devres frees it again on " \
	       "unbind (double free); drop it, or use devm_kfree() for an " \
	       "early release" % rf

// The same local variable, freed later in the same function.

@kloc depends on report || org exists@
local idexpression x;
expression E;
position p;
@@

(
x = devm_kzalloc(...)
|
x = devm_kmalloc(...)
|
x = devm_kcalloc(...)
|
x = devm_kmalloc_array(...)
|
x = devm_krealloc(...)
|
x = devm_krealloc_array(...)
|
x = devm_kstrdup(...)
|
x = devm_kmemdup(...)
|
x = devm_kasprintf(...)
|
x = devm_kvasprintf(...)
)
... when != x = E
    when != &x
(
kfree@p(x)
|
kvfree@p(x)
|
kfree_sensitive@p(x)
)

@kname@
identifier rf = {kfree, kvfree, kfree_sensitive};
position kloc.p;
@@

rf@p(...)

// Any other assignment of the variable in the function: it may hold
// unmanaged memory on some path.
@kother@
local idexpression kloc.x;
expression E;
position po;
@@

(
x = NULL
|
x = devm_kzalloc(...)
|
x = devm_kmalloc(...)
|
x = devm_kcalloc(...)
|
x = devm_kmalloc_array(...)
|
x = devm_krealloc(...)
|
x = devm_krealloc_array(...)
|
x = devm_kstrdup(...)
|
x = devm_kmemdup(...)
|
x = devm_kasprintf(...)
|
x = devm_kvasprintf(...)
|
x@po = E
|
 &x@po
)

@script:python@
x << kloc.x;
po << kother.po;
@@
kunmanaged.add((po[0].file, po[0].current_element, str(x)))

@script:python depends on report@
p << kloc.p;
x << kloc.x;
rf << kname.rf;
@@
if (p[0].file, p[0].current_element, str(x)) not in kunmanaged:
	coccilib.report.print_report(p[0], msg(rf))

@script:python depends on org@
p << kloc.p;
x << kloc.x;
rf << kname.rf;
@@
if (p[0].file, p[0].current_element, str(x)) not in kunmanaged:
	coccilib.org.print_todo(p[0], msg(rf))
