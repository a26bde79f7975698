"""The comparison of two plans: :class:`PlanDiff`, the one thing every diff renderer reads.

Sections are aligned by numbering and content; each aligned pair (or a section only one side
has) is a :class:`SectionChange` with a word-level diff of its heading and text. Header fields,
citations (by canonical key) and the substitutions made consistently across the pair (a year,
a campaign, an agency) have their own lists; findings are evidence for an auditor.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from plancorpus.model.display import html_of
from plancorpus.model.findings import Finding
from plancorpus.model.plan import Span

DIFF_SCHEMA_VERSION = "1.0"

SectionChangeKind = Literal["same", "changed", "renumbered", "moved", "added", "removed"]
OpKind = Literal["equal", "replace", "insert", "delete"]
FieldChangeKind = Literal["same", "changed", "added", "removed"]
CitationChangeKind = Literal["same", "added", "removed", "date_changed", "issuer_changed"]
Granularity = Literal["syllable", "word", "sentence"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)


class DiffOptions(_Model):
    """What counts as a difference. ``ignore_numbering`` compares sections without their
    labels; ``granularity`` is the unit of the inline diff: a syllable, a word (syllables
    grouped by word segmentation), or a sentence."""

    ignore_case: bool = False
    ignore_whitespace: bool = True
    ignore_punctuation: bool = False
    ignore_numbering: bool = False
    granularity: Granularity = "word"


class TextOp(_Model):
    """One step of an inline diff: ``a`` (text in the first plan) becomes ``b``. Each keeps
    the white space that follows it in its own text, so joining the ``a`` of all steps gives
    the first text back, and the ``b`` the second. For ``equal`` the two are the same words
    (their spacing may differ); ``insert`` has no ``a``, ``delete`` no ``b``."""

    op: OpKind
    a: str = ""
    b: str = ""


class SectionChange(_Model):
    """A section of A aligned with one of B, or a section only one side has.

    ``a_path``/``b_path`` are dotted label paths ("II.3", "preamble"); ``similarity`` (0..1)
    compares the heading and the section's own text (not its children's); ``ops`` is the
    inline diff of heading and text. ``kind`` says the most telling change: ``changed`` when
    the words differ, else ``moved`` (under another parent, or out of order), else
    ``renumbered`` (same words, another label), else ``same``; the flags ``moved`` and
    ``renumbered`` are set whatever the kind, so a changed section can be renumbered too."""

    kind: SectionChangeKind
    moved: bool = False
    renumbered: bool = False
    a_path: str | None = None
    b_path: str | None = None
    a_heading: str | None = None
    b_heading: str | None = None
    a_span: Span | None = None
    b_span: Span | None = None
    similarity: float = 0.0
    ops: list[TextOp] = Field(default_factory=list)


class FieldChange(_Model):
    """A header or metadata field (``doc_type``, ``number``, ``date``, ``issuer``, ``title``,
    ``campaign``, ``period``, ``signers``, ``recipients``...), as each plan has it."""

    field: str
    kind: FieldChangeKind
    a: str | None = None
    b: str | None = None


class CitationChange(_Model):
    """A cited document by canonical key: cited by one plan only, or by both with another
    date or issuer."""

    key: str
    kind: CitationChangeKind
    a_date: str | None = None
    b_date: str | None = None
    a_issuer: str | None = None
    b_issuer: str | None = None
    a_raw: str | None = None
    b_raw: str | None = None


class Substitution(_Model):
    """A replacement made consistently across the pair ("2022" → "2023", one campaign name →
    another), with the number of places it was made."""

    a: str
    b: str
    count: int
    kind: Literal["year", "campaign", "agency", "phrase"] = "phrase"


class DiffSummary(_Model):
    """``similarity`` is defined in ``similarity_defined_as``. The counts are of sections
    (numbered nodes without bullets, and the preamble): ``same``, ``changed``, ``added`` and
    ``removed`` by kind; ``moved`` and ``renumbered`` count the sections with that flag, so a
    section changed and renumbered counts in both ``changed`` and ``renumbered``."""

    similarity: float
    similarity_defined_as: str
    same: int = 0
    changed: int = 0
    renumbered: int = 0
    moved: int = 0
    added: int = 0
    removed: int = 0


class PlanDiff(_Model):
    """What changed from plan ``a`` (the earlier or source plan) to plan ``b``."""

    schema_version: str = DIFF_SCHEMA_VERSION
    a_source: str
    b_source: str
    options: DiffOptions = Field(default_factory=DiffOptions)
    summary: DiffSummary
    metadata: list[FieldChange] = Field(default_factory=list)
    sections: list[SectionChange] = Field(default_factory=list)
    citations: list[CitationChange] = Field(default_factory=list)
    substitutions: list[Substitution] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)

    def _repr_html_(self) -> str | None:
        return html_of(self)
