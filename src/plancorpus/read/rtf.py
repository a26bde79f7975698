"""RTF (often saved with a .doc name by old office suites): its text through striprtf.

Vietnamese RTF writes letters as Unicode escapes (``\\u7871?``) or as code-page bytes
(``\\'e1`` in Windows-1258, the ``\\ansicpg`` the file declares); both come out as Unicode.
Legacy fonts (.VnTime, VNI) leave TCVN3/VNI bytes, which are converted line by line.
"""

from __future__ import annotations

import regex

from plancorpus.model.plan import SourceInfo
from plancorpus.read.base import Extracted, legacy_repaired
from plancorpus.read.decode import reads_as_legacy

_CODEPAGE = regex.compile(rb"\\ansicpg(\d{3,5})")


def is_rtf(data: bytes) -> bool:
    return data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf")


def read_rtf(data: bytes) -> Extracted:
    from striprtf.striprtf import rtf_to_text

    found = _CODEPAGE.search(data[:4096])
    encoding = f"cp{found.group(1).decode()}" if found else "cp1252"
    try:
        "".encode(encoding)
    except LookupError:
        encoding = "cp1252"
    raw = data.decode("latin-1")
    text: str = rtf_to_text(raw, encoding=encoding, errors="replace")  # type: ignore[no-untyped-call]
    info = SourceInfo(format="rtf", encoding=encoding)
    mapped, notes = legacy_repaired(text, info)
    out = Extracted(text=mapped, info=info, notes=notes)
    out.legacy_suspect = reads_as_legacy(mapped.text)
    return out
