# SPDX-License-Identifier: GPL-2.0
"""Managed resources released by hand on an error path of the function
that acquired them."""

import re

from corpus import mutclass
from ctext import IDENT
from mutate import insert_before_exits, lvalue

DEVM_K = (r"devm_kzalloc|devm_kmalloc|devm_kcalloc|devm_kmalloc_array|"
          r"devm_kstrdup|devm_kmemdup|devm_kasprintf")


@mutclass("devm_kfree_error_path", ["devm_kfree"], ["devm_k", "kfree"])
def devm_kfree(src):
    """kfree() of devm_k*() memory on an error path after the allocation"""
    for fn in src.functions():
        for c in src.calls(DEVM_K, fn.open, fn.close):
            x = lvalue(src, c)
            if not x or not re.fullmatch(IDENT, x):
                continue
            yield from insert_before_exits(src, fn, c, "kfree(%s);" % x)


def managed(src, names, release):
    """release(call) is the statement undoing a managed acquisition."""
    for fn in src.functions():
        for c in src.calls(names, fn.open, fn.close):
            stmt = release(src, c)
            if stmt:
                yield from insert_before_exits(src, fn, c, stmt)


@mutclass("devm_irq_freed", ["devm_manual_free"], ["devm_request_"])
def devm_irq(src):
    """free_irq() of a devm_request_*irq() IRQ on a later error path"""
    def rel(src, c):
        if len(c.args) < 6:
            return None
        return "free_irq(%s, %s);" % (c.args[1], c.args[-1])
    return managed(src, r"devm_request_irq|devm_request_threaded_irq", rel)


@mutclass("devm_iomap_unmapped", ["devm_manual_free"], ["devm_"])
def devm_iomap(src):
    """iounmap() of a devm_ioremap*() mapping on a later error path"""
    def rel(src, c):
        x = lvalue(src, c)
        return "iounmap(%s);" % x if x else None
    return managed(src, r"devm_ioremap|devm_ioremap_resource|"
                   r"devm_platform_ioremap_resource|"
                   r"devm_platform_ioremap_resource_byname", rel)


@mutclass("devm_clk_put", ["devm_manual_free"], ["devm_clk_get"])
def devm_clk(src):
    """clk_put() of a devm_clk_get() clock on a later error path"""
    def rel(src, c):
        x = lvalue(src, c)
        return "clk_put(%s);" % x if x else None
    return managed(src, r"devm_clk_get|devm_clk_get_optional", rel)
