// SPDX-License-Identifier: GPL-2.0
/// pm_runtime_get_sync() increments the device's usage count even when the
/// resume fails, so an error path that returns (directly, or through a goto
/// to a label) without a pm_runtime_put*() leaks the count: the device can
/// never runtime-suspend again. Use pm_runtime_resume_and_get(), which drops
/// the count itself on failure, or put the count on the error path.
/// pm_runtime_disable() and pm_runtime_set_suspended() on the error path
/// are no put: the count survives them, and a failed probe's count is
/// still raised when the driver binds again.
///
/// Patch mode rewrites only "ret = pm_runtime_get_sync(dev); if (ret < 0)
/// ...", whose error branch (a return, or a goto to a label) puts on no
/// path, and only when ret is not read on the success path before being
/// assigned again (get_sync returns 1 for an already active device where
/// resume_and_get returns 0).
///
/// Not reported, because the count is not the error path's to drop: a
/// function that put the count earlier (it gives the count back and takes
/// it again, as pci-j721e's mode switch does), and, when the function puts
/// no count after the get (one that does, on a later error path or once
/// done, owns the count it took), a void function in a
/// file where another function puts without getting (an .enable/.disable
/// pair: the count stays raised until .disable puts it, as in
/// microchip-lvds; a put on the error path would underflow it there), and
/// a function other than a probe or a suspend whose device expression its
/// off half (the function of the file named like it with on/off,
/// enable/disable, resume/suspend, start/stop, get/put, ... swapped) puts
/// without getting, when the function is a system-sleep resume (the PM
/// core calls the next suspend whatever the resume returned) or releases
/// nothing on its later failures either (venus' power-on/power-off pair:
/// the off half drops the count whatever the on half did). A suspend that
/// fails is not resumed, and the core calls an off half only after an on
/// half that succeeded as a rule, so those on halves must put on failure.
//
// Confidence: High
// Options: --no-includes --include-headers
// Keywords: pm_runtime_get_sync, pm_runtime_resume_and_get

virtual patch
virtual context
virtual org
virtual report

@initialize:python@
@@

pm_writes = set()
pm_unsafe = set()
pm_putting = set()
pm_leaks = set()
pm_putters = set()
pm_texts = {}

import re

def pm_code(name):
    """The file's text with comments and strings blanked."""
    if name not in pm_texts:
        with open(name, errors="replace") as f:
            t = f.read()
        pm_texts[name] = re.sub(r"/\*.*?\*/|//[^\n]*|\"(?:\\.|[^\"\\\n])*\"",
                                lambda m: re.sub(r"[^\n]", " ", m.group(0)),
                                t, flags=re.S)
    return pm_texts[name]

def pm_bodies(name):
    """(function name, is void, body start, body end) of each function."""
    t = pm_code(name)
    out = []
    for m in re.finditer(r"^(\w[^;{}()]*?)\b(\w+)\s*\([^;{}]*\)\s*\{", t, re.M):
        depth = 0
        for j in range(m.end() - 1, len(t)):
            if t[j] == "{":
                depth += 1
            elif t[j] == "}":
                depth -= 1
                if depth == 0:
                    break
        out.append((m.group(2), re.search(r"\bvoid\s*$", m.group(1)) is not
                    None, m.end(), j))
    return out

def pm_offset(name, line, col):
    t = pm_code(name)
    off = 0
    for _ in range(int(line) - 1):
        off = t.index("\n", off) + 1
    return off + int(col)

