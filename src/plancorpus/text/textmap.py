"""Text that remembers where each of its characters came from.

Cleaning rewrites the input (NFC, newlines, markup, repaired lines), yet every span we report
must point back at what the user actually has. :class:`MappedText` keeps the map as runs: a
run says that text ``[t, next t)`` came from source ``[s0, s1)``: one for one when the lengths
agree (copied text), spread evenly when they do not (a replacement). Every edit builds a new
map from the old one, so maps compose, and the cost is in the number of edits, not of
characters.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import regex

Edit = tuple[int, int, str]  # replace text[start:end] with the string
Run = tuple[int, int, int]  # (text start, source start, source end)


@dataclass(frozen=True, slots=True)
class MappedText:
    text: str
    runs: tuple[Run, ...]
    _starts_cache: list[int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts_cache", [r[0] for r in self.runs])

    @classmethod
    def identity(cls, text: str) -> MappedText:
        return cls(text, ((0, 0, len(text)),))

    def _run_at(self, offset: int) -> int:
        return max(0, bisect_right(self._starts_cache, offset) - 1)

    def _run_end(self, k: int) -> int:
        return self.runs[k + 1][0] if k + 1 < len(self.runs) else len(self.text)

    def source(self, offset: int) -> int:
        """Offset in the source for an offset in the text (the end maps to the end)."""
        offset = max(0, min(offset, len(self.text)))
        k = self._run_at(offset)
        t0, s0, s1 = self.runs[k]
        t1 = self._run_end(k)
        if t1 - t0 == s1 - s0 or t1 == t0:
            return min(s1, s0 + (offset - t0))
        return s0 + (offset - t0) * (s1 - s0) // (t1 - t0)

    def _copy(self, start: int, end: int, at: int, out: list[Run]) -> None:
        """Append the runs that map text[start:end], placed at text offset ``at``."""
        if start >= end:
            return
        k = self._run_at(start)
        while k < len(self.runs) and self.runs[k][0] < end:
            t0, s0, s1 = self.runs[k]
            t1 = self._run_end(k)
            a, b = max(t0, start), min(t1, end)
            if t1 - t0 == s1 - s0:
                out.append((at + a - start, s0 + a - t0, s0 + b - t0))
            else:
                out.append((at + a - start, self.source(a), self.source(b)))
            k += 1

    def edit(self, edits: Iterable[Edit]) -> MappedText:
        """Apply non-overlapping edits (sorted by start). A replacement maps to the source of
        what it replaces; unchanged text keeps its map."""
        pieces: list[str] = []
        runs: list[Run] = []
        pos = 0
        at = 0
        for start, end, repl in edits:
            if start < pos:
                raise ValueError("edits overlap or are not sorted")
            self._copy(pos, start, at, runs)
            pieces.append(self.text[pos:start])
            at += start - pos
            if repl:
                runs.append((at, self.source(start), self.source(end)))
                pieces.append(repl)
                at += len(repl)
            pos = end
        self._copy(pos, len(self.text), at, runs)
        pieces.append(self.text[pos:])
        text = "".join(pieces)
        return MappedText(text, tuple(_merge(runs, len(text))) or ((0, 0, 0),))

    def sub(
        self,
        pattern: str | regex.Pattern[str],
        repl: str | Callable[[regex.Match[str]], str],
        flags: int = 0,
    ) -> MappedText:
        """Like ``regex.sub`` but keeping the map."""
        rx = regex.compile(pattern, flags) if isinstance(pattern, str) else pattern
        fill = _filler(repl)
        edits: list[Edit] = []
        for m in rx.finditer(self.text):
            new = fill(m)
            if new != m.group(0):
                edits.append((m.start(), m.end(), new))
        return self.edit(edits) if edits else self

    def breakpoints(self) -> list[tuple[int, int]]:
        """The map as ``(text offset, source offset)`` pairs, one where each run starts."""
        return [(t, s) for t, s, _ in self.runs]


def _filler(
    repl: str | Callable[[regex.Match[str]], str],
) -> Callable[[regex.Match[str]], str]:
    """What replaces a match: ``repl`` called, its template expanded, or the plain string."""
    if callable(repl):
        return repl
    if "\\" in repl:
        return lambda m: str(m.expand(repl))
    return lambda m: repl


def _merge(runs: list[Run], text_len: int) -> list[Run]:
    """Join neighbouring runs that both copy one for one and continue each other."""
    if not runs:
        return []
    ends = [r[0] for r in runs[1:]] + [text_len]
    out: list[Run] = []
    out_one_for_one = False
    for (t, s, e), t_end in zip(runs, ends, strict=True):
        one_for_one = t_end - t == e - s
        if out and out_one_for_one and one_for_one and out[-1][2] == s:
            out[-1] = (out[-1][0], out[-1][1], e)
            continue
        out.append((t, s, e))
        out_one_for_one = one_for_one
    return out
