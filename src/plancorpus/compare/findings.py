"""Findings for auditors: evidence in one plan's text, or in what a plan kept from its source.

Each finding quotes its evidence and says where it is (section path and span); the message
states what was seen, not a verdict. The checks are tuned to stay quiet on ordinary plans:
every false alarm on the seeds and the real corpus is a bug.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from functools import lru_cache

import regex

from plancorpus.compare.align import units
from plancorpus.compare.words import word_spans
from plancorpus.data.campaigns import campaign_by_id, campaign_mentions, campaign_of
from plancorpus.model.diff import PlanDiff, SectionChange
from plancorpus.model.findings import Finding, Place
from plancorpus.model.plan import Plan, Section, Span
from plancorpus.text.lazyregex import lazy_compile
from plancorpus.text.numerals import LETTERS, ROMAN_RX, roman_value
from plancorpus.text.vietnamese import compare_key

_YEAR = lazy_compile(r"(?<![\d/.-])(?:19|20)\d\d(?![\d/.-])")
_DOUBLED = lazy_compile(r"(?<![\p{L}\p{M}])([\p{L}\p{M}]{2,})[ \t]+(\1)(?![\p{L}\p{M}])", regex.I)
_SLASH_DATE = lazy_compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)(?![\d/])")
_MONTH_THEN_DAY = lazy_compile(r"(?i)\btháng\s+(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)\b")
# a deadline: a task to finish, send or report "trước ngày …" (not "vào Đảng trước ngày
# 30/4/1975", a date in history)
_DEADLINE = lazy_compile(
    r"(?i)\b(?:hoàn\s+thành|hoàn\s+tất|gửi|nộp|báo\s+cáo|xong|tổng\s+hợp|trình)\b[^.;\n]{0,80}?"
    r"\b(?:trước|chậm\s+nhất|hạn\s+chót)\s+(?:là\s+)?ngày\s+"
    r"(\d{1,2})[/-](\d{1,2})[/-]((?:19|20)\d\d)\b"
)
_SECTION_REF = lazy_compile(
    r"(?i)\b(?:tại|ở|theo|như)\s+(mục|phần)\s+(" + ROMAN_RX + r"|\d{1,2}(?:\.\d{1,2})*)"
    r"(?![\p{L}\d.])"
)
# "tại mục 3 Quyết định số …", "theo mục 18.5, Hướng dẫn số 06…", "mục 01 điều 14": a section
# of another document, or of an article, that this plan's outline does not list
_REF_OTHER_DOC = lazy_compile(
    r"[^.;\n]{0,40}?\b(?:(?i:của|tại)\s+)?(?:Kế\s+hoạch|Quyết\s+định|Nghị\s+định|Nghị\s+quyết|"
    r"Chỉ\s+thị|Thông\s+tư|Luật|Hướng\s+dẫn|Quy\s+định|Phụ\s+lục|[Đđ]iều|khoản|văn\s+bản)\b"
)


def _place(plan: Plan, start: int, end: int) -> Place:
    return Place(
        source=plan.source,
        raw=" ".join(plan.text[start:end].split()),
        span=Span(start=start, end=end),
        section=section_path_at(plan, start),
    )


def section_path_at(plan: Plan, offset: int) -> str | None:
    """Dotted path of the deepest numbered node holding ``offset`` ("preamble" before I)."""
    if plan.preamble and plan.preamble.span.start <= offset < plan.preamble.span.end:
        return "preamble"
    path: str | None = None
    for label_path, node in plan.nodes():  # parents before children: the last fit is deepest
        if node.kind != "bullet" and node.span.start <= offset < node.span.end:
            path = label_path
    return path


def _title_year(plan: Plan) -> int | None:
    """The one year the title names, if it names exactly one."""
    years = {int(y) for y in _YEAR.findall(plan.title.value or "")} if plan.title else set()
    return years.pop() if len(years) == 1 else None


def _plan_year(plan: Plan) -> int | None:
    """The year of the plan's date, else the one its title names."""
    if plan.date and plan.date.value and plan.date.value[:4].isdigit():
        return int(plan.date.value[:4])
    return _title_year(plan)


# --- one plan -------------------------------------------------------------------------------


def _word_at(spans: tuple[tuple[int, int], ...], pos: int) -> tuple[int, int]:
    return next((sp for sp in spans if sp[0] <= pos < sp[1]), (pos, pos))


def _elsewhere(text: str, phrase: str) -> int:
    """How often ``phrase`` (two syllables) occurs in ``text``, line breaks aside."""
    a, b = phrase.split()
    rx = rf"(?<![\p{{L}}\p{{M}}]){regex.escape(a)}\s+{regex.escape(b)}(?![\p{{L}}\p{{M}}])"
    return len(regex.findall(rx, text, flags=regex.I))


