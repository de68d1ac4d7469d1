// SPDX-License-Identifier: GPL-2.0
/// A kbind misc operation runs inside an access section of the owner's
/// data, and unbind waits, holding the device lock, for every section in
/// flight. The binding copies user data in before the operation and out
/// after it: the operation gets a kernel buffer (read, write) or the
/// argument already copied in (ioctl: kb_ioctl_data(), kb_ioctl_value()).
/// An operation that touches user memory itself (copy_to_user(),
/// get_user(), simple_read_from_buffer(), memdup_user(), pinning user
/// pages, ...) can fault on a page that never resolves (userfaultfd, a
/// FUSE mapping): unbind then hangs for as long as user space wants.
///
/// Reported in the operations named in the file's KB_MISC_DEVICE() tables
/// and in the functions of the same file they call.
///
// Confidence: High
// Copyright: (C) 2026 The kbind authors. GPL-2.0.
// Comments: spatch passes over KB_MISC_DEVICE() without parsing its
//  arguments, so the operations are read from the source text. Helpers in
//  other files are not followed.
// Options: --no-includes --include-headers
// Keywords: kbind, misc, uaccess, unbind, hang

virtual report

@initialize:python@
@@
import re

__kb_lines = {}
__kb_text = {}


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


def kb_text(path):
    """The file without comments or preprocessor definitions."""
    if path not in __kb_text:
        text = '\n'.join(kb_lines(path))
        text = re.sub(r'/\*.*?\*/|//[^\n]*',
                      lambda m: re.sub(r'[^\n]', ' ', m.group(0)), text,
                      flags=re.S)
        text = re.sub(r'^[ \t]*#[ \t]*define\b(?:[^\n]*\\\n)*[^\n]*', '',
                      text, flags=re.M)
        __kb_text[path] = text
    return __kb_text[path]


def kb_macro_calls(path, names):
    """(macro, [argument, ...]) for each use of a macro in names."""
    text = kb_text(path)
    for m in re.finditer(r'\b(%s)\s*\(' % '|'.join(names), text):
        args, depth, start = [], 1, m.end()
        for i in range(m.end(), len(text)):
            c = text[i]
            if c in '([{':
                depth += 1
            elif c in ')]}':
                depth -= 1
            if depth == 0 or (depth == 1 and c == ','):
                args.append(' '.join(text[start:i].split()))
                start = i + 1
            if depth == 0:
                break
        yield m.group(1), args



def kb_misc_ops(path):
    """{function: '.ioctl/.compat_ioctl'} of the file's KB_MISC_DEVICE()."""
    ops = {}
    if kb_is_binding(path):
        return ops
    for _, args in kb_macro_calls(path, ['KB_MISC_DEVICE']):
        for a in args[3:]:
            m = re.match(r'\.\s*(\w+)\s*=\s*&?\s*(\w+)$', a)
            if m:
                ops[m.group(2)] = '/'.join(filter(None, (
                    ops.get(m.group(2)), '.' + m.group(1))))
    return ops


__kb_calls = {}


def kb_called(pos, caller, callee):
    __kb_calls.setdefault(pos.file, {}).setdefault(caller, set()).add(callee)


def kb_operation(path, fn):
    """The misc operation fn is, or is called from (through functions of
    the same file): (operation function, operation, [functions between])."""
    ops = kb_misc_ops(path)
    calls = __kb_calls.get(path, {})
    for op in sorted(ops):
        # breadth first, so the shortest chain is named
        seen, todo = {op: []}, [op]
        while todo:
            f = todo.pop(0)
            if f == fn:
                return op, ops[op], seen[f]
            for g in sorted(calls.get(f, ())):
                if g not in seen and g in calls:
                    seen[g] = seen[f] + [g]
                    todo.append(g)
    return None


def kb_where(path, fn):
    """'misc operation .read foo_read()', or 'foo_helper(), which misc
    operation .read foo_read() calls,' (through the helpers between)."""
    op, name, chain = kb_operation(path, fn)
    where = 'misc operation %s %s()' % (name, op)
    if chain:
        where = '%s(), which %s calls%s,' % (
            fn, where, ''.join(' through %s()' % g for g in chain[:-1][:1]) +
            ''.join(', %s()' % g for g in chain[1:-1]))
    return where

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

// The file's call graph, to follow an operation into its helpers.
@calls depends on report && (uses_include || uses_type)@
identifier callee;
position p;
@@
callee@p(...)

@script:python@
callee << calls.callee;
p << calls.p;
@@
kb_called(p[0], p[0].current_element, callee)

@user depends on report && (uses_include || uses_type)@
identifier f = {copy_to_user, copy_from_user, __copy_to_user,
	__copy_from_user, __copy_to_user_inatomic, __copy_from_user_inatomic,
	raw_copy_to_user, raw_copy_from_user, _copy_to_user, _copy_from_user,
	get_user, put_user, __get_user, __put_user, unsafe_get_user,
	unsafe_put_user, unsafe_copy_to_user, user_access_begin,
	user_read_access_begin, user_write_access_begin, clear_user,
	__clear_user, strncpy_from_user, strnlen_user, memdup_user,
	memdup_user_nul, vmemdup_user, memdup_array_user, vmemdup_array_user,
	strndup_user, copy_struct_from_user, check_zeroed_user,
	simple_read_from_buffer, simple_write_to_buffer,
	kstrtoull_from_user, kstrtoll_from_user, kstrtoul_from_user,
	kstrtol_from_user, kstrtouint_from_user, kstrtoint_from_user,
	kstrtou16_from_user, kstrtos16_from_user, kstrtou8_from_user,
	kstrtos8_from_user, kstrtobool_from_user, kstrtou32_from_user,
	kstrtos32_from_user, kstrtou64_from_user, kstrtos64_from_user,
	get_user_pages, get_user_pages_fast, get_user_pages_unlocked,
	get_user_pages_remote, pin_user_pages, pin_user_pages_fast,
	pin_user_pages_unlocked, pin_user_pages_remote, fault_in_readable,
	fault_in_writeable, fault_in_safe_writeable, import_iovec,
	import_ubuf, import_single_range};
position p;
@@
f@p(...)

@script:python@
f << user.f;
p << user.p;
@@
fn = p[0].current_element
if (kb_operation(p[0].file, fn) is not None and
        not kb_justified(p[0])):
    coccilib.report.print_report(p[0],
        "%s() in %s touches user memory inside the access section: a user "
        "page that never resolves (userfaultfd, FUSE) hangs unbind, which "
        "waits for the section; use the kernel buffer, kb_ioctl_data() or "
        "kb_ioctl_value() the binding passes" % (f, kb_where(p[0].file, fn)))
