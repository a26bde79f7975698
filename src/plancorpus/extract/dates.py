"""Dates, months, quarters, years and ranges as Vietnamese documents write them.

"ngày 21/8/2017", "ngày 30 tháng 9 năm 2022", "01-10-1997", "tháng 02/2023", "Quý III năm
2022", "Năm 2023", "giai đoạn 2021 - 2025", "từ tháng 02/2023 đến hết 31/12/2023". Values are
ISO 8601 at the precision written; a range is ``start/end``. A day written after "tháng"
("từ tháng 28/4/2022") is read as the full date it is.
"""

from __future__ import annotations

import calendar
from bisect import bisect_right, insort
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import regex

from plancorpus.model.plan import DateMention, Span
from plancorpus.text.budget import remaining
from plancorpus.text.lazyregex import lazy_compile, matches_at
from plancorpus.text.numerals import roman_value

_YEAR = r"(?:19|20)\d\d"
_DASH = r"[-–—]"

# one point in time, with named groups; "tháng" may precede a full date by mistake
_FULL_NUMERIC = rf"(?P<d>\d{{1,2}})\s?[/.\-]\s?(?P<m>\d{{1,2}})\s?[/.\-]\s?(?P<y>{_YEAR})"
_FULL_WORDS = (
    rf"ngày\s*(?P<d2>\d{{1,2}})\s*(?:,\s*)?tháng\s*(?P<m2>\d{{1,2}})\s*(?:,\s*)?"
    rf"năm\s*(?P<y2>{_YEAR})"
)
_MONTH = rf"tháng\s*(?P<m3>\d{{1,2}})\s*(?:/|năm|-)\s*(?P<y3>{_YEAR})"
_QUARTER = rf"quý\s+(?P<q>IV|I{{1,3}}|[1-4])\s*(?:/|năm|-)\s*(?P<y4>{_YEAR})"
_YEAR_ONLY = rf"năm\s+(?P<y5>{_YEAR})"
_DAY_MONTH = r"(?P<d6>\d{1,2})\s?/\s?(?P<m6>\d{1,2})"  # a range start without its year

_B = r"(?<![\d/\p{L}])"  # left boundary: not inside a number, code or word
_E = r"(?![\d/]|\p{L})"  # right boundary


def _point(suffix: str) -> str:
    """The point pattern with group names suffixed, so that a range can hold two points."""
    alts = [
        rf"(?:ngày\s*|tháng\s*)?{_FULL_NUMERIC}",
        _FULL_WORDS,
        _MONTH,
        _QUARTER,
        _YEAR_ONLY,
        rf"(?P<y7>{_YEAR})",
    ]
    pattern = "|".join(f"(?:{a})" for a in alts)
    return str(regex.sub(r"\(\?P<(\w+)>", lambda m: f"(?P<{m.group(1)}{suffix}>", pattern))


_RANGE = lazy_compile(
    rf"(?i)(?:từ|bắt đầu từ)\s+(?:ngày\s+)?"
    rf"(?:(?:{_point('_a')})|(?:{_DAY_MONTH.replace('6>', '6_a>')}))"
    rf"\s*(?:đến|tới|{_DASH})\s*(?:hết\s+)?(?:ngày\s+)?(?:{_point('_b')}){_E}"
)
# A span of years: the scan starts at the digits; the words before ("giai đoạn") are added
# by looking back from the match.
_PERIOD_YEARS = lazy_compile(
    rf"(?<![\d/\p{{L}}])(?P<y1>{_YEAR})\s*{_DASH}\s*(?P<y2>{_YEAR}){_E}\)?"
)
_PERIOD_LEAD = lazy_compile(r"(?i)(?:(?:giai\s+đoạn|thời\s+kỳ|niên\s+độ|năm)\s+)?\(?$")
_SINGLE = lazy_compile(rf"(?i){_B}(?:{_point('')}){_E}")
_BLANK_DATE = lazy_compile(
    rf"(?i)ngày\s*(?:[.…_]+\s*)?tháng\s*(?:(?P<m>\d{{1,2}})\s*)?(?:[.…_]+\s*)?năm\s*(?P<y>{_YEAR})"
)


