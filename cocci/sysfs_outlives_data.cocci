// SPDX-License-Identifier: GPL-2.0
/// Find sysfs attributes that outlive the driver data their callbacks use.
///
/// 1. A statically defined attribute or group (&dev_attr_foo,
/// &foo_group, foo_groups) created in probe on the bound device itself
/// (device_create_file(), device_create_bin_file(), device_add_group(s)(),
/// sysfs_create_group(s)(), sysfs_create_file(s)() or
/// sysfs_create_bin_file() on &pdev->dev, &client->dev, ... or its kobj,
/// where pdev is a parameter of the function, of a bus device type,
/// directly or through a local "dev = &pdev->dev") that no function of
/// the file removes: device_remove_file(), device_remove_group(s)(),
/// sysfs_remove_group(s)(), sysfs_remove_file(s)(),
/// sysfs_remove_bin_file() ... of the same object, by name, or of a group
/// listing it (a group whose list is built by a macro may list anything,
/// and counts). Attributes built at run time (&priv->attr) and groups
/// chosen through a local pointer are left alone. Unbinding the driver does not remove the files of the
/// device it leaves: reading one then calls show() with the driver data
/// gone (drvdata is NULL after unbind, devres freed the rest), and the
/// next probe fails with -EEXIST, since the file is still there. Probe is
/// the function a driver structure names as .probe and the local
/// functions only it reaches; the driver must have a
/// .remove, .remove_new or .disconnect callback. A removal counts in any
/// function except those only probe reaches (its error paths) and PM
/// callbacks. Managed forms (devm_device_add_group(s)(), .dev_groups of
/// the driver structure) need no removal and are not matched.
///
/// 2. In remove (or a local helper it calls, or a devm action), the
/// removal comes after kfree() of the driver data (a variable set from
/// *_get_drvdata()/*_get_clientdata()/*_get_intfdata(), when the file
/// has a sysfs callback that fetches the driver data), or after iounmap()
/// of a register mapping (priv->regs) that a sysfs callback of the file
/// uses (directly or through a local helper): until the removal a
/// concurrent read or write runs the callback on freed memory or an
/// unmapped register. Remove the attributes first.
///
/// Remove the attributes in remove, before the data goes, or create them
/// with devm_device_add_group(s)() or .dev_groups.
///
// Confidence: Moderate
// Copyright: (C) 2026 kbind authors.
// Options: --no-includes --include-headers
// Keywords: sysfs, device_create_file, sysfs_create_group, device_add_group, remove, unbind

virtual report
virtual org

@initialize:python@
@@
import re

so_creates = {}   # file -> [(p, call, device argument, key, function)]
so_removes = {}   # file -> [(function, call, key, line, col)]
so_frees = {}     # file -> [(function, call, argument, line, col)]
so_roots = {}     # file -> {"probe": set, "remove": set, "action": set}
so_reported = set()

SO_PM = re.compile(r"suspend|freeze|poweroff|hibernat|(^|_)pm_|_prepare$|"
		   r"(^|_)(thaw|restore)($|_)")
SO_BUS = ("platform_device", "pci_dev", "i2c_client", "spi_device",
	  "usb_interface", "amba_device", "hid_device", "serdev_device",
	  "sdio_func", "mdio_device", "acpi_device", "pnp_dev",
	  "auxiliary_device", "virtio_device", "spmi_device", "mei_cl_device",
	  "ishtp_cl_device", "ssb_device", "bcma_device", "pcmcia_device",
	  "tifm_dev", "zorro_dev", "ps3_system_bus_device", "vio_dev",
	  "macio_dev", "parisc_device", "superhyway_device", "ccw_device",
	  "ap_device", "slim_device", "sdw_slave", "i3c_device", "gb_bundle",
	  "tee_client_device", "fsl_mc_device", "cdx_device", "rpmsg_device",
	  "hv_device", "ulpi", "wmi_device", "surface_aggregator_device",
	  "ssam_device", "ipack_device", "mcb_device", "dfl_device",
	  "peci_device", "fsi_device", "ntb_dev", "most_interface",
	  "siox_device", "anybuss_client", "gpio_device", "w1_slave")

def so_root(path, kind, fn):
	so_roots.setdefault(path, {"probe": set(), "remove": set(),
		"action": set()})[kind].add(fn)

