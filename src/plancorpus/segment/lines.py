"""Lines of :attr:`Plan.text` with their offsets, and column cells within a line.

A text export of a two-column block puts both columns on one line
("Nơi nhận:                GIÁM ĐỐC"); :func:`cells` splits such a line at wide gaps.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from plancorpus.model.plan import Span
from plancorpus.text.lazyregex import lazy_compile


@dataclass(frozen=True, slots=True)
class Cell:
    start: int  # offset in Plan.text
    end: int
    text: str
    column: int  # visual column (tabs expanded) where the cell starts

    @property
    def span(self) -> Span:
        return Span(start=self.start, end=self.end)


@dataclass(frozen=True, slots=True)
class Line:
    no: int
    start: int
    end: int  # offset of the newline (exclusive end of the text)
    text: str

    @property
    def stripped(self) -> str:
        return self.text.strip()

    @property
    def blank(self) -> bool:
        return not self.text.strip()

    @property
    def indent(self) -> int:
        return len(self.text.expandtabs(8)) - len(self.text.expandtabs(8).lstrip())

    @property
    def content_start(self) -> int:
        return self.start + len(self.text) - len(self.text.lstrip())

    @property
    def content_end(self) -> int:
        return self.start + len(self.text.rstrip())

    @property
    def span(self) -> Span:
        return Span(start=self.content_start, end=self.content_end)


def first_nonblank(lines: list[Line], start: int = 0) -> int | None:
    """Index of the first line from ``start`` that is not blank, or None."""
    for i in range(start, len(lines)):
        if not lines[i].blank:
            return i
    return None


def split_lines(text: str) -> list[Line]:
    out: list[Line] = []
    pos = 0
    for no, raw in enumerate(text.split("\n")):
        out.append(Line(no, pos, pos + len(raw), raw))
        pos += len(raw) + 1
    return out


# A column gap: a tab, three or more spaces, or two spaces after closing punctuation
# ("- Lưu: VT, VP.  Lê Anh Tuấn").
# a tab, three spaces or a table rule ("|", from web pages and markdown tables) part two cells
_GAP_WIDE = lazy_compile(r"[ ]*\t[ \t]*|[ ]{3,}|[ \t]*\|[ \t]*")
_GAP_AFTER_PUNCT = lazy_compile(r"(?<=[.;:,)])[ ]{2,}")


def cells(line: Line, after_punct: bool = True) -> list[Cell]:
    """Split a line into column cells at wide gaps."""
    text = line.text
    gaps = [(m.start(), m.end()) for m in _GAP_WIDE.finditer(text)]
    if after_punct:
        gaps += [(m.start(), m.end()) for m in _GAP_AFTER_PUNCT.finditer(text)]
    gaps.sort()
    out: list[Cell] = []
    pos = 0
    for g_start, g_end in [*gaps, (len(text), len(text))]:
        if g_start < pos:
            continue
        piece = text[pos:g_start]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            s = pos + lead
            e = pos + len(piece.rstrip())
            col = len(text[:s].expandtabs(8))
            out.append(Cell(line.start + s, line.start + e, text[s:e], col))
        pos = g_end
    return out


def cut_cell(cell: Cell, gaps: Iterable[tuple[int, int]]) -> list[Cell]:
    """``cell`` cut into pieces at ``gaps`` (start and end offsets in its text, in order), the
    gaps left out: the cells a copy joined with single spaces."""
    out: list[Cell] = []
    pos = 0
    for start, end in [*gaps, (len(cell.text), len(cell.text))]:
        out.append(Cell(cell.start + pos, cell.start + start, cell.text[pos:start], cell.column))
        pos = end
    return out
