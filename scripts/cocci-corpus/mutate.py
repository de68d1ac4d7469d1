# SPDX-License-Identifier: GPL-2.0
"""Mutation operators shared by the classes (mut_*.py).

Each yields (line, description, new text), the line being the first line
of the mutant that the operator changed or that now lacks a statement.
"""

import re

from ctext import IDENT, match_close


def arg(i):
    """Key: the i-th argument of the call, spaces removed."""
    def key(src, call):
        if len(call.args) <= i:
            return None
        return re.sub(r"\s+", "", call.args[i]).lstrip("&")
    return key


def lvalue(src, call):
    """Key: what the call's result is assigned to ("x = f(...)")."""
    s, _ = src.line_span(call.start)
    m = re.search(r"([\w.>\[\]-]+)\s*=\s*(\([^()]*\)\s*)?$", src.code[s:call.start])
    return m.group(1) if m else None


def stmt_line(src, span):
    return src.line_of(span[0])


def drop_release(src, acquire, akey, release, rkey):
    """Delete one release statement that sits on an error path of a
    function which acquires the same key before it. acquire and release
    are regexes of function names, akey/rkey key extractors."""
    for fn in src.functions():
        acq = [c for c in src.calls(acquire, fn.open, fn.close) if akey(src, c)]
        if not acq:
            continue
        keys = {akey(src, c): c.start for c in acq}
        for rel in src.calls(release, fn.open, fn.close):
            k = rkey(src, rel)
            if k not in keys or rel.start < keys[k]:
                continue
            span = src.statement(rel)
            if not span or not src.on_error_path(rel.start, fn):
                continue
            yield (src.line_of(span[0]),
                   "%s: %s() dropped from an error path" % (fn.name, rel.name),
                   src.replace(span[0], span[1], ""))


def stmt_end(src, i):
    """Offset of the line after the statement (block or simple) that
    starts at or after i; None when an else follows it."""
    code = src.code
    rest = code[i:]
    start = i + len(rest) - len(rest.lstrip())
    if code.startswith("{", start):
        end = match_close(code, start)
    else:
        end = code.find(";", start)
    if end < 0:
        return None
    e = src.line_span(end)[1]
    if code[end + 1:e].strip() or re.match(r"\s*else\b", code[e:]):
        return None
    return e


def after_check(src, call):
    """End of the if statement that checks the call's result: "x =
    call(...); if (...) ..." or "if (call(...)) ...", else None."""
    code = src.code
    ls = src.line_span(call.start)[0]
    head = code[ls:call.start]
    if re.fullmatch(r"\s*if\s*\(\s*(!\s*)?", head):
        pclose = match_close(code, code.index("(", ls))
        return stmt_end(src, pclose + 1) if pclose > 0 else None
    if not re.fullmatch(r"\s*[\w.>-]+\s*=\s*", head) or \
       not code[call.close + 1:].lstrip().startswith(";"):
        return None
    e = src.line_span(code.index(";", call.close))[1]
    m = re.match(r"\s*if\s*\(", code[e:])
    if not m:
        return None
    pclose = match_close(code, e + m.end() - 1)
    return stmt_end(src, pclose + 1) if pclose > 0 else None


def early_return(src, acquire, cond):
    """After an acquire and its error check, at the function's top level,
    insert an early "if (cond) return -ENODEV;" that skips the release.
    cond(call) gives the condition's text."""
    for fn in src.functions():
        for c in src.calls(acquire, fn.open, fn.close):
            if src.block(c.start)[0] != fn.open:
                continue
            pos = after_check(src, c)
            if pos is None:
                continue
            ind = src.indent(c.start)
            new = "%sif (%s)\n%s\treturn -ENODEV;\n" % (ind, cond(c), ind)
            yield (src.line_of(pos), "%s: early return -ENODEV after %s()"
                   % (fn.name, c.name), src.replace(pos, pos, new))


def insert_before_exits(src, fn, call, stmt):
    """Insert stmt before each "return"/"goto" that ends a braced if-body
    of fn after the call's own check: one mutant per exit."""
    start = after_check(src, call) or src.line_span(call.close)[1]
    body = src.code[start:fn.close]
    for m in re.finditer(r"^([ \t]*)(return\b[^;]*|goto\s+\w+\s*);", body, re.M):
        pos = start + m.start()
        blk = src.if_block(pos + len(m.group(1)))
        if not blk or src.code[pos:blk[1]].count(";") != 1:
            continue
        if m.group(2).startswith("return") and \
           not re.match(r"return\s*(-|\w+\s*;)", m.group(2)):
            continue
        if re.match(r"return\s+0\b", m.group(2)):
            continue
        yield (src.line_of(pos), "%s: %s added before %s" % (
            fn.name, stmt, m.group(2).strip()),
            src.replace(pos, pos, m.group(1) + stmt + "\n"))


SLEEP_OPS = re.compile(r"\b(SET_)?(LATE_|NOIRQ_)?SYSTEM_SLEEP_PM_OPS\s*\(|"
                       r"\b(DEFINE_)?SIMPLE_DEV_PM_OPS\s*\(")


def sleep_resume(src, name):
    """name is a system-sleep resume callback of a struct dev_pm_ops: the
    PM core calls the next suspend whatever it returned, so what it
    turns on and leaves on after a failure, the suspend turns off (the
    rules leave such a resume alone, and a mutant there is no bug)."""
    code = src.code
    for m in SLEEP_OPS.finditer(code):
        close = match_close(code, m.end() - 1)
        if re.search(r"\b%s\s*$" % name, code[m.end():close]):
            return True
    # .resume = name in a struct dev_pm_ops (other ops, such as host1x
    # client ops, have a .resume that is a runtime resume)
    for m in re.finditer(r"\.(resume|resume_early|resume_noirq|restore|thaw)"
                         r"\s*=\s*&?%s\b" % name, code):
        if re.search(r"\bdev_pm_ops\s+\w+\s*=\s*\{[^{}]*$",
                     code[max(0, m.start() - 2000):m.start()]):
            return True
    return False
