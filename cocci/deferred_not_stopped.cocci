// SPDX-License-Identifier: GPL-2.0
/// Find work items, timers, hrtimers and kthreads that a driver's probe
/// sets up on its data and that nothing stops when the driver is unbound,
/// and work items that remove() cancels while the IRQ whose handler queues
/// them is still requested.
///
/// 1. INIT_WORK(), INIT_DELAYED_WORK(), INIT_DEFERRABLE_WORK(),
/// timer_setup(), hrtimer_init() on a field of the driver's data
/// (&priv->work), or priv->thread = kthread_run()/kthread_create() (of a
/// thread function that loops on kthread_should_stop()), in probe: the
/// function a driver structure names as .probe, or a function of the same
/// file that only probe reaches (one that also runs later, say from an
/// IRQ handler, may set up a per-event object instead). The driver has a
/// .remove, .remove_new or .disconnect callback, the file arms the object
/// somewhere (schedule_work(), queue_delayed_work(), mod_timer(),
/// hrtimer_start(), wake_up_process(), ...), and no function of the file
/// stops it: cancel_work_sync(), cancel_delayed_work_sync(), flush_work(),
/// disable_work_sync() and their variants, del_timer_sync(),
/// timer_delete_sync(), timer_shutdown_sync() (and the non-sync forms),
/// hrtimer_cancel(), kthread_stop(), kthread_park(), on the same field
/// (matched by name: &priv->work in probe, &p->work elsewhere, also
/// &p->sub.work; a local variable set from the field counts), or
/// destroy_workqueue(), flush_workqueue() or drain_workqueue() of a queue
/// the work is queued on, or a devm action that does so. Every function
/// of the file counts except those only probe reaches (its error paths),
/// PM callbacks (suspend, freeze, ...) and a cancel that comes before a
/// re-queue in the same function (a debounce): a stop in .ndo_stop, a
/// component unbind or another callback that the core runs before the
/// data is freed is accepted. Also left alone: works queued only on a
/// workqueue the file does not allocate (a framework queue its core
/// drains), objects of a reference-counted type (the file calls
/// kref_get() on one), and fields that another .c file of the same
/// directory using the same structure type stops (a driver split over
/// files), works whose remove path waits for a counter named after them
/// (wait_event(..., atomic_read(&p->work_counter) == 0)), and drivers
/// whose remove callback is empty and that allocate nothing with devm
/// (the data outlives the unbind). devm_work_autocancel() and
/// devm_delayed_work_autocancel() are managed. After unbind, devres or remove() frees the driver's data; a
/// work item still queued, a timer still armed or a thread still running
/// then runs on freed memory (and calls into an unbound device).
///
/// 2. In the remove path (the remove callback, the local helpers it calls
/// and devm actions), cancel_work_sync(), cancel_delayed_work_sync(),
/// flush_work() or flush_delayed_work() of a work item that an IRQ
/// handler of the file (or its thread function, or a local helper they
/// call) queues, followed in the same function by free_irq(),
/// devm_free_irq() or disable_irq() with no stop of the work after it:
/// the handler can run between the cancel and the free and queue the work
/// again, which then runs on freed data. Not reported when the function
/// may quiet the device's interrupt before the cancel (a disable_irq(),
/// synchronize_irq() or free_irq(), a helper named after interrupts,
/// masking, reset, stop or disable, a register write, an interrupt
/// register name) or uses disable_work_sync(), which blocks re-queueing.
/// The order is the order of the text in one function.
/// Nor when another function of the remove path stops the work too. The
/// devm_request_irq() case with no free_irq() at all is
/// remove_before_devm_irq's.
///
/// Cancel or stop the object in remove (or use devm_work_autocancel() or
/// a devm action), after the IRQ that re-arms it is freed or disabled.
/// Functions of other files are not followed.
///
// Confidence: Moderate
// Copyright: (C) 2026 kbind authors.
// Options: --no-includes --include-headers
// Keywords: INIT_WORK, timer_setup, hrtimer_init, kthread_run, cancel_work_sync, remove, unbind

virtual report
virtual org

