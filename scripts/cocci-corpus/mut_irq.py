# SPDX-License-Identifier: GPL-2.0
"""IRQs requested before what their handler uses is initialised."""

import re

from corpus import mutclass

from mutate import after_check

REQUEST = (r"request_irq|request_threaded_irq|request_any_context_irq|"
           r"devm_request_irq|devm_request_threaded_irq|"
           r"devm_request_any_context_irq")
INIT = (r"spin_lock_init|raw_spin_lock_init|mutex_init|INIT_WORK|"
        r"INIT_DELAYED_WORK|init_waitqueue_head|init_completion|"
        r"tasklet_init|tasklet_setup|timer_setup|kthread_init_work")


def handler_body(src, name):
    f = src.function(name)
    return src.code[f.open:f.close] if f else ""


def uses_always(body, fld):
    """The handler body uses ->fld on every invocation: its first use is a
    top-level statement, with no return or goto before it."""
    m = re.search(r"->\s*%s\b" % fld, body)
    if not m:
        return False
    pre = body[1:m.start()]
    if re.search(r"\b(return|goto)\b", pre) or \
       pre.count("{") != pre.count("}"):
        return False
    k = max(pre.rfind(";"), pre.rfind("{"), pre.rfind("}"))
    stmt = pre[k + 1:].strip()
    return not re.match(r"(if|else|while|for|switch|do|case|default)\b",
                        stmt) and "?" not in stmt


def moved_inits(src):
    for fn in src.functions():
        for rq in src.calls(REQUEST, fn.open, fn.close):
            a = rq.args
            devm = rq.name.startswith("devm_")
            if len(a) < 5 + devm:
                continue
            flags = a[-3]
            if "NO_AUTOEN" in flags:
                continue
            handlers = [a[1 + devm]]
            if "threaded" in rq.name and handlers[0] == "NULL":
                handlers = [a[2 + devm]]
            body = "".join(handler_body(src, h) for h in handlers
                           if re.fullmatch(r"\w+", h))
            dev_id = re.sub(r"\s+", "", a[-1])
            if not body or not re.fullmatch(r"\w+", dev_id):
                continue
            if src.block(rq.start)[0] != fn.open or \
               "IRQ_NOAUTOEN" in src.code[fn.open:rq.start]:
                continue
            end = after_check(src, rq)
            if end is None:
                continue
            for ini in src.calls(INIT, fn.open, rq.start):
                m = re.fullmatch(r"&\s*%s\s*->\s*(\w+)" % dev_id,
                                 ini.args[0] if ini.args else "")
                span = src.statement(ini)
                if not m or not span:
                    continue
                if src.block(ini.start)[0] != fn.open:
                    continue
                if not uses_always(body, m.group(1)):
                    continue
                text = src.text[span[0]:span[1]]
                new = (src.text[:span[0]] + src.text[span[1]:end] + text +
                       src.text[end:])
                yield (src.line_of(end) - text.count("\n"),
                       "%s: %s() of ->%s moved after %s()" % (
                           fn.name, ini.name, m.group(1), rq.name), new)


@mutclass("irq_init_after_request", ["irq_before_init"], ["request_"])
def after_request(src):
    """a field the handler uses on every call initialised after the IRQ's
    request (shared or not, managed or not)"""
    return moved_inits(src)


QUEUE = (r"schedule_work|queue_work|schedule_delayed_work|"
         r"queue_delayed_work|mod_delayed_work")
CANCEL = r"cancel_work_sync|cancel_delayed_work_sync"


def remove_functions(src):
    """Functions a driver structure names as .remove or .remove_new."""
    names = set(re.findall(r"\.remove(?:_new)?\s*=\s*(\w+)", src.code))
    return [f for f in src.functions() if f.name in names]


@mutclass("devm_irq_disable_dropped", ["remove_before_devm_irq"],
          ["devm_request_", "cancel_"])
def devm_irq_disable_dropped(src):
    """remove() no longer disables or frees the devm IRQ before cancelling
    the work its handler queues"""
    queued = set()
    for rq in src.calls(r"devm_request_irq|devm_request_threaded_irq",
                        0, len(src.code)):
        for h in rq.args[2:4]:
            f = src.function(h) if re.fullmatch(r"\w+", h) else None
            if not f:
                continue
            for q in src.calls(QUEUE, f.open, f.close):
                queued |= set(re.findall(r"->\s*(\w+)\s*$", q.args[-1]))
    for fn in remove_functions(src):
        cancels = [c for c in src.calls(CANCEL, fn.open, fn.close)
                   if re.search(r"->\s*(\w+)\s*$", c.args[0]) and
                   re.search(r"->\s*(\w+)\s*$", c.args[0]).group(1) in queued]
        if not cancels:
            continue
        offs = [c for c in src.calls(r"disable_irq|devm_free_irq",
                                     fn.open, cancels[0].start)]
        if len(offs) != 1:
            continue
        span = src.statement(offs[0])
        if span and src.block(offs[0].start) == src.block(cancels[0].start):
            yield (src.line_of(span[0]), "%s: %s() before the cancel dropped"
                   % (fn.name, offs[0].name),
                   src.replace(span[0], span[1], ""))


# What quiesces the IRQ or stops the device in a teardown: a kfree()
# after it is no bug (remove_before_devm_irq's list).
QUIESCE = (r"disable_irq|disable_irq_nosync|free_irq|devm_free_irq|"
           r"synchronize_irq|unregister_netdev|component_del|"
           r"clk_disable_unprepare|clk_disable|clk_bulk_disable_unprepare|"
           r"crypto_engine_exit|"
           r"\w*(?i:irq|intr|interrupt|power_?off|_halt|_shutdown|hw_stop|"
           r"hw_disable|deactivate)\w*")
