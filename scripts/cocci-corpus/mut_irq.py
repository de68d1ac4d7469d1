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