def _neighbours(window: str, first: int, second: int, length: int) -> tuple[str, str]:
    before = window[:first].split()
    after = window[second + length :].split()
    return (before[-1] if before else ""), (after[0] if after else "")


def _slip(text: str, window: str, first: int, second: int, length: int) -> bool:
    """Is the syllable at ``second`` (a copy of the one at ``first``) a slip of the pen?

    Not when the two copies belong to two words ("cán bộ | bộ phận", "cấp ủy | ủy nhiệm":
    word segmentation, or the first word written elsewhere in the document); not for a
    reduplicative ("nói chung chung") unless the copy makes, with the next syllable, a word
    the document writes elsewhere ("chung chung tay": "chung tay"); yes when both stand alone
    ("các các")."""
    spans = word_spans(window)
    w1, w2 = _word_at(spans, first), _word_at(spans, second)
    x = window[first : first + length]
    prev, nxt = _neighbours(window, first, second, length)
    if w1 == w2:
        return bool(nxt) and _elsewhere(text, f"{x} {nxt}") >= 2
    if w1[0] < first:
        return False
    copy_opens_word = w2[1] > second + length
    return not (prev and copy_opens_word and _elsewhere(text, f"{prev} {x}") >= 2)


def repeated_words(plan: Plan) -> Iterator[Finding]:
    """A syllable written twice in a row by mistake ("các các", "chung chung tay"); word
    segmentation tells a slip from two words that share a syllable ("phát triển triển khai")
    or a reduplicative ("nói chung chung")."""
    for m in _DOUBLED.finditer(plan.text):
        if m.group(1) != m.group(2):
            continue  # "ban Ban Tổ chức": a new name begins
        lo = max(0, m.start() - 24)
        window = plan.text[lo : m.end() + 24].replace("\n", " ").replace("\t", " ")
        if not _slip(plan.text, window, m.start() - lo, m.start(2) - lo, len(m.group(1))):
            continue
        yield Finding(
            kind="repeated_word",
            key=m.group(1),
            message=f"“{m.group(1)}” is written twice in a row",
            places=[_place(plan, m.start(), m.end())],
        )


def impossible_dates(plan: Plan) -> Iterator[Finding]:
    """Day/month/year dates that cannot exist, and "tháng" before a full date."""
    for m in _SLASH_DATE.finditer(plan.text):
        d, mo, y = (int(x) for x in m.groups())
        if not (1 <= mo <= 12 and 1 <= d <= calendar.monthrange(y, mo)[1]):
            yield Finding(
                kind="impossible_date",
                key=m.group(0),
                message=f"{m.group(0)} is not a date of the calendar",
                places=[_place(plan, m.start(), m.end())],
            )
    for m in _MONTH_THEN_DAY.finditer(plan.text):
        yield Finding(
            kind="impossible_date",
            key=m.group(0),
            message=f"“{m.group(0)}” gives a day and month after “tháng” (month): "
            f"read as {m.group(1)}/{m.group(2)}/{m.group(3)}",
            places=[_place(plan, m.start(), m.end())],
        )


def early_deadlines(plan: Plan) -> Iterator[Finding]:
    """A deadline ("trước ngày 15/12/2022") earlier than the plan's own date."""
    if not (plan.date and plan.date.value and len(plan.date.value) == 10):
        return
    for m in _DEADLINE.finditer(plan.text):
        d, mo, y = (int(x) for x in m.groups())
        when = f"{y:04d}-{mo:02d}-{d:02d}"
        if when < plan.date.value:
            yield Finding(
                kind="deadline_before_plan",
                key=when,
                message=f"the deadline {when} is before the plan's own date {plan.date.value}",
                places=[_place(plan, m.start(), m.end())],
            )


_YEAR_PHRASE = lazy_compile(r"(?i)(?<![\p{L}])năm\s+((?:19|20)\d\d)(?![\d/–-])")
_PAST_CUE = lazy_compile(
    r"(?i)(?:đã|kết\s+quả|so\s+với|tổng\s+kết|sơ\s+kết|vừa\s+qua|trước|từ|đến|giai\s+đoạn|"
    r"cùng\s+kỳ|ngày|tháng|quý)[^.;\n]{0,30}$"
)


def _single_year(plan: Plan) -> int | None:
    """The one year a plan is for: its period's, when start and end fall in one year, else
    the one year its title names."""
    start, end = (plan.period.start, plan.period.end) if plan.period else (None, None)
    if start and end and start[:4] == end[:4] and start[:4].isdigit():
        return int(start[:4])
    return _title_year(plan)


