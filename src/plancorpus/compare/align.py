"""Align the sections of two plans by numbering and content together.

Units are the preamble and every numbered node except bullets (a bullet's text belongs to the
node above it). Two units score by content (rapidfuzz ratio of heading and of own text) plus a
small bonus for the same label path; one global assignment (scipy's linear_sum_assignment)
maximises the total, so an inserted section shifts no alignment: 003's II.2 pairs with 000's
II.3 when 000 inserts a new II.2. Pairs below ``MIN_CONTENT`` stay apart (added, removed).
Aligned pairs out of reading order, or under parents that are not aligned with each other,
are moved.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import TYPE_CHECKING

from plancorpus.model.diff import DiffOptions
from plancorpus.model.plan import Plan, Section, Span
from plancorpus.segment.labels import label_of

if TYPE_CHECKING:
    import numpy as np

MIN_CONTENT = 0.45  # content similarity below which two sections are not the same section
PATH_BONUS = 0.1  # same label path: a tie-breaker between similar candidates
HEADING_WEIGHT = 0.35  # share of the heading in the content score when both have text


@dataclass(frozen=True)
class Unit:
    path: str  # "II.3"; "preamble" for the preamble
    parent: str | None
    heading: str
    text: str  # heading and own text: up to the first numbered child, bullets included
    span: Span  # the whole node, children included
    depth: int
    own_end: int  # where the own text ends (the first numbered child begins)


def _own_end(node: Section) -> int:
    return next((c.span.start for c in node.children if c.kind != "bullet"), node.span.end)


def _own_text(plan: Plan, node: Section) -> str:
    """Heading and text after the label, up to the first numbered child (bullets included)."""
    stop = _own_end(node)
    line_end = plan.text.find("\n", node.span.start)
    label = label_of(plan.text[node.span.start : line_end if line_end >= 0 else None])
    start = node.span.start + (label.end if label else 0)
    return plan.text[start:stop].strip()


def units(plan: Plan) -> list[Unit]:
    out: list[Unit] = []
    if plan.preamble:
        pre = plan.preamble
        out.append(Unit("preamble", None, "", pre.text, pre.span, 0, pre.span.end))

    def visit(node: Section, prefix: str, parent: str | None, depth: int) -> None:
        if node.kind == "bullet":
            return
        path = f"{prefix}.{node.label}" if prefix else node.label
        text = _own_text(plan, node)
        out.append(Unit(path, parent, node.heading, text, node.span, depth, _own_end(node)))
        for child in node.children:
            visit(child, path, path, depth + 1)

    for top in plan.sections:
        visit(top, "", None, 1)
    return out


def _normalise(texts: list[str], options: DiffOptions) -> list[str]:
    out = [" ".join(t.split()) for t in texts]
    return [t.lower() for t in out] if options.ignore_case else out


def _ratio(a: list[str], b: list[str], options: DiffOptions) -> np.ndarray:
    import numpy as np  # numpy and rapidfuzz load on first use: `import plancorpus` stays light
    from rapidfuzz import fuzz, process

    m = process.cdist(_normalise(a, options), _normalise(b, options), scorer=fuzz.ratio)
    return np.asarray(m, dtype=float) / 100.0


def content_scores(a: list[Unit], b: list[Unit], options: DiffOptions) -> np.ndarray:
    """Content similarity of every pair of units (0..1): heading and own text together."""
    import numpy as np

    heads = _ratio([u.heading for u in a], [u.heading for u in b], options)
    texts = _ratio([u.text for u in a], [u.text for u in b], options)
    a_has = np.array([bool(u.text.strip()) for u in a])[:, None]
    b_has = np.array([bool(u.text.strip()) for u in b])[None, :]
    a_head = np.array([bool(u.heading.strip()) for u in a])[:, None]
    b_head = np.array([bool(u.heading.strip()) for u in b])[None, :]
    both_text = a_has & b_has
    both_head = a_head & b_head
    mixed = HEADING_WEIGHT * heads + (1 - HEADING_WEIGHT) * texts
    score = np.where(both_text & both_head, mixed, np.where(both_text, texts, heads))
    # a section with text against one without: the text that one side lacks counts against
    return np.where(a_has ^ b_has, score * 0.6, score)


def align(a: list[Unit], b: list[Unit], options: DiffOptions) -> list[tuple[int, int, float]]:
    """Aligned pairs (index in ``a``, index in ``b``, content similarity)."""
    if not a or not b:
        return []
    import numpy as np

    content = content_scores(a, b, options)
    score = content.copy()
    if not options.ignore_numbering:
        same_path = np.array([[ua.path == ub.path for ub in b] for ua in a])
        score += PATH_BONUS * same_path
    from scipy.optimize import linear_sum_assignment  # heavy (0.5 s): loaded on first use

    rows, cols = linear_sum_assignment(score, maximize=True)
    pairs = [
        (int(i), int(j), float(content[i, j]))
        for i, j in zip(rows, cols, strict=True)
        if content[i, j] >= MIN_CONTENT
    ]
    return sorted(pairs)


def _increasing(values: list[int]) -> set[int]:
    """Positions of one longest increasing subsequence of ``values``."""
    if not values:
        return set()
    tails: list[int] = []
    tail_at: list[int] = []
    prev = [-1] * len(values)
    for k, v in enumerate(values):
        p = bisect.bisect_left(tails, v)
        if p == len(tails):
            tails.append(v)
            tail_at.append(k)
        else:
            tails[p] = v
            tail_at[p] = k
        prev[k] = tail_at[p - 1] if p else -1
    keep: set[int] = set()
    k = tail_at[-1]
    while k >= 0:
        keep.add(k)
        k = prev[k]
    return keep


def moved_pairs(
    a: list[Unit], b: list[Unit], pairs: list[tuple[int, int, float]]
) -> set[tuple[int, int]]:
    """Pairs out of reading order, or whose parents are not aligned with each other."""
    in_order = _increasing([j for _, j, _ in pairs])
    partner = {a[i].path: b[j].path for i, j, _ in pairs}
    moved = set()
    for k, (i, j, _) in enumerate(pairs):
        pa, pb = a[i].parent, b[j].parent
        parent_ok = (pa is None and pb is None) or (pa is not None and partner.get(pa) == pb)
        if k not in in_order or not parent_ok:
            moved.add((i, j))
    return moved
