"""Where the benchmark scripts record their runs: benchmarks/RESULTS.md."""

from __future__ import annotations

import sys
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"


def record(section: str) -> None:
    """Append a section (a Markdown heading and its table) to RESULTS.md."""
    with RESULTS.open("a", encoding="utf-8") as fh:
        fh.write("\n" + section.rstrip("\n") + "\n")
    print(f"appended to {RESULTS}", file=sys.stderr)


def publish(table: str, keep: bool) -> None:
    """Print a result table; with ``keep`` (the scripts' --record) also append it."""
    print(table)
    if keep:
        record(table)
