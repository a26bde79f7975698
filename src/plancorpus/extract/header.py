"""The header block and title: issuer, number and symbol, place and date, type, title.

The header sits left of the national motto; text exports print the two columns on shared
lines or one after the other. Each cell is classified by what it says, so both layouts read
the same. When a document has no header (several seeds), the issuer is read from the
sentence "<issuer> xây dựng / ban hành Kế hoạch…" or from the closing "…của <issuer>".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

import regex

from plancorpus.data import patterns
from plancorpus.extract.codes import Code, parse_code
from plancorpus.extract.dates import find_dates
from plancorpus.extract.names import org_name_case
from plancorpus.model.plan import DateMention, Issuer, Span, TextField
from plancorpus.segment.cues import find_head, is_title_cell
from plancorpus.segment.lines import Cell, Line, cells, cut_cell
from plancorpus.segment.zones import MOTTO_FOLDED, SEPARATOR, Zones, doc_type_of_line
from plancorpus.text.lazyregex import lazy_compile
from plancorpus.text.vietnamese import collapse_spaces, compare_key, fold_ascii, is_upper_text

_MOTTO = {
    compare_key(s)
    for s in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
    )
}
# "Số: 12/KH-UBND"; the legislature prints "Luật số: 36/2026/QH16", "Nghị quyết số: …"
_NUMBER = lazy_compile(
    r"^(?:(?P<type>Bộ\s+luật|Luật|Nghị\s+quyết|Pháp\s+lệnh|Lệnh)\s+)?(?:Số\s*:?|(?P<ocr>So|S)\s*:)"
    r"\s*(?P<code>.*)$",
    regex.I,
)
# "Hà Nội, ngày 31 tháng 12 năm 2025"; also "Hà Nội, 31/12/2025"
_PLACE_DATE = lazy_compile(
    r"^(?P<place>[^\d,\n]{2,40}?)\s*,\s*(?P<date>ngày\b.*|\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{4}\b.*)$",
    regex.I | regex.S,
)
_DRAFT = lazy_compile(r"(?i)^\(?\s*dự\s+thảo\s*\)?$")
_VV = lazy_compile(r"^(?:V/v|V/V|v/v|Về\s+việc)\s*:?\s*", regex.I)
_VV_ABBREVIATED = lazy_compile(r"^V/[vV]\s*:?\s*")
_ADDRESSEE = lazy_compile(r"(?i)^kính\s+gửi\s*:?")


@dataclass
class Header:
    issuer: Issuer | None = None
    number: TextField | None = None
    symbol: TextField | None = None
    code: Code | None = None
    place: TextField | None = None
    date: DateMention | None = None
    doc_type: TextField | None = None
    title: TextField | None = None
    draft: bool = False
    number_type: str | None = None  # the type named on the number line ("Luật số: …")
    notes: list[tuple[str, str]] = field(default_factory=list)


_MOTTO_WORDS = ("cộng", "hoà xã", "chủ nghĩa")


def _is_motto(text: str) -> bool:
    key = compare_key(text)
    if key in _MOTTO or any(key.startswith(m) for m in _MOTTO):
        return True
    # a piece of the motto broken over lines ("CỘNG" / "HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    if any(w in key for w in _MOTTO_WORDS) and any(key in m for m in _MOTTO):
        return True
    return MOTTO_FOLDED.search(fold_ascii(text)) is not None  # OCR may slip on the marks


_LONE_NUMBER_LABEL = lazy_compile(r"(?i)số\s*:?")
# up to four words ("Sơn" / "La, ngày …", "Thành phố Hồ Chí" / "Minh, ngày …"); the words
# after the first may open in lower case ("phố")
_PLACE_BROKEN = lazy_compile(r"\p{Lu}\p{Ll}+(?:\s+\p{L}\p{Ll}*){0,3}")
_PLACE_REST = lazy_compile(r"\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*)?\s*,\s*ngày\b")
_DATE_OPEN = lazy_compile(r"(?i),\s*ngày(?:\s+\d{1,2})?\s*$")
_DATE_REST = lazy_compile(r"(?i)^(?:\d{1,2}\s+)?tháng\b")
# the other places a web table wraps a place-date: after the place's comma ("Thừa Thiên Huế," /
# "ngày 13 tháng 5 năm 2024") and before the year ("La, ngày 16 tháng 11" / "năm 2018")
_PLACE_COMMA = lazy_compile(r"\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){0,4}\s*,\s*")
_DAY_REST = lazy_compile(r"(?i)ngày\s+\d")
_MONTH_OPEN = lazy_compile(r"(?i),\s*ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s*$")
_YEAR_REST = lazy_compile(r"(?i)năm\s+\d{4}")


def _wrapped_date(before: str, after: str) -> bool:
    """Is ``after`` the rest of a place-date that a web table wrapped after ``before``?"""
    return bool(
        (_DATE_OPEN.search(before) and _DATE_REST.match(after))
        or (_PLACE_COMMA.fullmatch(before) and _DAY_REST.match(after))
        or (_MONTH_OPEN.search(before) and _YEAR_REST.match(after))
    )


# Where a second column starts inside a cell whose gap was lost ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ
# HỘI…", "TỈNH HẬU GIANG Độc lập - Tự do…", "Số: 454/UBND-NCTH Vị Thanh, ngày 6 tháng 4…")
_SECOND_COLUMN = lazy_compile(
    r"(?<=\S)\s+(?=(?i:c[ộo]ng\s+h[òo]a\s+x[ãa]\s+h[ộo]i|đ[ộo]c\s+l[ậa]p\s*-|"
    r"đảng\s+cộng\s+sản\s+việt\s+nam)"
    r"|\p{Lu}[\p{L}.\-]*(?:\s+\p{L}[\p{L}.\-]*){0,4}\s*,\s*(?i:ngày)\b)"
)


def _split_columns(cell: Cell) -> list[Cell]:
    """A header cell cut where a second column's text begins (see ``_SECOND_COLUMN``)."""
    text = cell.text
    if _PLACE_DATE.match(text):  # "Cam Hải Đông, ngày …" is one cell
        return [cell]
    gaps: list[tuple[int, int]] = []
    for m in _SECOND_COLUMN.finditer(text):
        place_date = _PLACE_DATE.match(text[m.end() :]) is not None
        if not place_date and not _is_motto(text[m.end() :]):
            continue
        gaps.append((m.start(), m.end()))
        if place_date:  # the place and date end a cell: no cut inside them
            break
    return cut_cell(cell, gaps)


