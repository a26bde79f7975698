"""Plain text files: decode (BOMs, UTF-8, UTF-16, Windows-1258), then convert legacy lines."""

from __future__ import annotations

from ..decode import decode_bytes, reads_as_legacy
from ..legacy import repair_mapped
from ..models import SourceInfo
from ..textmap import MappedText
from . import Extracted


def read_text(data: bytes) -> Extracted:
    decoded = decode_bytes(data)
    mapped, counts = repair_mapped(MappedText.identity(decoded.text))
    info = SourceInfo(format="text", encoding=decoded.encoding)
    out = Extracted(text=mapped, info=info)
    if counts:
        enc = counts.most_common(1)[0][0]
        info.legacy_encoding = enc
        out.notes.append(
            (
                "legacy_encoding_converted",
                f"{sum(counts.values())} lines converted from {enc.upper()} to Unicode",
            )
        )
    out.legacy_suspect = reads_as_legacy(mapped.text)
    return out
