"""The zones of a document, in reading order.

header (issuer, number, place and date) · document-type line ("KẾ HOẠCH") · title
("trích yếu") · body (preamble and numbered sections) · closing ("Trên đây là…") · tail
(recipients "Nơi nhận" and signatures) · appendix. Every part is optional; the zones are
line ranges into :func:`plancorpus.lines.split_lines`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

import regex

from plancorpus.data import patterns
from plancorpus.segment.cues import is_name_cell, is_title_cell, prefix_match
from plancorpus.segment.labels import label_of
from plancorpus.segment.lines import Line, cells, first_nonblank
from plancorpus.text.lazyregex import lazy_compile
from plancorpus.text.vietnamese import compare_key, fold_ascii, is_upper_text

# "Căn cứ …", "Thực hiện …": the words are data (patterns.toml, preamble_openers)
PREAMBLE_START = lazy_compile(
    lambda: rf"(?i)^[-–•*\s]*(?:{patterns.phrase_alternation(patterns.preamble_openers())})\b"
)
SUBJECT = lazy_compile(r"(?i)^[|*\s]*(?:v/v|về\s+việc)\b")
RECIPIENTS_HEAD = lazy_compile(r"(?i)^nơi\s+nhận\b\s*:?")
CLOSING_START = lazy_compile(r"(?i)^trên\s+đây\s+là\b")
# a page number left in a text copy: "Trang 1/2", "Trang 3", "- 2 -"
PAGE_NUMBER_LINE = lazy_compile(
    r"^\s*(?:(?:Trang|TRANG|Page)\s+\d{1,3}(?:\s*/\s*\d{1,3})?|-\s*\d{1,3}\s*-)\s*$"
)
SEPARATOR = lazy_compile(r"^[\s\-–—_=*~.·]+$")
# What follows the signature and is not part of it: an appendix, or an attached document
# (a second national motto, "(Ban hành kèm theo …)", a chapter heading).
APPENDIX_START = lazy_compile(
    r"^(?:PHỤ\s+LỤC|Phụ\s+lục|DANH\s+SÁCH|Mẫu\s+số|MẪU\s+SỐ|BIỂU\s+MẪU|BẢNG\s+TỔNG\s+HỢP|"
    r"CHƯƠNG\s+[IVXL\d]+|Chương\s+[IVXL\d]+)\b"
    r"|(?i:^\(?\s*ban\s+hành\s+kèm\s+theo)"
)
# the enacting authority of a decision, printed under its title: a body, or its head's title
# and the body ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …", "BỘ TRƯỞNG BỘ Y TẾ")
_HEAD_OF_BODY = r"(?:CHỦ\s+TỊCH|BỘ\s+TRƯỞNG|THỦ\s+TƯỚNG|TỔNG\s+GIÁM\s+ĐỐC|GIÁM\s+ĐỐC|CỤC\s+TRƯỞNG)"
_ENACTING = lazy_compile(
    rf"^(?:{_HEAD_OF_BODY}(?:\s+\p{{Lu}}[\p{{Lu}}\s,\-–]*)?"
    r"|(?:(?:ỦY|UỶ)\s+BAN\s+NHÂN\s+DÂN|UBND|HỘI\s+ĐỒNG\s+NHÂN\s+DÂN|CHÍNH\s+PHỦ|BỘ\s+\p{Lu}"
    r"|SỞ\s+\p{Lu}|BAN\s+THƯỜNG\s+VỤ|BAN\s+CHẤP\s+HÀNH)[\p{Lu}\s,\-–]*)$"
)
_INCOMING_STAMP = lazy_compile(r"^(?:CÔNG\s+VĂN\s+)?ĐẾN\b")
_ATTACHED_TO = lazy_compile(r"(?i)^\(\s*(?:ban\s+hành\s+kèm\s+theo\b|kèm\s+theo\b|ban\s+hành\s*$)")
MOTTO = lazy_compile(
    r"(?i)cộng\s+h(?:oà|òa|oa)\s+xã\s+hội\s+chủ\s+nghĩa|đảng\s+cộng\s+sản\s+việt\s+nam"
)
# the same, letters only (for OCR, whose marks may be wrong): compare with fold_ascii(text)
MOTTO_FOLDED = lazy_compile(r"CONG HOA XA HOI CHU NGHIA|DANG CONG SAN VIET NAM|DOC LAP - TU DO")


def _type_words_upper() -> str:
    names = sorted(patterns.doc_types(), key=lambda d: -len(d.name))
    return "|".join(regex.escape(d.name.upper()).replace(r"\ ", r"\s+") for d in names)


@cache
def _type_prefix() -> regex.Pattern[str]:
    return regex.compile(rf"^[*_#\s]*(?P<type>{_type_words_upper()})\s+(?=\S)")


# a copy's own block after the original's signature
_NOT_A_TITLE = lazy_compile(r"(?i)(?:và|của)\b|,|\(|-|:")
_OPEN_TITLE_END = lazy_compile(r"[-–,]$|\bvà$")
COPY_HEAD = lazy_compile(r"^[*_\s]*(?P<form>SAO\s+Y|SAO\s+LỤC|TRÍCH\s+SAO)\b(?:\s+BẢN\s+CHÍNH)?")


def starts_appendix(line: Line) -> bool:
    return bool(
        APPENDIX_START.match(line.stripped) or MOTTO.search(line.text) or COPY_HEAD.match(line.text)
    )


def doc_type_of_line(text: str, first_line: bool = False) -> str | None:
    """The document type named by a line that holds only it ("KẾ HOẠCH" → "Kế hoạch")."""
    s = text.strip().strip("*_# ")
    if not s or len(s) > 40 or s.endswith(":"):
        return None
    if not is_upper_text(s) and not first_line:
        return None
    name = _type_names()[0].get(compare_key(s))
    if name is not None:
        return name
    # "QUYÉT ĐỊNH" from OCR: the marks may be wrong, the letters not
    return _type_names()[1].get(fold_ascii(s))


@cache
def _type_names() -> tuple[dict[str, str], dict[str, str]]:
    """The document types' names by their comparison key, and (those longer than four
    letters) by their letters without marks; the first type wins a shared key."""
    by_key: dict[str, str] = {}
    by_letters: dict[str, str] = {}
    for d in patterns.doc_types():
        by_key.setdefault(compare_key(d.name), d.name)
        if len(d.name) > 4:
            by_letters.setdefault(fold_ascii(d.name), d.name)
    return by_key, by_letters


def doc_type_prefix(text: str) -> tuple[str, int] | None:
    """A type word in capitals that opens a line and runs on into the title ("KẾ HOẠCH Thực
    hiện công tác…", "KẾ HOẠCH TỔ CHỨC KỶ NIỆM…" in web copies): the type, and where the title
    starts in ``text``. Not "KẾ HOẠCH VÀ ĐẦU TƯ" (a department's name broken over lines)."""
    m = _type_prefix().match(text)
    if m is None or _NOT_A_TITLE.match(text[m.end() :]):
        return None
    name = doc_type_of_line(m.group("type"))
    return (name, m.end()) if name else None


@dataclass
class Zones:
    header: range
    doc_type_line: int | None
    title: range
    body: range
    closing: range
    tail: range
    appendix: range
    title_offset: int = 0  # where the title starts in its first line (after an inline type)


def find_doc_type_line(lines: list[Line]) -> int | None:
    limit = min(len(lines), max(60, len(lines) // 4))
    first = first_nonblank(lines)
    for i in range(limit):
        line = lines[i]
        if line.blank:
            continue
        # a type in sentence case is taken on the first line, or alone on a line that a
        # title in capitals follows ("Nghị quyết" / "VỀ ĐẨY MẠNH PHÂN CẤP …" in a web copy)
        lenient = i == first or _capitals_follow(lines, i)
        if _is_first_article(line.stripped):
            return None  # past "Điều 1.": a type line now belongs to an attached document
        for cell in cells(line, after_punct=False):
            name = doc_type_of_line(cell.text, first_line=lenient)
            if name == "Phụ lục" and i > (first or 0) + 12:
                continue  # an appendix after the signature, not the document's type
            if name and not _enacts(lines, i):
                return i
    return None


def _is_first_article(text: str) -> bool:
    label = label_of(text)
    return label is not None and label.kind == "article" and label.label == "Điều 1"


def _capitals_follow(lines: list[Line], i: int) -> bool:
    nxt = first_nonblank(lines, i + 1)
    if nxt is None:
        return False
    text = lines[nxt].stripped
    return len(text) > 12 and is_upper_text(text) and label_of(text) is None


def _enacts(lines: list[Line], i: int) -> bool:
    """ "QUYẾT ĐỊNH" (its colon lost) right before "Điều 1.": the enacting formula, not the
    type line, which a title follows."""
    nxt = first_nonblank(lines, i + 1)
    return nxt is not None and label_of(lines[nxt].stripped) is not None


def _filled(lines: list[Line], limit: int) -> Iterator[tuple[int, Line]]:
    """The non-blank lines among the first ``limit``, with their index."""
    return ((i, line) for i, line in enumerate(lines[:limit]) if not line.blank)


def _opens_body(text: str) -> bool:
    """A preamble cue ("Căn cứ", "Thực hiện") or a section label opens the body."""
    return PREAMBLE_START.match(text) is not None or label_of(text) is not None


def find_inline_type(lines: list[Line]) -> tuple[int, int] | None:
    """The line whose type word runs on into the title, before the body starts, and the
    title's offset in it."""
    for i, line in _filled(lines, 40):
        text = line.stripped
        if _opens_body(text):
            return None
        found = doc_type_prefix(text)
        if found:
            return i, line.text.index(text) + found[1]
    return None


def _quotes_open(text: str) -> bool:
    opens = sum(text.count(q) for q in "“‘")
    closes = sum(text.count(q) for q in "”’")
    straight = text.count('"')
    return opens > closes or straight % 2 == 1


def _goes_on_in_lower_case(lines: list[Line], i: int, joined: str) -> bool:
    """A title that a blank line breaks in the middle of a phrase: the next line opens in
    lower case ("Công tác phòng, chống dịch Covid-19" / "" / "trong tình hình mới …")."""
    nxt = first_nonblank(lines, i + 1)
    if nxt is None or joined.endswith((".", ";", ":")):
        return False
    return lines[nxt].stripped[:1].islower()


def _prose_after_capitals(first: str, text: str) -> bool:
    return is_upper_text(first) and not is_upper_text(text) and len(text) > 60


def find_title(lines: list[Line], start: int) -> range:
    """Title lines after the document-type line: up to a blank line (unless a quote is still
    open or the line ends in a connector), a preamble start, a label or a separator."""
    i = first_nonblank(lines, start)
    if i is None:
        return range(start, start)
    first = i
    taken: list[int] = []
    while i < len(lines) and len(taken) < 8:
        line = lines[i]
        text = line.stripped
        if line.blank:
            joined = " ".join(lines[j].stripped for j in taken)
            if taken and (
                _quotes_open(joined)
                or _OPEN_TITLE_END.search(joined)
                or _goes_on_in_lower_case(lines, i, joined)
            ):
                i += 1
                continue
            break
        if SEPARATOR.match(text) or label_of(text) is not None:
            break
        if i != first and (PREAMBLE_START.match(text) or RECIPIENTS_HEAD.match(text)):
            break
        if taken and _INCOMING_STAMP.match(text):
            break  # the receiver's "CÔNG VĂN ĐẾN" stamp, printed under the title in scans
        if taken and _ATTACHED_TO.match(text):
            break  # "(Ban hành kèm theo Quyết định số …)" under a regulation's title
        if taken and is_upper_text(text) and not is_upper_text(lines[taken[0]].stripped):
            break  # the enacting authority ("ỦY BAN NHÂN DÂN TỈNH") after a mixed-case title
        if taken and _prose_after_capitals(lines[taken[0]].stripped, text):
            break  # the body's first sentence after a title in capitals
        if _ENACTING.match(text):
            break  # the same after a title in capitals: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH AN GIANG"
        taken.append(i)
        i += 1
    return range(first, taken[-1] + 1) if taken else range(first, first)


_PREFIX_HINT = lazy_compile(r"(?:T\.?\s?M|K\.?\s?T|T\.?\s?L|TUQ|Q\s?\.|T/[Mm]|K/T|T/L)")
_TAIL_HINT = lazy_compile(r"(?i)nơi\s+nhận")


_CAPITALS_RUN = lazy_compile(r"^[\p{Lu}\s./\-,]+?(?=\s+\p{Lu}\p{Ll}|$)")


def _is_signature_line(line: Line) -> bool:
    if not _PREFIX_HINT.search(line.text):
        return False
    if any(prefix_match(c.text) for c in cells(line)):
        return True
    # a block run into one line: "KT. BỘ TRƯỞNG THỨ TRƯỞNG Đinh Trung Tụng …"
    run = _CAPITALS_RUN.match(line.stripped)
    return run is not None and prefix_match(run.group(0)) is not None


def find_tail_start(lines: list[Line], start: int) -> int | None:
    """First line of the recipients/signature block after ``start``."""
    n = len(lines)
    for i in range(start, n):
        line = lines[i]
        if line.blank:
            continue
        if _TAIL_HINT.search(line.text):
            first_cell = cells(line)
            if first_cell and RECIPIENTS_HEAD.match(first_cell[0].text):
                return _back_to_title(lines, i, start)
        if _is_signature_line(line):
            return i
    # No "Nơi nhận" and no authority prefix: a bare title followed by a name near the end.
    for i in range(max(start, n - 40), n):
        if any(is_title_cell(c.text) for c in cells(lines[i])):
            for j in range(i + 1, min(n, i + 8)):
                if any(is_name_cell(c.text) for c in cells(lines[j])):
                    return i
    return None


def _back_to_title(lines: list[Line], i: int, start: int) -> int:
    """A signer's title printed just above "Nơi nhận" ("CHỦ TỊCH" / "Nơi nhận:") belongs to
    the tail too."""
    j = i - 1
    while j > start and lines[j].blank:
        j -= 1
    if j > start and any(is_title_cell(c.text) or prefix_match(c.text) for c in cells(lines[j])):
        return j
    return i


_BARE_HEAD = lazy_compile(_HEAD_OF_BODY + r"\s*$")
_ENACTING_TAIL = lazy_compile(_HEAD_OF_BODY + r"(?:\s+[\p{Lu}\s,\-–]+)?$")


@cache
def _type_at() -> regex.Pattern[str]:
    """A type word in capitals at a position (an anchored pattern's "^" is not)."""
    return regex.compile(rf"(?:{_type_words_upper()})\s")


# Where a header that a page copy ran into one line breaks (only at a one- or two-space join;
# wider gaps already part cells): after a rule of dashes or a page title's full stop; before
# "Số:", the motto, "V/v", "Kính gửi", "(Ban hành kèm theo …)", a place and its date, a type
# word in capitals, and an enacting authority after a closing quote.
@cache
def _run_on() -> regex.Pattern[str]:
    return regex.compile(
        r"(?:(?<=-{3})|(?<=\d{4}\.))[ ]{1,2}(?=\S)|(?<=\.)[ ]{1,2}(?=\p{Lu}{2,}\s+\p{Lu}{2,})"
        r"|(?<=[^\s\-])[ ]{1,2}(?=-{3})"
        r"|(?<=\S)[ ]{1,2}(?=Số\s*:|C[ỘO]NG\s+H[ÒO]A\s+X[ÃA]\s+H[ỘO]I|Độc\s+lập\s*-"
        r"|V/[vV]\b|Kính\s+gửi\b|\((?i:ban\s+hành\s+kèm\s+theo)\b"
        r"|\p{Lu}[\p{L}.\-]*(?:\s+\p{L}[\p{L}.\-]*){0,4}\s*,\s*ngày\s+\d"
        rf"|(?:{_type_words_upper()})\s+(?!VÀ\b|CỦA\b)(?:V/V|VỀ|[“\"]?\p{{Lu}}\p{{Lu}}))"
        # (not a place that ends the title: "… “NĂM GIÁO DỤC VÙNG KHÓ KHĂN” XÃ VẦY NƯA")
        r"|(?<=[”\"])[ ]{1,2}(?!(?:XÃ|HUYỆN|TỈNH|PHƯỜNG|QUẬN|THỊ\s+TRẤN|THÀNH\s+PHỐ)\s)"
        r"(?=\p{Lu}{2,}\s+\p{Lu}{2,})"
        # the enacting authority closing a title in capitals: "… NĂM 2015 BỘ TRƯỞNG BỘ TƯ PHÁP"
        r"|(?<=[\p{Lu}\d)])(?<!CỦA)[ ]{1,2}(?=" + _HEAD_OF_BODY + r"(?:\s+[\p{Lu}\s,\-–]+)?$)"
        r"|(?<=[\p{Lu}\d])(?<!CỦA|VÀ|"
        + _HEAD_OF_BODY
        + r")[ ]{1,2}(?=ỦY\s+BAN\s+NHÂN\s+DÂN\s+(?:TỈNH|THÀNH\s+PHỐ|HUYỆN|QUẬN"
        r"|THỊ\s+XÃ|XÃ|PHƯỜNG)\s+[\p{Lu}\s\-]+$)"
        # the body's first sentence run on after a title in capitals ("… CẢ NƯỚC Ngày 24 tháng 6 …")
        r"|(?<=\p{Lu}{2})[ ]{1,2}(?=\p{Lu}\p{Ll}+\s+[\p{Ll}\d][^\n]{60})"
    )


_WIDE = lazy_compile(r"\t|[ ]{3,}|\|")
_PLACE_START = lazy_compile(r"\p{Lu}[\p{L}.\-]*(?:\s+\p{L}[\p{L}.\-]*){0,4}\s*,\s*ngày\s+\d")


def _cuts(text: str) -> list[int]:
    """Where ``text`` is cut (see ``_run_on``); never inside a place's name ("Kon| Tum, ngày")."""
    cuts: list[int] = []
    gaps = [g.end() for g in _WIDE.finditer(text)]
    typed = False  # the type word is cut before once: "… KẾ HOẠCH …" inside the title stays
    for m in _run_on().finditer(text):
        if cuts and _ENACTING_TAIL.match(text, cuts[-1]):
            break  # the enacting authority runs to the end: "TỔNG GIÁM ĐỐC BẢO HIỂM …"
        cell = max([g for g in gaps if g <= m.start()], default=0)  # where this cell begins
        prev = max(cuts[-1] if cuts else len(text) - len(text.lstrip()), cell)
        if _PLACE_START.match(text, prev, prev + 200) and "," not in text[prev : m.end()]:
            continue
        is_type = _type_at().match(text, m.end(), m.end() + 200) is not None
        if is_type and typed:
            continue
        if not typed and _BARE_HEAD.match(text, m.end(), m.end() + 200):
            continue  # "HỘI ĐỒNG BỘ TRƯỞNG" is a name; "… (ĐỢT 1) BỘ TRƯỞNG" ends a title
        typed = typed or is_type
        cuts.append(m.end())
    return cuts


@cache
def _page_title_rx() -> regex.Pattern[str]:
    names = sorted(patterns.doc_types(), key=lambda d: -len(d.name))
    words = "|".join(regex.escape(d.name).replace(r"\ ", r"\s+") for d in names)
    return regex.compile(rf"^(?P<p>(?:{words})\s+\d{{1,5}}[/\-]\S+[^\n]{{0,200}}?\.)\s+(?=\S)")


def running_titles(lines: list[Line]) -> tuple[list[Line], list[str]]:
    """A web copy that repeats its page's title before each part ("Quyết định 1666/QĐ-BHXH năm
    2020 về … ban hành. Điều 2. …"): the lines with that title cut off, and the titles cut (a
    title repeated on three lines or more; the lines keep their place in the text)."""
    found = [(k, m) for k, line in enumerate(lines) if (m := _page_title_rx().match(line.text))]
    counts = Counter(m.group("p") for _, m in found)
    repeated = {t for t, n in counts.items() if n >= 3}
    if not repeated:
        return lines, []
    out = list(lines)
    cut: list[str] = []
    for k, m in found:
        if m.group("p") in repeated:
            line = lines[k]
            out[k] = Line(line.no, line.start + m.end(), line.end, line.text[m.end() :])
            cut.append(m.group("p"))
    return out, cut


def unfold_header(lines: list[Line], limit: int = 12) -> list[Line]:
    """Lines of a header that a page copy ran together ("Số: 435/QĐ-UBND Kon Tum, ngày 04
    tháng 5 năm 2020 QUYẾT ĐỊNH V/V BAN HÀNH …"), cut where their parts begin, so that each
    part is read as the line it was; the body (from its first cue) is left as it is."""
    out: list[Line] = []
    for k, line in enumerate(lines):
        if k >= limit or _opens_body(line.stripped):
            return out + lines[k:]
        cuts = _cuts(line.text)
        if not cuts:
            out.append(line)
            continue
        pos = 0
        for cut in [*cuts, len(line.text)]:
            piece = line.text[pos:cut]
            if piece.strip():
                out.append(
                    Line(
                        line.no,
                        line.start + pos,
                        line.start + pos + len(piece.rstrip()),
                        piece.rstrip(),
                    )
                )
            pos = cut
    return out


def find_zones(lines: list[Line]) -> Zones:
    n = len(lines)
    dt = find_doc_type_line(lines)
    inline = find_inline_type(lines) if dt is None else None
    offset = 0
    if dt is not None:
        header = range(0, dt)
        title = find_title(lines, dt + 1)
        body_start = title.stop
    elif inline is not None:
        dt, offset = inline
        header = range(0, dt)
        rest = find_title(lines, dt + 1)
        goes_on = _continues(lines, dt) and not _prose_after_capitals(
            lines[dt].stripped, lines[dt + 1].stripped
        )
        title = range(dt, rest.stop if rest.start == dt + 1 and goes_on else dt + 1)
        body_start = title.stop
    else:
        header_end = _header_end(lines)
        title = _untyped_title(lines, header_end)
        header = range(0, title.start)
        body_start = title.stop
    tail_start = find_tail_start(lines, body_start)
    closing_start = None
    search_end = tail_start if tail_start is not None else n
    for i in range(body_start, search_end):
        if CLOSING_START.match(lines[i].stripped):
            closing_start = i  # the last one wins: "Trên đây là" may open a body paragraph too
    body_end = closing_start if closing_start is not None else search_end
    closing = (
        range(body_end, search_end) if closing_start is not None else range(body_end, body_end)
    )
    tail_end = n
    if tail_start is not None:
        signed = False
        for i in range(tail_start + 1, n):
            if (
                starts_appendix(lines[i])
                or (signed and _opens_attached(lines[i]))
                or _type_alone(lines[i])
            ):
                tail_end = i
                break
            signed = signed or _is_signature_line(lines[i])
        tail = range(tail_start, tail_end)
    else:
        tail = range(n, n)
    return Zones(
        header=header,
        doc_type_line=dt,
        title=title,
        body=range(body_start, body_end),
        closing=closing,
        tail=tail,
        appendix=range(tail_end, n),
        title_offset=offset,
    )


def _type_alone(line: Line) -> bool:
    """A type word alone in capitals ("KẾ HOẠCH"): never part of a signature or a list of
    recipients, so it opens an attached document even where the signature was not seen (a
    signer without "TM."/"KT." inside a table cell)."""
    text = line.stripped.strip("|*# ")
    if not text or not is_upper_text(text):
        return False
    name = doc_type_of_line(text)
    return name is not None and compare_key(name) == compare_key(text)


def _opens_attached(line: Line) -> bool:
    """After the signature, a line that opens the numbered body of an attached document
    ("I. MỤC ĐÍCH, YÊU CẦU", "Điều 1.", "Chương I") or names its type ("KẾ HOẠCH")."""
    label = label_of(line.stripped)
    if label is not None and label.kind in ("roman", "article", "part"):
        return True
    return doc_type_of_line(line.stripped) is not None


def _continues(lines: list[Line], i: int) -> bool:
    """The title on line ``i`` goes on to the next line (no blank line between)."""
    return i + 1 < len(lines) and not lines[i + 1].blank


_HEADER_LINE = lazy_compile(r"^(?:Số\s*:|C[ỘO]NG\s+H[ÒO]A\b|Độc\s+lập\b)")


def _header_follows(lines: list[Line], i: int) -> bool:
    """A page's own title line above the document ("Công văn 296/BHXH-CSYT năm 2021 hướng dẫn
    …"): the header (a "Số:" or the motto) comes within the next twelve lines (a crawler
    puts its table of the document's facts between them)."""
    ahead = [line.stripped for line in lines[i + 1 : i + 16] if not line.blank][:12]
    return any(_HEADER_LINE.match(t) for t in ahead)


_DATED = lazy_compile(r"(?i)\bngày\b.*\bnăm\s+\d{4}|^Số\s*:")


def _untyped_title(lines: list[Line], header_end: int) -> range:
    """A title in capitals under the place and date of a header that lost its type line (a
    web copy of a decision whose "QUYẾT ĐỊNH" was dropped): up to the enacting authority or
    the body; empty when there is none."""
    filled = list(_filled(lines, header_end))
    dated = [i for i, line in filled if _DATED.search(line.stripped)]
    if not dated or any(SUBJECT.match(line.stripped) for _, line in filled):
        return range(header_end, header_end)
    taken: list[int] = []
    for i in range(dated[-1] + 1, header_end):
        text = lines[i].stripped.strip(" |")
        if lines[i].blank and not taken:
            continue
        if lines[i].blank or not _title_capitals(text):
            break
        taken.append(i)
    if not taken:
        return range(header_end, header_end)
    return range(taken[0], taken[-1] + 1)


def _title_capitals(text: str) -> bool:
    return (
        len(text) > 12
        and is_upper_text(text)
        and label_of(text) is None
        and not _ENACTING.match(text)
        and not MOTTO.search(text)
        and not SEPARATOR.match(text)
        and _type_at().match(text + " ") is None  # "QUYẾT ĐỊNH CỦA ỦY BAN …": a type line
    )


def _header_end(lines: list[Line]) -> int:
    """Without a document-type line, the header runs to the first preamble or body line, or
    to the recipients or the signature of a short letter that has neither."""
    last = 0
    for i, line in _filled(lines, 60):
        text = line.stripped
        if _opens_body(text):
            return i
        subject = SUBJECT.match(text) is not None  # "V/v …": a letter's subject, however long
        prose = len(text) > 90 and not is_upper_text(text) and "\t" not in line.text
        if prose and not subject and not _header_follows(lines, i):
            return i
        if RECIPIENTS_HEAD.match(text) or _is_signature_line(line):
            return i
        last = i + 1
    return last
