"""Pages as lines of positioned cells, and what we do with them whatever the PDF back-end.

- Two-column blocks (issuer | motto at the top, "Nơi nhận" | signature at the end) come out
  column by column: all of the left column, then all of the right.
- Tables with three or more columns stay row by row, cells separated by a tab.
- Page furniture (page numbers, running headers and footers) is set aside, with its page.
- E-signature stamps ("Cơ quan: …", "Giờ ký: …") become signing metadata.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from plancorpus.model.plan import Furniture, FurnitureKind, SigningStamp
from plancorpus.text.vietnamese import is_upper_text


@dataclass
class PCell:
    text: str
    x0: float
    x1: float


@dataclass
class PLine:
    cells: list[PCell]
    top: float  # distance from the top of the page
    bottom: float

    @property
    def text(self) -> str:
        return "\t".join(c.text for c in self.cells)

    @property
    def x0(self) -> float:
        return self.cells[0].x0

    @property
    def x1(self) -> float:
        return self.cells[-1].x1


@dataclass
class Page:
    number: int
    width: float
    height: float
    lines: list[PLine] = field(default_factory=list)


# --- columns ------------------------------------------------------------------------------------

_NUMBERISH = regex.compile(r"^[\d.,()%\-–/]+$")


def _is_layout_pair(line: PLine, page: Page) -> bool:
    """Two cells with the right one far to the right: a row of a two-column block."""
    if len(line.cells) != 2:
        return False
    left, right = line.cells
    return right.x0 >= 0.4 * page.width and not _NUMBERISH.match(left.text.strip())


def column_lines(page: Page) -> list[str]:
    """The page's lines in reading order, two-column blocks one column after the other."""
    out: list[str] = []
    lines = page.lines
    i = 0
    while i < len(lines):
        line = lines[i]
        if not _is_layout_pair(line, page):
            out.append(line.text)
            i += 1
            continue
        split = line.cells[1].x0
        margin = line.cells[0].x0  # where the left column starts
        tol = 0.05 * page.width
        left: list[str] = []
        right: list[str] = []
        j = i
        gap_limit = 3.5 * max(1.0, line.bottom - line.top)
        prev_bottom = line.bottom
        while j < len(lines):
            cur = lines[j]
            if j > i and cur.top - prev_bottom > gap_limit:
                break
            if len(cur.cells) > 2 and not all(
                c.x0 >= split - tol or c.x1 <= split for c in cur.cells
            ):
                break
            spans_both = any(c.x0 < split - tol and c.x1 > split + tol for c in cur.cells)
            if spans_both:
                break  # a full-width line ends the block
            if len(cur.cells) == 1 and not (abs(cur.x0 - margin) <= tol or cur.x0 >= split - tol):
                break  # in neither column (a centred "KẾ HOẠCH"): the block is over
            for cell in cur.cells:
                (right if cell.x0 >= split - tol else left).append(cell.text)
            prev_bottom = cur.bottom
            j += 1
        out.extend(left)
        out.extend(right)
        i = j
    return out


# --- furniture ----------------------------------------------------------------------------------

_PAGE_NUMBER = regex.compile(
    r"^\s*(?:[-–—]\s*)?(?:trang\s+)?\d{1,3}(?:\s*/\s*\d{1,3})?(?:\s*[-–—])?\s*$", regex.I
)


_DIGITS = regex.compile(r"\d+")


def _shape(text: str) -> str:
    """A line with its numbers blanked: running headers differ only in the page number."""
    return str(_DIGITS.sub("#", " ".join(text.split()).lower()))


def find_furniture(pages: list[Page]) -> set[tuple[int, int]]:
    """(page index, line index) of every furniture line: page numbers near the top or bottom,
    and lines repeated at the top or bottom of several pages."""
    marked: set[tuple[int, int]] = set()
    edge: dict[str, list[tuple[int, int]]] = {}
    for p, page in enumerate(pages):
        n = len(page.lines)
        for k, line in enumerate(page.lines):
            near_top = line.bottom <= 0.09 * page.height or k == 0
            near_bottom = line.top >= 0.91 * page.height or k == n - 1
            if not (near_top or near_bottom):
                continue
            if _PAGE_NUMBER.match(line.text) and (k in (0, 1, n - 2, n - 1)):
                marked.add((p, k))
            elif line.top <= 0.09 * page.height or line.top >= 0.91 * page.height:
                edge.setdefault(_shape(line.text), []).append((p, k))
    if len(pages) >= 3:
        for shape, where in edge.items():
            on_pages = {p for p, _ in where}
            if len(on_pages) >= max(2, int(0.4 * len(pages))) and shape.strip():
                marked.update(where)
    marked.update(_top_band_headers(pages))
    return marked


