# SPDX-License-Identifier: GPL-2.0
"""Resources acquired in a function and not released on an error path
(the error_path_leak rule): clocks, regulators, runtime PM, OF node
references, devices found by of_find_device_by_node()."""

import re

from corpus import mutclass
from mutate import (after_check, arg, drop_release, early_return, lvalue,
                    sleep_resume)

RULES = ["error_path_leak"]

CLK_ACQ = r"clk_prepare_enable|clk_enable|clk_prepare|clk_bulk_prepare_enable"
CLK_REL = (r"clk_disable_unprepare|clk_disable|clk_unprepare|"
           r"clk_bulk_disable_unprepare")
REG_ACQ = r"regulator_enable|regulator_bulk_enable"
REG_REL = r"regulator_disable|regulator_bulk_disable"
OF_ACQ = (r"of_get_child_by_name|of_get_parent|of_parse_phandle|"
          r"of_find_node_by_name|of_find_node_by_path|of_find_node_by_phandle|"
          r"of_find_compatible_node|of_get_compatible_child|"
          r"of_graph_get_remote_node|of_graph_get_port_by_id|"
          r"of_graph_get_endpoint_by_regs|of_graph_get_remote_endpoint|"
          r"of_graph_get_port_parent|of_graph_get_remote_port_parent|"
          r"of_graph_get_remote_port")


ERRRET = re.compile(r"-\s*[A-Z0-9]|"
                    r"(PTR_ERR|ERR_PTR|ERR_CAST|dev_err_probe)\s*\(|"
                    r"[a-z_]\w*\s*;")


def error_exit(src, pos, fn):
    """The first return after pos (following gotos) returns an error code
    ("return -E...;", "return ret;", "return PTR_ERR(...);", ...): the
    path the mutation touches ends in an error return the rule knows."""
    code = src.code
    for _ in range(8):
        m = re.compile(r"\breturn\b\s*([^;]*;)|\bgoto\s+(\w+)\s*;").search(
            code, pos, fn.close)
        if not m:
            return False
        if m.group(2) is None:
            val = m.group(1)
            if re.match(r"[a-z_]\w*\s*;", val):
                # "return ret;": only where ret is an int error code
                head = code[fn.start:fn.open]
                return re.search(r"\bint\s+%s\s*\(" % fn.name, head) \
                    is not None
            return bool(ERRRET.match(val))
        lab = re.compile(r"^\s*%s\s*:" % m.group(2), re.M).search(
            code, fn.open, fn.close)
        if not lab:
            return False
        pos = lab.end()
    return False


def to_error_return(src, gen):
    """Only the mutants whose changed line leads to an error return."""
    for line, desc, new in gen:
        fn = src.function(desc.split(":")[0])
        start = 0
        for _ in range(line - 1):
            start = src.text.index("\n", start) + 1
        if fn and error_exit(src, src.line_span(start)[1], fn):
            yield line, desc, new


def not_in_resume(src, gen):
    """Only the mutants outside system-sleep resume callbacks: a clock or
    regulator a resume leaves on when it fails is turned off by the next
    suspend, which the PM core calls whatever the resume returned (there
    the unwinding of the original is the unbalanced code, not the
    mutant)."""
    for line, desc, new in gen:
        if not sleep_resume(src, desc.split(":")[0]):
            yield line, desc, new


def last_arg(src, call):
    """Key: the last argument (the clock of clk_*(), the table of the
    bulk forms), spaces removed."""
    return arg(len(call.args) - 1)(src, call) if call.args else None


def same(src, call):
    """Key: none (every release of the kind pairs with every acquire)."""
    return "*"


def device_of(src, call):
    """Key of put_device(&x->dev) and platform_device_put(x): x."""
    k = arg(0)(src, call)
    return re.sub(r"->dev$", "", k) if k else None


@mutclass("clk_error_path", RULES, ["clk_", "able"])
def clk_error_path(src):
    """clk release dropped from one error path after the clock's enable"""
    return not_in_resume(src, to_error_return(src, drop_release(
        src, CLK_ACQ, last_arg, CLK_REL, last_arg)))


