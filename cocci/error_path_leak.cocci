// SPDX-License-Identifier: GPL-2.0
/// Find a resource acquired in a function and not released on an error
/// return reached after the acquisition succeeded.
///
/// Pairs: clk_prepare_enable/clk_enable/clk_prepare (and the clk_bulk_
/// forms) with clk_disable_unprepare/clk_disable/clk_unprepare;
/// regulator_enable/regulator_bulk_enable with regulator_disable/
/// regulator_bulk_disable; pm_runtime_enable with pm_runtime_disable;
/// the OF lookups that return a node with its refcount raised
/// (of_get_child_by_name, of_get_parent, of_parse_phandle,
/// of_find_node_by_*, of_find_compatible_node, of_get_compatible_child,
/// of_graph_get_*) with of_node_put; of_find_device_by_node with
/// put_device. The kernel-doc of each acquisition asks for the release:
/// without it the clock or regulator stays on (its enable count is never
/// balanced again), runtime PM stays enabled ("Unbalanced
/// pm_runtime_enable!" on the next probe), the node or device is never
/// freed. (DMA buffers are not covered: they mostly live in structures
/// that teardown functions free, and a strict reading of its reports
/// found 6 of 21 true; dma_freed_before_stop covers their order.)
///
/// Reported, at the return: "return -E...;", "return PTR_ERR(...);",
/// "return dev_err_probe(...);", "return ERR_PTR(...);", or "return ret;"
/// where ret was last set to an error code, or by a call and the path left
/// through the branch of an "if" that tests it (so a "return ret;" that
/// success shares is not reported on the success path), reached from the
/// acquisition without the release. A lookup's NULL branches are not
/// followed. Counted as the release: the call with the same argument (for
/// runtime PM any pm_runtime_disable(), device_del() or
/// device_unregister()), also in an "if" that falls through (conditional
/// unwinding); a call of a function of this file that releases it (three
/// levels deep; for a local variable, one that is passed it and releases
/// that parameter); a devm_add_action()/devm_add_action_or_reset() whose
/// action releases that kind of resource; a caller in this file that
/// releases it when the function fails (or, for a clock, regulator or
/// runtime PM of a non-static function, any caller). Handed over, not
/// leaked: a pointer stored or copied somewhere that the function does
/// not release afterwards, a node or device looked up straight into a
/// structure field that another function of the file releases (a
/// teardown owns it; a field nothing in the file puts must be put on the
/// error path), a device's own of_node (its release puts it), a node
/// passed on as the start of the next OF search, a
/// __free(device_node) variable. Left alone: array elements (acquired or
/// unwound in loops), runtime PM errors in an "if
/// (!pm_runtime_enabled(dev))" branch. Managed acquisitions
/// (devm_clk_get_enabled, devm_regulator_get_enable,
/// devm_pm_runtime_enable, ...) are other functions
/// and never match. No patch mode: where the release belongs in the
/// unwinding is the driver's call.
///
// Confidence: Moderate
// Options: --no-includes --include-headers
// Keywords: clk_prepare_enable, regulator_enable, pm_runtime_enable, of_node_put, put_device, error path

virtual report
virtual org

@initialize:python@
@@

import re

# acquisition -> (kind, release to add, managed alternative)
ACQ = {
	"clk_prepare_enable": ("clk", "clk_disable_unprepare()", "devm_clk_get_enabled()"),
	"clk_enable": ("clk", "clk_disable()", None),
	"clk_prepare": ("clk", "clk_unprepare()", "devm_clk_get_prepared()"),
	"clk_bulk_prepare_enable": ("clk", "clk_bulk_disable_unprepare()", "devm_clk_bulk_get_all_enable()"),
	"clk_bulk_enable": ("clk", "clk_bulk_disable()", None),
	"clk_bulk_prepare": ("clk", "clk_bulk_unprepare()", None),
	"regulator_enable": ("regulator", "regulator_disable()", "devm_regulator_get_enable()"),
	"regulator_bulk_enable": ("regulator", "regulator_bulk_disable()", "devm_regulator_bulk_get_enable()"),
	"pm_runtime_enable": ("pm", "pm_runtime_disable()", "devm_pm_runtime_enable()"),
	"of_find_device_by_node": ("ofdev", "put_device()", None),
}
for n in ("of_get_child_by_name", "of_get_parent", "of_parse_phandle",
	  "of_find_node_by_name", "of_find_node_by_path",
	  "of_find_node_by_phandle", "of_find_compatible_node",
	  "of_get_compatible_child", "of_graph_get_remote_node",
	  "of_graph_get_port_by_id", "of_graph_get_endpoint_by_regs",
	  "of_graph_get_remote_endpoint", "of_graph_get_port_parent",
	  "of_graph_get_remote_port_parent", "of_graph_get_remote_port"):
	ACQ[n] = ("of", "of_node_put()", "a __free(device_node) declaration")

# release -> kind
REL = {
	"clk_disable_unprepare": "clk", "clk_disable": "clk",
	"clk_unprepare": "clk", "clk_bulk_disable_unprepare": "clk",
	"clk_bulk_disable": "clk", "clk_bulk_unprepare": "clk",
	"regulator_disable": "regulator", "regulator_force_disable": "regulator",
	"regulator_bulk_disable": "regulator",
	"regulator_bulk_force_disable": "regulator",
	"pm_runtime_disable": "pm", "__pm_runtime_disable": "pm",
	"pm_runtime_force_suspend": "pm",
	"of_node_put": "of", "put_device": "ofdev",
	"platform_device_put": "ofdev",
}

_src = {}

def _mask(text):
	"""Comments and literals blanked, offsets kept."""
	def blank(m):
		return re.sub(r"[^\n]", " ", m.group(0))
	# Spelt with chr(): the lexer of spatch reads slashes and quotes here.
	sl, st, dq, sq = chr(47), chr(42), chr(34), chr(39)
	pat = "%s%s[^\\n]*|%s\\%s.*?\\%s%s" % (sl, sl, sl, st, st, sl)
	for q in (dq, sq):
		pat += "|%s(\\\\.|[^%s\\\\\\n])*%s" % (q, q, q)
	# preprocessor lines, with their continuations
	pat += "|^[ \\t]*%s([^\\n]*\\\\\\n)*[^\\n]*" % chr(35)
	return re.sub(pat, blank, text, flags=re.S | re.M)

def _close(code, i):
	"""Offset of the bracket closing the one at code[i], or len(code)."""
	pair = {"(": ")", "{": "}"}[code[i]]
	depth = 0
	for j in range(i, len(code)):
		if code[j] == code[i]:
			depth += 1
		elif code[j] == pair:
			depth -= 1
			if depth == 0:
				return j
	return len(code)

def _open(code, i, o="{"):
	"""Offset of the unclosed bracket o before offset i, or -1."""
	c = {"{": "}", "(": ")"}[o]
	depth = 0
	while i > 0:
		i -= 1
		if code[i] == c:
			depth += 1
		elif code[i] == o:
			if depth == 0:
				return i
			depth -= 1
	return -1

def _functions(code):
	"""name -> (header start, body open, body close), file-level, and
	the list of them all (a name defined twice, under #ifdef and #else,
	keeps its last definition in the map)."""
	out, bodies, i, prev = {}, [], 0, 0
	while True:
		i = code.find("{", i)
		if i < 0:
			return out, bodies
		j = _close(code, i)
		# the header: "name(...)" right before the brace (attributes
		# after the parameters aside, not a function named __foo),
		# not a macro invocation above it
		head = code[prev:i].rstrip()
		m = re.search(r"\b__\w+(\([^()]*\))?$", head)
		while m and head[:m.start()].rstrip().endswith(")"):
			head = head[:m.start()].rstrip()
			m = re.search(r"\b__\w+(\([^()]*\))?$", head)
		if head.endswith(")"):
			o = _open(code, prev + len(head) - 1, "(")
			m = re.search(r"(\w+)\s*$", code[prev:o]) if o >= prev else None
			decl = code[prev:o]
			if m and m.group(1) not in ("if", "for", "while", "switch") and \
			   "=" not in decl[decl.rfind(";") + 1:]:
				out[m.group(1)] = (prev, i, j)
				bodies.append((prev, i, j))
		i = prev = j + 1

