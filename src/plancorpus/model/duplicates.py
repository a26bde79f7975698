"""Near-duplicate plans and the template families they form: :class:`Duplicates`."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

DUPLICATES_SCHEMA_VERSION = "1.0"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)


class DuplicatePair(_Model):
    """Two documents whose exact similarity reaches the threshold. ``jaccard`` is measured on
    their shingle sets with the corpus's boilerplate left out; ``containment`` is the share of
    the smaller set found in the larger (a short plan copied into a long one)."""

    a: str
    b: str
    jaccard: float
    containment: float


class LineageEdge(_Model):
    """``child`` most likely derives from ``parent``: the most similar earlier member."""

    child: str
    parent: str
    similarity: float


class Family(_Model):
    """Documents joined by near-duplicate pairs (a template and its copies). ``id`` is stable:
    it depends only on the members' ids. ``representative`` is the member most similar to
    the others; ``lineage`` makes the family a tree rooted at its earliest member."""

    id: str
    size: int
    members: list[str]
    representative: str
    first_date: str | None = None
    last_date: str | None = None
    issuers: list[str] = Field(default_factory=list)
    lineage: list[LineageEdge] = Field(default_factory=list)


class Boilerplate(_Model):
    """The shingles shared by so many documents that they say nothing about copying (standard
    headings, closing sentences, the Nơi nhận block, the motto), left out of every
    similarity."""

    learned: bool
    shingles: int = 0
    min_share: float = 0.0
    sample: int = 0
    note: str = ""


class Duplicates(_Model):
    schema_version: str = DUPLICATES_SCHEMA_VERSION
    documents: int
    threshold: float
    measure: str
    candidates: int = 0
    pairs: list[DuplicatePair] = Field(default_factory=list)
    families: list[Family] = Field(default_factory=list)
    boilerplate: Boilerplate
