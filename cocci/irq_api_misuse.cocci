// SPDX-License-Identifier: GPL-2.0
/// Find free_irq()/devm_free_irq() given another dev_id than the request
/// of the same IRQ, and NULL-handler threaded IRQs requested without
/// IRQF_ONESHOT.
///
/// free_irq() looks the action up by its dev_id: given a cookie that no
/// handler of the IRQ was registered with, it warns "Trying to free
/// already-free IRQ" and frees nothing (devm_free_irq() WARNs first, its
/// devres not found). The handler stays installed and runs on the data the
/// caller goes on to free (and a later request of a non-shared IRQ fails
/// with -EBUSY). Reported: a free whose dev_id differs from that of every
/// request of the same IRQ, where the difference is certain:
/// - the request is in the same function with the same IRQ expression, or
///   in another function of the file with the same IRQ field (X->irq,
///   X->irq[i]: same field of the same base variable or base type);
/// - and the two dev_ids have different known C types (void * aside, and
///   a structure and the structure it embeds as its first member, which
///   share their address), or one is &x of the other x, or one is NULL and
///   the other not.
/// Not covered: dev_ids whose type spatch cannot infer without headers
/// (fields of structures defined in headers, such as priv->ndev or
///   &pdev->dev), two different objects of the same type, IRQs held in
///   local variables of different functions, and requests in other files.
///
/// request_threaded_irq() and devm_request_threaded_irq() with a NULL
/// primary handler install irq_default_primary_handler, which only wakes
/// the thread; without IRQF_ONESHOT the line would be unmasked while a
/// level interrupt is still asserted, so __setup_irq() (kernel/irq/manage.c)
/// rejects the request with -EINVAL ("Threaded irq requested with
/// handler=NULL and !ONESHOT") unless the IRQ nests in another IRQ thread
/// or its irqchip is IRQCHIP_ONESHOT_SAFE. Reported only where the flags
/// provably lack IRQF_ONESHOT: a constant expression of IRQF_* names,
/// numbers and macros of the file, or a local variable every assignment of
/// which in the function is such an expression. Left alone: flags from
/// parameters, fields or function calls (irq_get_trigger_type() | ...),
/// and IRQs that may be nested or oneshot-safe: files that request MSI or
/// PCI IRQs, MFD cells (a <linux/mfd/...> header other than syscon.h,
/// regmap_irq_get_virq(), dev_get_regmap() or dev_get_drvdata() of the
/// parent device), users of the Qualcomm smem state API (SMP2P and SMSM
/// interrupts are nested threads). An IRQ from a GPIO expander or another
/// nested irqchip the file does not name is still reported.
/// The kernel's scripts/coccinelle/misc/irqf_oneshot.cocci reports every
/// NULL-handler request whose flags do not visibly carry IRQF_ONESHOT
/// (variables set elsewhere, nested MFD child IRQs, MSI vectors); this rule
/// reports only where the request fails.
///
// Confidence: High
// Copyright: (C) 2026 kbind authors.
// Options: --no-includes --include-headers
// Keywords: free_irq, devm_free_irq, dev_id, request_threaded_irq, IRQF_ONESHOT

virtual report
virtual org

@initialize:python@
@@
import re

# (file, function, irq, dev_id, line) of every request; types by position.
iam_reqs = []
iam_types = {}
iam_done = set()
iam_texts = {}

def iam_norm(s):
	s = re.sub(r"\s+", "", s)
	# drop casts: (void *)x, (struct foo *)x
	while True:
		m = re.match(r"^\((?:const|volatile|struct|union|enum|unsigned|\w|\*|__\w+)+\)(?=[\w&(*])", s)
		if not m:
			break
		s = s[m.end():]
	while s.startswith("(") and s.endswith(")") and iam_balanced(s[1:-1]):
		s = s[1:-1]
	return s

def iam_balanced(s):
	depth = 0
	for c in s:
		depth += c == "("
		depth -= c == ")"
		if depth < 0:
			return False
	return depth == 0

def iam_type(t):
	if t is None:
		return None
	t = re.sub(r"\b(const|volatile|__iomem|__rcu)\b", "", t)
	t = re.sub(r"\s+", " ", t).strip()
	t = re.sub(r"\s*\*", "*", t)
	return t

