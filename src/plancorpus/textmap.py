"""Text that remembers where each of its characters came from.

Cleaning rewrites the input (NFC, newlines, markup, repaired lines), yet every span we report
must point back at what the user actually has. :class:`MappedText` carries, for each character,
its offset in the original input; every edit builds a new one, so maps compose for free.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import regex

Edit = tuple[int, int, str]  # replace text[start:end] with the string


@dataclass(frozen=True, slots=True)
class MappedText:
    text: str
    origin: array  # type: ignore[type-arg]  # len(text) + 1 source offsets (last = end)

    @classmethod
    def identity(cls, text: str) -> MappedText:
        return cls(text, array("l", range(len(text) + 1)))

    def source(self, offset: int) -> int:
        return int(self.origin[max(0, min(offset, len(self.text)))])

    def edit(self, edits: Iterable[Edit]) -> MappedText:
        """Apply non-overlapping edits (sorted by start). Inserted text maps to the start of
        what it replaces; unchanged text keeps its mapping."""
        pieces: list[str] = []
        origin: array = array("l")  # type: ignore[type-arg]
        pos = 0
        for start, end, repl in edits:
            if start < pos:
                raise ValueError("edits overlap or are not sorted")
            pieces.append(self.text[pos:start])
            origin.extend(self.origin[pos:start])
            pieces.append(repl)
            if repl:
                anchor = self.origin[start]
                span = max(1, self.origin[end] - anchor)
                # spread the replacement over the replaced source range, monotonically
                n = len(repl)
                origin.extend(anchor + (i * span) // n for i in range(n))
            pos = end
        pieces.append(self.text[pos:])
        origin.extend(self.origin[pos:])
        return MappedText("".join(pieces), origin)

    def sub(
        self,
        pattern: str | regex.Pattern[str],
        repl: str | Callable[[regex.Match[str]], str],
        flags: int = 0,
    ) -> MappedText:
        """Like ``regex.sub`` but keeping the map."""
        rx = regex.compile(pattern, flags) if isinstance(pattern, str) else pattern
        edits: list[Edit] = []
        for m in rx.finditer(self.text):
            new = repl(m) if callable(repl) else m.expand(repl)
            if new != m.group(0):
                edits.append((m.start(), m.end(), new))
        return self.edit(edits) if edits else self

    def breakpoints(self) -> list[tuple[int, int]]:
        """Run-length form of the map: ``(text offset, source offset)`` wherever the two stop
        advancing together."""
        out: list[tuple[int, int]] = []
        prev = None
        for i, src in enumerate(self.origin):
            if prev is None or src != prev + 1:
                out.append((i, int(src)))
            prev = src
        return out
