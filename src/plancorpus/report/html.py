"""A :class:`PlanDiff` as one self-contained HTML page: no scripts, no network, the style in a
``<style>`` element.

The page opens with the summary (similarity and its definition, the counts), the
substitutions and the findings, then a table of sections that links to each section, and the
sections side by side (A left, B right) with deleted text in ``<del>`` and inserted text in
``<ins>``. Every text from the plans goes through :func:`html.escape`.
"""

from __future__ import annotations

import re
from html import escape
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
from plancorpus.report.markdown import (
    KINDS,
    Piece,
    citation_side,
    has_changes,
    heading_of,
    marks,
    op_pieces,
    percent,
    plural,
    reflow,
    side_of,
)

Anchors = dict[tuple[str, str], str]
Subs = dict[tuple[str, str], Substitution]

CSS = """
:root { --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --paper: #ffffff; --soft: #f6f8fa;
  --del-bg: #ffe4e4; --del-ink: #9a1c1c; --ins-bg: #dcf7e3; --ins-ink: #12552a;
  --sub-bg: #fff1c2; --sub-ink: #6b4700; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--soft); color: var(--ink); line-height: 1.5; font-size: 15px;
  font-family: "DejaVu Sans", "Noto Sans", "Segoe UI", Roboto, Arial, sans-serif; }
main { max-width: 1320px; margin: 0 auto; padding: 24px 28px 64px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 36px 0 12px; padding-bottom: 4px;
  border-bottom: 1px solid var(--line); }
a { color: #0b5cad; }
.card { background: var(--paper); border: 1px solid var(--line); border-radius: 8px;
  padding: 16px 20px; }
.sources { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px;
  margin: 8px 0 16px; }
.sources dt { font-weight: bold; } .sources dd { margin: 0; overflow-wrap: anywhere; }
.headline { display: flex; flex-wrap: wrap; gap: 24px; align-items: stretch; }
.similarity { min-width: 220px; }
.similarity .value { font-size: 40px; font-weight: bold; line-height: 1.1; }
.similarity .definition { color: var(--muted); font-size: 13px; max-width: 360px; }
.counts { display: flex; flex-wrap: wrap; gap: 10px; list-style: none; margin: 0; padding: 0; }
.counts li { min-width: 96px; padding: 8px 12px; border-radius: 6px; background: var(--soft);
  border-top: 4px solid var(--kind, var(--line)); }
.counts .n { display: block; font-size: 26px; font-weight: bold; }
.k-same { --kind: #6e7781; } .k-changed { --kind: #9a6700; } .k-renumbered { --kind: #0969da; }
.k-moved { --kind: #8250df; } .k-added { --kind: #1a7f37; } .k-removed { --kind: #cf222e; }
.badge { display: inline-block; padding: 0 8px; border-radius: 10px; font-size: 12px;
  color: #fff; background: var(--kind, #6e7781); white-space: nowrap; }
.badge.code { background: #6b4700; font-family: "DejaVu Sans Mono", monospace; }
table { width: 100%; border-collapse: collapse; background: var(--paper); font-size: 14px; }
th, td { text-align: left; vertical-align: top; padding: 6px 10px;
  border-bottom: 1px solid var(--line); overflow-wrap: anywhere; }
th { background: var(--soft); font-size: 13px; }
td.num { text-align: right; white-space: nowrap; }
th.tight { width: 1%; }
.tight-1 tr > :nth-child(-n+1), .tight-2 tr > :nth-child(-n+2), .tight-3 tr > :nth-child(-n+3) {
  white-space: nowrap; overflow-wrap: normal; }
.bar { display: inline-block; width: 60px; height: 6px; margin-left: 6px; background: var(--line);
  border-radius: 3px; vertical-align: middle; overflow: hidden; }
.bar > span { display: block; height: 100%; background: #2da44e; }
del.del { background: var(--del-bg); color: var(--del-ink); text-decoration: line-through; }
ins.ins { background: var(--ins-bg); color: var(--ins-ink); text-decoration: underline; }
del.sub, ins.sub, mark.sub { background: var(--sub-bg); }
mark.sub { color: var(--sub-ink); }
.subs li { margin: 4px 0; }
.finding { margin: 0 0 12px; border-left: 4px solid #9a6700; }
.finding h3 { font-size: 15px; margin: 0 0 4px; }
.finding ul { margin: 6px 0 0; padding-left: 20px; }
q { background: var(--soft); padding: 0 4px; border-radius: 3px; }
.span { color: var(--muted); font-size: 12px; }
.section { margin: 0 0 14px; padding: 0; border-left: 5px solid var(--kind, var(--line));
  scroll-margin-top: 12px; }
.section:target { outline: 3px solid #218bff; }
.section > header { padding: 8px 14px; border-bottom: 1px solid var(--line); display: flex;
  flex-wrap: wrap; gap: 6px 12px; align-items: baseline; }
.section .path { font-weight: bold; }
.section .mark { color: var(--muted); font-size: 13px; }
.pair { display: grid; grid-template-columns: 1fr 1fr; }
.side { padding: 10px 14px; min-width: 0; }
.side + .side { border-left: 1px solid var(--line); }
.side .label { color: var(--muted); font-size: 12px; margin-bottom: 4px; }
.side .text { white-space: pre-line; overflow-wrap: anywhere; margin: 0; }
.side.absent { background: repeating-linear-gradient(45deg, var(--soft), var(--soft) 6px,
  var(--paper) 6px, var(--paper) 12px); color: var(--muted); font-style: italic; }
details > summary { padding: 6px 14px; color: var(--muted); font-size: 13px; cursor: pointer; }
details[open] > summary { border-bottom: 1px solid var(--line); }
@media (max-width: 800px) { .pair { grid-template-columns: 1fr; }
  .side + .side { border-left: 0; border-top: 1px solid var(--line); } }
"""


