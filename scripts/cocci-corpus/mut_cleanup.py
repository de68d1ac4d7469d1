# SPDX-License-Identifier: GPL-2.0
"""A goto over a scope-based cleanup declaration into its scope."""

import re

from corpus import mutclass

DECL = re.compile(r"^([ \t]*)[\w ]+\*?\s*\w+\s+__free\(\w+\)\s*=", re.M)


@mutclass("cleanup_goto_into_scope", ["cleanup_misuse"], ["__free("])
def goto_into_scope(src):
    """an early goto over a __free() declaration to a label before the
    function's last return"""
    for fn in src.functions():
        body = src.code[fn.open:fn.close]
        rets = [m for m in re.finditer(r"^([ \t]*)return\b[^;]*;", body, re.M)]
        if not rets:
            continue
        last = fn.open + rets[-1].start()
        if src.block(last)[0] != fn.open:
            continue
        for m in DECL.finditer(body):
            d = fn.open + m.start()
            if src.block(d + len(m.group(1)))[0] != fn.open or d > last:
                continue
            param = re.search(r"(\w+)\s*$", fn.params.split(",")[0])
            if not param or param.group(1) == "void":
                break
            ind = m.group(1)
            t = src.text
            new = (t[:d] + "%sif (!%s)\n%s\tgoto kbind_skip;\n" % (
                ind, param.group(1), ind) +
                t[d:last] + "kbind_skip:\n" + t[last:])
            yield (src.line_of(d), "%s: goto over the __free() declaration "
                   "at line %d" % (fn.name, src.line_of(d)), new)
            break
