# SPDX-License-Identifier: GPL-2.0
"""Teardown classes: deferred work, timers and kthreads not stopped on
unbind or cancelled before the IRQ that re-queues them is freed; sysfs
attributes left behind or removed after the data they use is freed; DMA
memory freed while the device can still use it.

The driver's probe and remove callbacks are the functions a structure
initialiser names as .probe and .remove/.remove_new/.disconnect; the
probe (remove) path is those and the functions of the same file they
call, directly or not.
"""

import re

from corpus import mutclass
from ctext import match_close

# ---------------------------------------------------------------------------
# Driver structure

PM = re.compile(r"suspend|freeze|poweroff|hibernat|(^|_)pm_|_prepare$|"
                r"(^|_)(thaw|restore)($|_)")


def call_graph(src):
    """{function: set of functions of the file it calls}."""
    funcs = {f.name: f for f in src.functions()}
    graph = {}
    for name, f in funcs.items():
        body = src.code[f.open:f.close]
        graph[name] = set(x for x in re.findall(r"\b(\w+)\s*\(", body)
                          if x in funcs and x != name)
    return funcs, graph


def closure(graph, roots):
    seen = set(r for r in roots if r in graph)
    todo = list(seen)
    while todo:
        f = todo.pop()
        for g in graph[f]:
            if g not in seen:
                seen.add(g)
                todo.append(g)
    return seen


def callbacks(src, fields):
    """Functions named as .field = fn in the file."""
    return set(re.findall(r"\.\s*(?:%s)\s*=\s*&?\s*(\w+)" % fields,
                          src.code))


class Driver:
    """The probe and remove paths of one file."""

    def __init__(self, src):
        self.src = src
        self.funcs, self.graph = call_graph(src)
        self.probes = callbacks(src, "probe")
        self.removes = callbacks(src, "remove|remove_new|disconnect")
        self.actions = set()
        for c in src.calls(r"devm_add_action|devm_add_action_or_reset"):
            if len(c.args) >= 2 and re.match(r"\w+$", c.args[1]):
                self.actions.add(c.args[1])
        self.probe_path = closure(self.graph, self.probes)
        self.remove_path = closure(self.graph, self.removes | self.actions)
        names = set(self.funcs)
        taken = set()
        if names:
            for m in re.finditer(r"\b(%s)\b" % "|".join(sorted(names)),
                                 src.code):
                if re.match(r"\s*\(", src.code[m.end():m.end() + 40]):
                    continue
                if re.search(r"\.\s*probe\s*=\s*&?\s*$",
                             src.code[max(0, m.start() - 40):m.start()]):
                    continue
                taken.add(m.group(1))
        other = (names - self.probe_path) | taken | self.removes | self.actions
        other = set(f for f in other if f in self.removes or
                    f in self.actions or not PM.search(f))
        # where a stop counts for deferred_not_stopped
        self.counted = closure(self.graph, other)

    def ok(self):
        return bool(self.funcs and self.probes and self.removes)


def path_of(arg):
    """&priv->a.work[i] -> a.work; None without ->."""
    a = re.sub(r"\s+", "", arg)
    a = re.sub(r"\[[^\[\]]*\]", "", a)
    a = re.sub(r"\[[^\[\]]*\]", "", a)
    a = a.lstrip("&(").rstrip(")")
    if "->" not in a:
        return None
    p = a.split("->", 1)[1]
    p = re.sub(r"^.*->", "", p)
    return p if re.match(r"^[\w.]+$", p) else None


def keys_of(arg):
    p = path_of(arg)
    if p is None:
        return set()
    keys = {p}
    for suffix in (".work", ".timer"):
        if p.endswith(suffix):
            keys.add(p[:-len(suffix)])
    return keys


def same(path, keys):
    """One names the other or a member of it (tx.timer and timer)."""
    return any(k == path or k.endswith("." + path) or path.endswith("." + k)
               for k in keys)


SYSWQ = re.compile(r"^system_\w*wq$")


def foreign_queues(src, queues):
    """Every queue is one the file never allocates."""
    if not queues:
        return False
    for q in queues:
        last = q.split(".")[-1]
        if SYSWQ.match(q) or not re.match(r"^\w+$", last):
            return False
        if re.search(r"\b%s\s*=\s*(\(.*\)\s*)?(alloc_\w*workqueue|"
                     r"create_\w*workqueue)\b" % re.escape(last), src.code):
            return False
    return True