def _top_band_headers(pages: list[Page]) -> set[tuple[int, int]]:
    """A running header that starts on page 2: the first line of every later page, high in the
    top margin and well above the body, with the same words on each of those pages."""
    found: dict[str, list[tuple[int, int]]] = {}
    for p, page in enumerate(pages[1:], start=1):
        if len(page.lines) < 2:
            return set()
        first, second = page.lines[0], page.lines[1]
        height = max(1.0, first.bottom - first.top)
        if first.bottom > 0.08 * page.height or second.top - first.bottom < 2 * height:
            return set()
        found.setdefault(_shape(first.text), []).append((p, 0))
    if len(found) == 1 and not _PAGE_NUMBER.match(next(iter(found))):
        return set(next(iter(found.values())))
    return set()


def furniture_kind(page: Page, line: PLine) -> FurnitureKind:
    if _PAGE_NUMBER.match(line.text):
        return "page_number"
    return "running_header" if line.top < page.height / 2 else "running_footer"


# --- e-signature stamps -------------------------------------------------------------------------

_STAMP_LINE = regex.compile(
    r"^\s*(?P<field>Cơ\s*quan|Người\s*ký|Ký\s*bởi|Email|Giờ\s*ký|Thời\s*gian\s*ký|Ngày\s*ký|"
    r"Chức\s*vụ|Signed\s*by|Signing\s*time)\s*:\s*(?P<value>.*)$",
    regex.I,
)
_STAMP_TIME = regex.compile(
    r"(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})(?:\s+(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?)?"
)


def stamp_of(lines: list[str], page: int | None) -> SigningStamp:
    fields: dict[str, str] = {}
    for line in lines:
        m = _STAMP_LINE.match(line)
        if m:
            fields[regex.sub(r"\s+", "", m.group("field").lower())] = m.group("value").strip()
    when = fields.get("giờký") or fields.get("thờigianký") or fields.get("ngàyký") or ""
    t = _STAMP_TIME.search(when)
    signed_at = None
    if t:
        signed_at = f"{t['y']}-{int(t['m']):02d}-{int(t['d']):02d}"
        if t["H"]:
            signed_at += f"T{int(t['H']):02d}:{t['M']}:{t['S'] or '00'}"
    return SigningStamp(
        organization=fields.get("cơquan"),
        signer=fields.get("ngườiký") or fields.get("kýbởi") or fields.get("signedby"),
        signed_at=signed_at,
        raw="\n".join(lines),
        page=page,
    )


def take_stamps(lines: list[str], page: int | None) -> tuple[list[str], list[SigningStamp]]:
    """Split stamp lines (consecutive "Cơ quan: …" / "Giờ ký: …") from the other lines."""
    kept: list[str] = []
    stamps: list[SigningStamp] = []
    run: list[str] = []
    for line in [*lines, ""]:
        if _STAMP_LINE.match(line):
            run.append(line.strip())
            continue
        if run:
            if (
                any(regex.match(r"(?i)\s*(giờ|thời\s*gian|ngày)\s*ký", r) for r in run)
                or len(run) >= 2
            ):
                stamps.append(stamp_of(run, page))
            else:
                kept.extend(run)
            run = []
        kept.append(line)
    return kept[:-1], stamps


# --- assembly -----------------------------------------------------------------------------------


@dataclass
class Assembled:
    text: str
    page_starts: list[int]
    furniture: list[Furniture]
    signing: list[SigningStamp]


def assemble(pages: list[Page]) -> Assembled:
    """One text for the document: pages in order, furniture and stamps set aside."""
    marked = find_furniture(pages)
    furniture: list[Furniture] = []
    signing: list[SigningStamp] = []
    chunks: list[str] = []
    starts: list[int] = []
    pos = 0
    for p, page in enumerate(pages):
        body = Page(page.number, page.width, page.height)
        for k, line in enumerate(page.lines):
            if (p, k) in marked:
                furniture.append(
                    Furniture(
                        text=line.text.strip(), page=page.number, kind=furniture_kind(page, line)
                    )
                )
            else:
                body.lines.append(line)
        lines, stamps = take_stamps(column_lines(body), page.number)
        signing.extend(stamps)
        chunk = "\n".join(lines)
        if chunks:
            sep = "\n" if _runs_on(chunks[-1], chunk) else "\n\n"
            chunks.append(sep)
            pos += len(sep)
        starts.append(pos)
        chunks.append(chunk)
        pos += len(chunk)
    return Assembled("".join(chunks), starts, furniture, signing)


_SENTENCE_END = regex.compile(r"[.:;!?…)\]”\"]\s*$")
_LABEL_START = regex.compile(r"^\s*(?:[IVXL]+|\d+(?:\.\d+)*|[a-zđ])[.)]\s")


def _runs_on(before: str, after: str) -> bool:
    """Does a sentence run on over the page break? The page ends without closing its sentence
    (no final stop, not a heading) and the next page does not open a numbered item."""
    last = before.rstrip().rpartition("\n")[2]
    first = after.lstrip().partition("\n")[0]
    if not last or not first or _SENTENCE_END.search(last):
        return False
    return not (is_upper_text(last) or _LABEL_START.match(last) or _LABEL_START.match(first))