def so_key(arg):
	"""&dev_attr_foo -> dev_attr_foo; &sda.dev_attr -> sda;
	&priv->attr -> attr; foo_groups -> foo_groups"""
	a = re.sub(r"\s+", "", arg).lstrip("&(").rstrip(")")
	a = re.sub(r"\[[^\[\]]*\]", "", a)
	a = a.split("->")[-1]
	m = re.match(r"^(\w+)", a)
	return m.group(1) if m else None

def so_lines(path):
	global so_cache_path, so_cache
	if so_cache_path != path:
		with open(path, errors="replace") as f:
			text = f.read()
		so_cache_path = path
		so_cache = so_scan(text)
	return so_cache

so_cache_path = None
so_cache = None
so_raw_path = None
so_raw = []

SO_BS = chr(92)
SO_LC = chr(47) + chr(47)
SO_BC = chr(47) + chr(42)
SO_EC = chr(42) + chr(47)

def so_re_mask():
	sl, st, bs, dq, sq = chr(47), chr(42), chr(92), chr(34), chr(39)
	lit = "(?:" + bs + bs + ".|[^%s" + bs + bs + bs + "n])*"
	return re.compile("|".join([
		sl + bs + st + ".*?" + bs + st + sl,
		sl + sl + "[^" + bs + "n]*",
		dq + lit % dq + dq,
		sq + lit % sq + sq,
		"^[ " + bs + "t]*#(?:[^" + bs + "n]*" + bs + bs + bs + "n)*[^" + bs + "n]*",
	]), re.S | re.M)

SO_MASK = so_re_mask()

def so_mask(text):
	"""Comments, literals and # lines blanked, offsets kept."""
	return SO_MASK.sub(lambda m: re.sub("[^" + chr(92) + "n]", " ",
					    m.group(0)), text)

SO_HEAD = re.compile(r"(\w+)\s*\(([^;{}]*)\)\s*$")
SO_KW = set(["if", "for", "while", "switch", "return", "sizeof", "do"])

def so_scan(text):
	"""{masked, starts (line offsets), funcs {name: (open, close)},
	calls {name: set}, taken set}"""
	code = so_mask(text)
	starts = [0]
	for m in re.finditer("\n", text):
		starts.append(m.end())
	funcs = {}
	depth, prev, opened, ok = 0, 0, -1, True
	for m in re.finditer("[{};]", code):
		c, i = m.group(0), m.start()
		if c == "{":
			if depth == 0:
				opened = i
			depth += 1
		elif c == "}":
			depth -= 1
			if depth < 0:
				ok = False
				break
			if depth == 0:
				head = code[prev:opened]
				h = SO_HEAD.search(head)
				if h and h.group(1) not in SO_KW and \
				   "=" not in head.split("(")[0]:
					funcs.setdefault(h.group(1), (opened, i))
				prev = i + 1
		elif depth == 0:
			prev = i + 1
	if not ok or depth != 0:
		funcs = {}
	calls, taken = {}, set()
	names = set(funcs)
	for fn, (a, b) in funcs.items():
		body = code[a:b]
		calls[fn] = set(x for x in re.findall(r"\b(\w+)\s*\(", body)
				if x in names and x != fn)
	if not names:
		return {"code": code, "starts": starts, "funcs": funcs,
			"calls": calls, "taken": taken}
	for m in re.finditer(r"\b(%s)\b" % "|".join(sorted(names)), code):
		x = m.group(1)
		if re.match(r"\s*\(", code[m.end():m.end() + 40]):
			continue
		if re.search(r"\.\s*probe\s*=\s*&?\s*$", code[max(0, m.start() - 40):m.start()]):
			continue
		taken.add(x)
	return {"code": code, "starts": starts, "funcs": funcs,
		"calls": calls, "taken": taken}

def so_offset(info, line, col):
	return info["starts"][int(line) - 1] + int(col)

def so_closure(info, roots):
	funcs = info["funcs"]
	seen = set(r for r in roots if r in funcs)
	todo = list(seen)
	while todo:
		f = todo.pop()
		for g in info["calls"].get(f, ()):
			if g not in seen:
				seen.add(g)
				todo.append(g)
	return seen


def so_counted(info, roots):
	"""Functions whose removals count: every one not reached from probe
	alone, except PM callbacks."""
	funcs = info["funcs"]
	pp = so_closure(info, roots["probe"])
	other = set(f for f in funcs if f not in pp)
	other |= info["taken"] | roots["remove"] | roots["action"]
	other = set(f for f in other if f in roots["remove"] or
		    f in roots["action"] or not SO_PM.search(f))
	return so_closure(info, other), pp

