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

from plancorpus.data import laws as lawnames
from plancorpus.data import patterns
from plancorpus.extract.codes import Code, parse_code
from plancorpus.extract.dates import date_at
from plancorpus.model.plan import Citation, CitationForm, DateMention, Span
from plancorpus.segment.cues import find_head
from plancorpus.text.vietnamese import DASHES, collapse_spaces, compare_key, is_syllable

_UP = "A-ZĐƯƠÂÊÔĂ"
# the legislature adds its term to its code: "55/2001/QH10", "…/UBTVQH15"
_PART = rf"[{_UP}][{_UP}a-zđ&]*(?:(?<=QH)\d{{1,2}}(?![\d\p{{L}}]))?(?![\p{{Ll}}])"
_WS = r"[ \t]*(?:\n[ \t]*)?"
# a line break may follow a separator ("22-\nNQ/TW"), never precede it ("2\n- Sở…" is a list)
_SEP = rf"[ \t]*[/\-_{DASHES}]{_WS}"
_DOT = rf"\.[ \t]?(?=[{_UP}]{{2}})"
_REST = rf"{_SEP}(?:(?:19|20)\d\d{_SEP})?{_PART}(?:(?:{_SEP}|{_DOT}){_PART})*"
# a number opens the code: the scan only starts at digits
_CODE = regex.compile(rf"(?P<num>\d{{1,5}}[a-z]?)(?P<rest>{_REST})")
# a draft's blank number: "Tờ trình số  /TTr-SNV" (only after "số")
_BLANK_CODE = regex.compile(
    rf"(?<!\p{{L}})số[ \t]*:?[ \t]*(?P<rest>[/\-][ \t]*{_PART}(?:(?:{_SEP}|{_DOT}){_PART})*)"
)
_LEFT_OK = regex.compile(r"(?:số|[^\p{L}\d/.,\-])$")
# "18/20202QĐ-UBND": a year glued to the type code by a stray digit
_MALFORMED = regex.compile(
    rf"(?<![\p{{L}}\d/])(?P<num>\d{{1,5}})/(?P<year>(?:19|20)\d\d)\d(?P<sym>{_PART}-{_PART})"
)
# the document's own number: "Số: 415/KH-SGDĐT" opening its line or table cell, or "Số:" after
# other header text run into the same line ("…TRUNG ƯƠNG***Số: 367 - QĐ/TWĐTN")
_OWN_NUMBER = regex.compile(r"[ \t|]*Số[ \t]*:?[ \t]*|.*(?<!\p{L})Số[ \t]*:[ \t]*")
_FORM_NUMBER = regex.compile(r"(?i)(?:mẫu|biểu|phụ\s+lục)\s+số\s*:?\s*$")
_FILLER = regex.compile(
    r"[ \t\n]*,?[ \t\n]*(?:(?!của\b|về\b|và\b|theo\b|tại\b|ngày\b|tháng\b)\p{Ll}+[ \t\n]+){0,2}"
    r",?[ \t\n]*(?=(?i:ngày|tháng)|\d)"
)
_LIST_GLUE = regex.compile(r"^[ \t\n]*(?:,|;|và|hoặc|,\s*và)[ \t\n]*(?:số[ \t]*)?$")
_WORD = regex.compile(r"\S+")
_NAME_YEAR = regex.compile(r"\s+năm\s+\d{4}\b")
_OF = regex.compile(r"[ \t]*,?[ \t]*(?:\n[ \t]*)?(?i:của)[ \t\n]+")
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
    # function words that open the rest of a sentence ("…của Thủ tướng Chính phủ lại chưa…")
    "lại",
    "chưa",
    "đều",
    "vẫn",
    "không",
    "này",
    "đó",
    "nhưng",
    "nên",
    "vì",
    "bởi",
    "còn",
    "nếu",
    "trình",
    "vào",
    "đề ra",
    "cần",
    "phải",
    "bị",
    "vừa",
    "sau khi",
    "trước khi",
    # verbs that open what the cited document does ("…của Ban Tuyên giáo Trung ương tuyên
    # truyền kỷ niệm…")
    "tuyên truyền",
    "đề nghị",
    "yêu cầu",
    "thông báo",
    "kỷ niệm",
    "báo cáo",
    "tham mưu",
    "phối hợp",
    "công bố",
    "điều chỉnh",
    "cho phép",
    "ủy quyền",
    "hỗ trợ",
    "đánh giá",
    "kiểm tra",
    "đẩy mạnh",
    "nâng cao",
    "tiếp tục",
    "thống nhất",
    "chấp thuận",
    "phân bổ",
    "phân cấp",
    "tổng kết",
    "sơ kết",
    "quán triệt",
    "giải quyết",
    "bảo đảm",
    "đảm bảo",
}
_GLUED_STOP = regex.compile(r"(?:về|của|theo|tại|trong|để|nhằm|đã|được)\p{Ll}{2,}")
# A person's title may open an issuer that goes on after a comma: "của Bộ trưởng, Trưởng ban
# Ban Tổ chức cán bộ Chính phủ".
# So may a ministry or department whose name holds a comma: "Bộ Lao động, Thương binh và Xã
# hội", "Sở Văn hóa, Thể thao và Du lịch".
_TITLE_BEFORE_COMMA = regex.compile(
    r"(?:Bộ|Thứ|Thủ)\s+trưởng|(?:Phó\s+)?(?:Chủ\s+tịch|Giám\s+đốc)"
    r"|(?i:.*\b(?:Lao\s+động|Văn\s+h[oó]a|Văn\s+hoá))"
)
# a new list item after a line break ends the issuer ("…Chính phủ\n- Quyết định…", "…BR – VT\n2.
# Tiêu chuẩn"); a dash may also carry a name over the line ("Bộ Lao động\n- Thương binh và Xã hội")
_LABEL = regex.compile(r"\d{1,2}[.)]|[a-zđ][.)]|[IVXL]+[.)]")
_DASH_ITEM = regex.compile(r"[-–+•*]")


