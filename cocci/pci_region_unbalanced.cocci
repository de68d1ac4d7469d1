// SPDX-License-Identifier: GPL-2.0
/// Find PCI regions and BAR mappings in probe that are not undone on an
/// error path.
///
/// A probe function that reserved regions with pci_request_region[s](),
/// pci_request_selected_regions() or pci_request_mem_regions() and then
/// fails must release them (pci_release_region[s](),
/// pci_release_selected_regions(), pci_release_mem_regions()), or the next
/// probe of the device finds them busy. A mapping from pci_iomap() or
/// pci_ioremap_bar() must likewise be unmapped (pci_iounmap(), iounmap())
/// before the error is returned, or it leaks.
///
/// Reported: the error return reached from a successful request or mapping
/// with no release on the way (a local helper that releases counts as a
/// release). Probe functions are those with the probe signature (a const
/// struct pci_device_id * parameter). Files that enable with
/// pcim_enable_device() are left out of the region part: there the
/// requests are managed ("hybrid" mode, see pcim_deprecated.cocci).
/// There is no patch mode: where the release belongs in an unwinding
/// sequence is the driver's call. The order of release and unmap in
/// teardown is style, reported by pci_unmap_order_style.cocci.
/// Not reported: a request or mapping in a branch of an #if group whose
/// path passes a later #if group on the same condition (spatch walks
/// both of its branches; only the matching one is ever compiled).
///
// Confidence: Moderate
// Options: --no-includes --include-headers
// Keywords: pci_request_regions, pci_release_regions, pci_iomap, pci_iounmap, pci_ioremap_bar

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

# (file, acquire line, return line) where a releasing helper is called.
helped = set()
# (file, request line, return line) of "return ret;" reached through a goto.
unwound = set()

def in_if_branch(p):
	"""The goto at p is in an if/else branch (or a loop), not the success
	path's unconditional jump to the shared exit."""
	with open(p.file, errors="replace") as f:
		text = f.read()
	lines = text.split("\n")
	at = sum(len(x) + 1 for x in lines[:int(p.line) - 1]) + int(p.column)
	return branch_head(text, at) != ""
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

RELEASES = "pci_release_regions|pci_release_region|pci_release_selected_regions|pci_release_mem_regions"
UNMAPS = "pci_iounmap|iounmap"

# (file, line) already reported: one report per line.
reported = set()

undo = {
	"pci_request_regions": ("pci_release_regions", "pcim_request_all_regions"),
	"pci_request_regions_exclusive": ("pci_release_regions", "pcim_request_all_regions"),
	"pci_request_region": ("pci_release_region", "pcim_request_region"),
	"pci_request_mem_regions": ("pci_release_mem_regions", "pcim_request_region"),
	"pci_request_selected_regions": ("pci_release_selected_regions", "pcim_request_region"),
	"pci_request_selected_regions_exclusive": ("pci_release_selected_regions", "pcim_request_region"),
	"pci_iomap": ("pci_iounmap", "pcim_iomap"),
	"pci_iomap_wc": ("pci_iounmap", "pcim_iomap"),
	"pci_iomap_range": ("pci_iounmap", "pcim_iomap_range"),
	"pci_ioremap_bar": ("iounmap", "pcim_iomap"),
	"pci_ioremap_wc_bar": ("iounmap", "pcim_iomap"),
}

def error_msg(acq, line):
	rel, managed = undo[acq]
	return "error return without %s() after %s() on line %s succeeded; %s on this path, or use %s()" % (rel, acq, line, "release it" if "release" in rel else "unmap it", managed)

def ifdef_of(lines, i):
	"""The condition of the #if group one of whose branches holds line i
	(0-based), or None."""
	depth = 0
	for j in range(i - 1, -1, -1):
		d = re.match(r"\s*#\s*(if|ifdef|ifndef|endif)\b(.*)", lines[j])
		if not d:
			continue
		if d.group(1) == "endif":
			depth += 1
		elif depth == 0:
			return d.group(1) + d.group(2).strip()
		else:
			depth -= 1
	return None