def iam_key(irq):
	"""(base, field) of an IRQ held in a field: priv->irq, priv->irq[i]."""
	n = re.sub(r"\[[^\]]*\]", "", iam_norm(irq))
	m = re.match(r"^(.*?)(?:->|\.)(\w+)$", n)
	return (m.group(1), m.group(2)) if m else None

def iam_is_null(d):
	return d in ("NULL", "0", "((void*)0)")

def iam_differ(fd, ft, rd, rt):
	"""dev_ids fd (type ft) and rd (type rt) are certainly different."""
	if fd == rd:
		return False
	if fd == "&" + rd or rd == "&" + fd:
		return True
	if iam_is_null(fd) != iam_is_null(rd):
		return True
	if ft is None or rt is None:
		return False
	if "void*" in (ft.replace(" ", ""), rt.replace(" ", "")):
		return False
	return ft != rt

def iam_first_member(name, t):
	"""The type of the first member of struct t ("struct foo*") when the
	file defines it and that member is a structure held by value."""
	m = re.fullmatch(r"(struct|union) (\w+)\*", t or "")
	if not m:
		return None
	text = re.sub(r"/\*.*?\*/|//[^\n]*", " ", iam_text(name), flags=re.S)
	d = re.search(r"\b%s\s+%s\s*\{\s*((?:struct|union)\s+\w+)\s+\w+\s*;"
		      % (m.group(1), m.group(2)), text)
	return iam_type(d.group(1) + " *") if d else None

def iam_same_address(name, t1, t2):
	"""Pointers of types t1 and t2 can be equal: one structure embeds the
	other as its first member (container_of() of it is the same address)."""
	for a, b in ((t1, t2), (t2, t1)):
		x = a
		for _ in range(3):
			x = iam_first_member(name, x)
			if x is None:
				break
			if x == b:
				return True
	return False

def iam_check_free(p, fn, irq, d):
	fd = iam_norm(d)
	ft = iam_type(iam_types.get((p.file, p.line, p.column)))
	fi = iam_norm(irq)
	same = [r for r in iam_reqs if r[0] == p.file and r[1] == fn and
		iam_norm(r[2]) == fi]
	if not same:
		k = iam_key(irq)
		if not k:
			return None
		kt = iam_decl_type(p.file, p.line, k[0])
		same = []
		for r in iam_reqs:
			if r[0] != p.file:
				continue
			rk = iam_key(r[2])
			if not rk or rk[1] != k[1]:
				continue
			rbt = iam_decl_type(r[0], r[4], rk[0])
			if rk[0] == k[0] or (kt is not None and kt == rbt):
				same.append(r)
	if not same:
		return None
	for r in same:
		rt = iam_type(iam_types.get((r[0], r[4], r[5])))
		if not iam_differ(fd, ft, iam_norm(r[3]), rt) or \
		   iam_same_address(p.file, ft, rt):
			return None
	return same[0]

def iam_text(name):
	if name not in iam_texts:
		iam_texts.clear()
		with open(name, errors="replace") as f:
			iam_texts[name] = f.read()
	return iam_texts[name]

def iam_func_text(name, line):
	"""The text from the start of the function holding line to its end
	(a "{" and a "}" in column 0)."""
	lines = iam_text(name).split("\n")
	i = int(line) - 1
	while i > 0 and not lines[i].startswith("{"):
		i -= 1
	j = int(line) - 1
	while j < len(lines) and not lines[j].startswith("}"):
		j += 1
	return "\n".join(lines[i:j + 1])

def iam_decl_type(name, line, ident):
	"""The declared type of the identifier ident in the function holding
	line (a parameter or a local declared before line), read from the
	text; None when ident is not a plain identifier or is not found."""
	if not re.fullmatch(r"[A-Za-z_]\w*", ident):
		return None
	lines = iam_text(name).split("\n")
	i = int(line) - 1
	while i > 0 and not lines[i].startswith("{"):
		i -= 1
	while i > 0 and lines[i - 1][:1] not in ("", "}", "#", "/", " ", "*") and \
	      not lines[i - 1].rstrip().endswith(";"):
		i -= 1
	text = "\n".join(lines[i:int(line)])
	m = None
	for m in re.finditer(r"((?:struct|union)\s+\w+|\w+)\s*(\**)\s*\b%s\b\s*[,;=)\[]"
			     % re.escape(ident), text):
		if m.group(1) not in ("return", "sizeof", "else"):
			break
	else:
		return None
	return iam_type(m.group(1) + " " + m.group(2))

