"""Word 97-2003 .doc files, read from their OLE streams (olefile) without any system tool.

The text of a Word 97 file is a list of pieces (the piece table in the "CLX" of the table
stream), each either 8-bit (cp1252) or UTF-16. Paragraph properties (PAPX, in 512-byte FKP
pages) tell which paragraph mark ends a table row, so cells and rows can be told apart.
Field codes ("PAGE", "HYPERLINK …") are dropped and their results kept. Structures and
numbers follow Microsoft's [MS-DOC] specification.
"""

from __future__ import annotations

import io
import struct
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from plancorpus.model.plan import SourceInfo
from plancorpus.read.base import Extracted, legacy_repaired, refused
from plancorpus.read.legacy import convert, font_encoding, is_capitals_font
from plancorpus.read.numbering import Counters, Level
from plancorpus.read.tables import Cell, table_lines

_TTP_SPRMS = {0x2417, 0x244C}  # sprmPFTtp, sprmPFInnerTtp: this mark ends a table row
_IN_TABLE = 0x2416  # sprmPFInTable


class DocError(Exception):
    def __init__(self, status: str, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass
class _Piece:
    cp: int  # first character position
    cp_end: int
    fc: int  # byte offset in the WordDocument stream
    compressed: bool


def _u16(b: bytes, o: int) -> int:
    return int(struct.unpack_from("<H", b, o)[0])


def _u32(b: bytes, o: int) -> int:
    return int(struct.unpack_from("<I", b, o)[0])


class _Fib:
    def __init__(self, wd: bytes) -> None:
        if len(wd) < 64 or _u16(wd, 0) not in (0xA5EC, 0xA5DC):
            raise DocError("damaged", "not a Word document (no FIB)")
        self.n_fib = _u16(wd, 2)
        flags = _u16(wd, 0x0A)
        if flags & 0x0100:
            raise DocError("encrypted", "encrypted: the .doc is password-protected")
        if self.n_fib < 0x00C1:
            raise DocError("unsupported", "Word 6/95 files are not read (Word 97 or newer only)")
        self.table = "1Table" if flags & 0x0200 else "0Table"
        csw = _u16(wd, 32)
        lw_at = 34 + csw * 2
        cslw = _u16(wd, lw_at)
        self.ccp_text = _u32(wd, lw_at + 2 + 3 * 4)
        fclcb_at = lw_at + 2 + cslw * 4 + 2
        self._pairs = fclcb_at
        self.wd = wd

    def pair(self, index: int) -> tuple[int, int]:
        o = self._pairs + index * 8
        return _u32(self.wd, o), _u32(self.wd, o + 4)


def _pieces(table: bytes, fc_clx: int, lcb_clx: int) -> list[_Piece]:
    pos, end = fc_clx, min(fc_clx + lcb_clx, len(table))
    while pos < end and table[pos] == 0x01:  # Prc: skip property modifiers
        size = struct.unpack_from("<h", table, pos + 1)[0]
        if size < 0:  # a broken length would never move on
            raise DocError("damaged", "the piece table of the .doc is broken")
        pos += 3 + size
    if pos >= end or table[pos] != 0x02:
        raise DocError("damaged", "the piece table of the .doc is missing")
    lcb = min(_u32(table, pos + 1), len(table) - pos - 5)  # no more pieces than bytes
    plc = pos + 5
    n = (lcb - 4) // 12
    cps = [_u32(table, plc + 4 * i) for i in range(n + 1)]
    out = []
    for i in range(n):
        fc_raw = _u32(table, plc + 4 * (n + 1) + 8 * i + 2)
        compressed = bool(fc_raw & 0x40000000)
        fc = (fc_raw & 0x3FFFFFFF) // 2 if compressed else fc_raw & 0x3FFFFFFF
        out.append(_Piece(cps[i], cps[i + 1], fc, compressed))
    return out


def _sprms(grpprl: bytes) -> list[tuple[int, bytes]]:
    """(sprm, operand) pairs of a property list."""
    out = []
    pos = 0
    while pos + 2 <= len(grpprl):
        sprm = _u16(grpprl, pos)
        pos += 2
        spra = sprm >> 13
        if spra in (0, 1):
            size = 1
        elif spra in (2, 4, 5):
            size = 2
        elif spra == 3:
            size = 4
        elif spra == 7:
            size = 3
        else:  # variable: a length byte first (sprmTDefTable has a two-byte length)
            if pos >= len(grpprl):
                break
            if sprm == 0xD608:
                size = _u16(grpprl, pos) + 1
                pos += 1
            else:
                size = grpprl[pos]
                pos += 1
        out.append((sprm, grpprl[pos : pos + size]))
        pos += size
    return out


@dataclass(frozen=True)
class _Para:
    fc: int  # byte range of the paragraph's text run in the WordDocument stream
    fc_end: int
    in_table: bool
    row_end: bool
    ilfo: int = 0  # list (1-based index into the LFOs; 0: not in a list)
    ilvl: int = 0


_ILFO, _ILVL = 0x460B, 0x260A  # sprmPIlfo, sprmPIlvl
# number formats of list levels ("nfc"): decimal, Roman and letter, bullet, none
_NFC = {
    0: "decimal",
    1: "upperRoman",
    2: "lowerRoman",
    3: "upperLetter",
    4: "lowerLetter",
    22: "decimal",
    23: "bullet",
    255: "none",
}


def _lists(table: bytes, fib: _Fib) -> dict[int, tuple[int, dict[int, Level]]]:
    """ilfo → (list id, levels), from PlfLst (the lists) and PlfLfo (their overrides)."""
    fc_lst, lcb_lst = fib.pair(73)
    fc_lfo, lcb_lfo = fib.pair(74)
    if lcb_lst < 2 or lcb_lfo < 4:
        return {}
    count = _u16(table, fc_lst)
    pos = fc_lst + 2
    lstfs = []
    for _ in range(count):
        lsid = _u32(table, pos)
        simple = bool(table[pos + 26] & 0x01)
        lstfs.append((lsid, 1 if simple else 9))
        pos += 28
    by_lsid: dict[int, dict[int, Level]] = {}
    for lsid, n_levels in lstfs:  # the LVLs follow all the LSTFs, in the same order
        levels: dict[int, Level] = {}
        for ilvl in range(n_levels):
            start_at = struct.unpack_from("<i", table, pos)[0]
            nfc = table[pos + 4]
            places = [b for b in table[pos + 6 : pos + 15] if b]
            cb_chpx, cb_papx = table[pos + 24], table[pos + 25]
            pos += 28 + cb_papx + cb_chpx
            cch = _u16(table, pos)
            xst = table[pos + 2 : pos + 2 + 2 * cch].decode("utf-16-le", errors="replace")
            pos += 2 + 2 * cch
            text = "".join(f"%{ord(ch) + 1}" if ord(ch) < 9 else ch for ch in xst)
            if not places and "%" not in text and nfc not in (23, 255):
                text = f"%{ilvl + 1}."
            levels[ilvl] = Level(_NFC.get(nfc, "decimal"), text, max(0, start_at))
        by_lsid[lsid] = levels
    out = {}
    n_lfo = _u32(table, fc_lfo)
    for i in range(n_lfo):
        lsid = _u32(table, fc_lfo + 4 + 16 * i)
        if lsid in by_lsid:
            out[i + 1] = (lsid, by_lsid[lsid])
    return out


def _fkp_runs(
    wd: bytes, table: bytes, fc_plc: int, lcb_plc: int, bx_size: int
) -> Iterator[tuple[bytes, int, int, int]]:
    """Every run of the formatted-disk pages a PlcBte points to: (the 512-byte page, fc start,
    fc end, offset of the run's properties in the page, 0 for none). ``bx_size`` is the size
    of an entry after the fc array: 13 in PAPX pages, 1 in CHPX pages."""
    if lcb_plc < 8:
        return
    n = (lcb_plc - 4) // 8
    for i in range(n):
        pn = _u32(table, fc_plc + 4 * (n + 1) + 4 * i) & 0x3FFFFF
        page = wd[pn * 512 : pn * 512 + 512]
        if len(page) < 512:
            continue
        crun = page[511]
        fcs = [_u32(page, 4 * k) for k in range(crun + 1)]
        for k in range(crun):
            yield page, fcs[k], fcs[k + 1], page[4 * (crun + 1) + bx_size * k] * 2


def _paragraphs(wd: bytes, table: bytes, fc_plc: int, lcb_plc: int) -> list[_Para]:
    """Table flags of the paragraphs, from the PAPX pages (PlcBtePapx → FKP → grpprl)."""
    out = []
    for page, fc, fc_end, b_offset in _fkp_runs(wd, table, fc_plc, lcb_plc, 13):
        in_table = row_end = False
        ilfo = ilvl = 0
        if b_offset:
            cb = page[b_offset]
            start, size = (
                (b_offset + 1, 2 * cb - 1) if cb else (b_offset + 2, 2 * page[b_offset + 1])
            )
            for sprm, op in _sprms(page[start + 2 : start + size]):  # after the style index
                on = op[:1] == b"\x01"
                in_table |= sprm == _IN_TABLE and on
                row_end |= sprm in _TTP_SPRMS and on
                if sprm == _ILFO and len(op) == 2:
                    ilfo = struct.unpack("<h", op)[0]
                elif sprm == _ILVL and op:
                    ilvl = op[0]
        out.append(_Para(fc, fc_end, in_table, row_end, ilfo, ilvl))
    return sorted(out, key=lambda p: p.fc)


_FTC_SPRMS = (0x4A4F, 0x4A3D)  # sprmCRgFtc0 (the font of ASCII text), sprmCFtcDefault


def _font_names(table: bytes, fc: int, lcb: int) -> list[str]:
    """Font names, by index, from the SttbfFfn (each FFN: 40 bytes, then the name)."""
    if lcb < 4:
        return []
    count = _u16(table, fc)
    pos = fc + 4
    names = []
    for _ in range(count):
        size = table[pos] + 1
        raw = table[pos + 40 : pos + size]
        names.append(raw.decode("utf-16-le", errors="replace").split("\x00")[0])
        pos += size
    return names


def _font_runs(
    wd: bytes, table: bytes, fc_plc: int, lcb_plc: int, fonts: list[str]
) -> list[tuple[int, int, str]]:
    """(fc start, fc end, font name) of the character runs that name a font (CHPX pages)."""
    if not fonts:
        return []
    out = []
    for page, fc, fc_end, offset in _fkp_runs(wd, table, fc_plc, lcb_plc, 1):
        if not offset:
            continue
        grpprl = page[offset + 1 : offset + 1 + page[offset]]
        for sprm, op in _sprms(grpprl):
            if sprm in _FTC_SPRMS and len(op) == 2 and _u16(op, 0) < len(fonts):
                out.append((fc, fc_end, fonts[_u16(op, 0)]))
                break
    return sorted(out)


class _Text:
    """The main text of the document, with the byte offset of every character's piece."""

    def __init__(self, wd: bytes, pieces: list[_Piece], limit: int) -> None:
        self.pieces = [p for p in pieces if p.cp < limit]
        parts = []
        for p in self.pieces:
            n = min(p.cp_end, limit) - p.cp
            if p.compressed:
                parts.append(wd[p.fc : p.fc + n].decode("cp1252", errors="replace"))
            else:
                parts.append(wd[p.fc : p.fc + 2 * n].decode("utf-16-le", errors="replace"))
        self.text = "".join(parts)
        self._starts = [p.cp for p in self.pieces]

    def fc(self, cp: int) -> int:
        p = self.pieces[max(0, bisect_right(self._starts, cp) - 1)]
        return p.fc + (cp - p.cp) * (1 if p.compressed else 2)

    def encodings(self, runs: list[tuple[int, int, str]]) -> list[tuple[str, bool] | None]:
        """For each character: the legacy encoding its font implies and whether the font
        draws capitals (".VnTimeH"), or None."""
        out: list[tuple[str, bool] | None] = [None] * len(self.text)
        starts = [r[0] for r in runs]
        if not runs:
            return out
        for cp in range(len(self.text)):
            fc = self.fc(cp)
            k = bisect_right(starts, fc) - 1
            if k >= 0 and runs[k][0] <= fc < runs[k][1]:
                enc = font_encoding(runs[k][2])
                if enc:
                    out[cp] = (enc, is_capitals_font(runs[k][2]))
        return out


_DROP = "\x01\x02\x05\x08"  # pictures, footnote and comment marks, drawn objects
_SWAP = {"\x1e": "-", "\x1f": "", "\xa0": " ", "\x0b": "\n", "\x0c": "\n", "\x0e": "\n"}


def _convert_runs(chars: list[tuple[str, tuple[str, bool] | None]]) -> str:
    """Join characters, converting the runs typed in a legacy font by that font."""
    out: list[str] = []
    k = 0
    while k < len(chars):
        j = k
        while j < len(chars) and chars[j][1] == chars[k][1]:
            j += 1
        piece = "".join(ch for ch, _ in chars[k:j])
        legacy = chars[k][1]
        if legacy:
            piece = convert(piece, legacy[0])
            piece = piece.upper() if legacy[1] else piece
        out.append(piece)
        k = j
    return "".join(out)


def _lines(
    text: _Text,
    paras: list[_Para],
    lists: dict[int, tuple[int, dict[int, Level]]],
    legacy: list[tuple[str, bool] | None],
) -> list[str]:
    """Lines of the document: body paragraphs as they are, tables through table_lines(),
    automatic list numbers written back in front of their paragraphs."""
    starts = [p.fc for p in paras]
    counters = Counters()

    def numbered(para: str, prop: _Para | None) -> str:
        if prop is None or prop.ilfo <= 0 or prop.ilfo not in lists or not para.strip():
            return para
        lsid, levels = lists[prop.ilfo]
        label = counters.label(str(lsid), levels, min(prop.ilvl, 8))
        return f"{label} {para.lstrip()}" if label else para

    def props(cp: int) -> _Para | None:
        fc = text.fc(cp)
        k = bisect_right(starts, fc) - 1
        return paras[k] if k >= 0 and paras[k].fc <= fc < paras[k].fc_end else None

    lines: list[str] = []
    rows: list[list[Cell]] = []
    row: list[Cell] = []
    cell: Cell = []
    buf: list[tuple[str, tuple[str, bool] | None]] = []
    fields: list[bool] = []  # for each open field: still in its code (before the separator)

    def end_table() -> None:
        nonlocal rows, row
        if row:
            rows.append(row)
        if rows:
            lines.extend(table_lines(rows))
        rows, row = [], []

    for cp, ch in enumerate(text.text):
        if ch == "\x13":
            fields.append(True)
        elif ch == "\x14":
            if fields:
                fields[-1] = False
        elif ch == "\x15":
            if fields:
                fields.pop()
        elif any(fields):
            continue  # a field's code: "PAGE", "HYPERLINK …"
        elif ch == "\r":
            prop = props(cp)
            para = numbered(_convert_runs(buf), prop)
            buf = []
            if prop is not None and prop.in_table:
                cell.extend(para.split("\n"))
            else:
                end_table()
                lines.extend(para.split("\n"))
        elif ch == "\x07":
            prop = props(cp)
            if prop is not None and prop.row_end:
                rows.append(row)
                row = []
            else:
                cell.extend(_convert_runs(buf).split("\n"))
                row.append(cell)
                cell = []
            buf = []
        elif ch not in _DROP:
            buf.append((_SWAP.get(ch, ch), legacy[cp]))
    end_table()
    if buf:
        lines.extend(_convert_runs(buf).split("\n"))
    return lines


def read_doc(data: bytes) -> Extracted:
    info = SourceInfo(format="doc")
    try:
        import olefile
    except ImportError:  # pragma: no cover - a declared dependency
        why = "the Python package olefile is needed for .doc"
        return refused(info, "missing_tool", "missing_tool", why)
    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
        if not ole.exists("WordDocument"):
            raise DocError("unsupported", "an OLE file that is not a Word document")
        wd = ole.openstream("WordDocument").read()
        fib = _Fib(wd)
        if not ole.exists(fib.table):
            raise DocError("damaged", f"the .doc has no {fib.table} stream")
        table = ole.openstream(fib.table).read()
        pieces = _pieces(table, *fib.pair(33))  # fcClx, lcbClx
        text = _Text(wd, pieces, fib.ccp_text)
        paras = _paragraphs(wd, table, *fib.pair(13))  # fcPlcfBtePapx, lcbPlcfBtePapx
        fonts = _font_names(table, *fib.pair(15))  # fcSttbfFfn
        runs = _font_runs(wd, table, *fib.pair(12), fonts)  # fcPlcfBteChpx
        legacy = text.encodings(runs)
        lines = _lines(text, paras, _lists(table, fib), legacy)
        by_font = Counter(enc[0] for enc in legacy if enc)
    except DocError as exc:
        code = "unreadable_doc" if exc.status != "encrypted" else "encrypted"
        return refused(info, exc.status, code, str(exc))  # type: ignore[arg-type]
    except (OSError, struct.error, IndexError, ValueError) as exc:
        return refused(info, "damaged", "damaged_doc", f"the .doc cannot be read: {exc}")
    hint = by_font.most_common(1)[0][0] if by_font else None
    mapped, notes = legacy_repaired("\n".join(lines), info, hint, by_font)
    return Extracted(text=mapped, info=info, notes=notes)
