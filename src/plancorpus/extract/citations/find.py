"""Find: where a citation may be. Each finder is one regex pass and yields anchors, the
span of a code ("1258/QĐ-TTG", "22-\\nNQ/TW", "số31-QĐ/TW"), of a name ("Luật Thi đua, khen
thưởng năm 2022", "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng"), of the
Party's charter or of a short form ("Chỉ thị 05"); :mod:`.scan` reads what surrounds them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

import regex

from plancorpus.data import laws as lawnames
from plancorpus.data import patterns
from plancorpus.extract.codes import Code, parse_code
from plancorpus.text.budget import remaining
from plancorpus.text.lazyregex import lazy_compile, matches_at, word_starts
from plancorpus.text.numerals import ROMAN_RX
from plancorpus.text.vietnamese import DASHES, collapse_spaces

_UP = "A-ZĐƯƠÂÊÔĂ"

# the legislature adds its term to its code ("55/2001/QH10", "…/UBTVQH15"), a unit its
# number ("UBND-VX1", "BCĐ389")
_PART = rf"[{_UP}][{_UP}a-zđ&]*(?:\d{{1,3}}(?![\d\p{{L}}]))?(?![\p{{Ll}}])"

_WS = r"[ \t]*(?:\n[ \t]*)?"

# a line break may follow a separator ("22-\nNQ/TW"), never precede it ("2\n- Sở…" is a list)
_SEP = rf"[ \t]*[/\-_{DASHES}]{_WS}"

_DOT = rf"\.[ \t]?(?=[{_UP}]{{2}})"

_REST = rf"{_SEP}(?:(?:19|20)\d\d{_SEP})?{_PART}(?:(?:{_SEP}|{_DOT}){_PART})*"

# a number opens the code: the scan only starts at digits
# a number may carry a decimal part before its year: "Nghị quyết số 66.2/2025/NQ-CP"
_NUM = r"\d{1,5}(?:\.\d{1,2}(?=/(?:19|20)\d\d/))?[a-z]?"
_CODE = lazy_compile(rf"(?P<num>{_NUM})(?P<rest>{_REST})")
# the same, only where a code may start: after "số" or after a character that is not a letter,
# a digit or "/.,-" (checked by the pattern, not per match: a line of digits and slashes has
# tens of thousands of candidates)
_CODE_AT_START = lazy_compile(rf"(?:(?<=số)|(?<![\p{{L}}\d/.,\-]))(?P<num>{_NUM})(?P<rest>{_REST})")

# a draft's blank number: "Tờ trình số  /TTr-SNV" (only after "số")
_BLANK_CODE = lazy_compile(
    rf"(?<!\p{{L}})số[ \t]*:?[ \t]*(?P<rest>[/\-][ \t]*{_PART}(?:(?:{_SEP}|{_DOT}){_PART})*)"
)


# "18/20202QĐ-UBND": a year glued to the type code by a stray digit
_MALFORMED = lazy_compile(
    rf"(?<![\p{{L}}\d/])(?P<num>\d{{1,5}})/(?P<year>(?:19|20)\d\d)\d(?P<sym>{_PART}-{_PART})"
)

_NAMED = lazy_compile(
    r"\b(?P<type>Bộ\s+[lL]uật|Luật|Hiến\s+pháp|Pháp\s+lệnh)\s+"
    r"|\b(?P<type>Nghị\s+quyết)\s+(?=(?:của\s+)?(?:(?i:Đại\s+hội|Hội\s+nghị)|Trung\s+ương)\b)"
)

# What makes a law's name after its type word: a capital, an amendment, a year; in lower
# case, a date or number after it ("Luật giá ngày 19 tháng 6 năm 2023": "Luật sư", "Luật
# pháp" are not laws); an ordinance in lower case ("Pháp lệnh thuế thu nhập đối với…").
_LAW_NAME = lazy_compile(r"\p{Lu}|sửa\s+đổi|năm\s+\d{4}|nước\b")

_LOWER_LAW = lazy_compile(
    r"(?!(?:sư|pháp|định|lệ)\b)\p{Ll}+(?:,?\s+\p{Ll}+){0,7}\s+(?:ngày\s+\d|năm\s+\d{4}|số\s+\d)"
)

# "căn cứ luật phòng, chống tham nhũng năm 2018": a law's type word in lower case, after a
# word that cites (its name must then be followed by a year, a date or a number)
_NAMED_LOWER = lazy_compile(
    r"(?<=\b(?:căn\s+cứ|theo|thực\s+hiện|tại|của)\s+)(?P<type>bộ\s+luật|luật)\s+"
)

_CAPITAL = lazy_compile(r"\p{Lu}")

_LOWER_ORDINANCE = lazy_compile(
    r"(?!(?:và|này|các|đó|về|của|hiện|đã|được|trên|mới|có|thay\s+thế)\b)\p{Ll}"
)

# Where a name cited without a code ends ("Luật Thi đua, khen thưởng| ngày 26/11/2003").
_NAME_STOP_COMMON = (
    # a table's rule ("|") and a bare year ("Luật Doanh nghiệp 2014") end a name too
    r"[;:()\[“”\"|]|\.(?:\s|$)|\n\s*\n|\s(?=(?:19|20)\d\d\b)"
    # "… và các văn bản hướng dẫn": a list's end, also after an amending law's name
    r"|\svà\s+(?:các|những)\s"
    r"|\s(?:ngày|số\s*\d|đã|được|quy\s+định|hướng\s+dẫn|"
    r"thì|là|theo|tại|trong|trên|gồm|cho|(?<!có\scông\s)với|đối\s+với|nhằm|để|(?<!liên\squan\s)đến|hiện\s+hành|vào|nên|mà|thuộc|"
    r"nhưng|chưa|không|còn|có\s+hiệu\s+lực|trình(?=\s+\p{Lu})|"
    r"về\s+(?:việc|\p{Ll}+)|Kế\s+hoạch|Quyết\s+định|Chỉ\s+thị|Thông\s+tư|Nghị\s+định)\b"
    r"|,\s+(?=(?:ngày|và|các)\b)"
    # a list of names: "Luật Doanh nghiệp, Luật Hợp tác xã", "Nghị quyết …, Nghị quyết …"
    r"|,\s+(?=(?:Luật|Bộ\s+luật|Pháp\s+lệnh|Nghị\s+quyết|Nghị\s+định|Quyết\s+định|Chỉ\s+thị"
    r"|Kế\s+hoạch|Thông\s+tư|Hiến\s+pháp)\b)"
    # "Luật Bảo hiểm y tế do … ban hành", "Luật BHYT có chi phí…"; a header line after a break
    r"|\s(?:do|có(?!\s+(?:liên\s+quan|công\b)))\s|\n(?=\p{Lu}[^\n,]{0,40},\s*ngày\b)"
    # "Luật Doanh nghiệp, riêng 9 tháng…": a number (not a year after "năm") ends the name
    r"|,\s+(?=(?:(?!ngày\b)\S+\s+){0,4}?(?<!năm\s)\d)"
    r"|\snhư\s+sau\b"
    # a law's year ends its name ("Luật Đất đai năm 2013| khác…"); the year is added back
    r"|\snăm\s+\d{4}\b"
)

_NAME_STOP = lazy_compile(
    _NAME_STOP_COMMON
    + r"|\s(?:của(?!\s+Hội\s+đồng\s+nhân\s+dân)"
    + r"|và(?=\s+(?:Luật|Bộ\s+luật|Pháp\s+lệnh|Nghị|Quyết|Chỉ|Thông|\p{Ll})))\b"
)

# an amending law's name holds "của Luật … và Luật …": only dates and clause ends stop it
_AMENDING_STOP = lazy_compile(_NAME_STOP_COMMON)

# the Party's charter: "Điều lệ Đảng", "… Cộng sản Việt Nam", "Điều lệ Đảng khóa II"
_CHARTER = lazy_compile(
    r"\bĐiều\s+lệ\s+Đảng(?:\s+Cộng\s+sản\s+Việt\s+Nam)?(?:\s+kho[áa]\s+" + ROMAN_RX + r"\b)?"
)

# where a Party resolution's name ends: "… lần thứ XIII của Đảng", "… khoá IX", "Nghị quyết
# Trung ương 9 (khoá IX)", "… lần thứ 8 (khoá VII)"
_PARTY_NAME_END = lazy_compile(
    rf"(?:(?:lần\s+thứ|kho[áa]|khóa)\s+{ROMAN_RX}\b|lần\s+thứ\s+\d{{1,2}}(?!\d)"
    r"|Trung\s+ương\s+\d{1,2}(?!\d)"
    # "Nghị quyết Đại hội XIII của Đảng", "Nghị quyết Đại hội XI Đảng bộ tỉnh"
    rf"|Đại\s+hội\s+(?:đại\s+biểu\s+)?(?:toàn\s+quốc\s+)?{ROMAN_RX}\b"
    r"(?:\s+Đảng\s+bộ\s+(?:tỉnh|thành\s+phố|huyện|quận|thị\s+xã)\b(?:\s+\p{Lu}\p{Ll}*){0,3})?)"
    rf"(?:\s*\((?:kho[áa]|khóa)\s+{ROMAN_RX}\))?(?:\s+của\s+Đảng\b)?"
)

_UNIT_AFTER = lazy_compile(
    # "trong 05 ngày" is a count of days; "Chỉ thị số 09 ngày 14/6/2022" is a date
    r"\s*(?:năm|tháng|ngày(?!\s+\d{1,2}\s*(?:[/.\-]|tháng))|tuần|lần|người|hộ|%|triệu|tỷ|nghìn|"
    r"đồng|km|ha|xã|huyện|tỉnh|"
    r"đơn\s+vị|cá\s+nhân|tập\s+thể|nội\s+dung|điểm|khoản|điều)\b"
)


@cache
def type_words() -> dict[str, patterns.DocType]:
    """Lower-case type word → type; longest first when matching."""
    return {d.name.lower(): d for d in patterns.doc_types()}


@cache
def type_before() -> regex.Pattern[str]:
    words = sorted(type_words(), key=len, reverse=True)
    alt = "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in words)
    # searched backwards from the end of the look-back window
    return regex.compile(rf"(?ir)(?<!\p{{L}})(?P<type>{alt})\s*(?P<so>số)?\s*:?\s*$")


def type_name(word: str) -> patterns.DocType | None:
    return type_words().get(collapse_spaces(word).lower())


@cache
def _short_form() -> regex.Pattern[str]:
    names = [d.name for d in patterns.doc_types() if d.name not in _NOT_SHORT]
    alt = "|".join(
        regex.escape(w).replace(r"\ ", r"\s+") for w in sorted(names, key=len, reverse=True)
    )
    return regex.compile(
        rf"(?<!\d\s)(?<!\d)\b(?P<type>{alt})\s+(?:số\s+)?(?P<num>[1-9]\d{{0,3}}|0[1-9]\d{{0,2}})"
        + _SHORT_TAIL
    )


_NOT_SHORT = ("Luật", "Bộ luật", "Phụ lục")


# what may follow a short form's number: not a code ("05/CT…"), a decimal or another number
_SHORT_TAIL = r"(?![\d/\-–.,]?\w)(?![ \t]*[/\-–][ \t]*\p{Lu})(?![ \t]+\d)"


@cache
def _spaced_code() -> regex.Pattern[str]:
    codes = "|".join(sorted(patterns.doc_type_codes(), key=len, reverse=True))
    return regex.compile(
        rf"(?<!\p{{L}})số[ \t]*:?[ \t]*(?P<num>\d{{1,5}})[ \t]+"
        rf"(?P<rest>(?:{codes})(?:{_SEP}{_PART})+)(?![\p{{L}}\d])"
    )


@cache
def _lower_code() -> regex.Pattern[str]:
    """A code in lower case: only known type and issuer codes, for lower case is also prose."""
    types = "|".join(sorted(patterns.doc_type_codes(), key=len, reverse=True))
    issuers = "|".join(sorted(patterns.official_case(), key=len, reverse=True))
    return regex.compile(
        rf"(?i)(?<![\p{{L}}\d/])(?P<num>\d{{1,5}})(?P<rest>[ \t]*[/\-][ \t]*"
        rf"(?:(?:19|20)\d\d[ \t]*/[ \t]*)?(?:{types})[ \t]*[/\-][ \t]*(?:{issuers})"
        rf"(?:-\p{{L}}{{1,8}})?)(?![\p{{L}}\d])"
    )


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


@dataclass(frozen=True)
class CodeAnchor:
    start: int
    end: int
    code: Code
    written: str | None = None  # the symbol as written, when the code had to be mended


def code_anchors(text: str) -> Iterator[CodeAnchor]:
    """Number-and-symbol codes: well formed, blank-numbered ("số  /TTr-SNV"), malformed
    ("18/20202QĐ-UBND") and spaced ("số 84 QĐ/TWĐTN"), in that order."""
    anchors = list(_CODE_AT_START.finditer(text, timeout=remaining()))
    spans = [(m.start(), m.end()) for m in anchors]
    spans += [(m.start("rest"), m.end()) for m in _BLANK_CODE.finditer(text, timeout=remaining())]
    for start, end in spans:
        code = parse_code(text[start:end])
        if code:
            yield CodeAnchor(start, end, code)
    for m in _lower_code().finditer(text, timeout=remaining()):
        # "chỉ thị số 07-ct/tw", "Nghị định 45/2022/nđ-cp": known codes written in lower case
        if any(ch.islower() for ch in m.group("rest")):
            code = parse_code(m.group(0))
            if code:
                yield CodeAnchor(m.start(), m.end(), code)
    for m in _MALFORMED.finditer(text, timeout=remaining()):
        code = parse_code(f"{m.group('num')}/{m.group('year')}/{m.group('sym')}")
        if code:
            code.defects = ["malformed_code"]
            yield CodeAnchor(m.start(), m.end(), code, text[m.start("year") : m.end()])
    for m in _spaced_code().finditer(text, timeout=remaining()):
        # "số 84 QĐ/TWĐTN": a space stands for the number's separator
        rest = m.group("rest")
        sep = regex.search(rf"[/\-_{DASHES}]", rest)
        party = sep is not None and sep.group(0) == "/"  # "QĐ/TW" after the number: Party
        code = parse_code(m.group("num") + ("-" if party else "/") + rest)
        if code:
            code.defects = [*code.defects, "missing_separator"]
            yield CodeAnchor(m.start("num"), m.end(), code)


def _shaped(text: str, at: int, kind: str) -> bool:
    """Does a name follow the type word ending at ``at``?"""
    if kind == "Nghị quyết":
        return True
    if kind == "Luật":
        return bool(_LAW_NAME.match(text, at, at + 200) or _LOWER_LAW.match(text, at, at + 200))
    if kind == "Pháp lệnh":
        return bool(
            _LAW_NAME.match(text, at, at + 200) or _LOWER_ORDINANCE.match(text, at, at + 200)
        )
    # "Hiến pháp năm 2013", "Bộ luật Dân sự"; "Hiến pháp và pháp luật" is no citation
    return bool(_LAW_NAME.match(text, at, at + 200))


def _sentence_after(text: str, start: int, listed: int, end: int) -> bool:
    """After a listed name, words in lower case without a capital are the sentence, not more
    of the name: three or more after a space ("Luật Việc làm bảo đảm kịp thời", but "Luật
    Đầu tư chung"), any after a comma unless they go on the name's own list ("Luật Ngân sách
    nhà nước, nguồn chi …", but "Pháp lệnh thực hành tiết kiệm, chống lãng phí, chống tham
    nhũng")."""
    rest = text[listed:end]
    if rest[:2] == ", " and rest[2:3].isupper():
        return True  # "Luật Phòng chống bạo lực gia đình, Bộ tiêu chí …": a new item
    if not rest or _CAPITAL.search(rest):
        return False
    if rest[0] == ",":
        words = rest[1:].split()
        return not words or f", {words[0]} " not in collapse_spaces(text[start:listed]) + " "
    words = rest.split()
    # "Luật Bảo hiểm y tế sửa đổi": the law as amended is still keyed by its name
    return rest[0].isspace() and (len(words) >= 3 or words[:2] == ["sửa", "đổi"])


_AMENDED = lazy_compile(r"(?:của|và)\s+(?=(?:Luật|Bộ\s+luật|Pháp\s+lệnh)\s)")
_JOINT = lazy_compile(r"\s*(?:,|và)\s+(?=(?:Luật|Bộ\s+luật|Pháp\s+lệnh)\s)")
# a law's or an ordinance's own number: "85/2015/QH13", "04/2012/PL-UBTVQH13"
LAW_CODE = r"\d{1,4}/\d{4}/(?:QH|PL-UBTVQH)\d{1,2}\b"
_INNER_CODE = lazy_compile(rf"\s+số\s+{LAW_CODE}")


def _amended_names_end(text: str, pos: int, end: int) -> int:
    """Where an amending law's name ends when the laws it amends are listed names: after the
    last of them, however many ("Luật sửa đổi, bổ sung một số điều của Luật Tiêu chuẩn và quy
    chuẩn kỹ thuật| về Sở …", "… của Luật Quy hoạch, Luật Đầu tư, Luật Đầu tư theo phương thức
    đối tác công tư và Luật Đấu thầu| ngày …"); ``end`` as found when the first is not listed."""
    m = _AMENDED.search(text, pos, end)
    if m is None or not text.startswith("của", m.start()):
        return end
    last, chained, names, coded = m.end(), None, 0, 0
    while (named := lawnames.name_end(text, last)) is not None:
        names += 1
        code = _INNER_CODE.match(text, named, named + 40)
        if code:  # "… của Luật Đất đai số 31/2024/QH15, Luật Nhà ở số 27/2023/QH15, …"
            coded += 1
            named = code.end()
        chained = named
        joint = _JOINT.match(text, named, named + 40)
        if joint is None:
            break
        last = joint.end()
    if chained is not None and (0 < coded < names or coded == 1):
        # one code after the list may be the amending law's own ("… của Luật Xây dựng số
        # 62/2020/QH14"): the name ends before it, and the code is read apart
        chained = _before_last_code(text, m.end(), chained)
    return chained if chained is not None else end


def _before_last_code(text: str, start: int, end: int) -> int:
    codes = list(_INNER_CODE.finditer(text, start, end))
    return codes[-1].start() if codes else end


_AMENDING_CAPS = lazy_compile(
    r"(?:LUẬT|PHÁP\s+LỆNH)\s+SỬA\s+ĐỔI,?\s+BỔ\s+SUNG\s+MỘT\s+SỐ\s+ĐIỀU\s+CỦA\s+"
    r"(?=(?:LUẬT|PHÁP\s+LỆNH)\s)"
)


def _listed_in_capitals(text: str) -> Iterator[tuple[int, int, str]]:
    """A listed law's name in a title in capitals ("… THI HÀNH LUẬT BẢO VỆ DỮ LIỆU CÁ NHÂN"):
    only a listed name, since capitals do not show where a name ends."""
    for start in word_starts(text, ("LUẬT ", "PHÁP LỆNH ")):
        if start and text[start - 1].isalpha():
            continue
        amends = _AMENDING_CAPS.match(text, start, start + 120)
        end = lawnames.name_end(text, amends.end() if amends else start)
        if end is not None and text[start:end].isupper():
            yield start, end, "Luật" if text.startswith("LUẬT", start) else "Pháp lệnh"


def named_anchors(text: str) -> Iterator[tuple[int, int, str]]:
    """Laws, codes, ordinances and Party resolutions cited by name: (start, end, type)."""
    yield from _listed_in_capitals(text)
    # tried only where their type words are written (scans of the patterns are slow)
    matches = [
        *matches_at(_NAMED, text, word_starts(text, ("Bộ", "Luật", "Hiến", "Pháp", "Nghị"))),
        *matches_at(_NAMED_LOWER, text, word_starts(text, ("bộ", "luật"))),
    ]
    for m in sorted(matches, key=lambda m: m.start()):
        start = m.start()
        kind = collapse_spaces(m.group("type"))
        kind = kind[:1].upper() + kind[1:]  # "luật" written in lower case is a "Luật"
        # a listed name ("Luật doanh nghiệp", "Luật đa dạng sinh học"), whatever its case
        listed = None if kind == "Nghị quyết" else lawnames.name_end(text, start)
        if not _shaped(text, m.end(), kind):
            if listed:
                yield start, listed, kind
            continue
        amending = text[m.end() : m.end() + 7].lower() == "sửa đổi"
        stop_rx = _AMENDING_STOP if amending else _NAME_STOP
        stop = stop_rx.search(text, m.end(), min(len(text), m.end() + 200))
        end = stop.start() if stop else min(len(text), m.end() + 200)
        if amending:
            end = _amended_names_end(text, m.end(), end)
        if kind == "Nghị quyết":
            party_end = _party_name_end(text, m.end(), end)
            if party_end is None:
                continue
            end = party_end
        else:
            # a listed name longer than what the capitals gave ("Pháp lệnh Thuế thu nhập đối
            # với người có thu nhập cao") is the name
            end = max(end, listed or 0)
            if listed and end > listed and _sentence_after(text, start, listed, end):
                end = listed
        yield start, end, kind


def charter_anchors(text: str) -> Iterator[tuple[int, int]]:
    """The Party's charter ("Điều lệ Đảng")."""
    for m in _CHARTER.finditer(text):
        yield m.start(), m.end()


@cache
def _bare_number() -> regex.Pattern[str]:
    """A whole number after a space, not part of a code or a longer number."""
    return regex.compile(r"(?<=\s)(?P<num>\d+)" + _SHORT_TAIL)


def short_anchors(
    text: str, full: set[tuple[str | None, str]]
) -> Iterator[tuple[int, int, str, str]]:
    """Short forms ("Chỉ thị 05"): (start, end, type word as written, number). ``full``
    holds the (type, number) of the documents cited in full in this text."""
    shorts = [
        (m.start(), m.end(), m.group("type"), m.group("num"))
        for m in _short_form().finditer(text, timeout=remaining())
    ]
    # in lower case ("nghị định 68") the type word is as often a verb or a noun ("quyết định 3
    # việc"): only the numbers of documents cited in full here are looked for, number first
    # (digits are rarer than the letters a type word starts with)
    names = sorted({t[0].lower() + t[1:] for t, _ in full if t}, key=len, reverse=True)
    numbers = {n for _, n in full if n.isdigit()}
    if names and numbers:
        alt = "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in names)
        before = regex.compile(rf"(?r)(?<![\p{{L}}\d])(?P<type>{alt})\s+(?:số\s+)?$")
        for m in _bare_number().finditer(text, timeout=remaining()):
            if m.group("num").lstrip("0") not in numbers:
                continue
            tb = before.search(text, max(0, m.start() - 40), m.start())
            if tb:
                shorts.append((tb.start(), m.end(), tb.group("type"), m.group("num")))
    for start, end, word, number in shorts:
        if not _UNIT_AFTER.match(text, end, end + 80):
            yield start, end, word, number
