"""What a check finds: a :class:`Finding` and the :class:`Place` s it names."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

from plancorpus.model.plan import Span

FindingKind = Literal[
    "date_conflict", "issuer_conflict", "year_mismatch", "cited_after_plan", "unknown_issuer"
]


class Place(BaseModel):
    source: str
    raw: str
    span: Span | None = None
    date: str | None = None
    issuer: str | None = None


class Finding(BaseModel):
    kind: FindingKind
    key: str | None
    message: str
    places: list[Place]
