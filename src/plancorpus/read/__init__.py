"""Readers: one per file format, each turning bytes into :class:`Extracted` text.

Every reader gives the same thing whatever the format: the text in reading order (columns of a
two-column block one after the other, never interleaved), where each page starts, the page
furniture and e-signature stamps it set aside, a status, and notes for the plan's warnings.

Odd content never raises from here: a reader that fails on a broken file gives a ``damaged``
status with the reason, and an input over one of the :class:`~plancorpus.model.limits.Limits`
gives ``over_limit``. Only a file that cannot be opened at all raises an ``OSError``.
"""

from __future__ import annotations

import stat
from pathlib import Path

import regex

from plancorpus.model.limits import DEFAULT_LIMITS, Limits
from plancorpus.read.base import Extracted, OverLimit, error_detail, refused
from plancorpus.read.doc import read_doc
from plancorpus.read.docx import read_docx
from plancorpus.read.html import read_html
from plancorpus.read.pdf import BACKENDS, read_pdf
from plancorpus.read.rtf import is_rtf, read_rtf
from plancorpus.read.text import read_text

__all__ = ["Extracted", "OverLimit", "read_bytes", "read_file", "read_path", "refused", "sniff"]

# "%PDF-" and a version digit: uploads and mail gateways put junk of any length before it
_PDF_MAGIC = regex.compile(rb"%PDF-\d")
PDF_SEARCH = 1 << 20  # how far into the file the PDF header is looked for


def sniff(data: bytes) -> str:
    """``pdf``, ``docx``, ``doc``, ``rtf``, ``html`` or ``text``, from the content (not the
    name)."""
    if _PDF_MAGIC.search(data, 0, PDF_SEARCH):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "doc"
    if is_rtf(data[:64]):
        return "rtf"
    probe = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if probe.startswith((b"<html", b"<!doctype html", b"<?xml", b"<meta", b"<head")) and (
        b"<html" in data[:4096].lower()
    ):
        return "html"
    return "text"


def read_path(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """The file's bytes. A missing file, a folder, or something that is not a regular file
    (a pipe, a device, a socket, or a link to one) raises an ``OSError`` naming it; a file
    over ``limits.max_bytes`` raises :class:`OverLimit` before it is read."""
    p = Path(path)
    try:
        mode = p.stat()
    except FileNotFoundError:
        raise FileNotFoundError(2, "No such file", str(p)) from None
    if stat.S_ISDIR(mode.st_mode):
        raise IsADirectoryError(21, "Is a directory, not a document", str(p))
    if not stat.S_ISREG(mode.st_mode):
        raise OSError(22, "Not a regular file (a pipe, a device or a socket)", str(p))
    why = limits.over("max_bytes", mode.st_size)
    if why:
        raise OverLimit(f"the file's size: {why}")
    return p.read_bytes()


def _read(data: bytes, fmt: str, backend: str, ocr: bool | None, limits: Limits) -> Extracted:
    if fmt == "pdf":
        return read_pdf(data, backend=backend, ocr=ocr, limits=limits)
    if fmt == "docx":
        return read_docx(data, limits=limits)
    if fmt == "doc":
        return read_doc(data)
    if fmt == "rtf":
        return read_rtf(data)
    if fmt == "html":
        return read_html(data)
    return read_text(data)


def read_bytes(
    data: bytes,
    path: str | None = None,
    backend: str = "pdfium",
    ocr: bool | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Extracted:
    """Read a document given as bytes. ``backend`` chooses the PDF text back-end ("pdfium",
    the default, or "pdfplumber"); ``ocr`` forces OCR of scans on or off (default: on when
    Tesseract with Vietnamese is installed); ``limits`` bound what one document may cost."""
    if backend not in BACKENDS:
        raise ValueError(f"unknown PDF backend {backend!r}: use 'pdfium' or 'pdfplumber'")
    fmt = sniff(data)
    why = limits.over("max_bytes", len(data))
    if why:
        out = refused(fmt, "over_limit", "over_limit", f"the input's size: {why}")
    else:
        try:
            out = _read(data, fmt, backend, ocr, limits)
        except OverLimit as exc:
            out = refused(fmt, "over_limit", "over_limit", str(exc))
        except (Exception, RecursionError, MemoryError) as exc:  # a reader must not lose the run
            detail = error_detail(exc)
            out = refused(
                fmt, "damaged", f"damaged_{fmt}", f"the {fmt} file cannot be read ({detail})"
            )
    why = limits.over("max_chars", len(out.text.text))
    if why:
        out = refused(fmt, "over_limit", "over_limit", f"the text read: {why}")
    out.info.path = path
    return out


def read_file(
    path: str | Path,
    backend: str = "pdfium",
    ocr: bool | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Extracted:
    """Read a document from a file (see :func:`read_bytes`). A file over ``limits.max_bytes``
    is not read: its format is then unknown (it is told by the content, never the name)."""
    try:
        data = read_path(path, limits)
    except OverLimit as exc:
        out = refused("unknown", "over_limit", "over_limit", str(exc))
        out.info.path = str(path)
        return out
    return read_bytes(data, path=str(path), backend=backend, ocr=ocr, limits=limits)
