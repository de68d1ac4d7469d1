// SPDX-License-Identifier: GPL-2.0
/// Find platform IRQ and resource lookups whose failure value gets through.
///
/// platform_get_irq(), platform_get_irq_optional(),
/// platform_get_irq_byname(), platform_get_irq_byname_optional(),
/// fwnode_irq_get(), fwnode_irq_get_byname() and gpiod_to_irq() return "a
/// non-zero IRQ number on success, negative error number on failure"
/// (their kernel-doc in drivers/base/platform.c, drivers/base/property.c,
/// drivers/gpio/gpiolib.c; a 0 from the lookup is turned into -EINVAL or
/// -ENXIO). of_irq_get() and of_irq_get_byname() return the IRQ, 0 when the
/// mapping fails, or a negative errno, -EPROBE_DEFER when the interrupt
/// controller has not probed yet (drivers/of/irq.c).
///
/// Reported, for the IRQ lookups:
/// - a result that is only ever tested for zero (!irq, irq == 0, irq, or
///   irq != 0, alone or as an operand of && or ||), never compared with 0
///   by <, <=, > or >= before it is assigned again: the negative errno
///   passes the test and is used as an IRQ number. request_irq() of it then
///   fails with -EINVAL (so a probe that should have been deferred fails for
///   good, or an optional IRQ that is absent fails the probe), and code that
///   keeps it as "IRQ present" works with an invalid IRQ. Left alone when
///   the test only changes the errno the probe fails with: a failure test
///   (!irq, irq == 0) in a function that tests irq against -EPROBE_DEFER
///   itself, or in an __init function of a file declared with *_DECLARE()
///   (TIMER_OF_DECLARE, IRQCHIP_DECLARE, ...), which is never retried; a
///   presence test (if (irq) request it) of of_irq_get*() with
///   -EPROBE_DEFER handled (its other errors mean the description has no
///   such interrupt: the request fails, and the probe with it). Optional
///   lookups are reported all the same.
/// - of_irq_get() or of_irq_get_byname() tested with irq <= 0 whose branch
///   returns irq (or dev_err_probe(dev, irq, ...)): on a mapping failure
///   that is 0, and the caller (the probe) reports success without its IRQ.
/// Not reported: if (irq <= 0) return irq ? : -ENXIO; and if (irq <= 0)
/// return irq; of the lookups that never return 0 (there it is irq < 0).
/// Nor if (irq <= 0) return -EINVAL; and the like: that turns
/// -EPROBE_DEFER into a permanent failure, but returning -EPROBE_DEFER
/// from probe is optional (Documentation/driver-api/driver-model/
/// driver.rst, "probe() may return -EPROBE_DEFER"), no document requires
/// callers to propagate the lookup's errno, and the same conversion in the
/// usual if (irq < 0) return -ENXIO; is legitimate kernel style.
///
/// Reported, for platform_get_resource(), which returns NULL when the
/// device (its device tree node, ACPI table or board data) lacks the
/// resource (its kernel-doc says so; platform_get_resource_byname() and
/// platform_get_mem_or_io() document no return value and are left alone):
/// the result dereferenced (res->start, res->end, res->flags, resource_size(),
/// resource_type(), *res, request_resource() and the like) on a path from
/// the lookup on which it was not tested against NULL (!res, res == NULL,
/// if (res), res && ..., IS_ERR_OR_NULL(); IS_ERR() does not count, the
/// lookup never returns an ERR_PTR). A wrong or incomplete firmware
/// description then oopses the probe instead of failing it. Passing the
/// result to any other function ends the path: devm_ioremap_resource()
/// and devm_ioremap_resource_wc() test it for NULL themselves, and the
/// rule does not look into other helpers. Not reported either: a second
/// lookup of a resource already tested by a lookup that runs before it
/// (earlier in the same function; in probe, for a lookup in remove or
/// another callback) or mapped by devm_platform_ioremap_resource*():
/// probe failed, and nothing else runs, when it was missing. Nor lookups
/// in drivers without an of_device_id or acpi_device_id table, whose
/// devices come with the static resources of board code or of an MFD
/// parent, nor in files that create their own platform device with its
/// resources (platform_create_bundle(), or platform_device_alloc() and the
/// like of the name of their platform driver), as the ISA hwmon drivers
/// do: a resource is missing there only if that code is changed.
///
/// Check the IRQ with if (irq < 0) return irq; and the resource with
/// if (!res) return -ENODEV; (or use devm_platform_get_and_ioremap_resource()).
///
// Confidence: High
// Copyright: (C) 2026 kbind authors.
// Options: --no-includes --include-headers
// Keywords: platform_get_irq, of_irq_get, fwnode_irq_get, platform_get_resource, EPROBE_DEFER

