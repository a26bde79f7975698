"""Parse time of this checkout against another revision, measured in the same run.

    python benchmarks/bench_revisions.py e602fc6            # this tree vs. that commit
    python benchmarks/bench_revisions.py e602fc6 --record   # also append to RESULTS.md

The other revision is exported with ``git archive`` into a temporary folder and imported from
there (same interpreter, same installed dependencies). Rounds alternate between the two trees,
each in a fresh child process that parses every seed and sample ``--repeat`` times after a
warm-up; the figure per tree is the median over rounds of its mean per-plan time. The headline
is the median of the per-round ratios (this / reference, the two runs of a round being next to
each other in time), which the machine's noise moves least.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import subprocess
import sys
import tarfile
import tempfile
from datetime import date
from io import BytesIO
from pathlib import Path

from results import publish

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import json, statistics, sys, time, warnings
from pathlib import Path
warnings.simplefilter("ignore")
import plancorpus
paths = [Path(p) for p in json.loads(sys.argv[1])]
repeat = int(sys.argv[2])
per_file = []
for p in paths:
    plancorpus.parse(p)
    t = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        plancorpus.parse(p)
        t.append(time.perf_counter() - t0)
    per_file.append(statistics.median(t))
print(json.dumps({"where": plancorpus.__file__, "mean_ms": 1000 * statistics.mean(per_file)}))
"""


def files() -> list[Path]:
    seeds = ROOT.parent / "shared" / "corpus" / "seeds"
    found = sorted(seeds.glob("*.txt")) if seeds.is_dir() else []
    return found + sorted((ROOT / "data" / "samples").glob("*.txt"))


def export(rev: str, into: Path) -> Path:
    data = subprocess.run(
        ["git", "archive", rev, "src"], cwd=ROOT, capture_output=True, check=True
    ).stdout
    with tarfile.open(fileobj=BytesIO(data)) as tar:
        tar.extractall(into, filter="data")
    return into / "src"


def one_round(src: Path, paths: list[Path], repeat: int) -> float:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, json.dumps([str(p) for p in paths]), str(repeat)],
        env={"PYTHONPATH": str(src), "PATH": "/usr/bin:/bin"},
        cwd=src.parent,
        capture_output=True,
        text=True,
        check=True,
    )
    out = json.loads(done.stdout)
    if not out["where"].startswith(str(src)):
        raise RuntimeError(f"imported {out['where']}, not the tree under {src}")
    return float(out["mean_ms"])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("reference", help="git revision to compare against (e.g. a commit id)")
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--repeat", type=int, default=10)
    ap.add_argument("--record", action="store_true", help="append the table to RESULTS.md")
    args = ap.parse_args()
    paths = files()
    with tempfile.TemporaryDirectory() as tmp:
        ref_src = export(args.reference, Path(tmp))
        here, ref = [], []
        for k in range(args.rounds):
            order = [(ROOT / "src", here), (ref_src, ref)]
            for src, bucket in order if k % 2 == 0 else order[::-1]:
                bucket.append(one_round(src, paths, args.repeat))
    head = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    h, r = statistics.median(here), statistics.median(ref)
    paired = statistics.median(a / b for a, b in zip(here, ref, strict=True))
    here_rounds = ", ".join(f"{x:.2f}" for x in here)
    ref_rounds = ", ".join(f"{x:.2f}" for x in ref)
    table = "\n".join(
        [
            f"### parse time, this tree vs. {args.reference} ({date.today()}, Python "
            f"{platform.python_version()}, {len(paths)} plans, {args.rounds} alternating "
            f"rounds × repeat {args.repeat})",
            "",
            "| tree | mean ms per plan (median of rounds) | rounds |",
            "|---|---:|---|",
            f"| this tree (HEAD {head} + changes) | {h:.2f} | {here_rounds} |",
            f"| {args.reference} | {r:.2f} | {ref_rounds} |",
            f"| ratio of the medians, this / reference | {h / r:.3f} | |",
            f"| **median of the per-round ratios** | **{paired:.3f}** | |",
        ]
    )
    publish(table, args.record)
    return 0


if __name__ == "__main__":
    sys.exit(main())
