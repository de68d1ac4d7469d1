#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
#
# Summarise "make bench" runs: reads DIR/results.csv (one line per fio run,
# from bench/run.sh) and writes, per cell, the median IOPS of each driver,
# the ratio kbind/stock and its spread as DIR/summary.csv, the same as a
# Markdown table in DIR/table.md (also printed, ready for README.md), and
# DIR/plot.dat for bench/plot.gp.
#
# The ratio is the median of the per-rep ratios (rep N of kbind over rep N
# of stock, run back to back), the spread their min-max. The VM's speed
# drifts between modes almost 2x apart over tens of seconds (the host is
# itself virtual); a rep's two runs mostly share one, so pairing them
# cancels the drift that a ratio of the two drivers' medians would keep.
#
# Usage: summarize.py DIR

import csv
import statistics
import sys
from collections import defaultdict

CELL = ("kernel", "rw", "iodepth", "numjobs", "memory_backed", "irqmode")


def load(path):
    """{cell: {driver: {rep: iops}}} from results.csv."""
    runs = defaultdict(lambda: defaultdict(dict))
    with open(path, newline="") as f:
        for r in csv.DictReader(f):
            runs[tuple(r[k] for k in CELL)][r["driver"]][r["rep"]] = int(r["iops"])
    return runs


def summarize(runs):
    rows = []
    for cell, d in runs.items():
        reps = sorted(set(d["stock"]) & set(d["kbind"]), key=int)
        ratios = [d["kbind"][r] / d["stock"][r] for r in reps]
        stock = statistics.median(d["stock"].values())
        kbind = statistics.median(d["kbind"].values())
        rows.append(cell + (round(stock), round(kbind),
                            statistics.median(ratios), min(ratios),
                            max(ratios), len(reps)))
    return rows


def write_csv(path, rows):
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(CELL + ("stock_iops", "kbind_iops", "ratio", "ratio_min",
                           "ratio_max", "reps"))
        for r in rows:
            w.writerow(r[:8] + tuple(f"{x:.3f}" for x in r[8:11]) + r[11:])


def table(rows):
    out = ["| kernel | rw | iodepth | numjobs | memory_backed | irqmode "
           "| stock IOPS | kbind IOPS | kbind/stock (median per-rep) "
           "| per-rep min–max |",
           "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|"]
    for r in rows:
        flag = " **<0.97**" if r[8] < 0.97 else ""
        out.append("| {} | {} | {} | {} | {} | {} | {} | {} | {:.2f}{} | "
                   "{:.2f}–{:.2f} |".format(*r[:8], r[8], flag, r[9], r[10]))
    ratios = [r[8] for r in rows]
    out.append("")
    out.append(f"{len(rows)} cells, {rows[0][11]} reps each; median ratio "
               f"{statistics.median(ratios):.2f}, lowest {min(ratios):.2f}; "
               f"{sum(x < 1.0 for x in ratios)} below 1.00, "
               f"{sum(x < 0.97 for x in ratios)} below 0.97.")
    return "\n".join(out) + "\n"


def write_plot(path, rows):
    """One line per cell: label, then ratio/min/max for each kernel."""
    kernels = sorted({r[0] for r in rows}, key=lambda k: [int(x) for x in k.split(".")])
    by = {(r[0],) + r[1:6]: r for r in rows}
    cells = sorted({r[1:6] for r in rows}, key=lambda c: (c[0], *map(int, c[1:])))
    with open(path, "w") as f:
        f.write("cell " + " ".join(f"{k} {k}-min {k}-max" for k in kernels) + "\n")
        for c in cells:
            label = "{}:qd{}:j{}:m{}:i{}".format(c[0].replace("rand", ""), *c[1:])
            vals = []
            for k in kernels:
                r = by.get((k,) + c)
                vals += [f"{r[8]:.3f}", f"{r[9]:.3f}", f"{r[10]:.3f}"] if r else ["-"] * 3
            f.write(label + " " + " ".join(vals) + "\n")


def main():
    d = sys.argv[1]
    rows = sorted(summarize(load(f"{d}/results.csv")),
                  key=lambda r: ([int(x) for x in r[0].split(".")], r[1],
                                 *map(int, r[2:6])))
    if not rows:
        sys.exit("summarize: no complete cell in results.csv")
    write_csv(f"{d}/summary.csv", rows)
    write_plot(f"{d}/plot.dat", rows)
    md = table(rows)
    with open(f"{d}/table.md", "w") as f:
        f.write(md)
    print(md, end="")


main()