@initialize:python@
@@
import re

# Per file: what the matches below saw.
dn_setups = {}    # file -> [(p, kind, path, function, thread function)]
dn_stops = {}     # file -> [(function, what, argument text, line, col)]
dn_arms = {}      # file -> [(function, what, argument, queue, line, col)]
dn_roots = {}     # file -> {"probe": set, "remove": set, "action": set}
dn_reqs = {}      # file -> set of IRQ handler / thread function names
dn_irqoffs = {}   # file -> [(function, call, line, col)] freeing the IRQ
dn_reported = set()

DN_WORKSTOP = ("cancel_work_sync", "cancel_delayed_work_sync", "flush_work",
	"flush_delayed_work", "cancel_work", "cancel_delayed_work",
	"disable_work_sync", "disable_delayed_work_sync", "disable_work",
	"disable_delayed_work", "flush_delayed_work", "cancel_rcu_work")
DN_TIMERSTOP = ("del_timer_sync", "del_timer", "timer_delete_sync",
	"timer_delete", "timer_shutdown_sync", "timer_shutdown",
	"del_singleshot_timer_sync", "hrtimer_cancel", "hrtimer_try_to_cancel")
DN_THREADSTOP = ("kthread_stop", "kthread_stop_put", "kthread_park")
DN_WQSTOP = ("destroy_workqueue", "flush_workqueue", "drain_workqueue")
DN_PM = re.compile(r"suspend|freeze|poweroff|hibernat|(^|_)pm_|_prepare$|"
		   r"(^|_)(thaw|restore)($|_)")

def dn_root(path, kind, fn):
	dn_roots.setdefault(path, {"probe": set(), "remove": set(),
		"action": set()})[kind].add(fn)

def dn_lines(path):
	global dn_cache_path, dn_cache
	if dn_cache_path != path:
		with open(path, errors="replace") as f:
			text = f.read()
		dn_cache_path = path
		dn_cache = dn_scan(text)
	return dn_cache

dn_cache_path = None
dn_cache = None
dn_raw_path = None
dn_raw = []

def dn_name_at(pos):
	"""The identifier at a position (the called function)."""
	global dn_raw_path, dn_raw
	if dn_raw_path != pos.file:
		with open(pos.file, errors="replace") as f:
			dn_raw = f.read().split(chr(10))
		dn_raw_path = pos.file
	m = re.match(r"\w+", dn_raw[int(pos.line) - 1][int(pos.column):])
	return m.group(0) if m else ""

DN_BS = chr(92)
DN_LC = chr(47) + chr(47)
DN_BC = chr(47) + chr(42)
DN_EC = chr(42) + chr(47)

def dn_re_mask():
	sl, st, bs, dq, sq = chr(47), chr(42), chr(92), chr(34), chr(39)
	lit = "(?:" + bs + bs + ".|[^%s" + bs + bs + bs + "n])*"
	return re.compile("|".join([
		sl + bs + st + ".*?" + bs + st + sl,
		sl + sl + "[^" + bs + "n]*",
		dq + lit % dq + dq,
		sq + lit % sq + sq,
		"^[ " + bs + "t]*#(?:[^" + bs + "n]*" + bs + bs + bs + "n)*[^" + bs + "n]*",
	]), re.S | re.M)

DN_MASK = dn_re_mask()

def dn_mask(text):
	"""Comments, literals and # lines blanked, offsets kept."""
	return DN_MASK.sub(lambda m: re.sub("[^" + chr(92) + "n]", " ",
					    m.group(0)), text)

DN_HEAD = re.compile(r"(\w+)\s*\(([^;{}]*)\)\s*$")
DN_KW = set(["if", "for", "while", "switch", "return", "sizeof", "do"])

