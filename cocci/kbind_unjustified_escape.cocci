// SPDX-License-Identifier: GPL-2.0
/// kbind keeps raw kernel objects reachable through documented escape
/// hatches: kb_phy_raw(), kb_pci_raw() and kb_platform_raw() (the pdev of a
/// PCI or platform probe/publish handle, private to the bindings otherwise),
/// kb_blk_disk_raw() and kb_blk_tag_set_raw() (the gendisk of a struct
/// kb_blk_disk, the tag set of a struct kb_blk_tag_set), the miscdevice of a struct kb_misc, and the struct file of
/// a misc llseek operation. Like an unsafe block in Rust, each use that hands
/// the raw object to the kernel, or stores it, must say why it is safe in a
/// comment starting "SAFETY:" right before the statement: the bindings can
/// no longer vouch for its lifetime or locking.
///
/// Reading a field (kb_platform_raw(pp)->id) and passing the object to
/// logging or naming helpers (dev_err_probe, dev_info, pci_name, ...) need no
/// comment.
///
// Confidence: High
// Copyright: (C) 2026 The kbind authors. GPL-2.0.
// Comments: Files under include/kbind/ are the bindings themselves. The
//  driver's own headers are read for the types of its structures.
// Options: --local-includes --include-headers
// Keywords: kbind, escape hatch, SAFETY

virtual report

@initialize:python@
@@
import re

__kb_lines = {}


def kb_lines(path):
    if path not in __kb_lines:
        with open(path, errors='replace') as f:
            __kb_lines[path] = f.read().split('\n')
    return __kb_lines[path]


def kb_is_binding(path):
    return re.search(r'(^|/)include/kbind/', path) is not None


def kb_justified(pos):
    """True if the statement holding pos follows a SAFETY: comment."""
    lines = kb_lines(pos.file)
    i = int(pos.line) - 1
    # Back to the first line of the statement.
    while i > 0:
        prev = lines[i - 1].strip()
        if (prev == '' or prev.endswith((';', '{', '}', '*/', ':')) or
                prev.startswith(('#', '//'))):
            break
        i -= 1
    # The comment right above it.
    text = []
    while i > 0:
        prev = lines[i - 1].strip()
        if not (prev.startswith(('/*', '*', '//')) or prev.endswith('*/')):
            break
        text.append(prev)
        i -= 1
    return 'SAFETY:' in ' '.join(text)


# Read-only helpers that may see a raw object without a justification.
KB_HARMLESS = re.compile(r'^(dev_(err|warn|info|dbg|notice|crit|alert|emerg|'
                         r'printk|name)\w*|pci_name|dev_to_node|'
                         r'(pci|platform)_(err|warn|info|dbg)\w*)$')


def kb_report(pos, what):
    if not kb_is_binding(pos.file) and not kb_justified(pos):
        coccilib.report.print_report(pos,
            "escape hatch %s without a SAFETY: comment saying why it is "
            "safe" % what)

@uses_include@
@@
#include <kbind/...>

@uses_type@
@@
(
struct kb_probe
|
struct kb_publish
)

@phy_raw depends on report && (uses_include || uses_type)@
expression h;
position p;
@@
kb_phy_raw@p(h)

@script:python@
p << phy_raw.p;
@@
kb_report(p[0], "kb_phy_raw()")

// The raw object behind a handle...
@rawobj depends on report && (uses_include || uses_type)@
{struct kb_pci_probe *, struct kb_pci_publish *,
 struct kb_platform_probe *, struct kb_platform_publish *} h;
struct kb_blk_disk *dp;
struct kb_blk_disk ds;
struct kb_blk_tag_set *tp;
struct kb_blk_tag_set ts;
struct kb_misc *mp;
struct kb_misc ms;
expression raw, hh;
@@
(
 raw
&
 \(h->pdev\|kb_pci_raw(hh)\|kb_platform_raw(hh)\|kb_blk_disk_raw(hh)\|kb_blk_tag_set_raw(hh)\|dp->disk\|ds.disk\|tp->set\|ts.set\|mp->mdev\|ms.mdev\)
)

// ... stored, or handed to a function (itself or the address of a member).
@use@
expression rawobj.raw, e;
identifier f, fld;
position p;
@@
(
 e = raw@p
|
 e = &raw@p->fld
|
 e = &raw@p
|
 f(..., raw@p, ...)
|
 f(..., &raw@p->fld, ...)
|
 f(..., &raw@p, ...)
)

@script:python@
p << use.p;
raw << rawobj.raw;
f << use.f = "";
@@
if not KB_HARMLESS.match(f):
    kb_report(p[0], raw.replace(' ', ''))

@file_arg depends on report && (uses_include || uses_type)@
identifier fn, fp, f;
expression e;
position p;
@@
fn(..., struct file *fp, ...)
{
<...
(
 f(..., fp@p, ...)
|
 e = fp@p
)
...>
}

@script:python@
p << file_arg.p;
fp << file_arg.fp;
@@
kb_report(p[0], "struct file *%s" % fp)
