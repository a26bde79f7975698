"""Cited documents: find every one, give it a canonical key, keep what was written.

Four steps, one module each: :mod:`.find` (one regex pass per kind of anchor: codes, names,
the charter, short forms) → :mod:`.scan` (the type word before, the date after) →
:mod:`.issuer` (the "của …" phrase) → :mod:`.resolve` (overlaps, elided lists, short forms,
undated mentions).
"""

from __future__ import annotations

from plancorpus.extract.citations.resolve import drop_overlaps, name_base, resolve, to_citations
from plancorpus.extract.citations.scan import scan
from plancorpus.model.plan import Citation, Span

__all__ = ["extract_citations", "name_base"]


def extract_citations(text: str, exclude: list[Span] | None = None) -> list[Citation]:
    """Every cited document in ``text``, in reading order. Spans in ``exclude`` (the
    document's own number, say) are left out."""
    found = drop_overlaps(scan(text))
    if exclude:
        found = [f for f in found if not any(f.start < s.end and s.start < f.end for s in exclude)]
    resolve(text, found)
    # a lower-case short form stays only when it abbreviates a full mention of its own type
    found = [f for f in found if not (f.lower and f.key is None)]
    return to_citations(text, found)