def local_keys(src, fn, arg):
    a = arg.strip()
    if not re.match(r"^\w+$", a) or fn is None:
        return set()
    body = src.code[fn.open:fn.close]
    keys = set()
    for m in re.finditer(r"\b%s\s*=\s*(&?\s*[\w.>\[\]-]+)\s*[;)]" % re.escape(a),
                         body):
        keys |= keys_of(m.group(1))
    return keys


# ---------------------------------------------------------------------------
# Deferred work, timers, kthreads

WORK_INIT = r"INIT_WORK|INIT_DELAYED_WORK|INIT_DEFERRABLE_WORK"
TIMER_INIT = r"timer_setup|hrtimer_init|hrtimer_setup"
THREAD_INIT = (r"kthread_run|kthread_create|kthread_run_on_cpu|"
               r"kthread_create_on_node|kthread_create_on_cpu")
WORK_STOP = (r"cancel_work_sync|cancel_delayed_work_sync|flush_work|"
             r"flush_delayed_work|cancel_work|cancel_delayed_work|"
             r"disable_work_sync|disable_delayed_work_sync|disable_work|"
             r"disable_delayed_work|cancel_rcu_work")
TIMER_STOP = (r"del_timer_sync|del_timer|timer_delete_sync|timer_delete|"
              r"timer_shutdown_sync|timer_shutdown|del_singleshot_timer_sync|"
              r"hrtimer_cancel|hrtimer_try_to_cancel")
THREAD_STOP = r"kthread_stop|kthread_stop_put|kthread_park"
WQ_STOP = r"destroy_workqueue|flush_workqueue|drain_workqueue"
ANY_STOP = "|".join((WORK_STOP, TIMER_STOP, THREAD_STOP))
QUEUE = (r"queue_work|queue_delayed_work|mod_delayed_work|queue_rcu_work")
QUEUE_ON = r"queue_work_on|queue_delayed_work_on|mod_delayed_work_on"
ARM1 = (r"schedule_work|schedule_delayed_work|mod_timer|mod_timer_pending|"
        r"timer_reduce|add_timer|add_timer_on|hrtimer_start|"
        r"hrtimer_start_range_ns|hrtimer_start_expires|wake_up_process|"
        r"kthread_unpark")
ARM_ON = r"schedule_work_on|schedule_delayed_work_on"
REQ_IRQ = (r"request_irq|request_threaded_irq|request_any_context_irq|"
           r"devm_request_irq|devm_request_threaded_irq|"
           r"devm_request_any_context_irq")
IRQ_OFF = r"free_irq|devm_free_irq|disable_irq|disable_irq_nosync"
NOT_QUIET = re.compile(r"work|timer|kthread|flush|cancel|_wq|drvdata")
QUIET_CALL = re.compile(r"(?i)(irq|intr|interrupt|write|^out[bwl]_?p?$|"
                        r"regmap_|_wr(32)?$|update_bits|clear_bits|set_bits|"
                        r"mask|_stop$|_halt$|reset|disable)")
QUIET_REG = re.compile(r"(^|_)(IRQ|INT|INTR|IRN|IRNEN|IMR|IER|IEN|INTEN|"
                       r"INTMSK|INTMASK)([A-Z0-9]*)(_|$)|Int(Mask|Enable|Event)|"
                       r"IER$")


def arms(src):
    """[(function name, keys, queue path or None, offset)]"""
    out = []
    for c in src.calls(ARM1 + "|" + ARM_ON + "|" + QUEUE + "|" + QUEUE_ON):
        f = src.enclosing(c.start)
        name = f.name if f else None
        if re.match(QUEUE + "$", c.name) and len(c.args) >= 2:
            out.append((name, keys_of(c.args[1]), path_of(c.args[0]) or
                        c.args[0].strip(), c.start))
        elif re.match(QUEUE_ON + "$", c.name) and len(c.args) >= 3:
            out.append((name, keys_of(c.args[2]), path_of(c.args[1]) or
                        c.args[1].strip(), c.start))
        elif re.match(ARM_ON + "$", c.name) and len(c.args) >= 2:
            out.append((name, keys_of(c.args[1]), None, c.start))
        elif c.args:
            out.append((name, keys_of(c.args[0]), None, c.start))
    return out