def iam_defines(name):
	defs = {}
	t = re.sub(r"\\\n", " ", iam_text(name))
	for m in re.finditer(r"^\s*#\s*define\s+(\w+)\s+(.*)$", t, re.M):
		defs[m.group(1)] = re.sub(r"/\*.*?\*/|//.*", "", m.group(2)).strip()
	return defs

def iam_const_flags(expr, defs, depth=0):
	"""None when expr is not a constant flags expression; else whether it
	holds IRQF_ONESHOT."""
	if depth > 4:
		return None
	e = re.sub(r"/\*.*?\*/", " ", expr)
	oneshot = False
	for tok in re.findall(r"[A-Za-z_]\w*|0[xX][0-9a-fA-F]+|\d+\w*|\S", e):
		if tok in "|()~&" or re.match(r"\d|0[xX]", tok):
			continue
		if tok == "IRQF_ONESHOT":
			oneshot = True
		elif tok.startswith("IRQF_"):
			continue
		elif tok in defs:
			sub = iam_const_flags(defs[tok], defs, depth + 1)
			if sub is None:
				return None
			oneshot = oneshot or sub
		else:
			return None
	return oneshot

def iam_flags_lack_oneshot(p, flags):
	"""flags provably lacks IRQF_ONESHOT."""
	defs = iam_defines(p.file)
	c = iam_const_flags(flags, defs)
	if c is not None:
		return not c
	v = flags.strip()
	if not re.fullmatch(r"[A-Za-z_]\w*", v):
		return False
	body = iam_func_text(p.file, p.line)
	# a local variable (declared in the body, not a parameter), assigned
	# only constant expressions, never |=, &v, or passed by address
	if not re.search(r"^\s*(?:unsigned\s+long|unsigned\s+int|unsigned|u32|u64|int|long|ulong)\s+(?:[^;]*,\s*)?%s\b" % re.escape(v), body, re.M):
		return False
	if re.search(r"&\s*%s\b|\b%s\s*(\|=|&=|\^=|\+=|<<=|\+\+|--)" % (re.escape(v), re.escape(v)), body):
		return False
	vals = [m.group(1) for m in re.finditer(r"\b%s\s*=(?!=)\s*([^;]*);" % re.escape(v), body)]
	if not vals:
		return False
	for x in vals:
		c = iam_const_flags(x, defs)
		if c is None or c:
			return False
	return True

def iam_maybe_nested(p, irq):
	"""The IRQ may nest in a thread or be oneshot-safe (MSI, MFD cell)."""
	t = iam_text(p.file)
	if re.search(r"\b(pci_irq_vector|pci_alloc_irq_vectors\w*|pci_enable_msi\w*|"
		     r"msi_get_virq|regmap_irq_get_virq|platform_msi\w*)\b", t):
		return True
	# Qualcomm SMP2P and SMSM interrupts, which users of the smem state
	# API take, are nested threads (drivers/soc/qcom/smp2p.c, smsm.c)
	if re.search(r"\bqcom_smem_state_\w+\s*\(", t):
		return True
	if re.search(r"\bstruct\s+pci_dev\b", t) and re.search(r"->\s*irq\b", irq):
		return True
	# an MFD cell: its IRQs come from the (regmap) irqchip of the parent,
	# whose handlers run nested in the IRQ thread of the parent
	if re.search(r"\b(dev_get_regmap|dev_get_drvdata)\s*\(\s*"
		     r"(\w+->dev\.parent|dev->parent)\b", t) and \
	   not re.search(r"\bstruct\s+phy\b", t):
		return True
	for m in re.finditer(r"#\s*include\s*<linux/mfd/([\w/.-]+)>", t):
		if m.group(1) not in ("syscon.h",) and not m.group(1).startswith("syscon/"):
			return True
	return False

