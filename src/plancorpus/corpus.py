"""Many documents at once: load paths, then tabulate what they cite.

Every input file ends either as a parsed plan or as a recorded failure with its reason; no
file is silently dropped.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .models import Citation, Plan

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
    from . import parse

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


CITATION_COLUMNS = [
    "source", "key", "doc_type", "number", "symbol", "date", "resolved_date", "issuer",
    "title", "form", "defects", "raw", "start", "end", "page",
]  # fmt: skip


def citation_row(plan: Plan, c: Citation) -> dict[str, Any]:
    return {
        "source": plan.source,
        "key": c.key,
        "doc_type": c.doc_type,
        "number": c.number,
        "symbol": c.symbol,
        "date": c.date.value if c.date else None,
        "resolved_date": c.resolved_date,
        "issuer": c.issuer,
        "title": c.title,
        "form": c.form,
        "defects": ";".join(c.defects),
        "raw": " ".join(c.raw.split()),
        "start": c.span.start,
        "end": c.span.end,
        "page": c.span.page,
    }


def citation_rows(plans: Sequence[Plan]) -> list[dict[str, Any]]:
    """One row per (plan, citation): ready for ``pandas.DataFrame(rows)`` or CSV."""
    return [citation_row(p, c) for p in plans for c in p.citations]


def citation_matrix(plans: Sequence[Plan]) -> tuple[list[str], list[dict[str, Any]]]:
    """Plans × cited directives: the keys (most cited first) and one row per plan holding the
    number of mentions of each key."""
    counts: dict[str, int] = {}
    for p in plans:
        for key in {c.key for c in p.citations if c.key}:
            counts[key] = counts.get(key, 0) + 1
    keys = sorted(counts, key=lambda k: (-counts[k], k))
    rows = []
    for p in plans:
        row: dict[str, Any] = {"source": p.source}
        for key in keys:
            row[key] = sum(1 for c in p.citations if c.key == key)
        rows.append(row)
    return keys, rows
