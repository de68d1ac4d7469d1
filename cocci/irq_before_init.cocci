// SPDX-License-Identifier: GPL-2.0
/// Find IRQs requested before the lock, work item, timer, tasklet, wait
/// queue or completion that their handler uses is initialised.
/// request_threaded_irq()'s kernel-doc: "From the point this call is made
/// your handler function may be invoked"; on a shared line it runs
/// whenever another device on the line interrupts, and on any line when
/// the device has an interrupt pending from before (boot loader, an
/// earlier binding) or raises a spurious one.  Flagged: a request (shared
/// or not, managed or not) whose dev_id is D, followed in the same
/// function by the initialisation of a field of D (spin_lock_init(&D->f),
/// INIT_WORK(&D->f, ...), init_waitqueue_head(&D->f), ...) that the
/// handler (or the thread function, if the primary handler always wakes
/// it) uses on every invocation, before any status check or return: any
/// interrupt at all then takes an uninitialised lock, queues an
/// uninitialised work item or walks an uninitialised wait list.
/// Initialise everything the handler uses before requesting the IRQ.
/// Left alone: IRQF_NO_AUTOEN requests and lines set IRQ_NOAUTOEN before
/// the request (they stay off until enable_irq()), and uses behind a check (a status register, a flag set
/// by probe): whether the handler reaches them before the initialisation
/// depends on hardware state the rule cannot see.
///
// Confidence: High
// Copyright: (C) 2026 kbind authors.
// Options: --no-includes --include-headers
// Keywords: request_irq, devm_request_irq, spin_lock_init, INIT_WORK

virtual report
virtual org

@r exists@
expression D, irq, dev, flags, name;
identifier h, th, fld;
expression E1;
expression E2;
position p;
@@

(
request_irq@p(irq, h, flags, name, D)
|
request_threaded_irq@p(irq, h, th, flags, name, D)
|
request_threaded_irq@p(irq, NULL, th, flags, name, D)
|
request_any_context_irq@p(irq, h, flags, name, D)
|
devm_request_irq@p(dev, irq, h, flags, name, D)
|
devm_request_threaded_irq@p(dev, irq, h, th, flags, name, D)
|
devm_request_threaded_irq@p(dev, irq, NULL, th, flags, name, D)
|
devm_request_any_context_irq@p(dev, irq, h, flags, name, D)
)
... when != D = E2
(
spin_lock_init(&D->fld)
|
raw_spin_lock_init(&D->fld)
|
mutex_init(&D->fld)
|
INIT_WORK(&D->fld, E1)
|
INIT_DELAYED_WORK(&D->fld, E1)
|
tasklet_init(&D->fld, ...)
|
tasklet_setup(&D->fld, E1)
|
timer_setup(&D->fld, ...)
|
hrtimer_init(&D->fld, ...)
|
kthread_init_work(&D->fld, E1)
|
init_waitqueue_head(&D->fld)
|
init_completion(&D->fld)
)

// The handler (or the thread function, when there is no primary handler
// or the primary one only wakes the thread) uses the field on every
// invocation: the first use is a top-level statement of its body, not
// under an if/loop/switch, and no return or goto comes before it.  So any
// interrupt at all (another device on a shared line, one left pending by
// the boot loader, a spurious one) reaches the uninitialised object.  Uses
// behind a status or state check are not flagged.  Read from the file text.
@initialize:python@
@@
import re

used = set()
reported = set()
texts = {}

def irq_text(name):
	if name not in texts:
		with open(name, errors="replace") as src:
			t = src.read()
		# blank out comments and string literals, keeping offsets
		t = re.sub(r"/\*.*?\*/|//[^\n]*|\"(?:\\.|[^\"\\\n])*\"",
			   lambda m: re.sub(r"[^\n]", " ", m.group(0)), t,
			   flags=re.S)
		texts[name] = t
	return texts[name]

def irq_body(name, start):
	"""Body of the function whose definition starts at offset start."""
	t = irq_text(name)
	i = t.find("{", start)
	if i < 0:
		return None
	depth = 0
	for j in range(i, len(t)):
		if t[j] == "{":
			depth += 1
		elif t[j] == "}":
			depth -= 1
			if depth == 0:
				return t[i + 1:j]
	return None

