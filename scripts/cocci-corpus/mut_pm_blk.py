# SPDX-License-Identifier: GPL-2.0
"""Runtime PM usage counts and block device set-up and teardown order."""

import re

from corpus import mutclass
from mutate import after_check, sleep_resume

PUT = r"pm_runtime_put\w*"
def handed_over(src, fn, end):
    """The count the get in fn takes belongs to an off half that runs
    whatever the get did, so that neither the original nor a mutant drops
    it on failure: fn puts no count after the get's check (which ends at
    end), another function of the file puts without getting, and fn is
    void (it cannot report a failure, so its core calls the off half
    anyway: a DRM .atomic_enable and its .atomic_disable) or a
    system-sleep resume (the PM core calls the next suspend whatever the
    resume returned). No mutant there is a leak."""
    code = src.code
    if re.search(r"\b" + PUT, code[end:fn.close]):
        return False
    if not re.search(r"\bvoid\s+%s\s*\(" % fn.name, code[fn.start:fn.open]) \
       and not sleep_resume(src, fn.name):
        return False
    for f in src.functions():
        b = code[f.open:f.close]
        if f is not fn and re.search(r"\b" + PUT, b) and \
           not re.search(r"\bpm_runtime_(get|resume_and_get)", b):
            return True
    return False


@mutclass("pm_get_sync_no_put", ["pm_runtime_get_sync_put"],
          ["pm_runtime_resume_and_get"])
def resume_and_get(src):
    """pm_runtime_resume_and_get() whose error branch returns, turned into
    pm_runtime_get_sync() (which keeps the count on failure)"""
    for fn in src.functions():
        for c in src.calls("pm_runtime_resume_and_get", fn.open, fn.close):
            end = after_check(src, c)
            if end is None:
                continue
            check = src.code[src.line_span(c.start)[0]:end]
            if not re.search(r"\b(return|goto)\b", check) or \
               re.search(PUT, check) or handed_over(src, fn, end):
                continue
            yield (src.line_of(c.start),
                   "%s: pm_runtime_resume_and_get() -> pm_runtime_get_sync()"
                   % fn.name,
                   src.replace(c.start, c.open, "pm_runtime_get_sync"))


@mutclass("pm_get_sync_put_dropped", ["pm_runtime_get_sync_put"],
          ["pm_runtime_get_sync", "pm_runtime_put"])
def put_dropped(src):
    """the put in the failure branch of pm_runtime_get_sync() dropped"""
    for fn in src.functions():
        for c in src.calls("pm_runtime_get_sync", fn.open, fn.close):
            end = after_check(src, c)
            if end is None or handed_over(src, fn, end):
                continue
            lo = src.line_span(c.start)[0]
            for put in src.calls(PUT, lo, end):
                span = src.statement(put)
                if span and src.if_block(put.start):
                    yield (src.line_of(span[0]),
                           "%s: %s() dropped from the failure branch of "
                           "pm_runtime_get_sync()" % (fn.name, put.name),
                           src.replace(span[0], span[1], ""))


def move_before(src, a_span, b_span):
    """Move the lines of statement b (after a) to before statement a."""
    t = src.text
    b = t[b_span[0]:b_span[1]]
    return t[:a_span[0]] + b + t[a_span[0]:b_span[0]] + t[b_span[1]:]


@mutclass("blk_tag_set_freed_early", ["blk_disk_order"],
          ["del_gendisk", "blk_mq_free_tag_set"])
def tag_set_early(src):
    """blk_mq_free_tag_set() or put_disk() moved before del_gendisk()"""
    for fn in src.functions():
        dels = src.calls("del_gendisk", fn.open, fn.close)
        for d in dels:
            ds = src.statement(d)
            if not ds:
                continue
            blk = src.block(d.start)
            for f in src.calls(r"blk_mq_free_tag_set|put_disk", d.close,
                               blk[1]):
                fs = src.statement(f)
                if not fs or src.block(f.start) != blk:
                    continue
                yield (src.line_of(ds[0]), "%s: %s() moved before "
                       "del_gendisk()" % (fn.name, f.name),
                       move_before(src, ds, fs))


@mutclass("blk_setup_after_add", ["blk_disk_order"], ["add_disk"])
def setup_after_add(src):
    """disk->private_data, ->fops or the capacity set after add_disk()"""
    for fn in src.functions():
        for a in src.calls(r"add_disk|device_add_disk", fn.open, fn.close):
            end = after_check(src, a)
            if end is None:
                end = src.line_span(a.close)[1]
            blk = src.block(a.start)
            lo = blk[0]
            for m in re.finditer(r"^[ \t]*(\w+->(private_data|fops)\s*=[^;]*;"
                                 r"|set_capacity\s*\([^;]*;)[ \t]*\n",
                                 src.code[lo:a.start], re.M):
                s, e = lo + m.start(), lo + m.end()
                if src.block(s) != blk:
                    continue
                t = src.text
                new = t[:s] + t[e:end] + t[s:e] + t[end:]
                yield (src.line_of(end) - 1, "%s: %s moved after %s()" % (
                    fn.name, m.group(1).split("=")[0].split("(")[0].strip(),
                    a.name), new)
