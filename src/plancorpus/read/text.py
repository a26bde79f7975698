"""Plain text files: decode (BOMs, UTF-8, UTF-16, Windows-1258), then convert legacy lines.

A file that is not text at all (an image, an archive, an executable given a .txt name) is
told apart by its share of control bytes and comes back ``unsupported`` with that reason,
not as pages of garbage."""

from __future__ import annotations

from plancorpus.model.plan import SourceInfo
from plancorpus.read.base import Extracted, legacy_repaired, refused
from plancorpus.read.decode import decode_bytes, reads_as_legacy

_SAMPLE = 65536  # bytes looked at to tell text from binary data
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\x0b\x1a")
BINARY_SHARE = 0.05  # a larger share of other control bytes is binary data


def binary_share(data: bytes) -> float:
    """The share of control bytes (other than tab, line breaks, form feed) in the file's
    start; UTF-16 text (every other byte NUL) is not counted as binary."""
    head = data[:_SAMPLE]
    if not head or head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return 0.0
    nul_even, nul_odd = head[0::2].count(0), head[1::2].count(0)
    if max(nul_even, nul_odd) > 0.3 * len(head) / 2 and min(nul_even, nul_odd) < 0.05 * len(head):
        return 0.0  # UTF-16 without a BOM
    controls = sum(1 for b in head if b < 32 and b not in _TEXT_CONTROLS)
    return controls / len(head)


def read_text(data: bytes) -> Extracted:
    share = binary_share(data)
    if share > BINARY_SHARE:
        why = f"binary data, not a document ({share:.0%} control bytes in its first 64 KB)"
        return refused("binary", "unsupported", "binary", why)
    decoded = decode_bytes(data)
    info = SourceInfo(format="text", encoding=decoded.encoding)
    mapped, notes = legacy_repaired(decoded.text, info)
    out = Extracted(text=mapped, info=info, notes=notes)
    out.legacy_suspect = reads_as_legacy(mapped.text)
    return out