virtual report
virtual org

@initialize:python@
@@
import re

def pgu_norm(s):
	return re.sub(r"\s+", "", s)

reported = set()
# Lookups compared with 0 by <, <=, > or >= (file, line, column).
sign_tested = set()

def pgu_callee(p):
	"""The name of the function called at p."""
	with open(p.file, errors="replace") as f:
		line = f.readlines()[int(p.line) - 1]
	return re.match(r"\w+", line[int(p.column):]).group(0)

def pgu_assigned_between(p1, p2, irq):
	"""irq is assigned in the text after the lookup at p1 and before p2
	(the 0 turned into an error on one branch: if (irq == 0) irq = -EINVAL;)."""
	with open(p1.file, errors="replace") as f:
		lines = f.readlines()
	text = "".join(lines[int(p1.line):int(p2.line)])
	x = r"\s*(->|\.)\s*".join(re.escape(a) for a in
				     re.split(r"->|\.", pgu_norm(irq)))
	return re.search(r"(?<![\w>.])%s\s*=(?!=)" % x, text) is not None

def pgu_zero_msg(f, irq):
	if f.startswith("of_"):
		return ("%s() returns 0 or a negative errno (-EPROBE_DEFER too) on "
			"failure; tested only for zero here, a negative errno goes "
			"on as IRQ number %s: test %s <= 0 and return %s ? : -ENXIO"
			% (f, irq, irq, irq))
	return ("%s() returns a negative errno on failure, never 0; tested "
		"only for zero here, the error (-EPROBE_DEFER too) goes on as "
		"IRQ number %s: test %s < 0 and return it" % (f, irq, irq))

def pgu_zero_harmless(p1, p2, irq):
	"""The negative errno a zero test lets through only changes the
	error the probe fails with (request_irq() of it fails, and the probe
	with it): a failure test (!irq, irq == 0) in a function that handles
	-EPROBE_DEFER itself (irq == -EPROBE_DEFER) or in an early init of a
	file declared with *_DECLARE() (TIMER_OF_DECLARE, IRQCHIP_DECLARE,
	...), which is never retried; or a presence test (if (irq) request
	it) of of_irq_get*() where -EPROBE_DEFER is handled: its other errors
	mean the description has no such interrupt (wl1251). Optional
	lookups are still reported: there the error means "absent" and is
	taken for present."""
	name = pgu_callee(p1)
	if name.endswith("_optional"):
		return False
	with open(p1.file, errors="replace") as f:
		text = f.read()
	x = r"\s*(->|\.)\s*".join(re.escape(a) for a in re.split(r"->|\.", pgu_norm(irq)))
	line = text.splitlines()[int(p2.line) - 1]
	failure = re.search(r"!\s*%s\b|\b%s\s*==\s*0\b" % (x, x), line) is not None
	off = sum(len(l) for l in text.splitlines(True)[:int(p1.line) - 1])
	end = text.find("\n}", off)
	deferred = re.search(r"%s\s*[!=]=\s*-EPROBE_DEFER\b|-EPROBE_DEFER\s*[!=]=\s*%s" % (x, x),
			     text[off:end if end > 0 else len(text)]) is not None
	if not failure:
		return deferred and name.startswith("of_irq_get")
	if deferred:
		return True
	k = text.rfind("\n{", 0, off)
	head = text[max(0, k - 400):k]
	head = head[max(head.rfind(";"), head.rfind("}")) + 1:]
	return re.search(r"\b__init\b", head) is not None and \
	       re.search(r"\b[A-Z0-9_]+_DECLARE\s*\(", text) is not None

def pgu_report(p, msg):
	key = (p.file, p.line)
	if key not in reported:
		reported.add(key)
		coccilib.report.print_report(p, msg)

def pgu_call_key(text, start):
	"""(callee, arguments after the first) of the call at offset start."""
	m = re.match(r"(\w+)\s*\(", text[start:])
	i, depth, args, cur = start + m.end(), 0, [], ""
	while i < len(text):
		c = text[i]
		if c in "([":
			depth += 1
		elif c in ")]":
			if depth == 0:
				break
			depth -= 1
		if c == "," and depth == 0:
			args.append(pgu_norm(cur))
			cur = ""
		else:
			cur += c
		i += 1
	args.append(pgu_norm(cur))
	return m.group(1), tuple(args[1:])

