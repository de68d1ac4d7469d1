// SPDX-License-Identifier: GPL-2.0
/// Find remove() callbacks that free DMA memory while the device can still
/// use it.
///
/// Flagged: in the function a driver structure names as .remove,
/// .remove_new or .disconnect, a call that frees DMA memory
/// (dma_free_coherent(), dma_free_attrs(), dma_free_wc(),
/// dma_free_noncoherent(), dma_free_pages(), dma_pool_free(),
/// dma_pool_destroy(), dma_unmap_single(), dma_unmap_page(),
/// dma_unmap_sg() and their _attrs forms) that comes, in the text of the
/// function, before the first call that stops the users of that memory:
///
///  - the unregistration of the class device through which the kernel
///    still starts I/O on it (unregister_netdev(), unregister_candev(),
///    ieee80211_unregister_hw(), scsi_remove_host(), mmc_remove_host(),
///    usb_remove_hcd(), usb_del_gadget_udc(), spi_unregister_controller(),
///    i2c_del_adapter(), snd_card_free(), video_unregister_device(),
///    v4l2_device_unregister(), dma_async_device_unregister(),
///    drm_dev_unregister(), misc_deregister(), ...), when a function of
///    the file that runs between probe and remove (not probe, not remove)
///    uses the freed buffer (names its field);
///  - or free_irq()/devm_free_irq(), when the IRQ handler of the file (or
///    a local function it calls) uses the freed buffer;
///
/// and nothing before the free stops the device: no such call, no
/// disable_irq() or synchronize_irq(), no register write (writel(),
/// iowrite32(), regmap_write(), foo_write_reg(), ...), no call named after
/// stopping (stop, halt, reset, disable, shutdown, quiesce, deinit, down,
/// detach, kill, ...), and no local function that does any of these.
/// Until the unregistration the stack can still transmit, receive or
/// submit a request into the freed buffer (and the device can still DMA
/// into it); until free_irq() an interrupt runs a handler that walks it.
/// Free DMA memory last, after the device is unregistered, its IRQ freed
/// and its engine stopped.
///
// Confidence: Moderate
// Copyright: (C) 2026 kbind authors.
// Options: --no-includes --include-headers
// Keywords: dma_free_coherent, dma_unmap_single, dma_pool_free, free_irq, unregister_netdev, remove

virtual report
virtual org

@initialize:python@
@@
import re

dd_roots = {}     # file -> {"probe": set, "remove": set}
dd_calls = {}     # file -> [(function, call, line, col)] stops
dd_reqs = {}      # file -> set of IRQ handler names
dd_done = set()

DD_UNREG = set(["unregister_netdev", "unregister_netdevice",
	"unregister_candev", "ieee80211_unregister_hw", "wiphy_unregister",
	"scsi_remove_host", "ata_host_detach", "mmc_remove_host",
	"sdhci_remove_host", "usb_remove_hcd", "usb_del_gadget_udc",
	"usb_del_gadget", "spi_unregister_controller", "spi_unregister_master",
	"i2c_del_adapter", "snd_card_free", "video_unregister_device",
	"vb2_video_unregister_device", "v4l2_device_unregister",
	"dma_async_device_unregister", "drm_dev_unregister", "drm_dev_unplug",
	"misc_deregister", "atm_dev_deregister", "hci_unregister_dev",
	"mtd_device_unregister", "nand_release", "del_gendisk",
	"uart_remove_one_port", "memstick_remove_host", "rproc_del",
	"unregister_framebuffer", "snd_soc_unregister_component",
	"ntb_unregister_device", "fpga_mgr_unregister", "typec_unregister_port",
	"dvb_unregister_adapter", "sdio_unregister_driver", "ide_host_remove",
	"pata_platform_remove_one", "tty_port_unregister_device",
	"cdev_device_del", "device_unregister", "iio_device_unregister",
	"mbox_controller_unregister", "ipmi_unregister_smi",
	"rc_unregister_device", "usb_remove_phy", "dvb_dmx_release",
	"mei_deregister", "ufshcd_remove", "nvme_uninit_ctrl",
	"mlx5_unregister_device", "ccp_destroy", "tpm_chip_unregister"])