_OPEN_DATE_WORD = lazy_compile(r"(?i)\b(?:ngày|tháng)\s*[.…_]*$")
_DATE_GOES_ON = lazy_compile(r"(?i)(?:tháng|năm|[\d.…_/])")


def _header_cells(lines: list[Line], zone: range) -> list[tuple[int, Cell]]:
    """Cells of the header lines; a lone "Số:" is joined to the code cell after it, on its
    line or at the start of the next (web tables put it alone in its line)."""
    out: list[tuple[int, Cell]] = []
    for i in zone:
        row = [piece for c in cells(lines[i], after_punct=False) for piece in _split_columns(c)]
        joins = out and out[-1][0] == i - 1 and row
        if joins and _PLACE_BROKEN.fullmatch(out[-1][1].text) and _PLACE_REST.match(row[0].text):
            # a place broken before its date: "Sơn" / "La, ngày 27 tháng 01 năm 2022"
            _, word = out.pop()
            first = row[0]
            row[0] = Cell(word.start, first.end, f"{word.text} {first.text}", word.column)
        elif joins and (
            _LONE_NUMBER_LABEL.fullmatch(out[-1][1].text)
            or _wrapped_date(out[-1][1].text, row[0].text)
        ):
            # web tables put "Số:" alone on its line, and wrap a date: "An Giang, ngày 26" /
            # "tháng 8 năm 2021", "Bình Định, ngày" / "19 tháng 05 năm 2022"
            _, label = out.pop()
            first = row[0]
            row[0] = Cell(label.start, first.end, f"{label.text}\n{first.text}", label.column)
        merged: list[Cell] = []
        for cell in row:
            if merged and (
                _LONE_NUMBER_LABEL.fullmatch(merged[-1].text.strip())
                or (_OPEN_DATE_WORD.search(merged[-1].text) and _DATE_GOES_ON.match(cell.text))
            ):
                prev = merged.pop()
                text = lines[i].text[prev.start - lines[i].start : cell.end - lines[i].start]
                merged.append(Cell(prev.start, cell.end, text, prev.column))
            else:
                merged.append(cell)
        out.extend((i, c) for c in merged)
    return out