def irq_offset(name, line):
	t = irq_text(name)
	off = 0
	for _ in range(int(line) - 1):
		off = t.index("\n", off) + 1
	return off

def irq_func_body(name, fn):
	t = irq_text(name)
	m = re.search(r"\b%s\s*\([^;{)]*\)\s*\{" % re.escape(fn), t)
	return irq_body(name, m.start()) if m else None

def irq_uses_always(body, fld):
	if body is None:
		return False
	m = re.search(r"->\s*%s\b" % re.escape(fld), body)
	if not m:
		return False
	pre = body[:m.start()]
	if re.search(r"\b(return|goto)\b", pre):
		return False
	if pre.count("{") != pre.count("}"):
		return False
	k = max(pre.rfind(";"), pre.rfind("{"), pre.rfind("}"))
	stmt = pre[k + 1:].strip()
	if re.match(r"(if|else|while|for|switch|do|case|default)\b", stmt):
		return False
	if "?" in stmt:
		return False
	return True

def irq_noautoen_before(name, p):
	"""irq_set_status_flags(irq, IRQ_NOAUTOEN) (or irq_modify_status())
	in the requesting function before the request: the line stays off
	until enable_irq()."""
	t = irq_text(name)
	at = irq_offset(name, p.line) + int(p.column)
	start = t.rfind("\n}", 0, at)
	return "IRQ_NOAUTOEN" in t[max(start, 0):at]

def irq_call_args(name, p):
	t = irq_text(name)
	i = t.find("(", irq_offset(name, p.line) + int(p.column))
	args, depth, cur = [], 0, ""
	for c in t[i + 1:]:
		if c in "([{":
			depth += 1
		elif c in ")]}":
			if depth == 0:
				args.append(cur.strip())
				return args
			depth -= 1
		if c == "," and depth == 0:
			args.append(cur.strip())
			cur = ""
		else:
			cur += c
	return args

@uh@
identifier r.fld, r.h;
expression E;
position q;
@@

h@q(...)
{
  <+... E->fld ...+>
}

@script:python@
p << r.p;
fld << r.fld;
q << uh.q;
@@
body = irq_body(q[0].file, irq_offset(q[0].file, q[0].line) +
		int(q[0].column))
if irq_uses_always(body, fld):
	used.add((p[0].file, p[0].line, p[0].column, fld))

@ut@
identifier r.fld, r.th;
expression E;
position q;
@@

th@q(...)
{
  <+... E->fld ...+>
}

@script:python@
p << r.p;
fld << r.fld;
q << ut.q;
@@
args = irq_call_args(p[0].file, p[0])
prim = args[2] if len(args) == 7 else args[1] if len(args) > 1 else ""
ok = prim == "NULL"
if not ok and re.match(r"\w+$", prim):
	pb = irq_func_body(p[0].file, prim)
	rets = re.findall(r"\breturn\b([^;]*);", pb or "")
	ok = bool(rets) and all(x.strip() == "IRQ_WAKE_THREAD" for x in rets)
body = irq_body(q[0].file, irq_offset(q[0].file, q[0].line) +
		int(q[0].column))
if ok and irq_uses_always(body, fld):
	used.add((p[0].file, p[0].line, p[0].column, fld))

@script:python depends on report@
p << r.p;
fld << r.fld;
flags << r.flags;
@@
key = (p[0].file, p[0].line, p[0].column)
if key + (fld,) in used and ('report', key) not in reported and \
   "IRQF_NO_AUTOEN" not in flags and not irq_noautoen_before(p[0].file, p[0]):
	reported.add(('report', key))
	coccilib.report.print_report(p[0],
		"WARNING: IRQ requested before ->%s, which its handler uses, is "
		"initialised: the handler can run at once; initialise it before "
		"requesting the IRQ" % fld)

@script:python depends on org@
p << r.p;
fld << r.fld;
flags << r.flags;
@@
key = (p[0].file, p[0].line, p[0].column)
if key + (fld,) in used and ('org', key) not in reported and \
   "IRQF_NO_AUTOEN" not in flags and not irq_noautoen_before(p[0].file, p[0]):
	reported.add(('org', key))
	coccilib.org.print_todo(p[0],
		"IRQ requested before ->%s, used by its handler, is initialised"
		% fld)