DD_IRQ = set(["free_irq", "devm_free_irq"])
DD_FREEARG = {"dma_free_coherent": 2, "dma_free_attrs": 2, "dma_free_wc": 2,
	"dma_free_noncoherent": 2, "dma_free_pages": 2, "dma_pool_free": 1,
	"dma_pool_destroy": 0, "dma_unmap_single": 1, "dma_unmap_single_attrs": 1,
	"dma_unmap_page": 1, "dma_unmap_page_attrs": 1, "dma_unmap_sg": 1,
	"dma_unmap_sg_attrs": 1, "dma_unmap_sgtable": 1}
DD_STOPNAME = re.compile(r"(?i)(stop|halt|reset|disable|shutdown|quiesce|"
			 r"deinit|_down|detach|kill|irq|intr|interrupt|"
			 r"unregister|deregister|_remove|del_|_exit|_off|abort|"
			 r"close|power|suspend|teardown|uninit|release_hw|"
			 r"write|iowrite|^out[bwl]_?p?$|regmap_|_wr(32)?$|"
			 r"update_bits|clear_bits|set_bits|mask|_wr_)")

DD_LOCK = re.compile(r"^(spin_|raw_spin_|read_|write_)?(un)?lock|^local_irq_|"
		     r"^mutex_|^spin_|_lock(_irq|_irqsave|_bh)?$|_unlock")

def dd_root(path, kind, fn):
	dd_roots.setdefault(path, {"probe": set(), "remove": set()})[kind].add(fn)

def dd_lines(path):
	global dd_cache_path, dd_cache
	if dd_cache_path != path:
		with open(path, errors="replace") as f:
			text = f.read()
		dd_cache_path = path
		dd_cache = dd_scan(text)
		dd_memo.clear()
	return dd_cache

dd_cache_path = None
dd_cache = None
dd_raw_path = None
dd_raw = []

DD_BS = chr(92)
DD_LC = chr(47) + chr(47)
DD_BC = chr(47) + chr(42)
DD_EC = chr(42) + chr(47)

def dd_re_mask():
	sl, st, bs, dq, sq = chr(47), chr(42), chr(92), chr(34), chr(39)
	lit = "(?:" + bs + bs + ".|[^%s" + bs + bs + bs + "n])*"
	return re.compile("|".join([
		sl + bs + st + ".*?" + bs + st + sl,
		sl + sl + "[^" + bs + "n]*",
		dq + lit % dq + dq,
		sq + lit % sq + sq,
		"^[ " + bs + "t]*#(?:[^" + bs + "n]*" + bs + bs + bs + "n)*[^" + bs + "n]*",
	]), re.S | re.M)

DD_MASK = dd_re_mask()

def dd_mask(text):
	"""Comments, literals and # lines blanked, offsets kept."""
	return DD_MASK.sub(lambda m: re.sub("[^" + chr(92) + "n]", " ",
					    m.group(0)), text)

DD_HEAD = re.compile(r"(\w+)\s*\(([^;{}]*)\)\s*$")
DD_KW = set(["if", "for", "while", "switch", "return", "sizeof", "do"])

def dd_scan(text):
	"""{masked, starts (line offsets), funcs {name: (open, close)},
	calls {name: set}, taken set}"""
	code = dd_mask(text)
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
				h = DD_HEAD.search(head)
				if h and h.group(1) not in DD_KW and \
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

def dd_offset(info, line, col):
	return info["starts"][int(line) - 1] + int(col)

def dd_closure(info, roots):
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


def dd_field(arg):
	a = re.sub(r"\s+", "", arg).lstrip("&(").rstrip(")")
	a = re.sub(r"\[[^\[\]]*\]", "", a)
	m = re.search(r"(->|\.)(\w+)$", a)
	return m.group(2) if m else None

dd_memo = {}

def dd_stops_dev(info, name, seen=None):
	"""A call to name stops the device: by its name, or (a function of
	the file) because it does what stops it."""
	key = (id(info), name)
	if key in dd_memo:
		return dd_memo[key]
	if DD_LOCK.search(name):
		return False
	if name in DD_UNREG or name in DD_IRQ or DD_STOPNAME.search(name):
		return True
	funcs = info["funcs"]
	if name not in funcs:
		return False
	top = seen is None
	seen = seen if seen is not None else set()
	if name in seen:
		return False
	seen.add(name)
	lo, hi = funcs[name]
	r = False
	for m in re.finditer(r"\b(\w+)\s*\(", info["code"][lo:hi]):
		if m.group(1) != name and dd_stops_dev(info, m.group(1), seen):
			r = True
			break
	if top or r:
		dd_memo[key] = r
	return r

