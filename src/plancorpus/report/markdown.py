"""A :class:`PlanDiff` as Markdown: tables for sections, citations, metadata and findings, and
inline changes as ``~~deleted~~ **inserted**``.

The small helpers at the top (pieces of an inline diff, percentages, which plan a place is in,
the substitution sentence) are plain string work that the terminal and HTML renderers share.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Literal

from plancorpus.model.diff import (
    CitationChange,
    FieldChange,
    PlanDiff,
    SectionChange,
    Substitution,
    TextOp,
)
from plancorpus.model.findings import Finding, Place

PieceKind = Literal["equal", "delete", "insert"]
Piece = tuple[PieceKind, str]
Side = Literal["a", "b"]

KINDS = ("same", "changed", "renumbered", "moved", "added", "removed")
INLINE_KINDS = frozenset({"changed", "renumbered", "moved"})
_NO_SPACE_BEFORE = frozenset(",.;:!?)]}”’…%")
_NO_SPACE_AFTER = frozenset("([{“‘/")


# --- shared by the renderers -------------------------------------------------------------


def _expand(ops: Iterable[TextOp], side: Side | None) -> list[Piece]:
    """Each op's texts as pieces; unchanged text as plan ``side`` writes it (the two may differ
    in whitespace), A's when both plans are shown."""
    pieces: list[Piece] = []
    for op in ops:
        if op.op == "equal":
            pieces.append(("equal", op.b if side == "b" else op.a or op.b))
            continue
        if op.a and side != "b":
            pieces.append(("delete", op.a))
        if op.b and side != "a":
            pieces.append(("insert", op.b))
    return [p for p in pieces if p[1]]


def _needs_space(before: str, after: str) -> bool:
    return not (
        before[-1].isspace()
        or after[0].isspace()
        or after[0] in _NO_SPACE_BEFORE
        or before[-1] in _NO_SPACE_AFTER
    )


def _carries_whitespace(ops: list[TextOp]) -> bool:
    """Whether the ops keep the text's own whitespace (then their texts put end to end give
    the section back, "số " + "1258" + "/" …) rather than being bare words."""
    return any(t[:1].isspace() or t[-1:].isspace() for op in ops for t in (op.a, op.b))


def _spaced(pieces: list[Piece]) -> list[Piece]:
    """Bare words with a space between two that would otherwise run together."""
    out: list[Piece] = []
    for piece in pieces:
        if out and _needs_space(out[-1][1], piece[1]):
            out.append(("equal", " "))
        out.append(piece)
    return out


def op_pieces(ops: Iterable[TextOp], side: Side | None = None) -> list[Piece]:
    """The inline diff as (kind, text) pieces: both plans interleaved, or only what plan
    ``side`` has (``"a"``: equal and deleted text, ``"b"``: equal and inserted). Ops that keep
    their whitespace are put end to end; bare words get a space between them."""
    ops = list(ops)
    pieces = _expand(ops, side)
    return pieces if _carries_whitespace(ops) else _spaced(pieces)


_LIST_START = re.compile(r"[-+•*–—]\s|\d+(?:\.\d+)*[.)]\s|[a-zđ]\)\s|[IVXLCDM]+\.\s")
_HARD_END = frozenset("\n.:;!?")


def _is_soft_break(text: str, i: int) -> bool:
    """Whether the newline at ``i`` only wraps a line of the source: it sits inside a
    paragraph, not after a sentence or before a blank line or a list item."""
    before, after = i - 1, i + 1
    while before >= 0 and text[before] in " \t":
        before -= 1
    while after < len(text) and text[after] in " \t":
        after += 1
    if before < 0 or after >= len(text) or text[before] in _HARD_END or text[after] == "\n":
        return False
    return _LIST_START.match(text, after, after + 40) is None


def reflow(pieces: list[Piece]) -> list[Piece]:
    """Pieces with the source's line wrapping undone: a newline inside a paragraph becomes a
    space; paragraph breaks and list items keep theirs."""
    full = "".join(text for _, text in pieces)
    soft = {i for i, c in enumerate(full) if c == "\n" and _is_soft_break(full, i)}
    out: list[Piece] = []
    start = 0
    for kind, text in pieces:
        chars = (" " if start + i in soft else c for i, c in enumerate(text))
        out.append((kind, "".join(chars)))
        start += len(text)
    return out


