"""What looks wrong in the citations of one plan or of many.

- ``date_conflict``: one key cited with different dates (across plans or within one);
- ``issuer_conflict``: one key cited with issuers that cannot be the same body;
- ``year_mismatch``: the date contradicts the year in the code ("30/2020/NĐ-CP … 2019");
- ``cited_after_plan``: the cited document is dated after the plan that cites it;
- ``unknown_issuer``: the issuer code is in no list we know.

Each finding names the places involved: the two conflicting mentions, or the mention and the
plan's own date.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from itertools import combinations

import regex

from plancorpus.compare.findings import plan_findings
from plancorpus.extract.codes import is_known_issuer, parse_code
from plancorpus.model.findings import Finding, Place
from plancorpus.model.plan import Citation, Plan
from plancorpus.text.vietnamese import compare_key

_ABBREVIATIONS = [
    (r"\bubnd\b", "ủy ban nhân dân"),
    (r"\bhđnd\b", "hội đồng nhân dân"),
    (r"\bbch\b", "ban chấp hành"),
    (r"\btw\b", "trung ương"),
    (r"\bttg\b", "thủ tướng chính phủ"),
    (r"\bkhoá\b", "khóa"),
]


def issuer_key(issuer: str) -> str:
    """Issuer text reduced for comparison: case, tone placement, common abbreviations."""
    key = compare_key(issuer)
    for pattern, full in _ABBREVIATIONS:
        key = regex.sub(pattern, compare_key(full), key)
    return " ".join(key.split())


def same_body(a: str, b: str) -> bool:
    """Can two issuer phrases name the same body? One may be a shorter form of the other
    ("UBND tỉnh" and "Ủy ban nhân dân tỉnh Cao Bằng"; "Bộ Chính trị" and "… khóa XI")."""
    ka, kb = issuer_key(a), issuer_key(b)
    if ka == kb or ka in kb or kb in ka:
        return True
    wa, wb = ka.split(), kb.split()
    shorter, longer = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    it = iter(longer)
    return all(w in it for w in shorter)  # the shorter one's words, in order, in the longer


def _place(plan: Plan, c: Citation) -> Place:
    return Place(
        source=plan.source,
        raw=" ".join(c.raw.split()),
        span=c.span,
        date=c.date.value if c.date else None,
        issuer=c.issuer,
    )


def citation_findings(plans: Plan | Sequence[Plan]) -> list[Finding]:
    """Findings over the citations of one plan or of a corpus."""
    if isinstance(plans, Plan):
        plans = [plans]
    findings: list[Finding] = []
    groups: dict[str, list[tuple[Plan, Citation]]] = {}
    for plan in plans:
        for c in plan.citations:
            if c.key:
                groups.setdefault(compare_key(c.key), []).append((plan, c))
            findings.extend(_single(plan, c))
    for mentions in groups.values():
        findings.extend(_conflicts(mentions))
    return findings


def _single(plan: Plan, c: Citation) -> list[Finding]:
    out: list[Finding] = []
    code = parse_code(c.key) if c.key and c.form in ("state", "party", "short") else None
    date = c.date.value if c.date and c.date.kind == "date" else None
    if code and code.year and date and date[:4] != code.year:
        out.append(
            Finding(
                kind="year_mismatch",
                key=c.key,
                message=f"{c.key} is dated {date}, but its code says {code.year}",
                places=[_place(plan, c)],
            )
        )
    if (
        date
        and plan.date
        and plan.date.kind == "date"
        and plan.date.value
        and (date > plan.date.value)
    ):
        out.append(
            Finding(
                kind="cited_after_plan",
                key=c.key,
                message=f"{c.key} is dated {date}, after the plan itself ({plan.date.value})",
                places=[
                    _place(plan, c),
                    Place(
                        source=plan.source,
                        raw=plan.date.raw,
                        span=plan.date.span,
                        date=plan.date.value,
                    ),
                ],
            )
        )
    if code and code.issuer and not is_known_issuer(code.issuer):
        out.append(
            Finding(
                kind="unknown_issuer",
                key=c.key,
                message=f"issuer code {code.issuer.split('-')[0]!r} of {c.key} is not a known code",
                places=[_place(plan, c)],
            )
        )
    return out


def _conflicts(mentions: list[tuple[Plan, Citation]]) -> list[Finding]:
    out: list[Finding] = []
    key = mentions[0][1].key
    first_by_date: dict[str, tuple[Plan, Citation]] = {}
    for p, c in mentions:
        if c.date and c.date.kind == "date" and c.date.value:
            first_by_date.setdefault(c.date.value, (p, c))
    values = list(first_by_date)
    for other in values[1:]:
        a, b = first_by_date[values[0]], first_by_date[other]
        out.append(
            Finding(
                kind="date_conflict",
                key=key,
                message=f"{key} is cited as of {values[0]} and as of {other}",
                places=[_place(*a), _place(*b)],
            )
        )
    by_issuer: dict[str, tuple[Plan, Citation]] = {}
    for p, c in mentions:
        if c.issuer:
            by_issuer.setdefault(issuer_key(c.issuer), (p, c))
    for (_, a), (_, b) in combinations(by_issuer.items(), 2):
        if not same_body(a[1].issuer or "", b[1].issuer or ""):
            out.append(
                Finding(
                    kind="issuer_conflict",
                    key=key,
                    message=f"{key} is cited as issued by {a[1].issuer!r} and by {b[1].issuer!r}",
                    places=[_place(*a), _place(*b)],
                )
            )
    return out


def check(plans: Plan | Sequence[Plan]) -> list[Finding]:
    """What looks wrong in one plan or many: the citation checks across all of them, then
    each plan's own text (:func:`plancorpus.compare.findings.plan_findings`)."""
    group = [plans] if isinstance(plans, Plan) else list(plans)
    return citation_findings(group) + [f for p in group for f in plan_findings(p)]


def check_citations(plans: Plan | Sequence[Plan]) -> list[Finding]:
    """Deprecated: the citation checks alone; :func:`check` runs every check."""
    warnings.warn(
        "plancorpus.check_citations is deprecated; call plancorpus.check",
        DeprecationWarning,
        stacklevel=2,
    )
    return citation_findings(plans)