def pgu_balanced_end(text, i):
	"""Offset just past the bracket group opening at text[i]."""
	depth = 0
	for k in range(i, len(text)):
		if text[k] in "([{":
			depth += 1
		elif text[k] in ")]}":
			depth -= 1
			if depth == 0:
				return k + 1
	return len(text)

def pgu_validated(text, start):
	"""The result of the lookup at offset start is tested (read from the
	text): "x = lookup(...);" followed by an if testing x against NULL
	before x is assigned again, or x given to devm_ioremap_resource() in
	the next statements; or the lookup is the condition of a loop, or of
	an "if (!(x = lookup(...)))" that leaves."""
	before = text[max(0, start - 80):start]
	if re.search(r"\bwhile\s*\(\s*\(\s*[\w>.\[\]-]+\s*=\s*$", before):
		return True
	m = re.search(r"([\w>.\[\]-]+)\s*=\s*$", before)
	if not m:
		return False
	x = r"\s*(->|\.)\s*".join(re.escape(a) for a in re.split(r"->|\.", m.group(1)))
	end = pgu_balanced_end(text, text.index("(", start))
	incond = re.search(r"\bif\s*\(\s*!\s*\(\s*$", before[:m.start()])
	if incond:
		body_at = pgu_balanced_end(text, start - len(before) + incond.end() - 1)
	else:
		semi = text.find(";", end)
		rest = text[semi + 1:]
		if re.match(r"\s*(\w+\s*=\s*)?devm_ioremap_resource(_wc)?\s*\([^;]*\b%s\s*\)"
			    % x, rest) or \
		   re.match(r"\s*[^;]*;\s*(\w+\s*=\s*)?devm_ioremap_resource(_wc)?\s*\([^;]*\b%s\s*\)"
			    % x, rest):
			return True
		# the first if testing x for NULL in what follows, before x is
		# assigned again or the function ends
		stop = re.search(r"\n}|(?<![=!<>])\b%s\s*=(?!=)" % x, rest)
		rest = rest[:stop.start()] if stop else rest
		xs = pgu_norm(m.group(1))
		for cm in re.finditer(r"\bif\s*\(", rest):
			cstart = semi + 1 + cm.end() - 1
			body_at = pgu_balanced_end(text, cstart)
			cond = pgu_norm(text[cstart:body_at])
			if re.search(r"(!%s(?![\w-])|%s==NULL|NULL==%s|IS_ERR_OR_NULL\(%s\))"
				     % ((re.escape(xs),) * 4), cond):
				break
		else:
			return False
	if not incond:
		return True
	rest = text[body_at:].lstrip()
	if rest.startswith("{"):
		body = rest[:pgu_balanced_end(rest, 0)]
	else:
		body = rest[:rest.find(";") + 1]
	return re.search(r"\b(return|goto)\b", body) is not None

def pgu_func_at(text, off):
	"""The name of the function whose body holds offset off."""
	k = text.rfind("\n{", 0, off)
	if k < 0:
		return None
	head = text[max(0, k - 400):k]
	head = head[max(head.rfind(";"), head.rfind("}")) + 1:]
	m = re.search(r"(\w+)\s*\(", head)
	return m.group(1) if m else None

def pgu_runs_before(text, v, l, lfn):
	"""The lookup at offset v runs before the one at offset l (in
	function lfn): earlier in the same function, or l is outside the
	probe functions (remove, a later callback) while v is elsewhere."""
	vfn = pgu_func_at(text, v)
	if vfn == lfn:
		return v < l
	return "probe" not in lfn

