"""Parse time per plan on the seeds and the samples, and peak memory.

    python benchmarks/bench_parse.py            # print a table
    python benchmarks/bench_parse.py --record   # also append it to benchmarks/RESULTS.md

Timing: each file is parsed once to warm caches, then ``--repeat`` times; the table gives the
median and the best time per parse. Memory: peak traced allocation (tracemalloc) of one parse.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import time
import tracemalloc
from datetime import date
from pathlib import Path

import plancorpus
from results import publish

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"


def files() -> list[Path]:
    seeds = sorted((SHARED / "seeds").glob("*.txt")) if (SHARED / "seeds").is_dir() else []
    return seeds + sorted((ROOT / "data" / "samples").glob("*.txt"))


def measure(path: Path, repeat: int) -> tuple[float, float, float, int]:
    plancorpus.parse(path)  # warm-up: pattern compilation, caches
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        plancorpus.parse(path)
        times.append(time.perf_counter() - t0)
    tracemalloc.start()
    plancorpus.parse(path)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return statistics.median(times), min(times), peak / 1e6, path.stat().st_size


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--record", action="store_true", help="append the table to RESULTS.md")
    args = ap.parse_args()
    rows = []
    for path in files():
        med, best, peak, size = measure(path, args.repeat)
        rows.append((path.name, size, med * 1000, best * 1000, peak))
    lines = [
        f"### parse time per plan ({date.today()}, Python {platform.python_version()}, "
        f"{platform.machine()}, repeat {args.repeat})",
        "",
        "| file | bytes | median ms | best ms | peak MB |",
        "|---|---:|---:|---:|---:|",
    ]
    lines += [f"| {n} | {s} | {m:.2f} | {b:.2f} | {p:.2f} |" for n, s, m, b, p in rows]
    if rows:
        mean = statistics.mean(r[2] for r in rows)
        lines.append(f"| **mean of medians** | | **{mean:.2f}** | | |")
    table = "\n".join(lines)
    publish(table, args.record)
    return 0


if __name__ == "__main__":
    sys.exit(main())