def dn_scan(text):
	"""{masked, starts (line offsets), funcs {name: (open, close)},
	calls {name: set}, taken set}"""
	code = dn_mask(text)
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
				h = DN_HEAD.search(head)
				if h and h.group(1) not in DN_KW and \
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
			"calls": calls, "taken": taken, "raw": text.split(chr(10))}
	for m in re.finditer(r"\b(%s)\b" % "|".join(sorted(names)), code):
		x = m.group(1)
		if re.match(r"\s*\(", code[m.end():m.end() + 40]):
			continue
		if re.search(r"\.\s*probe\s*=\s*&?\s*$", code[max(0, m.start() - 40):m.start()]):
			continue
		taken.add(x)
	return {"code": code, "starts": starts, "funcs": funcs,
		"calls": calls, "taken": taken, "raw": text.split(chr(10))}

def dn_offset(info, line, col):
	return info["starts"][int(line) - 1] + int(col)

def dn_closure(info, roots):
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

def dn_path(arg):
	"""&priv->a.work[i] -> a.work; priv->thread -> thread;
	None for a plain variable or a global object (no ->)."""
	a = re.sub(r"\s+", "", arg)
	a = re.sub(r"\[[^\[\]]*\]", "", a)
	a = re.sub(r"\[[^\[\]]*\]", "", a)
	a = a.lstrip("&(").rstrip(")")
	if "->" not in a:
		return None
	path = a.split("->", 1)[1]
	path = re.sub(r"^.*->", "", path)
	if not re.match(r"^[\w.]+$", path):
		return None
	return path

def dn_keys(arg):
	"""The paths a stop argument stands for: a.work, and a for a
	delayed work .work or .timer member."""
	p = dn_path(arg)
	if p is None:
		return set()
	keys = set([p])
	for suffix in (".work", ".timer"):
		if p.endswith(suffix):
			keys.add(p[:-len(suffix)])
	return keys

def dn_local_keys(info, fn, arg):
	"""A stop of a local variable set from a field: its field paths."""
	a = arg.strip()
	if not re.match(r"^\w+$", a) or fn not in info["funcs"]:
		return set()
	lo, hi = info["funcs"][fn]
	body = info["code"][lo:hi]
	keys = set()
	for m in re.finditer(r"\b%s\s*=\s*(&?\s*[\w.>\[\]-]+)\s*[;)]" % re.escape(a), body):
		keys |= dn_keys(m.group(1))
	return keys

def dn_kind(name):
	if name in ("timer_setup",):
		return "timer"
	if name.startswith("hrtimer"):
		return "hrtimer"
	if name.startswith("kthread"):
		return "kthread"
	return "work"

def dn_counted(info, path, roots, armed_in):
	"""Functions whose stops count: every one not reached from probe
	alone, except PM callbacks and those arming the same object."""
	funcs = info["funcs"]
	pp = dn_closure(info, roots["probe"])
	other = set(f for f in funcs if f not in pp)
	other |= info["taken"] | roots["remove"] | roots["action"]
	other = set(f for f in other if f in roots["remove"] or
		    f in roots["action"] or not DN_PM.search(f))
	return dn_closure(info, other), pp

def dn_stop_matches(info, kind, path, queues, what, sfn, arg):
	if what in DN_WQSTOP:
		q = dn_path(arg)
		if q is None and info is not None:
			alias = dn_local_keys(info, sfn, arg)
			q = sorted(alias)[0] if alias else None
		return (q if q else arg.strip()) in queues
	if what == "flush_scheduled_work":
		return kind == "work"
	keys = dn_keys(arg)
	if info is not None:
		keys |= dn_local_keys(info, sfn, arg)
	return dn_same(path, keys)

def dn_same(path, keys):
	"""One names the other, or a member of it: tx.timer and timer."""
	for k in keys:
		if k == path or k.endswith("." + path) or path.endswith("." + k):
			return True
	return False

DN_SYSWQ = re.compile(r"^system_\w*wq$")

def dn_foreign_queues(info, queues):
	"""Every queue the work goes on belongs to someone else: the file
	never allocates it (a framework queue that its core drains)."""
	if not queues:
		return False
	for q in queues:
		if DN_SYSWQ.match(q):
			return False
		last = q.split(".")[-1]
		if not re.match(r"^\w+$", last):
			return False
		if re.search(r"\b%s\s*=\s*(\(.*\)\s*)?(alloc_\w*workqueue|"
			     r"create_\w*workqueue)\b" % re.escape(last),
			     info["code"]):
			return False
	return True

