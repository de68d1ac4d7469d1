// SPDX-License-Identifier: GPL-2.0
/// Find pci_enable_device() in a PCI probe function that is not undone.
///
/// A probe function that enabled the device with pci_enable_device() or
/// pci_enable_device_mem() and then fails must call pci_disable_device()
/// before it returns the error: the device stays enabled (and its enable
/// count raised) after the driver has given up on it. Likewise, when the
/// driver's remove path never calls pci_disable_device(), every unbind
/// leaves the device enabled. pcim_enable_device() is managed and needs
/// neither.
///
/// Reported: the error return reached from a successful enable without
/// pci_disable_device() on the way (a local helper that disables counts as
/// a disable), or the enable itself when the file has a remove callback and
/// no pci_disable_device() at all (a file that mentions it only in a
/// comment is taken to leave the device enabled on purpose).
/// Probe functions are those with the probe signature (a const struct
/// pci_device_id * parameter). There is no patch mode: where the disable
/// belongs in an unwinding sequence is the driver's call.
///
// Confidence: Moderate
// Options: --no-includes --include-headers
// Keywords: pci_enable_device, pci_disable_device, probe

virtual report
virtual org

@initialize:python@
@@
import re

# (file, function) of probe functions with a "return 0;".
ret0_fns = set()

def branch_head(text, at):
	"""The keyword heading the innermost block or brace-less branch
	that holds offset at ("if", "else", "for", ...; "" at function
	level)."""
	before = text[:at].rstrip()
	depth = 0
	k = len(before)
	if not before.endswith((")", "else")):
		k = -1
		for k in range(len(before) - 1, -1, -1):
			c = before[k]
			if c == "}":
				depth += 1
			elif c == "{":
				if depth == 0:
					break
				depth -= 1
		before = before[:k].rstrip()
	if before.endswith("else"):
		return "else"
	if not before.endswith(")"):
		return ""
	depth = 0
	for k in range(len(before) - 1, -1, -1):
		if before[k] == ")":
			depth += 1
		elif before[k] == "(":
			depth -= 1
			if depth == 0:
				break
	m = re.search(r"(\w+)\s*$", before[:k])
	word = m.group(1) if m else ""
	return word if word in ("if", "for", "while", "switch") else ""

def is_error_return(p, fn, acq_line):
	"""return -E...; in an if/else branch or below an unwinding label
	reached after the acquisition; return ret; where success returns 0
	elsewhere or right under "if (ret)". An unconditional "return -E...;"
	ending the main path is a deliberate refusal (vx855 declines the
	device so that another driver can bind it), not an error path."""
	with open(p.file, errors="replace") as f:
		text = f.read()
	lines = text.split("\n")
	at = sum(len(x) + 1 for x in lines[:int(p.line) - 1]) + int(p.column)
	stmt = text[at:at + 200].lstrip()
	if stmt.startswith("return -"):
		if branch_head(text, at):
			return True
		return any(re.match(r"\s*(?!default\b)\w+:\s*($|/)", x)
			   for x in lines[int(acq_line):int(p.line) - 1])
	if (p.file, fn) in ret0_fns:
		return True
	m = re.match(r"return\s+(\w+)\s*;", stmt)
	return bool(m) and re.search(r"\bif\s*\(\s*(unlikely\s*\()?\s*%s\s*(<\s*0|!=\s*0)?\s*\)?\s*\)\s*\{?\s*$" % m.group(1), text[:at]) is not None

# Enable calls already reported as never disabled: their error paths are
# not reported again.
never = set()
# (file, enable line, return line) where a disabling helper is called.
helped = set()
# (file, enable line, return line) of "return ret;" reached through a goto.
unwound = set()

