"""DOCX: paragraphs and tables in reading order, straight from the XML.

- Word puts the header (issuer | motto) and the signature block ("Nơi nhận" | signer) in
  borderless tables: such layout tables come out column by column; data tables row by row,
  cells separated by a tab.
- Automatic numbering ("1.", "a)" drawn by Word, not typed) is written back in front of the
  paragraph, so that the section tree sees it.
- Runs in a legacy font (".VnTime", "VNI-Times") are converted to Unicode by their font;
  anything left is judged line by line.
- Text boxes follow the paragraph they are anchored to; headers and footers are furniture.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from xml.etree import ElementTree as ET

import regex

from plancorpus.model.limits import DEFAULT_LIMITS, Limits
from plancorpus.model.plan import Furniture, FurnitureKind, SourceInfo
from plancorpus.read.base import Extracted, OverLimit, error_detail, legacy_repaired, refused
from plancorpus.read.legacy import convert, font_encoding, is_capitals_font
from plancorpus.read.numbering import Counters, Level
from plancorpus.read.tables import table_lines

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
MAX_DEPTH = 40  # tables in tables (or text boxes, fields) deeper than this are read flat
MAX_START = 100_000  # a list's start value above this is a broken file, not a list
# what a broken zip member raises inside zipfile: damaged deflate data, a bad CRC, an
# unknown compression method, an encrypted member
ZIP_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    NotImplementedError,
    RuntimeError,
    ValueError,
)


def _int(value: str | None, default: int = 0, top: int = 8) -> int:
    """A number from an attribute, within 0..``top``; junk ("abc", "1e9") gives ``default``."""
    try:
        n = int(value) if value is not None else default
    except ValueError:
        return default
    return n if 0 <= n <= top else default


class _Parts:
    """The members of a DOCX, read within the limit on what they may inflate to."""

    def __init__(self, zf: zipfile.ZipFile, limits: Limits) -> None:
        self.zf, self.limits, self.unpacked = zf, limits, 0

    def read(self, name: str) -> bytes:
        size = self.zf.getinfo(name).file_size
        why = self.limits.over("max_unpacked", self.unpacked + size)
        if why:
            raise OverLimit(f"the DOCX's parts inflate to more than allowed: {why}")
        with self.zf.open(name) as fh:  # read no more than the header promised
            data = fh.read(size + 1)
        self.unpacked += len(data)
        return data[:size]

    def xml(self, name: str) -> ET.Element | None:
        """A member's XML; None when it is missing or broken (the document goes on)."""
        try:
            return ET.fromstring(self.read(name))
        except (KeyError, ET.ParseError, *ZIP_ERRORS):
            return None


@dataclass
class _Styles:
    fonts: dict[str, str] = field(default_factory=dict)  # style id → font
    numbering: dict[str, tuple[str, int]] = field(default_factory=dict)  # style → (numId, ilvl)
    default_font: str | None = None


def _attr(el: ET.Element | None, name: str) -> str | None:
    return None if el is None else el.get(W + name)


def _font_of(rpr: ET.Element | None) -> str | None:
    if rpr is None:
        return None
    fonts = rpr.find(W + "rFonts")
    return _attr(fonts, "ascii") or _attr(fonts, "hAnsi") if fonts is not None else None


def _read_styles(parts: _Parts) -> _Styles:
    out = _Styles()
    root = parts.xml("word/styles.xml")
    if root is None:
        return out
    defaults = root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
    out.default_font = _font_of(defaults)
    for style in root.iter(W + "style"):
        sid = style.get(W + "styleId")
        if not sid:
            continue
        font = _font_of(style.find(W + "rPr"))
        if font:
            out.fonts[sid] = font
        num = style.find(f"{W}pPr/{W}numPr")
        if num is not None:
            num_id = _attr(num.find(W + "numId"), "val")
            ilvl = _int(_attr(num.find(W + "ilvl"), "val"))
            if num_id:
                out.numbering[sid] = (num_id, ilvl)
    return out


def _read_numbering(parts: _Parts) -> dict[str, dict[int, Level]]:
    """numId → level → format ("decimal", "lowerLetter"…), text ("%1."), start."""
    root = parts.xml("word/numbering.xml")
    if root is None:
        return {}
    abstract: dict[str, dict[int, Level]] = {}
    for an in root.iter(W + "abstractNum"):
        levels: dict[int, Level] = {}
        for lvl in an.iter(W + "lvl"):
            ilvl = _int(lvl.get(W + "ilvl"), -1)
            if ilvl < 0:
                continue
            levels[ilvl] = Level(
                fmt=_attr(lvl.find(W + "numFmt"), "val") or "decimal",
                text=_attr(lvl.find(W + "lvlText"), "val") or "",
                start=_int(_attr(lvl.find(W + "start"), "val"), 1, MAX_START),
            )
        abstract[an.get(W + "abstractNumId") or ""] = levels
    out: dict[str, dict[int, Level]] = {}
    for num in root.iter(W + "num"):
        aid = _attr(num.find(W + "abstractNumId"), "val") or ""
        out[num.get(W + "numId") or ""] = abstract.get(aid, {})
    return out