def _args(code, i):
	"""The arguments of the call whose "(" is at code[i]."""
	out, depth, a = [], 0, i + 1
	for j in range(i, len(code)):
		c = code[j]
		if c in "([{":
			depth += 1
		elif c in ")]}":
			depth -= 1
			if depth == 0:
				out.append(code[a:j])
				return out
		elif c == "," and depth == 1:
			out.append(code[a:j])
			a = j + 1
	return out

def norm(k):
	"""A key as text: no spaces, parentheses, leading & or *, or index."""
	k = re.sub(r"[\s()]+", "", k)
	k = re.sub(r"\[[^]]*\]", "[]", k)
	return k.lstrip("&*")

# release -> index of the argument that names the resource (None: any)
REL_ARG = {"clk_bulk_disable_unprepare": 1, "clk_bulk_disable": 1,
	   "clk_bulk_unprepare": 1, "regulator_bulk_disable": 1,
	   "regulator_bulk_force_disable": 1, "pm_runtime_disable": None,
	   "__pm_runtime_disable": None, "pm_runtime_force_suspend": None}

def _rel_key(name, args):
	i = REL_ARG.get(name, 0)
	if i is None or len(args) <= i:
		return (REL[name], "*")
	k = norm(args[i])
	if name == "put_device":
		k = re.sub(r"->dev$", "", k)
	return (REL[name], k)

def keymatch(kind, key, released):
	"""released (kind, key) is the release of key: the same text, or the
	same chain of two fields or more under another variable name; any
	key for runtime PM."""
	k, r = released
	if k != kind:
		return False
	if kind == "pm" or r == "*" or r == key:
		return True
	ca, cr = re.split(r"->|\.", key)[1:], re.split(r"->|\.", r)[1:]
	return len(ca) >= 2 and ca == cr

class Src:
	"""One C file: text, masked code, line starts, functions, and what
	each function releases (through helpers too)."""
	def __init__(self, file):
		with open(file, errors="replace") as f:
			self.text = f.read()
		self.code = _mask(self.text)
		self.starts = [0] + [m.end() for m in re.finditer(r"\n", self.text)]
		self.funcs, self.bodies = _functions(self.code)
		calls, acqs, direct = {}, {}, {}
		for fn, (h, a, b) in self.funcs.items():
			calls[fn] = set(re.findall(r"\b(\w+)\s*\(", self.code[a:b]))
			acqs[fn] = set(ACQ[c][0] for c in calls[fn] if c in ACQ)
			direct[fn] = set()
			for m in re.finditer(r"\b(\w+)\s*\(", self.code[a:b]):
				if m.group(1) in REL:
					args = _args(self.code, a + m.end() - 1)
					direct[fn].add(_rel_key(m.group(1), args))
		# rels[fn]: (kind, key) of what a call of fn releases: its own
		# releases and those of the functions of this file it calls
		# (three levels), less the kinds it acquires itself.
		rels = {}
		for level in range(3):
			new = {}
			for fn, cs in calls.items():
				r = set(direct[fn])
				for c in cs:
					r |= rels.get(c, set())
				new[fn] = set(x for x in r if x[0] not in acqs[fn])
			rels = new
		self.rels = rels

	def off(self, p):
		return self.starts[int(p.line) - 1] + int(p.column)

	def end_off(self, p):
		return self.starts[int(p.line_end) - 1] + int(p.column_end)

def src(file):
	if file not in _src:
		_src.clear()
		_src[file] = Src(file)
	return _src[file]

def name_at(p):
	s = src(p.file)
	return re.match(r"\w+", s.code[s.off(p):]).group(0)

def kind_of(p1):
	return ACQ[name_at(p1)][0]

def branch_conds(s, i):
	"""(condition, offset after it) of the ifs whose then-branch holds the
	statement at offset i, innermost first, looking out through loops and
	plain blocks; "else" for an else branch."""
	code = s.code
	out = []
	head = code[:i].rstrip()
	while True:
		if head.endswith(")"):
			o = _open(code, len(head) - 1, "(")
			kw = re.search(r"(\w+)\s*$", code[:o])
			if kw and kw.group(1) == "if":
				out.append((code[o + 1:len(head) - 1], len(head)))
			elif not kw or kw.group(1) not in ("for", "while", "switch"):
				return out
			i = kw.start() if kw else o
		elif re.search(r"\belse$", head):
			out.append(("else", len(head)))
			i = len(head) - 4
		o = _open(code, i)
		if o < 0:
			return out
		head = code[:o].rstrip()
		i = o
		if head.endswith(")") or re.search(r"\belse$", head):
			continue
		if re.search(r"\bdo$", head) or head.endswith(("{", "}", ";", ":")):
			head = code[:o + 1]
			continue
		return out

def pm_off(s, conds):
	"""In the branch of "if (!pm_runtime_enabled(dev))", or the else
	branch of "if (pm_runtime_enabled(dev)) {...}": runtime PM is not
	enabled there (CONFIG_PM is off)."""
	for c, e in conds:
		if c == "else":
			c = else_of(s.code, e)
			if c and re.match(r"\s*pm_runtime_enabled\s*\(", c):
				return True
		elif "!pm_runtime_enabled" in re.sub(r"\s", "", c):
			return True
	return False

def else_of(code, e):
	"""The condition of the "if (...) {...}" whose "else" ends at e."""
	head = code[:e - 4].rstrip()
	if not head.endswith("}"):
		return None
	o = _open(code, len(head) - 1)
	h = code[:o].rstrip()
	if not h.endswith(")"):
		return None
	c = _open(code, len(h) - 1, "(")
	return code[c + 1:len(h) - 1] if re.search(r"\bif\s*$", code[:c]) else None

def tests_error(cond, r):
	"""cond is true when r holds an error code."""
	if cond is None or cond == "else" or not re.search(r"\b%s\b" % r, cond):
		return False
	neg = r"!\s*%s\b(?!\s*=)|\b%s\s*(==|>=|>)\s*0\b|\b0\s*(==|<=|<)\s*%s\b" % (r, r, r)
	return re.search(neg, cond) is None

ERRVAL = re.compile(r"-\s*[A-Z0-9]|(PTR_ERR|ERR_PTR|ERR_CAST|dev_err_probe)\s*\(")

def _ret_var(s, p2):
	m = re.match(r"return\s+(\w+)\s*;", s.code[s.off(p2):])
	return m and m.group(1)

def assigned_error(p2, pa, pg):
	"""On a path where ret was last set at pa (to the expression there)
	and left through the goto at pg (or none), is "return ret;" at p2
	an error return?"""
	s = src(p2[0].file)
	val = s.code[s.off(pa[0]):s.end_off(pa[0])].strip()
	if ERRVAL.match(val):
		return True
	if not re.search(r"[a-z(]", val):
		# 0, a positive constant or macro: not an error code
		return False
	r = _ret_var(s, p2[0])
	conds = branch_conds(s, s.off(pg[0] if pg else p2[0]))
	# the test must see the value set at pa (or one derived from it)
	return bool(conds) and (s.off(pa[0]) < conds[0][1] or
				re.search(r"\b%s\b" % r, val) is not None) and \
	       tests_error(conds[0][0], r)

def _fn_of(s, p1):
	"""(header, body open, body close) of the function holding p1: the
	one of its name, or (two definitions of one name, under #ifdef and
	#else) the body that holds it."""
	f = s.funcs.get(p1.current_element)
	a = s.off(p1)
	if f and f[1] < a < f[2]:
		return f
	return next((x for x in s.bodies if x[1] < a < x[2]), f)

def scoped(s, p1, x):
	"""x is declared __free(...) in the function before p1."""
	f = _fn_of(s, p1)
	if not f:
		return False
	return re.search(r"\b%s\s+__free\s*\(" % re.escape(x), s.code[f[1]:s.off(p1)]) is not None