def has_changes(ops: Iterable[TextOp]) -> bool:
    return any(op.op != "equal" for op in ops)


def _shorten(text: str, keep: int, head: bool, tail: bool) -> str:
    words = text.split()
    lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
    parts = [" ".join(words[:keep])] if head else []
    parts += ["…"] + ([" ".join(words[-keep:])] if tail else [])
    return lead + " ".join(parts) + trail


def elide(pieces: list[Piece], keep: int = 12) -> list[Piece]:
    """Long unchanged runs cut to their first ``keep`` words (where the heading is) and the
    ``keep`` words before the next change, around "…", so the changes stand out."""
    last = len(pieces) - 1
    return [
        (kind, _shorten(text, keep, head=True, tail=i < last))
        if kind == "equal" and len(text.split()) > 2 * keep + 4
        else (kind, text)
        for i, (kind, text) in enumerate(pieces)
    ]


def marks(change: SectionChange) -> list[str]:
    """The marks ``moved`` and ``renumbered`` the section has, whatever its kind."""
    flags = {"moved": change.moved, "renumbered": change.renumbered}
    return [m for m, flag in flags.items() if flag or change.kind == m]


def shown_inline(changes: list[SectionChange]) -> list[SectionChange]:
    """The sections whose inline changes a reader wants: changed, renumbered or moved."""
    return [c for c in changes if c.kind in INLINE_KINDS or marks(c)]


def change_title(change: SectionChange) -> str:
    """Path and kind, "II.3 → II.4 (renumbered)"; the heading comes with the inline diff."""
    return f"{section_path(change)} ({', '.join(dict.fromkeys([change.kind, *marks(change)]))})"


def percent(value: float) -> str:
    return f"{value * 100:.1f}%"


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def side_of(place: Place, diff: PlanDiff) -> str:
    """Which plan a place is in, "A" or "B"; else its source."""
    if place.source == diff.a_source:
        return "A"
    return "B" if place.source == diff.b_source else place.source


def section_path(change: SectionChange) -> str:
    """The section's path, "II.3", or "II.3 → II.4" when it was renumbered or moved."""
    a, b = change.a_path, change.b_path
    if a and b and a != b:
        return f"{a} → {b}"
    return b or a or "—"


def heading_of(change: SectionChange) -> str:
    return change.b_heading or change.a_heading or ""


def substitution_line(sub: Substitution) -> str:
    return (
        f"the whole plan was re-targeted from “{sub.a}” to “{sub.b}”: "
        f"{plural(sub.count, 'place')} ({sub.kind})"
    )


def counts_line(diff: PlanDiff) -> str:
    s = diff.summary
    return " · ".join(f"{getattr(s, kind)} {kind}" for kind in KINDS)


def citation_side(date: str | None, issuer: str | None) -> str:
    return ", ".join(x for x in (date, issuer) if x) or "—"


def one_line(text: str) -> str:
    return " ".join(text.split())


# --- Markdown ----------------------------------------------------------------------------

_MD_SPECIAL = "\\`*_~[]<>|#"


def md_escape(text: str) -> str:
    return "".join("\\" + c if c in _MD_SPECIAL else c for c in text)


def md_code(text: str) -> str:
    return f"`{text}`" if "`" not in text else md_escape(text)


def _cell(text: str | None) -> str:
    return md_escape(one_line(text)) if text else "—"


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return [*lines, ""]


_TAGS = {"~~": "del", "**": "ins"}


def _marked(core: str, mark: str) -> str:
    """``~~core~~``; ``<del>core</del>`` when ``core`` starts or ends with punctuation, where
    Markdown would not see ``~~`` or ``**`` next to a letter as emphasis ("nước**. Tiếp**")."""
    if unicodedata.category(core[0])[0] in "PS" or unicodedata.category(core[-1])[0] in "PS":
        tag = _TAGS[mark]
        return f"<{tag}>{md_escape(core)}</{tag}>"
    return f"{mark}{md_escape(core)}{mark}"


