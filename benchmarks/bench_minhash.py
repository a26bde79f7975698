"""Which MinHash: our numpy one-permutation MinHash against rensa and datasketch, same run.

    python benchmarks/bench_minhash.py            # print a table
    python benchmarks/bench_minhash.py --record   # also append it to benchmarks/RESULTS.md

Input: plans made from the seeds and samples (each cut at a random point and given random
word edits, so pairs span the whole range of similarity), shingled once by
plancorpus.compare.sketch. Each implementation turns the same shingle hashes into 128-value
signatures; the table gives the time per document and the error of its Jaccard estimate
against the exact Jaccard over all pairs (mean absolute error, and the share of pairs with
an exact Jaccard of 0.8 or more whose estimate falls below 0.6, which banded LSH tuned to
0.8 would most likely miss). rensa and datasketch are needed for their rows only
(``pip install rensa datasketch``); a missing one is skipped.
"""

from __future__ import annotations

import argparse
import platform
import random
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import numpy as np

from plancorpus.compare import sketch
from results import publish

ROOT = Path(__file__).resolve().parents[1]


def corpus(n: int, seed: int = 5) -> list[str]:
    shared = ROOT.parent / "shared" / "corpus" / "seeds"
    files = sorted(shared.glob("*.txt")) + sorted((ROOT / "data" / "samples").glob("*.txt"))
    words = [f.read_text(encoding="utf-8").split() for f in files]
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        base = list(rng.choice(words))
        for _ in range(rng.choice([0, 5, 20, 80, 200])):
            base[rng.randrange(len(base))] = rng.choice(base)
        out.append(" ".join(base[: rng.randrange(len(base) // 2, len(base))]))
    return out


def ours(sets: list[np.ndarray]) -> np.ndarray:
    return np.vstack([sketch.signature(s) for s in sets])


def with_rensa(sets: list[np.ndarray]) -> np.ndarray:
    import rensa

    # its batch entry point for tokens already hashed (the fastest it offers here)
    matrix = rensa.RMinHash.digest_matrix_from_token_hash_sets([s.tolist() for s in sets], 128, 1)
    return np.array(matrix.to_rows())


def with_datasketch(sets: list[np.ndarray]) -> np.ndarray:
    from datasketch import MinHash

    out = []
    for s in sets:
        m = MinHash(num_perm=128, seed=1)
        m.update_batch([x.to_bytes(8, "little") for x in s.tolist()])
        out.append(m.hashvalues)
    return np.array(out)


def errors(
    sigs: np.ndarray, exact: np.ndarray, pairs: tuple[np.ndarray, np.ndarray]
) -> tuple[float, float]:
    est = (sigs[pairs[0]] == sigs[pairs[1]]).mean(axis=1)
    high = exact >= 0.8
    missed = float(((est < 0.6) & high).sum() / max(1, high.sum()))
    return float(np.abs(est - exact).mean()), missed


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--docs", type=int, default=600)
    ap.add_argument("--record", action="store_true", help="append the table to RESULTS.md")
    args = ap.parse_args()
    sets = [sketch.shingles(t) for t in corpus(args.docs)]
    a, b = np.triu_indices(len(sets), k=1)
    exact = np.array([sketch.jaccard(sets[i], sets[j]) for i, j in zip(a, b, strict=True)])
    runs: list[tuple[str, Callable[[list[np.ndarray]], np.ndarray]]] = [
        ("plancorpus (numpy, one permutation)", ours),
        ("rensa RMinHash (batch, pre-hashed)", with_rensa),
        ("datasketch MinHash", with_datasketch),
    ]
    lines = [
        f"### MinHash implementations ({date.today()}, Python {platform.python_version()}, "
        f"{len(sets)} documents, {a.size} pairs, {int((exact >= 0.8).sum())} with Jaccard ≥ 0.8)",
        "",
        "| implementation | ms per document | mean abs. error | pairs ≥ 0.8 estimated < 0.6 |",
        "|---|---:|---:|---:|",
    ]
    for label, fn in runs:
        try:
            t0 = time.perf_counter()
            sigs = fn(sets)
            per_doc = (time.perf_counter() - t0) / len(sets) * 1000
        except ImportError:
            lines.append(f"| {label} | not installed | | |")
            continue
        mae, missed = errors(sigs, exact, (a, b))
        lines.append(f"| {label} | {per_doc:.3f} | {mae:.4f} | {missed:.4f} |")
    publish("\n".join(lines), args.record)
    return 0


if __name__ == "__main__":
    sys.exit(main())