def stops_of(src, path, queues):
    """Every call in the file that may stop path: its own stop functions
    (also through a local variable or a devm action), the other kinds'
    stop functions, and workqueue teardown of a queue it runs on."""
    out = []
    for c in src.calls(ANY_STOP + "|" + WQ_STOP + "|flush_scheduled_work"):
        f = src.enclosing(c.start)
        if c.name == "flush_scheduled_work":
            out.append(c)
            continue
        if not c.args:
            continue
        if re.match("(%s)$" % WQ_STOP, c.name):
            q = path_of(c.args[0])
            if q is None:
                alias = local_keys(src, f, c.args[0])
                q = sorted(alias)[0] if alias else None
            if (q or c.args[0].strip()) in queues:
                out.append(c)
            continue
        if same(path, keys_of(c.args[0]) | local_keys(src, f, c.args[0])):
            out.append(c)
    for c in src.calls(r"devm_add_action|devm_add_action_or_reset"):
        if len(c.args) >= 3 and re.search(r"cancel|flush|timer|kthread_stop|"
                                          r"workqueue", c.args[1]):
            out.append(c)
    return out


def base_type(src, f, c):
    """The structure type of the object the setup call c works on."""
    m = re.match(r"\w+\s*\(\s*&?\s*\(?\s*(\w+)", src.code[c.start:c.start + 200])
    if not m or c.name.startswith("kthread"):
        m = re.search(r"(\w+)\s*->[\w.>-]*\s*=\s*$",
                      src.code[max(f.open, c.start - 200):c.start])
    if not m:
        return None
    t = re.search(r"\bstruct\s+(\w+)\s*\*\s*%s\b" % re.escape(m.group(1)),
                  src.code[max(0, f.open - 400):f.close])
    return t.group(1) if t else None


def refcounted(src, f, c):
    t = base_type(src, f, c)
    if not t:
        return False
    for m in re.finditer(r"\bkref_get\s*\(\s*&\s*\(?\s*(\w+)\s*->",
                         src.code):
        if re.search(r"\bstruct\s+%s\s*\*\s*%s\b"
                     % (re.escape(t), re.escape(m.group(1))), src.code):
            return True
    return False


def drop_only_stop(src, init_re, stop_re, what):
    """Delete the one statement of the file stopping a work/timer/thread
    that the probe path sets up, when it sits in the remove path."""
    drv = Driver(src)
    if not drv.ok():
        return
    armlist = arms(src)
    seen = set()
    for c in src.calls(init_re):
        f = src.enclosing(c.start)
        if not f or f.name not in drv.probe_path:
            continue
        if f.name in drv.counted and f.name not in drv.probes:
            continue
        thread = None
        if what == "kthread":
            ls = src.line_span(c.start)[0]
            m = re.search(r"([\w.>\[\]-]+)\s*=\s*$", src.code[ls:c.start])
            if not m or not c.args:
                continue
            path = path_of(m.group(1))
            thread = src.function(c.args[0].strip())
            if not thread or not re.search(
                    r"\bkthread_should_(stop|park)\s*\(",
                    src.code[thread.open:thread.close]):
                continue
        else:
            if not c.args:
                continue
            path = path_of(c.args[0])
        if not path or path in seen or refcounted(src, f, c):
            continue
        seen.add(path)
        mine = [a for a in armlist if same(path, a[1])]
        if what != "kthread" and not mine:
            continue
        queues = set(a[2] for a in mine if a[2])
        if what == "work" and all(a[2] for a in mine) and \
           foreign_queues(src, queues):
            continue
        stops = []
        last_arm = {}
        for a in mine:
            last_arm[a[0]] = max(a[3], last_arm.get(a[0], -1))
        for st in stops_of(src, path, queues):
            sf = src.enclosing(st.start)
            if sf and sf.name not in drv.counted:
                continue
            if sf and st.start < last_arm.get(sf.name, -1):
                continue
            stops.append(st)
        last = path.split(".")[-1]
        if any(re.search(r"\bwait_event\w*\s*\([^;]*\b%s\w*" % re.escape(last),
                         src.code[drv.funcs[n].open:drv.funcs[n].close])
               for n in drv.counted):
            continue
        if len(stops) != 1:
            continue
        s = stops[0]
        if not re.match("(%s)$" % stop_re, s.name):
            continue
        sf = src.enclosing(s.start)
        if not sf or sf.name not in drv.remove_path:
            continue
        if any(a[0] == sf.name for a in mine):
            continue
        span = src.statement(s)
        if not span:
            continue
        yield (src.line_of(span[0]), "%s: %s(%s) dropped"
               % (sf.name, s.name, s.args[0] if s.args else ""),
               src.replace(span[0], span[1], ""))