def so_init_body(code, name):
	"""The text of the initialiser of name (= { ... }), or None."""
	m = re.search(r"\b%s\b(\s*\[[^\]]*\])?\s*=\s*\{" % re.escape(name), code)
	if not m:
		return None
	depth = 0
	for i in range(m.end() - 1, len(code)):
		if code[i] == "{":
			depth += 1
		elif code[i] == "}":
			depth -= 1
			if depth == 0:
				return code[m.end():i]
	return None

def so_expand(info, keys):
	"""The objects a removal covers: a group removes the attributes it
	lists (through its attribute arrays and ATTRIBUTE_GROUPS())."""
	code = info["code"]
	raw = info.get("raw", code)
	out = set(keys)
	todo = list(keys)
	depth = 0
	while todo and depth < 400:
		depth += 1
		k = todo.pop()
		more = set()
		for mac in ("ATTRIBUTE_GROUPS", "BIN_ATTRIBUTE_GROUPS"):
			m = re.match(r"^(\w+)_groups?$", k)
			if m and re.search(r"\b%s\s*\(\s*%s\s*\)" % (mac, m.group(1)), raw):
				more |= set([m.group(1) + "_attrs", m.group(1) + "_group",
					     m.group(1) + "_bin_attrs"])
		body = so_init_body(code, k)
		if body:
			more |= set(re.findall(r"\b(\w+)\b", body))
			# a macro building attribute names: it may list any
			if re.search(r"\b\w+\s*\(", body):
				more.add("*")
		for x in more:
			if x not in out:
				out.add(x)
				todo.append(x)
	return out

def so_bound_device(info, fn, arg):
	"""The device argument names the device the driver is bound to."""
	a = re.sub(r"\s+", "", arg)
	a = re.sub(r"(\.|->)kobj$", "", a.lstrip("&"))
	if fn not in info["funcs"]:
		return False
	lo, hi = info["funcs"][fn]
	start = info["starts"][0]
	head_and_body = info["code"][max(0, lo - 600):hi]
	# a parameter of the function (the device probe was given), not a
	# device the driver creates itself
	params = info["code"][max(0, lo - 600):lo]
	params = params[params.rfind(fn):] if fn in params else ""
	def bus_var(x):
		return re.search(r"\bstruct\s+(%s)\s*\*\s*(const\s+)?%s\b" %
				 ("|".join(SO_BUS), re.escape(x)), params)
	m = re.match(r"^\(?(\w+)->dev\)?$", a)
	if m:
		return bool(bus_var(m.group(1)))
	m = re.match(r"^(\w+)$", a)
	if m:
		v = m.group(1)
		for d in re.finditer(r"\b%s\s*=\s*&\s*(\w+)\s*->\s*dev\s*[;,]" % re.escape(v),
				     head_and_body):
			if bus_var(d.group(1)):
				return True
	return False

def so_dynamic(f, p):
	for (q, c, d, key, fn, a) in so_creates.get(f, []):
		if q[0].line == p[0].line and q[0].column == p[0].column:
			return "->" in a
	return False

def so_not_removed(p, call, arg, key, fn):
	f = p[0].file
	roots = so_roots.get(f)
	if not roots or not roots["probe"] or not roots["remove"] or not key:
		return None
	# an attribute built at run time (&priv->attrs[i].dev_attr): its
	# removal cannot be matched by name
	if so_dynamic(f, p):
		return None
	removes = so_removes.get(f, [])
	direct = roots["remove"] | roots["action"]
	for rfn, rcall, rkey, _, _ in removes:
		if rfn in direct and rkey == key:
			return None
	info = so_lines(f)
	funcs = info["funcs"]
	if not funcs:
		return None
	pp = so_closure(info, roots["probe"])
	if fn not in pp:
		return None
	counted, _ = so_counted(info, roots)
	if fn in counted and fn not in roots["probe"]:
		return None
	if not so_bound_device(info, fn, arg):
		return None
	# a local pointer to a group or attribute: what it points to is
	# not matched by name
	lo, hi = funcs[fn]
	if re.search(r"\*\s*%s\s*[;=,)]" % re.escape(key), info["code"][max(0, lo - 600):hi]):
		return None
	keys = set()
	for rfn, rcall, rkey, _, _ in removes:
		if rfn in counted and rkey:
			keys.add(rkey)
	covered = so_expand(info, keys)
	if key in covered or "*" in covered:
		return None
	return ("WARNING: %s() in probe (%s()) is never undone: the sysfs "
		"files of %s stay after unbind, where show()/store() run without "
		"the driver data and the next probe fails with -EEXIST; remove "
		"them in remove, or use devm_device_add_group(s)() or .dev_groups"
		% (call, fn, key))