def _wrap(text: str, mark: str) -> str:
    """``text`` between ``mark`` s line by line, whitespace kept outside the marks."""
    out = []
    for line in text.split("\n"):
        core = line.strip()
        if not core:
            out.append(line)
            continue
        lead = line[: len(line) - len(line.lstrip())]
        trail = line[len(line.rstrip()) :]
        out.append(f"{lead}{_marked(core, mark)}{trail}")
    return "\n".join(out)


def md_inline(ops: Iterable[TextOp]) -> str:
    """``~~deleted~~ **inserted**`` in the unchanged text, long unchanged runs elided."""
    wraps = {"equal": "", "delete": "~~", "insert": "**"}
    parts = [
        md_escape(text) if kind == "equal" else _wrap(text, wraps[kind])
        for kind, text in elide(reflow(op_pieces(ops)))
    ]
    return "".join(parts).replace("\n", "  \n")


def _summary(diff: PlanDiff) -> list[str]:
    s = diff.summary
    return [
        "# Plan comparison",
        "",
        f"- **A:** {md_code(diff.a_source)}",
        f"- **B:** {md_code(diff.b_source)}",
        f"- **Similarity:** {percent(s.similarity)} ({md_escape(s.similarity_defined_as)})",
        f"- **Sections:** {counts_line(diff)}",
        "",
    ]


def _sections(changes: list[SectionChange]) -> list[str]:
    rows = [
        [c.kind, _cell(c.a_path), _cell(c.b_path), _cell(heading_of(c)), percent(c.similarity)]
        for c in changes
    ]
    header = ["Kind", "A", "B", "Heading", "Similarity"]
    return ["## Sections", "", *_table(header, rows)] if rows else []


def _inline_changes(changes: list[SectionChange]) -> list[str]:
    lines: list[str] = []
    for c in shown_inline(changes):
        title, heading = change_title(c), md_escape(one_line(heading_of(c)))
        if has_changes(c.ops):
            lines += [f"### {md_escape(title)}", "", md_inline(c.ops), ""]
        else:
            lines += [f"### {md_escape(title)} {heading}".rstrip(), "", "*(text unchanged)*", ""]
    return ["## Changes", "", *lines] if lines else []


def _substitutions(subs: list[Substitution]) -> list[str]:
    items = [f"- {md_escape(substitution_line(s))}" for s in subs]
    return ["## Substitutions", "", *items, ""] if items else []


def _citation_row(c: CitationChange) -> list[str]:
    a = citation_side(c.a_date, c.a_issuer) if c.kind != "added" else "—"
    b = citation_side(c.b_date, c.b_issuer) if c.kind != "removed" else "—"
    return [_cell(c.key), c.kind.replace("_", " "), _cell(a), _cell(b)]


def _citations(changes: list[CitationChange]) -> list[str]:
    rows = [_citation_row(c) for c in changes if c.kind != "same"]
    return ["## Citations", "", *_table(["Key", "Change", "A", "B"], rows)] if rows else []


def _metadata(changes: list[FieldChange]) -> list[str]:
    rows = [[f.field, f.kind, _cell(f.a), _cell(f.b)] for f in changes if f.kind != "same"]
    return ["## Metadata", "", *_table(["Field", "Change", "A", "B"], rows)] if rows else []


def _place(place: Place, diff: PlanDiff) -> str:
    where = side_of(place, diff) + (f" {place.section}" if place.section else "")
    return f"{md_escape(where)}: “{_cell(place.raw)}”"


def _findings(findings: list[Finding], diff: PlanDiff) -> list[str]:
    rows = [
        [
            f"F{i}",
            f"`{f.kind}`",
            _cell(f.message),
            "<br>".join(_place(p, diff) for p in f.places) or "—",
        ]
        for i, f in enumerate(findings, 1)
    ]
    return ["## Findings", "", *_table(["#", "Kind", "Message", "Places"], rows)] if rows else []


def diff_to_markdown(diff: PlanDiff) -> str:
    """The diff as one Markdown document."""
    lines = [
        *_summary(diff),
        *_substitutions(diff.substitutions),
        *_sections(diff.sections),
        *_inline_changes(diff.sections),
        *_citations(diff.citations),
        *_metadata(diff.metadata),
        *_findings(diff.findings, diff),
    ]
    return "\n".join(lines).rstrip() + "\n"