_DAY_NUMBER = lazy_compile(r"ngày\s*\d")


@dataclass(frozen=True)
class Point:
    value: str
    kind: str  # date, month, quarter, year


def _quarter(written: str) -> int:
    """ "III" or "3" → 3 (the pattern admits I to IV and 1 to 4 only)."""
    return int(written) if written.isdigit() else roman_value(written.upper()) or 0


def _valid_date(d: int, m: int, y: int) -> bool:
    return 1 <= m <= 12 and 1 <= d <= calendar.monthrange(y, m)[1]


def _point_from(gd: dict[str, str | None], suffix: str = "") -> Point | None:
    def g(name: str) -> str | None:
        return gd.get(name + suffix)

    for d, m, y in (("d", "m", "y"), ("d2", "m2", "y2")):
        if g(y):
            day, month, year = int(g(d) or 0), int(g(m) or 0), int(g(y) or 0)
            if not _valid_date(day, month, year):
                return None
            return Point(f"{year:04d}-{month:02d}-{day:02d}", "date")
    if g("y3"):
        month = int(g("m3") or 0)
        return Point(f"{g('y3')}-{month:02d}", "month") if 1 <= month <= 12 else None
    if g("y4"):
        return Point(f"{g('y4')}-Q{_quarter(g('q') or '')}", "quarter")
    for y in ("y5", "y7"):
        if g(y):
            return Point(str(g(y)), "year")
    return None


def _range_start(gd: dict[str, str | None], end: Point) -> Point | None:
    start = _point_from(gd, "_a")
    if start is None and gd.get("d6_a"):
        day, month, year = int(gd["d6_a"] or 0), int(gd["m6_a"] or 0), int(end.value[:4])
        if _valid_date(day, month, year):
            start = Point(f"{year:04d}-{month:02d}-{day:02d}", "date")
    return start


def _occurrences(low: str, word: str, start: int, end: int) -> Iterator[int]:
    i = low.find(word, start, end)
    while i >= 0:
        yield i
        i = low.find(word, i + 1, end)


def _range_starts(low: str, start: int, end: int) -> set[int]:
    """Where a range may begin: every "từ" (any case), and "bắt đầu " before it."""
    out: set[int] = set()
    for i in _occurrences(low, "từ", start, end):
        out.add(i)
        if i >= start + 8 and low.startswith("bắt đầu ", i - 8):
            out.add(i - 8)
    return out


# the longest a numeric date runs before its year: "31 / 12 - " (day, month, separators)
_BEFORE_YEAR = 10


def _single_starts(low: str, start: int, end: int) -> set[int]:
    """Where a single date may begin: its opening word ("ngày", "tháng", "quý", "năm", in any
    case), or a number that starts at most _BEFORE_YEAR characters before a year."""
    out: set[int] = set()
    for word in ("ngày", "tháng", "quý", "năm"):
        out.update(_occurrences(low, word, start, end))
    for century in ("19", "20"):
        for y in _occurrences(low, century, start, end):
            if y + 4 <= end and low[y + 2 : y + 4].isdecimal():
                out.update(_number_starts(low, max(start, y - _BEFORE_YEAR), y + 1))
    return out


def _number_starts(low: str, a: int, b: int) -> Iterator[int]:
    for i in range(a, b):
        if low[i].isdecimal() and not (i and low[i - 1].isdecimal()):
            yield i