def other_config(p1, p2):
	"""The acquisition sits in a branch of an #if group and the path to
	the return passes another #if group on the same condition: spatch
	walks both branches of each, but only matching branches are ever
	compiled together (qla1280: the map under #if MEMORY_MAPPED_IO, its
	unmap in the #if branch of a later group, release_region() in its
	#else)."""
	with open(p1.file, errors="replace") as f:
		lines = f.read().split("\n")
	g = ifdef_of(lines, int(p1.line) - 1)
	if not g:
		return False
	for j in range(int(p1.line), int(p2.line)):
		d = re.match(r"\s*#\s*(if|ifdef|ifndef)\b(.*)", lines[j])
		if d and d.group(1) + d.group(2).strip() == g:
			return True
	return False

def emit(p, msg):
	key = (p.file, p.line)
	if key not in reported:
		reported.add(key)
		coccilib.report.print_report(p, msg)

// Nothing to do in a file without an unmanaged request or mapping.
@acquired@
@@

\(pci_request_regions\|pci_request_region\|pci_request_selected_regions\|pci_request_mem_regions\|
  pci_request_regions_exclusive\|pci_request_selected_regions_exclusive\|
  pci_iomap\|pci_ioremap_bar\|pci_ioremap_wc_bar\|pci_iomap_wc\|
  pci_iomap_range\)(...)

// Region requests are managed in a file that uses pcim_enable_device().
@managed depends on acquired@
@@

pcim_enable_device(...)

@req_path depends on acquired && !managed exists@
identifier fn, id, ret;
identifier rq = {pci_request_regions, pci_request_region,
		 pci_request_selected_regions, pci_request_regions_exclusive,
		 pci_request_selected_regions_exclusive, pci_request_mem_regions};
expression E, E2;
position p1, p2;
constant C;
statement S;
@@

fn(..., const struct pci_device_id *id, ...)
{
	... when any
(
	ret = rq@p1(E, ...);
	... when != ret
	if (\(ret\|ret < 0\|ret != 0\|unlikely(ret)\|unlikely(ret < 0)\)) S
|
	if ((ret = rq@p1(E, ...))) S
|
	if ((ret = rq@p1(E, ...)) < 0) S
|
	if (rq@p1(E, ...)) S
|
	if (rq@p1(E, ...) < 0) S
|
	if (rq@p1(E, ...) != 0) S
)
	... when != \(pci_release_regions\|pci_release_region\|pci_release_selected_regions\|pci_release_mem_regions\)(...)
	    when != E = E2
	    when any
(
	return@p2 -C;
|
	return@p2 ret;
)
}

@map_path depends on acquired exists@
identifier fn, id, ret;
identifier map = {pci_iomap, pci_ioremap_bar, pci_ioremap_wc_bar, pci_iomap_wc,
		  pci_iomap_range};
expression E, x, x2;
position p1, p2;
constant C;
statement S, S2;
@@

