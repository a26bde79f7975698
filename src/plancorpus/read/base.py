"""What every reader gives back: :class:`Extracted`, and the legacy-encoding repair they share."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

from plancorpus.model.plan import Furniture, Note, SigningStamp, SourceInfo
from plancorpus.read.legacy import repair_mapped
from plancorpus.text.textmap import MappedText

ReadStatus = Literal[
    "ok", "scanned", "encrypted", "damaged", "unsupported", "missing_tool", "over_limit"
]


class OverLimit(Exception):
    """An input over one of the user's :class:`~plancorpus.model.limits.Limits`; the message
    says which, and by how much."""


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


def refused(
    info: SourceInfo | str,
    status: ReadStatus,
    code: str,
    message: str,
    earlier: tuple[Note, ...] | list[Note] = (),
) -> Extracted:
    """What a reader gives for an input it could not read: no text, a status, and the reason
    (after any ``earlier`` notes). ``info`` may be just the format's name."""
    info = SourceInfo(format=info) if isinstance(info, str) else info
    return Extracted(
        MappedText.identity(""), info, notes=[*earlier, (code, message)], status=status
    )


def error_detail(exc: BaseException) -> str:
    """ "BadZipFile: File is not a zip file", or the exception's name when it says nothing."""
    return f"{type(exc).__name__}: {exc}".rstrip(": ")


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
