"""Resolve: one citation per place (overlaps settled), a type word carried over an elided
list ("Chỉ thị 15/CT-TTg và 16/CT-TTg"), short forms and year-less law names given the key of
the full mention, and undated later mentions the date of the first dated one.
"""

from __future__ import annotations

from itertools import pairwise

import regex

from plancorpus.extract.citations.scan import Found
from plancorpus.model.plan import Citation, Span
from plancorpus.text.vietnamese import compare_key

_LIST_GLUE = regex.compile(r"^[ \t\n]*(?:,|;|và|hoặc|,\s*và)[ \t\n]*(?:số[ \t]*)?$")

_PRIORITY = {"state": 0, "party": 0, "named": 1, "short": 2}


def _beats(f: Found, k: Found) -> bool:
    """Whether ``f``, starting inside kept ``k``, takes its place."""
    if k.holds_codes:
        return False  # the amended laws' codes inside an amending law's name
    if _PRIORITY[f.form] < _PRIORITY[k.form]:
        return True
    # a code inside a long name ("Luật … số 06/2022/QH15"): the code wins
    return k.form == "named" and f.form in ("state", "party") and f.start >= k.start


def drop_overlaps(found: list[Found]) -> list[Found]:
    """One citation per place. Mentions are taken by start; one that overlaps a kept one
    replaces it when it ranks higher. Only the kept ones that reach past the current start can
    overlap, so each mention is checked against those few, not against all."""
    found.sort(key=lambda f: (f.start, _PRIORITY[f.form], -(f.end - f.start)))
    kept: dict[int, Found] = {}  # by id, in the order they were kept
    live: list[Found] = []  # kept ones that end after the current start
    for f in found:
        live = [k for k in live if k.end > f.start and id(k) in kept]
        beaten = next((k for k in live if _beats(f, k)), None)
        if live and beaten is None:
            continue
        if beaten is not None:
            del kept[id(beaten)]
        kept[id(f)] = f
        live.append(f)
    return sorted(kept.values(), key=lambda f: f.start)


def resolve(text: str, found: list[Found]) -> None:
    # elided type word in a list: "Chỉ thị 15/CT-TTg và 16/CT-TTg"
    for prev, cur in pairwise(found):
        if cur.typed or cur.form not in ("state", "party") or prev.form not in ("state", "party"):
            continue
        glue = text[prev.end : cur.start]
        if _LIST_GLUE.match(glue) and (cur.code_type is None or cur.code_type == prev.code_type):
            cur.doc_type = prev.doc_type
    # short forms take the key of the full mention they abbreviate
    full = [f for f in found if f.form in ("state", "party") and f.key]
    for f in found:
        if f.form != "short":
            continue
        for g in full:
            if (
                g.doc_type == f.doc_type
                and g.number
                and f.number
                and (g.number.lstrip("0") == f.number.lstrip("0"))
            ):
                f.key, f.symbol = g.key, g.symbol
                break
    # a law named without its year is the one named with it elsewhere in the text ("Luật Thi
    # đua, khen thưởng" after "Luật Thi đua, khen thưởng năm 2022"), when only one year is
    # named
    versions: dict[str, set[str]] = {}
    for f in found:
        if f.form == "named" and f.key and _NAME_YEAR_END.search(f.key):
            versions.setdefault(name_base(f.key), set()).add(f.key)
    for f in found:
        if f.form == "named" and f.key and not _NAME_YEAR_END.search(f.key):
            keys = versions.get(name_base(f.key), set())
            if len(keys) == 1:
                f.key = next(iter(keys))


_NAME_YEAR_END = regex.compile(r"\s+(?:năm\s+)?\d{4}$")


def name_base(name: str) -> str:
    """A name cited without its year, for comparison: "Luật Đất đai năm 2013" → "luật đất đai"."""
    return str(_NAME_YEAR_END.sub("", compare_key(name)))


def to_citations(text: str, found: list[Found]) -> list[Citation]:
    """The model's citations, each undated mention with the first dated one's date."""
    first_dated: dict[str, str] = {}
    for f in found:
        if f.key and f.date and f.date.value and compare_key(f.key) not in first_dated:
            first_dated[compare_key(f.key)] = f.date.value
    out = []
    for f in found:
        resolved = None
        if f.key and f.date is None:
            resolved = first_dated.get(compare_key(f.key))
        out.append(
            Citation(
                doc_type=f.doc_type,
                number=f.number,
                symbol=f.symbol,
                key=f.key,
                date=f.date,
                issuer=f.issuer,
                title=f.title,
                raw=text[f.start : f.end],
                span=Span(start=f.start, end=f.end),
                defects=list(dict.fromkeys(f.defects)),
                form=f.form,
                resolved_date=resolved,
            )
        )
    return out