def cond_release(p1, p2, names):
	"""Between the acquisition at p1 and the return at p2, an if whose
	branch calls one of names and goes on (no return or goto in it): a
	conditional unwinding step, which the paths through the untaken
	branch do not see. An error branch that releases and returns is no
	such step: the paths that skip it still need their own release."""
	with open(p1.file, errors="replace") as f:
		text = f.read()
	lines = text.split("\n")
	a = sum(len(x) + 1 for x in lines[:int(p1.line) - 1])
	b = sum(len(x) + 1 for x in lines[:int(p2.line) - 1])
	for m in re.finditer(r"\bif\s*\(", text[a:b]):
		o = a + m.end() - 1
		depth = 0
		for j in range(o, b):
			depth += (text[j] == "(") - (text[j] == ")")
			if depth == 0:
				break
		rest = text[j + 1:b].lstrip()
		if rest.startswith("{"):
			k = j + 1 + text[j + 1:b].index("{")
			depth = 0
			for e in range(k, b):
				depth += (text[e] == "{") - (text[e] == "}")
				if depth == 0:
					break
			else:
				continue
			branch = text[k:e]
		else:
			branch = rest[:rest.find(";") + 1]
		if re.search(r"\b(%s)\s*\(" % names, branch) and \
		   not re.search(r"\b(return|goto)\b", branch):
			return True
	return False

def in_if_branch(p):
	"""The goto at p is in an if/else branch (or a loop), not the success
	path's unconditional jump to the shared exit."""
	with open(p.file, errors="replace") as f:
		text = f.read()
	lines = text.split("\n")
	at = sum(len(x) + 1 for x in lines[:int(p.line) - 1]) + int(p.column)
	return branch_head(text, at) != ""

// Nothing to do in a file without an unmanaged enable.
@enabled@
@@

\(pci_enable_device\|pci_enable_device_mem\)(...)

// No disable anywhere in the file, yet the driver has a remove callback.
@has_disable depends on enabled@
@@

pci_disable_device(...)

@has_remove depends on enabled@
identifier drv, rm;
@@

struct pci_driver drv = {
	.remove = rm,
};

@never_disabled depends on !has_disable && has_remove@
identifier fn, id;
expression E;
position p;
@@

fn(..., const struct pci_device_id *id, ...)
{
	... when any
	\(pci_enable_device@p\|pci_enable_device_mem@p\)(E)
	... when any
}

// An error return reached from a successful enable, with no disable.
@err_path depends on enabled exists@
identifier fn, id, ret;
expression E, E2;
position p1, p2;
constant C;
statement S;
@@

fn(..., const struct pci_device_id *id, ...)
{
	... when any
(
	ret = \(pci_enable_device@p1\|pci_enable_device_mem@p1\)(E);
	... when != ret
	if (\(ret\|ret < 0\|ret != 0\|unlikely(ret)\|unlikely(ret < 0)\)) S
|
	if ((ret = \(pci_enable_device@p1\|pci_enable_device_mem@p1\)(E))) S
|
	if ((ret = \(pci_enable_device@p1\|pci_enable_device_mem@p1\)(E)) < 0) S
|
	if (\(pci_enable_device@p1\|pci_enable_device_mem@p1\)(E)) S
|
	if (\(pci_enable_device@p1\|pci_enable_device_mem@p1\)(E) < 0) S
|
	if (\(pci_enable_device@p1\|pci_enable_device_mem@p1\)(E) != 0) S
)
	... when != pci_disable_device(...)
	    when != E = E2
	    when any
(
	return@p2 -C;
|
	return@p2 ret;
)
}

// Functions that return 0 explicitly on success: in them, "return ret;"
// is an error return. Elsewhere it may be the shared exit of success and
// failure, and only "return -E...;" counts.
@ret0@
identifier err_path.fn;
identifier id;
position pf;
@@

fn@pf(..., const struct pci_device_id *id, ...)
{
	<+... return 0; ...+>
}

@script:python@
pf << ret0.pf;
fn << err_path.fn;
@@

ret0_fns.add((pf[0].file, fn))

