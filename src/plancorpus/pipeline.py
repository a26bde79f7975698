"""The parse pipeline: a list of small named stages over one :class:`Context`.

``STAGES`` is the whole pipeline in reading order: read (bytes → text, any format) · clean
(normalised text with its map back to the input) · layout (zones) · header · sections ·
closing · issuer · tail (signers, recipients) · dates · citations · roles · period ·
campaigns.

Each stage reads what earlier stages left on the context and fills part of the plan. A stage
that fails does not stop the others: its error becomes a warning and the plan's status says
"partial". Only the read stage may raise: a missing or unreadable file is an ``OSError`` that
names it. Users may pass their own list of stages to :func:`run`.
"""

from __future__ import annotations

import time
import traceback
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from plancorpus.extract.campaigns import find_campaigns
from plancorpus.extract.citations import extract_citations
from plancorpus.extract.copies import copy_heads, read_copies
from plancorpus.extract.dates import find_dates
from plancorpus.extract.header import issuer_from_body, issuer_from_closing, read_header
from plancorpus.extract.period import find_period
from plancorpus.extract.roles import assign_roles, implemented
from plancorpus.extract.tail import read_tail
from plancorpus.model.limits import DEFAULT_LIMITS, Limits
from plancorpus.model.plan import (
    Furniture,
    Note,
    Plan,
    Section,
    SourceInfo,
    Span,
    TextField,
    share_fields_sets,
)
from plancorpus.normalise.clean import clean
from plancorpus.read import Extracted, read_bytes, read_file, refused
from plancorpus.segment.lines import Line, split_lines
from plancorpus.segment.sections import parse_appendices, parse_preamble, parse_sections
from plancorpus.segment.zones import (
    PAGE_NUMBER_LINE,
    Zones,
    find_zones,
    running_titles,
    unfold_header,
)
from plancorpus.text.budget import deadline
from plancorpus.text.textmap import MappedText


@dataclass
class Source:
    """What the read stage starts from: a file (``path``), its bytes (``data``), or text
    already decoded (``text``); ``backend`` and ``ocr`` are the PDF reading options, and
    ``limits`` what one document may cost."""

    path: str | None = None
    data: bytes | None = None
    text: str | MappedText | None = None
    backend: str = "pdfium"
    ocr: bool | None = None
    limits: Limits = DEFAULT_LIMITS


@dataclass
class Context:
    plan: Plan
    source: Source = field(default_factory=Source)
    input_text: MappedText = field(default_factory=lambda: MappedText.identity(""))
    notes: list[Note] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    running_titles: list[str] = field(default_factory=list)  # cut from the lines' starts
    zones: Zones | None = None
    legacy_suspect: bool = False
    read_status: str = "ok"
    own_key: str | None = None  # the document's own number and symbol, canonical

    @property
    def text(self) -> str:
        return self.plan.text


Stage = Callable[[Context], None]


def stage_read(ctx: Context) -> None:
    """Bytes of any supported format (or a file) become text with its map, pages, furniture
    and stamps; text given as a string passes through."""
    src = ctx.source
    if src.text is not None:
        text = MappedText.identity(src.text) if isinstance(src.text, str) else src.text
        why = src.limits.over("max_chars", len(text.text))
        if why:
            take_extracted(ctx, refused("text", "over_limit", "over_limit", f"the text: {why}"))
        else:
            ctx.input_text = text
        return
    if src.data is not None:
        take_extracted(ctx, read_bytes(src.data, src.path, src.backend, src.ocr, src.limits))
    else:
        take_extracted(ctx, read_file(src.path or "", src.backend, src.ocr, src.limits))


def take_extracted(ctx: Context, extracted: Extracted) -> None:
    """Put what a reader extracted on the context and the plan."""
    plan = ctx.plan
    ctx.input_text = extracted.text
    plan.input = extracted.info
    plan.page_starts = extracted.page_starts
    plan.furniture = extracted.furniture
    plan.signing = extracted.signing
    ctx.notes.extend(extracted.notes)
    ctx.legacy_suspect = extracted.legacy_suspect
    ctx.read_status = extracted.status