IRQ_REG = re.compile(r"\b\w*_(IRQ|INT|INTR|IRN|IRNEN|IMR|IER|IEN|INTEN|INTMSK)"
                     r"[A-Z0-9]*(_\w*)?\b")


def off_after_request(src, rq, pf):
    """The IRQ requested at rq is turned off right after (IRQF_NO_AUTOEN,
    or a disable_irq() of it later in the requesting function pf) and
    not enabled again there: it is on only between the driver's own
    enable and disable, which teardown undoes first, so a kfree() in
    remove() is no bug."""
    irq = rq.args[1].strip()
    if "IRQF_NO_AUTOEN" in src.code[rq.open:rq.close]:
        return not src.calls("enable_irq", rq.close, pf.close)
    offs = [c for c in src.calls(r"disable_irq|disable_irq_nosync", rq.close,
                                 pf.close) if c.args[0].strip() == irq]
    return bool(offs) and not [c for c in src.calls("enable_irq", offs[0].close,
                                                    pf.close)
                               if c.args[0].strip() == irq]


@mutclass("devm_irq_dev_id_freed", ["remove_before_devm_irq"],
          ["devm_request_", "devm_kzalloc"])
def devm_irq_dev_id_freed(src):
    """the dev_id of a devm IRQ allocated with kzalloc() instead of
    devm_kzalloc(), and kfree()d at the end of remove(), which does not
    quiesce the IRQ"""
    for rq in src.calls(r"devm_request_irq|devm_request_threaded_irq",
                        0, len(src.code)):
        x = rq.args[-1].strip()
        if not re.fullmatch(r"\w+", x):
            continue
        pf = next((f for f in src.functions()
                   if f.open < rq.start < f.close), None)
        if not pf:
            continue
        allocs = [c for c in src.calls(r"devm_kzalloc", pf.open, rq.start)
                  if re.search(r"\b%s\s*=\s*$" % x,
                               src.code[src.line_span(c.start)[0]:c.start])]
        decl = re.search(r"\bstruct\s+(\w+)\s*\*\s*%s\b" % x,
                         src.code[pf.start:pf.close])
        if len(allocs) != 1 or not decl or off_after_request(src, rq, pf):
            continue
        for fn in remove_functions(src):
            body = src.code[fn.open:fn.close]
            if not re.search(r"\bstruct\s+%s\s*\*\s*%s\b" % (decl.group(1), x),
                             body) or src.calls(QUIESCE, fn.open, fn.close) or \
               IRQ_REG.search(body) or re.search(r"\breturn\b", body):
                continue
            a = allocs[0]
            # kzalloc(size, gfp) for devm_kzalloc(dev, size, gfp), and the
            # kfree(): the later edit first, so the other offset holds
            # (remove() often comes before probe()).
            edits = sorted([(fn.close, fn.close, "\tkfree(%s);\n" % x),
                            (a.start, a.close + 1, "kzalloc(" + ", ".join(
                                y.strip() for y in a.args[1:]) + ")")],
                           reverse=True)
            new = src.text
            for lo, hi, repl in edits:
                new = new[:lo] + repl + new[hi:]
            yield (src.line_of(fn.close),
                   "%s: %s allocated with kzalloc() and kfree()d at the end"
                   % (fn.name, x), new)
            break


DEVM_IRQ = r"devm_request_irq|devm_request_threaded_irq"
ACTION = r"devm_add_action_or_reset|devm_add_action"


@mutclass("devm_irq_vectors_late", ["remove_before_devm_irq"],
          ["pci_free_irq_vectors", "devm_request_"])
def vectors_late(src):
    """the devm action freeing the IRQ vectors registered after the devm
    IRQ instead of before it"""
    for fn in src.functions():
        for act in src.calls(ACTION, fn.open, fn.close):
            rel = src.function(act.args[1]) if len(act.args) > 2 else None
            if not rel or not src.calls("pci_free_irq_vectors", rel.open,
                                        rel.close):
                continue
            end = after_check(src, act)
            start = src.line_span(act.start)[0]
            if end is None or src.block(act.start)[0] != fn.open:
                continue
            for rq in src.calls(DEVM_IRQ, end, fn.close):
                to = after_check(src, rq)
                if to is None or src.block(rq.start)[0] != fn.open:
                    continue
                t = src.text
                moved = t[start:end]
                yield (src.line_of(to) - moved.count("\n"),
                       "%s: %s(%s) moved after %s()" % (
                           fn.name, act.name, act.args[1], rq.name),
                       t[:start] + t[end:to] + moved + t[to:])
                break


@mutclass("remove_frees_vectors", ["remove_before_devm_irq"],
          ["pci_irq_vector", "devm_request_"])
def remove_frees_vectors(src):
    """remove() frees the IRQ vectors the devm IRQs were requested on"""
    if not re.search(r"(%s)\s*\([^;]*pci_irq_vector" % DEVM_IRQ, src.code):
        return
    for fn in remove_functions(src):
        if "pci_dev" not in fn.params or re.search(
                r"free_irq|pci_free_irq_vectors|pci_disable_msi",
                src.code[fn.open:fn.close]):
            continue
        pdev = re.search(r"(\w+)\s*$", fn.params).group(1)
        pos = src.line_span(fn.open)[1]
        body = src.code[pos:fn.close]
        m = re.search(r"^\s*$", body, re.M)
        at = pos + m.end() + 1 if m and m.end() + 1 < len(body) else pos
        yield (src.line_of(at), "%s: pci_free_irq_vectors() at the top"
               % fn.name,
               src.replace(at, at, "\tpci_free_irq_vectors(%s);\n" % pdev))
