"""Many documents at once: every file under the paths given, parsed.

Every input file ends either as a parsed plan or as a recorded failure with its reason; no
file is silently dropped.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from plancorpus.model.plan import Plan
from plancorpus.pipeline import parse

SUFFIXES = {".txt", ".md", ".pdf", ".docx", ".doc", ".htm", ".html"}


def expand(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files as given; a folder stands for the documents in it (recursively, sorted)."""
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            yield from sorted(
                f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES
            )
        else:
            yield p


@dataclass
class Failure:
    path: str
    reason: str


@dataclass
class Corpus:
    plans: list[Plan] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)


def load(
    paths: Iterable[str | Path],
    progress: Callable[[int, int, Path], None] | None = None,
    backend: str = "pdfium",
    ocr: bool | None = None,
) -> Corpus:
    """Parse every document under ``paths`` (files, or folders read recursively).
    Unreadable files become :class:`Failure` records; nothing is dropped silently."""
    files = list(expand(paths))
    out = Corpus()
    for n, path in enumerate(files, 1):
        if progress:
            progress(n, len(files), path)
        try:
            out.plans.append(parse(path, backend=backend, ocr=ocr))
        except OSError as exc:
            out.failures.append(Failure(str(path), f"{exc.strerror or exc}"))
    return out


def stderr_progress(n: int, total: int, path: Path) -> None:
    print(f"[{n}/{total}] {path}", file=sys.stderr, flush=True)