def stage_clean(ctx: Context) -> None:
    mapped, notes = clean(ctx.input_text)
    ctx.plan.text = mapped.text
    ctx.plan.source_map = mapped.breakpoints()
    ctx.notes.extend(notes)
    lines, ctx.running_titles = running_titles(split_lines(mapped.text))
    ctx.lines = unfold_header(lines)


def stage_layout(ctx: Context) -> None:
    ctx.zones = find_zones(ctx.lines)
    if not ctx.plan.furniture:  # a text copy keeps its page numbers in the text: name them
        ctx.plan.furniture = [
            Furniture(text=line.stripped, kind="page_number")
            for line in ctx.lines
            if PAGE_NUMBER_LINE.match(line.text)
        ]
    ctx.plan.furniture += [Furniture(text=t, kind="running_header") for t in ctx.running_titles]


def _zones(ctx: Context) -> Zones:
    if ctx.zones is None:
        raise RuntimeError("the layout stage has not run")
    return ctx.zones


def _offsets(ctx: Context, zone: range) -> tuple[int, int]:
    if not len(zone):
        at = ctx.lines[zone.start].start if zone.start < len(ctx.lines) else len(ctx.text)
        return at, at
    return ctx.lines[zone.start].start, ctx.lines[zone.stop - 1].end


def stage_header(ctx: Context) -> None:
    zones = _zones(ctx)
    h = read_header(ctx.text, ctx.lines, zones)
    plan = ctx.plan
    plan.issuer, plan.number, plan.symbol = h.issuer, h.number, h.symbol
    plan.place, plan.date, plan.doc_type, plan.title = h.place, h.date, h.doc_type, h.title
    ctx.own_key = h.code.key if h.code else None
    ctx.notes.extend(h.notes)
    if h.draft:
        ctx.notes.append(("draft", "the header marks this copy as a draft (Dự thảo)"))


def stage_sections(ctx: Context) -> None:
    body = _zones(ctx).body
    sections, notes = parse_sections(ctx.text, ctx.lines, body)
    ctx.plan.sections = sections
    ctx.plan.preamble = parse_preamble(ctx.text, ctx.lines, body, sections)
    appendix = _zones(ctx).appendix
    copies = copy_heads(ctx.lines, appendix)  # a copy's block is not an appendix
    ctx.plan.appendices = parse_appendices(
        ctx.text, ctx.lines, range(appendix.start, copies[0] if copies else appendix.stop)
    )
    ctx.notes.extend(notes)


def stage_issuer(ctx: Context) -> None:
    """Without a header, the issuer is the body that "xây dựng / ban hành" this document in the
    preamble, or the one named at the end of the closing sentence."""
    plan, zones = ctx.plan, _zones(ctx)
    if plan.issuer is not None:
        return
    start, end = _offsets(ctx, zones.body)
    if plan.sections:
        end = plan.sections[0].span.start
    doc_type = plan.doc_type.value if plan.doc_type else None
    plan.issuer = issuer_from_body(ctx.text, start, end, doc_type)
    if plan.issuer is None and plan.closing and plan.closing.span:
        plan.issuer = issuer_from_closing(ctx.text, plan.closing.span.start, plan.closing.span.end)


def stage_closing(ctx: Context) -> None:
    zones = _zones(ctx)
    if not len(zones.closing):
        return
    start = ctx.lines[zones.closing.start].content_start
    end_line = zones.closing.start
    for i in zones.closing:  # the closing paragraph ends at a blank line
        if ctx.lines[i].blank:
            break
        end_line = i
    end = ctx.lines[end_line].content_end
    raw = ctx.text[start:end]
    ctx.plan.closing = TextField(
        value=" ".join(raw.split()), raw=raw, span=Span(start=start, end=end)
    )


def stage_tail(ctx: Context) -> None:
    tail = read_tail(ctx.text, ctx.lines, _zones(ctx).tail)
    ctx.plan.signers = tail.signers
    ctx.plan.recipients = tail.recipients
    ctx.plan.copies = read_copies(ctx.text, ctx.lines, _zones(ctx).appendix)


def stage_dates(ctx: Context) -> None:
    ctx.plan.dates = find_dates(ctx.text)