def _scan(
    rx: regex.Pattern[str],
    text: str,
    low: str,
    span: tuple[int, int],
    starts: Callable[[str, int, int], set[int]],
) -> Iterator[regex.Match[str]]:
    """``rx.finditer(text, *span)``, tried only at ``starts`` found in ``low``, the text up to
    the span's end in lower case (the patterns ignore case)."""
    start, end = span
    if len(low) != end:  # a letter whose lower case is longer: offsets would drift
        every: Iterator[regex.Match[str]] = rx.finditer(text, start, end, timeout=remaining())
        return every
    return matches_at(rx, text, starts(low, start, end), start, end)


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateMention]:
    """Every date mention in ``text[start:end]``; spans are offsets into ``text``."""
    end = len(text) if end is None else end
    taken: list[tuple[int, int]] = []  # kept sorted, non-overlapping
    out: list[DateMention] = []

    def free(a: int, b: int) -> bool:
        k = bisect_right(taken, (a, len(text) + 1))
        if k and taken[k - 1][1] > a:
            return False
        return k == len(taken) or taken[k][0] >= b

    def add(a: int, b: int, value: str | None, kind: str) -> None:
        insort(taken, (a, b))
        raw = text[a:b]
        out.append(DateMention(value=value, raw=raw, kind=kind, span=Span(start=a, end=b)))

    low = text[:end].lower()
    for m in _scan(_RANGE, text, low, (start, end), _range_starts):
        gd = m.groupdict()
        last = _point_from(gd, "_b")
        first = _range_start(gd, last) if last else None
        if first and last and first.value <= last.value:
            add(m.start(), m.end(), f"{first.value}/{last.value}", "range")
    for m in _PERIOD_YEARS.finditer(text, start, end, timeout=remaining()):
        y1, y2 = int(m.group("y1")), int(m.group("y2"))
        lead = _PERIOD_LEAD.search(text, max(start, m.start() - 20), m.start())
        a = lead.start() if lead else m.start()
        b = m.end()
        if text[b - 1] == ")" and "(" not in text[a : m.start()]:
            b -= 1  # a closing bracket belongs to the range only if it opened one
        if y1 < y2 <= y1 + 30 and free(a, b):
            add(a, b, f"{y1}/{y2}", "range")
    for m in _BLANK_DATE.finditer(text, start, end, timeout=remaining()):
        if free(m.start(), m.end()) and not _DAY_NUMBER.match(m.group(0)):
            month = m.group("m")
            if month:
                add(m.start(), m.end(), f"{m.group('y')}-{int(month):02d}", "month")
            else:
                add(m.start(), m.end(), m.group("y"), "year")
    for m in _scan(_SINGLE, text, low, (start, end), _single_starts):
        if not free(m.start(), m.end()):
            continue
        gd = m.groupdict()
        if gd.get("y7") and not gd.get("y5"):
            continue  # a bare four-digit number is not a date mention
        point = _point_from(gd)
        if point:
            add(m.start(), m.end(), point.value, point.kind)
    out.sort(key=lambda d: d.span.start)
    return out


_SINGLE_AT = lazy_compile(rf"(?i)(?:{_point('')}){_E}")


def date_at(text: str, pos: int) -> DateMention | None:
    """A full date or a month written exactly at ``pos`` ("ngày 21/8/2017", "28/9/2022")."""
    m = _SINGLE_AT.match(text, pos, pos + 100)
    if not m:
        return None
    gd = m.groupdict()
    if gd.get("y7") or gd.get("y5") or gd.get("y4"):
        return None  # a bare year or a quarter does not date a cited document
    point = _point_from(gd)
    if point is None:
        return None
    return DateMention(
        value=point.value,
        raw=m.group(0),
        kind=point.kind,
        span=Span(start=m.start(), end=m.end()),
    )


def range_bounds(mention: DateMention) -> tuple[str | None, str | None]:
    """``(start, end)`` of a mention: both ends of a range, or the point twice."""
    if mention.value is None:
        return None, None
    if mention.kind == "range":
        a, _, b = mention.value.partition("/")
        return a, b
    return mention.value, mention.value