def dn_check(p, kind, path, fn, thread):
	f = p[0].file
	roots = dn_roots.get(f)
	if not roots or not roots["probe"] or not roots["remove"]:
		return None
	arms = dn_arms.get(f, [])
	mine = [a for a in arms if dn_same(path, dn_keys(a[2]))]
	if kind != "kthread" and not mine:
		return None
	queues = set()
	for a in mine:
		if a[3]:
			q = dn_path(a[3])
			queues.add(q if q else a[3].strip())
	stops = dn_stops.get(f, [])
	# Quick answer: stopped in remove or a devm action itself.
	direct = roots["remove"] | roots["action"] | set([""])
	arming = set(a[0] for a in mine)
	for sfn, what, arg, line, col in stops:
		if sfn in direct and sfn not in arming and \
		   dn_stop_matches(None, kind, path, queues, what, sfn, arg):
			return None
	info = dn_lines(f)
	funcs = info["funcs"]
	if funcs and fn not in dn_closure(info, roots["probe"]):
		return None
	if not funcs and fn not in roots["probe"]:
		return None
	# queued only on workqueues the file does not own
	if kind == "work" and all(a[3] for a in mine) and \
	   dn_foreign_queues(info, queues):
		return None
	if kind == "kthread":
		if thread not in funcs:
			return None
		lo, hi = funcs[thread]
		if not re.search(r"\bkthread_should_(stop|park)\s*\(",
				 info["code"][lo:hi]):
			return None
	# where each function last arms it
	last_arm = {}
	for a in mine:
		o = dn_offset(info, a[4], a[5])
		last_arm[a[0]] = max(o, last_arm.get(a[0], -1))
	counted, _ = dn_counted(info, path, roots, set(last_arm))
	# set up by a function that runs after probe too (an event handler
	# initialising a per-event object): not the driver data
	if funcs and fn in counted and fn not in roots["probe"]:
		return None
	for sfn, what, arg, line, col in stops:
		if funcs and sfn in funcs and sfn not in counted:
			continue
		if not funcs and sfn in roots["probe"]:
			continue
		# cancel and re-queue (a debounce) is no teardown
		if sfn in last_arm and dn_offset(info, line, col) < last_arm[sfn]:
			continue
		if dn_stop_matches(info, kind, path, queues, what, sfn, arg):
			return None
	# a hand-made flush: waiting for a counter named after the work
	last = path.split(".")[-1]
	for c in counted:
		lo, hi = funcs[c]
		if re.search(r"\bwait_event\w*\s*\([^;]*\b%s\w*" % re.escape(last),
			     info["code"][lo:hi]):
			return None
	# remove frees nothing and nothing is devm-allocated: the data lives
	# until module exit
	if all(r in funcs and not info["code"][funcs[r][0] + 1:funcs[r][1]].strip()
	       for r in roots["remove"]) and \
	   not re.search(r"\bdevm_\w*alloc\w*\s*\(", info["code"]):
		return None
	if dn_sibling_stops(f, info, fn, p, path):
		return None
	if dn_refcounted(info, fn, p):
		return None
	return True

DN_QUIET_CALL = re.compile(r"(?i)(irq|intr|interrupt|write|^out[bwl]_?p?$|"
			   r"regmap_|_wr(32)?$|update_bits|clear_bits|set_bits|"
			   r"mask|_stop$|_halt$|reset|disable)")
DN_QUIET_REG = re.compile(r"(^|_)(IRQ|INT|INTR|IRN|IRNEN|IMR|IER|IEN|INTEN|"
			  r"INTMSK|INTMASK)([A-Z0-9]*)(_|$)|Int(Mask|Enable|Event)|"
			  r"IER$")
DN_NOT_QUIET = re.compile(r"work|timer|kthread|flush|cancel|_wq|drvdata")
dn_order_done = set()

DN_ORDER_STOP = ("cancel_work_sync", "cancel_delayed_work_sync",
	"flush_work", "flush_delayed_work")