def _e(text: str | None) -> str:
    return escape(text or "", quote=True)


# --- anchors -----------------------------------------------------------------------------


def _slug(path: str) -> str:
    return re.sub(r"[^\w.-]+", "-", path).strip("-") or "x"


def section_anchors(diff: PlanDiff) -> tuple[list[str], Anchors]:
    """An ``id`` for each section change ("sec-b-II.4", "sec-a-III.2" for a removed one), and
    the id each (side, path) pair points to."""
    ids: list[str] = []
    lookup: Anchors = {}
    for c in diff.sections:
        side, path = ("b", c.b_path) if c.b_path else ("a", c.a_path or "")
        base = f"sec-{side}-{_slug(path)}"
        anchor, n = base, 1
        while anchor in ids:
            n += 1
            anchor = f"{base}-{n}"
        ids.append(anchor)
        for key in (("a", c.a_path), ("b", c.b_path)):
            if key[1]:
                lookup.setdefault((key[0], key[1]), anchor)
    return ids, lookup


def place_anchor(place: Place, diff: PlanDiff, anchors: Anchors) -> str | None:
    if not place.section:
        return None
    side = side_of(place, diff).lower()
    sides = [side] if side in ("a", "b") else ["b", "a"]
    return next((anchors[(s, place.section)] for s in sides if (s, place.section) in anchors), None)


def finding_id(i: int) -> str:
    return f"finding-{i}"


# --- summary -----------------------------------------------------------------------------


def _summary(diff: PlanDiff) -> str:
    s = diff.summary
    counts = "".join(
        f'<li class="count k-{k}" id="count-{k}"><span class="n">{getattr(s, k)}</span>{k}</li>'
        for k in KINDS
    )
    return (
        '<header id="summary" class="card"><h1>Plan comparison</h1>'
        f'<dl class="sources"><dt>A</dt><dd>{_e(diff.a_source)}</dd>'
        f"<dt>B</dt><dd>{_e(diff.b_source)}</dd></dl>"
        '<div class="headline"><div class="similarity">'
        f'<div class="value" id="similarity">{percent(s.similarity)}</div>'
        f'<div class="definition">similarity: {_e(s.similarity_defined_as)}</div></div>'
        f'<ul class="counts" aria-label="sections">{counts}</ul></div></header>'
    )


def _substitutions(diff: PlanDiff) -> str:
    if not diff.substitutions:
        return ""
    items = "".join(
        f'<li>the whole plan was re-targeted from <mark class="sub">{_e(s.a)}</mark> to '
        f'<mark class="sub">{_e(s.b)}</mark>: {plural(s.count, "place")} ({_e(s.kind)})</li>'
        for s in diff.substitutions
    )
    return (
        f'<section id="substitutions"><h2>Substitutions</h2><ul class="subs">{items}</ul></section>'
    )


# --- findings ----------------------------------------------------------------------------