# a school's head word glued to its level: "TRƯỜNGMN MAI VÀNG" is "TRƯỜNG MN MAI VÀNG"
_GLUED_SCHOOL = lazy_compile(r"^(\s*TRƯỜNG)(?=(?:MN|MG|TH|THCS|THPT|PTDTBT|PTDTNT)\b)")

# a place that closes a parent's name on the same line as the body under it: "PHÒNG GIÁO DỤC
# VÀ ĐÀO TẠO THÀNH PHỐ SẦM SƠN TRƯỜNG TIỂU HỌC QUẢNG HÙNG"
_PLACE_THEN = lazy_compile(r"\b(?:TỈNH|THÀNH\s+PHỐ|HUYỆN|QUẬN|THỊ\s+XÃ|XÃ|PHƯỜNG|THỊ\s+TRẤN)\s")
_NAME_WORD = lazy_compile(r"\s*\p{Lu}[\p{Lu}\-]*\s+")


_STRAY_MARKS = "/\\.,;:-– "


def _unglued(text: str) -> str:
    return str(_GLUED_SCHOOL.sub(r"\1 ", text, count=1))


def _head_of(text: str) -> patterns.OrgHead | None:
    return find_head(_unglued(text))


def _group_text(group: list[Cell]) -> str:
    return " ".join(c.text.strip() for c in group)


def _split_parent(cell: Cell) -> list[Cell]:
    """One header line holding a parent body and the body under it, cut between the two."""
    if _head_of(cell.text) is None:
        return [cell]
    for m in _PLACE_THEN.finditer(cell.text):
        cut = m.end()
        for _ in range(4):  # the place's name: one to four words
            word = _NAME_WORD.match(cell.text, cut)
            if word is None:
                break
            cut = word.end()
            rest = cell.text[cut:]
            if _head_of(rest) is not None:
                head = Cell(cell.start, cell.start + cut, cell.text[:cut].rstrip(), cell.column)
                tail = Cell(cell.start + cut, cell.end, rest, cell.column + cut)
                return [head, tail]
    return [cell]


def _entities(names: list[Cell]) -> list[list[Cell]]:
    """Group issuer lines into bodies: a line opening with a body word starts a new one."""
    groups: list[list[Cell]] = []
    for cell in names:
        if not groups or (
            _head_of(cell.text) is not None
            and not _continues_head(groups[-1], cell)
            and not _headless(groups[-1])
        ):
            groups.append([cell])
        else:
            groups[-1].append(cell)
    return groups


def _headless(group: list[Cell]) -> bool:
    """A name begun without a body word that the next line completes: "THỦ TƯỚNG" /
    "CHÍNH PHỦ" is the Prime Minister, not the Government under a parent "THỦ TƯỚNG"."""
    return all(_head_of(c.text) is None for c in group) and is_title_cell(_group_text(group))


def _continues_head(group: list[Cell], cell: Cell) -> bool:
    """A head broken over lines: "ỦY" / "BAN NHÂN DÂN" is one "Ủy ban nhân dân"."""
    joined = find_head(f"{group[-1].text.strip()} {cell.text.strip()}")
    return (
        len(group) == 1
        and joined is not None
        and len(joined.head.split()) > len(group[-1].text.split())
    )


@cache
def _locality_rx(word: str) -> regex.Pattern[str]:
    return regex.compile(rf"(?i)\b{word}\s+(?P<rest>\p{{Lu}}.*)$")


def _locality(name: str) -> str | None:
    for word in patterns.locality_words():
        m = _locality_rx(word).search(name)
        if m and (word != "xã" or not m.group("rest").lower().startswith("hội")):
            return name[m.start() :]
    return None


