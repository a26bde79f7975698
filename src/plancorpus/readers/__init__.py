"""Readers: one per file format, each turning bytes into :class:`Extracted` text.

Every reader gives the same thing whatever the format: the text in reading order (columns of a
two-column block one after the other, never interleaved), where each page starts, the page
furniture and e-signature stamps it set aside, a status, and notes for the plan's warnings.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from ..clean import Note
from ..legacy import repair_mapped
from ..models import Furniture, SigningStamp, SourceInfo
from ..textmap import MappedText

ReadStatus = Literal["ok", "scanned", "encrypted", "damaged", "unsupported", "missing_tool"]


@dataclass
class Extracted:
    text: MappedText
    info: SourceInfo
    page_starts: list[int] = field(default_factory=list)
    furniture: list[Furniture] = field(default_factory=list)
    signing: list[SigningStamp] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    status: ReadStatus = "ok"
    legacy_suspect: bool = False


def legacy_repaired(
    text: str,
    info: SourceInfo,
    hint: str | None = None,
    by_font: Counter[str] | None = None,
) -> tuple[MappedText, list[Note]]:
    """A reader's text with its legacy-encoded lines converted (``hint``: the encoding to
    prefer), the encoding recorded on ``info``, and a note saying what was converted.
    ``by_font`` counts the characters a reader already converted by their font."""
    mapped, counts = repair_mapped(MappedText.identity(text), hint)
    total = (by_font or Counter()) + counts
    if not total:
        return mapped, []
    enc = total.most_common(1)[0][0]
    info.legacy_encoding = enc
    done = [f"{sum(counts.values())} lines by content"]
    if by_font:
        done.insert(0, f"{sum(by_font.values())} characters by their font")
    message = f"text in {enc.upper()} converted to Unicode ({', '.join(done)})"
    return mapped, [("legacy_encoding_converted", message)]


def sniff(data: bytes) -> str:
    """``pdf``, ``docx``, ``doc``, ``html`` or ``text``, from the content (not the name)."""
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "doc"
    probe = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if probe.startswith((b"<html", b"<!doctype html", b"<?xml", b"<meta", b"<head")) and (
        b"<html" in data[:4096].lower()
    ):
        return "html"
    return "text"


def read_path(path: str | Path) -> bytes:
    """The file's bytes; a missing or unreadable file raises an OSError naming it."""
    p = Path(path)
    if not p.exists():
        raise FileNotFoundError(2, "No such file", str(p))
    if p.is_dir():
        raise IsADirectoryError(21, "Is a directory, not a document", str(p))
    return p.read_bytes()


def read_bytes(
    data: bytes, path: str | None = None, backend: str = "pdfium", ocr: bool | None = None
) -> Extracted:
    """Read a document given as bytes. ``backend`` chooses the PDF text back-end ("pdfium",
    the default, or "pdfplumber"); ``ocr`` forces OCR of scans on or off (default: on when
    Tesseract with Vietnamese is installed)."""
    fmt = sniff(data)
    if fmt == "pdf":
        from .pdf import read_pdf

        out = read_pdf(data, backend=backend, ocr=ocr)
    elif fmt == "docx":
        from .docx import read_docx

        out = read_docx(data)
    elif fmt == "doc":
        from .doc import read_doc

        out = read_doc(data)
    elif fmt == "html":
        from .html import read_html

        out = read_html(data)
    else:
        from .text import read_text

        out = read_text(data)
    out.info.path = path
    return out


def read_file(path: str | Path, backend: str = "pdfium", ocr: bool | None = None) -> Extracted:
    return read_bytes(read_path(path), path=str(path), backend=backend, ocr=ocr)
