#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""The mutation corpus behind "make cocci-recall".

  corpus.py build KSRC OUT [--max N] [--seed S] [CLASS...]
      For every bug class (the mut_*.py modules beside this file), find the
      files of KSRC/drivers that are correct for it, inject the bug
      mechanically, and write up to N mutants per class (default 300, a
      sample drawn with seed S, at most 3 per file) to OUT/CLASS/mut/, the
      unmutated originals to OUT/CLASS/orig/, and OUT/CLASS/manifest (one
      line per mutant: mutant, original, source path, line, what changed)
      and OUT/CLASS/rules (the rules that should flag the class).
  corpus.py table OUT
      Read OUT/CLASS/{orig,mut}.reports (the rules' "file:line: rule:
      message" lines) and print per class: mutants, the share a rule
      flagged with a report the original does not have, originals, the
      share of originals with a report that known-bugs (beside this file)
      does not list as a real bug, and how many originals have such a
      known bug. Exits 1 when a class is under 90% recall or over 2% of its
      originals flagged.
  corpus.py classes
      The classes and their rules.

A mutant counts as found when one of the class's rules reports a line of
it that, mapped back to the original's line, the same rule does not
report in the original with the same message (numbers in messages
ignored). A report on a line the mutation wrote counts.
"""

import difflib
import glob
import importlib.util
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from ctext import CSource  # noqa: E402

CLASSES = {}
PER_FILE = 3


class MutClass:
    def __init__(self, name, rules, tokens, fn, doc):
        self.name = name
        self.rules = rules
        self.tokens = tokens
        self.fn = fn
        self.doc = doc


def mutclass(name, rules, tokens):
    """Register a generator fn(src) -> iter of (line, desc, new_text).
    tokens: the class applies only to files containing every token; the
    line is the first line the mutation changed, in the mutant."""
    def reg(fn):
        CLASSES[name] = MutClass(name, rules, tokens, fn,
                                 (fn.__doc__ or "").strip().split("\n")[0])
        return fn
    return reg


def load_classes():
    sys.modules.setdefault("corpus", sys.modules[__name__])
    for path in sorted(glob.glob(os.path.join(HERE, "mut_*.py"))):
        mod = os.path.basename(path)[:-3]
        spec = importlib.util.spec_from_file_location(mod, path)
        m = importlib.util.module_from_spec(spec)
        sys.modules[mod] = m
        spec.loader.exec_module(m)


def driver_files(ksrc):
    out = []
    for d, _, files in os.walk(os.path.join(ksrc, "drivers")):
        for f in files:
            if f.endswith(".c"):
                out.append(os.path.join(d, f))
    return sorted(out)


def build(ksrc, out, maxn, seed, names):
    classes = [CLASSES[n] for n in names] if names else list(CLASSES.values())
    found = {c.name: [] for c in classes}
    for path in driver_files(ksrc):
        with open(path, errors="replace") as f:
            text = f.read()
        todo = [c for c in classes if all(t in text for t in c.tokens)]
        if not todo:
            continue
        src = CSource(text)
        rel = os.path.relpath(path, ksrc)
        for c in todo:
            muts = []
            for line, desc, new in c.fn(src):
                if new != text:
                    muts.append((rel, line, desc, new))
            rnd = random.Random("%s %s %s" % (seed, c.name, rel))
            rnd.shuffle(muts)
            found[c.name] += [(m, text) for m in muts[:PER_FILE]]
    for c in classes:
        cands = found[c.name]
        random.Random("%s %s" % (seed, c.name)).shuffle(cands)
        cands = sorted(cands[:maxn], key=lambda x: (x[0][0], x[0][1]))
        d = os.path.join(out, c.name)
        for sub in ("orig", "mut"):
            os.makedirs(os.path.join(d, sub), exist_ok=True)
            for old in glob.glob(os.path.join(d, sub, "*.c")):
                os.unlink(old)
        origs, lines = {}, []
        for (rel, line, desc, new), text in cands:
            if rel not in origs:
                origs[rel] = "o%04d" % len(origs)
                with open(os.path.join(d, "orig", origs[rel] + ".c"), "w") as f:
                    f.write(text)
            mid = "m%04d" % len(lines)
            with open(os.path.join(d, "mut", mid + ".c"), "w") as f:
                f.write(new)
            lines.append("\t".join((mid, origs[rel], rel, str(line), desc)))
        with open(os.path.join(d, "manifest"), "w") as f:
            f.write("".join(x + "\n" for x in lines))
        with open(os.path.join(d, "rules"), "w") as f:
            f.write("".join(r + "\n" for r in c.rules))
        print("%-28s %4d mutants of %4d candidates, %4d originals"
              % (c.name, len(lines), len(found[c.name]), len(origs)))


REPORT = re.compile(r"^(.*/)?([mo]\d+)\.c:(\d+): ([\w]+): (.*)$")


def read_reports(path):
    """{file id: set of (line, rule, message without numbers)}"""
    reps = {}
    if not os.path.exists(path):
        return reps
    with open(path) as f:
        for ln in f:
            m = REPORT.match(ln.rstrip("\n"))
            if m:
                msg = re.sub(r"\d+", "#", m.group(5))
                reps.setdefault(m.group(2), set()).add(
                    (int(m.group(3)), m.group(4), msg))
    return reps


def line_map(orig, mut):
    """mutant line number -> original line number (None: written by the
    mutation). The common head and tail map directly; the lines between
    (a mutation is local) are matched with difflib."""
    a, b = orig.splitlines(), mut.splitlines()
    head = 0
    while head < min(len(a), len(b)) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < min(len(a), len(b)) - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    m = {k + 1: k + 1 for k in range(head)}
    for k in range(tail):
        m[len(b) - k] = len(a) - k
    sm = difflib.SequenceMatcher(None, a[head:len(a) - tail],
                                 b[head:len(b) - tail], autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            for k in range(j2 - j1):
                m[head + j1 + k + 1] = head + i1 + k + 1
    return m


def known_bugs():
    """{(path, line, rule)} of the reports on unmutated drivers triaged as
    real bugs (known-bugs beside this file)."""
    out = set()
    with open(os.path.join(HERE, "known-bugs")) as f:
        for ln in f:
            m = re.match(r"^([^#\s][^:]*):(\d+): (\w+):", ln)
            if m:
                out.add((m.group(1), int(m.group(2)), m.group(3)))
    return out


def score(d):
    """(mutants, found, originals, flagged originals, originals with a
    known bug, missed lines)"""
    ore = read_reports(os.path.join(d, "orig.reports"))
    mre = read_reports(os.path.join(d, "mut.reports"))
    n = found = 0
    missed = []
    with open(os.path.join(d, "manifest")) as f:
        rows = [ln.rstrip("\n").split("\t") for ln in f if ln.strip()]
    origs = sorted({r[1] for r in rows})
    path = {r[1]: r[2] for r in rows}
    known = known_bugs()
    knownbad = {o for o in origs
                if any((path[o], ln, r) in known for ln, r, _ in ore.get(o, ()))}
    flagged = sum(1 for o in origs if any(
        (path[o], ln, r) not in known for ln, r, _ in ore.get(o, ())))
    for mid, oid, rel, line, desc in rows:
        n += 1
        mine = mre.get(mid, set())
        if not mine:
            missed.append((rel, line, desc))
            continue
        with open(os.path.join(d, "orig", oid + ".c"), errors="replace") as f:
            otext = f.read()
        with open(os.path.join(d, "mut", mid + ".c"), errors="replace") as f:
            mtext = f.read()
        lm = line_map(otext, mtext)
        theirs = ore.get(oid, set())
        if any((lm.get(ln), r, msg) not in theirs for ln, r, msg in mine):
            found += 1
        else:
            missed.append((rel, line, desc))
    return n, found, len(origs), flagged, len(knownbad), missed


def table(out):
    bad = 0
    print("%-28s %8s %7s %9s %8s %6s %s" % (
        "class", "mutants", "found", "originals", "flagged", "known", "rules"))
    for d in sorted(glob.glob(os.path.join(out, "*", "manifest"))):
        d = os.path.dirname(d)
        name = os.path.basename(d)
        n, found, no, fl, kn, missed = score(d)
        with open(os.path.join(d, "rules")) as f:
            rules = ",".join(f.read().split())
        rec = 100.0 * found / n if n else 0.0
        share = 100.0 * fl / no if no else 0.0
        ok = n and rec >= 90.0 and share <= 2.0
        bad += not ok
        print("%-28s %8d %6.1f%% %9d %7.1f%% %6d %s%s" % (
            name, n, rec, no, share, kn, rules,
            "" if ok else "  <- under goal"))
        with open(os.path.join(d, "missed"), "w") as f:
            f.write("".join("%s:%s: %s\n" % m for m in missed))
    return 1 if bad else 0


def main(argv):
    load_classes()
    if len(argv) >= 4 and argv[1] == "build":
        args = argv[4:]
        maxn, seed, names = 300, "kbind", []
        while args:
            a = args.pop(0)
            if a == "--max":
                maxn = int(args.pop(0))
            elif a == "--seed":
                seed = args.pop(0)
            elif a in CLASSES:
                names.append(a)
            else:
                sys.exit("corpus: no class %s" % a)
        build(argv[2], argv[3], maxn, seed, names)
        return 0
    if len(argv) == 3 and argv[1] == "table":
        return table(argv[2])
    if len(argv) == 2 and argv[1] == "classes":
        for c in CLASSES.values():
            print("%-28s %-40s %s" % (c.name, ",".join(c.rules), c.doc))
        return 0
    sys.exit(__doc__)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