def _place(place: Place, diff: PlanDiff, anchors: Anchors) -> str:
    where = _e(side_of(place, diff))
    anchor = place_anchor(place, diff, anchors)
    if place.section:
        section = _e(place.section)
        where += f' <a href="#{_e(anchor)}">{section}</a>' if anchor else f" {section}"
    span = f' <span class="span">[{place.span.start}:{place.span.end}]</span>' if place.span else ""
    return f"<li>{where}: <q>{_e(place.raw)}</q>{span}</li>"


def _finding(i: int, f: Finding, diff: PlanDiff, anchors: Anchors) -> str:
    places = "".join(_place(p, diff, anchors) for p in f.places)
    key = f" · {_e(f.key)}" if f.key else ""
    return (
        f'<article class="finding card" id="{finding_id(i)}">'
        f'<h3>F{i} <span class="badge code">{_e(f.kind)}</span>{key}</h3>'
        f"<div>{_e(f.message)}</div><ul>{places}</ul></article>"
    )


def _findings(diff: PlanDiff, anchors: Anchors) -> str:
    if not diff.findings:
        return ""
    body = "".join(_finding(i, f, diff, anchors) for i, f in enumerate(diff.findings, 1))
    return f'<section id="findings"><h2>Findings</h2>{body}</section>'


def findings_by_anchor(diff: PlanDiff, anchors: Anchors) -> dict[str, list[int]]:
    """For each section anchor, the numbers of the findings with a place there."""
    out: dict[str, list[int]] = {}
    for i, f in enumerate(diff.findings, 1):
        for p in f.places:
            anchor = place_anchor(p, diff, anchors)
            if anchor and i not in out.get(anchor, []):
                out.setdefault(anchor, []).append(i)
    return out


# --- tables ------------------------------------------------------------------------------


def _table(section_id: str, title: str, header: list[str], rows: list[str], tight: int = 1) -> str:
    """A titled table; its first ``tight`` columns are only as wide as their content."""
    if not rows:
        return ""
    head = "".join(
        f'<th class="tight">{h}</th>' if i < tight else f"<th>{h}</th>"
        for i, h in enumerate(header)
    )
    return (
        f'<section id="{section_id}"><h2>{title}</h2>'
        f'<table class="tight-{tight}"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></section>"
    )


def _badge(kind: str) -> str:
    return f'<span class="badge k-{_e(kind)}">{_e(kind.replace("_", " "))}</span>'


def _similarity(value: float) -> str:
    width = max(0.0, min(1.0, value)) * 100
    return f'{percent(value)}<span class="bar"><span style="width:{width:.0f}%"></span></span>'


def _change_row(c: SectionChange, anchor: str) -> str:
    cells = [
        _badge(c.kind),
        _e(c.a_path or "—"),
        _e(c.b_path or "—"),
        f'<a href="#{_e(anchor)}">{_e(heading_of(c)) or "(no heading)"}</a>',
    ]
    tds = "".join(f"<td>{cell}</td>" for cell in cells)
    return f'<tr class="k-{c.kind}">{tds}<td class="num">{_similarity(c.similarity)}</td></tr>'


def _change_table(diff: PlanDiff, ids: list[str]) -> str:
    rows = [_change_row(c, anchor) for c, anchor in zip(diff.sections, ids, strict=True)]
    header = ["Kind", "A", "B", "Heading", "Similarity"]
    return _table("changes", "Sections", header, rows, tight=3)


def _row(cells: list[str]) -> str:
    return "<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>"


def _citation_row(c: CitationChange) -> str:
    a = citation_side(c.a_date, c.a_issuer) if c.kind != "added" else "—"
    b = citation_side(c.b_date, c.b_issuer) if c.kind != "removed" else "—"
    raw = c.b_raw or c.a_raw
    return _row([_e(c.key), _badge(c.kind), _e(a), _e(b), f"<q>{_e(raw)}</q>" if raw else "—"])


def _citations(diff: PlanDiff) -> str:
    rows = [_citation_row(c) for c in diff.citations if c.kind != "same"]
    return _table("citations", "Citations", ["Key", "Change", "A", "B", "As written"], rows, 2)


def _field_row(f: FieldChange) -> str:
    return _row([_e(f.field), _badge(f.kind), _e(f.a or "—"), _e(f.b or "—")])


