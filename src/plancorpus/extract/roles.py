"""What each citation does (its role), and what the document carries out (Plan.implements).

A citation's clause runs back from it to the start of its preamble line, sentence or list item
(a list headed by a line that ends with ":" keeps its head). In that clause:

1. an acting or carrying-out cue between an earlier citation and this one describes the earlier
   document ("Kế hoạch số 92-KH/TU … thực hiện Chỉ thị số 05-CT/TW"): this one is a mention,
   ``described_by`` the earlier key, with the cue's role as ``relation``;
2. else the nearest acting cue before it ("Quyết định này thay thế …", "Bãi bỏ …") gives the
   role, or the document's own type and a verb ("Kế hoạch thực hiện Chỉ thị …": implements);
3. else the cue that opens the clause ("Căn cứ", "Thực hiện", "Theo đề nghị của");
4. else it is a mention.

The cue words are data (data/roles.toml), each with real examples a test checks.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from functools import lru_cache
from typing import cast

import regex

from plancorpus.data import roles as cues
from plancorpus.model.plan import Citation, CitationRole
from plancorpus.text.lazyregex import lazy_compile

_WINDOW = 3000  # characters a clause may reach back (a preamble's list of bases is long)
_REACH = 60  # characters an acting cue may stand before the citation it acts on
_BREAK = lazy_compile(r"[;.]\s")  # a clause break between a cue and a citation
_BLANK = lazy_compile(r"\n[ \t]*\n")
_SENTENCE_END = lazy_compile(r"[.!?][\"”)]?[ \t]+(?=\p{Lu})|[.!?][\"”)]?[ \t]*\n")
_LABEL_LINE = lazy_compile(
    r"\n[ \t]*(?:\d+(?:\.\d+)*[.)]|[a-zđ]\)|[IVXL]+[.)]|(?i:điều)[ \t]+\d+|[-–+•*])[ \t]"
)
# what joins the items of one list: "Quyết định số 101/… ngày …, 41/… và 42/…"
_LIST_GLUE = lazy_compile(r"[\s,;]*(?:(?:và|hoặc|cùng)\s+)?(?:các\s+)?")
_DASH_LINE = lazy_compile(r"[ \t]*[-–+•*][ \t]")
# a capitalised cue opening a line starts a new clause
_CUE_LINE = lazy_compile(
    r"\n[ \t]*(?:Căn cứ|Thực hiện|Triển khai|Tiếp tục|Để|Nhằm|Theo đề nghị|Xét|CĂN CỨ|THỰC HIỆN)"
)
# the kinds of document a plan carries out when its opening sentence rests on them
CARRIED_TYPES = frozenset(
    {"Kế hoạch", "Chỉ thị", "Nghị quyết", "Kết luận", "Chương trình", "Đề án", "Thông báo",
     "Công văn", "Hướng dẫn", "Quyết định", "Công điện", "Thông tri", "Quy định"}
)  # fmt: skip


@lru_cache(maxsize=1)  # the document being read; not a store of past ones
def _marks(text: str) -> tuple[list[int], list[int]]:
    """Where a clause may start, over the whole text, found once: the ends of blank lines and
    of sentences and the starts of lines that open with a cue or a label (where the clause
    starts), each listed by the offset at which its match ends, in order."""
    found: list[tuple[int, int]] = []  # (match end, clause start)
    for rx, at_line in (
        (_BLANK, False), (_SENTENCE_END, False), (_CUE_LINE, True), (_LABEL_LINE, True),
    ):  # fmt: skip
        found += [(m.end(), m.start() + 1 if at_line else m.end()) for m in rx.finditer(text)]
    found.sort()
    starts: list[int] = []
    for _, at in found:  # the latest clause start among the marks ended so far
        starts.append(max(at, starts[-1]) if starts else at)
    return [end for end, _ in found], starts


def clause_start(text: str, pos: int) -> int:
    """Where the clause that holds ``pos`` starts."""
    floor = max(0, pos - _WINDOW)
    ends, starts = _marks(text)
    k = bisect_right(ends, pos) - 1
    start = max(floor, starts[k]) if k >= 0 else floor
    line_start = text.rfind("\n", floor, pos) + 1
    if _DASH_LINE.match(text, max(start, line_start), max(start, line_start) + 8):
        return _list_head(text, max(start, line_start), floor)
    return start


def _list_head(text: str, item: int, floor: int) -> int:
    """A dash item belongs to the line that heads its list: one that ends with ":" ("Căn cứ:")
    or opens with a cue ("I. CĂN CỨ LẬP KẾ HOẠCH"), above the items, their wrapped lines and
    the blank lines a web copy puts between them."""
    at = item
    while at > floor:
        prev = text.rfind("\n", floor, at - 1) + 1
        line = text[prev : at - 1]
        if line.rstrip().endswith(":") or cues.opening_cue().match(line):
            return prev
        if _LABEL_LINE.match("\n" + line) and not _DASH_LINE.match(line):
            return item  # a numbered heading that is no cue: the item stands alone
        at = prev
    return item


def _near(matches: Iterable[regex.Match[str]], text: str, end: int) -> regex.Match[str] | None:
    """The last of ``matches``, when it ends close enough before ``end`` (``_REACH``) and no
    clause break (";" or "." and a space) stands between: the cue that acts on what is cited
    at ``end``."""
    last = None
    for m in matches:
        last = m
    if last is None or end - last.end() > _REACH or _BREAK.search(text, last.end(), end):
        return None
    return last


def _acting(text: str, start: int, end: int) -> regex.Match[str] | None:
    """The last acting cue (not a passive one, not one whose subject is another document's
    type word) between ``start`` and ``end``, close enough to act on what is cited there."""

    def acts(m: regex.Match[str]) -> bool:
        before = text[max(start, m.start() - 16) : m.start()]
        return not cues.passive_before().search(before) and not cues.subject_before().search(before)

    window = cues.acting_cue().finditer(text, max(start, end - _REACH - 40), end)
    return _near(filter(acts, window), text, end)


def _role_of(m: regex.Match[str]) -> CitationRole:
    """The role a cue match names (the name of its group that matched)."""
    name = next(str(n) for n, value in m.groupdict().items() if value is not None)
    return cast(CitationRole, name)


# roles that belong to the document's head (title, preamble, first part): in the body, a task
# "Tiếp tục thực hiện Quyết định …" or "căn cứ vào … thì …" only mentions the document
_HEAD_ROLES = frozenset({"basis", "implements"})


def assign_roles(
    text: str, citations: list[Citation], tasks: list[tuple[int, int]] | None = None
) -> None:
    """Set ``role``, ``cue``, ``described_by`` and ``relation`` on each citation. In the
    ``tasks`` ranges (a body, or a plan attached after the signature, from its second part to
    its end), basis and implements become mentions: a task "Tiếp tục thực hiện Nghị quyết …"
    is not what the document exists to carry out."""
    headings = _top_headings(text)
    ends = [at for at, _ in headings]
    for k, c in enumerate(citations):
        _assign(text, citations, k)
        in_tasks = any(a <= c.span.start < b for a, b in tasks or [])
        at = bisect_right(ends, c.span.start) - 1
        heading = headings[at][1] if at >= 0 else None
        if c.role in _HEAD_ROLES and (in_tasks or heading == "task"):
            c.role = "mention"
        elif c.role == "mention" and c.described_by is None and heading == "head":
            _purpose(text, c)


def _purpose(text: str, c: Citation) -> None:
    """Under the head's heading ("I. MỤC ĐÍCH, YÊU CẦU"), a verb of carrying out just before
    a citation states the plan's own purpose: "1. Tổ chức quán triệt, triển khai thực hiện
    nghiêm túc Nghị quyết …"."""
    window = cues.carry_out_cue().finditer(text, max(0, c.span.start - _REACH), c.span.start)
    verb = _near(window, text, c.span.start)
    if verb is not None:
        c.role, c.cue = "implements", verb.group(0)


