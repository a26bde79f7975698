"""The parse pipeline: a list of small named stages over one :class:`Context`.

Each stage reads what earlier stages left on the context and fills part of the plan. A stage
that fails does not stop the others: its error becomes a warning and the plan's status says
"partial". Users may pass their own list of stages to :func:`run`.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import islice

from .campaigns import find_campaigns
from .citations import extract_citations
from .clean import Note, clean
from .dates import find_dates
from .header import issuer_from_body, issuer_from_closing, read_header
from .layout import Zones, find_zones
from .lines import Line, split_lines
from .models import Plan, SourceInfo, TextField
from .period import find_period
from .readers import Extracted
from .sections import parse_sections
from .tail import read_tail
from .textmap import MappedText


@dataclass
class Context:
    plan: Plan
    input_text: MappedText
    notes: list[Note] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    zones: Zones | None = None
    legacy_suspect: bool = False
    read_status: str = "ok"
    own_key: str | None = None  # the document's own number and symbol, canonical

    @property
    def text(self) -> str:
        return self.plan.text


Stage = Callable[[Context], None]


def stage_clean(ctx: Context) -> None:
    mapped, notes = clean(ctx.input_text)
    ctx.plan.text = mapped.text
    ctx.plan.source_map = mapped.breakpoints()
    ctx.notes.extend(notes)
    ctx.lines = split_lines(mapped.text)


def stage_layout(ctx: Context) -> None:
    ctx.zones = find_zones(ctx.lines)


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
    sections, notes = parse_sections(ctx.text, ctx.lines, _zones(ctx).body)
    ctx.plan.sections = sections
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
    from .models import Span

    ctx.plan.closing = TextField(
        value=" ".join(raw.split()), raw=raw, span=Span(start=start, end=end)
    )


def stage_tail(ctx: Context) -> None:
    tail = read_tail(ctx.text, ctx.lines, _zones(ctx).tail)
    ctx.plan.signers = tail.signers
    ctx.plan.recipients = tail.recipients


def stage_dates(ctx: Context) -> None:
    ctx.plan.dates = find_dates(ctx.text)


def stage_citations(ctx: Context) -> None:
    p = ctx.plan
    own = [f.span for f in (p.number,) if f is not None and f.span is not None]
    found = extract_citations(ctx.text, exclude=own)
    # a title that restates the document's own number ("NGHỊ ĐỊNH CỦA CHÍNH PHỦ SỐ
    # 61/1998/NĐ-CP NGÀY …") does not cite it; an appendix that does ("Ban hành kèm theo Quyết
    # định số …") is kept
    if ctx.own_key:
        _, title_end = _offsets(ctx, _zones(ctx).title)
        found = [c for c in found if not (c.key == ctx.own_key and c.span.start < title_end)]
    p.citations = found


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
        plan.status = "failed"  # scanned without OCR, encrypted, damaged: the reason is a warning
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
    failed_stage = any(w.code == "stage_failed" for w in plan.warnings)
    plan.status = "partial" if missing or failed_stage else "ok"


STAGES: list[tuple[str, Stage]] = [
    ("clean", stage_clean),
    ("layout", stage_layout),
    ("header", stage_header),
    ("sections", stage_sections),
    ("closing", stage_closing),
    ("issuer", stage_issuer),
    ("tail", stage_tail),
    ("dates", stage_dates),
    ("citations", stage_citations),
    ("period", stage_period),
    ("campaigns", stage_campaigns),
]


def run(
    text: str | MappedText,
    source: str,
    info: SourceInfo | None = None,
    stages: list[tuple[str, Stage]] | None = None,
    legacy_suspect: bool = False,
    notes: list[Note] | None = None,
    extracted: Extracted | None = None,
) -> Plan:
    """Run the stages on text (or on what a reader extracted) and return the plan; never
    raises on odd content."""
    mapped = MappedText.identity(text) if isinstance(text, str) else text
    plan = Plan(source=source, input=info or SourceInfo())
    ctx = Context(
        plan=plan, input_text=mapped, legacy_suspect=legacy_suspect, notes=list(notes or [])
    )
    if extracted is not None:
        plan.input = extracted.info
        plan.page_starts = extracted.page_starts
        plan.furniture = extracted.furniture
        plan.signing = extracted.signing
        ctx.notes.extend(extracted.notes)
        ctx.legacy_suspect = extracted.legacy_suspect
        ctx.read_status = extracted.status
    for name, stage in stages or STAGES:
        try:
            stage(ctx)
        except Exception as exc:  # a bug in one stage must not lose the whole document
            detail = traceback.format_exception_only(type(exc), exc)[-1].strip()
            ctx.notes.append(("stage_failed", f"stage {name!r} failed: {detail}"))
            if name in ("clean", "layout"):
                break
    stage_status(ctx)
    if plan.page_starts:
        plan.assign_pages()
    return plan
