#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
#
# Instructions per operation from the counting VMs of "make bench"
# (bench/run.sh). For each kernel, DIR/icount.runs names the kernel's
# symbols (bench-syms/KVER/kallsyms: "ADDRESS NAME") and its VM's
# directory: icount.txt (bench/plugin/kbind_icount.c: per phase, the
# user-space count and the kernel's per function or per address) and
# results.tap (the guest's module symbols and, per driver and cell, the
# I/Os and marker of each phase).
#
# Each driver and cell (or operation: the misc and edu samples against
# their raw twins, bench/guest/20-ops-icount.sh) has four phases of N,
# 2N, N and 2N I/Os (operations): the
# differences 2-1 and 4-3 each measure N I/Os. The count per I/O is their
# mean; their spread (the larger over the smaller, less one) shows how far
# the measure reproduces. Writes DIR/icount.csv, DIR/icount.md (also
# printed; with the IOPS ratios of DIR/summary.csv where the IOPS half
# ran), DIR/icount-functions.md (per cell where kbind runs more
# instructions than stock: the functions that differ most) and
# DIR/icount.dat for bench/icount.gp.
#
# Usage: icount.py DIR

import bisect
import csv
import statistics
import sys
from collections import defaultdict

CELL = ("kernel", "rw", "iodepth", "numjobs", "memory_backed", "irqmode")
MODULE = {"stock": "null_blk", "kbind": "kbind_null_blk"}
TOP = 12        # functions listed per cell in icount-functions.md


class Symbols:
    """Function names of kernel addresses: the kernel's, from KALLSYMS
    ("ADDRESS NAME" lines), and the modules' of one listing of the guest's
    (MODULES: (address, type, name, module) tuples)."""

    def __init__(self, kallsyms, modules):
        syms = list(kallsyms)
        syms += [(a, f"{n} [{m}]") for a, t, n, m in modules if t in "tTwW"]
        syms.sort()
        self.addrs = [a for a, _ in syms]
        self.names = [n for _, n in syms]
        self.cache = {}

    def name(self, addr):
        n = self.cache.get(addr)
        if n is None:
            i = bisect.bisect_right(self.addrs, addr) - 1
            n = self.names[i] if i >= 0 else "?"
            self.cache[addr] = n
        return n


def read_kallsyms(path):
    with open(path) as f:
        return [(int(a, 16), n) for a, n in (line.split() for line in f)]


def read_results(path, kallsyms):
    """The guest's result lines, each with the Symbols of the module
    listing (bench/guest/icount.lib: syms) last printed before it: modules
    come and go (the stock PHY driver can only load once kbind's is gone),
    and a later one may take an earlier one's addresses."""
    text = dict((n, a) for a, n in kallsyms).get("_text")
    out, listing, syms, prev = [], [], None, ""
    for line in open(path, errors="replace"):
        f = line.strip().split(",")
        if f[0] == "icount-sym":
            if prev != "icount-sym":
                listing, syms = [], None
            if f[4]:
                listing.append((int(f[1], 16), f[2], f[3], f[4]))
            elif f[3] == "_text" and int(f[1], 16) != text:
                sys.exit(f"icount: {path}: the kernel moved since its "
                         "symbols were listed (KASLR?)")
        elif f[0] in ("icount-nullb", "icount-op"):
            if syms is None:
                syms = Symbols(kallsyms, listing)
            out.append((f, syms))
        prev = f[0]
    return out


def phases(path, wanted):
    """{marker: (user count, {function: count})} from icount.txt, for the
    markers of WANTED ({marker: Symbols}), named with their Symbols."""
    out = {}
    syms = None
    with open(path) as f:
        for line in f:
            kind = line[0]
            if kind == "K":
                if syms:
                    _, addr, n = line.split()
                    fn = syms.name(int(addr, 16))
                    funcs[fn] = funcs.get(fn, 0) + int(n)
            elif kind == "M":
                marker = int(line.split()[1])
                syms = wanted.get(marker)
                funcs = {}
            elif kind == "U":
                user = int(line.split()[1])
            elif kind == "E" and syms:
                out[marker] = (user, funcs)
    return out


def measure(ph, fields, module):
    """Per I/O, from the phases of one driver and cell: (guest, driver
    text, {function: count}) for each of the two differences."""
    ios = [int(x) for x in fields[0::2]]
    marks = [int(x) for x in fields[1::2]]
    out = []
    for a, b in ((0, 1), (2, 3)):
        (ua, fa), (ub, fb) = ph[marks[a]], ph[marks[b]]
        n = ios[b] - ios[a]
        funcs = {k: (fb.get(k, 0) - fa.get(k, 0)) / n
                 for k in set(fa) | set(fb)}
        guest = (ub - ua) / n + sum(funcs.values())
        text = sum(v for k, v in funcs.items()
                   if k.endswith(f" [{module}]"))
        out.append((guest, text, funcs))
    return out


def spread(a, b):
    lo, hi = sorted((a, b))
    return hi / lo - 1 if lo > 0 else (0.0 if hi == lo else float("inf"))


