"""A :class:`PlanDiff` for the terminal, with ``rich``: the summary, a table of sections,
coloured inline changes, substitutions, citations, metadata and findings.

On a colour terminal deleted text is red and struck through, inserted text green; as plain
text (a pipe, a file, ``diff_to_terminal``) the changes are marked ``[-deleted-]`` and
``{+inserted+}`` instead, so they still read without colour.
"""

from __future__ import annotations

import io

from rich import box
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from plancorpus.model.diff import CitationChange, PlanDiff, SectionChange, TextOp
from plancorpus.model.duplicates import Duplicates
from plancorpus.report.markdown import (
    change_title,
    citation_side,
    counts_line,
    elide,
    has_changes,
    heading_of,
    one_line,
    op_pieces,
    percent,
    reflow,
    shown_inline,
    side_of,
    substitution_line,
)

KIND_STYLES = {
    "same": "dim",
    "changed": "yellow",
    "renumbered": "cyan",
    "moved": "magenta",
    "added": "green",
    "removed": "red",
    "date_changed": "yellow",
    "issuer_changed": "yellow",
}
_STYLES = {"equal": "", "delete": "red strike", "insert": "green"}
_MARKS = {"equal": ("", ""), "delete": ("[-", "-]"), "insert": ("{+", "+}")}


def inline_text(ops: list[TextOp], plain: bool) -> Text:
    """The inline diff: coloured, or marked with ``[-…-]`` and ``{+…+}`` when ``plain``; long
    unchanged runs are elided."""
    text = Text()
    for kind, piece in elide(reflow(op_pieces(ops))):
        start, end = _MARKS[kind] if plain else ("", "")
        text.append(f"{start}{piece}{end}", style=_STYLES[kind])
    return text


def _title(label: str) -> Text:
    return Text(label, style="bold underline")


def _summary(diff: PlanDiff) -> RenderableType:
    s = diff.summary
    grid = Table.grid(padding=(0, 2))
    grid.add_row(Text("A", style="bold"), Text(diff.a_source))
    grid.add_row(Text("B", style="bold"), Text(diff.b_source))
    similarity = Text(percent(s.similarity), style="bold")
    similarity.append(f"  ({s.similarity_defined_as})", style="dim")
    grid.add_row(Text("similarity", style="bold"), similarity)
    grid.add_row(Text("sections", style="bold"), Text(counts_line(diff)))
    return Group(_title("Plan comparison"), grid)


def _kind(kind: str) -> Text:
    return Text(kind.replace("_", " "), style=KIND_STYLES.get(kind, ""))


def _sections(changes: list[SectionChange]) -> RenderableType:
    table = Table(box=box.SIMPLE_HEAD)
    for name in ("kind", "A", "B", "heading"):
        table.add_column(name, overflow="fold")
    table.add_column("similarity", justify="right")
    for c in changes:
        table.add_row(
            _kind(c.kind),
            Text(c.a_path or "—"),
            Text(c.b_path or "—"),
            Text(one_line(heading_of(c))),
            Text(percent(c.similarity)),
        )
    return Group(_title("Sections"), table)


def _changes(changes: list[SectionChange], plain: bool) -> list[RenderableType]:
    out: list[RenderableType] = []
    for c in shown_inline(changes):
        head = Text(change_title(c), style=f"bold {KIND_STYLES[c.kind]}")
        if has_changes(c.ops):
            out += [head, inline_text(c.ops, plain), Text()]
        else:
            head.append(f" {one_line(heading_of(c))}", style="bold")
            out += [head, Text("(text unchanged)", style="dim"), Text()]
    return [_title("Changes"), *out] if out else []


def _substitutions(diff: PlanDiff) -> list[RenderableType]:
    lines = [Text(f"• {substitution_line(s)}") for s in diff.substitutions]
    return [_title("Substitutions"), *lines, Text()] if lines else []


def _citation_row(c: CitationChange) -> list[Text]:
    a = citation_side(c.a_date, c.a_issuer) if c.kind != "added" else "—"
    b = citation_side(c.b_date, c.b_issuer) if c.kind != "removed" else "—"
    return [Text(c.key), _kind(c.kind), Text(a), Text(b)]


def _table(title: str, header: list[str], rows: list[list[Text]]) -> list[RenderableType]:
    if not rows:
        return []
    table = Table(box=box.SIMPLE_HEAD)
    for name in header:
        table.add_column(name, overflow="fold")
    for row in rows:
        table.add_row(*row)
    return [_title(title), table]


