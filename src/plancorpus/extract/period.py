"""The implementation period ("thời gian thực hiện").

Read, in this order, from the section headed "Thời gian…", from a sentence that names the
time ("… được triển khai từ … đến …"), and last from the title ("giai đoạn 2021 - 2025",
"năm 2023"). A period mentioned in passing ("Kế hoạch 5 năm 2021-2025"), a term of office
("nhiệm kỳ 2020 - 2025") and a period inside a quoted name are not the plan's.
"""

from __future__ import annotations

from plancorpus.extract.dates import range_bounds
from plancorpus.model.plan import DateMention, Period, Section, TextField
from plancorpus.text.lazyregex import lazy_compile

_TIME_HEADING = lazy_compile(r"(?i)^thời\s+gian")
_TIME_WORDS = lazy_compile(r"(?i)(?:thời\s+gian|triển\s+khai|thực\s+hiện)[^.;]{0,80}$")


def _in(span_start: int, span_end: int, d: DateMention) -> bool:
    return span_start <= d.span.start and d.span.end <= span_end


def _period(d: DateMention, found_in: str) -> Period:
    start, end = range_bounds(d)
    return Period(start=start, end=end, raw=d.raw, span=d.span, found_in=found_in)


_TERM = lazy_compile(r"(?i)(?:nhiệm\s+kỳ|khóa|khoá)\s*$")
# a horizon, not the plan's own time: "… khu công nghiệp trên địa bàn thành phố Hà Nội đến năm
# 2030", "tầm nhìn đến năm 2045"
_HORIZON = lazy_compile(r"(?i)\b(?:đến|tới)\s*$")


def _after_term(text: str, d: DateMention) -> bool:
    """A term of office ("… khóa II, nhiệm kỳ 2026 - 2031"), not a time the plan sets."""
    return _TERM.search(text, max(0, d.span.start - 40), d.span.start) is not None


def _own_time(text: str, title: TextField, d: DateMention) -> bool:
    """Is a date in the title the plan's own time? Not a term of office ("Đại hội … nhiệm kỳ
    2020 - 2025") and not a date inside a quoted name ("Đề án “… giai đoạn 2016 - 2020”")."""
    before = text[title.span.start if title.span else 0 : d.span.start]
    if _TERM.search(before) or _HORIZON.search(before):
        return False
    opened = before.count("“") - before.count("”") + before.count('"') % 2
    return opened <= 0


# a decision that issues or approves a plan takes the plan's period from its title
_NAMES_PLAN = lazy_compile(
    r"(?i)\b(?:ban\s+hành|phê\s+duyệt)\s+(?:kế\s+hoạch|chương\s+trình|đề\s+án)\b"
)

# a letter or guide that sets the tasks of a school year plans for that year ("V/v hướng dẫn
# thực hiện nhiệm vụ giáo dục trung học năm học 2019-2020")
_SCHOOL_YEAR_TASKS = lazy_compile(r"(?i)\bnhiệm\s+vụ\b.*\bnăm\s+học\s+\d{4}")

# Document types whose title states the period they plan for ("… giai đoạn 2021 - 2025").
PLANNING_TYPES = {"Kế hoạch", "Chương trình", "Đề án", "Phương án"}


def find_period(
    text: str,
    sections: list[Section],
    dates: list[DateMention],
    title: TextField | None,
    doc_type: str | None = "Kế hoạch",
) -> Period | None:
    nodes = [n for top in sections for n in top.walk()]
    for node in nodes:
        if not _TIME_HEADING.match(node.heading):
            continue
        inside = [
            d
            for d in dates
            if _in(node.span.start, node.span.end, d) and d.value and not _after_term(text, d)
        ]
        ranges = [d for d in inside if d.kind == "range"]
        if ranges:
            return _period(ranges[0], "time_section")
        if inside and not node.children:
            return _period(inside[0], "time_section")
    for d in dates:
        if d.kind == "range" and d.raw.lower().startswith(("từ", "bắt đầu")):
            before = text[max(0, d.span.start - 90) : d.span.start]
            if _TIME_WORDS.search(before):
                return _period(d, "body")
    plans = (
        doc_type is None
        or doc_type in PLANNING_TYPES
        or bool(title and _NAMES_PLAN.search(title.value or ""))
        or bool(title and _SCHOOL_YEAR_TASKS.search(title.value or ""))
    )
    if title and title.span and plans:
        inside = [
            d
            for d in dates
            if _in(title.span.start, title.span.end, d) and d.value and _own_time(text, title, d)
        ]
        for kind in ("range", "year"):
            for d in inside:
                if d.kind == kind:
                    return _period(d, "title")
    return None
