"""Time of one diff (compare) on pairs of seed plans, against references in the same run.

    python benchmarks/bench_diff.py            # print a table
    python benchmarks/bench_diff.py --record   # also append it to benchmarks/RESULTS.md

Each pair is parsed once; then ``compare`` runs ``--repeat`` times with its caches emptied
before every run (word segmentation and tokens are cached across diffs, so a warm run would
flatter it). Columns: the whole diff at the word granularity (syllables grouped by
underthesea), at the syllable granularity (no segmentation), and two references measured in
the same run: one LCS diff of the two bodies as flat syllable lists (rapidfuzz Indel opcodes,
what a diff that knows no sections costs), and Python's difflib on the same lists.
"""

from __future__ import annotations

import argparse
import difflib
import platform
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from rapidfuzz.distance import Indel

import plancorpus
from plancorpus.compare import words
from plancorpus.model import DiffOptions
from results import publish

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
PAIRS = [("003", "000"), ("001", "000"), ("002", "004"), ("000", "003")]


def seed(prefix: str) -> plancorpus.Plan:
    return plancorpus.parse(next(SEEDS.glob(prefix + "_*")))


def median_ms(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        words.word_spans.cache_clear()
        words._syllables.cache_clear()
        words._count.cache_clear()
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000


def body_syllables(plan: plancorpus.Plan) -> list[str]:
    return words.syllables(plan.body_text(), DiffOptions()).keys


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--repeat", type=int, default=15)
    ap.add_argument("--record", action="store_true", help="append the table to RESULTS.md")
    args = ap.parse_args()
    if not SEEDS.is_dir():
        print("the seeds (../shared/corpus/seeds) are absent", file=sys.stderr)
        return 1
    plancorpus.compare(seed("003"), seed("000"))  # load underthesea's model once
    lines = [
        f"### one diff ({date.today()}, Python {platform.python_version()}, "
        f"{platform.machine()}, median of {args.repeat}, caches emptied before each run)",
        "",
        "| pair | bytes A + B | word ms | syllable ms | flat LCS ms | difflib ms "
        "| word / difflib | syllable / difflib |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for x, y in PAIRS:
        a, b = seed(x), seed(y)
        sa, sb = body_syllables(a), body_syllables(b)
        word = median_ms(lambda a=a, b=b: plancorpus.compare(a, b), args.repeat)
        syl = median_ms(
            lambda a=a, b=b: plancorpus.compare(a, b, granularity="syllable"), args.repeat
        )
        lcs = median_ms(lambda sa=sa, sb=sb: Indel.opcodes(sa, sb), args.repeat)
        dl = median_ms(
            lambda sa=sa, sb=sb: difflib.SequenceMatcher(None, sa, sb).get_opcodes(), args.repeat
        )
        size = len(a.text.encode()) + len(b.text.encode())
        lines.append(
            f"| {x} → {y} | {size} | {word:.1f} | {syl:.1f} | {lcs:.2f} | {dl:.1f} | "
            f"{word / dl:.1f}× | {syl / dl:.1f}× |"
        )
    publish("\n".join(lines), args.record)
    return 0


if __name__ == "__main__":
    sys.exit(main())