# a top heading in capitals ("II. NHIỆM VỤ VÀ GIẢI PHÁP", "B. TỔ CHỨC THỰC HIỆN"), or the type
# heading of a document attached after the signature ("CHƯƠNG TRÌNH HÀNH ĐỘNG"), which opens a
# new head
_TOP_HEADING = lazy_compile(
    r"(?m)^[ \t]*(?:(?:[IVXL]+|[A-D])[.\-–)][ \t]*(?P<h>\p{Lu}[\p{Lu}\s,\-–]{3,})"
    r"|(?P<doc>KẾ HOẠCH|CHƯƠNG TRÌNH(?: HÀNH ĐỘNG)?|QUYẾT ĐỊNH|ĐỀ ÁN))[ \t]*$"
)


def _top_headings(text: str) -> list[tuple[int, str | None]]:
    """Where each top heading ends and its kind: "head" (MỤC ĐÍCH, CĂN CỨ …), "task" (any
    other), or None (a document's type heading, which opens a new head). Read from the text,
    for documents whose parts were not parsed too."""
    out: list[tuple[int, str | None]] = []
    for m in _TOP_HEADING.finditer(text):
        if m.group("doc"):
            out.append((m.end(), None))
        else:
            out.append((m.end(), "head" if cues.head_headings().search(m.group("h")) else "task"))
    return out


