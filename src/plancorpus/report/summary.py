"""A readable, plain-text summary of a plan for the terminal."""

from __future__ import annotations

from collections import Counter

from plancorpus.model.plan import Plan, Section, TextField


def _field(f: TextField | None) -> str:
    if f is None:
        return "—"
    return f.value if f.value is not None else f"(blank) {f.raw!r}"


def _outline(sections: list[Section], depth: int, out: list[str], max_lines: int) -> None:
    for node in sections:
        if len(out) >= max_lines:
            return
        if node.kind == "bullet":
            continue
        heading = node.heading if len(node.heading) <= 90 else node.heading[:87] + "…"
        mark = ")" if node.kind == "letter" else "" if node.kind in ("part", "article") else "."
        out.append(f"    {'  ' * depth}{node.label}{mark} {heading}")
        _outline(node.children, depth + 1, out, max_lines)


def render(plan: Plan, max_outline: int = 60) -> str:
    lines: list[str] = []
    info = plan.input
    where = f"{info.format}" + (f", {info.encoding}" if info.encoding else "")
    if info.backend:
        where += f", backend {info.backend}"
    if info.pages:
        where += f", {info.pages} pages"
    if info.legacy_encoding:
        where += f", converted from {info.legacy_encoding.upper()}"
    if info.ocr:
        where += ", OCR"
    lines.append(f"{plan.source}  [{plan.status}]  ({where})")
    lines.append(f"  type       {_field(plan.doc_type)}")
    number = plan.number.value if plan.number and plan.number.value else "—"
    symbol = plan.symbol.value if plan.symbol else "—"
    lines.append(f"  number     {number}   symbol {symbol}")
    issuer = _field(plan.issuer)
    if plan.issuer is not None:
        issuer += f"   (from {plan.issuer.found_in})"
    lines.append(f"  issuer     {issuer}")
    place = _field(plan.place)
    date = plan.date.value if plan.date and plan.date.value else "—"
    lines.append(f"  place/date {place}, {date}")
    lines.append(f"  title      {_field(plan.title)}")
    for c in plan.campaigns:
        mark = " (title)" if c.in_title else ""
        lines.append(f"  campaign   “{c.name}”{mark}")
    if plan.period:
        lines.append(
            f"  period     {plan.period.start} .. {plan.period.end}   "
            f"({plan.period.found_in}: {' '.join(plan.period.raw.split())!r})"
        )
    outline: list[str] = []
    if plan.preamble:
        first = " ".join(plan.preamble.text.split())
        n = plan.preamble.text.count("\n") + 1
        shown = first if len(first) <= 80 else first[:79] + "…"
        lines.append(f"  preamble   {n} line{'s' if n > 1 else ''}: {shown}")
    _outline(plan.sections, 0, outline, max_outline)
    total = sum(1 for s in plan.all_sections() if s.kind != "bullet")
    lines.append(f"  sections   {total} numbered ({len(plan.all_sections())} nodes with bullets)")
    lines.extend(outline)
    if total > len(outline):
        lines.append(f"    … {total - len(outline)} more")
    lines.append(f"  citations  {len(plan.citations)}" + _cited(plan))
    if plan.implements:
        lines.append(f"  carries out {'; '.join(plan.implements)}")
    roles = Counter(c.role for c in plan.citations if c.role != "mention")
    if roles:
        lines.append("  roles      " + ", ".join(f"{n} {r}" for r, n in sorted(roles.items())))
    for s in plan.signers:
        chain = " / ".join(f"{c.authority} {c.on_behalf_of}".strip() for c in s.chain)
        parts = [p for p in (chain, s.title, s.name) if p]
        lines.append(f"  signer     {' / '.join(parts)}")
    lines.append(
        f"  recipients {len(plan.recipients)}"
        + (f": {'; '.join(r.raw for r in plan.recipients)}" if plan.recipients else "")
    )
    for stamp in plan.signing:
        lines.append(
            f"  e-signed   {stamp.organization or '—'} at {stamp.signed_at or '—'}"
            + (f" (page {stamp.page})" if stamp.page else "")
        )
    if plan.furniture:
        kinds = sorted({f.kind.replace("_", " ") for f in plan.furniture})
        lines.append(f"  furniture  {len(plan.furniture)} lines set aside ({', '.join(kinds)})")
    for w in plan.warnings:
        lines.append(f"  warning    {w.code}: {w.message}")
    return "\n".join(lines)


def _cited(plan: Plan, limit: int = 8) -> str:
    """The distinct documents cited, with their dates: ": 98/2023/NĐ-CP (2023-12-31); …"."""
    seen: dict[str, str | None] = {}
    for c in plan.citations:
        if c.key:
            date = c.date.value if c.date else c.resolved_date
            seen[c.key] = seen.get(c.key) or date
    if not seen:
        return ""
    items = [f"{k} ({d})" if d else k for k, d in list(seen.items())[:limit]]
    more = f"; … {len(seen) - limit} more" if len(seen) > limit else ""
    return ": " + "; ".join(items) + more