SO_DRVDATA = re.compile(r"\b\w*(get_drvdata|get_clientdata|get_intfdata)\s*\(")

def so_callbacks(info):
	"""Functions of the file with a sysfs callback signature, and the
	local functions they call."""
	cbs = set()
	code = info["code"]
	for fn, (lo, hi) in info["funcs"].items():
		head = code[max(0, lo - 300):lo]
		h = head[head.rfind(fn):] if fn in head else ""
		if re.search(r"struct\s+(device_attribute|kobj_attribute|"
			     r"bin_attribute|attribute)\s*\*", h):
			cbs.add(fn)
	return so_closure(info, cbs), cbs

def so_after_free(p, call, key):
	"""A removal at p that follows a free of what the callbacks use."""
	f = p[0].file
	fn = p[0].current_element
	roots = so_roots.get(f)
	frees = [x for x in so_frees.get(f, []) if x[0] == fn]
	if not roots or not frees or not key:
		return None
	if not any(c[3] == key for c in so_creates.get(f, [])):
		return None
	info = so_lines(f)
	funcs = info["funcs"]
	if fn not in funcs or \
	   fn not in so_closure(info, roots["remove"] | roots["action"]):
		return None
	lo, hi = funcs[fn]
	code = info["code"]
	o2 = so_offset(info, p[0].line, p[0].column)
	cbs, direct = so_callbacks(info)
	if not direct:
		return None
	cbtext = "".join(code[funcs[c][0]:funcs[c][1]] for c in cbs)
	for _, fcall, farg, line, col in sorted(frees, key=lambda x: (int(x[3]), int(x[4]))):
		o1 = so_offset(info, line, col)
		if not lo < o1 < o2:
			continue
		a = re.sub(r"\s+", "", farg)
		if fcall == "kfree":
			if not re.match(r"^\w+$", a):
				continue
			body = code[lo:o1]
			if not re.search(r"\b%s\s*=\s*\(?[\w\s*]*\)?\s*\w*(get_drvdata|"
					 r"get_clientdata|get_intfdata)\s*\(" % re.escape(a), body):
				continue
			if not SO_DRVDATA.search(cbtext):
				continue
			what = "kfree(%s), the driver data its callbacks fetch," % a
		else:
			m = re.search(r"(->|\.)(\w+)$", a)
			if not m or not re.search(r"(->|\.)%s\b" % m.group(2), cbtext):
				continue
			what = "%s(%s), the registers its callbacks use," % (fcall, a)
		return ("WARNING: %s() comes after %s on line %s: until then a "
			"read or write of the attribute runs on freed memory; remove "
			"the sysfs files first" % (call, what, line))
	return None

// ---------------------------------------------------------------------
// Anchors, then the driver structure (a file without one is not parsed).

@anchor depends on report || org@
@@

(
device_create_file(...)
|
device_create_bin_file(...)
|
device_add_group(...)
|
device_add_groups(...)
|
sysfs_create_group(...)
|
sysfs_create_groups(...)
|
sysfs_create_file(...)
|
sysfs_create_files(...)
|
sysfs_create_bin_file(...)
)

@drvprobe depends on anchor@
identifier drv, s, fn;
position pr;
@@

struct s drv@pr = {
	.probe = fn,
};

@script:python@
fn << drvprobe.fn;
pr << drvprobe.pr;
@@
so_root(pr[0].file, "probe", fn)

// struct device_driver inside the bus driver (eisa, ccw, ...)
@drvprobe2 depends on anchor@
identifier drv, s, fn, dr;
position pr;
@@

struct s drv@pr = {
	.dr = {
		.probe = fn,
	},
};

@script:python@
fn << drvprobe2.fn;
pr << drvprobe2.pr;
@@
so_root(pr[0].file, "probe", fn)

@drvremove2 depends on drvprobe || drvprobe2@
identifier drv, s, fn, dr;
position pr;
@@

struct s drv@pr = {
	.dr = {
		.remove = fn,
	},
};