def pm_handed_over(pos):
    """The count this get takes is not this error path's to drop.
    - The function put the count before taking it again: it only
      restores what it gave back (pci-j721e's mode switch).
    - A void function that puts no count itself after the get, in a file
      where another function puts without getting: it cannot report its
      failure, so the core calls its off half anyway (an .enable/.disable
      pair, microchip-lvds), and a put here would underflow the count.
    - A function other than a probe or a suspend that puts no count after
      the get, whose off half (pm_counterparts()), which never gets, puts
      the same device expression, when the function is a system-sleep
      resume (the PM core calls the next suspend whatever the resume
      returned) or releases nothing on its later failures either (venus'
      poweron_coreid(): the caller records the power as on before the
      call and the off half drops the count).
    A function that puts after the get (on a later error path or when it
    is done) owns the count it took; a suspend that fails is not resumed,
    and the core calls the off half only after an on half that succeeded
    as a rule."""
    t = pm_code(pos.file)
    at = pm_offset(pos.file, pos.line, pos.column)
    dev = pm_arg(t, at)
    bodies = pm_bodies(pos.file)
    for name, void, lo, hi in bodies:
        if lo <= at <= hi:
            if re.search(r"\bpm_runtime_put", t[lo:at]):
                return True
            if re.search(r"\bpm_runtime_put", t[at:hi]) or not void and \
               re.search(r"probe|(^|_)suspend(_|$)", name):
                return False
            keeps = void or pm_sleep_resume(t, name) or \
                len(re.findall(r"\breturn\s+(-\s*E[A-Z0-9]+|[A-Za-z_]\w*)\s*;",
                               t[at:hi])) > 1 and \
                not re.search(r"\bgoto\b", t[at:hi])
            if not keeps:
                return False
            pair = pm_counterparts(name)
            for name2, _, lo2, hi2 in bodies:
                if not void and name2 not in pair:
                    continue
                b = t[lo2:hi2]
                if re.search(r"\bpm_runtime_(get|resume_and_get)", b):
                    continue
                for m in re.finditer(r"\bpm_runtime_put\w*\s*\(", b):
                    if void or pm_arg(t, lo2 + m.start()) == dev:
                        return True
    return False

PM_SLEEP_OPS = re.compile(r"\b(SET_)?(LATE_|NOIRQ_)?SYSTEM_SLEEP_PM_OPS\s*\(|\b(DEFINE_)?SIMPLE_DEV_PM_OPS\s*\(")

def pm_sleep_resume(t, fn):
    """fn is a system-sleep resume callback of a struct dev_pm_ops."""
    for m in PM_SLEEP_OPS.finditer(t):
        o = m.end() - 1
        depth = 0
        for j in range(o, len(t)):
            depth += (t[j] == "(") - (t[j] == ")")
            if depth == 0:
                break
        if re.search(r"\b%s\s*$" % fn, t[o + 1:j]):
            return True
    for m in re.finditer(r"\.(resume|resume_early|resume_noirq|restore|thaw)\s*=\s*&?%s\b" % fn, t):
        if re.search(r"\bdev_pm_ops\s+\w+\s*=\s*\{[^{}]*$", t[max(0, m.start() - 2000):m.start()]):
            return True
    return False

PM_PAIRS = [("poweron", "poweroff"), ("power_on", "power_off"),
            ("enable", "disable"), ("resume", "suspend"), ("start", "stop"),
            ("get", "put"), ("prepare", "unprepare"), ("attach", "detach"),
            ("acquire", "release"), ("on", "off")]

def pm_counterparts(name):
    """The names of the off half of a function named like an on half
    (foo_poweron -> foo_poweroff, foo_enable -> foo_disable, ...)."""
    out = set()
    for a, b in PM_PAIRS:
        for x, y in ((a, b), (b, a)):
            n = re.sub(r"(^|_)%s(_|$)" % x, r"\g<1>%s\g<2>" % y, name)
            if n != name:
                out.add(n)
    return out

def pm_arg(t, at):
    """The first argument of the call at offset at, spaces removed."""
    o = t.index("(", at)
    depth = 0
    for j in range(o, len(t)):
        if t[j] == "(":
            depth += 1
        elif t[j] == ")":
            depth -= 1
        if depth == 0 or depth == 1 and t[j] == ",":
            return re.sub(r"\s", "", t[o + 1:j])
    return None

def pm_key(pos):
    return (pos.file, pos.line, pos.column)

// The failure test of a pm_runtime_get_sync() result, and an error branch
// that returns with no pm_runtime_put*() on the way (of any argument: the
// put often names the same device through another expression).

@err exists@
expression dev, ret, E2;
identifier put =~ "pm_runtime_put|runtime_put|rpm_put|pm_put";
position p, q;
@@