def dd_first_stop(info, fn):
	"""Offset of the first call in fn that may stop the device."""
	key = (id(info), "first", fn)
	if key not in dd_memo:
		lo, hi = info["funcs"][fn]
		first = hi
		for m in re.finditer(r"\b(\w+)\s*\(", info["code"][lo:hi]):
			if dd_stops_dev(info, m.group(1)):
				first = lo + m.start()
				break
		dd_memo[key] = first
	return dd_memo[key]

def dd_users(info, fns, field):
	"""The functions of fns whose text names ->field (or .field)."""
	out = []
	for f in sorted(fns):
		if f not in info["funcs"]:
			continue
		lo, hi = info["funcs"][f]
		if re.search(r"(->|\.)\s*%s\b" % re.escape(field), info["code"][lo:hi]):
			out.append(f)
	return out

def dd_check(p, call, args):
	f = p[0].file
	fn = p[0].current_element
	roots = dd_roots.get(f)
	if not roots or fn not in roots["remove"]:
		return None
	i = DD_FREEARG.get(call)
	if i is None or len(args) <= i:
		return None
	field = dd_field(args[i])
	if not field:
		return None
	later = [c for c in dd_calls.get(f, []) if c[0] == fn]
	info = dd_lines(f)
	funcs = info["funcs"]
	if fn not in funcs:
		return None
	o1 = dd_offset(info, p[0].line, p[0].column)
	lo, hi = funcs[fn]
	after = sorted((dd_offset(info, l, c), name, l)
		       for _, name, l, c in later if dd_offset(info, l, c) > o1)
	if not after:
		return None
	# nothing before the free stops the device
	if dd_first_stop(info, fn) < o1:
		return None
	pp = dd_closure(info, roots["probe"])
	rp = dd_closure(info, roots["remove"])
	runtime = set(funcs) - pp - rp
	handlers = dd_closure(info, dd_reqs.get(f, set()))
	for _, name, line in after:
		if name in DD_IRQ:
			users = dd_users(info, handlers, field)
			if users:
				return ("WARNING: %s() frees ->%s before %s() on line %s: "
					"until then an interrupt runs %s(), which uses it; "
					"free the IRQ first" % (call, field, name, line,
								 users[0]))
		else:
			users = dd_users(info, runtime, field)
			if users:
				return ("WARNING: %s() frees ->%s before %s() on line %s: "
					"until then the device is live and %s() can use the "
					"freed buffer (and the device DMA into it); "
					"unregister and stop the device first" %
					(call, field, name, line, users[0]))
	return None

def dd_split(text):
	"""The arguments of an expression list, split at top-level commas."""
	out, depth, cur = [], 0, ""
	for ch in text:
		if ch in "([{":
			depth += 1
		elif ch in ")]}":
			depth -= 1
		if ch == "," and depth == 0:
			out.append(cur.strip())
			cur = ""
		else:
			cur += ch
	if cur.strip():
		out.append(cur.strip())
	return out

// ---------------------------------------------------------------------
// Anchor, then the driver structure.

@anchor depends on report || org@
@@

(
dma_free_coherent(...)
|
dma_free_attrs(...)
|
dma_free_wc(...)
|
dma_free_noncoherent(...)
|
dma_free_pages(...)
|
dma_pool_free(...)
|
dma_pool_destroy(...)
|
dma_unmap_single(...)
|
dma_unmap_single_attrs(...)
|
dma_unmap_page(...)
|
dma_unmap_page_attrs(...)
|
dma_unmap_sg(...)
|
dma_unmap_sg_attrs(...)
|
dma_unmap_sgtable(...)
)

@anchor2 depends on anchor@
@@

