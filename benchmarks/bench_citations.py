"""Citations per second on a large text, against one plain regex pass over the same text.

    python benchmarks/bench_citations.py [--record]

The large text is every Unicode text we have (the seeds, the samples and the transcripts in
../shared/corpus), repeated to about 1 MB. The reference is one pass of a plain citation
regex (type word, optional "số", a code), the kind of pattern a simple extractor runs; the
full extraction (keys, dates, issuers, resolution) is reported as a multiple of it.
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import regex

from plancorpus import extract_citations
from plancorpus.data import patterns
from results import publish

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"


def large_text(target: int = 1_000_000) -> str:
    files = sorted((CORPUS / "seeds").glob("*.txt")) + sorted((CORPUS / "real").glob("*.txt"))
    files += sorted((ROOT / "data" / "samples").glob("*.txt"))
    base = "\n\n".join(f.read_text(encoding="utf-8") for f in files)
    return (base + "\n\n") * max(1, target // max(1, len(base)))


def reference_regex() -> regex.Pattern[str]:
    words = "|".join(
        sorted((regex.escape(d.name) for d in patterns.doc_types()), key=len, reverse=True)
    )
    return regex.compile(rf"(?i)\b(?:{words})\s+(?:số\s*)?\d+[a-z]?\s*[/\-–]\s*[\w/\-–.]+")


def best(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return min(times), result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--record", action="store_true")
    args = ap.parse_args()
    text = large_text()
    ref = reference_regex()
    extract_citations(text[:20000])  # warm-up
    t_ref, matches = best(lambda: list(ref.finditer(text)), args.repeat)
    t_all, cites = best(lambda: extract_citations(text), args.repeat)
    table = "\n".join(
        [
            f"### citations on a large text ({date.today()}, Python {platform.python_version()}, "
            f"best of {args.repeat})",
            "",
            "| measure | value |",
            "|---|---:|",
            f"| text size | {len(text):,} chars |",
            f"| reference regex pass | {t_ref * 1000:.1f} ms ({len(matches)} matches) |",
            f"| full extraction | {t_all * 1000:.1f} ms ({len(cites)} citations) |",
            f"| citations per second | {len(cites) / t_all:,.0f} |",
            f"| characters per second | {len(text) / t_all / 1e6:.1f} M |",
            f"| extraction / reference pass | {t_all / t_ref:.2f}× |",
        ]
    )
    publish(table, args.record)
    return 0


if __name__ == "__main__":
    sys.exit(main())
