# SPDX-License-Identifier: GPL-2.0
"""Platform lookups and IRQ API classes: an IRQ lookup tested for zero, a
resource lookup left unchecked, free_irq() with another dev_id, and a
NULL-handler threaded IRQ without IRQF_ONESHOT."""

import re

from corpus import mutclass
from ctext import IDENT, match_close
from mutate import stmt_end

# Lookups that return a negative errno on failure and never 0.
IRQ_GET = (r"platform_get_irq|platform_get_irq_optional|"
           r"platform_get_irq_byname|platform_get_irq_byname_optional|"
           r"fwnode_irq_get|fwnode_irq_get_byname|gpiod_to_irq")
# The one resource lookup whose kernel-doc documents its NULL return.
RES_GET = r"platform_get_resource"
REQUEST = (r"request_irq|request_threaded_irq|request_any_context_irq|"
           r"devm_request_irq|devm_request_threaded_irq|"
           r"devm_request_any_context_irq")
FREE = r"free_irq|devm_free_irq"
LVAL = r"[\w.>\[\]-]+"


def norm(s):
    return re.sub(r"\s+", "", s)


def assigned(src, call):
    """The variable the call's result goes to ("x = f(...);" or
    "int x = f(...);" alone on its line(s)), else None."""
    s, _ = src.line_span(call.start)
    m = re.fullmatch(r"\s*(?:(?:const\s+)?(?:struct\s+)?\w+(?:\s+|\s*\*+\s*))?("
                     + LVAL + r")\s*=\s*", src.code[s:call.start])
    if not m or not src.code[call.close + 1:].lstrip().startswith(";"):
        return None
    return m.group(1)


def next_if(src, call):
    """(if offset, condition open paren, close paren) of the statement
    right after "x = call(...);", if it is an if."""
    semi = src.code.index(";", call.close)
    e = src.line_span(semi)[1]
    if src.code[semi + 1:e].strip():
        return None
    m = re.match(r"\s*if\s*\(", src.code[e:])
    if not m:
        return None
    popen = e + m.end() - 1
    pclose = match_close(src.code, popen)
    if pclose < 0:
        return None
    return e + m.start() + len(m.group(0)) - len(m.group(0).lstrip()), popen, pclose


@mutclass("platform_irq_zero_test", ["platform_get_unchecked"],
          ["platform_get_irq"])
def irq_zero_test(src):
    """a correct "if (irq < 0)" after an IRQ lookup becomes "if (!irq)\""""
    for fn in src.functions():
        for c in src.calls(IRQ_GET, fn.open, fn.close):
            x = assigned(src, c)
            if not x:
                continue
            nif = next_if(src, c)
            if not nif:
                continue
            _, popen, pclose = nif
            cond = src.code[popen + 1:pclose]
            if norm(cond) != norm(x) + "<0":
                continue
            yield (src.line_of(popen),
                   "%s: %s() result tested with !%s instead of %s < 0"
                   % (fn.name, c.name, x, x),
                   src.replace(popen + 1, pclose, "!" + x))


def lval_re(x):
    """A regex for the lvalue text x, spaces allowed around -> and ."""
    parts = re.split(r"(->|\.)", norm(x))
    return r"\s*".join(re.escape(p) for p in parts)


def uses_after(src, x, lo, hi):
    """The first use of x in [lo, hi): "deref", "other" or None (assigned
    again, or not used)."""
    pat = re.compile(r"(?<![\w>.])" + lval_re(x) + r"(?![\w\[])")
    for m in pat.finditer(src.code, lo, hi):
        after = src.code[m.end():m.end() + 3]
        before = src.code[max(lo, m.start() - 40):m.start()]
        if re.match(r"\s*->", after):
            return "deref"
        if re.search(r"(^|[=(,;{}]|return)\s*\*\s*$", before):
            return "deref"
        if re.search(r"\b(resource_size|resource_type)\s*\(\s*$", before):
            return "deref"
        if re.match(r"\s*=[^=]", after):
            return None
        return "other"
    return None


def creates_own_device(code):
    """The file creates the platform device its driver binds to, with its
    resources (ISA hwmon drivers): the resources always exist."""
    if re.search(r"\bplatform_create_bundle\s*\(", code):
        return True
    drivers = set(norm(x) for x in re.findall(
        r"\.driver\s*=\s*\{[^}]*?\.name\s*=\s*([^,\n}]+)", code))
    made = re.findall(r"\bplatform_device_(?:alloc|register_simple)\s*\(\s*([^,]+),",
                      code)
    made += re.findall(r"\bplatform_device_register_resndata\s*\([^,]+,\s*([^,]+),",
                       code)
    made += re.findall(r"\bplatform_device_info\s+\w+\s*=\s*\{[^}]*?\.name\s*="
                       r"\s*([^,\n}]+)", code)
    return any(norm(x) in drivers for x in made)


