"""Inline diff of two passages, over Vietnamese syllables grouped into words.

The text is cut into tokens (syllables, numbers, punctuation marks); tokens are compared by a
key (tone placement folded, and case or punctuation dropped when the options say so); the
longest common subsequence (rapidfuzz's Indel opcodes) gives the runs kept, and a deletion
next to an insertion becomes one replacement. At the ``word`` granularity a change never cuts
a word (underthesea's word segmentation): its edges move out to the word's edges on both sides,
so "xây dựng nông thôn mới" → "bảo vệ an ninh Tổ quốc" is one replacement, never a soup of
syllables. Segmentation is the costly part, so it runs only on a few syllables around each
edge of a change, and its results are cached.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import cast

from plancorpus.model.diff import DiffOptions, OpKind, TextOp
from plancorpus.text.lazyregex import lazy_compile
from plancorpus.text.vietnamese import fold_tone_placement

_TOKEN = lazy_compile(r"[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]")
_SENTENCE = lazy_compile(r"[^.;:!?\n]+(?:[.;:!?]+|\n|$)")
EDGE_WINDOW = 4  # syllables each side of a change's edge given to word segmentation

Op = tuple[str, int, int, int, int]


@dataclass(frozen=True, slots=True)
class Tokens:
    """Tokens of a text as parallel lists: offsets, and the keys they are compared by."""

    starts: list[int]
    ends: list[int]
    keys: list[str]

    def __len__(self) -> int:
        return len(self.keys)


@lru_cache(maxsize=8192)
def _syllables(text: str, ignore_case: bool, ignore_punctuation: bool) -> Tokens:
    folded = fold_tone_placement(text)
    if len(folded) != len(text):
        folded = text
    if ignore_case:
        folded = folded.lower()
    spans = [m.span() for m in _TOKEN.finditer(text)]
    if ignore_punctuation:
        spans = [(a, b) for a, b in spans if text[a].isalnum()]
    return Tokens([a for a, _ in spans], [b for _, b in spans], [folded[a:b] for a, b in spans])


def syllables(text: str, options: DiffOptions) -> Tokens:
    """Syllables, numbers and punctuation marks of ``text`` with their offsets and keys."""
    return _syllables(text, options.ignore_case, options.ignore_punctuation)


def sentences(text: str, options: DiffOptions) -> Tokens:
    out = Tokens([], [], [])
    for m in _SENTENCE.finditer(text):
        body = m.group().strip()
        if body:
            start = m.start() + m.group().index(body)
            out.starts.append(start)
            out.ends.append(start + len(body))
            out.keys.append(" ".join(syllables(body, options).keys))
    return out


@lru_cache(maxsize=16384)
def word_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Character spans of the words of ``text`` (underthesea's segmentation)."""
    from underthesea import word_tokenize  # heavy: loaded on the first word-level diff

    spans: list[tuple[int, int]] = []
    pos = 0
    for word in word_tokenize(text):
        first = True
        for part in word.split():
            at = text.find(part, pos)
            if at < 0:
                break
            if first:
                spans.append((at, at + len(part)))
                first = False
            else:
                spans[-1] = (spans[-1][0], at + len(part))
            pos = at + len(part)
    return tuple(spans)


def _ops(a_keys: list[str], b_keys: list[str]) -> list[Op]:
    """LCS opcodes with each deletion + insertion pair merged into a replacement."""
    from rapidfuzz.distance import Indel  # loaded on first use

    merged: list[Op] = []
    for op in Indel.opcodes(a_keys, b_keys):
        cur = (op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end)
        if merged and cur[0] != "equal" and merged[-1][0] != "equal":
            _, i1, _, j1, _ = merged[-1]
            merged[-1] = ("replace", i1, cur[2], j1, cur[4])
        else:
            merged.append(cur)
    return merged


class _Words:
    """Where words start and end among one side's tokens, asked near change edges only."""

    def __init__(self, text: str, toks: Tokens) -> None:
        self.text, self.toks = text, toks

    def _span(self, k: int) -> tuple[int, int]:
        t = self.toks
        lo = t.starts[max(0, k - EDGE_WINDOW)]
        hi = t.ends[min(len(t) - 1, k + EDGE_WINDOW)]
        at = t.starts[k] - lo
        for s, e in word_spans(self.text[lo:hi]):
            if s <= at < e:
                return s + lo, e + lo
        return t.starts[k], t.ends[k]

    def _joined(self, k: int) -> bool:
        """Could tokens ``k`` and ``k + 1`` be one word? Only two syllables of letters with
        nothing but spaces between them can; elsewhere no segmentation is needed."""
        t = self.toks
        if k < 0 or k + 1 >= len(t):
            return False
        gap = self.text[t.ends[k] : t.starts[k + 1]]
        first, second = self.text[t.starts[k]], self.text[t.starts[k + 1]]
        return first.isalpha() and second.isalpha() and gap.strip(" ") == ""

    def starts_word(self, k: int) -> bool:
        if k >= len(self.toks) or not self._joined(k - 1):
            return True
        return self._span(k)[0] >= self.toks.starts[k]

    def ends_word(self, k: int) -> bool:
        if k < 0 or not self._joined(k):
            return True
        return self._span(k)[1] <= self.toks.ends[k]


