"""Tables of what many plans cite: one row per citation, and plans × directives."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from plancorpus.model.plan import Citation, Plan

CITATION_COLUMNS = [
    "source", "key", "doc_type", "number", "symbol", "date", "resolved_date", "issuer",
    "title", "form", "defects", "raw", "start", "end", "page",
]  # fmt: skip


def citation_row(plan: Plan, c: Citation) -> dict[str, Any]:
    return {
        "source": plan.source,
        "key": c.key,
        "doc_type": c.doc_type,
        "number": c.number,
        "symbol": c.symbol,
        "date": c.date.value if c.date else None,
        "resolved_date": c.resolved_date,
        "issuer": c.issuer,
        "title": c.title,
        "form": c.form,
        "defects": ";".join(c.defects),
        "raw": " ".join(c.raw.split()),
        "start": c.span.start,
        "end": c.span.end,
        "page": c.span.page,
    }


def citation_rows(plans: Sequence[Plan]) -> list[dict[str, Any]]:
    """One row per (plan, citation): ready for ``pandas.DataFrame(rows)`` or CSV."""
    return [citation_row(p, c) for p in plans for c in p.citations]


def citation_matrix(plans: Sequence[Plan]) -> tuple[list[str], list[dict[str, Any]]]:
    """Plans × cited directives: the keys (most cited first) and one row per plan holding the
    number of mentions of each key."""
    counts: dict[str, int] = {}
    for p in plans:
        for key in {c.key for c in p.citations if c.key}:
            counts[key] = counts.get(key, 0) + 1
    keys = sorted(counts, key=lambda k: (-counts[k], k))
    rows = []
    for p in plans:
        row: dict[str, Any] = {"source": p.source}
        for key in keys:
            row[key] = sum(1 for c in p.citations if c.key == key)
        rows.append(row)
    return keys, rows