def checked_before(src, fn, call):
    """The resource cannot be missing there: the device has static
    resources (no device tree or ACPI match table in the file, or the file
    creates the device itself), or the resource was already found: mapped
    with devm_platform_*ioremap_resource*() (same index or name), or
    looked up and checked by probe while fn is another function (remove, a
    port callback), or earlier in fn itself. Deleting the check there
    injects no bug."""
    if creates_own_device(src.text):
        return True
    # board-code or MFD-cell devices, with static resources
    if not re.search(r"\b(of_device_id|acpi_device_id)\b", src.code):
        return True
    args = [norm(a) for a in call.args[1:]]
    for m in src.calls(r"devm_platform_ioremap_resource(_byname)?|"
                       r"devm_platform_get_and_ioremap_resource"):
        if args[:1] == ["IORESOURCE_MEM"] and norm(m.args[1]) == args[1]:
            return True
    for o in src.calls(call.name):
        if o.start == call.start or [norm(a) for a in o.args[1:]] != args:
            continue
        ofn = src.enclosing(o.start)
        if ofn is fn and o.start < call.start:
            return True
        if ofn is not fn and ofn and "probe" in ofn.name and \
           "probe" not in fn.name:
            return True
    return False


@mutclass("platform_resource_unchecked", ["platform_get_unchecked"],
          ["platform_get_resource"])
def resource_unchecked(src):
    """the NULL check of a platform_get_resource() result is deleted"""
    for fn in src.functions():
        for c in src.calls(RES_GET, fn.open, fn.close):
            x = assigned(src, c)
            if not x:
                continue
            nif = next_if(src, c)
            if not nif:
                continue
            ifpos, popen, pclose = nif
            cond = norm(src.code[popen + 1:pclose])
            if cond not in ("!" + norm(x), norm(x) + "==NULL",
                            "NULL==" + norm(x), "unlikely(!" + norm(x) + ")"):
                continue
            end = stmt_end(src, pclose + 1)
            if end is None:
                continue
            s = src.line_span(ifpos)[0]
            if src.code[s:ifpos].strip():
                continue
            if uses_after(src, x, end, fn.close) != "deref":
                continue
            if checked_before(src, fn, c):
                continue
            yield (src.line_of(s),
                   "%s: NULL check of %s() result %s deleted"
                   % (fn.name, c.name, x),
                   src.replace(s, end, ""))


def decl_type(src, fn, name):
    """The declared type of identifier name in fn (parameter or local),
    e.g. "struct foo_priv *", else None."""
    if not re.fullmatch(IDENT, name):
        return None
    text = src.code[fn.start:fn.close]
    m = re.search(r"(?:^|[(,;{]\s*)((?:const\s+)?(?:struct|union)\s+" + IDENT +
                  r"|[a-z]\w*_t|" + IDENT + r")\s*(\*+)\s*" + re.escape(name)
                  + r"\s*[,;=)\[]", text, re.M)
    if not m:
        return None
    return re.sub(r"\s+", " ", m.group(1)).strip() + " " + m.group(2)


def pointer_params(fn):
    """[(type, name)] of the struct pointer parameters of fn."""
    out = []
    for p in fn.params.split(","):
        m = re.fullmatch(r"\s*(?:const\s+)?(struct\s+" + IDENT + r")\s*\*\s*("
                         + IDENT + r")\s*", p)
        if m:
            out.append((re.sub(r"\s+", " ", m.group(1)) + " *", m.group(2)))
    return out


def first_member(code, t):
    """The type of the first member of "struct x *" t when the file defines
    struct x and that member is a structure held by value."""
    m = re.fullmatch(r"(struct|union)\s+(\w+)\s*\*", t.strip())
    if not m:
        return None
    d = re.search(r"\b%s\s+%s\s*\{\s*((?:struct|union)\s+\w+)\s+\w+\s*;"
                  % (m.group(1), m.group(2)), code)
    return re.sub(r"\s+", " ", d.group(1)) + " *" if d else None


def same_address(code, t1, t2):
    """Pointers of the two types may be equal: one structure embeds the
    other as its first member (then the free would still match)."""
    for a, b in ((t1, t2), (t2, t1)):
        x = a
        for _ in range(3):
            x = first_member(code, x)
            if x is None:
                break
            if norm(x) == norm(b):
                return True
    return False


def irq_key(irq):
    n = re.sub(r"\[[^\]]*\]", "", norm(irq))
    m = re.match(r"^(.*?)(?:->|\.)(\w+)$", n)
    return (m.group(1), m.group(2)) if m else None


def dev_id(call):
    return call.args[-1] if call.args else None


def irq_arg(call):
    i = 1 if call.name.startswith("devm_") else 0
    return call.args[i] if len(call.args) > i else None


