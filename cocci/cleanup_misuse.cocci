// SPDX-License-Identifier: GPL-2.0
/// A goto that jumps forward over the declaration of a scope-based cleanup
/// variable of <linux/cleanup.h> (T *p __free(f) = ..., guard(...)(...))
/// to a label inside that variable's scope. The jump skips the
/// initialisation, but the cleanup still runs when the scope ends: f() is
/// called on an uninitialised pointer, or the guard releases a lock it
/// never took. GCC accepts such a jump without a word (clang rejects it),
/// so a driver built with GCC can carry it. Reported at the goto; move the
/// declaration before the goto, or the label out of the scope (cleanup.h
/// asks not to mix goto unwinding with scope-based cleanup at all: see
/// cleanup_style.cocci for that guidance).
//
// The label is found in the file's text: the first "label:" after the
// goto. spatch 1.1.1 parses __free(f) only when a rule declares "attribute
// name __free".
//
// Confidence: High
// Options: --no-includes --include-headers
// Keywords: __free, guard, goto, cleanup.h

virtual report
virtual org

@initialize:python@
@@
import re

cm_decls = {}
cm_texts = {}

def cm_text(name):
    if name not in cm_texts:
        with open(name, errors="replace") as f:
            t = f.read()
        cm_texts[name] = re.sub(r"/\*.*?\*/|//[^\n]*|\"(?:\\.|[^\"\\\n])*\"",
                                lambda m: re.sub(r"[^\n]", " ", m.group(0)),
                                t, flags=re.S)
    return cm_texts[name]

def cm_offset(p):
    t = cm_text(p.file)
    off = 0
    for _ in range(int(p.line) - 1):
        off = t.index("\n", off) + 1
    return off + int(p.column)

def cm_scope_end(t, at):
    """Offset of the brace closing the block that holds offset at."""
    depth = 0
    for j in range(at, len(t)):
        if t[j] == "{":
            depth += 1
        elif t[j] == "}":
            if depth == 0:
                return j
            depth -= 1
    return len(t)

def cm_jumped(g, label):
    """(name, line) of a cleanup declaration the goto at g skips into."""
    t = cm_text(g.file)
    at = cm_offset(g)
    m = re.compile(r"^[ \t]*%s[ \t]*:(?!:)" % re.escape(label), re.M).search(t, at)
    if not m:
        return None
    lab = m.start()
    for d, name, line in cm_decls.get((g.file, g.current_element), []):
        if at < d < lab < cm_scope_end(t, d):
            return name, line
    return None

@decl@
attribute name __free;
type T;
identifier x;
expression E, L;
position p;
@@

(
T x@p __free(...) = E;
|
guard@p(x)(L);
)

@script:python@
p << decl.p;
x << decl.x;
@@

cm_decls.setdefault((p[0].file, p[0].current_element), []).append(
    (cm_offset(p[0]), x, p[0].line))

@jump depends on decl@
identifier l;
position g;
@@

goto@g l;

@script:python depends on report@
g << jump.g;
l << jump.l;
@@

hit = cm_jumped(g[0], l)
if hit:
    coccilib.report.print_report(g[0], "goto %s jumps over the cleanup variable declared at line %s (%s) into its scope: its cleanup runs at the end of the scope on a value never initialised; declare it before the goto or move the label out of its scope" % (l, hit[1], hit[0]))

@script:python depends on org@
g << jump.g;
l << jump.l;
@@

hit = cm_jumped(g[0], l)
if hit:
    cocci.print_main("goto over a cleanup declaration into its scope", g)