@mutclass("regulator_error_path", RULES, ["regulator_", "_disable"])
def regulator_error_path(src):
    """regulator_disable() dropped from one error path after the enable"""
    return not_in_resume(src, to_error_return(src, drop_release(
        src, REG_ACQ, last_arg, REG_REL, last_arg)))


@mutclass("pm_runtime_enable_error_path", RULES,
          ["pm_runtime_enable", "pm_runtime_disable"])
def pm_runtime_enable_error_path(src):
    """pm_runtime_disable() dropped from one error path after the enable"""
    return to_error_return(src, drop_release(
        src, r"pm_runtime_enable", same, r"pm_runtime_disable", same))


@mutclass("of_node_error_path", RULES, ["of_node_put"])
def of_node_error_path(src):
    """of_node_put() dropped from one error path after the lookup"""
    return to_error_return(src, drop_release(
        src, OF_ACQ, lvalue, r"of_node_put", arg(0)))


@mutclass("of_device_error_path", RULES, ["of_find_device_by_node"])
def of_device_error_path(src):
    """put_device() dropped from an error path after of_find_device_by_node"""
    return to_error_return(src, drop_release(
        src, r"of_find_device_by_node", lvalue,
        r"put_device|platform_device_put", device_of))


def released_later(src, call, akey, release, rkey):
    """The function releases the acquired key somewhere after the call
    (the acquisition is not handed over to the caller)."""
    fn = src.enclosing(call.start)
    k = akey(src, call)
    return any(rkey(src, r) == k
               for r in src.calls(release, call.close, fn.close))


def releasing(src, acquire, akey, release, rkey):
    """Names of the functions that release what they acquire further on
    (the acquisition is theirs to undo, not the caller's)."""
    out = set()
    for c in src.calls(acquire):
        fn = src.enclosing(c.start)
        if fn and akey(src, c) and released_later(src, c, akey, release, rkey):
            out.add(fn.name)
    return out


@mutclass("clk_early_return", RULES, ["clk_prepare_enable", "clk_disable"])
def clk_early_return(src):
    """-ENODEV returned right after clk_prepare_enable() succeeded

    Only in functions that disable the clock further on."""
    fns = releasing(src, r"clk_prepare_enable", last_arg, CLK_REL, last_arg)
    for line, desc, new in not_in_resume(src, early_return(
            src, r"clk_prepare_enable",
            lambda c: "!clk_get_rate(%s)" % c.args[0])):
        if desc.split(":")[0] in fns:
            yield line, desc, new


def null_checked(src, call):
    """"x = lookup(...);" followed by "if (!x ...)": after that if, the
    node is held."""
    x = lvalue(src, call)
    if not x:
        return False
    e = src.code.find(";", call.close)
    m = re.match(r"\s*if\s*\(\s*(!\s*%s\b|%s\s*==\s*NULL\b)" % (
        re.escape(x), re.escape(x)), src.code[e + 1:])
    return m is not None


@mutclass("of_node_early_return", RULES, ["of_node_put"])
def of_node_early_return(src):
    """-ENODEV returned right after an OF node lookup succeeded

    Only where the lookup is checked with "if (!np)" and the function puts
    the node further on (mutate.early_return() with that selection)."""
    fns = releasing(src, OF_ACQ, lvalue, r"of_node_put", arg(0))
    for fn in src.functions():
        if fn.name not in fns:
            continue
        for c in src.calls(OF_ACQ, fn.open, fn.close):
            if src.block(c.start)[0] != fn.open or not null_checked(src, c):
                continue
            pos = after_check(src, c)
            if pos is None:
                continue
            ind = src.indent(c.start)
            new = "%sif (!of_device_is_available(%s))\n%s\treturn -ENODEV;\n" \
                % (ind, lvalue(src, c), ind)
            yield (src.line_of(pos), "%s: early return -ENODEV after %s()"
                   % (fn.name, c.name), src.replace(pos, pos, new))