def local(s, p1, key):
	"""key is a variable declared in the function body."""
	f = _fn_of(s, p1)
	if not f or not re.fullmatch(r"\w+", key):
		return False
	decl = r"(^|[;{])\s*(const\s+)?(struct\s+|enum\s+|unsigned\s+)?\w+[\s*]+(\w+\s*(\[[^]]*\])?(=[^,;]*)?,[\s*]*)*%s\b" % key
	return re.search(decl, s.code[f[1]:s.off(p1)], re.M) is not None

ACTION = re.compile(r"\bdevm_add_action(_or_reset)?\s*\(")

def _params(s, fn):
	"""The parameter names of function fn of this file."""
	h, o, c = s.funcs[fn]
	head = s.code[h:o]
	p = head.rfind(")")
	return [(re.findall(r"\w+", x) or [""])[-1]
		for x in _args(s.code, _open(s.code, h + p, "("))]

def releases(s, fn, kind, key):
	return any(keymatch(kind, key, r) for r in s.rels.get(fn, ()))

def helped(s, p1, p2, kind, key, loc):
	"""A call between the acquisition and the return, in a block that also
	holds the return, of a function of this file that releases the
	resource (for a local variable: that is passed it and releases that
	parameter); or a devm action that releases the kind of resource."""
	a, b = s.off(p1), s.off(p2)
	code = s.code
	for m in re.finditer(r"\b(\w+)\s*\(", code[a:b]):
		name = m.group(1)
		if name == p1.current_element or name not in s.rels and not ACTION.match(m.group(0)):
			continue
		args = _args(code, a + m.end() - 1)
		if ACTION.match(m.group(0)):
			if any(REL.get(n) == kind or any(r[0] == kind for r in s.rels.get(n, ()))
			       for n in re.findall(r"\w+", " ".join(args))):
				return True
			continue
		if kind == "pm":
			ok = releases(s, name, kind, "*")
		elif loc:
			params = _params(s, name)
			ok = any(norm(x) == key and i < len(params) and
				 releases(s, name, kind, params[i])
				 for i, x in enumerate(args))
		else:
			ok = releases(s, name, kind, key)
		if ok:
			o = _open(code, a + m.start())
			if o < b < _close(code, o) or jumps_to(s, a + m.start(), b):
				return True
	return False

def jumps_to(s, x, b):
	"""The block holding the statement at offset x ends, right after it
	and maybe others, with a goto to a label that leads to offset b with no
	return in between."""
	code = s.code
	if not code[:x].rstrip().endswith((";", "{", "}")):
		return False	# the call is itself a branch of an if
	o = _open(code, x)
	c = _close(code, o)
	m = re.search(r"\bgoto\s+(\w+)\s*;\s*$", code[x:c])
	if not m or re.search(r"\breturn\b", code[x:x + m.start()]):
		return False
	lab = re.search(r"(^|[;{}])\s*%s\s*:(?!:)" % m.group(1), code[c:b])
	return lab is not None and not re.search(r"\breturn\b", code[c + lab.end():b])

def _failure_text(s, g, x):
	"""The code that runs when the call at offset x in function g fails:
	the branch of the if that checks it, with the code from the label it
	jumps to; "return" when g returns what the call returns."""
	code = s.code
	h, a, b = s.funcs[g]
	st = max(code.rfind(c, a, x) for c in ";{}") + 1
	if re.fullmatch(r"\s*return\s*", code[st:x]):
		return "return"
	m = re.match(r"\s*if\s*\(", code[st:x])
	if m:
		cond = st + m.end() - 1
	else:
		e = code.find(";", x)
		m = re.match(r"\s*if\s*\(", code[e + 1:])
		if e < 0 or not m:
			return ""
		cond = e + 1 + m.end() - 1
	body = _close(code, cond) + 1
	t = code[body:].lstrip()
	body = len(code) - len(t)
	end = _close(code, body) if t.startswith("{") else code.find(";", body)
	text = code[body:end + 1]
	m = re.search(r"\bgoto\s+(\w+)", text)
	if m:
		lab = re.search(r"^\s*%s\s*:" % m.group(1), code[a:b], re.M)
		if lab:
			text += code[a + lab.start():b]
	return text

def caller_cleans(s, fn, kind, key, depth=0):
	"""A function of this file calls fn and, when fn fails, calls one that
	releases the resource (or returns the failure to a caller that
	does)."""
	for g, (h, a, b) in s.funcs.items():
		if g == fn:
			continue
		for m in re.finditer(r"\b%s\s*\(" % fn, s.code[a:b]):
			t = _failure_text(s, g, a + m.start())
			if t == "return":
				if depth < 2 and caller_cleans(s, g, kind, key, depth + 1):
					return True
			elif any(releases(s, n, kind, key)
				 for n in re.findall(r"\b(\w+)\s*\(", t)):
				return True
	return False

def exported(s, fn):
	f = s.funcs.get(fn)
	return f is not None and not re.search(r"\bstatic\b", s.code[f[0]:f[1]])

# (file, acquisition, return) -> "leak", "no", or "path" (the path
# tells), and those reported
verdicts = {}
reported = set()

def _key(p1, p2):
	return (p1[0].file, p1[0].line, p1[0].column, p2[0].line, p2[0].column)

def _stmt_end(code, i):
	"""End of the statement (block or simple) starting at or after i."""
	t = code[i:]
	i += len(t) - len(t.lstrip())
	if code.startswith("{", i):
		return _close(code, i)
	if re.match(r"(if|for|while|switch)\s*\(", code[i:]):
		c = _close(code, code.index("(", i))
		e = _stmt_end(code, c + 1)
		m = re.match(r"\s*else\b", code[e + 1:])
		return _stmt_end(code, e + 1 + m.end()) if m else e
	return code.find(";", i)

def null_path(s, p1, p2, key, pg, pa=None):
	"""The path to p2 went through the branch of an "if (key)" (or "if
	(key && ...)") where the lookup found nothing: p2 is in its else
	branch, or after it when the then branch puts or hands the node over
	or always leaves (and the path did not leave it by the goto at pg); or
	p2 is in the then branch of an "if (!key)", or (round a loop) after
	one that falls through."""
	code = s.code
	k = re.escape(key)
	pos = r"^(likely\()?%s\)?(!=NULL)?(&&.*)?$|&&%s(!=NULL)?$" % (k, k)
	neg = r"^((unlikely|WARN_ON|WARN_ON_ONCE)\()?(!%s|%s==NULL|IS_ERR_OR_NULL\(%s\))\)?(\|\|.*)?$" % (k, k, k)
	use = r"\b(of_node_put|put_device|platform_device_put)\s*\([^;]*\b%s\b|=\s*%s\s*;" % (k, k)
	a, b = s.off(p1), s.off(p2)
	wrap = b < a
	if wrap:
		# p2 comes before the lookup: the path went round a loop; the
		# ifs after the lookup in that loop are on it.
		f = _fn_of(s, p1)
		loop = [l for l in _loops(code, f[1], f[2]) if l[0] < b and a <= l[1]] if f else []
		if not loop:
			return False
		stop = min(l[1] for l in loop)
	else:
		stop = b
	for m in re.finditer(r"\bif\s*\(", code[a:stop]):
		c = a + m.end() - 1
		e = _close(code, c)
		cond = re.sub(r"\s", "", code[c + 1:e])
		t_end = _stmt_end(code, e + 1)
		inside = [x for x in (b, pa and s.off(pa[0]), pg and s.off(pg[0])) if x]
		if re.search(neg, cond) and (any(e < x <= t_end for x in inside) or
					     wrap and not re.search(r"\b(return|goto|break|continue)\b", code[e:t_end + 1])):
			return True
		el = re.match(r"\s*else\b", code[t_end + 1:])
		if re.search(neg, cond) and el and not wrap and \
		   not re.search(r"\b(return|goto)\b", code[e:t_end + 1]):
			# "if (!key) ...; else { ...; put(key); }", falling
			# through: past it, the node is put or was never there
			end = _stmt_end(code, t_end + 1 + el.end())
			if b > end and re.search(use, code[t_end + 1:end + 1]):
				return True
		if not re.search(pos, cond):
			continue
		el = re.match(r"\s*else\b", code[t_end + 1:])
		end = _stmt_end(code, t_end + 1 + el.end()) if el else t_end
		if e < b <= t_end:
			continue
		if el and any(t_end < x <= end for x in inside):
			return True
		body = code[e + 1:t_end + 1].strip()
		exits = re.search(r"\b(return|goto)\b[^;]*;\s*}?$", body) is not None
		if (b > end or wrap) and (re.search(use, body) or exits) and \
		   not (pg and e < s.off(pg[0]) <= t_end):
			return True
	return False