def dn_order(p1, arg, what):
	"""The message for a cancel at p1 of a work that an IRQ handler
	queues, before the IRQ is freed or disabled later in the same
	function, or None."""
	if what not in DN_ORDER_STOP:
		return None
	f = p1[0].file
	fn = p1[0].current_element
	offs = [o for o in dn_irqoffs.get(f, []) if o[0] == fn]
	roots = dn_roots.get(f)
	keys = dn_keys(arg)
	if not offs or not roots or not keys or not dn_reqs.get(f):
		return None
	key = (f, fn, tuple(sorted(keys)))
	if key in dn_order_done:
		return None
	info = dn_lines(f)
	funcs = info["funcs"]
	if fn not in funcs:
		return None
	if fn not in dn_closure(info, roots["remove"] | roots["action"]):
		return None
	hs = dn_closure(info, dn_reqs.get(f, set()))
	queuers = set()
	for afn, _, a, q, _, _ in dn_arms.get(f, []):
		if afn in hs and keys & dn_keys(a):
			queuers.add(afn)
	if not queuers:
		return None
	lo, hi = funcs[fn]
	o1 = dn_offset(info, p1[0].line, p1[0].column)
	later = sorted((dn_offset(info, l, c), off, l)
		       for _, off, l, c in offs if dn_offset(info, l, c) > o1)
	if not later:
		return None
	o2, off, l2 = later[0]
	code = info["code"]
	before = code[lo:o1]
	for m in re.finditer(r"\b(\w+)\s*\(", before):
		if DN_NOT_QUIET.search(m.group(1)):
			continue
		if DN_QUIET_CALL.search(m.group(1)):
			return None
	for m in re.finditer(r"\b[A-Za-z_]\w*\b", before):
		if DN_QUIET_REG.search(m.group(0)):
			return None
	# Stopped again after the IRQ is gone, or disabled, or stopped by
	# another function of the remove path too (maybe later): fine.
	rpath = dn_closure(info, roots["remove"] | roots["action"])
	for sfn, s, a, line, col in dn_stops.get(f, []):
		if not keys & (dn_keys(a) | dn_local_keys(info, sfn, a)):
			continue
		if sfn != fn:
			if sfn in rpath:
				return None
			continue
		if s.startswith("disable_"):
			return None
		if dn_offset(info, line, col) > o2:
			return None
	dn_order_done.add(key)
	return ("WARNING: ->%s is cancelled before the IRQ whose handler "
		"(%s()) queues it is released (%s() on line %s): the handler can "
		"queue it again in between, and it then runs on freed data; "
		"free or disable the IRQ first, or use disable_work_sync()"
		% (sorted(keys, key=len)[-1], sorted(queuers)[0], off, l2))

DN_STOPRE = ("cancel_\\w+|flush_\\w+|disable_\\w*work\\w*|del_timer\\w*|"
	     "timer_delete\\w*|timer_shutdown\\w*|del_singleshot_timer_sync|"
	     "hrtimer_cancel|hrtimer_try_to_cancel|kthread_stop\\w*|kthread_park")
dn_dirs = {}

def dn_base_type(info, fn, p):
	"""The structure type of the object the setup at p works on."""
	if fn not in info["funcs"]:
		return None
	lo, hi = info["funcs"][fn]
	off = dn_offset(info, p[0].line, p[0].column)
	m = re.match(r"\w+\s*\(\s*&?\s*\(?\s*(\w+)", info["code"][off:off + 200])
	if not m or info["code"][off:off + 7] == "kthread":
		m = re.search(r"(\w+)\s*->[\w.>-]*\s*=\s*$",
			      info["code"][max(lo, off - 200):off])
	if not m:
		return None
	t = re.search(r"\bstruct\s+(\w+)\s*\*\s*%s\b" % re.escape(m.group(1)),
		      info["code"][max(0, lo - 400):hi])
	return t.group(1) if t else None

