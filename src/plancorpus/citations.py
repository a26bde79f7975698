"""Cited documents: find every one, give it a canonical key, keep what was written.

Three scans over the text, each one regex pass: number-and-symbol codes ("1258/QĐ-TTG",
"22-\\nNQ/TW", "số31-QĐ/TW"), documents cited by name ("Luật Thi đua, khen thưởng năm 2022",
"Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng"), and short forms ("Chỉ thị 05").
Around each anchor we read the type word and "số" before it, then the date that belongs to it
and the "của …" issuer after it. A last pass over the document carries a type word over an
elided list ("Chỉ thị 15/CT-TTg và 16/CT-TTg"), resolves short forms to their full mention and
gives undated later mentions the date of the first dated one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise

import regex

from . import patterns
from .codes import parse_code
from .dates import date_at
from .models import Citation, CitationForm, DateMention, Span
from .names import find_head
from .vietnamese import DASHES, collapse_spaces, compare_key

_UP = "A-ZĐƯƠÂÊÔĂ"
_PART = rf"[{_UP}][{_UP}a-zđ&]*(?![\p{{Ll}}])"
_WS = r"[ \t]*(?:\n[ \t]*)?"
# a line break may follow a separator ("22-\nNQ/TW"), never precede it ("2\n- Sở…" is a list)
_SEP = rf"[ \t]*[/\-_{DASHES}]{_WS}"
_DOT = rf"\.[ \t]?(?=[{_UP}]{{2}})"
_REST = rf"{_SEP}(?:(?:19|20)\d\d{_SEP})?{_PART}(?:(?:{_SEP}|{_DOT}){_PART})*"
# a number opens the code: the scan only starts at digits
_CODE = regex.compile(rf"(?P<num>\d{{1,5}}[a-z]?)(?P<rest>{_REST})")
# a draft's blank number: "Tờ trình số  /TTr-SNV" (only after "số")
_BLANK_CODE = regex.compile(
    rf"(?<=\bsố[ \t]*:?[ \t]*)(?P<rest>[/\-][ \t]*{_PART}(?:(?:{_SEP}|{_DOT}){_PART})*)"
)
_LEFT_OK = regex.compile(r"(?:số|[^\p{L}\d/.,\-])$")
# "18/20202QĐ-UBND": a year glued to the type code by a stray digit
_MALFORMED = regex.compile(
    rf"(?<![\p{{L}}\d/])(?P<num>\d{{1,5}})/(?P<year>(?:19|20)\d\d)\d(?P<sym>{_PART}-{_PART})"
)
_OWN_NUMBER = regex.compile(r"[ \t|]*Số[ \t]*:?[ \t]*")
_FORM_NUMBER = regex.compile(r"(?i)(?:mẫu|biểu|phụ\s+lục)\s+số\s*:?\s*$")
_FILLER = regex.compile(
    r"[ \t\n]*,?[ \t\n]*(?:(?!của\b|về\b|và\b|theo\b|tại\b|ngày\b|tháng\b)\p{Ll}+[ \t\n]+){0,2}"
    r",?[ \t\n]*(?=ngày|tháng|\d)"
)
_LIST_GLUE = regex.compile(r"^[ \t\n]*(?:,|;|và|hoặc|,\s*và)[ \t\n]*(?:số[ \t]*)?$")
_WORD = regex.compile(r"\S+")
_NAME_YEAR = regex.compile(r"\s+năm\s+\d{4}\b")
_OF = regex.compile(r"[ \t]*,?[ \t]*(?:\n[ \t]*)?của[ \t\n]+")
_UNIT_AFTER = regex.compile(
    r"\s*(?:năm|tháng|ngày|tuần|lần|người|hộ|%|triệu|tỷ|nghìn|đồng|km|ha|xã|huyện|tỉnh|"
    r"đơn\s+vị|cá\s+nhân|tập\s+thể|nội\s+dung|điểm|khoản|điều)\b"
)

# Lower-case words that end an issuer phrase ("của Thủ tướng Chính phủ về việc…").
_ISSUER_STOPS = {
    "về",
    "v/v",
    "quy định",
    "hướng dẫn",
    "ban hành",
    "phê duyệt",
    "thực hiện",
    "triển khai",
    "tổ chức",
    "tăng cường",
    "đối với",
    "trong",
    "theo",
    "đã",
    "đến",
    "nhằm",
    "để",
    "tại",
    "giai đoạn",
    "năm",
    "cho",
    "với",
    "là",
    "được",
    "sẽ",
    "trên",
    "gồm",
    "sửa đổi",
    "bổ sung",
    "thành lập",
    "chỉ đạo",
    "phát động",
    "giao",
    "kiện toàn",
    "công nhận",
    "tặng",
    "xây dựng",
    "ngày",
    "số",
    "nay",
    "đang",
    "nêu",
    "kèm",
    "có",
    "thì",
    "mà",
    "như",
    "do",
    "từ",
    "khi",
    "lần",
    "hội nghị",
    "kết luận",
    "và các",
    "và những",
    "và một",
    "cũng",
}
_NAMED = regex.compile(
    r"\b(?P<type>Bộ\s+luật|Luật|Hiến\s+pháp|Pháp\s+lệnh)\s+"
    r"(?=\p{Lu}|sửa\s+đổi|năm\s+\d{4}|nước\b)"
    r"|\b(?P<type>Nghị\s+quyết)\s+(?=(?:Đại\s+hội|Hội\s+nghị|Trung\s+ương)\b)"
)
# Where a name cited without a code ends ("Luật Thi đua, khen thưởng| ngày 26/11/2003").
_NAME_STOP_COMMON = (
    r"[;:(\[“”\"]|\.(?:\s|$)|\n\s*\n|\s(?:ngày|số\s*\d|đã|được|quy\s+định|hướng\s+dẫn|"
    r"thì|là|theo|tại|trong|trên|gồm|cho|với|đối\s+với|nhằm|để|đến|"
    r"về\s+(?:việc|\p{Ll})|Kế\s+hoạch|Quyết\s+định|Chỉ\s+thị|Thông\s+tư|Nghị\s+định)\b"
    r"|,\s+(?=(?:ngày|và|các)\b)"
    # "Luật Doanh nghiệp, riêng 9 tháng…": a number (not a year after "năm") ends the name
    r"|,\s+(?=(?:\S+\s+){0,4}?(?<!năm\s)\d)"
    r"|\snhư\s+sau\b"
)
_NAME_STOP = regex.compile(
    _NAME_STOP_COMMON
    + r"|\s(?:của(?!\s+Hội\s+đồng\s+nhân\s+dân)|và(?=\s+(?:Luật|Nghị|Quyết|Chỉ|Thông|\p{Ll})))\b"
)
# an amending law's name holds "của Luật … và Luật …": only dates and clause ends stop it
_AMENDING_STOP = regex.compile(_NAME_STOP_COMMON)
# the Party's charter: "Điều lệ Đảng", "… Cộng sản Việt Nam", "Điều lệ Đảng khóa II"
_CHARTER = regex.compile(
    r"\bĐiều\s+lệ\s+Đảng(?:\s+Cộng\s+sản\s+Việt\s+Nam)?(?:\s+kho[áa]\s+[IVXL]+\b)?"
)
_PARTY_NAME_END = regex.compile(r"(?:lần\s+thứ|khóa|khoá)\s+[IVXL]+\b(?:\s+của\s+Đảng\b)?")


@cache
def _type_words() -> dict[str, patterns.DocType]:
    """Lower-case type word → type; longest first when matching."""
    return {d.name.lower(): d for d in patterns.doc_types()}


@cache
def _type_before() -> regex.Pattern[str]:
    words = sorted(_type_words(), key=len, reverse=True)
    alt = "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in words)
    # searched backwards from the end of the look-back window
    return regex.compile(rf"(?ir)(?<!\p{{L}})(?P<type>{alt})\s*(?P<so>số)?\s*:?\s*$")


@cache
def _short_form() -> regex.Pattern[str]:
    names = [d.name for d in patterns.doc_types() if d.name not in ("Luật", "Bộ luật")]
    alt = "|".join(
        regex.escape(w).replace(r"\ ", r"\s+") for w in sorted(names, key=len, reverse=True)
    )
    return regex.compile(
        rf"(?<!\d\s)(?<!\d)\b(?P<type>{alt})\s+(?:số\s+)?(?P<num>[1-9]\d{{0,3}}|0[1-9]\d{{0,2}})"
        rf"(?![\d/\-–.,]?\w)(?![ \t]*[/\-–][ \t]*\p{{Lu}})(?!\s+\d)"
    )


def _type_name(word: str) -> patterns.DocType | None:
    return _type_words().get(collapse_spaces(word).lower())


@dataclass
class _Found:
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


def _date_after(text: str, pos: int) -> DateMention | None:
    """The date written right after a code ("…/KH-UBND tỉnh ngày 27/4/2022"): only spaces, a
    comma or a glued word or two ("tỉnh") may stand between."""
    fill = _FILLER.match(text, pos)
    return date_at(text, fill.end()) if fill else None


def _issuer_after(text: str, pos: int) -> tuple[str, int] | None:
    """The "của …" phrase after a citation, and where it ends."""
    m = _OF.match(text, pos)
    if not m:
        return None
    start = m.end()
    words = list(_WORD.finditer(text[start : start + 200]))
    taken: list[regex.Match[str]] = []
    for k, w in enumerate(words):
        token = w.group(0)
        bare = token.rstrip('.,;:)”"')
        nxt = words[k + 1].group(0).rstrip(".,;:") if k + 1 < len(words) else ""
        pair = f"{bare} {nxt}".lower()
        if not taken:
            rest = " ".join(x.group(0) for x in words[k : k + 4])
            if not (bare[:1].isupper() or find_head(rest[:1].upper() + rest[1:])):
                return None
        else:
            lower = bare[:1].islower()
            if lower and (bare in _ISSUER_STOPS or pair in _ISSUER_STOPS):
                break
            if _type_name(pair):
                break  # "…Xã hội Hướng dẫn một số…", "…Bộ Giáo dục thông tư…": a new phrase
            if bare == "và" and (
                nxt[:1].islower()
                or _type_name(" ".join(x.group(0) for x in words[k + 1 : k + 3]).rstrip(".,;:"))
            ):
                break
            if "\n\n" in text[start + taken[-1].end() : start + w.start()]:
                break
            if bare == "" or bare[:1] in '(“"':
                break
        taken.append(w)
        if bare != token or len(taken) >= 14:
            break
    if not taken:
        return None
    end = start + taken[-1].start() + len(taken[-1].group(0).rstrip('.,;:)”"'))
    return collapse_spaces(text[start:end]), end


def _is_own_number(lookback: str) -> bool:
    """ "Số: 415/KH-SGDĐT" opening a line (a header cell), not "…Kế hoạch\nsố 12/KH-UBND"."""
    head, _, line = lookback.rpartition("\n")
    if not _OWN_NUMBER.fullmatch(line):
        return False
    return _type_before().search(head.rstrip() + " ") is None


def _scan_codes(text: str, out: list[_Found]) -> None:
    before_rx = _type_before()
    anchors = [
        m
        for m in _CODE.finditer(text)
        if m.start() == 0 or _LEFT_OK.search(text, max(0, m.start() - 2), m.start())
    ]
    anchors += list(_BLANK_CODE.finditer(text))
    for m in anchors:
        start, end = m.start(), m.end()
        number = m.group("num") if "num" in m.groupdict() else None
        lookback = text[max(0, start - 60) : start]
        if _is_own_number(lookback):
            continue  # the document's own "Số: …" line
        if _FORM_NUMBER.search(lookback):
            continue
        tb = before_rx.search(lookback)
        if number is None and not (tb and tb.group("so")):
            continue  # a blank number only after "số"
        code = parse_code(text[start:end])
        if code is None:
            continue
        defects = list(code.defects)
        dtype = _type_name(tb.group("type")) if tb else None
        if tb and lookback.endswith("số") and number:
            defects.append("missing_space")
        if dtype is None and code.type_code:
            dtype = patterns.doc_type_codes().get(code.type_code.upper())
        if dtype and code.type_code and dtype.code:
            allowed = {c.upper() for c in (dtype.code, dtype.party_code, dtype.informal_code) if c}
            if code.type_code.upper() not in allowed:
                defects.append("type_mismatch")
        f = _Found(
            start=start - (len(lookback) - tb.start()) if tb else start,
            end=end,
            form="party" if code.party else "state",
            doc_type=dtype.name if dtype else ("Công văn" if not code.type_code else None),
            number=number,
            symbol=code.symbol,
            key=code.key,
            code_type=code.type_code,
            defects=defects,
            typed=tb is not None,
        )
        _finish(text, f)
        out.append(f)
    for m in _MALFORMED.finditer(text):
        tb = before_rx.search(text[max(0, m.start() - 60) : m.start()])
        dtype = _type_name(tb.group("type")) if tb else None
        code = parse_code(f"{m.group('num')}/{m.group('year')}/{m.group('sym')}")
        if code is None:
            continue
        f = _Found(
            start=m.start() - (len(text[max(0, m.start() - 60) : m.start()]) - tb.start())
            if tb
            else m.start(),
            end=m.end(),
            form="state",
            doc_type=dtype.name if dtype else None,
            number=code.number,
            symbol=text[m.start("year") : m.end()],
            key=code.key,
            code_type=code.type_code,
            defects=["malformed_code"],
            typed=tb is not None,
        )
        _finish(text, f)
        out.append(f)


def _finish(text: str, f: _Found) -> None:
    """Read the date and issuer that follow a citation and extend its span over them."""
    f.date = _date_after(text, f.end)
    if f.date:
        f.end = f.date.span.end
    iss = _issuer_after(text, f.end)
    if iss:
        f.issuer, f.end = iss


def _scan_named(text: str, out: list[_Found]) -> None:
    for m in _NAMED.finditer(text):
        start = m.start()
        amending = text.startswith("sửa đổi", m.end())
        stop_rx = _AMENDING_STOP if amending else _NAME_STOP
        stop = stop_rx.search(text, m.end(), min(len(text), m.end() + 200))
        end = stop.start() if stop else min(len(text), m.end() + 200)
        name = text[start:end].rstrip(' ,\t\n”"')
        kind = collapse_spaces(m.group("type"))
        if kind == "Nghị quyết":
            party = _PARTY_NAME_END.search(text, m.end(), m.end() + 160)
            if not party:
                continue
            name = text[start : party.end()]
            end = party.end()
        year = _NAME_YEAR.match(text, start + len(name))
        if year:
            name += year.group(0)
        end = start + len(name)
        title = collapse_spaces(name)
        if len(title.split()) < 2 or len(title.split()) > 25:
            continue
        f = _Found(
            start=start, end=end, form="named", doc_type=kind, title=title, key=title, typed=True
        )
        _finish(text, f)
        out.append(f)


def _scan_charter(text: str, out: list[_Found]) -> None:
    for m in _CHARTER.finditer(text):
        title = collapse_spaces(m.group(0))
        f = _Found(
            start=m.start(),
            end=m.end(),
            form="named",
            doc_type="Điều lệ",
            title=title,
            key=title,
            typed=True,
        )
        _finish(text, f)
        out.append(f)


def _scan_short(text: str, out: list[_Found]) -> None:
    for m in _short_form().finditer(text):
        if _UNIT_AFTER.match(text, m.end()):
            continue
        dtype = _type_name(m.group("type"))
        if dtype is None:
            continue
        f = _Found(
            start=m.start(),
            end=m.end(),
            form="short",
            doc_type=dtype.name,
            number=m.group("num"),
            defects=["short_form"],
            typed=True,
        )
        _finish(text, f)
        out.append(f)


_PRIORITY = {"state": 0, "party": 0, "named": 1, "short": 2}


def _drop_overlaps(found: list[_Found]) -> list[_Found]:
    found.sort(key=lambda f: (f.start, _PRIORITY[f.form], -(f.end - f.start)))
    kept: list[_Found] = []
    for f in found:
        clash = [k for k in kept if f.start < k.end and k.start < f.end]
        if not clash:
            kept.append(f)
            continue
        for k in clash:
            if _PRIORITY[f.form] < _PRIORITY[k.form]:
                kept.remove(k)
                kept.append(f)
                break
            if k.form == "named" and f.form in ("state", "party") and f.start >= k.start:
                # a code inside a long name ("Luật … số 06/2022/QH15"): the code wins
                kept.remove(k)
                kept.append(f)
                break
    kept.sort(key=lambda f: f.start)
    return kept


def _resolve(text: str, found: list[_Found]) -> None:
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


def extract_citations(text: str, exclude: list[Span] | None = None) -> list[Citation]:
    """Every cited document in ``text``, in reading order. Spans in ``exclude`` (the
    document's own number, say) are left out."""
    found: list[_Found] = []
    _scan_codes(text, found)
    _scan_named(text, found)
    _scan_charter(text, found)
    _scan_short(text, found)
    found = _drop_overlaps(found)
    if exclude:
        found = [f for f in found if not any(f.start < s.end and s.start < f.end for s in exclude)]
    _resolve(text, found)
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