@mutclass("work_not_cancelled", ["deferred_not_stopped"],
          ["INIT_", "_work"])
def work_not_cancelled(src):
    """the only cancel of a work item probe initialises dropped from remove"""
    return drop_only_stop(src, WORK_INIT, WORK_STOP, "work")


@mutclass("timer_not_stopped", ["deferred_not_stopped"], ["timer"])
def timer_not_stopped(src):
    """the only stop of a (hr)timer probe sets up dropped from remove"""
    return drop_only_stop(src, TIMER_INIT, TIMER_STOP, "timer")


@mutclass("kthread_not_stopped", ["deferred_not_stopped"],
          ["kthread_", "kthread_stop"])
def kthread_not_stopped(src):
    """the only kthread_stop() of a thread probe starts dropped from remove"""
    return drop_only_stop(src, THREAD_INIT, THREAD_STOP, "kthread")


def irq_handlers(src):
    out = set()
    for c in src.calls(REQ_IRQ):
        args = c.args[1:] if c.name.startswith("devm") else c.args
        for h in args[1:3]:
            if re.match(r"\w+$", h):
                out.add(h)
    return out


def quiet_before(src, lo, hi):
    """Something in code[lo:hi] may quiet the device interrupt."""
    before = src.code[lo:hi]
    for m in re.finditer(r"\b(\w+)\s*\(", before):
        if NOT_QUIET.search(m.group(1)):
            continue
        if QUIET_CALL.search(m.group(1)):
            return True
    return any(QUIET_REG.search(m.group(0))
               for m in re.finditer(r"\b[A-Za-z_]\w*\b", before))


@mutclass("cancel_before_free_irq", ["deferred_not_stopped"],
          ["irq", "_work"])
def cancel_before_free_irq(src):
    """remove's free_irq() and the later cancel of the work it queues swapped"""
    drv = Driver(src)
    if not drv.ok():
        return
    handlers = closure(drv.graph, irq_handlers(src))
    queued = set()
    for name, keys, _, _ in arms(src):
        if name in handlers:
            queued |= keys
    if not queued:
        return
    for fname in sorted(drv.remove_path):
        f = drv.funcs[fname]
        offs = src.calls(IRQ_OFF, f.open, f.close)
        cancels = src.calls(r"cancel_work_sync|cancel_delayed_work_sync|"
                            r"flush_work|flush_delayed_work", f.open, f.close)
        done = set()
        for c in cancels:
            keys = keys_of(c.args[0]) if c.args else set()
            if not keys & queued or tuple(keys) in done:
                continue
            before = [o for o in offs if o.start < c.start]
            if not before:
                continue
            o = before[-1]
            # no other stop of the work in the remove path
            others = [s for g in drv.remove_path
                      for s in src.calls(ANY_STOP, drv.funcs[g].open,
                                         drv.funcs[g].close)
                      if s.start != c.start and s.args and
                      keys & keys_of(s.args[0])]
            if others:
                continue
            if quiet_before(src, f.open, o.start):
                continue
            so, sc = src.statement(o), src.statement(c)
            if not so or not sc or src.block(o.start) != src.block(c.start):
                continue
            done.add(tuple(keys))
            a = src.text[so[0]:so[1]]
            b = src.text[sc[0]:sc[1]]
            ia, ib = src.indent(o.start), src.indent(c.start)
            new_a = ia + b.lstrip(" \t")
            new_b = ib + a.lstrip(" \t")
            text = (src.text[:so[0]] + new_a + src.text[so[1]:sc[0]] +
                    new_b + src.text[sc[1]:])
            yield (src.line_of(so[0]), "%s: %s() moved before %s()"
                   % (fname, c.name, o.name), text)


# ---------------------------------------------------------------------------
# sysfs attributes

