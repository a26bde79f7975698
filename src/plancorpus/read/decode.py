"""Bytes to text: BOMs, UTF-8, UTF-16, Windows-1258, and a look at legacy 8-bit encodings."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from plancorpus.read.legacy import might_be_legacy
from plancorpus.text.vietnamese import vietnamese_score


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    # TCVN3 / VNI text reads as garbage in every Unicode codec; ``suspect_legacy`` flags it.
    suspect_legacy: bool = False


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _guess_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: Vietnamese text has many NUL high bytes for its ASCII letters."""
    if len(data) < 4 or len(data) % 2:
        return None
    head = data[:4000]
    even = head[0::2].count(0)
    odd = head[1::2].count(0)
    half = len(head) // 2
    if odd > 0.3 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.3 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def decode_bytes(data: bytes) -> Decoded:
    """Decode text bytes, choosing the encoding that reads best as Vietnamese."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            text = data[len(bom) :].decode(name.replace("-sig", ""), errors="replace")
            return _finish(text, name)
    utf16 = _guess_utf16(data)
    if utf16:
        return _finish(data.decode(utf16, errors="replace"), utf16)
    try:
        return _finish(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    # An 8-bit file: Windows-1258 if it reads as Vietnamese, otherwise keep the byte values
    # (as cp1252 characters) so that a legacy-font converter can map them.
    cp1258 = data.decode("cp1258", errors="replace")
    score, seen = vietnamese_score(cp1258)
    if seen == 0 or score >= 0.8:
        return _finish(cp1258, "cp1258")
    latin = data.decode("cp1252", errors="replace")
    return Decoded(latin, "8-bit", suspect_legacy=True)


def _finish(text: str, encoding: str) -> Decoded:
    return Decoded(text, encoding, suspect_legacy=reads_as_legacy(text))


def reads_as_legacy(text: str) -> bool:
    """Does the text read like an unconverted legacy encoding (few valid syllables among
    its non-ASCII words)? Clean Unicode is told apart by one search."""
    if not might_be_legacy(text):
        return False
    score, seen = vietnamese_score(text)
    return seen >= 20 and score < 0.6