// A local helper that disables (a shared cleanup function), called on
// the way to the return, counts as the disable.
@dis depends on err_path@
position p;
@@

pci_disable_device@p(...)

@script:python helper@
p << dis.p;
h;
@@

coccinelle.h = cocci.make_ident(p[0].current_element)

@via_helper exists@
identifier helper.h;
position err_path.p1, err_path.p2;
expression E;
@@

\(pci_enable_device@p1\|pci_enable_device_mem@p1\)(E)
... when any
h(...)
... when any
return@p2 ...;

// "return ret;" reached through a goto from the enable, with no "ret = 0"
// on the way: an unwinding ladder, which is an error return even in a
// function whose success path shares the return.
@goto_path exists@
identifier err_path.fn, id, l;
identifier err_path.ret;
expression E;
position err_path.p1, err_path.p2, pg;
statement S;
@@

fn(..., const struct pci_device_id *id, ...)
{
	... when any
(
	ret = \(pci_enable_device@p1\|pci_enable_device_mem@p1\)(E);
	... when != ret
	if (\(ret\|ret < 0\|ret != 0\|unlikely(ret)\|unlikely(ret < 0)\)) S
|
	if ((ret = \(pci_enable_device@p1\|pci_enable_device_mem@p1\)(E))) S
|
	if ((ret = \(pci_enable_device@p1\|pci_enable_device_mem@p1\)(E)) < 0) S
|
	if (\(pci_enable_device@p1\|pci_enable_device_mem@p1\)(E)) S
|
	if (\(pci_enable_device@p1\|pci_enable_device_mem@p1\)(E) < 0) S
|
	if (\(pci_enable_device@p1\|pci_enable_device_mem@p1\)(E) != 0) S
)
	... when != pci_disable_device(...)
	    when != ret = 0
	    when any
	goto@pg l;
	... when != pci_disable_device(...)
	    when != ret = 0
	    when any
	return@p2 ret;
}

@script:python depends on goto_path@
p1 << err_path.p1;
p2 << err_path.p2;
pg << goto_path.pg;
@@

if any(in_if_branch(g) for g in pg):
	unwound.add((p1[0].file, p1[0].line, p2[0].line))

@script:python depends on via_helper@
p1 << err_path.p1;
p2 << err_path.p2;
@@

helped.add((p1[0].file, p1[0].line, p2[0].line))

@script:python depends on report@
p << never_disabled.p;
@@

never.add((p[0].file, p[0].line))
# No call, but a mention (a comment, as in hpilo.c, explaining why the
# device is left enabled): deliberate, not an oversight.
with open(p[0].file, errors="replace") as f:
	deliberate = "pci_disable_device" in f.read()
if not deliberate:
	coccilib.report.print_report(p[0], "pci_enable_device() in probe is never undone: no pci_disable_device() in remove or anywhere in this file; disable in remove and on probe's error paths, or use pcim_enable_device()")

@script:python depends on report@
p1 << err_path.p1;
p2 << err_path.p2;
fn << err_path.fn;
@@

if (p1[0].file, p1[0].line) not in never and \
   (p1[0].file, p1[0].line, p2[0].line) not in helped and \
   not cond_release(p1[0], p2[0], "pci_disable_device") and \
   (is_error_return(p2[0], fn, p1[0].line) or
    (p1[0].file, p1[0].line, p2[0].line) in unwound):
	coccilib.report.print_report(p2[0], "error return without pci_disable_device() after pci_enable_device() on line %s succeeded; disable it on this path, or use pcim_enable_device()" % p1[0].line)

@script:python depends on org@
p << never_disabled.p;
@@

cocci.print_main("pci_enable_device() never undone", p)

@script:python depends on org@
p1 << err_path.p1;
p2 << err_path.p2;
@@

cocci.print_main("pci_enable_device()", p1)
cocci.print_secs("error return without pci_disable_device()", p2)