def summarize(ph, fields, module):
    """(guest, text, spread guest, spread text, funcs) of one driver from
    the I/O counts and markers of its four phases."""
    (g1, t1, f1), (g2, t2, f2) = measure(ph, fields, module)
    funcs = {k: (f1.get(k, 0) + f2.get(k, 0)) / 2 for k in set(f1) | set(f2)}
    return ((g1 + g2) / 2, (t1 + t2) / 2, spread(g1, g2), spread(t1, t2),
            funcs)


def load(d):
    """Two maps {cell: {driver: summarize()}}: null_blk cells (kernel and
    the five parameters; drivers stock and kbind) and other hot paths
    (kernel, operation; drivers raw and kbind)."""
    nullb, ops = defaultdict(dict), defaultdict(dict)
    with open(f"{d}/icount.runs") as f:
        runs = [line.split() for line in f if line.strip()]
    for kver, label, kallsyms, vmdir in runs:
        lines = read_results(f"{vmdir}/results.tap", read_kallsyms(kallsyms))
        wanted = {}
        for f, syms in lines:
            first = 7 if f[0] == "icount-nullb" else 4
            for m in f[first + 1:first + 8:2]:
                wanted[int(m)] = syms
        ph = phases(f"{vmdir}/icount.txt", wanted)
        for f, _ in lines:
            if f[0] == "icount-nullb":
                nullb[(label,) + tuple(f[1:6])][f[6]] = \
                    summarize(ph, f[7:15], MODULE[f[6]])
            else:
                ops[(label, f[1])][f[2]] = summarize(ph, f[4:12], f[3])
    return ({c: d for c, d in nullb.items() if len(d) == 2},
            {c: d for c, d in ops.items() if len(d) == 2})


def sort_key(cell):
    return ([int(x) for x in cell[0].split(".")], cell[1],
            *map(int, cell[2:6]))


def write_csv(path, cells):
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(CELL + ("driver", "guest_per_io", "guest_spread",
                           "text_per_io", "text_spread"))
        for cell in sorted(cells, key=sort_key):
            for drv in ("stock", "kbind"):
                g, t, sg, st, _ = cells[cell][drv]
                w.writerow(cell + (drv, f"{g:.1f}", f"{sg:.5f}",
                                   f"{t:.1f}", f"{st:.5f}"))


def ratio(k, s):
    return k / s if s else float("inf")


def read_iops(d):
    """{cell: "ratio (min-max)"} from the IOPS half's summary.csv, if any."""
    try:
        with open(f"{d}/summary.csv", newline="") as f:
            return {tuple(r[k] for k in CELL):
                    f"{float(r['ratio']):.2f} ({float(r['ratio_min']):.2f}–"
                    f"{float(r['ratio_max']):.2f})"
                    for r in csv.DictReader(f)}
    except FileNotFoundError:
        return {}


def table(cells, iops):
    out = ["| kernel | rw | iodepth | numjobs | memory_backed | irqmode "
           "| IOPS kbind/stock (per-rep min–max) "
           "| guest insns/I/O stock | kbind | kbind/stock "
           "| driver text insns/I/O stock | kbind | kbind/stock "
           "| spread |",
           "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|"]
    spreads, over = [], []
    for cell in sorted(cells, key=sort_key):
        s, k = cells[cell]["stock"], cells[cell]["kbind"]
        rg, rt = ratio(k[0], s[0]), ratio(k[1], s[1])
        sp = max(s[2], s[3], k[2], k[3])
        spreads.append(sp)
        if rg > 1 or rt > 1:
            over.append(cell)
        out.append("| {} | {} | {} | {} | {} | {} | {} | {:.0f} | {:.0f} "
                   "| {:.3f}{} | {:.0f} | {:.0f} | {:.3f}{} | {:.2%} |".format(
                       *cell, iops.get(cell, "–"), s[0], k[0], rg,
                       " **>1**" if rg > 1 else "", s[1], k[1], rt,
                       " **>1**" if rt > 1 else "", sp))
    out.append("")
    out.append(f"{len(cells)} cells; guest kbind/stock median "
               f"{statistics.median(ratio(c['kbind'][0], c['stock'][0]) for c in cells.values()):.3f}, "
               f"driver text median "
               f"{statistics.median(ratio(c['kbind'][1], c['stock'][1]) for c in cells.values()):.3f}; "
               f"{len(over)} cells with kbind above stock in either; "
               f"largest spread between the two measures {max(spreads):.2%}.")
    return "\n".join(out) + "\n", over