@dataclass
class _Run:
    tag: str
    i1: int
    i2: int
    j1: int
    j2: int


def _widen(ops: list[Op], wa: _Words, wb: _Words) -> list[Op]:
    """Move each change's edges out to word edges, taking from the equal runs beside it."""
    runs = [_Run(*op) for op in ops]
    for k, op in enumerate(runs):
        if op.tag == "equal":
            continue
        prev = runs[k - 1] if k and runs[k - 1].tag == "equal" else None
        while prev and prev.i2 > prev.i1 and not (wa.starts_word(op.i1) and wb.starts_word(op.j1)):
            prev.i2, prev.j2, op.i1, op.j1 = prev.i2 - 1, prev.j2 - 1, op.i1 - 1, op.j1 - 1
        nxt = runs[k + 1] if k + 1 < len(runs) and runs[k + 1].tag == "equal" else None
        while nxt and nxt.i2 > nxt.i1 and not (wa.ends_word(op.i2 - 1) and wb.ends_word(op.j2 - 1)):
            nxt.i1, nxt.j1, op.i2, op.j2 = nxt.i1 + 1, nxt.j1 + 1, op.i2 + 1, op.j2 + 1
    return _tidy([(r.tag, r.i1, r.i2, r.j1, r.j2) for r in runs])


def _tidy(ops: list[Op]) -> list[Op]:
    """Drop emptied equal runs, merge neighbouring changes, name each change by its sides."""
    merged: list[Op] = []
    for op in ops:
        if op[0] == "equal" and op[1] == op[2]:
            continue
        if merged and op[0] != "equal" and merged[-1][0] != "equal":
            _, i1, _, j1, _ = merged[-1]
            op = ("replace", i1, op[2], j1, op[4])
            merged.pop()
        merged.append(op)
    return [_retag(op) for op in merged]


def _retag(op: Op) -> Op:
    tag, i1, i2, j1, j2 = op
    if tag == "equal":
        return op
    if i1 == i2:
        return ("insert", i1, i2, j1, j2)
    if j1 == j2:
        return ("delete", i1, i2, j1, j2)
    return ("replace", i1, i2, j1, j2)


def _slice(text: str, toks: Tokens, i: int, j: int) -> str:
    """Text of tokens ``i..j`` with the space that follows them (up to the next token)."""
    if i >= j:
        return ""
    end = toks.starts[j] if j < len(toks) else len(text)
    return text[toks.starts[i] : end]


def inline_diff(a: str, b: str, options: DiffOptions) -> tuple[list[TextOp], int]:
    """The inline diff of ``a`` into ``b`` and the number of syllables kept (for the
    similarity, always counted on syllables)."""
    sa, sb = syllables(a, options), syllables(b, options)
    ops = _tidy(_ops(sa.keys, sb.keys))
    kept = sum(i2 - i1 for tag, i1, i2, _, _ in ops if tag == "equal")
    if options.granularity == "sentence":
        sa, sb = sentences(a, options), sentences(b, options)
        ops = _tidy(_ops(sa.keys, sb.keys))
    elif options.granularity == "word" and any(op[0] != "equal" for op in ops):
        ops = _widen(ops, _Words(a, sa), _Words(b, sb))
    out = [
        TextOp(op=cast(OpKind, tag), a=_slice(a, sa, i1, i2), b=_slice(b, sb, j1, j2))
        for tag, i1, i2, j1, j2 in ops
    ]
    return out, kept


@lru_cache(maxsize=8192)
def _count(text: str, ignore_punctuation: bool) -> int:
    found = _TOKEN.findall(text)
    return sum(1 for t in found if t[0].isalnum()) if ignore_punctuation else len(found)


def count_tokens(text: str, options: DiffOptions) -> int:
    """How many tokens ``syllables`` would give, without making them."""
    return _count(text, options.ignore_punctuation)
