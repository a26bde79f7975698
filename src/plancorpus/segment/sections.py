"""The numbered body of a document as a tree of :class:`Section` nodes.

Depth follows the numbering family: ``Phần``/``A.`` > ``I.`` > ``1.`` > ``1.1.`` > ``a)`` >
``-`` > ``+``; in normative texts ``Phần`` > ``Chương`` > ``Mục`` > ``Tiểu mục`` > ``Điều``
> ``1.`` (khoản) > ``a)`` (điểm), and an article may hold a plan's ``I.`` sections.
A label counts only at the start of a line and only when it continues its siblings'
sequence, so "Mục III" inside a sentence or a wrapped "2023." never opens a section.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from plancorpus.data import patterns
from plancorpus.model.plan import Section, Span
from plancorpus.segment.cues import find_head
from plancorpus.segment.labels import Label, label_of
from plancorpus.segment.lines import Line, first_nonblank
from plancorpus.text.lazyregex import lazy_compile
from plancorpus.text.numerals import LETTERS, roman_value
from plancorpus.text.vietnamese import collapse_spaces, is_upper_text

# normative levels, each its own: Phần > Chương > Mục > Tiểu mục > Điều (> khoản 1. > điểm a);
# an article sits just above "I.", so a decision whose "Điều 1." holds a whole plan keeps it
_NORMATIVE = (("tiểu", 0.8), ("mục", 0.7), ("chương", 0.5), ("phần", 0.0))


def _rank(label: Label) -> float:
    if label.kind == "part":
        word = label.label.split(maxsplit=1)[0].lower()
        return next((r for w, r in _NORMATIVE if word == w), 0.0)
    if label.kind == "article":
        return 0.9
    if label.kind == "roman":
        return 1
    if label.kind == "arabic":
        return 2
    if label.kind == "decimal":
        return 2 + label.label.count(".")
    if label.kind == "letter":
        return 6
    return 8 if label.label == "+" else 7


@dataclass
class _Node:
    label: Label
    line: int
    rank: float
    children: list[_Node] = field(default_factory=list)
    end_line: int = 0


def _next_ok(prev: str | None, label: Label) -> bool:
    """Does ``label`` continue the sequence whose last sibling is ``prev``?"""
    kind, lab = label.kind, label.label
    if kind in ("bullet", "part", "article"):
        return True
    if kind == "roman":
        v = roman_value(lab) or 0
        return v == 1 if prev is None else v == (roman_value(prev) or 0) + 1
    if kind == "arabic":
        return int(lab) == 1 if prev is None else int(lab) == int(prev) + 1
    if kind == "decimal":
        last = int(lab.rsplit(".", 1)[1])
        if prev is None or prev.rsplit(".", 1)[0] != lab.rsplit(".", 1)[0]:
            return last == 1
        return last == int(prev.rsplit(".", 1)[1]) + 1
    if kind == "letter":
        if lab not in LETTERS:
            return False
        if prev is None or prev not in LETTERS:
            return lab == "a"
        i, j = LETTERS.index(prev), LETTERS.index(lab)
        return j == i + 1 or (j == i + 2 and LETTERS[i + 1] == "đ")
    return False


def _skips_one(prev: str | None, label: Label) -> bool:
    """``label`` comes two after ``prev`` in an arabic or Roman sequence."""
    if prev is None or label.kind not in ("arabic", "roman"):
        return False
    if label.kind == "arabic":
        return int(label.label) == int(prev) + 2
    return (roman_value(label.label) or 0) == (roman_value(prev) or 0) + 2


_NUMERIC_CELL = lazy_compile(r"^[\d.,%()\-–]+$")
_CELL_GAP = lazy_compile(r"\t|\s{2,}")
_CLOSED = lazy_compile(r"[.:;!?]$")
_TRAILING_PUNCT = lazy_compile(r"[\s:;.,]+$")
_SPACES = lazy_compile(r"\s+")


def is_table_row(line: Line) -> bool:
    """A row of a table flattened to text: several cells, two or more of them numbers."""
    text = line.stripped
    return _numeric_cells(text) or _numeric_tail(text)


def _numeric_cells(text: str) -> bool:
    """Three or more cells parted by wide gaps, two or more of them numbers."""
    parts = _CELL_GAP.split(text)
    if len(parts) < 3:
        return False
    parts = [p for p in parts if p.strip()]
    numeric = sum(1 for p in parts if _NUMERIC_CELL.match(p.strip()))
    return len(parts) >= 3 and numeric >= 2


def _is_number(token: str) -> bool:
    return bool(_NUMERIC_CELL.match(token) and any(c.isdigit() for c in token))


def _numeric_tail(text: str) -> bool:
    """Flattened with single spaces ("1. Lương thực 148,69 99,69 126,75"): the line ends in
    numbers and numbers are a good share of it; a sentence may just mention a few."""
    tokens = text.split()[1:]
    if len(tokens) < 3 or not (_is_number(tokens[-1]) and _is_number(tokens[-2])):
        return False
    nums = [_is_number(t) for t in tokens]
    return sum(nums) >= 3 and sum(nums) >= 0.4 * len(nums)


def _ends_open(text: str) -> bool:
    """A line that stops mid-sentence (the next line continues it)."""
    return bool(text) and text[-1].isalnum()


class _Builder:
    def __init__(self, lines: list[Line], body: range) -> None:
        self.lines = lines
        self.body = body
        self.roots: list[_Node] = []
        self.stack: list[_Node] = []
        self.notes: list[tuple[str, str]] = []
        self.labels = _Labels(lines)

    def siblings(self, rank: float) -> list[_Node]:
        while self.stack and self.stack[-1].rank >= rank:
            self.stack.pop()
        return self.stack[-1].children if self.stack else self.roots

    def accept(self, i: int, label: Label) -> bool:
        rank = _rank(label)
        saved = list(self.stack)
        sibs = self.siblings(rank)
        # the last sibling of the same kind and rank (searched from the end: lists are long)
        kin = (n for n in reversed(sibs) if n.label.kind == label.kind and n.rank == rank)
        prev = next((n.label.label for n in kin), None)
        ok = _next_ok(prev, label)
        if not ok and label.kind == "roman" and is_upper_text(self.lines[i].stripped):
            ok = True
            self.notes.append(("numbering", f"line {i + 1}: {label.label} breaks the sequence"))
        if not ok and _skips_one(prev, label):
            ok = True  # "1, 2, 3, 5": one number skipped must not drop the rest of a section
            self.notes.append(("numbering", f"line {i + 1}: {label.label} skips a number"))
        if not ok and prev is None and label.kind == "arabic" and self._first_unnumbered(label):
            ok = True  # "Mục đích" / … / "2. Yêu cầu": the first item's number was left out
            self.notes.append(("numbering", f"line {i + 1}: {label.label} after an unnumbered 1"))
        if not ok and label.kind == "arabic" and prev is not None and int(label.label) == 1:
            ok = True  # a list restarts where the document's numbering was lost or is wrong
            self.notes.append(("numbering", f"line {i + 1}: numbering restarts at 1 after {prev}"))
        if not ok:
            self.stack = saved
            return False
        node = _Node(label, i, rank)
        parent = self.stack[-1].children if self.stack else self.roots
        parent.append(node)
        self.stack.append(node)
        return True

    def _first_unnumbered(self, label: Label) -> bool:
        """A "2." whose parent opens with a short unnumbered heading: the lost "1."."""
        if label.label != "2" or not self.stack:
            return False
        j = first_nonblank(self.lines, self.stack[-1].line + 1)
        if j is None:
            return False
        text = self.lines[j].stripped
        return (
            label_of(text) is None
            and 0 < len(text) <= 60
            and text[:1].isupper()
            and not _CLOSED.search(text)
        )

    def build(self) -> list[_Node]:
        prev_text = ""
        prev_blank = True
        prev_label = False
        for i in self.body:
            line = self.lines[i]
            text = line.stripped
            if not text:
                prev_blank = True
                continue
            label = self.labels.at(i)
            if label and is_table_row(line):
                label = None
            if (
                label
                and label.kind == "bullet"
                and not prev_blank
                and not prev_label
                and (_ends_open(prev_text))
            ):
                label = None  # "Bộ Lao động\n- Thương binh và Xã hội": a wrapped name
            is_label = bool(label and self.accept(i, label))
            prev_text, prev_blank, prev_label = text, False, is_label
        return self.roots


def wrap_width(lines: list[Line], zone: range) -> int:
    """Typical width of a full, hard-wrapped line in the zone (90th percentile)."""
    lengths = sorted(len(lines[i].stripped) for i in zone if not lines[i].blank)
    return lengths[int(0.9 * (len(lengths) - 1))] if lengths else 0


_BARE_LABEL = lazy_compile(r"^(?:\d{1,2}(?:\.\d{1,2}){0,2}\.?|[IVXL]{1,5}\.|[a-zđ]\))$")


class _Labels:
    """The label opening each line (label_of), worked out once per line."""

    def __init__(self, lines: list[Line]) -> None:
        self.lines = lines
        self.known: dict[int, Label | None] = {}

    def at(self, i: int) -> Label | None:
        if i not in self.known:
            text = self.lines[i].stripped
            self.known[i] = label_of(text) or self._alone(i, text)
        return self.known[i]

    def _alone(self, i: int, text: str) -> Label | None:
        """A label alone on its line, its heading on the next ("1." / "Mục đích: …", as a
        converter breaks a bold label from its text)."""
        if not _BARE_LABEL.match(text) or i + 1 >= len(self.lines) or self.lines[i + 1].blank:
            return None
        nxt = self.lines[i + 1].stripped
        if label_of(nxt) is not None:
            return None
        joined = label_of(f"{text} {nxt}")
        if joined is None or joined.kind == "bullet" or joined.end < len(text):
            return None
        return Label(kind=joined.kind, label=joined.label, end=len(text))


def _heading(
    lines: list[Line], i: int, label: Label, stop: int, width: int, labels: _Labels
) -> tuple[str, int]:
    """Heading text of the node at line ``i`` and the index of its last heading line."""
    first = lines[i].stripped[label.end :].strip()
    last = i
    if not first:
        # "Phần thứ nhất" alone on its line: the heading is on the next line(s)
        j = i + 1
        while j < stop and lines[j].blank:
            j += 1
        if j < stop and labels.at(j) is None:
            first, last, i = lines[j].stripped, j, j
    parts = [first]
    upper = is_upper_text(first) and label.kind in ("part", "roman", "article", "arabic", "decimal")
    j = i + 1
    while j < stop and upper:
        nxt = lines[j].stripped
        if not nxt or labels.at(j) or not is_upper_text(nxt):
            break
        parts.append(nxt)
        last = j
        j += 1
    if upper:
        return _strip_end(" ".join(parts)), last
    joined = first
    while j < stop and not _CLOSED.search(joined):
        nxt = lines[j].stripped
        # a line that runs to the wrap width was cut mid-sentence, whatever the next word's case
        wrapped = width > 0 and len(lines[j - 1].stripped) >= 0.75 * width and _name_start(nxt)
        if not nxt or labels.at(j) or not (nxt[0].islower() or nxt[0].isdigit() or wrapped):
            break
        joined = f"{joined} {nxt}"
        last = j
        j += 1
    return _strip_end(first_clause(joined)), last


def _name_start(text: str) -> bool:
    """Does the line open with a name ("Sở", "UBND", "Nhà nước") rather than a sentence?"""
    first = text.split(maxsplit=1)[0] if text.strip() else ""
    if not first[:1].isupper():
        return False
    if first.isupper() and len(first) > 1:
        return True
    if find_head(text) is not None:
        return True
    return any(text.startswith(w) for w in patterns.proper_words())


# a clause ends at a colon, a semicolon, a full stop, or a sub-item's label that a copy ran on
# after the heading ("Về Đại lý làm thủ tục hải quan 2.1. Điều kiện …")
_CLAUSE_END = lazy_compile(r"[:;]|\.(?=\s+[\p{Lu}\d“\"]|$)|\s(?=\d{1,2}\.\d{1,2}\.?\s+\p{Lu})")
_ABBREV_END = lazy_compile(r"(?:\b\p{Lu}{1,3}|\bv\.v|\bTP|\bTT|\bQ)\.$")


def first_clause(text: str) -> str:
    """Up to the first colon, semicolon or sentence end; a short heading that ends without a
    stop keeps its semicolon ("Tổ chức hội thi; thi vòng loại")."""
    text = collapse_spaces(text)
    heading_line = len(text) <= 120 and not _CLOSED.search(text)
    for m in _CLAUSE_END.finditer(text):
        if m.group(0) == ";" and heading_line:
            continue
        # an abbreviation ("TP.", "v.v.", "Q.") is at most four characters with its dot
        if m.group(0) == "." and _ABBREV_END.search(text, max(0, m.end() - 4), m.end()):
            continue
        return text[: m.start()]
    return text


def _strip_end(text: str) -> str:
    return str(_TRAILING_PUNCT.sub("", text)).strip()


def parse_sections(
    text: str, lines: list[Line], body: range
) -> tuple[list[Section], list[tuple[str, str]]]:
    builder = _Builder(lines, body)
    roots = builder.build()
    ordered: list[_Node] = []

    def flatten(nodes: list[_Node]) -> None:
        for n in nodes:
            ordered.append(n)
            flatten(n.children)

    flatten(roots)
    width = wrap_width(lines, body)
    # a node ends where the next node of the same or a higher rank begins
    stop_line = body.stop
    for k, node in enumerate(ordered):
        node.end_line = stop_line
        for later in ordered[k + 1 :]:
            if later.rank <= node.rank:
                node.end_line = later.line
                break
    return [_to_section(text, lines, n, 1, width, builder.labels) for n in roots], builder.notes


def parse_preamble(
    text: str, lines: list[Line], body: range, sections: list[Section]
) -> Section | None:
    """The body text before the first numbered section, as one node of kind ``preamble``;
    None when the body opens with a section (or is empty)."""
    stop = body.stop
    if sections:
        first = sections[0].span.start
        stop = next((i for i in body if lines[i].start <= first < lines[i].end + 1), stop)
    filled = [i for i in range(body.start, stop) if not lines[i].blank]
    if not filled:
        return None
    start, end = lines[filled[0]].content_start, lines[filled[-1]].content_end
    return Section(
        label="",
        kind="preamble",
        heading="",
        level=0,
        text=text[start:end],
        span=Span(start=start, end=end),
    )


def _content_end(lines: list[Line], start: int, stop: int) -> int:
    """Offset of the end of the last non-blank line in ``[start, stop)``."""
    for j in range(stop - 1, start - 1, -1):
        if not lines[j].blank:
            return lines[j].content_end
    return lines[start].content_end


def _to_section(
    text: str, lines: list[Line], node: _Node, level: int, width: int, labels: _Labels
) -> Section:
    line = lines[node.line]
    label_start = line.content_start
    body_start = label_start + node.label.end
    own_stop = node.children[0].line if node.children else node.end_line
    own_end = _content_end(lines, node.line, own_stop)
    heading, _ = _heading(lines, node.line, node.label, own_stop, width, labels)
    end = _content_end(lines, node.line, node.end_line)
    return Section(
        label=node.label.label,
        kind=node.label.kind,
        heading=heading,
        level=level,
        text=text[body_start : max(body_start, own_end)].strip(),
        children=[_to_section(text, lines, c, level + 1, width, labels) for c in node.children],
        span=Span(start=label_start, end=end),
    )


_APPENDIX_HEAD = lazy_compile(
    r"^(?P<lab>(?:PHỤ\s+LỤC|Phụ\s+lục)(?:\s+(?:số\s+|SỐ\s+)?(?:[IVXLC]+|\d{1,2}[a-z]?))?)"
    r"(?![\p{L}\d])\s*[.:\-–]?\s*(?P<rest>.*)$"
)


def parse_appendices(text: str, lines: list[Line], zone: range) -> list[Section]:
    """The appendices after the signature ("Phụ lục I. DANH SÁCH …", "PHỤ LỤC 2" / its heading
    on the next line), each a node of kind ``appendix`` that holds its own numbered sections;
    a document attached before them (the plan a decision issues) is a first such node, with
    an empty label."""
    heads = [i for i in zone if _APPENDIX_HEAD.match(lines[i].stripped)]
    out: list[Section] = []
    before = range(zone.start, heads[0] if heads else zone.stop)
    attached = _attached(text, lines, before)
    if attached is not None:
        out.append(attached)
    for k, i in enumerate(heads):
        stop = heads[k + 1] if k + 1 < len(heads) else zone.stop
        m = _APPENDIX_HEAD.match(lines[i].stripped)
        assert m is not None
        heading, first = m.group("rest").strip(), i + 1
        if not heading:
            nxt = next((j for j in range(i + 1, stop) if not lines[j].blank), None)
            if nxt is not None and is_upper_text(lines[nxt].stripped):
                heading, first = lines[nxt].stripped, nxt + 1
        children, _ = parse_sections(text, lines, range(first, stop))
        start, end = lines[i].content_start, _content_end(lines, i, stop)
        body_start = lines[first].start if first < stop else end
        out.append(
            Section(
                label=_SPACES.sub(" ", m.group("lab")),
                kind="appendix",
                heading=_strip_end(heading),
                level=1,
                text=text[body_start:end].strip(),
                children=children,
                span=Span(start=start, end=end),
            )
        )
    return out


def _attached(text: str, lines: list[Line], zone: range) -> Section | None:
    """A numbered document attached after the signature: its sections under one node."""
    children, _ = parse_sections(text, lines, zone)
    if not children:
        return None
    filled = [i for i in zone if not lines[i].blank]
    first = lines[filled[0]]
    heading = "" if label_of(first.stripped) else first.stripped
    start, end = first.content_start, _content_end(lines, filled[0], zone.stop)
    return Section(
        label="",
        kind="appendix",
        heading=_strip_end(heading),
        level=1,
        text=text[start:end],
        children=children,
        span=Span(start=start, end=end),
    )
