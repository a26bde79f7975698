"""Header fields and citations of two plans, side by side."""

from __future__ import annotations

from collections.abc import Callable

from plancorpus.compare.checks import same_body
from plancorpus.model.diff import CitationChange, FieldChange
from plancorpus.model.plan import Citation, Plan
from plancorpus.text.vietnamese import compare_key


def field_text(f: object) -> str | None:
    """The normalised value of a field (TextField, DateMention…), or None when absent."""
    value = getattr(f, "value", None)
    return str(value) if value is not None else None


def _period(p: Plan) -> str | None:
    if p.period is None:
        return None
    return f"{p.period.start or '?'} .. {p.period.end or '?'}"


def _signers(p: Plan) -> str | None:
    names = [" ".join(x for x in (s.title, s.name) if x) for s in p.signers]
    return "; ".join(n for n in names if n) or None


def _recipients(p: Plan) -> str | None:
    return "; ".join(r.name or r.raw for r in p.recipients) or None


FIELDS: list[tuple[str, Callable[[Plan], str | None]]] = [
    ("doc_type", lambda p: field_text(p.doc_type)),
    ("number", lambda p: field_text(p.number)),
    ("symbol", lambda p: field_text(p.symbol)),
    ("date", lambda p: field_text(p.date)),
    ("place", lambda p: field_text(p.place)),
    ("issuer", lambda p: field_text(p.issuer)),
    ("title", lambda p: field_text(p.title)),
    ("campaign", lambda p: next((c.name for c in p.campaigns if c.in_title), None)),
    ("campaigns", lambda p: "; ".join(c.name for c in p.campaigns) or None),
    ("period", _period),
    ("signers", _signers),
    ("recipients", _recipients),
]


def _field(name: str, a: str | None, b: str | None) -> FieldChange:
    if a == b or (a and b and compare_key(a) == compare_key(b)):
        return FieldChange(field=name, kind="same", a=a, b=b)
    kind = "added" if a is None else "removed" if b is None else "changed"
    return FieldChange(field=name, kind=kind, a=a, b=b)


def field_changes(a: Plan, b: Plan) -> list[FieldChange]:
    """Every header field as each plan has it, and whether it changed."""
    return [_field(name, get(a), get(b)) for name, get in FIELDS]


def _first_by_key(plan: Plan) -> dict[str, Citation]:
    out: dict[str, Citation] = {}
    for c in plan.citations:
        if c.key and compare_key(c.key) not in out:
            out[compare_key(c.key)] = c
    return out


def _date(c: Citation) -> str | None:
    return c.date.value if c.date else c.resolved_date


def _citation(a: Citation | None, b: Citation | None) -> CitationChange:
    key = (a or b).key or ""  # type: ignore[union-attr]
    change = CitationChange(
        key=key,
        kind="same",
        a_date=_date(a) if a else None,
        b_date=_date(b) if b else None,
        a_issuer=a.issuer if a else None,
        b_issuer=b.issuer if b else None,
        a_raw=" ".join(a.raw.split()) if a else None,
        b_raw=" ".join(b.raw.split()) if b else None,
    )
    if a is None or b is None:
        change.kind = "added" if a is None else "removed"
    elif change.a_date and change.b_date and change.a_date != change.b_date:
        change.kind = "date_changed"
    elif change.a_issuer and change.b_issuer and not same_body(change.a_issuer, change.b_issuer):
        change.kind = "issuer_changed"
    return change


def citation_changes(a: Plan, b: Plan) -> list[CitationChange]:
    """Cited documents by canonical key: in A's order, then those only B cites."""
    ca, cb = _first_by_key(a), _first_by_key(b)
    keys = list(ca) + [k for k in cb if k not in ca]
    return [_citation(ca.get(k), cb.get(k)) for k in keys]