(
ret = pm_runtime_get_sync@p(dev);
... when != ret
if (\(ret < 0\|ret\|ret != 0\|unlikely(ret < 0)\|WARN_ON(ret < 0)\|IS_ERR_VALUE(ret)\|ret < 0 && E2\))
{
  ... when != put(...)
  return@q ...;
}
|
if (\(pm_runtime_get_sync@p(dev) < 0\|pm_runtime_get_sync@p(dev)\))
{
  ... when != put(...)
  return@q ...;
}
)

// Helpers of the same file that put the count (bam_dmux_tx_done(), say)
// count as puts.

@putter depends on err@
identifier put =~ "pm_runtime_put|runtime_put|rpm_put|pm_put";
position pp;
@@

put@pp(...)

@script:python@
pp << putter.pp;
@@

pm_putters.add(pp[0].current_element)

// An error path that puts on some path only (under the same condition that
// took the count, say) is the driver's business: left alone.

@putpath depends on err exists@
expression dev, ret, E2;
identifier put =~ "pm_runtime_put|runtime_put|rpm_put|pm_put";
identifier helper : script:python() { helper in pm_putters };
position err.p, pp;
@@

(
ret = pm_runtime_get_sync@p@pp(dev);
... when != ret
if (\(ret < 0\|ret\|ret != 0\|unlikely(ret < 0)\|WARN_ON(ret < 0)\|IS_ERR_VALUE(ret)\|ret < 0 && E2\))
{
  ...
  \(put(...)\|helper(...)\);
  ...
  return ...;
}
|
if (\(pm_runtime_get_sync@p@pp(dev) < 0\|pm_runtime_get_sync@p@pp(dev)\))
{
  ...
  \(put(...)\|helper(...)\);
  ...
  return ...;
}
)

@script:python@
p << putpath.pp;
@@

pm_putting.add(pm_key(p[0]))

@script:python leak@
p << err.p;
q << err.q;
lp;
@@

if pm_key(p[0]) in pm_putting or pm_handed_over(p[0]):
    cocci.include_match(False)
else:
    x = p[0]
    pm_leaks.add(pm_key(x))
    coccinelle.lp = cocci.make_position(x.file, x.current_element, int(x.line), int(x.column), int(x.line_end), int(x.column_end))

// Patch mode: only the plain shape, and only where ret is not read on the
// success path before it is assigned again. A read is an occurrence of ret
// after the test that is not the left-hand side of an assignment to it.

@plain depends on patch exists@
expression dev, ret;
identifier put =~ "pm_runtime_put|runtime_put|rpm_put|pm_put";
position p : script:python() { pm_key(p[0]) in pm_leaks };
@@

ret = pm_runtime_get_sync@p(dev);
if (ret < 0) {
  ... when != put(...)
  return ...;
}

@assign depends on patch@
expression plain.ret, E;
position w;
@@

ret@w = E

@script:python depends on patch@
w << assign.w;
@@

pm_writes.add(pm_key(w[0]))

@use depends on patch exists@
expression plain.ret, E;
statement S;
position plain.p, u;
@@

ret = pm_runtime_get_sync@p(...);
if (ret < 0) S
... when != ret = E
ret@u

@script:python depends on patch@
p << plain.p;
u << use.u;
@@

if pm_key(u[0]) not in pm_writes:
    pm_unsafe.add(pm_key(p[0]))

@depends on patch@
expression dev, ret;
position plain.p : script:python() { pm_key(p[0]) not in pm_unsafe };
@@

ret =
- pm_runtime_get_sync@p(dev)
+ pm_runtime_resume_and_get(dev)
  ;

@script:python depends on report@
p << leak.lp;
q << err.q;
@@

msg = "pm_runtime_get_sync() raised the usage count even on failure, and the error path returning at line %s does not put it: use pm_runtime_resume_and_get()" % q[0].line
coccilib.report.print_report(p[0], msg)

@script:python depends on org@
p << leak.lp;
q << err.q;
@@

cocci.print_main("pm_runtime_get_sync() failure leaks the usage count", p)
cocci.print_secs("return without pm_runtime_put*()", q)

@depends on context@
position leak.lp;
@@

* pm_runtime_get_sync@lp(...)