_BARE_LOCALITY = lazy_compile(r"(?i)\b(?:tỉnh|thành\s+phố|huyện|quận|thị\s+xã|xã|phường)$")
_LOCALITY_WORD = lazy_compile(r"(?i)^(?:tỉnh|thành\s+phố|huyện|quận|thị\s+xã|xã|phường)\s+")


def issuer_value(own: str, parent: str | None) -> str:
    """Sentence-case name of the issuing body, with the parent's locality when the body's own
    name has none: "UBND TỈNH CAO BẰNG" / "BAN DÂN TỘC" → "Ban Dân tộc tỉnh Cao Bằng"."""
    name = org_name_case(_unglued(own))
    parent_head = find_head(parent) if parent else None
    if parent and parent_head is not None and parent_head.head.endswith(" ủy"):
        # a Party committee's department: "Ban Tổ chức" of "Thành ủy Hà Nội"
        return f"{name} {org_name_case(parent)}"
    if parent and _locality(name) is None:
        loc = _locality(org_name_case(parent))
        if loc:
            bare = _BARE_LOCALITY.search(name)
            if bare and compare_key(loc).startswith(compare_key(bare.group(0))):
                # "Đảng ủy Khối các cơ quan tỉnh" + "tỉnh Quảng Trị": add only the proper name
                loc = loc[len(bare.group(0)) :].strip()
            place = _LOCALITY_WORD.sub("", loc)
            if compare_key(place) not in compare_key(name):
                name = f"{name} {loc}"
    return name


def read_header(text: str, lines: list[Line], zones: Zones) -> Header:
    h = Header()
    issuer_cells: list[Cell] = []
    plain_cells: list[Cell] = []  # body names not in capitals, used only when none is
    vv: list[Cell] = []
    in_vv = False
    vv_line = -2
    for i, cell in _header_cells(lines, zones.header):
        t = cell.text.strip()
        if SEPARATOR.match(t) or _is_motto(t):
            in_vv = False
            continue
        m = _NUMBER.match(t)
        if m and h.code is None and ("/" in t or "-" in t):
            _read_number(h, cell, m)
            in_vv = False
            continue
        pd = _PLACE_DATE.match(t)
        if pd and h.date is None:
            _read_place_date(h, text, cell, pd)
            in_vv = False
            continue
        if _DRAFT.match(t):
            h.draft = True
            continue
        if collapse_spaces(t).upper().strip(".:*()") in patterns.header_marks():
            h.notes.append(("header_mark", f"header mark (not the issuer): {t!r}"))
            continue
        if _VV.match(t):
            vv.append(cell)
            in_vv, vv_line = True, i
            continue
        # a blank line ends it, unless the subject goes on in lower case after it ("V/v hướng
        # dẫn thực hiện nhiệm vụ" / "" / "giáo dục trung học …" in a scan's text)
        goes_on = i == vv_line + 2 and t[:1].islower()
        if in_vv and not is_upper_text(t) and (i <= vv_line + 1 or goes_on):
            vv.append(cell)
            vv_line = i
            continue
        if _ADDRESSEE.match(t):
            in_vv = False
            continue
        if is_upper_text(t) and not t.startswith("(") and not any(ch.isdigit() for ch in t):
            issuer_cells += _split_parent(cell)  # body names hold no digits ("XV80": a code)
        elif len(t) <= 60 and not any(ch.isdigit() for ch in t) and find_head(t) is not None:
            plain_cells.append(cell)  # "Chính phủ": a web copy put the body's name in lower case
    groups = _entities(issuer_cells or plain_cells[:1])
    if groups:
        own = groups[-1]
        parent = groups[-2] if len(groups) > 1 else None
        # a stray mark before a body's line ("/ỦY BAN MTTQ VIỆT NAM") is not part of its name
        own_text = _group_text(own).lstrip(_STRAY_MARKS)
        parent_text = _group_text(parent).lstrip(_STRAY_MARKS) if parent else None
        raw = "\n".join(c.text.strip() for c in (parent or []) + own)
        h.issuer = Issuer(
            value=issuer_value(own_text, parent_text),
            raw=raw,
            span=Span(start=(parent or own)[0].start, end=own[-1].end),
            parent=org_name_case(parent_text) if parent_text else None,
            found_in="header",
        )
    _read_doc_type(h, lines, zones, bool(vv))
    _read_title(h, text, lines, zones, vv)
    return h


