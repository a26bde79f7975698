"""The typed result of reading a document: :class:`Plan` and its parts.

Every extracted item keeps what the document says (``raw``) beside what we normalise it to
(``value``, ``key``, ``name``...), and a :class:`Span` into :attr:`Plan.text`. Offsets in
``Plan.text`` map back to offsets in the decoded input through :attr:`Plan.source_map`.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import cache
from typing import Any, ForwardRef, Literal, NoReturn, get_args, get_origin

from pydantic import BaseModel, ConfigDict, Field, model_validator

from plancorpus.model.display import html_of

SCHEMA_VERSION = "1.4"  # 1.1: Plan.preamble; 1.2: Plan.appendices; 1.3: Plan.copies;
# 1.4: Citation.role, cue, described_by, relation; Plan.implements

Status = Literal["ok", "partial", "failed"]
SectionKind = Literal[
    "preamble", "part", "roman", "arabic", "decimal", "letter", "bullet", "article", "appendix"
]
DateKind = Literal["date", "month", "quarter", "year", "range"]
FurnitureKind = Literal["page_number", "running_header", "running_footer"]
# what a stage noticed, before it becomes a ParseWarning on the plan: (code, message)
Note = tuple[str, str]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    def __setattr__(self, name: str, value: Any) -> None:
        if type(self.__pydantic_fields_set__) is SharedFieldsSet:  # take a copy first
            object.__setattr__(self, "__pydantic_fields_set__", set(self.__pydantic_fields_set__))
        super().__setattr__(name, value)


def _shared(*args: object) -> NoReturn:
    raise TypeError("the models of a plan share this set: set the model's attribute instead")


class SharedFieldsSet(set[str]):
    """The names of the fields a model set, one object for all the models of a plan that set
    the same ones (see :func:`share_fields_sets`). A set, as pydantic's serialiser wants
    (``exclude_unset``), that refuses changes: a model takes its own copy before an attribute
    changes, and so does a copy of the model."""

    add = discard = remove = pop = clear = _shared
    update = difference_update = intersection_update = symmetric_difference_update = _shared
    __ior__ = __iand__ = __isub__ = __ixor__ = _shared

    def __copy__(self) -> set[str]:
        return set(self)

    def __deepcopy__(self, memo: dict[int, Any]) -> set[str]:
        return set(self)


_SHARED: dict[frozenset[str], SharedFieldsSet] = {}


def share_fields_sets(model: BaseModel) -> None:
    """Let the models inside ``model`` that set the same fields share one set of their names
    (pydantic keeps a set per instance: a third of what a held plan costs)."""
    for item in _models(model):
        names = frozenset(item.__pydantic_fields_set__)
        shared = _SHARED.get(names)
        if shared is None:
            shared = _SHARED.setdefault(names, SharedFieldsSet(names))
        object.__setattr__(item, "__pydantic_fields_set__", shared)


class Span(_Model):
    """Character offsets ``[start, end)`` into :attr:`Plan.text`; ``page`` is 1-based when known."""

    start: int
    end: int
    page: int | None = None


class ParseWarning(_Model):
    """Something the parser did not fully understand or had to repair."""

    code: str
    message: str
    span: Span | None = None


class TextField(_Model):
    """A header field: the normalised ``value`` beside the ``raw`` text it came from."""

    value: str | None
    raw: str
    span: Span | None = None


class Issuer(TextField):
    """The issuing body ("cơ quan ban hành"), with its parent body when the header gives one.

    ``found_in`` says where it was read: ``header`` (the block left of the motto), ``body``
    ("Sở Xây dựng ban hành Kế hoạch…"), or ``closing`` ("Trên đây là Kế hoạch … của Sở…").
    """

    parent: str | None = None
    found_in: Literal["header", "body", "closing"] = "header"


class DateMention(_Model):
    """A date, month, quarter, year or range as written.

    ``value`` is ISO 8601 at the precision the text gives ("2022-09-30", "2023-02", "2021",
    quarters as "2022-Q3"); a range is ``start/end``. ``value`` is None when the text leaves
    the date blank (drafts: "ngày … tháng … năm 2015" keeps only the year).
    """

    value: str | None
    raw: str
    kind: DateKind
    span: Span


class Period(_Model):
    """The implementation period ("thời gian thực hiện") of the plan."""

    start: str | None
    end: str | None
    raw: str
    span: Span | None = None
    found_in: Literal["time_section", "body", "title"] = "time_section"


class Campaign(_Model):
    """A quoted emulation movement or campaign name ("phong trào thi đua “…”")."""

    name: str
    raw: str
    span: Span
    in_title: bool = False


class Section(_Model):
    """A node of the body: a numbered one ("I.", "2.", "2.1.", "a)", "-"), or the preamble
    (kind ``preamble``, no label: the body text before the first numbered node)."""

    label: str
    kind: SectionKind
    heading: str
    level: int
    text: str
    children: list[Section] = Field(default_factory=list)
    span: Span

    def walk(self) -> list[Section]:
        """This node and all its descendants, in document order."""
        out = [self]
        for child in self.children:
            out.extend(child.walk())
        return out


CitationForm = Literal["state", "party", "named", "short"]
CitationRole = Literal[
    "basis", "implements", "replaces", "repeals", "amends", "guides", "proposal", "mention"
]


class Citation(_Model):
    """A cited document ("Quyết định số 1258/QĐ-TTg ngày 21/8/2017 của Thủ tướng…").

    ``key`` is canonical ("1258/QĐ-TTg", "272-QĐ/TW"; for a document cited by name, its name);
    ``date`` and ``issuer`` are what this mention says. A later mention without a date gets
    the date of the first dated mention of the same key in ``resolved_date``; a short form
    ("Chỉ thị 05") gets the key of the full mention it abbreviates.
    """

    doc_type: str | None
    number: str | None
    symbol: str | None
    key: str | None
    date: DateMention | None = None
    issuer: str | None = None
    title: str | None = None
    raw: str
    span: Span
    defects: list[str] = Field(default_factory=list)
    form: CitationForm = "state"
    resolved_date: str | None = None
    # what the citation does here, read from ``cue`` (the words as written); a mention that
    # another citation's description names ("Kế hoạch 92-KH/TU … thực hiện Chỉ thị 05-CT/TW")
    # says so: ``described_by`` that key, ``relation`` what it does to this one
    role: CitationRole = "mention"
    cue: str | None = None
    described_by: str | None = None
    relation: CitationRole | None = None


class AuthorityStep(_Model):
    """One signing-authority prefix line: "KT. TRƯỞNG BAN" is ``KT.`` on behalf of TRƯỞNG BAN."""

    authority: str
    on_behalf_of: str | None


class Signer(_Model):
    """A signature block ("chữ ký"): authority prefix, title and name."""

    authority: str | None
    on_behalf_of: str | None
    title: str | None
    name: str | None
    chain: list[AuthorityStep] = Field(default_factory=list)
    note: str | None = None
    span: Span


class Recipient(_Model):
    """One "Nơi nhận" line. ``raw`` is the line without its dash and final punctuation."""

    raw: str
    name: str
    purpose: str | None = None
    archive: bool = False
    parts: list[str] = Field(default_factory=list)
    span: Span


class SourceInfo(_Model):
    """How the input was read: format, encoding, reader back-end and pages."""

    path: str | None = None
    format: str = "text"
    encoding: str | None = None
    backend: str | None = None
    pages: int | None = None
    legacy_encoding: str | None = Field(
        default=None, description="TCVN3, VNI or VISCII text that was converted to Unicode"
    )
    ocr: bool = False


class Furniture(_Model):
    """Page furniture kept out of the text: running headers and footers, page numbers."""

    text: str
    page: int | None = None
    kind: FurnitureKind


class CopyBlock(_Model):
    """A copy's own block after the original's signature ("SAO Y BẢN CHÍNH", "SAO LỤC", "TRÍCH
    SAO"): the body that made the copy, the copy's own number and date, its signer and where
    it was sent. The original's fields stay the plan's."""

    form: str = Field(description="'Sao y', 'Sao lục' or 'Trích sao'")
    raw: str
    issuer: str | None = None
    number: str | None = None
    symbol: str | None = None
    place: str | None = None
    date: str | None = None
    signers: list[Signer] = Field(default_factory=list)
    recipients: list[Recipient] = Field(default_factory=list)
    span: Span


class SigningStamp(_Model):
    """An e-signature stamp ("Cơ quan: UBND tỉnh Quảng Bình" / "Giờ ký: 17/04/2024 10:39:42"):
    signing metadata, not body text."""

    organization: str | None = None
    signer: str | None = None
    signed_at: str | None = Field(default=None, description="ISO 8601 date and time")
    raw: str
    page: int | None = None


class Plan(_Model):
    """A parsed plan (or neighbouring document), with provenance into :attr:`text`."""

    schema_version: str = SCHEMA_VERSION
    source: str
    status: Status = "ok"
    warnings: list[ParseWarning] = Field(default_factory=list)
    input: SourceInfo = Field(default_factory=SourceInfo)

    doc_type: TextField | None = None
    number: TextField | None = None
    symbol: TextField | None = None
    issuer: Issuer | None = None
    place: TextField | None = None
    date: DateMention | None = None
    title: TextField | None = None
    campaigns: list[Campaign] = Field(default_factory=list)
    period: Period | None = None

    preamble: Section | None = Field(
        default=None,
        description="Body text that no numbered section holds: the lines before the first "
        "section ('Căn cứ …', 'Thực hiện …'), or the whole body when nothing is numbered",
    )
    sections: list[Section] = Field(default_factory=list)
    appendices: list[Section] = Field(
        default_factory=list,
        description="Appendices after the signature ('Phụ lục I. …'), each a node of kind "
        "'appendix' holding its own numbered sections",
    )
    closing: TextField | None = None
    copies: list[CopyBlock] = Field(
        default_factory=list,
        description="Copy blocks after the signature (SAO Y, SAO LỤC, TRÍCH SAO), each with its "
        "own issuer, number, date and signer",
    )
    citations: list[Citation] = Field(default_factory=list)
    implements: list[str] | None = Field(
        default=None,
        description="Keys of the documents this one carries out (from its title, its first "
        "'Thực hiện' clause, or the plans and directives its opening sentence rests on); None "
        "when it names none",
    )
    dates: list[DateMention] = Field(default_factory=list)
    signers: list[Signer] = Field(default_factory=list)
    recipients: list[Recipient] = Field(default_factory=list)

    furniture: list[Furniture] = Field(default_factory=list)
    signing: list[SigningStamp] = Field(default_factory=list)

    text: str = ""
    page_starts: list[int] = Field(
        default_factory=list,
        description="Offsets in the decoded input where pages 2, 3… begin (PDF, OCR)",
    )
    source_map: list[tuple[int, int]] = Field(
        default_factory=list,
        description="Breakpoints (text offset, source offset): from each breakpoint on, offsets "
        "advance together until the next one.",
    )

    @model_validator(mode="after")
    def _share_fields_sets(self) -> Plan:
        """A plan read back (from JSON, from a cache) shares its fields sets too."""
        share_fields_sets(self)
        return self

    def warn(self, code: str, message: str, span: Span | None = None) -> None:
        self.warnings.append(ParseWarning(code=code, message=message, span=span))

    def has_warning(self, code: str) -> bool:
        return any(w.code == code for w in self.warnings)

    def source_offset(self, offset: int) -> int:
        """Offset in the decoded input for an offset in :attr:`text`."""
        if not self.source_map:
            return offset
        keys = [t for t, _ in self.source_map]
        i = bisect_right(keys, offset) - 1
        if i < 0:
            return offset
        t, s = self.source_map[i]
        value = s + (offset - t)
        if i + 1 < len(self.source_map):
            value = min(value, self.source_map[i + 1][1])
        return value

    def source_span(self, span: Span) -> tuple[int, int]:
        """``(start, end)`` offsets in the decoded input for a span of :attr:`text`."""
        return self.source_offset(span.start), self.source_offset(span.end)

    def page_of(self, offset: int) -> int | None:
        """1-based page of an offset in :attr:`text` (None for input without pages)."""
        if not self.page_starts:
            return None
        return bisect_right(self.page_starts, self.source_offset(offset))

    def assign_pages(self) -> None:
        """Set ``page`` on every span of the plan from :attr:`page_starts`."""
        for span in _spans(self):
            span.page = self.page_of(span.start)

    def snippet(self, span: Span) -> str:
        return self.text[span.start : span.end]

    def all_sections(self) -> list[Section]:
        out: list[Section] = []
        for section in self.sections:
            out.extend(section.walk())
        return out

    def body_nodes(self) -> list[Section]:
        """The top of the body tree: the preamble (when there is one), then the sections.
        Together they hold the whole body, from its first line to the closing."""
        return ([self.preamble] if self.preamble else []) + list(self.sections)

    def body_text(self) -> str:
        """The text of the body, from the preamble's first line to the last section's end
        (the whole text when nothing was found)."""
        nodes = self.body_nodes()
        return self.text[nodes[0].span.start : nodes[-1].span.end] if nodes else self.text

    def outline(self, appendices: bool = False) -> list[tuple[str, str]]:
        """``(dotted label path, heading)`` for every numbered node except bullets; with
        ``appendices``, the appendices' sections follow ("Phụ lục I.1", and an attached
        document's own paths, "I", "I.1", since its node has no label)."""
        rows: list[tuple[str, str]] = []

        def visit(node: Section, prefix: str) -> None:
            if node.kind == "bullet":
                return
            path = f"{prefix}.{node.label}" if prefix else node.label
            rows.append((path, node.heading))
            for child in node.children:
                visit(child, path)

        tops = [(top, "") for top in self.sections]
        if appendices:
            tops += [(c, a.label) for a in self.appendices for c in a.children]
        for top, prefix in tops:
            visit(top, prefix)
        return rows

    def find_section(self, path: str) -> Section | None:
        """The section at a dotted label path such as ``"III.3"`` or ``"III.2.2.1"``."""
        for label_path, node in self._index():
            if label_path == path:
                return node
        return None

    def _repr_html_(self) -> str | None:
        return html_of(self)

    def nodes(self) -> list[tuple[str, Section]]:
        """``(dotted label path, node)`` for every node of the tree, bullets included."""
        return self._index()

    def _index(self) -> list[tuple[str, Section]]:
        rows: list[tuple[str, Section]] = []

        def visit(node: Section, prefix: str) -> None:
            path = f"{prefix}.{node.label}" if prefix else node.label
            rows.append((path, node))
            for child in node.children:
                visit(child, path)

        for top in self.sections:
            visit(top, "")
        return rows


def _spans(model: BaseModel) -> list[Span]:
    """Every :class:`Span` inside a model, however deep."""
    return [item for item in _models(model) if isinstance(item, Span)]


def _models(model: BaseModel) -> list[BaseModel]:
    """Every model inside ``model`` (itself included), however deep."""
    found: list[BaseModel] = []
    stack = [model]
    while stack:
        item = stack.pop()
        found.append(item)
        for name in _nesting_fields(type(item)):
            value = item.__dict__[name]
            if type(value) is list:  # list[Span], list[Section]…: models only
                stack.extend(value)
            elif value is not None:
                stack.append(value)
    return found


@cache
def _nesting_fields(kind: type[BaseModel]) -> tuple[str, ...]:
    """The fields of a model class that hold models (or lists of them)."""
    return tuple(name for name, f in kind.model_fields.items() if _holds_model(f.annotation))


def _holds_model(annotation: object) -> bool:
    if get_origin(annotation) is Literal:
        return False
    if isinstance(annotation, type):
        return issubclass(annotation, BaseModel)
    if isinstance(annotation, str | ForwardRef):
        return True  # not resolved: look inside it (a field of another type is never a model)
    return any(_holds_model(arg) for arg in get_args(annotation))