def cond_release(s, p1, p2, kind, key):
	"""Between the acquisition and p2, in a block that also holds p2, an
	"if" whose branch releases the resource and falls through (a
	conditional unwinding step: the condition usually says whether the
	acquisition happened)."""
	code = s.code
	a, b = s.off(p1), s.off(p2)
	for m in re.finditer(r"\bif\s*\(", code[a:b]):
		c = a + m.end() - 1
		e = _close(code, c)
		t_end = _stmt_end(code, e + 1)
		if t_end >= b:
			continue
		body = code[e + 1:t_end + 1]
		if re.search(r"\b(return|goto|break|continue)\b", body):
			continue
		for r in re.finditer(r"\b(\w+)\s*\(", body):
			if r.group(1) in REL and keymatch(kind, key,
			    _rel_key(r.group(1), _args(code, e + 1 + r.end() - 1))):
				o = _open(code, a + m.start())
				if o < b < _close(code, o):
					return True
	return False

def handed_over(s, p1, p2, kind, key):
	"""A node or device acquired straight into a structure, which the
	function never releases itself and another function of the file
	does (or the of_node of a device, which its release puts), or stored
	or copied somewhere between the acquisition and the return."""
	code = s.code
	a, b = s.off(p1), s.off(p2)
	if kind in ("of", "ofdev") and not re.fullmatch(r"\w+", key) and \
	   not puts_later(s, a, kind, key) and \
	   (put_elsewhere(s, a, kind, key) or re.search(r"(->|\.)of_node$", key)):
		return True
	k = re.escape(key)
	pat = r"[^=!<>]=\s*(\([^()]*\)\s*)?%s\s*;|((->|\.)\w+|\])\s*=\s*&%s->dev\s*;" % (k, k)
	return kind in ("of", "ofdev") and re.search(pat, code[a:b]) is not None

def released_in(s, a, b, kind, key, within=None):
	"""A release of key in code[a:b]; with within, only one in a block
	that holds offset within, or (when within is the offset of the
	function's opening brace) one in no branch of an if."""
	code = s.code
	for r in re.finditer(r"\b(\w+)\s*\(", code[a:b]):
		if r.group(1) not in REL or not keymatch(kind, key,
		    _rel_key(r.group(1), _args(code, a + r.end() - 1))):
			continue
		if within is None:
			return True
		o = _open(code, a + r.start())
		if o == within and not branch_conds(s, a + r.start()) or \
		   o < within < _close(code, o):
			return True
	return False

def stored_as(s, p1, p2, key):
	"""The places key is assigned to between the acquisition and p2."""
	pat = r"([\w.>\[\]-]+)\s*=\s*(\([^()]*\)\s*)?%s\s*;" % re.escape(key)
	return [norm(m.group(1)) for m in re.finditer(pat, s.code[s.off(p1):s.off(p2)])
		if norm(m.group(1)) != key]

def put_elsewhere(s, a, kind, key):
	"""Another function of the file releases key (a teardown that owns
	what this one stores)."""
	return any(not (x[1] < a < x[2]) and releases(s, fn, kind, key)
		   for fn, x in s.funcs.items())

def puts_later(s, a, kind, key):
	"""The function releases key after offset a."""
	f = next((x for x in s.funcs.values() if x[1] < a < x[2]), None)
	return f is not None and released_in(s, a, f[2], kind, key)

def _loops(code, a, b):
	"""(body start, body end) of the for/while loops in code[a:b]."""
	out = []
	for m in re.finditer(r"\b(for|while)\s*\(", code[a:b]):
		c = _close(code, a + m.end() - 1)
		out.append((c, _stmt_end(code, c + 1)))
	return out

def released_in_loop(s, p1, kind, key, skip_own=False):
	"""The function releases key (or another element of its array) in a
	loop (not the one holding the acquisition, with skip_own)."""
	f = _fn_of(s, p1)
	if not f:
		return False
	code, a = s.code, s.off(p1)
	for st, en in _loops(code, f[1], f[2]):
		if skip_own and st < a <= en:
			continue
		for r in re.finditer(r"\b(\w+)\s*\(", code[st:en]):
			if r.group(1) in REL and keymatch(kind, key,
			    _rel_key(r.group(1), _args(code, st + r.end() - 1))):
				return True
	return False

def in_loop_unwound(s, p1, kind, key):
	"""Acquired in a loop, in a function that releases the same key in
	another loop (the unwinding of what the earlier rounds acquired),
	which the paths do not follow."""
	f = _fn_of(s, p1)
	if not f:
		return False
	a = s.off(p1)
	return any(st < a <= en for st, en in _loops(s.code, f[1], f[2])) and \
	       released_in_loop(s, p1, kind, key, True)

def devm_released(s, f, kind):
	"""A devm action of the function, before or after the acquisition,
	releases that kind of resource."""
	if not f:
		return False
	code = s.code
	for m in ACTION.finditer(code, f[1], f[2]):
		args = _args(code, m.end() - 1)
		if any(REL.get(n) == kind or any(r[0] == kind for r in s.rels.get(n, ()))
		       for n in re.findall(r"\w+", " ".join(args[1:2]))):
			return True
	return False

SLEEP_OPS = re.compile(r"\b(SET_)?(LATE_|NOIRQ_)?SYSTEM_SLEEP_PM_OPS\s*\(|\b(DEFINE_)?SIMPLE_DEV_PM_OPS\s*\(")

def sleep_resume(s, fn):
	"""fn is a system-sleep resume callback: the resource it turns on
	stays on by design, and the next suspend turns it off whether or
	not the resume succeeded."""
	code = s.code
	for m in SLEEP_OPS.finditer(code):
		args = [norm(a) for a in _args(code, m.end() - 1)]
		if args and args[-1] == fn:
			return True
	# .resume = fn in a struct dev_pm_ops (not in other ops, such as
	# the host1x client ops, whose .resume is a runtime resume)
	for m in re.finditer(r"\.(resume|resume_early|resume_noirq|restore|thaw)\s*=\s*&?%s\b" % fn, code):
		o = _open(code, m.start())
		if o > 0 and re.search(r"\bdev_pm_ops\s+\w+(\s*\[[^]]*\])?\s*=\s*$", code[max(0, o - 200):o]):
			return True
	return False

def framework_undoes(s, fn):
	"""fn is a comedi driver's .attach/.auto_attach: the comedi core
	calls the driver's .detach when it fails (comedi_device_attach(),
	comedi_auto_config())."""
	return re.search(r"\.(auto_)?attach\s*=\s*%s\b" % fn, s.code) is not None and \
	       re.search(r"\bstruct\s+comedi_driver\b", s.code) is not None

def wrapped_store(s, p1, p2, key):
	"""Acquired in a loop that hands it over: the path went round the
	loop (the return comes before the acquisition) and the loop stores
	the resource somewhere, or the loop stores it in a structure that it
	then passes on (a buffer put on a free list): what an earlier round
	acquired was handed over."""
	a, b = s.off(p1), s.off(p2)
	code = s.code
	k = re.escape(key)
	f = _fn_of(s, p1)
	for st, en in (_loops(code, f[1], f[2]) if f else []):
		if not st < a <= en:
			continue
		if b < a and st < b and re.search(r"=\s*(\([^()]*\)\s*)?%s\s*;" % k, code[a:en]):
			return True
		for m in re.finditer(r"\b(\w+)\s*(->|\.)\s*\w+\s*=\s*%s\s*;" % k, code[a:en]):
			y = re.escape(m.group(1))
			if re.search(r"\w+\s*\([^;]*[(,]\s*&?%s\s*[,)]" % y, code[a + m.end():en]):
				return True
	return False