def years_outside(plan: Plan) -> Iterator[Finding]:
    """In a plan for one year, "năm X" for another year in its sections, outside citations
    and without a word that places it in the past or in a range ("so với năm 2022")."""
    year = _single_year(plan)
    if year is None or not plan.sections:
        return
    cited = [c.span for c in plan.citations]
    start = plan.sections[0].span.start
    for m in _YEAR_PHRASE.finditer(plan.text, start):
        other = int(m.group(1))
        if other == year or any(s.start <= m.start() < s.end for s in cited):
            continue
        if _PAST_CUE.search(plan.text, max(0, m.start() - 40), m.start()):
            continue
        yield Finding(
            kind="year_outside_plan",
            key=m.group(1),
            message=f"the plan is for {year}; this passage speaks of {other}",
            places=[_place(plan, m.start(), m.end())],
        )


def _label_value(node: Section) -> int | None:
    if node.kind == "roman":
        return roman_value(node.label)
    if node.kind == "arabic" and node.label.isdigit():
        return int(node.label)
    if node.kind == "letter" and node.label in LETTERS:
        return LETTERS.index(node.label) + 1
    return None


def numbering_faults(plan: Plan) -> Iterator[Finding]:
    """Siblings whose numbers skip one (I, III) or repeat (II, II)."""

    def visit(nodes: list[Section]) -> Iterator[Finding]:
        prev: Section | None = None
        for node in nodes:
            v, pv = _label_value(node), _label_value(prev) if prev else None
            same_kind = prev is not None and prev.kind == node.kind
            # lists often skip "đ" (a, b, c, d, e): not a gap
            step = 2 if node.kind == "letter" and prev and prev.label == "d" else 1
            if same_kind and v is not None and pv is not None and (v == pv or v > pv + step):
                assert prev is not None
                kind = "numbering_duplicate" if v == pv else "numbering_gap"
                what = "repeats" if v == pv else "skips after"
                yield Finding(
                    kind=kind,
                    key=node.label,
                    message=f"section {node.label} {what} {prev.label}",
                    places=[_place(plan, node.span.start, node.span.start + 80)],
                )
            prev = node
            yield from visit(node.children)

    yield from visit(plan.sections)


def missing_sections(plan: Plan) -> Iterator[Finding]:
    """ "tại mục IV" where the plan has no section IV (a reference to another document's
    section, "tại mục 3 Quyết định số …", is left alone)."""
    tops = {s.label for s in plan.sections}
    paths = {p for p, _ in plan.outline()} | tops
    for m in _SECTION_REF.finditer(plan.text):
        label = m.group(2).upper() if roman_value(m.group(2).upper()) else m.group(2)
        if _REF_OTHER_DOC.match(plan.text, m.end(), m.end() + 200):
            continue
        if label in paths or any(p.endswith("." + label) for p in paths):
            continue
        yield Finding(
            kind="missing_section",
            key=label,
            message=f"the text refers to {m.group(1)} {label}, which this plan does not have",
            places=[_place(plan, m.start(), m.end())],
        )


# a mention in quotes, or right after these words, names another movement on purpose ("gắn
# với phong trào “Xây dựng Nông thôn mới”", "các phong trào đền ơn đáp nghĩa", "mô hình “Dân
# vận khéo”"): it is not left-over text
_NAMED_ON_PURPOSE = lazy_compile(
    r"(?i)(?:(?:phong\s+trào|cuộc\s+vận\s+động|chương\s+trình|đề\s+án|mô\s+hình|gắn\s+với|"
    r"kết\s+hợp|lồng\s+ghép|cùng\s+với)(?:\s+thi\s+đua)?[\s“”\"‘’:]*|[“\"‘]\s*)$"
)


def _own_campaign(plan: Plan) -> str | None:
    titled = next((c.name for c in plan.campaigns if c.in_title), None)
    for text in (titled, plan.title.value if plan.title else None):
        if text and (found := campaign_of(text)):
            return found
    return None


def other_campaigns(plan: Plan) -> Iterator[Finding]:
    """In a plan about one campaign, a section that speaks of another one's matter without
    naming it as another movement (000's II.4, a poverty plan: "trong lĩnh vực xây dựng nông
    thôn mới")."""
    own = _own_campaign(plan)
    if own is None or not plan.sections:
        return
    start = plan.sections[0].span.start
    end = plan.sections[-1].span.end
    by_section: dict[tuple[str | None, str], list[Place]] = {}
    for m in campaign_mentions(plan.text[start:end]):
        at = start + m.start
        if m.campaign == own or _NAMED_ON_PURPOSE.search(plan.text, max(0, at - 40), at):
            continue
        place = _place(plan, at, start + m.end)
        by_section.setdefault((place.section, m.campaign), []).append(place)
    names = campaign_by_id()
    for (section, other), places in by_section.items():
        yield Finding(
            kind="other_campaign",
            key=other,
            message=f"the plan is about “{names[own].name}”; section {section} speaks of "
            f"“{names[other].name}”",
            places=places,
        )