// ------------------------------------------------------------------
// free_irq() with another dev_id than the request.

@fr@
expression irq, D, dev;
position p;
@@

(
free_irq@p(irq, D)
|
devm_free_irq@p(dev, irq, D)
)

@req depends on fr@
expression irq, D, h, th, f, n, dev;
position p;
@@

(
request_irq@p(irq, h, f, n, D)
|
request_threaded_irq@p(irq, h, th, f, n, D)
|
request_any_context_irq@p(irq, h, f, n, D)
|
devm_request_irq@p(dev, irq, h, f, n, D)
|
devm_request_threaded_irq@p(dev, irq, h, th, f, n, D)
|
devm_request_any_context_irq@p(dev, irq, h, f, n, D)
)

@script:python depends on fr@
p << req.p;
irq << req.irq;
D << req.D;
@@
iam_reqs.append((p[0].file, p[0].current_element, irq, D, p[0].line,
		 p[0].column))

// The C types of the dev_ids, where spatch knows them.
@req_t depends on fr@
type T;
T D;
expression irq, h, th, f, n, dev;
position p;
@@

(
request_irq@p(irq, h, f, n, D)
|
request_threaded_irq@p(irq, h, th, f, n, D)
|
request_any_context_irq@p(irq, h, f, n, D)
|
devm_request_irq@p(dev, irq, h, f, n, D)
|
devm_request_threaded_irq@p(dev, irq, h, th, f, n, D)
|
devm_request_any_context_irq@p(dev, irq, h, f, n, D)
)

@script:python@
p << req_t.p;
T << req_t.T;
@@
iam_types[(p[0].file, p[0].line, p[0].column)] = T

@fr_t@
type T;
T D;
expression irq, dev;
position p;
@@

(
free_irq@p(irq, D)
|
devm_free_irq@p(dev, irq, D)
)

@script:python@
p << fr_t.p;
T << fr_t.T;
@@
iam_types[(p[0].file, p[0].line, p[0].column)] = T

@script:python depends on report@
p << fr.p;
irq << fr.irq;
D << fr.D;
@@
key = (p[0].file, p[0].line, p[0].column)
r = iam_check_free(p[0], p[0].current_element, irq, D)
if r and key not in iam_done:
	iam_done.add(key)
	where = "this function" if r[1] == p[0].current_element else "%s()" % r[1]
	coccilib.report.print_report(p[0], "IRQ %s freed with dev_id %s, but requested (line %s, %s) with dev_id %s: free_irq() finds no such action and leaves the handler installed; free it with the request's dev_id" % (iam_norm(irq), iam_norm(D), r[4], where, iam_norm(r[3])))

@script:python depends on org@
p << fr.p;
irq << fr.irq;
D << fr.D;
@@
if iam_check_free(p[0], p[0].current_element, irq, D):
	cocci.print_main("free_irq() with another dev_id than its request", p)

// ------------------------------------------------------------------
// NULL primary handler without IRQF_ONESHOT.

@th@
expression irq, th, flags, n, D, dev;
position p;
@@

(
request_threaded_irq@p(irq, NULL, th, flags, n, D)
|
devm_request_threaded_irq@p(dev, irq, NULL, th, flags, n, D)
)

@script:python depends on report@
p << th.p;
irq << th.irq;
flags << th.flags;
@@
if iam_flags_lack_oneshot(p[0], flags) and not iam_maybe_nested(p[0], irq):
	coccilib.report.print_report(p[0], "threaded IRQ with a NULL primary handler requested without IRQF_ONESHOT (flags %s): __setup_irq() rejects it with -EINVAL unless the IRQ is nested or its chip oneshot-safe; add IRQF_ONESHOT" % re.sub(r"\s+", " ", flags))

@script:python depends on org@
p << th.p;
irq << th.irq;
flags << th.flags;
@@
if iam_flags_lack_oneshot(p[0], flags) and not iam_maybe_nested(p[0], irq):
	cocci.print_main("NULL-handler threaded IRQ without IRQF_ONESHOT", p)
