"""What a check finds: a :class:`Finding` and the :class:`Place` s it names.

A finding is evidence for a person, not a verdict: its message says what was seen, each place
quotes the text (``raw``) and says where it is (source, section path, span).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from plancorpus.model.plan import Span

FindingKind = Literal[
    # citations (one plan or many)
    "date_conflict",
    "issuer_conflict",
    "year_mismatch",
    "cited_after_plan",
    "unknown_issuer",
    # one plan's own text
    "other_campaign",
    "campaign_differs_from_title",
    "year_outside_plan",
    "impossible_date",
    "deadline_before_plan",
    "repeated_word",
    "numbering_gap",
    "numbering_duplicate",
    "missing_section",
    # a pair of plans (PlanDiff)
    "leftover_from_source",
]


class Place(BaseModel):
    """Where a finding's evidence is: the document, the section path ("II.4"), the span in
    that document's :attr:`Plan.text`, and the text quoted (``raw``)."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    source: str
    raw: str
    span: Span | None = None
    section: str | None = None
    date: str | None = None
    issuer: str | None = None


class Finding(BaseModel):
    """``kind`` is the finding's code; ``key`` what it is about (a citation key, a campaign,
    a year), when there is one."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    kind: FindingKind
    key: str | None
    message: str
    places: list[Place]