def dn_refcounted(info, fn, p):
	"""The object is reference counted (kref_get() on a variable of its
	type): whoever queues it may hold a reference, the data outlives
	remove."""
	t = dn_base_type(info, fn, p)
	if not t:
		return False
	code = info["code"]
	for m in re.finditer(r"\bkref_get\s*\(\s*&\s*\(?\s*(\w+)\s*->", code):
		if re.search(r"\bstruct\s+%s\s*\*\s*%s\b" % (re.escape(t),
			     re.escape(m.group(1))), code):
			return True
	return False

def dn_sibling_stops(f, info, fn, p, path):
	"""A driver split over files: another .c file of the directory that
	uses the same structure type stops the field."""
	import os
	t = dn_base_type(info, fn, p)
	if not t:
		return False
	d = os.path.dirname(os.path.abspath(f))
	if d not in dn_dirs:
		texts = {}
		try:
			names = sorted(os.listdir(d))
		except OSError:
			names = []
		for n in names:
			if n.endswith(".c"):
				try:
					with open(os.path.join(d, n), errors="replace") as h:
						texts[n] = h.read()
				except OSError:
					pass
		dn_dirs.clear()
		dn_dirs[d] = texts
	last = path.split(".")[-1]
	stop = re.compile(r"\b(%s)\s*\([^;]*(->|\.)\s*%s\b" % (DN_STOPRE, re.escape(last)))
	struct = re.compile(r"\bstruct\s+%s\b" % re.escape(t))
	me = os.path.basename(f)
	# a copy of this very file (a corpus of mutants) is no other part
	line = info["raw"][int(p[0].line) - 1].strip()
	for n, text in dn_dirs[d].items():
		if n != me and struct.search(text) and stop.search(text) and \
		   line not in text:
			return True
	return False

DN_WHAT = {
	"work": ("work item", "cancel_work_sync()/cancel_delayed_work_sync() "
		 "in remove, or use devm_work_autocancel()"),
	"timer": ("timer", "timer_delete_sync() (or timer_shutdown_sync()) in "
		  "remove, or a devm action"),
	"hrtimer": ("hrtimer", "hrtimer_cancel() in remove, or a devm action"),
	"kthread": ("kthread", "kthread_stop() in remove, or a devm action"),
}

def dn_message(kind, path, fn):
	what, fix = DN_WHAT[kind]
	return ("WARNING: %s ->%s set up in probe (%s()) is never stopped on "
		"unbind: after remove it can still run on the freed driver "
		"data; use %s" % (what, path, fn, fix))

// ---------------------------------------------------------------------
// The probe and remove callbacks of the driver (first: a file without
// them is not even parsed), and its devm actions.

@anchor depends on report || org@
@@