def _symbol(code: str) -> str:
    """A symbol-font character ("F0B7"): its low byte, which is what legacy fonts encode."""
    try:
        value = int(code, 16)
    except ValueError:
        return ""
    return chr(value & 0xFF if code.upper().startswith("F0") else value)


class _Numbering:
    """numId → levels, with running counters."""

    def __init__(self, defs: dict[str, dict[int, Level]]) -> None:
        self.defs = defs
        self.counters = Counters()

    def label(self, num_id: str, ilvl: int) -> str:
        levels = self.defs.get(num_id)
        return self.counters.label(num_id, levels, ilvl) if levels and num_id != "0" else ""


class _Reader:
    def __init__(self, parts: _Parts) -> None:
        self.styles = _read_styles(parts)
        self.numbering = _Numbering(_read_numbering(parts))
        self.by_font: Counter[str] = Counter()  # characters converted by their font
        self.flattened = False  # nesting deeper than MAX_DEPTH was read flat

    # -- runs and paragraphs --

    def _run_text(self, run: ET.Element, font: str | None, state: dict[str, int]) -> str:
        parts: list[str] = []
        for child in run:
            tag = child.tag
            if tag == W + "fldChar":
                kind = child.get(W + "fldCharType")
                if kind == "begin":
                    state["depth"] += 1
                    state["instr"] += 1
                elif kind == "separate":
                    state["instr"] = max(0, state["instr"] - 1)
                elif kind == "end":
                    state["depth"] = max(0, state["depth"] - 1)
                continue
            if state["instr"]:
                continue  # the field's instruction ("PAGE", "HYPERLINK …")
            if tag == W + "t":
                parts.append(child.text or "")
            elif tag == W + "tab":
                parts.append("\t")
            elif tag == W + "br" and child.get(W + "type") == "page":
                parts.append("\n" + _PAGE_BREAK)
            elif tag in (W + "br", W + "cr"):
                parts.append("\n")
            elif tag == W + "lastRenderedPageBreak":
                parts.append(_RENDERED_BREAK)
            elif tag == W + "noBreakHyphen":
                parts.append("-")
            elif tag == W + "sym":
                parts.append(_symbol(child.get(W + "char") or ""))
        text = "".join(parts)
        enc = font_encoding(font)
        if enc and text.strip():
            self.by_font[enc] += len(text)
            text = convert(text, enc)
            if is_capitals_font(font):
                text = text.upper()
        return text

    def _inline(
        self,
        el: ET.Element,
        font: str | None,
        state: dict[str, int],
        boxes: list[ET.Element],
        depth: int = 0,
    ) -> Iterator[str]:
        """Text of a paragraph's content, in order; text boxes are collected for later."""
        if depth > MAX_DEPTH:
            self.flattened = True
            yield "".join(t.text or "" for t in el.iter(W + "t"))
            return
        for child in el:
            tag = child.tag
            if tag == W + "r":
                rfont = _font_of(child.find(W + "rPr")) or font
                yield self._run_text(child, rfont, state)
                boxes.extend(child.iter(W + "txbxContent"))
            elif tag in (
                W + "hyperlink",
                W + "ins",
                W + "smartTag",
                W + "customXml",
                W + "fldSimple",
                W + "sdt",
                W + "sdtContent",
                W + "dir",
                W + "bdo",
            ):
                yield from self._inline(child, font, state, boxes, depth + 1)
            elif tag == MC + "AlternateContent":
                choice = child.find(MC + "Choice")
                if choice is not None:
                    yield from self._inline(choice, font, state, boxes, depth + 1)

    def paragraph(self, p: ET.Element, depth: int = 0) -> list[str]:
        ppr = p.find(W + "pPr")
        style = _attr(ppr.find(W + "pStyle"), "val") if ppr is not None else None
        font = self.styles.fonts.get(style or "", self.styles.default_font)
        boxes: list[ET.Element] = []
        state = {"depth": 0, "instr": 0}
        text = "".join(self._inline(p, font, state, boxes))
        label = self._label(ppr, style)
        if label and text.strip():
            text = f"{label} {text.lstrip()}"
        brk = ppr.find(W + "pageBreakBefore") if ppr is not None else None
        if brk is not None and _attr(brk, "val") not in ("0", "false"):
            text = _PAGE_BREAK + text
        lines = [text]
        seen = set()
        for box in boxes:
            if id(box) in seen:
                continue
            seen.add(id(box))
            lines.extend(self.block(box, depth + 1))
        return lines

    def _label(self, ppr: ET.Element | None, style: str | None) -> str:
        num = ppr.find(W + "numPr") if ppr is not None else None
        if num is not None:
            num_id = _attr(num.find(W + "numId"), "val")
            ilvl = _int(_attr(num.find(W + "ilvl"), "val"))
            return self.numbering.label(num_id, ilvl) if num_id else ""
        if style and style in self.styles.numbering:
            num_id, ilvl = self.styles.numbering[style]
            return self.numbering.label(num_id, ilvl)
        return ""

    # -- blocks and tables --

    def block(self, parent: ET.Element, depth: int = 0) -> list[str]:
        if depth > MAX_DEPTH:
            return self._flat(parent)
        lines: list[str] = []
        for child in parent:
            tag = child.tag
            if tag == W + "p":
                lines.extend(self.paragraph(child, depth))
            elif tag == W + "tbl":
                lines.extend(self.table(child, depth + 1))
            elif tag in (W + "sdt", W + "sdtContent", W + "customXml"):
                lines.extend(self.block(child, depth + 1))
            elif tag == MC + "AlternateContent":
                choice = child.find(MC + "Choice")
                if choice is not None:
                    lines.extend(self.block(choice, depth + 1))
        return lines

    def _flat(self, parent: ET.Element) -> list[str]:
        """Nesting too deep to follow: each paragraph's text, in order, without layout."""
        self.flattened = True
        return ["".join(t.text or "" for t in p.iter(W + "t")) for p in parent.iter(W + "p")]

    def table(self, tbl: ET.Element, depth: int = 0) -> list[str]:
        rows = [
            [self.block(tc, depth + 1) for tc in tr.findall(W + "tc")]
            for tr in tbl.findall(W + "tr")
        ]
        return table_lines(rows)


