"""The tail of a document: recipients on the left, signatures on the right.

Text exports flatten the two columns onto shared lines ("Nơi nhận:        GIÁM ĐỐC",
"- Lưu: VT, VP.  Lê Anh Tuấn"); readers of PDF and DOCX give them one after the other. Each
cell is sent to the recipients or to the signatures by what it says.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from plancorpus.extract.recipients import parse_recipient
from plancorpus.extract.signers import read_signers, signature_kind
from plancorpus.model.plan import Recipient, Signer
from plancorpus.segment.lines import Cell, Line, cells
from plancorpus.segment.zones import RECIPIENTS_HEAD
from plancorpus.text.lazyregex import lazy_compile
from plancorpus.text.vietnamese import is_upper_text

_DASH_START = lazy_compile(r"^[-–—•+]")
_PLACE_DATE = lazy_compile(r"(?i)\bngày\b.*\btháng\b|\bngày\s+\d{1,2}/\d{1,2}/\d{4}")
# several dash items in one cell: "- Ban TĐKT TW;- Chủ tịch…", Party style "- A, - B,", a
# purpose after the semicolon ("- Bộ Giáo dục và Đào tạo; (báo cáo) - Thường trực …"); two
# bodies on one dash line: "- Viện KSND tỉnh; Tòa án nhân dân tỉnh;"
_ITEM_SPLIT = lazy_compile(
    r"(?<=;)\s*(?=[-–]\s*\S)|(?<=[,.)])\s+(?=[-–]\s+\S)|(?<=;)[ \t]+(?=\p{Lu}\p{Ll})"
)
_NOISE = lazy_compile(r"^(?:PAGE\s*\d*|\d{1,3})$")
_ARCHIVE_START = lazy_compile(r"(?i)^lưu\b")


@dataclass
class _Item:
    start: int
    end: int
    column: int
    dashed: bool


@dataclass
class Tail:
    recipients: list[Recipient] = field(default_factory=list)
    signers: list[Signer] = field(default_factory=list)
    recipients_head: bool = False


def read_tail(text: str, lines: list[Line], zone: range) -> Tail:
    items: list[_Item] = []
    sig_rows: list[list[Cell]] = []
    in_recipients = False
    head_column = 0
    closed = False  # the archive line ("Lưu: VT, VP") ends the list
    after_prefix = False  # the last cell was a signature's prefix line ("TM. ỦY BAN")
    out = Tail()
    for i in zone:
        row: list[Cell] = []
        for cell in cells(lines[i]):
            t = cell.text
            m = RECIPIENTS_HEAD.match(t)
            if m:
                in_recipients, out.recipients_head, head_column = True, True, cell.column
                rest = t[m.end() :]
                lead = len(rest) - len(rest.lstrip())
                kind = None if _DASH_START.match(rest.strip()) else signature_kind(rest)
                if rest.strip() and kind:
                    # a PDF's text put the signature column's first line beside the head:
                    # "Nơi nhận: TM. ỦY BAN NHÂN DÂN"
                    start = cell.start + m.end() + lead
                    row.append(Cell(start, cell.end, rest.strip(), cell.column + m.end() + lead))
                    after_prefix = kind == "prefix"
                elif rest.strip():
                    _add_items(items, cell.start + m.end() + lead, cell.end, text, cell.column)
                continue
            if _NOISE.match(t.strip()):
                continue
            dashed = bool(_DASH_START.match(t))
            if not dashed and after_prefix and is_upper_text(t.strip()) and len(t.strip()) <= 40:
                row.append(cell)  # "TM. ỦY BAN" / "NHÂN DÂN": the principal broken over lines
                after_prefix = False
                continue
            kind = None if dashed else signature_kind(t)
            if kind:
                row.append(cell)
                after_prefix = kind == "prefix"
                continue
            after_prefix = False
            if _PLACE_DATE.search(t):
                continue
            if not in_recipients:
                continue
            if dashed:
                if not closed:
                    _add_items(items, cell.start, cell.end, text, cell.column)
                continue
            prev = items[-1] if items else None
            near = abs(cell.column - (prev.column if prev else head_column)) <= 8
            if closed:
                continue
            if _ARCHIVE_START.match(t):
                items.append(_Item(cell.start, cell.end, cell.column, False))
            elif prev and prev.dashed and near and _open_end(text, prev):
                prev.end = cell.end  # a recipient wrapped onto the next line
            elif near and not closed and (prev is None or not prev.dashed):
                items.append(_Item(cell.start, cell.end, cell.column, False))
        if row:
            sig_rows.append(row)
        if items and _ARCHIVE_ITEM.match(text[items[-1].start : items[-1].end]):
            closed = True
    for item in items:
        rec = parse_recipient(text[item.start : item.end], item.start)
        if rec:
            out.recipients.append(rec)
    out.signers = read_signers(sig_rows)
    return out


def _add_items(items: list[_Item], start: int, end: int, text: str, column: int) -> None:
    """One cell may hold several dash items ("- Ban TĐKT TW;- Chủ tịch…")."""
    piece = text[start:end]
    pos = 0
    for m in _ITEM_SPLIT.finditer(piece):
        if _ARCHIVE_ITEM.match(piece[pos:]) or piece.count("(", pos, m.start()) != piece.count(
            ")", pos, m.start()
        ):
            continue  # "Lưu: VT; KT" is one archive line; "(để b/c; t/h)" one purpose
        items.append(_Item(start + pos, start + m.start(), column, True))
        pos = m.end()
    items.append(_Item(start + pos, end, column, bool(_DASH_START.match(piece[pos:]))))


_ARCHIVE_ITEM = lazy_compile(r"(?i)^[-–\s]*lưu\b")
_CLOSED_ITEM = lazy_compile(r"[;.]\s*$")


def _open_end(text: str, item: _Item) -> bool:
    return not _CLOSED_ITEM.search(text[item.start : item.end])