def _verdict(p1, p2, key):
	s = src(p1.file)
	kind = kind_of(p1)
	if kind == "of" and scoped(s, p1, key):
		return "no"
	nkey = norm(key)
	# An array element: acquired in a loop (by a variable index), or
	# released by one, which the paths do not follow.
	if re.search(r"\[[^]]*[a-z]", key) or "[" in key and released_in_loop(s, p1, kind, nkey):
		return "no"
	loc = local(s, p1, key)
	if handed_over(s, p1, p2, kind, nkey):
		return "no"
	if in_loop_unwound(s, p1, kind, nkey):
		return "no"
	if helped(s, p1, p2, kind, nkey, loc) or cond_release(s, p1, p2, kind, nkey):
		return "no"
	# Released unconditionally before it is acquired again (disable,
	# reconfigure, enable): the function gives back the state it was
	# given.
	f = _fn_of(s, p1)
	if f and kind in ("clk", "regulator", "pm") and \
	   released_in(s, f[1], s.off(p1), kind, nkey, f[1]):
		return "no"
	# Stored or copied somewhere that is released on the way to the
	# return, or that the caller releases when this function fails.
	for t in stored_as(s, p1, p2, nkey):
		if released_in(s, s.off(p1), s.off(p2), kind, t, s.off(p2)) or \
		   caller_cleans(s, p1.current_element, kind, t):
			return "no"

	if devm_released(s, f, kind) or framework_undoes(s, p1.current_element) or \
	   kind in ("clk", "regulator") and sleep_resume(s, p1.current_element) or \
	   wrapped_store(s, p1, p2, nkey):
		return "no"
	r = _ret_var(s, p2)
	if r and norm(r) == nkey:
		# the resource itself is returned: it belongs to the caller
		return "no"

	conds = branch_conds(s, s.off(p2))
	if kind == "pm" and pm_off(s, conds):
		return "no"
	# Not a local variable: a caller may release it when this fails: one
	# of this file that does, or any caller of a non-static function
	# that enables a clock, regulator or runtime PM of a device it can
	# reach too.
	if not loc and (caller_cleans(s, p1.current_element, kind, nkey) or
			kind in ("clk", "regulator", "pm") and
			exported(s, p1.current_element)):
		return "no"
	r = _ret_var(s, p2)
	# "return ret;" in the branch of a test of ret, with no assignment
	# to ret in between, returns the error tested; otherwise the path
	# tells (or ret is tested as a success).
	if r and not (conds and tests_error(conds[0][0], r) and
		      not re.search(r"\b%s\s*=[^=]" % r, s.code[conds[0][1]:s.off(p2)])):
		if conds and (conds[0][0] == "else" or re.search(r"\b%s\b" % r, conds[0][0])):
			return "no"
		return "path"
	if kind in ("of", "ofdev") and null_path(s, p1, p2, norm(key), None):
		return "no"
	return "leak"

def triage(p1, p2, key, org):
	k = _key(p1, p2)
	if k not in verdicts:
		verdicts[k] = _verdict(p1[0], p2[0], key)
	if verdicts[k] == "leak":
		emit(p1, p2, key, org)

def needs_path(p1, p2):
	return verdicts.get(_key(p1, p2)) == "path"

def on_path(p1, p2, key, pa, pg, org):
	s = src(p1[0].file)
	if pg and kind_of(p1[0]) == "pm" and pm_off(s, branch_conds(s, s.off(pg[0]))):
		return
	if kind_of(p1[0]) in ("of", "ofdev") and null_path(s, p1[0], p2[0], norm(key), pg, pa):
		return
	if assigned_error(p2, pa, pg):
		emit(p1, p2, key, org)

def emit(p1, p2, key, org):
	k = _key(p1, p2)
	if k in reported:
		return
	reported.add(k)
	name = name_at(p1[0])
	kind, rel, managed = ACQ[name]
	if org:
		cocci.print_main(name, p1)
		cocci.print_secs("error return without %s" % rel, p2)
		return
	key = re.sub(r"\s*(->|\.|\[|\]|\(|\))\s*", r"\1", key)
	key = re.sub(r"([&*!])\s+", r"\1", key)
	what = "%s()" % name if kind == "pm" else "%s() of %s" % (name, key)
	msg = "error return leaks %s from line %s: call %s on this path" % (what, p1[0].line, rel)
	if managed:
		msg += ", or use %s" % managed
	coccilib.report.print_report(p2[0], msg)

@err_arg exists@
identifier ret;
expression E, E5, N, N2;
statement S;
expression E8 != NULL;
position p1, p2;
identifier r;
expression E3;
constant C;
@@

(
	ret = \(\(clk_prepare_enable@p1\|clk_enable@p1\|clk_prepare@p1\|regulator_enable@p1\)(E)\|\(clk_bulk_prepare_enable@p1\|clk_bulk_enable@p1\|clk_bulk_prepare@p1\|regulator_bulk_enable@p1\)(N, E)\);
	... when != ret
	if (<+... ret ...+>) S
|
	if (<+... \(\(clk_prepare_enable@p1\|clk_enable@p1\|clk_prepare@p1\|regulator_enable@p1\)(E)\|\(clk_bulk_prepare_enable@p1\|clk_bulk_enable@p1\|clk_bulk_prepare@p1\|regulator_bulk_enable@p1\)(N, E)\) ...+>) S
|
	\(\(clk_prepare_enable@p1\|clk_enable@p1\|clk_prepare@p1\|regulator_enable@p1\)(E)\|\(clk_bulk_prepare_enable@p1\|clk_bulk_enable@p1\|clk_bulk_prepare@p1\|regulator_bulk_enable@p1\)(N, E)\);
)
	... when != \(clk_disable_unprepare\|clk_disable\|clk_unprepare\|regulator_disable\|regulator_force_disable\)(E)
	    when != \(clk_bulk_disable_unprepare\|clk_bulk_disable\|clk_bulk_unprepare\|regulator_bulk_disable\|regulator_bulk_force_disable\)(N2, E)
	    when != if (E5) \(clk_disable_unprepare\|clk_disable\|clk_unprepare\|regulator_disable\)(E);
	    when != E = E8
	    when any
(
	return@p2 \(-C\|PTR_ERR(E3)\|ERR_PTR(E3)\|ERR_CAST(E3)\|dev_err_probe(...)\);
|
	return@p2 r;
)

@script:python depends on report@
p1 << err_arg.p1;
p2 << err_arg.p2;
E << err_arg.E;
@@

triage(p1, p2, E, False)

@script:python depends on org@
p1 << err_arg.p1;
p2 << err_arg.p2;
E << err_arg.E;
@@

triage(p1, p2, E, True)

// Only "return ret;" that needs the path to tell: the last assignment
// of ret on it, and the goto it took.
@script:python@
p1 << err_arg.p1;
p2 << err_arg.p2;
@@

if not needs_path(p1, p2):
	cocci.include_match(False)

@var_arg exists@
identifier ret;
expression err_arg.E;
expression E5, N, N2;
statement S;
expression E8 != NULL;
position err_arg.p1, err_arg.p2, pa, pg;
identifier r, L;
expression E3, E4;
type T3;
@@