def _read_number(h: Header, cell: Cell, m: regex.Match[str]) -> None:
    code_text = m.group("code")
    code = parse_code(code_text)
    if code is None:
        loose = _LOOSE_CODE.match(code_text.strip())
        if loose is None:
            h.notes.append(
                ("symbol_unreadable", f"number and symbol not understood: {cell.text!r}")
            )
            return
        # "Số: 1281/-UBND" (the type code lost): the number and the symbol as written
        raw = cell.text.strip()
        h.number = TextField(value=loose.group("num"), raw=raw, span=cell.span)
        h.symbol = TextField(value=loose.group("sym"), raw=raw, span=cell.span)
        h.notes.append(("symbol_malformed", f"the symbol is not in a known form: {raw!r}"))
        return
    h.code = code
    h.number_type = m.group("type")
    if m.group("ocr"):
        h.notes.append(("ocr_damage", f"the number's label lost its marks: {cell.text.strip()!r}"))
    h.number = TextField(value=code.number, raw=cell.text.strip(), span=cell.span)
    h.symbol = TextField(value=code.symbol, raw=cell.text.strip(), span=cell.span)
    if code.number is None:
        h.notes.append(("number_blank", "the number is left blank (a draft or an unnumbered copy)"))
    for defect in code.defects:
        h.notes.append(
            ("symbol_" + defect, f"the document's own symbol: {defect.replace('_', ' ')}")
        )


# a number whose symbol is damaged: "1281/-UBND"
_LOOSE_CODE = lazy_compile(r"(?P<num>\d{1,5}[a-z]?)\s*/\s*(?P<sym>[^\s/|][^\s|]{0,29})$")

# the end of the motto run on with the place by a web copy: "… Tự do - Hạnh phúc Hà Nội, ngày"
_MOTTO_TAIL = lazy_compile(r"(?i)^(?:.*\bH[ạa]nh\s+ph[úu]c\b)[\s\-–.]*")


def _read_place_date(h: Header, text: str, cell: Cell, m: regex.Match[str]) -> None:
    place = m.group("place").strip()
    cut = _MOTTO_TAIL.match(place)
    lead = cut.end() if cut and cut.end() < len(place) else 0
    start = cell.start + m.start("place") + lead
    place = place[lead:]
    h.place = TextField(value=place, raw=place, span=Span(start=start, end=start + len(place)))
    found = find_dates(text, cell.start + m.start("date"), cell.end)
    if found:
        h.date = found[0]
        if found[0].kind != "date":
            h.notes.append(("date_incomplete", f"the date is partly blank: {found[0].raw!r}"))


def _read_doc_type(h: Header, lines: list[Line], zones: Zones, subject: bool) -> None:
    if zones.doc_type_line is not None:
        line = lines[zones.doc_type_line]
        for cell in cells(line, after_punct=False):
            name = doc_type_of_line(cell.text, first_line=True)
            if name:
                h.doc_type = TextField(value=name, raw=cell.text.strip(), span=cell.span)
                return
        if zones.title_offset:  # "KẾ HOẠCH Thực hiện …": the type word opens the title line
            start = line.start + line.text.index(line.stripped)
            raw = line.text[: zones.title_offset].strip()
            end = line.start + zones.title_offset
            name = doc_type_of_line(raw.strip("*_# "), first_line=True)
            if name:
                h.doc_type = TextField(value=name, raw=raw, span=Span(start=start, end=end))
                return
    if h.code is not None:
        by_code = patterns.doc_type_codes()
        dtype = by_code.get((h.code.type_code or "").upper())
        named = patterns.doc_type_names().get(collapse_spaces(h.number_type or "").lower())
        name = named.name if named else dtype.name if dtype else "Công văn"
        h.doc_type = TextField(value=name, raw=h.symbol.raw if h.symbol else "", span=None)
        h.notes.append(
            ("doc_type_inferred", f"no document-type line; {name!r} read from the symbol")
        )
    elif subject:  # a letter's "V/v" subject, its symbol unreadable (a scan)
        h.doc_type = TextField(value="Công văn", raw="", span=None)
        h.notes.append(("doc_type_inferred", "no document-type line nor symbol; a 'V/v' letter"))