def stage_citations(ctx: Context) -> None:
    p = ctx.plan
    own = [f.span for f in (p.number,) if f is not None and f.span is not None]
    found = extract_citations(ctx.text, exclude=own)
    # a document that names its own number (its title restating it, "NGHỊ ĐỊNH CỦA CHÍNH PHỦ
    # SỐ 61/1998/NĐ-CP NGÀY …", a page title or labels a web copy puts before its parts, the
    # plan it issues: "(Kèm theo Quyết định số …)") does not cite it
    if ctx.own_key:
        kept = [c for c in found if c.key != ctx.own_key]
        if len(kept) < len(found):
            named = len(found) - len(kept)
            ctx.notes.append(("self_reference", f"the document names its own number {named} times"))
        found = kept
    p.citations = found


def _after_first(tree: list[Section]) -> tuple[int, int] | None:
    """From the second numbered part of a body (or an attached plan) to its end."""
    tops = [s for s in tree if s.kind not in ("preamble", "bullet")]
    return (tops[1].span.start, tops[-1].span.end) if len(tops) > 1 else None


def stage_roles(ctx: Context) -> None:
    """What each citation does, and what the document carries out."""
    p = ctx.plan
    trees = [p.sections, *(a.children for a in p.appendices)]
    tasks = [_after_first(tree) for tree in trees]
    assign_roles(ctx.text, p.citations, [t for t in tasks if t is not None])
    title = (p.title.span.start, p.title.span.end) if p.title and p.title.span else None
    p.implements = implemented(ctx.text, p.citations, title)


def stage_period(ctx: Context) -> None:
    p = ctx.plan
    doc_type = p.doc_type.value if p.doc_type else None
    p.period = find_period(ctx.text, p.sections, p.dates, p.title, doc_type)


def stage_campaigns(ctx: Context) -> None:
    title_span = ctx.plan.title.span if ctx.plan.title else None
    ctx.plan.campaigns = find_campaigns(ctx.text, title_span)


def _has_letters(text: str, n: int) -> bool:
    return sum(1 for _ in islice(filter(str.isalpha, text), n)) >= n


def stage_status(ctx: Context) -> None:
    """ok: type, body and signature block found; partial: one of them missing; failed:
    nothing readable."""
    plan = ctx.plan
    for code, message in ctx.notes:
        plan.warn(code, message)
    if ctx.read_status != "ok":
        plan.status = "failed"  # scanned, encrypted, damaged, over a limit: the reason is a warning
        return
    if not _has_letters(plan.text, 20):
        plan.status = "failed"
        if not plan.has_warning("no_text"):
            plan.warn("no_text", "no readable text")
        return
    if ctx.legacy_suspect:
        plan.status = "failed"
        plan.warn(
            "legacy_encoding",
            "the text reads like a legacy 8-bit Vietnamese encoding "
            "(TCVN3/VNI) that was not converted; fields would be garbage",
        )
        return
    missing = []
    if plan.doc_type is None:
        missing.append(("no_doc_type", "no document type line (KẾ HOẠCH, QUYẾT ĐỊNH…)"))
    if not plan.sections:
        missing.append(("no_sections", "no numbered sections in the body"))
    if not plan.signers and not plan.recipients:
        missing.append(("no_signature", "no signature block and no recipients"))
    for field_name, code in (("issuer", "no_issuer"), ("date", "no_date")):
        if getattr(plan, field_name) is None:
            plan.warn(code, f"no {field_name} found")
    for code, message in missing:
        plan.warn(code, message)
    cut_short = any(w.code in ("stage_failed", "time_limit") for w in plan.warnings)
    plan.status = "partial" if missing or cut_short else "ok"


STAGES: list[tuple[str, Stage]] = [
    ("read", stage_read),
    ("clean", stage_clean),
    ("layout", stage_layout),
    ("header", stage_header),
    ("sections", stage_sections),
    ("closing", stage_closing),
    ("issuer", stage_issuer),
    ("tail", stage_tail),
    ("dates", stage_dates),
    ("citations", stage_citations),
    ("roles", stage_roles),
    ("period", stage_period),
    ("campaigns", stage_campaigns),
]