(
	ret = \(\(clk_prepare_enable@p1\|clk_enable@p1\|clk_prepare@p1\|regulator_enable@p1\)(E)\|\(clk_bulk_prepare_enable@p1\|clk_bulk_enable@p1\|clk_bulk_prepare@p1\|regulator_bulk_enable@p1\)(N, E)\);
	... when != ret
	if (<+... ret ...+>) S
|
	if (<+... \(\(clk_prepare_enable@p1\|clk_enable@p1\|clk_prepare@p1\|regulator_enable@p1\)(E)\|\(clk_bulk_prepare_enable@p1\|clk_bulk_enable@p1\|clk_bulk_prepare@p1\|regulator_bulk_enable@p1\)(N, E)\) ...+>) S
|
	\(\(clk_prepare_enable@p1\|clk_enable@p1\|clk_prepare@p1\|regulator_enable@p1\)(E)\|\(clk_bulk_prepare_enable@p1\|clk_bulk_enable@p1\|clk_bulk_prepare@p1\|regulator_bulk_enable@p1\)(N, E)\);
)
	... when != \(clk_disable_unprepare\|clk_disable\|clk_unprepare\|regulator_disable\|regulator_force_disable\)(E)
	    when != \(clk_bulk_disable_unprepare\|clk_bulk_disable\|clk_bulk_unprepare\|regulator_bulk_disable\|regulator_bulk_force_disable\)(N2, E)
	    when != if (E5) \(clk_disable_unprepare\|clk_disable\|clk_unprepare\|regulator_disable\)(E);
	    when != E = E8
	    when any
(
	r = E3@pa;
|
	T3 r = E3@pa;
)
	... when != \(clk_disable_unprepare\|clk_disable\|clk_unprepare\|regulator_disable\|regulator_force_disable\)(E)
	    when != \(clk_bulk_disable_unprepare\|clk_bulk_disable\|clk_bulk_unprepare\|regulator_bulk_disable\|regulator_bulk_force_disable\)(N2, E)
	    when != if (E5) \(clk_disable_unprepare\|clk_disable\|clk_unprepare\|regulator_disable\)(E);
	    when != E = E8
	    when != r = E4
(
	goto@pg L;
	... when != \(clk_disable_unprepare\|clk_disable\|clk_unprepare\|regulator_disable\|regulator_force_disable\)(E)
	    when != \(clk_bulk_disable_unprepare\|clk_bulk_disable\|clk_bulk_unprepare\|regulator_bulk_disable\|regulator_bulk_force_disable\)(N2, E)
	    when != if (E5) \(clk_disable_unprepare\|clk_disable\|clk_unprepare\|regulator_disable\)(E);
	    when != E = E8
	    when != r = E4
	    when any
	return@p2 r;
|
	return@p2 r;
)

@script:python depends on report@
p1 << err_arg.p1;
p2 << err_arg.p2;
E << err_arg.E;
pa << var_arg.pa;
pg << var_arg.pg = [];
@@

on_path(p1, p2, E, pa, pg, False)

@script:python depends on org@
p1 << err_arg.p1;
p2 << err_arg.p2;
E << err_arg.E;
pa << var_arg.pa;
pg << var_arg.pg = [];
@@

on_path(p1, p2, E, pa, pg, True)

@err_pm exists@
expression E, E5;

position p1, p2;
identifier r;
expression E3;
constant C;
@@

	pm_runtime_enable@p1(E);
	... when != \(pm_runtime_disable\|__pm_runtime_disable\|pm_runtime_force_suspend\|device_del\|device_unregister\)(...)
	    when != if (E5) pm_runtime_disable(...);
	    when any
(
	return@p2 \(-C\|PTR_ERR(E3)\|ERR_PTR(E3)\|ERR_CAST(E3)\|dev_err_probe(...)\);
|
	return@p2 r;
)

@script:python depends on report@
p1 << err_pm.p1;
p2 << err_pm.p2;
E << err_pm.E;
@@

triage(p1, p2, E, False)

@script:python depends on org@
p1 << err_pm.p1;
p2 << err_pm.p2;
E << err_pm.E;
@@

triage(p1, p2, E, True)

// Only "return ret;" that needs the path to tell: the last assignment
// of ret on it, and the goto it took.
@script:python@
p1 << err_pm.p1;
p2 << err_pm.p2;
@@

if not needs_path(p1, p2):
	cocci.include_match(False)

@var_pm exists@
expression err_pm.E;
expression E5;

position err_pm.p1, err_pm.p2, pa, pg;
identifier r, L;
expression E3, E4;
type T3;
@@

	pm_runtime_enable@p1(E);
	... when != \(pm_runtime_disable\|__pm_runtime_disable\|pm_runtime_force_suspend\|device_del\|device_unregister\)(...)
	    when != if (E5) pm_runtime_disable(...);
	    when any
(
	r = E3@pa;
|
	T3 r = E3@pa;
)
	... when != \(pm_runtime_disable\|__pm_runtime_disable\|pm_runtime_force_suspend\|device_del\|device_unregister\)(...)
	    when != if (E5) pm_runtime_disable(...);
	    when != r = E4
(
	goto@pg L;
	... when != \(pm_runtime_disable\|__pm_runtime_disable\|pm_runtime_force_suspend\|device_del\|device_unregister\)(...)
	    when != if (E5) pm_runtime_disable(...);
	    when != r = E4
	    when any
	return@p2 r;
|
	return@p2 r;
)

@script:python depends on report@
p1 << err_pm.p1;
p2 << err_pm.p2;
E << err_pm.E;
pa << var_pm.pa;
pg << var_pm.pg = [];
@@

on_path(p1, p2, E, pa, pg, False)

@script:python depends on org@
p1 << err_pm.p1;
p2 << err_pm.p2;
E << err_pm.E;
pa << var_pm.pa;
pg << var_pm.pg = [];
@@

on_path(p1, p2, E, pa, pg, True)

@err_lv exists@
expression E, E5, E6, N;
statement S, S2;
expression E8 != NULL;
position p1, p2;
identifier r;
expression E3;
constant C;
@@

(
	E = \(of_get_child_by_name@p1\|of_get_parent@p1\|of_parse_phandle@p1\|of_find_node_by_name@p1\|of_find_node_by_path@p1\|of_find_node_by_phandle@p1\|of_find_compatible_node@p1\|of_get_compatible_child@p1\|of_graph_get_remote_node@p1\|of_graph_get_port_by_id@p1\|of_graph_get_endpoint_by_regs@p1\|of_graph_get_remote_endpoint@p1\|of_graph_get_port_parent@p1\|of_graph_get_remote_port_parent@p1\|of_graph_get_remote_port@p1\|of_find_device_by_node@p1\)(...);
	... when != E
	if (\(!E\|E == NULL\|unlikely(!E)\|IS_ERR_OR_NULL(E)\|WARN_ON(!E)\|WARN_ON_ONCE(!E)\)) S
|
	E = \(of_get_child_by_name@p1\|of_get_parent@p1\|of_parse_phandle@p1\|of_find_node_by_name@p1\|of_find_node_by_path@p1\|of_find_node_by_phandle@p1\|of_find_compatible_node@p1\|of_get_compatible_child@p1\|of_graph_get_remote_node@p1\|of_graph_get_port_by_id@p1\|of_graph_get_endpoint_by_regs@p1\|of_graph_get_remote_endpoint@p1\|of_graph_get_port_parent@p1\|of_graph_get_remote_port_parent@p1\|of_graph_get_remote_port@p1\|of_find_device_by_node@p1\)(...);
)
	... when != of_node_put(E)
	    when != put_device(&E->dev)
	    when != platform_device_put(E)
	    when != \(of_find_node_by_name\|of_find_node_by_type\|of_find_compatible_node\|of_find_matching_node\|of_find_matching_node_and_match\|of_find_node_with_property\|of_find_all_nodes\|of_get_next_parent\|of_get_next_cpu_node\)(E, ...)
	    when != \(of_get_next_child\|of_get_next_available_child\|of_get_next_reserved_child\|of_graph_get_next_endpoint\|of_graph_get_next_port\|of_graph_get_next_port_endpoint\)(N, E)
	    when != if (E5) \(of_node_put(E)\|put_device(&E->dev)\|platform_device_put(E)\);
	    when != E = E8
	    when != if (\(!E\|E == NULL\|unlikely(!E)\|IS_ERR_OR_NULL(E)\|WARN_ON(!E)\|WARN_ON_ONCE(!E)\|!E && E6\|!E || E6\|E6 && !E\|E6 || !E\)) S2
	    when != while (\(E\|E != NULL\)) S2
	    when any