def _opens_item(token: str, after: list[regex.Match[str]]) -> bool:
    if _LABEL.fullmatch(token):
        return True
    if not _DASH_ITEM.fullmatch(token) or not after:
        return False
    first = after[0].group(0)
    two = " ".join(w.group(0) for w in after).rstrip(".,;:")
    return first[:1].islower() or _type_name(two) is not None or _type_name(first) is not None


_NAMED = regex.compile(
    r"\b(?P<type>Bộ\s+luật|Luật|Hiến\s+pháp|Pháp\s+lệnh)\s+"
    r"|\b(?P<type>Nghị\s+quyết)\s+(?=(?:của\s+)?(?:(?i:Đại\s+hội|Hội\s+nghị)|Trung\s+ương)\b)"
)
# What makes a law's name after its type word: a capital, an amendment, a year; in lower
# case, a date or number after it ("Luật giá ngày 19 tháng 6 năm 2023": "Luật sư", "Luật
# pháp" are not laws); an ordinance in lower case ("Pháp lệnh thuế thu nhập đối với…").
_LAW_NAME = regex.compile(r"\p{Lu}|sửa\s+đổi|năm\s+\d{4}|nước\b")
_LOWER_LAW = regex.compile(
    r"(?!(?:sư|pháp|định|lệ)\b)\p{Ll}+(?:\s+\p{Ll}+){0,5}\s+(?:ngày\s+\d|năm\s+\d{4}|số\s+\d)"
)
_LOWER_ORDINANCE = regex.compile(r"(?!(?:và|này|các|đó|về|của|hiện|đã|được|trên|mới|có)\b)\p{Ll}")
# Where a name cited without a code ends ("Luật Thi đua, khen thưởng| ngày 26/11/2003").
_NAME_STOP_COMMON = (
    r"[;:(\[“”\"]|\.(?:\s|$)|\n\s*\n|\s(?:ngày|số\s*\d|đã|được|quy\s+định|hướng\s+dẫn|"
    r"thì|là|theo|tại|trong|trên|gồm|cho|với|đối\s+với|nhằm|để|đến|hiện\s+hành|vào|nên|mà|"
    r"nhưng|chưa|không|còn|có\s+hiệu\s+lực|trình(?=\s+\p{Lu})|"
    r"về\s+(?:việc|\p{Ll})|Kế\s+hoạch|Quyết\s+định|Chỉ\s+thị|Thông\s+tư|Nghị\s+định)\b"
    r"|,\s+(?=(?:ngày|và|các)\b)"
    # "Luật Doanh nghiệp, riêng 9 tháng…": a number (not a year after "năm") ends the name
    r"|,\s+(?=(?:(?!ngày\b)\S+\s+){0,4}?(?<!năm\s)\d)"
    r"|\snhư\s+sau\b"
    # a law's year ends its name ("Luật Đất đai năm 2013| khác…"); the year is added back
    r"|\snăm\s+\d{4}\b"
)
_NAME_STOP = regex.compile(
    _NAME_STOP_COMMON
    + r"|\s(?:của(?!\s+Hội\s+đồng\s+nhân\s+dân)"
    + r"|và(?=\s+(?:Luật|Bộ\s+luật|Pháp\s+lệnh|Nghị|Quyết|Chỉ|Thông|\p{Ll})))\b"
)
# an amending law's name holds "của Luật … và Luật …": only dates and clause ends stop it
_AMENDING_STOP = regex.compile(_NAME_STOP_COMMON)
# the Party's charter: "Điều lệ Đảng", "… Cộng sản Việt Nam", "Điều lệ Đảng khóa II"
_CHARTER = regex.compile(
    r"\bĐiều\s+lệ\s+Đảng(?:\s+Cộng\s+sản\s+Việt\s+Nam)?(?:\s+kho[áa]\s+[IVXL]+\b)?"
)
# where a Party resolution's name ends: "… lần thứ XIII của Đảng", "… khoá IX", "Nghị quyết
# Trung ương 9 (khoá IX)", "… lần thứ 8 (khoá VII)"
_PARTY_NAME_END = regex.compile(
    r"(?:(?:lần\s+thứ|kho[áa]|khóa)\s+[IVXL]+\b|lần\s+thứ\s+\d{1,2}(?!\d)"
    r"|Trung\s+ương\s+\d{1,2}(?!\d)"
    # "Nghị quyết Đại hội XIII của Đảng", "Nghị quyết Đại hội XI Đảng bộ tỉnh"
    r"|Đại\s+hội\s+(?:đại\s+biểu\s+)?(?:toàn\s+quốc\s+)?[IVXL]+\b"
    r"(?:\s+Đảng\s+bộ\s+(?:tỉnh|thành\s+phố|huyện|quận|thị\s+xã)\b(?:\s+\p{Lu}\p{Ll}*){0,3})?)"
    r"(?:\s*\((?:kho[áa]|khóa)\s+[IVXL]+\))?(?:\s+của\s+Đảng\b)?"
)


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
        + _SHORT_TAIL
    )


