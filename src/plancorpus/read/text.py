"""Plain text files: decode (BOMs, UTF-8, UTF-16, Windows-1258), then convert legacy lines."""

from __future__ import annotations

from plancorpus.model.plan import SourceInfo
from plancorpus.read.base import Extracted, legacy_repaired
from plancorpus.read.decode import decode_bytes, reads_as_legacy


def read_text(data: bytes) -> Extracted:
    decoded = decode_bytes(data)
    info = SourceInfo(format="text", encoding=decoded.encoding)
    mapped, notes = legacy_repaired(decoded.text, info)
    out = Extracted(text=mapped, info=info, notes=notes)
    out.legacy_suspect = reads_as_legacy(mapped.text)
    return out