(
	return@p2 \(-C\|PTR_ERR(E3)\|ERR_PTR(E3)\|ERR_CAST(E3)\|dev_err_probe(...)\);
|
	return@p2 r;
)

@script:python depends on report@
p1 << err_lv.p1;
p2 << err_lv.p2;
E << err_lv.E;
@@

triage(p1, p2, E, False)

@script:python depends on org@
p1 << err_lv.p1;
p2 << err_lv.p2;
E << err_lv.E;
@@

triage(p1, p2, E, True)

// Only "return ret;" that needs the path to tell: the last assignment
// of ret on it, and the goto it took.
@script:python@
p1 << err_lv.p1;
p2 << err_lv.p2;
@@

if not needs_path(p1, p2):
	cocci.include_match(False)

@var_lv exists@
expression err_lv.E;
expression E5, E6, N;
statement S, S2;
expression E8 != NULL;
position err_lv.p1, err_lv.p2, pa, pg;
identifier r, L;
expression E3, E4;
type T3;
@@

(
	E = \(of_get_child_by_name@p1\|of_get_parent@p1\|of_parse_phandle@p1\|of_find_node_by_name@p1\|of_find_node_by_path@p1\|of_find_node_by_phandle@p1\|of_find_compatible_node@p1\|of_get_compatible_child@p1\|of_graph_get_remote_node@p1\|of_graph_get_port_by_id@p1\|of_graph_get_endpoint_by_regs@p1\|of_graph_get_remote_endpoint@p1\|of_graph_get_port_parent@p1\|of_graph_get_remote_port_parent@p1\|of_graph_get_remote_port@p1\|of_find_device_by_node@p1\)(...);
	... when != E
	if (\(!E\|E == NULL\|unlikely(!E)\|IS_ERR_OR_NULL(E)\|WARN_ON(!E)\|WARN_ON_ONCE(!E)\)) S
|
	E = \(of_get_child_by_name@p1\|of_get_parent@p1\|of_parse_phandle@p1\|of_find_node_by_name@p1\|of_find_node_by_path@p1\|of_find_node_by_phandle@p1\|of_find_compatible_node@p1\|of_get_compatible_child@p1\|of_graph_get_remote_node@p1\|of_graph_get_port_by_id@p1\|of_graph_get_endpoint_by_regs@p1\|of_graph_get_remote_endpoint@p1\|of_graph_get_port_parent@p1\|of_graph_get_remote_port_parent@p1\|of_graph_get_remote_port@p1\|of_find_device_by_node@p1\)(...);
)
	... when != of_node_put(E)
	    when != put_device(&E->dev)
	    when != platform_device_put(E)
	    when != \(of_find_node_by_name\|of_find_node_by_type\|of_find_compatible_node\|of_find_matching_node\|of_find_matching_node_and_match\|of_find_node_with_property\|of_find_all_nodes\|of_get_next_parent\|of_get_next_cpu_node\)(E, ...)
	    when != \(of_get_next_child\|of_get_next_available_child\|of_get_next_reserved_child\|of_graph_get_next_endpoint\|of_graph_get_next_port\|of_graph_get_next_port_endpoint\)(N, E)
	    when != if (E5) \(of_node_put(E)\|put_device(&E->dev)\|platform_device_put(E)\);
	    when != E = E8
	    when != if (\(!E\|E == NULL\|unlikely(!E)\|IS_ERR_OR_NULL(E)\|WARN_ON(!E)\|WARN_ON_ONCE(!E)\|!E && E6\|!E || E6\|E6 && !E\|E6 || !E\)) S2
	    when != while (\(E\|E != NULL\)) S2
	    when any
(
	r = E3@pa;
|
	T3 r = E3@pa;
)
	... when != of_node_put(E)
	    when != put_device(&E->dev)
	    when != platform_device_put(E)
	    when != \(of_find_node_by_name\|of_find_node_by_type\|of_find_compatible_node\|of_find_matching_node\|of_find_matching_node_and_match\|of_find_node_with_property\|of_find_all_nodes\|of_get_next_parent\|of_get_next_cpu_node\)(E, ...)
	    when != \(of_get_next_child\|of_get_next_available_child\|of_get_next_reserved_child\|of_graph_get_next_endpoint\|of_graph_get_next_port\|of_graph_get_next_port_endpoint\)(N, E)
	    when != if (E5) \(of_node_put(E)\|put_device(&E->dev)\|platform_device_put(E)\);
	    when != E = E8
	    when != if (\(!E\|E == NULL\|unlikely(!E)\|IS_ERR_OR_NULL(E)\|WARN_ON(!E)\|WARN_ON_ONCE(!E)\|!E && E6\|!E || E6\|E6 && !E\|E6 || !E\)) S2
	    when != while (\(E\|E != NULL\)) S2
	    when != r = E4
(
	goto@pg L;
	... when != of_node_put(E)
	    when != put_device(&E->dev)
	    when != platform_device_put(E)
	    when != \(of_find_node_by_name\|of_find_node_by_type\|of_find_compatible_node\|of_find_matching_node\|of_find_matching_node_and_match\|of_find_node_with_property\|of_find_all_nodes\|of_get_next_parent\|of_get_next_cpu_node\)(E, ...)
	    when != \(of_get_next_child\|of_get_next_available_child\|of_get_next_reserved_child\|of_graph_get_next_endpoint\|of_graph_get_next_port\|of_graph_get_next_port_endpoint\)(N, E)
	    when != if (E5) \(of_node_put(E)\|put_device(&E->dev)\|platform_device_put(E)\);
	    when != E = E8
	    when != if (\(!E\|E == NULL\|unlikely(!E)\|IS_ERR_OR_NULL(E)\|WARN_ON(!E)\|WARN_ON_ONCE(!E)\|!E && E6\|!E || E6\|E6 && !E\|E6 || !E\)) S2
	    when != while (\(E\|E != NULL\)) S2
	    when != r = E4
	    when any
	return@p2 r;
|
	return@p2 r;
)

@script:python depends on report@
p1 << err_lv.p1;
p2 << err_lv.p2;
E << err_lv.E;
pa << var_lv.pa;
pg << var_lv.pg = [];
@@

on_path(p1, p2, E, pa, pg, False)

@script:python depends on org@
p1 << err_lv.p1;
p2 << err_lv.p2;
E << err_lv.E;
pa << var_lv.pa;
pg << var_lv.pg = [];
@@

on_path(p1, p2, E, pa, pg, True)

@err_lvd exists@
attribute name __free;
identifier E;
expression E5, E6, N;
statement S, S2;
type T;
expression E8 != NULL;
position p1, p2;
identifier r;
expression E3;
constant C;
@@