def breakdown(title, unit, base_name, base, k, keep_own):
    """One section of icount-functions.md: BASE (stock or raw) against K
    (kbind), the TOP functions whose count per I/O or operation differs
    most; with KEEP_OWN, every function of the drivers' own text first."""
    out = [f"## {title}", "",
           f"guest {base[0]:.0f} -> {k[0]:.0f}, driver text {base[1]:.0f} "
           f"-> {k[1]:.0f} instructions per {unit}", "",
           f"| function | {base_name} | kbind | kbind - {base_name} |",
           "|---|--:|--:|--:|"]
    fb, fk = dict(base[4]), dict(k[4])
    fb["(user)"] = base[0] - sum(base[4].values())
    fk["(user)"] = k[0] - sum(k[4].values())
    diff = {n: fk.get(n, 0) - fb.get(n, 0) for n in set(fb) | set(fk)}
    own = sorted(n for n in diff if keep_own and n.endswith("]")
                 and abs(diff[n]) >= 0.05)
    rest = sorted((n for n in diff if n not in own),
                  key=lambda n: (-abs(diff[n]), n))[:TOP]
    for n in own + rest:
        out.append(f"| `{n}` | {fb.get(n, 0):.1f} | {fk.get(n, 0):.1f} "
                   f"| {diff[n]:+.1f} |")
    return out + [""]


def functions(cells, over):
    """Per cell where kbind is above stock: the functions whose count per
    I/O differs most between the drivers (a driver's own functions under
    their module's name)."""
    out = ["# Instructions per I/O by function, where kbind is above stock",
           "",
           "Per cell: the functions whose instructions per I/O differ most "
           "between the two drivers (kbind minus stock; `[module]` marks "
           "a driver's own text, `(user)` fio's user-space code).", ""]
    for cell in sorted(over, key=sort_key):
        out += breakdown("{} {} iodepth={} numjobs={} memory_backed={} "
                         "irqmode={}".format(*cell), "I/O", "stock",
                         cells[cell]["stock"], cells[cell]["kbind"], False)
    return "\n".join(out) + "\n"


def write_plot(path, cells, ops):
    """One line per null_blk cell, then per operation (kbind against its
    raw twin): label, then the guest and driver text ratios for each
    kernel."""
    kernels = sorted({c[0] for c in list(cells) + list(ops)},
                     key=lambda k: [int(x) for x in k.split(".")])
    labels = sorted({c[1:6] for c in cells},
                    key=lambda c: (c[0], *map(int, c[1:])))
    with open(path, "w") as f:
        f.write("cell " + " ".join(f"{k}-guest {k}-text" for k in kernels)
                + "\n")
        for c in labels:
            vals = []
            for k in kernels:
                d = cells.get((k,) + c)
                vals += ([f"{ratio(d['kbind'][0], d['stock'][0]):.4f}",
                          f"{ratio(d['kbind'][1], d['stock'][1]):.4f}"]
                         if d else ["-", "-"])
            f.write("{}:qd{}:j{}:m{}:i{} ".format(c[0].replace("rand", ""),
                                                 *c[1:]) +
                    " ".join(vals) + "\n")
        for op in sorted({c[1] for c in ops}):
            vals = []
            for k in kernels:
                d = ops.get((k, op))
                vals += ([f"{ratio(d['kbind'][0], d['raw'][0]):.4f}",
                          f"{ratio(d['kbind'][1], d['raw'][1]):.4f}"]
                         if d else ["-", "-"])
            f.write(f"{op} " + " ".join(vals) + "\n")


def ops_table(ops):
    out = ["| kernel | operation | guest insns/op raw | kbind | kbind/raw "
           "| driver text insns/op raw | kbind | kbind/raw | spread |",
           "|---|---|--:|--:|--:|--:|--:|--:|--:|"]
    for cell in sorted(ops, key=lambda c: ([int(x) for x in c[0].split(".")],
                                           c[1])):
        r, k = ops[cell]["raw"], ops[cell]["kbind"]
        rg, rt = ratio(k[0], r[0]), ratio(k[1], r[1])
        out.append("| {} | {} | {:.0f} | {:.0f} | {:.3f}{} | {:.0f} | {:.0f} "
                   "| {:.3f}{} | {:.2%} |".format(
                       *cell, r[0], k[0], rg, " **>1**" if rg > 1 else "",
                       r[1], k[1], rt, " **>1**" if rt > 1 else "",
                       max(r[2], r[3], k[2], k[3])))
    return "\n".join(out) + "\n"


def ops_functions(ops):
    """Per kernel and operation: every function of both drivers' text, and
    the rest of the guest's that differ most."""
    out = ["# Instructions per operation by function: kbind against its raw "
           "twin", ""]
    for cell in sorted(ops):
        out += breakdown(f"{cell[0]} {cell[1]}", "operation", "raw",
                         ops[cell]["raw"], ops[cell]["kbind"], True)
    return "\n".join(out) + "\n"


def main():
    d = sys.argv[1]
    cells, ops = load(d)
    if not cells and not ops:
        sys.exit("icount: nothing measured for both drivers")
    md, funcs = "", ""
    write_plot(f"{d}/icount.dat", cells, ops)
    if cells:
        write_csv(f"{d}/icount.csv", cells)
        md, over = table(cells, read_iops(d))
        funcs = functions(cells, over)
    if ops:
        md += "\n" + ops_table(ops)
        funcs += "\n" + ops_functions(ops)
    with open(f"{d}/icount.md", "w") as f:
        f.write(md)
    with open(f"{d}/icount-functions.md", "w") as f:
        f.write(funcs)
    print(md, end="")


main()