(
free_irq(...)
|
devm_free_irq(...)
|
unregister_netdev(...)
|
unregister_netdevice(...)
|
unregister_candev(...)
|
ieee80211_unregister_hw(...)
|
wiphy_unregister(...)
|
scsi_remove_host(...)
|
ata_host_detach(...)
|
mmc_remove_host(...)
|
sdhci_remove_host(...)
|
usb_remove_hcd(...)
|
usb_del_gadget_udc(...)
|
usb_del_gadget(...)
|
spi_unregister_controller(...)
|
spi_unregister_master(...)
|
i2c_del_adapter(...)
|
snd_card_free(...)
|
video_unregister_device(...)
|
vb2_video_unregister_device(...)
|
v4l2_device_unregister(...)
|
dma_async_device_unregister(...)
|
drm_dev_unregister(...)
|
drm_dev_unplug(...)
|
misc_deregister(...)
|
atm_dev_deregister(...)
|
hci_unregister_dev(...)
|
mtd_device_unregister(...)
|
nand_release(...)
|
del_gendisk(...)
|
uart_remove_one_port(...)
|
memstick_remove_host(...)
|
rproc_del(...)
|
unregister_framebuffer(...)
|
snd_soc_unregister_component(...)
|
ntb_unregister_device(...)
|
fpga_mgr_unregister(...)
|
dvb_unregister_adapter(...)
|
iio_device_unregister(...)
|
mbox_controller_unregister(...)
|
rc_unregister_device(...)
|
tpm_chip_unregister(...)
)

@drvprobe depends on anchor2@
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
dd_root(pr[0].file, "probe", fn)

// struct device_driver inside the bus driver (eisa, ccw, ...)
@drvprobe2 depends on anchor2@
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
dd_root(pr[0].file, "probe", fn)

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
dd_root(pr[0].file, "remove", fn)

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
dd_root(pr[0].file, "remove", fn)

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
dd_root(pr[0].file, "remove", fn)

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
dd_root(pr[0].file, "remove", fn)

// ---------------------------------------------------------------------
// The IRQ handlers, the stopping calls, the frees.

@req depends on drvremove || drvremove2 || drvremovenew || drvdisconnect@
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
dd_reqs.setdefault(p[0].file, set()).add(h)

@reqthread depends on drvremove || drvremove2 || drvremovenew || drvdisconnect@
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
dd_reqs.setdefault(p[0].file, set()).add(h)

@stop depends on drvremove || drvremove2 || drvremovenew || drvdisconnect@
identifier s = {free_irq, devm_free_irq, unregister_netdev,
	unregister_netdevice, unregister_candev, ieee80211_unregister_hw,
	wiphy_unregister, scsi_remove_host, ata_host_detach, mmc_remove_host,
	sdhci_remove_host, usb_remove_hcd, usb_del_gadget_udc, usb_del_gadget,
	spi_unregister_controller, spi_unregister_master, i2c_del_adapter,
	snd_card_free, video_unregister_device, vb2_video_unregister_device,
	v4l2_device_unregister, dma_async_device_unregister,
	drm_dev_unregister, drm_dev_unplug, misc_deregister,
	atm_dev_deregister, hci_unregister_dev, mtd_device_unregister,
	nand_release, del_gendisk, uart_remove_one_port, memstick_remove_host,
	rproc_del, unregister_framebuffer, snd_soc_unregister_component,
	ntb_unregister_device, fpga_mgr_unregister, dvb_unregister_adapter,
	iio_device_unregister, mbox_controller_unregister, rc_unregister_device,
	tpm_chip_unregister};
position p;
@@

s@p(...)

@script:python@
p << stop.p;
s << stop.s;
@@
dd_calls.setdefault(p[0].file, []).append(
	(p[0].current_element, s, p[0].line, p[0].column))

@free depends on stop@
identifier c = {dma_free_coherent, dma_free_attrs, dma_free_wc,
	dma_free_noncoherent, dma_free_pages, dma_pool_free, dma_pool_destroy,
	dma_unmap_single, dma_unmap_single_attrs, dma_unmap_page,
	dma_unmap_page_attrs, dma_unmap_sg, dma_unmap_sg_attrs,
	dma_unmap_sgtable};
expression list es;
position p;
@@

c@p(es)

@script:python depends on report@
p << free.p;
c << free.c;
es << free.es;
@@
key = (p[0].file, p[0].current_element)
if key not in dd_done:
	msg = dd_check(p, c, dd_split(str(es)))
	if msg:
		dd_done.add(key)
		coccilib.report.print_report(p[0], msg)

@script:python depends on org@
p << free.p;
c << free.c;
es << free.es;
@@
if dd_check(p, c, dd_split(str(es))):
	coccilib.org.print_todo(p[0], "DMA memory freed before the device is stopped")
