# SPDX-License-Identifier: GPL-2.0
"""Just enough C structure, from the text, to mutate real driver files.

A CSource keeps the file's text and a masked copy of the same length in
which comments, string and character literals and preprocessor lines are
blanked, so that searching for calls, braces and keywords finds code only
and every offset is valid in both. Nothing here parses C: functions are
found by their brace pairs at file level, statements by the semicolon
that ends them. A file whose braces do not pair up (unbalanced #ifdef
branches) has no functions, and so yields no mutant.
"""

import re

IDENT = r"[A-Za-z_]\w*"


NOISE = re.compile(r"""//[^\n]*|/\*.*?(?:\*/|\Z)|"(?:\\.|[^"\\\n])*"?"""
                   r"""|'(?:\\.|[^'\\\n])*'?|^[ \t]*\#(?:[^\n]*\\\n)*[^\n]*""",
                   re.S | re.M)


def _blank(m):
    t = m.group(0)
    if t[0] in "\"'":
        return t[0] + re.sub(r"[^\n]", " ", t[1:-1]) + t[-1] if len(t) > 1 else t
    return re.sub(r"[^\n]", " ", t)


def mask(text):
    """The text with comments, literals' contents and # lines replaced by
    spaces (newlines and the quotes kept)."""
    return NOISE.sub(_blank, text)


def match_close(code, i):
    """Offset of the bracket closing the one at code[i], or -1."""
    pairs = {"(": ")", "{": "}", "[": "]"}
    want = [pairs[code[i]]]
    j = i + 1
    while j < len(code):
        c = code[j]
        if c in pairs:
            want.append(pairs[c])
        elif c in ")}]":
            if c != want.pop():
                return -1
            if not want:
                return j
        j += 1
    return -1


class Func:
    """A function definition: name, parameter text, body braces."""

    def __init__(self, name, start, params, body_open, body_close):
        self.name = name
        self.start = start
        self.params = params
        self.open = body_open
        self.close = body_close


class Call:
    """A call name(args): offsets of the name, the parentheses, and each
    argument's stripped text."""

    def __init__(self, src, name, start, popen, pclose):
        self.name = name
        self.start = start
        self.open = popen
        self.close = pclose
        self.args = []
        depth, a = 0, popen + 1
        for k in range(popen + 1, pclose + 1):
            c = src.code[k]
            if c in "([{":
                depth += 1
            elif c in ")]}" and depth:
                depth -= 1
            elif (c == "," and depth == 0) or k == pclose:
                self.args.append(src.text[a:k].strip())
                a = k + 1


HEADER = re.compile(r"(" + IDENT + r")\s*\(([^;{}]*)\)\s*$")
KEYWORDS = {"if", "for", "while", "switch", "return", "sizeof", "do"}


class CSource:
    """One C file: its text, the masked code, its functions."""

    def __init__(self, text):
        self.text = text
        self.code = mask(text)
        self._funcs = None

    def functions(self):
        """The file-level function definitions, in order."""
        if self._funcs is not None:
            return self._funcs
        funcs, i, prev = [], 0, 0
        code = self.code
        while True:
            i = code.find("{", i)
            if i < 0:
                break
            close = match_close(code, i)
            if close < 0:
                self._funcs = []
                return self._funcs
            m = HEADER.search(code, prev, i)
            head = code[prev:i]
            if m and m.group(1) not in KEYWORDS and "=" not in head.split("(")[0]:
                funcs.append(Func(m.group(1), prev, m.group(2), i, close))
            i = prev = close + 1
        self._funcs = funcs
        return funcs

    def function(self, name):
        for f in self.functions():
            if f.name == name:
                return f
        return None

    def enclosing(self, pos):
        for f in self.functions():
            if f.open < pos < f.close:
                return f
        return None

    def calls(self, names, lo=0, hi=None):
        """Calls of the functions named by the regex names in [lo, hi)."""
        hi = len(self.code) if hi is None else hi
        pat = re.compile(r"\b(" + names + r")\s*\(")
        out = []
        for m in pat.finditer(self.code, lo, hi):
            if self.code[m.start() - 1:m.start()] in (".", ">"):
                continue
            close = match_close(self.code, m.end() - 1)
            if close > 0:
                out.append(Call(self, m.group(1), m.start(), m.end() - 1, close))
        return out

    def line_of(self, pos):
        return self.text.count("\n", 0, pos) + 1

    def line_span(self, pos):
        """[start, end) of the line holding pos, newline included."""
        s = self.text.rfind("\n", 0, pos) + 1
        e = self.text.find("\n", pos)
        return s, len(self.text) if e < 0 else e + 1

    def statement(self, call):
        """The span of whole lines of the expression statement "call;", or
        None when the call is part of a larger statement, shares a line
        with other code, or is the lone body of a brace-less if/else/loop
        (deleting it would change what follows)."""
        code = self.code
        after = code[call.close + 1:].lstrip(" \t")
        if not after.startswith(";"):
            return None
        semi = code.index(";", call.close + 1)
        s, _ = self.line_span(call.start)
        if code[s:call.start].strip():
            return None
        _, e = self.line_span(semi)
        if code[semi + 1:e].strip():
            return None
        before = code[:s].rstrip()
        if before.endswith(")") or re.search(r"\belse$|\bdo$", before):
            return None
        return s, e

    def block(self, pos):
        """(open, close) of the innermost {...} holding pos."""
        code, depth, i = self.code, 0, pos - 1
        while i >= 0:
            c = code[i]
            if c == "}":
                depth += 1
            elif c == "{":
                if depth == 0:
                    return i, match_close(code, i)
                depth -= 1
            i -= 1
        return None

    def if_block(self, pos):
        """(open, close) of the braces of the if-body holding pos directly,
        else None."""
        blk = self.block(pos)
        if not blk:
            return None
        head = self.code[:blk[0]].rstrip()
        if not head.endswith(")"):
            return None
        depth, i = 0, len(head) - 1
        while i >= 0:
            if head[i] == ")":
                depth += 1
            elif head[i] == "(":
                depth -= 1
                if depth == 0:
                    break
            i -= 1
        return blk if re.search(r"\bif\s*$", head[:i]) else None

    def goto_labels(self, func):
        body = self.code[func.open:func.close]
        return set(re.findall(r"\bgoto\s+(" + IDENT + r")\s*;", body))

    def on_error_path(self, pos, func):
        """pos is in an if-body that leaves (return or goto), or below a
        label that some goto of the function jumps to."""
        blk = self.if_block(pos)
        if blk and re.search(r"\b(return|goto)\b", self.code[pos:blk[1]]):
            return True
        labels = self.goto_labels(func)
        before = self.code[func.open:pos]
        for m in re.finditer(r"^\s*(" + IDENT + r")\s*:(?!:)", before, re.M):
            if m.group(1) in labels and m.group(1) != "default":
                return True
        return False

    def replace(self, a, b, new):
        return self.text[:a] + new + self.text[b:]

    def indent(self, pos):
        s, _ = self.line_span(pos)
        return re.match(r"[ \t]*", self.text[s:]).group(0)
