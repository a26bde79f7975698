"""Files in: sniff the format from the bytes, decode text, hand text to the pipeline."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .clean import Note
from .decode import decode_bytes
from .models import SourceInfo
from .textmap import MappedText


@dataclass
class Loaded:
    text: str | MappedText
    info: SourceInfo
    legacy_suspect: bool = False
    notes: list[Note] = field(default_factory=list)


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
    if (
        probe.startswith((b"<html", b"<!doctype html", b"<?xml"))
        and b"<html" in data[:4096].lower()
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


def load(path: str | Path) -> Loaded:
    data = read_path(path)
    fmt = sniff(data)
    info = SourceInfo(path=str(path), format=fmt)
    if fmt == "text":
        decoded = decode_bytes(data)
        info.encoding = decoded.encoding
        return Loaded(decoded.text, info, legacy_suspect=decoded.suspect_legacy)
    return Loaded("", info, notes=[("unsupported_format", f"{fmt.upper()} files are not read yet")])