def _citations(diff: PlanDiff) -> list[RenderableType]:
    rows = [_citation_row(c) for c in diff.citations if c.kind != "same"]
    return _table("Citations", ["key", "change", "A", "B"], rows)


def _metadata(diff: PlanDiff) -> list[RenderableType]:
    rows = [
        [Text(f.field), _kind(f.kind), Text(one_line(f.a or "—")), Text(one_line(f.b or "—"))]
        for f in diff.metadata
        if f.kind != "same"
    ]
    return _table("Metadata", ["field", "change", "A", "B"], rows)


def _findings(diff: PlanDiff) -> list[RenderableType]:
    out: list[RenderableType] = []
    for i, f in enumerate(diff.findings, 1):
        line = Text(f"F{i} ", style="bold")
        line.append(f.kind, style="yellow")
        line.append(f"  {f.message}")
        out.append(line)
        for p in f.places:
            where = side_of(p, diff) + (f" {p.section}" if p.section else "")
            out.append(Text(f"    {where}: “{one_line(p.raw)}”"))
    return [_title("Findings"), *out] if out else []


def diff_renderables(diff: PlanDiff, plain: bool = False) -> list[RenderableType]:
    """Everything the terminal shows, in order, as ``rich`` renderables."""
    return [
        _summary(diff),
        Text(),
        *_substitutions(diff),
        _sections(diff.sections),
        *_changes(diff.sections, plain),
        *_citations(diff),
        *_metadata(diff),
        *_findings(diff),
    ]


def print_diff(diff: PlanDiff, console: Console | None = None) -> None:
    """Print the diff to ``console`` (stdout by default): coloured on a terminal, marked with
    ``[-…-]``/``{+…+}`` when colour is off or the output is not a terminal."""
    console = console or Console(highlight=False)
    plain = console.no_color or console.color_system is None
    for renderable in diff_renderables(diff, plain):
        console.print(renderable)


def diff_to_terminal(diff: PlanDiff, width: int | None = None) -> str:
    """The diff as plain text, laid out as on a terminal ``width`` columns wide (100 by
    default)."""
    buffer = io.StringIO()
    console = Console(
        file=buffer, width=width or 100, color_system=None, force_terminal=False, highlight=False
    )
    print_diff(diff, console)
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()) + "\n"


# --- near duplicates ----------------------------------------------------------------------------


def _short(source: str) -> str:
    return source.rsplit("/", 1)[-1]


def duplicates_renderables(found: Duplicates) -> list[RenderableType]:
    """The families (members, lineage) and the pairs, as rich renderables."""
    head = Text(
        f"{found.documents} documents · {len(found.pairs)} pairs at ≥ {found.threshold:.2f} · "
        f"{len(found.families)} families · {found.candidates} candidates verified"
    )
    notes = Text(f"similarity: {found.measure}\nboilerplate: {found.boilerplate.note}", "dim")
    out: list[RenderableType] = [head, notes]
    for fam in found.families:
        dates = f"{fam.first_date or '?'} .. {fam.last_date or '?'}"
        table = Table(title=f"{fam.id} · {fam.size} plans · {dates}", box=box.SIMPLE_HEAD)
        table.add_column("plan")
        table.add_column("derives from")
        table.add_column("similarity", justify="right")
        parent = {e.child: e for e in fam.lineage}
        for member in fam.members:
            edge = parent.get(member)
            mark = " (representative)" if member == fam.representative else ""
            table.add_row(
                _short(member) + mark,
                _short(edge.parent) if edge else "— (earliest)",
                f"{edge.similarity:.3f}" if edge else "",
            )
        out.append(table)
    if found.pairs:
        pairs = Table(title="pairs", box=box.SIMPLE_HEAD)
        for column in ("a", "b", "jaccard", "containment"):
            pairs.add_column(
                column, justify="right" if column in ("jaccard", "containment") else "left"
            )
        for p in found.pairs:
            pairs.add_row(_short(p.a), _short(p.b), f"{p.jaccard:.3f}", f"{p.containment:.3f}")
        out.append(pairs)
    return out


def print_duplicates(found: Duplicates, console: Console | None = None) -> None:
    console = console or Console(highlight=False)
    for renderable in duplicates_renderables(found):
        console.print(renderable)


def duplicates_to_text(found: Duplicates, width: int = 100) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, no_color=True, highlight=False)
    print_duplicates(found, console)
    return buffer.getvalue()