def _read_title(h: Header, text: str, lines: list[Line], zones: Zones, vv: list[Cell]) -> None:
    if len(zones.title):
        first, last = lines[zones.title.start], lines[zones.title.stop - 1]
        start, end = first.content_start, last.content_end
        if zones.title.start == zones.doc_type_line:
            start = first.start + zones.title_offset
            start += len(text[start:end]) - len(text[start:end].lstrip())
        raw = text[start:end]
        # "|": a table's rule; "V/V" abbreviates the subject's "Về việc", which is kept
        value = _VV_ABBREVIATED.sub("", collapse_spaces(raw).strip(" |"), count=1)
        h.title = TextField(value=value, raw=raw, span=Span(start=start, end=end))
    elif vv:
        start, end = vv[0].start, vv[-1].end
        raw = "\n".join(c.text.strip() for c in vv)
        value = _VV.sub("", collapse_spaces(raw), count=1)
        h.title = TextField(value=value, raw=raw, span=Span(start=start, end=end))


# --- the issuer named in the body ---------------------------------------------------------


_CLAUSE_BREAK = lazy_compile(r"[,.;:]\s+|\n\s*\n")


def _heads_alternation() -> str:
    heads = sorted({h.head for h in patterns.org_heads()}, key=len, reverse=True)
    return "|".join(regex.escape(h).replace(r"\ ", r"\s+") for h in heads)


# after a space (a lookbehind: a leading "\s+" would make a run of blank lines quadratic)
_ISSUE_VERB = lazy_compile(
    r"(?<=\s)(?:xây\s+dựng|ban\s+hành|triển\s+khai|lập|hướng\s+dẫn)\s+(?P<type>\p{L}+\s+\p{L}+)"
)
_NOT_IN_NAME = lazy_compile(r"\b(?:đã|sẽ|đang|được|chỉ\s+đạo|tập\s+trung|tiếp\s+tục|đề\s+nghị)\b")
_BODY_ISSUER = lazy_compile(
    lambda: rf"(?:^|(?<=[\s,.;:(]))(?P<org>(?:{_heads_alternation()})\b[^,.;:\n()]*)$"
)
_CLOSING_ISSUER = lazy_compile(
    lambda: rf"\bcủa\s+(?P<org>(?:{_heads_alternation()})\b[^,.;:()]*?)\s*(?:\./\.|[.;]|$)"
)


def issuer_from_body(text: str, start: int, end: int, doc_type: str | None) -> Issuer | None:
    """ "Sở Ngoại vụ xây dựng Kế hoạch…", ", Sở Xây dựng ban hành kế hoạch…": the body that
    issues a document of this document's own type, named in the preamble."""
    own = compare_key(doc_type or "kế hoạch")
    for m in _ISSUE_VERB.finditer(text, start, end):
        if compare_key(m.group("type")) != own:
            continue
        before_start = max(start, m.start() - 120)
        window = text[before_start : m.start()]
        clause = _CLAUSE_BREAK.split(window)[-1]
        clause_start = m.start() - len(clause)
        om = _BODY_ISSUER.search(clause.replace("\n", " "))
        if om and len(om.group("org").split()) <= 12 and not _NOT_IN_NAME.search(om.group("org")):
            org = collapse_spaces(om.group("org"))
            s = clause_start + om.start("org")
            raw = text[s : m.start()].rstrip()
            return Issuer(value=org, raw=raw, span=Span(start=s, end=s + len(raw)), found_in="body")
    return None


def issuer_from_closing(text: str, start: int, end: int) -> Issuer | None:
    """ "Trên đây là Kế hoạch … của Sở Ngoại vụ."."""
    found = None
    for m in _CLOSING_ISSUER.finditer(text, start, end):
        found = m
    if not found:
        return None
    org = collapse_spaces(found.group("org"))
    return Issuer(
        value=org,
        raw=found.group("org"),
        span=Span(start=found.start("org"), end=found.end("org")),
        found_in="closing",
    )