def _metadata(diff: PlanDiff) -> str:
    rows = [_field_row(f) for f in diff.metadata if f.kind != "same"]
    return _table("metadata", "Metadata", ["Field", "Change", "A", "B"], rows, 2)


# --- sections side by side ---------------------------------------------------------------


def substituted(ops: list[TextOp], subs: list[Substitution]) -> Subs:
    """The deleted and inserted texts of the replacements that are a substitution of the
    pair: ``a`` becomes ``b`` once the substitution is made ("năm 2022" → "năm 2023")."""
    found: Subs = {}
    for op in ops:
        for sub in subs:
            if op.op == "replace" and sub.a in op.a and op.a.replace(sub.a, sub.b) == op.b:
                found.setdefault(("delete", op.a.strip()), sub)
                found.setdefault(("insert", op.b.strip()), sub)
    return found


def _piece(piece: Piece, subs: Subs) -> str:
    kind, text = piece
    if kind == "equal":
        return _e(text)
    tag = "del" if kind == "delete" else "ins"
    sub = subs.get((kind, text.strip()))
    if sub is None:
        return f'<{tag} class="{tag}">{_e(text)}</{tag}>'
    title = f"substitution {sub.a} → {sub.b} ({plural(sub.count, 'place')})"
    return f'<{tag} class="{tag} sub" title="{_e(title)}">{_e(text)}</{tag}>'


def _side(c: SectionChange, side: Literal["a", "b"], subs: Subs) -> str:
    path = c.a_path if side == "a" else c.b_path
    if path is None:
        return f'<div class="side {side} absent">not in {side.upper()}</div>'
    heading = c.a_heading if side == "a" else c.b_heading
    span = c.a_span if side == "a" else c.b_span
    where = f" [{span.start}:{span.end}]" if span else ""
    pieces = reflow(op_pieces(c.ops, side))
    body = "".join(_piece(p, subs) for p in pieces) if pieces else _e(heading)
    return (
        f'<div class="side {side}"><div class="label">{side.upper()} · {_e(path)}{where}</div>'
        f'<p class="text">{body}</p></div>'
    )


def _section_header(c: SectionChange, found: list[int]) -> str:
    moves = f": {_e(c.a_path)} → {_e(c.b_path)}" if c.a_path != c.b_path else ""
    notes = [m + moves for m in marks(c)]
    links = " ".join(f'<a href="#{finding_id(i)}">F{i}</a>' for i in found)
    return (
        f'<header>{_badge(c.kind)}<span class="path">{_e(c.b_path or c.a_path)}</span>'
        f"<span>{_e(heading_of(c))}</span>"
        + "".join(f'<span class="mark">{n}</span>' for n in notes)
        + f'<span class="mark">similarity {percent(c.similarity)}</span>'
        + (f'<span class="mark">findings: {links}</span>' if links else "")
        + "</header>"
    )


def _section(c: SectionChange, anchor: str, found: list[int], diff: PlanDiff) -> str:
    subs = substituted(c.ops, diff.substitutions)
    pair = f'<div class="pair">{_side(c, "a", subs)}{_side(c, "b", subs)}</div>'
    if c.kind == "same" and not has_changes(c.ops):
        pair = f"<details><summary>unchanged text</summary>{pair}</details>"
    return (
        f'<article class="section card k-{c.kind}" id="{_e(anchor)}">'
        f"{_section_header(c, found)}{pair}</article>"
    )


def _side_by_side(diff: PlanDiff, ids: list[str], anchors: Anchors) -> str:
    if not diff.sections:
        return ""
    found = findings_by_anchor(diff, anchors)
    body = "".join(
        _section(c, anchor, found.get(anchor, []), diff)
        for c, anchor in zip(diff.sections, ids, strict=True)
    )
    return f'<section id="sections"><h2>Side by side</h2>{body}</section>'


def diff_to_html(diff: PlanDiff) -> str:
    """The diff as one HTML page that needs nothing else: no scripts, no network."""
    ids, anchors = section_anchors(diff)
    title = f"Plan comparison: {diff.a_source} → {diff.b_source}"
    body = (
        _summary(diff)
        + _substitutions(diff)
        + _findings(diff, anchors)
        + _change_table(diff, ids)
        + _metadata(diff)
        + _citations(diff)
        + _side_by_side(diff, ids, anchors)
    )
    return (
        '<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(title)}</title><style>{CSS}</style></head>\n"
        f"<body><main>{body}</main></body></html>\n"
    )