@mutclass("free_irq_dev_id", ["irq_api_misuse"], ["free_irq"])
def free_irq_dev_id(src):
    """free_irq()'s dev_id replaced by an object of another type"""
    reqs = []
    for fn in src.functions():
        for c in src.calls(REQUEST, fn.open, fn.close):
            if len(c.args) >= 5 and dev_id(c) and irq_arg(c):
                reqs.append((fn, c))
    if not reqs:
        return
    for fn in src.functions():
        for c in src.calls(FREE, fn.open, fn.close):
            if len(c.args) != (3 if c.name == "devm_free_irq" else 2):
                continue
            d, irq = norm(dev_id(c)), norm(irq_arg(c))
            if d in ("NULL", "0") or "(" in d:
                continue
            match = None
            for rfn, r in reqs:
                if norm(dev_id(r)) != d:
                    continue
                if rfn is fn and norm(irq_arg(r)) == irq:
                    match = (rfn, r)
                    break
                k = irq_key(irq)
                if k and irq_key(irq_arg(r)) == k:
                    match = (rfn, r)
            if not match:
                continue
            # The dev_id's type, from its declaration in the request's
            # function; a struct pointer parameter of this function of
            # another type replaces it, else &dev_id.
            rtype = decl_type(src, match[0], d)
            new = None
            if rtype:
                for ptype, pname in pointer_params(fn):
                    if norm(ptype) != norm(rtype) and pname != d and \
                       not same_address(src.code, ptype, rtype):
                        new = pname
                        break
            if new is None and (rtype or re.search(r"->|\.", d)) and \
               re.fullmatch(LVAL, d):
                # &x of a pointer x (not of a function, whose address is
                # the function itself), or the address of a field
                new = "&" + d
            if new is None:
                continue
            a = c.close
            # the last argument's span
            k = src.code.rindex(",", c.open, c.close) + 1
            lead = len(src.text[k:a]) - len(src.text[k:a].lstrip())
            yield (src.line_of(c.start),
                   "%s: %s(%s) dev_id %s replaced by %s"
                   % (fn.name, c.name, irq, d, new),
                   src.replace(k + lead, a, new))


def maybe_nested(text):
    """The file's IRQs may nest in a parent's IRQ thread or be
    oneshot-safe (MSI), where a NULL-handler request needs no ONESHOT."""
    if re.search(r"\b(pci_irq_vector|pci_alloc_irq_vectors\w*|"
                 r"pci_enable_msi\w*|msi_get_virq|regmap_irq_get_virq|"
                 r"platform_msi\w*)\b", text):
        return True
    if re.search(r"\bqcom_smem_state_\w+\s*\(", text):
        return True
    # an MFD cell, whose IRQs come from the (regmap) irqchip of the parent
    if re.search(r"\b(dev_get_regmap|dev_get_drvdata)\s*\(\s*"
                 r"(\w+->dev\.parent|dev->parent)\b", text) and \
       not re.search(r"\bstruct\s+phy\b", text):
        return True
    for m in re.finditer(r"#\s*include\s*<linux/mfd/([\w/.-]+)>", text):
        if m.group(1) != "syscon.h" and not m.group(1).startswith("syscon/"):
            return True
    return False


@mutclass("threaded_irq_oneshot", ["irq_api_misuse"],
          ["request_threaded_irq", "IRQF_ONESHOT"])
def threaded_irq_oneshot(src):
    """IRQF_ONESHOT dropped from a NULL-handler threaded IRQ request"""
    if maybe_nested(src.text):
        return
    for fn in src.functions():
        for c in src.calls(r"request_threaded_irq|devm_request_threaded_irq",
                           fn.open, fn.close):
            off = 1 if c.name.startswith("devm_") else 0
            if len(c.args) != 6 + off or norm(c.args[1 + off]) != "NULL":
                continue
            flags = c.args[3 + off]
            if not re.fullmatch(r"[\sA-Z0-9_|()]*", flags) or \
               not re.search(r"\bIRQF_ONESHOT\b", flags):
                continue
            parts = [p.strip() for p in flags.split("|")]
            if any("(" in p or ")" in p for p in parts):
                continue
            rest = [p for p in parts if p != "IRQF_ONESHOT"]
            new = " | ".join(rest) if rest else "0"
            # locate the flags argument's text
            pos = c.open + 1
            for i in range(3 + off):
                pos = _next_comma(src, pos, c.close) + 1
            end = _next_comma(src, pos, c.close)
            seg = src.text[pos:end]
            lead = len(seg) - len(seg.lstrip())
            trail = len(seg) - len(seg.rstrip())
            yield (src.line_of(pos + lead),
                   "%s: IRQF_ONESHOT dropped from %s(%s)"
                   % (fn.name, c.name, norm(c.args[off])),
                   src.replace(pos + lead, end - trail, new))


def _next_comma(src, pos, close):
    """Offset of the next top-level comma from pos (or close)."""
    depth = 0
    for k in range(pos, close):
        ch = src.code[k]
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif ch == "," and depth == 0:
            return k
    return close