# what may follow a short form's number: not a code ("05/CT…"), a decimal or another number
_SHORT_TAIL = r"(?![\d/\-–.,]?\w)(?![ \t]*[/\-–][ \t]*\p{Lu})(?![ \t]+\d)"


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
    lower: bool = False  # a short form with its type word in lower case ("nghị định 68")


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
            # in a heading in capitals the stop words are capitals too ("…CHÍNH PHỦ VỀ QUY ĐỊNH")
            caps = bare.isupper() and all(x.group(0).isupper() for x in taken)
            if (bare[:1].islower() or caps) and (
                bare.lower() in _ISSUER_STOPS or pair in _ISSUER_STOPS
            ):
                break
            if bare[:1].islower() and not is_syllable(bare) and _GLUED_STOP.match(bare):
                break  # "…Xã hội vềviệc triển khai": a stop word glued to the next one
            if _type_name(pair):
                break  # "…Xã hội Hướng dẫn một số…", "…Bộ Giáo dục thông tư…": a new phrase
            if bare == "và" and (
                nxt[:1].islower()
                or _type_name(" ".join(x.group(0) for x in words[k + 1 : k + 3]).rstrip(".,;:"))
            ):
                break
            gap = text[start + taken[-1].end() : start + w.start()]
            if "\n\n" in gap or ("\n" in gap and _opens_item(token, words[k + 1 : k + 3])):
                break
            if bare == "" or bare[:1] in '(“"':
                break
        taken.append(w)
        if token.endswith(",") and nxt[:1].isupper():
            so_far = text[start + taken[0].start() : start + w.start() + len(bare)]
            if _TITLE_BEFORE_COMMA.fullmatch(collapse_spaces(so_far)):
                continue
        if bare != token or len(taken) >= 14:
            break
    if not taken:
        return None
    end = start + taken[-1].start() + len(taken[-1].group(0).rstrip('.,;:)”"'))
    return collapse_spaces(text[start:end]), end


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
    return not any(_type_before().search(t.rstrip() + " ") for t in (head, before))


