"""Scan: around each anchor the finders give, read the type word and "số" before it, then the
date that belongs to it and the "của …" issuer after it, and make a :class:`Found`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

import regex

from plancorpus.data import laws as lawnames
from plancorpus.data import patterns
from plancorpus.extract.citations.find import (
    LAW_CODE,
    CodeAnchor,
    charter_anchors,
    code_anchors,
    named_anchors,
    short_anchors,
    type_before,
    type_name,
    type_words,
)
from plancorpus.extract.citations.issuer import issuer_after
from plancorpus.extract.dates import date_at
from plancorpus.model.plan import CitationForm, DateMention
from plancorpus.text.lazyregex import lazy_compile
from plancorpus.text.vietnamese import collapse_spaces

# the document's own number: "Số: 415/KH-SGDĐT" opening its line or table cell, or "Số:" after
# other header text run into the same line ("…TRUNG ƯƠNG***Số: 367 - QĐ/TWĐTN")
_OWN_NUMBER = lazy_compile(r"[ \t|]*Số[ \t]*:?[ \t]*|.*(?<!\p{L})Số[ \t]*:[ \t]*")

# "Mẫu số 01", "mẫu 05/HN", "Phụ lục 03/PL-UBND", "theo biểu 02/TK": forms, not citations
_FORM_NUMBER = lazy_compile(r"(?i)(?:mẫu|biểu|phụ\s+lục)(?:\s+số)?\s*:?\s*$")

_FILLER = lazy_compile(
    r"[ \t\n]*,?[ \t\n]*(?:(?!của\b|về\b|và\b|theo\b|tại\b|ngày\b|tháng\b)\p{Ll}+[ \t\n]+){0,2}"
    r",?[ \t\n]*"
    # a page title's year between the code and its date: "Chỉ thị số 14-CT/TW 2017 ngày 19/7/2017"
    r"(?:(?:19|20)\d\d[ \t]+(?=(?i:ngày)))?"
    r"(?=(?i:ngày|tháng)|\d)"
)

NAME_YEAR = lazy_compile(r"\s+(?:năm\s+)?(?:19|20)\d\d\b")


@dataclass
class Found:
    start: int
    end: int
    form: CitationForm
    doc_type: str | None
    number: str | None = None
    symbol: str | None = None
    key: str | None = None
    code_type: str | None = None
    title: str | None = None
    date: DateMention | None = None
    issuer: str | None = None
    defects: list[str] = field(default_factory=list)
    typed: bool = False  # a type word was written before the code
    lower: bool = False  # a short form with its type word in lower case ("nghị định 68")
    holds_codes: bool = False  # an amending law's name that numbers each law it amends


def _date_after(text: str, pos: int) -> DateMention | None:
    """The date written right after a code ("…/KH-UBND tỉnh ngày 27/4/2022"): only spaces, a
    comma or a glued word or two ("tỉnh") may stand between."""
    fill = _FILLER.match(text, pos, pos + 120)
    return date_at(text, fill.end()) if fill else None


def _is_own_number(lookback: str) -> bool:
    """ "Số: 415/KH-SGDĐT" opening a line (a header cell), not "…Kế hoạch\nsố 12/KH-UBND"."""
    head, _, line = lookback.rpartition("\n")
    if not line.strip(" \t|"):
        # "Số:" alone in its table cell, the number on the next line
        head, _, line = head.rpartition("\n")
        if not line.rstrip().endswith(":"):
            return False
    if not _OWN_NUMBER.fullmatch(line):
        return False
    before = line[: line.rfind("Số")]
    return not any(type_before().search(t.rstrip() + " ") for t in (head, before))


_NAMED_BEFORE = lazy_compile(
    r"(?<!\p{L})(?P<type>Bộ\s+luật|Luật|Pháp\s+lệnh|Nghị\s+quyết)\s+[^;:\n()]{1,90}?\s+số\s*:?\s*$"
)


def _code_found(text: str, anchor: CodeAnchor) -> Found | None:
    """A citation of ``code``, written from ``start`` to ``end``, with the type word and "số"
    read before it, or None for the document's own number and form numbers ("Mẫu số 01").
    ``written`` replaces the symbol as written when the code had to be mended."""
    start, end, code, written = anchor.start, anchor.end, anchor.code, anchor.written
    lookback = text[max(0, start - 60) : start]
    if _is_own_number(lookback) or _FORM_NUMBER.search(lookback):
        return None
    tb = type_before().search(lookback)
    if code.number is None and not (tb and tb.group("so")):
        return None  # a blank number only after "số"
    defects = list(code.defects)
    dtype = type_name(tb.group("type")) if tb else None
    if dtype is None and not code.type_code:
        # "Luật Nhà giáo số 73/2025/QH15": the legislature's codes carry no type; its name does
        named = _NAMED_BEFORE.search(text, max(0, start - 120), start)
        dtype = type_name(named.group("type")) if named else None
    if tb and lookback.endswith("số") and code.number:
        defects.append("missing_space")
    if dtype is None and code.type_code:
        dtype = patterns.doc_type_codes().get(code.type_code.upper())
    if dtype and code.type_code and dtype.code:
        allowed = {c.upper() for c in (dtype.code, dtype.party_code, dtype.informal_code) if c}
        if code.type_code.upper() not in allowed:
            defects.append("type_mismatch")
    issued = _issuer_before(lookback) if tb is None else None
    if issued is not None and dtype is None:
        dtype = type_name(issued.group("type"))
    f = Found(
        start=start - (len(lookback) - opener.start()) if (opener := tb or issued) else start,
        end=end,
        form="party" if code.party else "state",
        doc_type=dtype.name if dtype else ("Công văn" if not code.type_code else None),
        number=code.number,
        symbol=written or code.symbol,
        key=code.key,
        code_type=code.type_code,
        defects=defects,
        typed=tb is not None or issued is not None,
    )
    finish(text, f)
    if issued is not None and f.issuer is None:
        f.issuer = collapse_spaces(issued.group("org"))
    return f


@cache
def _issuer_before_rx() -> regex.Pattern[str]:
    words = sorted(type_words(), key=len, reverse=True)
    alt = "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in words)
    return regex.compile(
        rf"(?i)(?<!\p{{L}})(?P<type>{alt})\s+của\s+(?P<org>\p{{Lu}}[^;:,.\n()]{{1,50}}?)"
        r"\s+số\s*:?\s*$"
    )


def _issuer_before(lookback: str) -> regex.Match[str] | None:
    """ "Chỉ thị của Ban Bí thư số 12-CT/TW": the issuer written between type and number."""
    return _issuer_before_rx().search(lookback)


def finish(text: str, f: Found) -> None:
    """Read the date and issuer that follow a citation and extend its span over them."""
    f.date = _date_after(text, f.end)
    if f.date:
        f.end = f.date.span.end
    iss = issuer_after(text, f.end)
    if iss:
        f.issuer, f.end = iss
        if f.date is None:  # "… của Tỉnh ủy Sơn La ngày 15/3/2024": the date after the issuer
            f.date = _date_after(text, f.end)
            if f.date:
                f.end = f.date.span.end


_CODE_IN_NAME = lazy_compile(rf"\bsố\s+{LAW_CODE}")
_AMENDING_NAME = lazy_compile(r"(?i)(?:Luật|Pháp\s+lệnh)\s+sửa\s+đổi")
_LAW_CODE_AFTER = lazy_compile(rf",?\s+(?i:số)\s+{LAW_CODE}")


def _named(text: str, start: int, end: int, kind: str) -> Found | None:
    """A document cited by name, from ``start`` to ``end`` (a "năm 2022" after it is added)."""
    name = text[start:end].rstrip(' ,\t\n”"')
    year = NAME_YEAR.match(text, start + len(name), start + len(name) + 40)
    if year:
        name += year.group(0)
    title = collapse_spaces(name)
    title = title[:1].upper() + title[1:]  # "luật đất đai năm 2013" is keyed "Luật đất đai …"
    if title.isupper():  # a title in capitals: the name as listed ("Luật Bảo vệ dữ liệu …")
        title = lawnames.official(title) or title
    # an amending law names every law it amends ("… của Luật Đấu thầu, Luật Đầu tư theo
    # phương thức đối tác công tư, Luật Hải quan, …"): its name may be long
    longest = 80 if _AMENDING_NAME.match(title) else 25
    if not 2 <= len(title.split()) <= longest:
        return None
    end = start + len(name)
    # "Luật Bầu cử … số 85/2015/QH13": the law's own code follows; reaching over it lets the
    # code (which ranks higher) take the place
    coded = _LAW_CODE_AFTER.match(text, end, end + 40)
    f = Found(
        start=start,
        end=coded.end() if coded else end,
        form="named",
        doc_type=kind,
        title=title,
        key=title,
        typed=True,
    )
    # "Luật sửa đổi, bổ sung một số điều của Luật Đất đai số 31/2024/QH15, Luật Nhà ở số
    # 27/2023/QH15, …": the codes inside name the amended laws; the citation is the whole
    f.holds_codes = bool(_AMENDING_NAME.match(title)) and len(_CODE_IN_NAME.findall(name)) >= 2
    finish(text, f)
    return f


def scan(text: str) -> list[Found]:
    """Every candidate citation: codes, then names, the charter, and short forms (which
    look for the numbers of the documents cited in full)."""
    out = [f for a in code_anchors(text) if (f := _code_found(text, a))]
    out += [f for s, e, kind in named_anchors(text) if (f := _named(text, s, e, kind))]
    out += [_charter(text, s, e) for s, e in charter_anchors(text)]
    full = {(f.doc_type, f.number.lstrip("0")) for f in out if f.number}
    for start, end, word, number in short_anchors(text, full):
        dtype = type_name(word)
        if dtype is None:
            continue
        f = Found(
            start=start,
            end=end,
            form="short",
            doc_type=dtype.name,
            number=number,
            defects=["short_form"],
            typed=True,
            lower=word[:1].islower(),
        )
        finish(text, f)
        out.append(f)
    return out


def _charter(text: str, start: int, end: int) -> Found:
    title = collapse_spaces(text[start:end])
    f = Found(
        start=start, end=end, form="named", doc_type="Điều lệ", title=title, key=title, typed=True
    )
    finish(text, f)
    return f