def pgu_looked_up_before(p1):
	"""The same resource (same lookup, same type and same index or name,
	an index that is a variable matching any) is looked up and tested
	elsewhere in the file, in code that runs before (earlier in the same
	function, or anywhere when this lookup is outside the probe functions),
	or is mapped by devm_platform_ioremap_resource*(): this is a second
	lookup (in remove, in a later callback) of a resource whose presence
	probe has seen to."""
	with open(p1.file, errors="replace") as f:
		text = f.read()
	lines = text.split("\n")
	start = sum(len(x) + 1 for x in lines[:int(p1.line) - 1]) + int(p1.column)
	name, key = pgu_call_key(text, start)
	for m in re.finditer(r"\b(platform_get_resource(_byname)?|platform_get_mem_or_io|"
			     r"devm_platform_ioremap_resource(_byname)?|"
			     r"devm_platform_get_and_ioremap_resource)\s*\(", text):
		if m.start() == start:
			continue
		other, okey = pgu_call_key(text, m.start())
		if other == name and okey[:1] == key[:1]:
			a, b = okey[1:2], key[1:2]
			# a variable index (not a number, string or MACRO)
			var = any(re.fullmatch(r"[A-Za-z_][\w>.\[\]-]*", v) and
				  not re.fullmatch(r"[A-Z0-9_]+", v) for v in a + b)
			if (a == b or var) and pgu_validated(text, m.start()) and \
			   pgu_runs_before(text, m.start(), start, p1.current_element):
				return True
		if other.startswith("devm_platform") and \
		   key[:1] == ("IORESOURCE_MEM",) and okey[:1] == key[1:2]:
			return True
	return False

def pgu_stmt_start(p):
	"""A copy of position p moved to the first line of its statement (one
	report per statement, whichever dereference in it spatch gives)."""
	import copy
	with open(p.file, errors="replace") as f:
		lines = f.readlines()
	l = int(p.line) - 1
	while l > 0:
		prev = re.sub(r"//.*|/\*.*?\*/", "", lines[l - 1]).rstrip()
		if not prev or prev.endswith((";", "{", "}", ":")) or \
		   re.match(r"\s*(if|else|for|while|do|switch)\b", lines[l]) or \
		   prev.lstrip().startswith("#"):
			break
		l -= 1
	q = copy.copy(p)
	if l != int(p.line) - 1:
		col = len(lines[l]) - len(lines[l].lstrip())
		q.line = q.line_end = str(l + 1)
		q.column = str(col)
		q.column_end = str(col + 1)
	return q

def pgu_creates_device(name):
	"""The file creates its own platform device, resources included (the
	ISA hwmon drivers): a device of the name of its platform driver made
	with platform_device_alloc(), platform_device_register_simple(),
	_resndata() or _full(), or platform_create_bundle(). The resources
	it reads back then always exist."""
	with open(name, errors="replace") as f:
		text = f.read()
	if re.search(r"\bplatform_create_bundle\s*\(", text):
		return True
	drivers = set(pgu_norm(x) for x in re.findall(
		r"\.driver\s*=\s*\{[^}]*?\.name\s*=\s*([^,\n}]+)", text))
	made = re.findall(r"\bplatform_device_(?:alloc|register_simple)\s*\(\s*([^,]+),",
			  text)
	made += re.findall(r"\bplatform_device_register_resndata\s*\([^,]+,\s*([^,]+),",
			   text)
	made += re.findall(r"\bplatform_device_info\s+\w+\s*=\s*\{[^}]*?\.name\s*=\s*([^,\n}]+)",
			   text)
	return any(pgu_norm(x) in drivers for x in made)

def pgu_board_only(name):
	"""The file has no of_device_id or acpi_device_id table: its platform
	devices come from board code or an MFD parent, with the static
	resources those declare, not from a device tree or ACPI table."""
	with open(name, errors="replace") as f:
		text = f.read()
	return re.search(r"\b(of_device_id|acpi_device_id)\b", text) is None

def pgu_res_report(p1, p2, r):
	if pgu_guarded(p1, p2, r) or pgu_looked_up_before(p1) or \
	   pgu_creates_device(p1.file) or pgu_board_only(p1.file):
		return
	pgu_report(pgu_stmt_start(p2),
		   "%s() returns NULL when the resource is missing; %s is "
		   "dereferenced here without a NULL check: test it "
		   "(if (!%s) return -ENODEV;) after line %s"
		   % (pgu_callee(p1), r, r, p1.line))

def pgu_guarded(p1, p2, res):
	"""The statement holding the dereference at p2 tests res first
	(res && res->start, res ? resource_size(res) : 0, !res || ...)."""
	with open(p2.file, errors="replace") as f:
		lines = f.readlines()
	l1, l2 = int(p1.line), int(p2.line)
	text = "".join(lines[l1 - 1:l2 - 1]) + lines[l2 - 1][:int(p2.column)]
	k = max(text.rfind(";"), text.rfind("{"), text.rfind("}"))
	stmt = pgu_norm(text[k + 1:])
	r = re.escape(pgu_norm(res))
	return re.search(r"(!%s(?![\w-])|(?<![\w>.])%s(&&|\|\||\?|[!=]=NULL)|"
			 r"NULL[!=]=%s(?![\w-]))" % (r, r, r), stmt) is not None

