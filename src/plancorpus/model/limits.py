"""How much one document may cost: the limits a user can set, with defaults that keep a
laptop safe from a hostile archive (a zip bomb, a 200 MB text, a PDF of a million pages).

An input over a limit is not an error: its plan comes back ``failed`` (or ``partial``, for
the time limit) with a warning that names the limit, what the input had, and how to raise it.
"""

from __future__ import annotations

from dataclasses import dataclass

MB = 2**20


@dataclass(frozen=True)
class Limits:
    """Per-document limits; ``None`` turns one off.

    - ``max_bytes``: size of the input file (or bytes given).
    - ``max_pages``: pages of a PDF.
    - ``max_unpacked``: bytes a DOCX's parts inflate to (a zip bomb is refused, not read).
    - ``max_chars``: characters of text a reader may hand to the parser.
    - ``max_seconds``: time per document; checked between stages and pages, and kept by the
      patterns' own timeout. ``load`` also kills a worker that overruns its ``timeout``.
    - ``max_memory_mb``: address space of each ``load`` worker process, so that one file
      cannot take the machine's memory (the file becomes a failure; the run goes on).
    """

    max_bytes: int | None = 100 * MB
    max_pages: int | None = 2000
    max_unpacked: int | None = 256 * MB
    max_chars: int | None = 10_000_000
    max_seconds: float | None = 300.0
    max_memory_mb: int | None = 4096

    def over(self, name: str, value: float) -> str | None:
        """Why ``value`` breaks the limit ``name`` (a sentence for the plan's warning), or
        None when it is within it."""
        limit = getattr(self, name)
        if limit is None or value <= limit:
            return None
        return f"{_amount(name, value)} is over the limit of {_amount(name, limit)} (Limits.{name})"


def _amount(name: str, value: float) -> str:
    if name in ("max_bytes", "max_unpacked"):
        return f"{value / MB:.1f} MB"
    if name == "max_seconds":
        return f"{value:g} s"
    unit = {"max_pages": "pages", "max_chars": "characters", "max_memory_mb": "MB"}[name]
    return f"{value:,.0f} {unit}"


DEFAULT_LIMITS = Limits()