# Page breaks, marked in the text while reading and taken out after: where Word last laid out a
# page (w:lastRenderedPageBreak, written by Word when it saves) and explicit breaks.
_RENDERED_BREAK = "\ue000"
_PAGE_BREAK = "\ue001"


def _pages(text: str) -> tuple[str, list[int]]:
    """The text without page marks, and the offsets where pages start. The pages Word last
    rendered are used when the file records them, else the explicit page breaks; a file with
    neither has no pages."""
    mark = _RENDERED_BREAK if _RENDERED_BREAK in text else _PAGE_BREAK
    out: list[str] = []
    starts = [0]
    pos = 0
    for piece in regex.split(f"([{_RENDERED_BREAK}{_PAGE_BREAK}])", text):
        if piece == mark:
            if pos > starts[-1]:
                starts.append(pos)
        elif piece not in (_RENDERED_BREAK, _PAGE_BREAK):
            out.append(piece)
            pos += len(piece)
    return "".join(out), (starts if len(starts) > 1 else [])


def read_docx(data: bytes, limits: Limits = DEFAULT_LIMITS) -> Extracted:
    info = SourceInfo(format="docx")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        parts = _Parts(zf, limits)
        document = ET.fromstring(parts.read("word/document.xml"))
    except (ET.ParseError, OSError, *ZIP_ERRORS) as exc:
        why = f"the DOCX cannot be read ({error_detail(exc)})"
        return refused(info, "damaged", "damaged_docx", why)
    except KeyError:
        why = "a ZIP file that is not a Word document"
        return refused(info, "unsupported", "unsupported_format", why)
    reader = _Reader(parts)
    body = document.find(W + "body")
    lines = reader.block(body) if body is not None else []
    furniture = []
    for name in sorted(zf.namelist()):
        if regex.fullmatch(r"word/(header|footer)\d*\.xml", name):
            part = parts.xml(name)
            if part is None:
                continue
            for line in reader.block(part):
                if line.strip():
                    kind: FurnitureKind = "running_header" if "header" in name else "running_footer"
                    furniture.append(Furniture(text=line.strip(), kind=kind))
    text, page_starts = _pages("\n".join(lines))
    mapped, notes = legacy_repaired(text, info, by_font=reader.by_font)
    if reader.flattened:
        notes.append(("deep_nesting", f"tables nested deeper than {MAX_DEPTH} levels read flat"))
    info.pages = len(page_starts) or None
    return Extracted(
        text=mapped, info=info, furniture=furniture, page_starts=page_starts, notes=notes
    )