// ------------------------------------------------------------------
// IRQ lookups tested for zero only.

// The first zero test after the lookup, on a path where it is not
// assigned again (!irq also matches irq == 0, irq != 0 also a bare irq
// used as a test).
@zero exists@
expression irq, E;
position p1, p2;
@@

irq = \(platform_get_irq@p1\|platform_get_irq_optional@p1\|platform_get_irq_byname@p1\|platform_get_irq_byname_optional@p1\|fwnode_irq_get@p1\|fwnode_irq_get_byname@p1\|gpiod_to_irq@p1\|of_irq_get@p1\|of_irq_get_byname@p1\)(...);
... when != irq = E
\(!irq@p2\|irq@p2 == 0\|irq@p2 != 0\)

@zero_decl exists@
identifier irq;
expression E;
position p1, p2;
type T;
@@

T irq = \(platform_get_irq@p1\|platform_get_irq_optional@p1\|platform_get_irq_byname@p1\|platform_get_irq_byname_optional@p1\|fwnode_irq_get@p1\|fwnode_irq_get_byname@p1\|gpiod_to_irq@p1\|of_irq_get@p1\|of_irq_get_byname@p1\)(...);
... when != irq = E
\(!irq@p2\|irq@p2 == 0\|irq@p2 != 0\)

// Of those lookups, the ones compared with 0 by <, <=, > or >= on some
// path before the variable is assigned again: left alone.
@sign_tested exists@
expression irq, E, E2;
position zero.p1;
position q;
@@

irq = \(platform_get_irq@p1@q\|platform_get_irq_optional@p1@q\|platform_get_irq_byname@p1@q\|platform_get_irq_byname_optional@p1@q\|fwnode_irq_get@p1@q\|fwnode_irq_get_byname@p1@q\|gpiod_to_irq@p1@q\|of_irq_get@p1@q\|of_irq_get_byname@p1@q\)(...);
... when != irq = E
\(irq < E2\|irq <= E2\|irq > E2\|irq >= E2\)

@sign_tested_decl exists@
identifier irq;
expression E, E2;
position zero_decl.p1;
position q;
type T;
@@

T irq = \(platform_get_irq@p1@q\|platform_get_irq_optional@p1@q\|platform_get_irq_byname@p1@q\|platform_get_irq_byname_optional@p1@q\|fwnode_irq_get@p1@q\|fwnode_irq_get_byname@p1@q\|gpiod_to_irq@p1@q\|of_irq_get@p1@q\|of_irq_get_byname@p1@q\)(...);
... when != irq = E
\(irq < E2\|irq <= E2\|irq > E2\|irq >= E2\)

@script:python@
q << sign_tested.q;
@@
sign_tested.add((q[0].file, q[0].line, q[0].column))

@script:python@
q << sign_tested_decl.q;
@@
sign_tested.add((q[0].file, q[0].line, q[0].column))

@script:python depends on report@
p1 << zero.p1;
p2 << zero.p2;
irq << zero.irq;
@@
if (p1[0].file, p1[0].line, p1[0].column) not in sign_tested and \
   not pgu_zero_harmless(p1[0], p2[0], irq):
	pgu_report(p2[0], pgu_zero_msg(pgu_callee(p1[0]), irq))

@script:python depends on report@
p1 << zero_decl.p1;
p2 << zero_decl.p2;
irq << zero_decl.irq;
@@
if (p1[0].file, p1[0].line, p1[0].column) not in sign_tested and \
   not pgu_zero_harmless(p1[0], p2[0], irq):
	pgu_report(p2[0], pgu_zero_msg(pgu_callee(p1[0]), irq))

@script:python depends on org@
p1 << zero.p1;
p2 << zero.p2;
irq << zero.irq;
@@
if (p1[0].file, p1[0].line, p1[0].column) not in sign_tested and \
   not pgu_zero_harmless(p1[0], p2[0], irq):
	cocci.print_main("IRQ lookup tested for zero only", p2)

@script:python depends on org@
p1 << zero_decl.p1;
p2 << zero_decl.p2;
irq << zero_decl.irq;
@@
if (p1[0].file, p1[0].line, p1[0].column) not in sign_tested and \
   not pgu_zero_harmless(p1[0], p2[0], irq):
	cocci.print_main("IRQ lookup tested for zero only", p2)