fn(..., const struct pci_device_id *id, ...)
{
	... when any
	x = map@p1(E, ...);
	if (\(!x\|x == NULL\)) S
	... when != \(pci_iounmap\|iounmap\)(...)
	    when != if (\(!x\|x == NULL\)) S2
	    when != x = x2
	    when != x2 = x
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
@ret0_req@
identifier req_path.fn;
@@

fn(...)
{
	<+... return 0; ...+>
}

@script:python depends on ret0_req@
fn << req_path.fn;
p << req_path.p1;
@@

ret0_fns.add((p[0].file, fn))

@ret0_map@
identifier map_path.fn;
@@

fn(...)
{
	<+... return 0; ...+>
}

@script:python depends on ret0_map@
fn << map_path.fn;
p << map_path.p1;
@@

ret0_fns.add((p[0].file, fn))

// A local helper that releases (a shared cleanup function), called on
// the way to the return, counts as the release: one that releases
// regions for a request, one that unmaps for a mapping.
@releases depends on req_path@
position p;
@@

\(pci_release_regions@p\|pci_release_region@p\|pci_release_selected_regions@p\|pci_release_mem_regions@p\)(...)

@script:python helper@
p << releases.p;
h;
@@

coccinelle.h = cocci.make_ident(p[0].current_element)

@req_helper exists@
identifier helper.h;
position req_path.p1, req_path.p2;
identifier f;
@@

f@p1(...)
... when any
h(...)
... when any
return@p2 ...;

@unmaps depends on map_path@
position p;
@@

\(pci_iounmap@p\|iounmap@p\)(...)

@script:python map_helper_name@
p << unmaps.p;
h;
@@

coccinelle.h = cocci.make_ident(p[0].current_element)

@map_helper exists@
identifier map_helper_name.h;
position map_path.p1, map_path.p2;
identifier f;
@@

f@p1(...)
... when any
h(...)
... when any
return@p2 ...;

// "return ret;" reached through a goto from the request, with no "ret =
// 0" on the way: an unwinding ladder, which is an error return even in a
// function whose success path shares the return.
@req_goto exists@
identifier req_path.fn, id, l;
identifier req_path.ret, req_path.rq;
expression E;
position req_path.p1, req_path.p2, pg;
statement S;
@@

fn(..., const struct pci_device_id *id, ...)
{
	... when any
(
	ret = rq@p1(E, ...);
	... when != ret
	if (\(ret\|ret < 0\|ret != 0\|unlikely(ret)\|unlikely(ret < 0)\)) S
|
	if ((ret = rq@p1(E, ...))) S
|
	if ((ret = rq@p1(E, ...)) < 0) S
|
	if (rq@p1(E, ...)) S
|
	if (rq@p1(E, ...) < 0) S
|
	if (rq@p1(E, ...) != 0) S
)
	... when != \(pci_release_regions\|pci_release_region\|pci_release_selected_regions\|pci_release_mem_regions\)(...)
	    when != ret = 0
	    when any
	goto@pg l;
	... when != \(pci_release_regions\|pci_release_region\|pci_release_selected_regions\|pci_release_mem_regions\)(...)
	    when != ret = 0
	    when any
	return@p2 ret;
}

@script:python depends on req_goto@
p1 << req_path.p1;
p2 << req_path.p2;
pg << req_goto.pg;
@@

if any(in_if_branch(g) for g in pg):
	unwound.add((p1[0].file, p1[0].line, p2[0].line))

@script:python depends on req_helper@
p1 << req_path.p1;
p2 << req_path.p2;
@@

helped.add((p1[0].file, p1[0].line, p2[0].line))

@script:python depends on map_helper@
p1 << map_path.p1;
p2 << map_path.p2;
@@

helped.add((p1[0].file, p1[0].line, p2[0].line))

@script:python depends on report@
p1 << req_path.p1;
p2 << req_path.p2;
fn << req_path.fn;
rq << req_path.rq;
@@

if (p1[0].file, p1[0].line, p2[0].line) not in helped and \
   (is_error_return(p2[0], fn, p1[0].line) or
    (p1[0].file, p1[0].line, p2[0].line) in unwound) and \
   not other_config(p1[0], p2[0]) and not cond_release(p1[0], p2[0], RELEASES):
	emit(p2[0], error_msg(rq, p1[0].line))

@script:python depends on report@
p1 << map_path.p1;
p2 << map_path.p2;
fn << map_path.fn;
map << map_path.map;
@@

if (p1[0].file, p1[0].line, p2[0].line) not in helped and \
   is_error_return(p2[0], fn, p1[0].line) and not other_config(p1[0], p2[0]) and \
   not cond_release(p1[0], p2[0], UNMAPS):
	emit(p2[0], error_msg(map, p1[0].line))

@script:python depends on org@
p1 << req_path.p1;
p2 << req_path.p2;
@@

cocci.print_main("region request", p1)
cocci.print_secs("error return without release", p2)

@script:python depends on org@
p1 << map_path.p1;
p2 << map_path.p2;
@@

cocci.print_main("BAR mapping", p1)
cocci.print_secs("error return without unmap", p2)