@script:python@
fn << drvremove2.fn;
pr << drvremove2.pr;
@@
so_root(pr[0].file, "remove", fn)

@drvremove depends on drvprobe || drvprobe2@
identifier drv, s, fn;
position pr;
@@

struct s drv@pr = {
	.remove = fn,
};

@script:python@
fn << drvremove.fn;
pr << drvremove.pr;
@@
so_root(pr[0].file, "remove", fn)

@drvremovenew depends on drvprobe || drvprobe2@
identifier drv, s, fn;
position pr;
@@

struct s drv@pr = {
	.remove_new = fn,
};

@script:python@
fn << drvremovenew.fn;
pr << drvremovenew.pr;
@@
so_root(pr[0].file, "remove", fn)

@drvdisconnect depends on drvprobe || drvprobe2@
identifier drv, s, fn;
position pr;
@@

struct s drv@pr = {
	.disconnect = fn,
};

@script:python@
fn << drvdisconnect.fn;
pr << drvdisconnect.pr;
@@
so_root(pr[0].file, "remove", fn)

@action depends on drvremove || drvremove2 || drvremovenew || drvdisconnect@
expression D, A;
identifier fn;
position pa;
@@

(
devm_add_action@pa(D, fn, A)
|
devm_add_action_or_reset@pa(D, fn, A)
)

@script:python@
fn << action.fn;
pa << action.pa;
@@
so_root(pa[0].file, "action", fn)

// ---------------------------------------------------------------------
// Creations, removals, frees.

@create depends on drvremove || drvremove2 || drvremovenew || drvdisconnect@
expression D, A;
identifier c = {device_create_file, device_create_bin_file,
	device_add_group, device_add_groups, sysfs_create_group,
	sysfs_create_groups, sysfs_create_file, sysfs_create_files,
	sysfs_create_bin_file};
position p;
@@

c@p(D, A)

@script:python@
p << create.p;
c << create.c;
D << create.D;
A << create.A;
@@
so_creates.setdefault(p[0].file, []).append(
	(p, c, str(D), so_key(str(A)), p[0].current_element, str(A)))

@remove depends on drvremove || drvremove2 || drvremovenew || drvdisconnect@
expression D, A;
identifier c = {device_remove_file, device_remove_bin_file,
	device_remove_group, device_remove_groups, sysfs_remove_group,
	sysfs_remove_groups, sysfs_remove_file, sysfs_remove_files,
	sysfs_remove_bin_file, device_remove_file_self};
position p;
@@

c@p(D, A)

@script:python@
p << remove.p;
c << remove.c;
A << remove.A;
@@
so_removes.setdefault(p[0].file, []).append(
	(p[0].current_element, c, so_key(str(A)), p[0].line, p[0].column))

@free depends on remove@
expression E, D;
identifier c = {kfree, iounmap, pci_iounmap, ioport_unmap};
position p;
@@

(
c@p(E)
|
c@p(D, E)
)

@script:python@
p << free.p;
c << free.c;
E << free.E;
@@
so_frees.setdefault(p[0].file, []).append(
	(p[0].current_element, c, str(E), p[0].line, p[0].column))

// ---------------------------------------------------------------------
// Reports.

@script:python depends on report@
p << create.p;
@@
for (q, c, d, key, fn, a) in so_creates.get(p[0].file, []):
	if q[0].line != p[0].line or q[0].column != p[0].column:
		continue
	k = (p[0].file, p[0].line, p[0].column)
	if k in so_reported:
		continue
	msg = so_not_removed(q, c, d, key, fn)
	if msg:
		so_reported.add(k)
		coccilib.report.print_report(p[0], msg)

@script:python depends on report@
p << remove.p;
c << remove.c;
A << remove.A;
@@
msg = so_after_free(p, c, so_key(str(A)))
if msg:
	coccilib.report.print_report(p[0], msg)

@script:python depends on org@
p << create.p;
@@
for (q, c, d, key, fn, a) in so_creates.get(p[0].file, []):
	if q[0].line == p[0].line and q[0].column == p[0].column and \
	   so_not_removed(q, c, d, key, fn):
		coccilib.org.print_todo(p[0], "sysfs files created in probe never removed")

@script:python depends on org@
p << remove.p;
c << remove.c;
A << remove.A;
@@
if so_after_free(p, c, so_key(str(A))):
	coccilib.org.print_todo(p[0], "sysfs files removed after the data they use is freed")