CREATE = (r"device_create_file|device_create_bin_file|device_add_group|"
          r"device_add_groups|sysfs_create_group|sysfs_create_groups|"
          r"sysfs_create_file|sysfs_create_files|sysfs_create_bin_file")
REMOVE = (r"device_remove_file|device_remove_bin_file|device_remove_group|"
          r"device_remove_groups|sysfs_remove_group|sysfs_remove_groups|"
          r"sysfs_remove_file|sysfs_remove_files|sysfs_remove_bin_file|"
          r"device_remove_file_self")
BUS = ("platform_device", "pci_dev", "i2c_client", "spi_device",
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
FREE_DATA = r"kfree|iounmap|pci_iounmap|ioport_unmap"
DRVDATA = re.compile(r"\b\w*(get_drvdata|get_clientdata|get_intfdata)\s*\(")


def sysfs_key(arg):
    a = re.sub(r"\s+", "", arg).lstrip("&(").rstrip(")")
    a = re.sub(r"\[[^\[\]]*\]", "", a)
    a = a.split("->")[-1]
    m = re.match(r"^(\w+)", a)
    return m.group(1) if m else None


def init_body(code, name):
    m = re.search(r"\b%s\b(\s*\[[^\]]*\])?\s*=\s*\{" % re.escape(name), code)
    if not m:
        return None
    end = match_close(code, m.end() - 1)
    return code[m.end():end] if end > 0 else None


def expand(src, keys):
    out, todo, n = set(keys), list(keys), 0
    while todo and n < 400:
        n += 1
        k = todo.pop()
        more = set()
        m = re.match(r"^(\w+)_groups?$", k)
        if m and re.search(r"\b(BIN_)?ATTRIBUTE_GROUPS\s*\(\s*%s\s*\)"
                           % m.group(1), src.code):
            more |= {m.group(1) + "_attrs", m.group(1) + "_group",
                     m.group(1) + "_bin_attrs"}
        body = init_body(src.code, k)
        if body:
            more |= set(re.findall(r"\b(\w+)\b", body))
            if re.search(r"\b\w+\s*\(", body):
                more.add("*")
        for x in more - out:
            out.add(x)
            todo.append(x)
    return out


def bound_device(src, f, arg):
    a = re.sub(r"\s+", "", arg)
    a = re.sub(r"(\.|->)kobj$", "", a.lstrip("&"))
    text = src.code[max(0, f.open - 600):f.close]
    params = src.code[max(0, f.open - 600):f.open]
    params = params[params.rfind(f.name):] if f.name in params else ""

    def bus_var(x):
        return re.search(r"\bstruct\s+(%s)\s*\*\s*(const\s+)?%s\b"
                         % ("|".join(BUS), re.escape(x)), params)
    m = re.match(r"^\(?(\w+)->dev\)?$", a)
    if m:
        return bool(bus_var(m.group(1)))
    m = re.match(r"^(\w+)$", a)
    if m:
        for d in re.finditer(r"\b%s\s*=\s*&\s*(\w+)\s*->\s*dev\s*[;,]"
                             % re.escape(m.group(1)), text):
            if bus_var(d.group(1)):
                return True
    return False


@mutclass("sysfs_not_removed", ["sysfs_outlives_data"], ["sysfs_", "remove"])
def sysfs_not_removed(src):
    """the only removal of sysfs files probe creates dropped from remove"""
    drv = Driver(src)
    if not drv.ok():
        return
    removals = []
    for r in src.calls(REMOVE):
        rf = src.enclosing(r.start)
        if rf and rf.name in drv.counted and len(r.args) >= 2:
            removals.append((r, sysfs_key(r.args[1])))
    seen = set()
    for c in src.calls(CREATE):
        f = src.enclosing(c.start)
        if not f or f.name not in drv.probe_path or len(c.args) < 2:
            continue
        if f.name in drv.counted and f.name not in drv.probes:
            continue
        key = sysfs_key(c.args[1])
        if "->" in c.args[1]:
            continue
        if not key or key in seen or not bound_device(src, f, c.args[0]):
            continue
        if re.search(r"\*\s*%s\s*[;=,)]" % re.escape(key),
                     src.code[max(0, f.open - 600):f.close]):
            continue
        seen.add(key)
        covering = [r for r, k in removals if k and
                    ({key, "*"} & expand(src, {k}))]
        if len(covering) != 1:
            continue
        r = covering[0]
        rf = src.enclosing(r.start)
        if rf.name not in drv.remove_path:
            continue
        span = src.statement(r)
        if not span:
            continue
        yield (src.line_of(span[0]), "%s: %s(%s) dropped"
               % (rf.name, r.name, r.args[1]),
               src.replace(span[0], span[1], ""))


def sysfs_callbacks(src, drv):
    cbs = set()
    for name, f in drv.funcs.items():
        head = src.code[max(0, f.start - 50):f.open]
        if re.search(r"struct\s+(device_attribute|kobj_attribute|"
                     r"bin_attribute|attribute)\s*\*", head + f.params):
            cbs.add(name)
    return closure(drv.graph, cbs), cbs


@mutclass("sysfs_removed_after_free", ["sysfs_outlives_data"],
          ["sysfs_", "remove"])
def sysfs_removed_after_free(src):
    """remove's sysfs removal moved after the kfree/iounmap that follows it"""
    drv = Driver(src)
    if not drv.ok():
        return
    cbs, direct = sysfs_callbacks(src, drv)
    if not direct:
        return
    cbtext = "".join(src.code[drv.funcs[c].open:drv.funcs[c].close]
                     for c in cbs)
    created = set(sysfs_key(c.args[1]) for c in src.calls(CREATE)
                  if len(c.args) >= 2)
    for fname in sorted(drv.remove_path):
        f = drv.funcs[fname]
        frees = src.calls(FREE_DATA, f.open, f.close)
        for r in src.calls(REMOVE, f.open, f.close):
            if len(r.args) < 2 or sysfs_key(r.args[1]) not in created:
                continue
            rspan = src.statement(r)
            if not rspan:
                continue
            for x in frees:
                if x.start < r.start or src.block(x.start) != src.block(r.start):
                    continue
                arg = re.sub(r"\s+", "", x.args[-1] if x.args else "")
                if x.name == "kfree":
                    if not re.match(r"^\w+$", arg) or not DRVDATA.search(cbtext):
                        continue
                    if not re.search(r"\b%s\s*=\s*\(?[\w\s*]*\)?\s*\w*"
                                     r"(get_drvdata|get_clientdata|"
                                     r"get_intfdata)\s*\(" % re.escape(arg),
                                     src.code[f.open:r.start]):
                        continue
                else:
                    m = re.search(r"(->|\.)(\w+)$", arg)
                    if not m or not re.search(r"(->|\.)%s\b" % m.group(2),
                                              cbtext):
                        continue
                xspan = src.statement(x)
                if not xspan:
                    continue
                moved = src.indent(x.start) + \
                    src.text[rspan[0]:rspan[1]].lstrip(" \t")
                text = (src.text[:rspan[0]] + src.text[rspan[1]:xspan[1]] +
                        moved + src.text[xspan[1]:])
                yield (src.line_of(rspan[0]), "%s: %s() moved after %s()"
                       % (fname, r.name, x.name), text)
                break


# ---------------------------------------------------------------------------
# DMA memory

DMA_FREE = {"dma_free_coherent": 2, "dma_free_attrs": 2, "dma_free_wc": 2,
            "dma_free_noncoherent": 2, "dma_free_pages": 2,
            "dma_pool_free": 1, "dma_pool_destroy": 0, "dma_unmap_single": 1,
            "dma_unmap_single_attrs": 1, "dma_unmap_page": 1,
            "dma_unmap_page_attrs": 1, "dma_unmap_sg": 1,
            "dma_unmap_sg_attrs": 1, "dma_unmap_sgtable": 1}
UNREG = ("unregister_netdev", "unregister_netdevice", "unregister_candev",
         "ieee80211_unregister_hw", "wiphy_unregister", "scsi_remove_host",
         "ata_host_detach", "mmc_remove_host", "sdhci_remove_host",
         "usb_remove_hcd", "usb_del_gadget_udc", "usb_del_gadget",
         "spi_unregister_controller", "spi_unregister_master",
         "i2c_del_adapter", "snd_card_free", "video_unregister_device",
         "vb2_video_unregister_device", "v4l2_device_unregister",
         "dma_async_device_unregister", "drm_dev_unregister",
         "drm_dev_unplug", "misc_deregister", "atm_dev_deregister",
         "hci_unregister_dev", "mtd_device_unregister", "nand_release",
         "del_gendisk", "uart_remove_one_port", "memstick_remove_host",
         "rproc_del", "unregister_framebuffer",
         "snd_soc_unregister_component", "ntb_unregister_device",
         "fpga_mgr_unregister", "dvb_unregister_adapter",
         "iio_device_unregister", "mbox_controller_unregister",
         "rc_unregister_device", "tpm_chip_unregister")
STOPNAME = re.compile(r"(?i)(stop|halt|reset|disable|shutdown|quiesce|"
                      r"deinit|_down|detach|kill|irq|intr|interrupt|"
                      r"unregister|deregister|_remove|del_|_exit|_off|abort|"
                      r"close|power|suspend|teardown|uninit|release_hw|"
                      r"write|iowrite|^out[bwl]_?p?$|regmap_|_wr(32)?$|"
                      r"update_bits|clear_bits|set_bits|mask|_wr_)")
LOCK = re.compile(r"^(spin_|raw_spin_|read_|write_)?(un)?lock|^local_irq_|"
                  r"^mutex_|^spin_|_lock(_irq|_irqsave|_bh)?$|_unlock")


def stops_device(src, drv, name, seen=None):
    if LOCK.search(name):
        return False
    if name in UNREG or name in ("free_irq", "devm_free_irq") or \
       STOPNAME.search(name):
        return True
    if name not in drv.funcs:
        return False
    seen = seen if seen is not None else set()
    if name in seen:
        return False
    seen.add(name)
    f = drv.funcs[name]
    return any(m.group(1) != name and stops_device(src, drv, m.group(1), seen)
               for m in re.finditer(r"\b(\w+)\s*\(",
                                    src.code[f.open:f.close]))


def users(src, drv, fns, field):
    out = []
    for name in sorted(fns):
        f = drv.funcs.get(name)
        if f and re.search(r"(->|\.)\s*%s\b" % re.escape(field),
                           src.code[f.open:f.close]):
            out.append(name)
    return out


@mutclass("dma_freed_before_stop", ["dma_freed_before_stop"], ["dma_"])
def dma_freed_before_stop(src):
    """remove's DMA free moved before its first unregister/free_irq()"""
    drv = Driver(src)
    if not drv.ok():
        return
    runtime = set(drv.funcs) - drv.probe_path - closure(drv.graph,
                                                           drv.removes)
    handlers = closure(drv.graph, irq_handlers(src))
    names = "|".join(sorted(UNREG) + ["free_irq", "devm_free_irq"])
    for fname in sorted(drv.removes):
        f = drv.funcs.get(fname)
        if not f:
            continue
        stops = src.calls(names, f.open, f.close)
        if not stops:
            continue
        s = stops[0]
        if any(stops_device(src, drv, m.group(1))
               for m in re.finditer(r"\b(\w+)\s*\(", src.code[f.open:s.start])):
            continue
        sspan = src.statement(s)
        if not sspan:
            continue
        for d in src.calls("|".join(DMA_FREE), s.start, f.close):
            i = DMA_FREE[d.name]
            if len(d.args) <= i or src.block(d.start) != src.block(s.start):
                continue
            a = re.sub(r"\s+", "", d.args[i]).lstrip("&(").rstrip(")")
            m = re.search(r"(->|\.)(\w+)$", re.sub(r"\[[^\[\]]*\]", "", a))
            if not m:
                continue
            field = m.group(2)
            ok = False
            for st in stops:
                if st.name in ("free_irq", "devm_free_irq"):
                    ok = ok or bool(users(src, drv, handlers, field))
                else:
                    ok = ok or bool(users(src, drv, runtime, field))
            if not ok:
                continue
            dspan = src.statement(d)
            if not dspan:
                continue
            moved = src.indent(s.start) + \
                src.text[dspan[0]:dspan[1]].lstrip(" \t")
            text = (src.text[:sspan[0]] + moved +
                    src.text[sspan[0]:dspan[0]] + src.text[dspan[1]:])
            yield (src.line_of(sspan[0]), "%s: %s() moved before %s()"
                   % (fname, d.name, s.name), text)
            break