(
INIT_WORK(...)
|
INIT_DELAYED_WORK(...)
|
INIT_DEFERRABLE_WORK(...)
|
timer_setup(...)
|
hrtimer_init(...)
|
hrtimer_setup(...)
|
kthread_run(...)
|
kthread_create(...)
|
kthread_run_on_cpu(...)
|
kthread_create_on_node(...)
|
kthread_create_on_cpu(...)
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
dn_root(pr[0].file, "probe", fn)

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
dn_root(pr[0].file, "probe", fn)

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
dn_root(pr[0].file, "remove", fn)

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
dn_root(pr[0].file, "remove", fn)

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
dn_root(pr[0].file, "remove", fn)

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
dn_root(pr[0].file, "remove", fn)

// ---------------------------------------------------------------------
// What probe sets up.

@setupr depends on drvremove || drvremove2 || drvremovenew || drvdisconnect@
expression E, F;
position p;
@@

(
INIT_WORK@p(E, F)
|
INIT_DELAYED_WORK@p(E, F)
|
INIT_DEFERRABLE_WORK@p(E, F)
|
timer_setup@p(E, F, ...)
|
hrtimer_init@p(E, ...)
|
hrtimer_setup@p(E, F, ...)
)

@script:python@
p << setupr.p;
E << setupr.E;
@@
name = dn_name_at(p[0])
path = dn_path(str(E))
if path:
	dn_setups.setdefault(p[0].file, []).append(
		(p, dn_kind(name), path, p[0].current_element, None))

@kthr depends on drvremove || drvremove2 || drvremovenew || drvdisconnect@
expression E, F;
position p;
@@

(
E = kthread_run@p(F, ...)
|
E = kthread_create@p(F, ...)
|
E = kthread_run_on_cpu@p(F, ...)
|
E = kthread_create_on_node@p(F, ...)
|
E = kthread_create_on_cpu@p(F, ...)
)

@script:python@
p << kthr.p;
E << kthr.E;
F << kthr.F;
@@
path = dn_path(str(E))
if path:
	dn_setups.setdefault(p[0].file, []).append(
		(p, "kthread", path, p[0].current_element, str(F).strip()))

@action depends on setupr || kthr@
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
dn_root(pa[0].file, "action", fn)

// ---------------------------------------------------------------------
// Where the objects are armed (and on which workqueue), and stopped.

@arm depends on setupr || kthr@
expression E, T;
position p;
@@

(
schedule_work@p(E)
|
schedule_delayed_work@p(E, T)
|
schedule_work_on@p(T, E)
|
schedule_delayed_work_on@p(T, E, ...)
|
mod_timer@p(E, T)
|
mod_timer_pending@p(E, T)
|
timer_reduce@p(E, T)
|
add_timer@p(E)
|
add_timer_on@p(E, T)
|
hrtimer_start@p(E, ...)
|
hrtimer_start_range_ns@p(E, ...)
|
hrtimer_start_expires@p(E, ...)
|
wake_up_process@p(E)
|
kthread_unpark@p(E)
)

@script:python@
p << arm.p;
E << arm.E;
@@
dn_arms.setdefault(p[0].file, []).append(
	(p[0].current_element, "arm", str(E), None, p[0].line, p[0].column))

@armq depends on setupr || kthr@
expression E, Q, T;
position p;
@@

(
queue_work@p(Q, E)
|
queue_delayed_work@p(Q, E, T)
|
mod_delayed_work@p(Q, E, T)
|
queue_work_on@p(T, Q, E)
|
queue_delayed_work_on@p(T, Q, E, ...)
|
mod_delayed_work_on@p(T, Q, E, ...)
|
queue_rcu_work@p(Q, E)
)

@script:python@
p << armq.p;
E << armq.E;
Q << armq.Q;
@@
dn_arms.setdefault(p[0].file, []).append(
	(p[0].current_element, "queue", str(E), str(Q), p[0].line, p[0].column))

@stop depends on setupr || kthr@
expression E;
identifier s = {cancel_work_sync, cancel_delayed_work_sync, flush_work,
	flush_delayed_work, cancel_work, cancel_delayed_work,
	disable_work_sync, disable_delayed_work_sync, disable_work,
	disable_delayed_work, cancel_rcu_work, del_timer_sync, del_timer,
	timer_delete_sync, timer_delete, timer_shutdown_sync, timer_shutdown,
	del_singleshot_timer_sync, hrtimer_cancel, hrtimer_try_to_cancel,
	kthread_stop, kthread_stop_put, kthread_park, destroy_workqueue,
	flush_workqueue, drain_workqueue};
position p;
@@

s@p(E, ...)

@script:python@
p << stop.p;
E << stop.E;
s << stop.s;
@@
dn_stops.setdefault(p[0].file, []).append(
	(p[0].current_element, s, str(E), p[0].line, p[0].column))

@flushall depends on setupr@
position p;
@@

flush_scheduled_work@p()

@script:python@
p << flushall.p;
@@
dn_stops.setdefault(p[0].file, []).append(
	(p[0].current_element, "flush_scheduled_work", "", p[0].line,
	 p[0].column))

// A devm action that is a stop function itself:
// devm_add_action(dev, (void (*)(void *))cancel_work_sync, &priv->work).
@stopaction depends on setupr || kthr@
expression D, A;
expression C;
position p;
@@

(
devm_add_action@p(D, C, A)
|
devm_add_action_or_reset@p(D, C, A)
)

@script:python@
p << stopaction.p;
C << stopaction.C;
A << stopaction.A;
@@
import re as _re
m = _re.search(r"\b(cancel_\w+|flush_\w+|disable_\w*work\w*|del_timer\w*|"
	       r"timer_delete\w*|timer_shutdown\w*|hrtimer_cancel|kthread_stop\w*|"
	       r"destroy_workqueue)\s*$", str(C))
if m:
	dn_stops.setdefault(p[0].file, []).append(
		("", m.group(1), str(A), p[0].line, p[0].column))

// ---------------------------------------------------------------------
// 2. The IRQ handlers, and cancels that come before the IRQ is freed.

@req depends on setupr@
expression irq, dev;
identifier h;
position p;
@@

(
request_irq@p(irq, h, ...)
|
request_threaded_irq@p(irq, h, ...)
|
request_any_context_irq@p(irq, h, ...)
|
devm_request_irq@p(dev, irq, h, ...)
|
devm_request_threaded_irq@p(dev, irq, h, ...)
|
devm_request_any_context_irq@p(dev, irq, h, ...)
)

@script:python@
h << req.h;
p << req.p;
@@
dn_reqs.setdefault(p[0].file, set()).add(h)

@reqthread depends on setupr@
expression irq, dev, T;
identifier h;
position p;
@@

(
request_threaded_irq@p(irq, T, h, ...)
|
devm_request_threaded_irq@p(dev, irq, T, h, ...)
)

@script:python@
h << reqthread.h;
p << reqthread.p;
@@
dn_reqs.setdefault(p[0].file, set()).add(h)

@irqoff depends on req || reqthread@
identifier off = {free_irq, devm_free_irq, disable_irq, disable_irq_nosync};
position p;
@@

off@p(...)

@script:python@
p << irqoff.p;
off << irqoff.off;
@@
dn_irqoffs.setdefault(p[0].file, []).append(
	(p[0].current_element, off, p[0].line, p[0].column))

@script:python depends on report@
p << stop.p;
E << stop.E;
s << stop.s;
@@
msg = dn_order(p, str(E), s)
if msg:
	coccilib.report.print_report(p[0], msg)

@script:python depends on org@
p << stop.p;
E << stop.E;
s << stop.s;
@@
if dn_order(p, str(E), s):
	coccilib.org.print_todo(p[0], "work cancelled before the IRQ that queues it is freed")

// ---------------------------------------------------------------------
// 1. Set up in probe, never stopped.

@script:python depends on report@
p << setupr.p;
@@
for (q, kind, path, fn, thread) in dn_setups.get(p[0].file, []):
	if q[0].line != p[0].line or q[0].column != p[0].column:
		continue
	key = (p[0].file, p[0].line, path)
	if key in dn_reported:
		continue
	if dn_check(q, kind, path, fn, thread):
		dn_reported.add(key)
		coccilib.report.print_report(p[0], dn_message(kind, path, fn))

@script:python depends on report@
p << kthr.p;
@@
for (q, kind, path, fn, thread) in dn_setups.get(p[0].file, []):
	if q[0].line != p[0].line or q[0].column != p[0].column:
		continue
	key = (p[0].file, p[0].line, path)
	if key in dn_reported:
		continue
	if dn_check(q, kind, path, fn, thread):
		dn_reported.add(key)
		coccilib.report.print_report(p[0], dn_message(kind, path, fn))

@script:python depends on org@
p << setupr.p;
@@
for (q, kind, path, fn, thread) in dn_setups.get(p[0].file, []):
	if q[0].line == p[0].line and q[0].column == p[0].column and \
	   dn_check(q, kind, path, fn, thread):
		msg = "%s ->%s never stopped on unbind" % (DN_WHAT[kind][0], path)
		coccilib.org.print_todo(p[0], msg)

@script:python depends on org@
p << kthr.p;
@@
for (q, kind, path, fn, thread) in dn_setups.get(p[0].file, []):
	if q[0].line == p[0].line and q[0].column == p[0].column and \
	   dn_check(q, kind, path, fn, thread):
		coccilib.org.print_todo(p[0], "kthread ->%s never stopped on unbind" % path)