def _loose(text: str) -> str:
    return " ".join(regex.sub(r"[^\p{L}\p{N}]+", " ", compare_key(text)).split())


def campaign_misnamed(plan: Plan) -> Iterator[Finding]:
    """The plan's own campaign written in the body with other words than in its title (000:
    "… vì người nghèo – Không ai bị bỏ lại phía sau", the title: "… Không để ai …")."""
    titled = next((c.name for c in plan.campaigns if c.in_title), None)
    own = campaign_of(titled) if titled else None
    if not titled or own is None or not plan.sections:
        return
    from rapidfuzz import fuzz  # loaded on first use

    want = _loose(titled)
    start = plan.sections[0].span.start
    for m in campaign_mentions(plan.text[start:]):
        if m.campaign != own:
            continue
        at = start + m.start
        window = plan.text[at : at + len(titled) + 40]
        got = _loose(window)[: len(want) + 8]
        best = fuzz.partial_ratio_alignment(want, got)
        if best is None or best.score < 88 or want in got:
            continue
        if _loose(window).startswith(want):
            continue
        end = at + min(len(window), len(titled) + 8)
        yield Finding(
            kind="campaign_differs_from_title",
            key=titled,
            message=f"the campaign is written here otherwise than in the title “{titled}”",
            places=[_place(plan, at, end)],
        )


PLAN_CHECKS = [
    other_campaigns,
    campaign_misnamed,
    repeated_words,
    years_outside,
    impossible_dates,
    early_deadlines,
    numbering_faults,
    missing_sections,
]


def plan_findings(plan: Plan) -> list[Finding]:
    """What looks wrong in one plan's own text."""
    return [f for check in PLAN_CHECKS for f in check(plan)]


# --- a pair ---------------------------------------------------------------------------------


def _kept_runs(change: SectionChange) -> Iterator[str]:
    for op in change.ops:
        if op.op == "equal":
            yield op.b


def _source_marks(a: Plan, b: Plan) -> list[tuple[str, str]]:
    """(what, text) of A that should not survive into B: A's year, campaign, issuer."""
    marks: list[tuple[str, str]] = []
    ya, yb = _plan_year(a), _plan_year(b)
    if ya and yb and ya != yb:
        marks.append(("year", str(ya)))
    ca = next((c.name for c in a.campaigns if c.in_title), None)
    cb = next((c.name for c in b.campaigns if c.in_title), None)
    if ca and compare_key(ca) != compare_key(cb or ""):
        marks.append(("campaign", ca))
    ia, ib = (p.issuer.value if p.issuer else None for p in (a, b))
    if ia and ib and compare_key(ia) != compare_key(ib):
        marks.append(("issuer", ia))
    return marks


def leftover_findings(a: Plan, b: Plan, diff: PlanDiff) -> list[Finding]:
    """Passages B kept unchanged from A that still name A's year, campaign or issuer."""
    marks = _source_marks(a, b)
    own = {u.path: (u.span.start, u.own_end) for u in units(b)}
    out = []
    for change in diff.sections:
        if change.kind in ("added", "removed") or change.b_path not in own:
            continue
        start, end = own[change.b_path]
        # an unchanged section is kept whole; a changed one in its equal runs
        kept = list(_kept_runs(change)) or [b.text[start:end]]
        for what, text in marks:
            if any(_find_phrase(run, text) for run in kept):
                out.append(_leftover(b, change.b_path, (start, end), what, text))
    return out


@lru_cache(maxsize=1024)
def _phrase_rx(phrase: str) -> regex.Pattern[str]:
    words = [regex.escape(w) for w in phrase.split()]
    return regex.compile(r"(?<![\p{L}\d])" + r"\s+".join(words) + r"(?![\p{L}\d])", regex.I)


def _find_phrase(text: str, phrase: str, start: int = 0, end: int | None = None) -> Span | None:
    """The first occurrence of ``phrase`` in ``text`` (case and line breaks aside)."""
    m = _phrase_rx(phrase).search(text, start, len(text) if end is None else end)
    return Span(start=m.start(), end=m.end()) if m else None


def _leftover(b: Plan, path: str, own: tuple[int, int], what: str, text: str) -> Finding:
    hit = _find_phrase(b.text, text, *own)
    start, end = (hit.start, hit.end) if hit else own
    return Finding(
        kind="leftover_from_source",
        key=text,
        message=f"section {path} keeps, unchanged from the source plan, its {what} “{text}”",
        places=[_place(b, start, end)],
    )