def _previous(citations: list[Citation], k: int, start: int) -> Citation | None:
    """The citation before ``citations[k]`` in the same clause, if any."""
    c = citations[k]
    for j in range(k - 1, -1, -1):
        p = citations[j]
        if p.span.start < start:
            return None
        if p.span.end <= c.span.start:
            return p
    return None


def _own_cue_after(text: str, start: int, end: int) -> bool:
    """Does a basis or proposal cue of its own ("…, căn cứ Kết luận số …") stand between a
    describing verb and the citation?"""
    return any(
        _role_of(m) in ("basis", "proposal")
        for m in cues.anywhere_opening().finditer(text, start, end)
    )


def _assign(text: str, citations: list[Citation], k: int) -> None:
    c = citations[k]
    start = clause_start(text, c.span.start)
    prev = _previous(citations, k, start)
    if (
        prev is not None
        and prev.role != "mention"
        and _LIST_GLUE.fullmatch(text, prev.span.end, c.span.start)
    ):
        c.role, c.cue = prev.role, prev.cue  # "thay thế các quyết định số 101/… và 41/…"
        return
    if prev is not None and prev.key != c.key and ";" not in text[prev.span.end : c.span.start]:
        # after an earlier citation, any acting cue (passive too: "… được sửa đổi, bổ sung bởi
        # Nghị định …") describes that document, unless a cue of this one's own follows it
        # ("… Quy chế thực hiện cơ chế một cửa …, căn cứ Kết luận số 06-KL/TU")
        described = cues.describing_cue().search(text, prev.span.end, c.span.start)
        if described is not None and not _own_cue_after(text, described.end(), c.span.start):
            c.role, c.cue = "mention", described.group(0)
            c.described_by, c.relation = prev.key, _role_of(described)
            return
    floor = prev.span.end if prev is not None else start
    acting = _acting(text, floor, c.span.start)
    own = None
    for m in cues.own_type_carry_out().finditer(text, floor, c.span.start):
        own = m
    if acting is not None and (own is None or acting.start() > own.start()):
        c.role, c.cue = _role_of(acting), acting.group(0)
    elif own is not None:
        c.role, c.cue = "implements", own.group(0)
    elif opening := cues.opening_cue().match(text, start, c.span.start):
        role = _role_of(opening)
        c.role, c.cue = role, text[opening.start(role) : opening.end()]


def implemented(
    text: str, citations: list[Citation], title_span: tuple[int, int] | None
) -> list[str] | None:
    """The keys of what the document carries out: implementing citations in its title, else
    those of the first clause with one; for a title that carries out a programme named without
    a number ("Kế hoạch thực hiện Đề án …"), the decision in the preamble that approves it;
    None when it says none."""
    keyed = [c for c in citations if c.key]
    if title_span is not None:
        in_title = [
            c.key for c in keyed
            if title_span[0] <= c.span.start < title_span[1] and c.role == "implements"
        ]  # fmt: skip
        if in_title:
            return _unique(in_title)
    first = next((c for c in keyed if c.role == "implements"), None)
    if first is not None:
        return _unique([first.key, *_same_clause(text, keyed, first)])
    if title_span is not None and _TITLE_PROGRAMME.search(text, *title_span):
        # "Kế hoạch thực hiện Đề án …" with no number: the decision that approves it
        approving = next(
            (c for c in keyed if c.role == "basis" and c.doc_type == "Quyết định"), None
        )
        return [approving.key] if approving and approving.key else None
    return None


# a title that carries out a programme it names without a number
_TITLE_PROGRAMME = lazy_compile(
    r"(?i)(?:thực\s+hiện|triển\s+khai)\s+(?:[\p{L}\s]{0,20}\s)?(?:đề\s+án|chương\s+trình)(?!\s+số)"
)


def _same_clause(text: str, citations: list[Citation], first: Citation) -> list[str | None]:
    """The keys after ``first`` in its clause with its role (a list after one cue); of a
    basis, only the kinds of document a plan carries out."""
    start = clause_start(text, first.span.start)
    return [
        c.key
        for c in citations
        if c.span.start > first.span.start
        and c.role == first.role
        and c.described_by is None
        and (first.role != "basis" or c.doc_type in CARRIED_TYPES)
        and clause_start(text, c.span.start) == start
    ]


def _unique(keys: list[str | None]) -> list[str]:
    return list(dict.fromkeys(k for k in keys if k))