(
	T E = \(of_get_child_by_name@p1\|of_get_parent@p1\|of_parse_phandle@p1\|of_find_node_by_name@p1\|of_find_node_by_path@p1\|of_find_node_by_phandle@p1\|of_find_compatible_node@p1\|of_get_compatible_child@p1\|of_graph_get_remote_node@p1\|of_graph_get_port_by_id@p1\|of_graph_get_endpoint_by_regs@p1\|of_graph_get_remote_endpoint@p1\|of_graph_get_port_parent@p1\|of_graph_get_remote_port_parent@p1\|of_graph_get_remote_port@p1\|of_find_device_by_node@p1\)(...);
	... when != E
	if (\(!E\|E == NULL\|unlikely(!E)\|IS_ERR_OR_NULL(E)\|WARN_ON(!E)\|WARN_ON_ONCE(!E)\)) S
|
	T E = \(of_get_child_by_name@p1\|of_get_parent@p1\|of_parse_phandle@p1\|of_find_node_by_name@p1\|of_find_node_by_path@p1\|of_find_node_by_phandle@p1\|of_find_compatible_node@p1\|of_get_compatible_child@p1\|of_graph_get_remote_node@p1\|of_graph_get_port_by_id@p1\|of_graph_get_endpoint_by_regs@p1\|of_graph_get_remote_endpoint@p1\|of_graph_get_port_parent@p1\|of_graph_get_remote_port_parent@p1\|of_graph_get_remote_port@p1\|of_find_device_by_node@p1\)(...);
)
	... when != of_node_put(E)
	    when != put_device(&E->dev)
	    when != platform_device_put(E)
	    when != \(of_find_node_by_name\|of_find_node_by_type\|of_find_compatible_node\|of_find_matching_node\|of_find_matching_node_and_match\|of_find_node_with_property\|of_find_all_nodes\|of_get_next_parent\|of_get_next_cpu_node\)(E, ...)
	    when != \(of_get_next_child\|of_get_next_available_child\|of_get_next_reserved_child\|of_graph_get_next_endpoint\|of_graph_get_next_port\|of_graph_get_next_port_endpoint\)(N, E)
	    when != if (E5) \(of_node_put(E)\|put_device(&E->dev)\|platform_device_put(E)\);
	    when != E = E8
	    when != if (\(!E\|E == NULL\|unlikely(!E)\|IS_ERR_OR_NULL(E)\|WARN_ON(!E)\|WARN_ON_ONCE(!E)\|!E && E6\|!E || E6\|E6 && !E\|E6 || !E\)) S2
	    when != while (\(E\|E != NULL\)) S2
	    when any
(
	return@p2 \(-C\|PTR_ERR(E3)\|ERR_PTR(E3)\|ERR_CAST(E3)\|dev_err_probe(...)\);
|
	return@p2 r;
)

@script:python depends on report@
p1 << err_lvd.p1;
p2 << err_lvd.p2;
E << err_lvd.E;
@@

triage(p1, p2, E, False)

@script:python depends on org@
p1 << err_lvd.p1;
p2 << err_lvd.p2;
E << err_lvd.E;
@@

triage(p1, p2, E, True)

// Only "return ret;" that needs the path to tell: the last assignment
// of ret on it, and the goto it took.
@script:python@
p1 << err_lvd.p1;
p2 << err_lvd.p2;
@@

if not needs_path(p1, p2):
	cocci.include_match(False)

@var_lvd exists@
identifier err_lvd.E;
expression E5, E6, N;
statement S, S2;
type T;
expression E8 != NULL;
position err_lvd.p1, err_lvd.p2, pa, pg;
identifier r, L;
expression E3, E4;
type T3;
@@

(
	T E = \(of_get_child_by_name@p1\|of_get_parent@p1\|of_parse_phandle@p1\|of_find_node_by_name@p1\|of_find_node_by_path@p1\|of_find_node_by_phandle@p1\|of_find_compatible_node@p1\|of_get_compatible_child@p1\|of_graph_get_remote_node@p1\|of_graph_get_port_by_id@p1\|of_graph_get_endpoint_by_regs@p1\|of_graph_get_remote_endpoint@p1\|of_graph_get_port_parent@p1\|of_graph_get_remote_port_parent@p1\|of_graph_get_remote_port@p1\|of_find_device_by_node@p1\)(...);
	... when != E
	if (\(!E\|E == NULL\|unlikely(!E)\|IS_ERR_OR_NULL(E)\|WARN_ON(!E)\|WARN_ON_ONCE(!E)\)) S
|
	T E = \(of_get_child_by_name@p1\|of_get_parent@p1\|of_parse_phandle@p1\|of_find_node_by_name@p1\|of_find_node_by_path@p1\|of_find_node_by_phandle@p1\|of_find_compatible_node@p1\|of_get_compatible_child@p1\|of_graph_get_remote_node@p1\|of_graph_get_port_by_id@p1\|of_graph_get_endpoint_by_regs@p1\|of_graph_get_remote_endpoint@p1\|of_graph_get_port_parent@p1\|of_graph_get_remote_port_parent@p1\|of_graph_get_remote_port@p1\|of_find_device_by_node@p1\)(...);
)
	... when != of_node_put(E)
	    when != put_device(&E->dev)
	    when != platform_device_put(E)
	    when != \(of_find_node_by_name\|of_find_node_by_type\|of_find_compatible_node\|of_find_matching_node\|of_find_matching_node_and_match\|of_find_node_with_property\|of_find_all_nodes\|of_get_next_parent\|of_get_next_cpu_node\)(E, ...)
	    when != \(of_get_next_child\|of_get_next_available_child\|of_get_next_reserved_child\|of_graph_get_next_endpoint\|of_graph_get_next_port\|of_graph_get_next_port_endpoint\)(N, E)
	    when != if (E5) \(of_node_put(E)\|put_device(&E->dev)\|platform_device_put(E)\);
	    when != E = E8
	    when != if (\(!E\|E == NULL\|unlikely(!E)\|IS_ERR_OR_NULL(E)\|WARN_ON(!E)\|WARN_ON_ONCE(!E)\|!E && E6\|!E || E6\|E6 && !E\|E6 || !E\)) S2
	    when != while (\(E\|E != NULL\)) S2
	    when any
(
	r = E3@pa;
|
	T3 r = E3@pa;
)
	... when != of_node_put(E)
	    when != put_device(&E->dev)
	    when != platform_device_put(E)
	    when != \(of_find_node_by_name\|of_find_node_by_type\|of_find_compatible_node\|of_find_matching_node\|of_find_matching_node_and_match\|of_find_node_with_property\|of_find_all_nodes\|of_get_next_parent\|of_get_next_cpu_node\)(E, ...)
	    when != \(of_get_next_child\|of_get_next_available_child\|of_get_next_reserved_child\|of_graph_get_next_endpoint\|of_graph_get_next_port\|of_graph_get_next_port_endpoint\)(N, E)
	    when != if (E5) \(of_node_put(E)\|put_device(&E->dev)\|platform_device_put(E)\);
	    when != E = E8
	    when != if (\(!E\|E == NULL\|unlikely(!E)\|IS_ERR_OR_NULL(E)\|WARN_ON(!E)\|WARN_ON_ONCE(!E)\|!E && E6\|!E || E6\|E6 && !E\|E6 || !E\)) S2
	    when != while (\(E\|E != NULL\)) S2
	    when != r = E4
(
	goto@pg L;
	... when != of_node_put(E)
	    when != put_device(&E->dev)
	    when != platform_device_put(E)
	    when != \(of_find_node_by_name\|of_find_node_by_type\|of_find_compatible_node\|of_find_matching_node\|of_find_matching_node_and_match\|of_find_node_with_property\|of_find_all_nodes\|of_get_next_parent\|of_get_next_cpu_node\)(E, ...)
	    when != \(of_get_next_child\|of_get_next_available_child\|of_get_next_reserved_child\|of_graph_get_next_endpoint\|of_graph_get_next_port\|of_graph_get_next_port_endpoint\)(N, E)
	    when != if (E5) \(of_node_put(E)\|put_device(&E->dev)\|platform_device_put(E)\);
	    when != E = E8
	    when != if (\(!E\|E == NULL\|unlikely(!E)\|IS_ERR_OR_NULL(E)\|WARN_ON(!E)\|WARN_ON_ONCE(!E)\|!E && E6\|!E || E6\|E6 && !E\|E6 || !E\)) S2
	    when != while (\(E\|E != NULL\)) S2
	    when != r = E4
	    when any
	return@p2 r;
|
	return@p2 r;
)

@script:python depends on report@
p1 << err_lvd.p1;
p2 << err_lvd.p2;
E << err_lvd.E;
pa << var_lvd.pa;
pg << var_lvd.pg = [];
@@

on_path(p1, p2, E, pa, pg, False)

@script:python depends on org@
p1 << err_lvd.p1;
p2 << err_lvd.p2;
E << err_lvd.E;
pa << var_lvd.pa;
pg << var_lvd.pg = [];
@@

on_path(p1, p2, E, pa, pg, True)