def run(
    text: str | MappedText | None = None,
    source: str = "<text>",
    info: SourceInfo | None = None,
    stages: list[tuple[str, Stage]] | None = None,
    legacy_suspect: bool = False,
    notes: list[Note] | None = None,
    extracted: Extracted | None = None,
    origin: Source | None = None,
) -> Plan:
    """Run the stages and return the plan; never raises on odd content.

    The input is ``origin`` (a file, bytes or text for the read stage), or ``text``, or what
    a reader already ``extracted``. Only the read stage raises (``OSError`` for a missing or
    unreadable file, ``ValueError`` for an unknown option); any other stage that fails
    becomes a ``stage_failed`` warning."""
    plan = Plan(source=source, input=info or SourceInfo())
    ctx = Context(plan=plan, legacy_suspect=legacy_suspect, notes=list(notes or []))
    if origin is not None:
        ctx.source = origin
    elif extracted is not None:
        ctx.source = Source(text=extracted.text)
        take_extracted(ctx, extracted)
    else:
        ctx.source = Source(text=text if text is not None else "")
    _run_stages(ctx, stages or STAGES)
    stage_status(ctx)
    if plan.page_starts:
        plan.assign_pages()
    share_fields_sets(plan)  # held plans are a third smaller
    return plan


def _run_stages(ctx: Context, stages: list[tuple[str, Stage]]) -> None:
    """Each stage in turn. A stage that fails becomes a warning; past the time limit
    (``Limits.max_seconds``) the rest are skipped, and the warning says after which stage."""
    limit = ctx.source.limits.max_seconds
    with deadline(limit):
        _each_stage(ctx, stages, limit)


def _each_stage(ctx: Context, stages: list[tuple[str, Stage]], limit: float | None) -> None:
    started = time.monotonic()
    for name, stage in stages:
        if name == "read":
            stage(ctx)  # a file that cannot be read is the caller's error, not the plan's
            continue
        try:
            stage(ctx)
        except Exception as exc:  # a bug in one stage must not lose the whole document
            detail = traceback.format_exception_only(type(exc), exc)[-1].strip()
            ctx.notes.append(("stage_failed", f"stage {name!r} failed: {detail}"))
            if name in ("clean", "layout"):
                return
        spent = time.monotonic() - started
        if limit is not None and spent > limit and (name, stage) != stages[-1]:
            why = ctx.source.limits.over("max_seconds", spent)
            ctx.notes.append(("time_limit", f"stopped after stage {name!r}: {why}"))
            return


def parse(
    document: str | Path | bytes,
    backend: str = "pdfium",
    ocr: bool | None = None,
    source: str | None = None,
    limits: Limits | None = None,
) -> Plan:
    """Read a document (a path, or its bytes) in any supported format (text, PDF, DOCX, Word
    97 .doc, HTML) into a :class:`Plan`.

    ``backend`` picks the PDF text back-end: "pdfium" (fast, the default) or "pdfplumber".
    ``ocr`` turns OCR of scanned PDFs on or off; by default scans are OCRed when Tesseract
    with its Vietnamese model is installed. ``source`` names the document in the plan (by
    default the path, or "<bytes>"). ``limits`` (a :class:`~plancorpus.Limits`) bound the
    input's size, pages, inflated size, text and time; an input over one comes back
    ``failed`` with an ``over_limit`` warning (or ``partial`` with ``time_limit``).

    Odd content never raises: the plan's ``status`` and ``warnings`` say what was not
    understood. A missing file, a folder, or something that is not a regular file (a pipe,
    a device) raises an ``OSError`` that names it.
    """
    lim = limits or DEFAULT_LIMITS
    if isinstance(document, bytes | bytearray):
        origin = Source(data=bytes(document), backend=backend, ocr=ocr, limits=lim)
        return run(source=source or "<bytes>", origin=origin)
    origin = Source(path=str(document), backend=backend, ocr=ocr, limits=lim)
    return run(source=source or str(document), origin=origin)


def parse_text(text: str, source: str = "<text>", limits: Limits | None = None) -> Plan:
    """Parse a document given as a string."""
    return run(source=source, origin=Source(text=text, limits=limits or DEFAULT_LIMITS))


def parse_bytes(
    data: bytes, source: str = "<bytes>", backend: str = "pdfium", ocr: bool | None = None
) -> Plan:
    """Deprecated: ``parse(data)`` takes bytes."""
    warnings.warn(
        "plancorpus.parse_bytes is deprecated; call plancorpus.parse(data) with the bytes",
        DeprecationWarning,
        stacklevel=2,
    )
    return parse(data, backend=backend, ocr=ocr, source=source)