def _code_found(
    text: str, start: int, end: int, code: Code, written: str | None = None
) -> _Found | None:
    """A citation of ``code``, written from ``start`` to ``end``, with the type word and "số"
    read before it, or None for the document's own number and form numbers ("Mẫu số 01").
    ``written`` replaces the symbol as written when the code had to be mended."""
    lookback = text[max(0, start - 60) : start]
    if _is_own_number(lookback) or _FORM_NUMBER.search(lookback):
        return None
    tb = _type_before().search(lookback)
    if code.number is None and not (tb and tb.group("so")):
        return None  # a blank number only after "số"
    defects = list(code.defects)
    dtype = _type_name(tb.group("type")) if tb else None
    if tb and lookback.endswith("số") and code.number:
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
        number=code.number,
        symbol=written or code.symbol,
        key=code.key,
        code_type=code.type_code,
        defects=defects,
        typed=tb is not None,
    )
    _finish(text, f)
    return f


def _scan_codes(text: str, out: list[_Found]) -> None:
    anchors = [
        m
        for m in _CODE.finditer(text)
        if m.start() == 0 or _LEFT_OK.search(text, max(0, m.start() - 2), m.start())
    ]
    spans = [(m.start(), m.end()) for m in anchors]
    spans += [(m.start("rest"), m.end()) for m in _BLANK_CODE.finditer(text)]
    for start, end in spans:
        code = parse_code(text[start:end])
        if code and (f := _code_found(text, start, end, code)):
            out.append(f)
    for m in _MALFORMED.finditer(text):
        code = parse_code(f"{m.group('num')}/{m.group('year')}/{m.group('sym')}")
        if code:
            code.defects = ["malformed_code"]
            if f := _code_found(text, m.start(), m.end(), code, text[m.start("year") : m.end()]):
                out.append(f)
    for m in _spaced_code().finditer(text):
        # "số 84 QĐ/TWĐTN": a space stands for the number's separator
        rest = m.group("rest")
        sep = regex.search(rf"[/\-_{DASHES}]", rest)
        party = sep is not None and sep.group(0) == "/"  # "QĐ/TW" after the number: Party
        code = parse_code(m.group("num") + ("-" if party else "/") + rest)
        if code:
            code.defects = [*code.defects, "missing_separator"]
            if f := _code_found(text, m.start("num"), m.end(), code):
                out.append(f)


@cache
def _spaced_code() -> regex.Pattern[str]:
    codes = "|".join(sorted(patterns.doc_type_codes(), key=len, reverse=True))
    return regex.compile(
        rf"(?<!\p{{L}})số[ \t]*:?[ \t]*(?P<num>\d{{1,5}})[ \t]+"
        rf"(?P<rest>(?:{codes})(?:{_SEP}{_PART})+)(?![\p{{L}}\d])"
    )


def _finish(text: str, f: _Found) -> None:
    """Read the date and issuer that follow a citation and extend its span over them."""
    f.date = _date_after(text, f.end)
    if f.date:
        f.end = f.date.span.end
    iss = _issuer_after(text, f.end)
    if iss:
        f.issuer, f.end = iss


def _party_name_end(text: str, pos: int, stop: int) -> int | None:
    """Where a Party resolution's name that starts before ``pos`` ends: its first "lần thứ",
    "khoá" or "Trung ương N" before ``stop``, extended over the ones that follow closely
    ("Hội nghị lần thứ 9 Ban Chấp hành Trung ương Đảng khoá IX")."""
    m = _PARTY_NAME_END.search(text, pos, min(len(text), pos + 160))
    if m is None or m.start() > stop:
        return None
    end: int = m.end()
    while (
        nxt := _PARTY_NAME_END.search(text, end, min(len(text), end + 60))
    ) and nxt.start() < stop:
        end = nxt.end()
    return end


