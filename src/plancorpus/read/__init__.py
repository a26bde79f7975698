"""Readers: one per file format, each turning bytes into :class:`Extracted` text.

Every reader gives the same thing whatever the format: the text in reading order (columns of a
two-column block one after the other, never interleaved), where each page starts, the page
furniture and e-signature stamps it set aside, a status, and notes for the plan's warnings.
"""

from __future__ import annotations

from pathlib import Path

from plancorpus.read.base import Extracted
from plancorpus.read.doc import read_doc
from plancorpus.read.docx import read_docx
from plancorpus.read.html import read_html
from plancorpus.read.pdf import read_pdf
from plancorpus.read.text import read_text

__all__ = ["Extracted", "read_bytes", "read_file", "read_path", "sniff"]


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
        out = read_pdf(data, backend=backend, ocr=ocr)
    elif fmt == "docx":
        out = read_docx(data)
    elif fmt == "doc":
        out = read_doc(data)
    elif fmt == "html":
        out = read_html(data)
    else:
        out = read_text(data)
    out.info.path = path
    return out


def read_file(path: str | Path, backend: str = "pdfium", ocr: bool | None = None) -> Extracted:
    return read_bytes(read_path(path), path=str(path), backend=backend, ocr=ocr)
