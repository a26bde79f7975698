"""``compare(a, b)``: what changed from plan ``a`` (the source, or the earlier plan) to ``b``.

Sections are aligned (:mod:`.align`), each aligned pair gets an inline word diff
(:mod:`.words`), header fields and citations are compared, replacements made consistently
across the pair are counted (:mod:`.substitutions`), and what an auditor should look at
becomes findings (:mod:`.findings`). The result is one :class:`PlanDiff`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from plancorpus.compare.align import Unit, align, moved_pairs, units
from plancorpus.compare.fields import citation_changes, field_changes
from plancorpus.compare.findings import leftover_findings
from plancorpus.compare.substitutions import substitutions
from plancorpus.compare.words import count_tokens, inline_diff
from plancorpus.model.diff import DiffOptions, DiffSummary, PlanDiff, SectionChange, TextOp
from plancorpus.model.plan import Plan
from plancorpus.pipeline import parse

SIMILARITY = (
    "share of the two bodies' syllables kept unchanged: 2 × syllables in unchanged runs of "
    "aligned sections / (syllables of A's body + syllables of B's body); body = preamble and "
    "numbered sections with their headings; a section without a partner counts as all changed"
)


def _plan(x: Plan | str | Path) -> Plan:
    return x if isinstance(x, Plan) else parse(x)


def _same_text(a: str, b: str, options: DiffOptions) -> bool:
    x, y = " ".join(a.split()), " ".join(b.split())
    return x.lower() == y.lower() if options.ignore_case else x == y


def _pair_change(
    ua: Unit, ub: Unit, similarity: float, moved: bool, options: DiffOptions
) -> tuple[SectionChange, int]:
    renumbered = ua.path != ub.path and not options.ignore_numbering
    if _same_text(ua.text, ub.text, options):
        ops, kept = [TextOp(op="equal", a=ua.text, b=ub.text)], count_tokens(ua.text, options)
    else:
        ops, kept = inline_diff(ua.text, ub.text, options)
    changed = any(op.op != "equal" for op in ops)
    kind = "changed" if changed else "moved" if moved else "renumbered" if renumbered else "same"
    change = SectionChange(
        kind=kind,
        moved=moved,
        renumbered=renumbered,
        a_path=ua.path,
        b_path=ub.path,
        a_heading=ua.heading,
        b_heading=ub.heading,
        a_span=ua.span,
        b_span=ub.span,
        similarity=round(similarity, 4),
        ops=ops if changed else [],
    )
    return change, kept


def _lone(u: Unit, side: str) -> SectionChange:
    if side == "a":
        return SectionChange(kind="removed", a_path=u.path, a_heading=u.heading, a_span=u.span)
    return SectionChange(kind="added", b_path=u.path, b_heading=u.heading, b_span=u.span)


def section_changes(
    ua: list[Unit], ub: list[Unit], options: DiffOptions
) -> tuple[list[SectionChange], int]:
    """Every unit of both plans once, in B's reading order (a removed section after the one
    its predecessor in A was aligned with), and the syllables kept."""
    pairs = align(ua, ub, options)
    moved = moved_pairs(ua, ub, pairs)
    keyed: list[tuple[tuple[int, int, int], SectionChange]] = []
    kept_total = 0
    b_of = {i: j for i, j, _ in pairs}
    for i, j, sim in pairs:
        change, kept = _pair_change(ua[i], ub[j], sim, (i, j) in moved, options)
        keyed.append(((j, 0, 0), change))
        kept_total += kept
    aligned_b = set(b_of.values())
    keyed += [((j, 0, 0), _lone(ub[j], "b")) for j in range(len(ub)) if j not in aligned_b]
    for i in range(len(ua)):
        if i not in b_of:
            before = [b_of[k] for k in range(i) if k in b_of]
            keyed.append(((max(before, default=-1), 1, i), _lone(ua[i], "a")))
    keyed.sort(key=lambda kc: kc[0])
    return [c for _, c in keyed], kept_total


def _summary(changes: list[SectionChange], kept: int, total: int) -> DiffSummary:
    counts = {k: sum(1 for c in changes if c.kind == k) for k in
              ("same", "changed", "added", "removed")}  # fmt: skip
    counts["moved"] = sum(1 for c in changes if c.moved)
    counts["renumbered"] = sum(1 for c in changes if c.renumbered)
    similarity = round(2 * kept / total, 4) if total else 1.0
    return DiffSummary(similarity=similarity, similarity_defined_as=SIMILARITY, **counts)


def compare(a: Plan | str | Path, b: Plan | str | Path, **options: Any) -> PlanDiff:
    """Compare two plans (or files) section by section. ``options`` are those of
    :class:`DiffOptions`: ``ignore_case``, ``ignore_whitespace``, ``ignore_punctuation``,
    ``ignore_numbering`` (booleans) and ``granularity`` ("syllable", "word", "sentence")."""
    opts = DiffOptions(**options)
    pa, pb = _plan(a), _plan(b)
    ua, ub = units(pa), units(pb)
    changes, kept = section_changes(ua, ub, opts)
    total = sum(count_tokens(u.text, opts) for u in (*ua, *ub))
    diff = PlanDiff(
        a_source=pa.source,
        b_source=pb.source,
        options=opts,
        summary=_summary(changes, kept, total),
        metadata=field_changes(pa, pb),
        sections=changes,
        citations=citation_changes(pa, pb),
    )
    diff.substitutions = substitutions(pa, pb, diff)
    diff.findings = leftover_findings(pa, pb, diff)
    return diff