// ------------------------------------------------------------------
// of_irq_get() <= 0 returning the 0.

@le exists@
expression irq, E;
position p1, p2;
@@

irq = \(of_irq_get@p1\|of_irq_get_byname@p1\)(...);
... when != irq = E
if (irq <= 0) {
  ... when != irq = E
(
  return@p2 irq;
|
  return@p2 dev_err_probe(..., irq, ...);
)
}

@le_decl exists@
identifier irq;
expression E;
position p1, p2;
type T;
@@

T irq = \(of_irq_get@p1\|of_irq_get_byname@p1\)(...);
... when != irq = E
if (irq <= 0) {
  ... when != irq = E
(
  return@p2 irq;
|
  return@p2 dev_err_probe(..., irq, ...);
)
}

@script:python depends on report@
p1 << le.p1;
p2 << le.p2;
irq << le.irq;
@@
if not pgu_assigned_between(p1[0], p2[0], irq):
	pgu_report(p2[0], "%s() returns 0 when the IRQ mapping fails: returning %s after %s <= 0 reports success; return %s ? : -ENXIO" % (pgu_callee(p1[0]), irq, irq, irq))

@script:python depends on report@
p1 << le_decl.p1;
p2 << le_decl.p2;
irq << le_decl.irq;
@@
if not pgu_assigned_between(p1[0], p2[0], irq):
	pgu_report(p2[0], "%s() returns 0 when the IRQ mapping fails: returning %s after %s <= 0 reports success; return %s ? : -ENXIO" % (pgu_callee(p1[0]), irq, irq, irq))

@script:python depends on org@
p1 << le.p1;
p2 << le.p2;
irq << le.irq;
@@
if not pgu_assigned_between(p1[0], p2[0], irq):
	cocci.print_main("of_irq_get() 0 returned as success", p2)

@script:python depends on org@
p1 << le_decl.p1;
p2 << le_decl.p2;
irq << le_decl.irq;
@@
if not pgu_assigned_between(p1[0], p2[0], irq):
	cocci.print_main("of_irq_get() 0 returned as success", p2)

// ------------------------------------------------------------------
// Resources dereferenced without a NULL test.

@res exists@
expression r, E;
position p1, p2;
identifier fld, g;
@@

r = platform_get_resource@p1(...);
... when != r = E
    when != r == NULL
    when != r != NULL
    when != IS_ERR_OR_NULL(r)
    when != g(..., r, ...)
(
r@p2->fld
|
\(resource_size@p2\|resource_type@p2\|request_resource@p2\|insert_resource@p2\|devm_request_resource@p2\)(..., r)
|
 *r@p2
)

@res_decl exists@
identifier r;
expression E;
position p1, p2;
identifier fld, g;
type T;
@@

T *r = platform_get_resource@p1(...);
... when != r = E
    when != r == NULL
    when != r != NULL
    when != IS_ERR_OR_NULL(r)
    when != g(..., r, ...)
(
r@p2->fld
|
\(resource_size@p2\|resource_type@p2\|request_resource@p2\|insert_resource@p2\|devm_request_resource@p2\)(..., r)
|
 *r@p2
)

@script:python depends on report@
p1 << res.p1;
p2 << res.p2;
r << res.r;
@@
pgu_res_report(p1[0], p2[0], r)

@script:python depends on report@
p1 << res_decl.p1;
p2 << res_decl.p2;
r << res_decl.r;
@@
pgu_res_report(p1[0], p2[0], r)

@script:python depends on org@
p1 << res.p1;
p2 << res.p2;
r << res.r;
@@
if not pgu_guarded(p1[0], p2[0], r) and not pgu_looked_up_before(p1[0]) and \
   not pgu_creates_device(p1[0].file) and not pgu_board_only(p1[0].file):
	cocci.print_main("resource lookup", p1)
	cocci.print_secs("dereferenced without a NULL check", p2)

@script:python depends on org@
p1 << res_decl.p1;
p2 << res_decl.p2;
r << res_decl.r;
@@
if not pgu_guarded(p1[0], p2[0], r) and not pgu_looked_up_before(p1[0]) and \
   not pgu_creates_device(p1[0].file) and not pgu_board_only(p1[0].file):
	cocci.print_main("resource lookup", p1)
	cocci.print_secs("dereferenced without a NULL check", p2)

