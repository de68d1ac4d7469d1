// SPDX-License-Identifier: GPL-2.0
/// Style findings about the scope-based cleanup helpers of
/// <linux/cleanup.h>: departures from the header's guidance that are not a
/// failure by themselves. Every message starts with "style:"; the survey
/// does not count them as bugs. (cleanup_misuse.cocci reports the concrete
/// failure among them: a goto into the scope of a cleanup variable.)
///
/// - a goto in a function that also uses __free(), guard() or
///   scoped_guard(): cleanup.h asks that goto-based unwinding and
///   scope-based cleanup never be mixed in one function. Reported at the
///   function's first goto.
/// - a "T *p __free(f) = NULL;" declaration that every path assigns later
///   with "p = alloc(...);": cleanup.h recommends defining and assigning in
///   one statement, so that the cleanups run in the reverse order of the
///   allocations (a guard() or another __free() variable taken in between
///   is released in the wrong order). A conditional assignment (only on
///   some paths) is left alone.
/// - "no_free_ptr(p);" as a statement: the pointer is taken out of the
///   cleanup and dropped; when ownership was handed over before,
///   retain_and_null_ptr(p) says so (no_free_ptr() is __must_check).
//
// spatch 1.1.1 parses __free(f) only when a rule declares "attribute name
// __free", and scoped_guard(...) only when one declares "iterator name
// scoped_guard" (both done below). It cannot parse scoped_cond_guard(name,
// return -EINTR, lock), a statement as a macro argument: such functions are
// skipped. CLASS(), scoped_class() and the *_scoped iterators are not
// counted as cleanup users.
//
// Confidence: Low
// Options: --no-includes --include-headers
// Keywords: __free, guard, scoped_guard, no_free_ptr, cleanup.h

virtual context
virtual org
virtual report

@initialize:python@
@@

cl_users = set()
cl_first = {}

def cl_fn(p):
    return (p.file, p.current_element)

def cl_is_first(p):
    q = cl_first.get(cl_fn(p[0]))
    return q is not None and (q.line, q.column) == (p[0].line, p[0].column)

// (a) goto mixed with scope-based cleanup. The metavariable declarations
// below also tell spatch's C parser that __free(...) is an attribute and
// scoped_guard(...) a loop, which it cannot guess by itself. Matching the
// constructs alone (not whole function bodies) keeps the rule cheap: the
// function is the match's current_element.

@uses@
attribute name __free;
iterator name scoped_guard;
type T;
identifier x;
expression E;
statement S;
position p;
@@

(
T x@p __free(...) = E;
|
T x@p __free(...);
|
guard@p(...)(...);
|
scoped_guard@p(...) S
)

@script:python@
p << uses.p;
@@

cl_users.add(cl_fn(p[0]))

@gotos depends on uses@
identifier l;
position p : script:python() { cl_fn(p[0]) in cl_users };
@@

goto@p l;

@script:python@
p << gotos.p;
@@

k = cl_fn(p[0])
q = cl_first.get(k)
if q is None or (int(p[0].line), int(p[0].column)) < (int(q.line), int(q.column)):
    cl_first[k] = p[0]

@mixed depends on gotos@
identifier l;
position g : script:python() { cl_is_first(g) };
@@

goto@g l;

@script:python depends on report@
g << mixed.g;
@@

coccilib.report.print_report(g[0], "style: goto in %s(), which also uses __free()/guard(): cleanup.h asks not to mix goto unwinding with scope-based cleanup in one function; convert all of its cleanup to one style" % g[0].current_element)

// (b) __free(...) = NULL, then assigned on every path further on.

@apart@
attribute name __free;
iterator name scoped_guard;
type T;
identifier x, f;
position pd, pa;
@@

T x@pd __free(...) = NULL;
... when != x
x@pa = f(...);

// Assigned in both branches of an if/else binds pa twice: conditional,
// left alone.

@script:python apart1@
pd << apart.pd;
pa << apart.pa;
d;
@@

if len(pa) == 1:
    q = pd[0]
    coccinelle.d = cocci.make_position(q.file, q.current_element, int(q.line), int(q.column), int(q.line_end), int(q.column_end))
else:
    cocci.include_match(False)

@script:python depends on report@
x << apart.x;
d << apart1.d;
pa << apart.pa;
@@

coccilib.report.print_report(d[0], "style: %s is declared __free() = NULL and assigned at line %s: cleanup.h asks to define and assign it in one statement there, so that cleanups run in reverse order of allocation" % (x, pa[0].line))

// (c) the result of no_free_ptr() dropped.

@dropped@
expression e;
position p;
@@

(
no_free_ptr@p(e);
|
  (void)no_free_ptr@p(e);
)

@script:python depends on report@
p << dropped.p;
@@

coccilib.report.print_report(p[0], "style: no_free_ptr() result unused: the pointer leaves the cleanup and is dropped (a leak unless ownership was handed over; then say so with retain_and_null_ptr())")

// context and org modes: the same places.

@depends on context@
position mixed.g;
identifier l;
@@

* goto@g l;

@depends on context@
position apart1.d;
type T;
identifier x;
@@

* T x@d __free(...) = NULL;

@depends on context@
position dropped.p;
expression e;
@@

* no_free_ptr@p(e)

@script:python depends on org@
g << mixed.g;
@@

cocci.print_main("goto mixed with scope-based cleanup", g)

@script:python depends on org@
d << apart1.d;
pa << apart.pa;
@@

cocci.print_main("__free() = NULL declared apart from its assignment", d)
cocci.print_secs("assignment", pa)

@script:python depends on org@
p << dropped.p;
@@

cocci.print_main("no_free_ptr() result unused", p)