def _named(text: str, start: int, end: int, kind: str) -> _Found | None:
    """A document cited by name, from ``start`` to ``end`` (a "năm 2022" after it is added)."""
    name = text[start:end].rstrip(' ,\t\n”"')
    year = _NAME_YEAR.match(text, start + len(name))
    if year:
        name += year.group(0)
    title = collapse_spaces(name)
    if not 2 <= len(title.split()) <= 25:
        return None
    f = _Found(
        start=start,
        end=start + len(name),
        form="named",
        doc_type=kind,
        title=title,
        key=title,
        typed=True,
    )
    _finish(text, f)
    return f


def _scan_named(text: str, out: list[_Found]) -> None:
    for m in _NAMED.finditer(text):
        start = m.start()
        kind = collapse_spaces(m.group("type"))
        # a listed name ("Luật doanh nghiệp", "Luật đa dạng sinh học"), whatever its case
        listed = None if kind == "Nghị quyết" else lawnames.name_end(text, start)
        if kind == "Nghị quyết":
            shaped = True
        elif kind == "Luật":
            shaped = bool(_LAW_NAME.match(text, m.end()) or _LOWER_LAW.match(text, m.end()))
        elif kind == "Pháp lệnh":
            shaped = bool(_LAW_NAME.match(text, m.end()) or _LOWER_ORDINANCE.match(text, m.end()))
        else:  # "Hiến pháp năm 2013", "Bộ luật Dân sự"; "Hiến pháp và pháp luật" is no citation
            shaped = bool(_LAW_NAME.match(text, m.end()))
        if not shaped:
            if listed and (f := _named(text, start, listed, kind)):
                out.append(f)
            continue
        amending = text.startswith("sửa đổi", m.end())
        stop_rx = _AMENDING_STOP if amending else _NAME_STOP
        stop = stop_rx.search(text, m.end(), min(len(text), m.end() + 200))
        end = stop.start() if stop else min(len(text), m.end() + 200)
        if kind == "Nghị quyết":
            party_end = _party_name_end(text, m.end(), end)
            if party_end is None:
                continue
            end = party_end
        else:
            # a listed name longer than what the capitals gave ("Pháp lệnh Thuế thu nhập đối
            # với người có thu nhập cao") is the name
            end = max(end, listed or 0)
        if f := _named(text, start, end, kind):
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
    shorts = [
        (m.start(), m.end(), m.group("type"), m.group("num")) for m in _short_form().finditer(text)
    ]
    # in lower case ("nghị định 68") the type word is as often a verb or a noun ("quyết định 3
    # việc"): only the numbers of documents cited in full here are looked for, number first
    # (digits are rarer than the letters a type word starts with)
    full = {(f.doc_type, f.number.lstrip("0")) for f in out if f.form != "short" and f.number}
    names = sorted({t[0].lower() + t[1:] for t, _ in full if t}, key=len, reverse=True)
    numbers = sorted({n for _, n in full if n.isdigit()}, key=len, reverse=True)
    if names and numbers:
        alt = "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in names)
        before = regex.compile(rf"(?r)(?<![\p{{L}}\d])(?P<type>{alt})\s+(?:số\s+)?$")
        for m in regex.finditer(rf"(?<=\s)(?P<num>0*(?:{'|'.join(numbers)}))" + _SHORT_TAIL, text):
            tb = before.search(text, max(0, m.start() - 40), m.start())
            if tb:
                shorts.append((tb.start(), m.end(), tb.group("type"), m.group("num")))
    for start, end, word, number in shorts:
        if _UNIT_AFTER.match(text, end):
            continue
        dtype = _type_name(word)
        if dtype is None:
            continue
        f = _Found(
            start=start,
            end=end,
            form="short",
            doc_type=dtype.name,
            number=number,
            defects=["short_form"],
            typed=True,
            lower=word[:1].islower(),
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


_NAME_YEAR_END = regex.compile(r"\s+năm\s+\d{4}$")


def name_base(name: str) -> str:
    """A name cited without its year, for comparison: "Luật Đất đai năm 2013" → "luật đất đai"."""
    return str(_NAME_YEAR_END.sub("", compare_key(name)))


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
    # a lower-case short form stays only when it abbreviates a full mention of its own type
    found = [f for f in found if not (f.lower and f.key is None)]
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
