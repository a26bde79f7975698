"""Corpus loading: plans per second with 1 and 2 worker processes, and a cached rerun.

    python benchmarks/bench_load.py              # 10,000 plans
    python benchmarks/bench_load.py --n 2000     # a quick run
    python benchmarks/bench_load.py --record     # also append the table to RESULTS.md

The corpus is written to a temporary folder: synthetic text plans from ``synth.generate`` and,
one file in twenty, a copy of one of the real text-layer PDFs of ../shared/corpus/real (when
present; each copy made distinct by a trailing comment after %%EOF, so the cache cannot merge
them). Runs, in this order and in one process: 1 worker, 2 workers, 2 workers filling an empty
cache, the rerun that reads everything back from the cache (plans stay packed: none is
built), then the tables made from that rerun (every plan built once), and the same load on a
local Dask cluster of 2 worker processes (when Dask is installed; its start-up not counted).
Peak memory is the process's ``ru_maxrss`` after the runs that keep their plans.
"""

from __future__ import annotations

import argparse
import platform
import resource
import shutil
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import plancorpus
from plancorpus.corpus.frames import frames
from results import publish
from synth import generate

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT.parent / "shared" / "corpus" / "real"
PDFS = [
    "dang_hd06_tw_2025.pdf",
    "dang_qd294_tw_2025.pdf",
    "hg_bc_stc_giathitruong_2024.pdf",
    "qb_cv1445_sldtbxh_2022.pdf",
]


def write_corpus(folder: Path, n: int) -> tuple[int, int]:
    pdfs = [REAL / name for name in PDFS if (REAL / name).exists()]
    texts = count_pdf = 0
    for k, (doc_id, _, text) in enumerate(generate(n, seed=3)):
        if pdfs and k % 20 == 0:
            data = pdfs[count_pdf % len(pdfs)].read_bytes() + f"\n% copy {k}\n".encode()
            (folder / f"{doc_id}.pdf").write_bytes(data)
            count_pdf += 1
        else:
            (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
            texts += 1
    return texts, count_pdf


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(label: str, folder: Path, **options: object) -> tuple[str, float, plancorpus.Corpus]:
    t0 = time.perf_counter()
    corpus = plancorpus.load([folder], ocr=False, **options)  # type: ignore[arg-type]
    return label, time.perf_counter() - t0, corpus


def on_dask(folder: Path) -> list[tuple[str, float, plancorpus.Corpus]]:
    """The load on a local Dask cluster of 2 single-threaded worker processes."""
    try:
        from distributed import Client, LocalCluster
    except ModuleNotFoundError:
        return []
    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True) as cluster,
        Client(cluster),
    ):
        return [timed("Dask LocalCluster, 2 workers", folder, engine="dask")]


STREAM = """
import sys, time
sys.path.insert(0, sys.argv[3])
from plancorpus.corpus.frames import export_files
if __name__ == "__main__":
    t0 = time.perf_counter()
    counts, corpus = export_files([sys.argv[1]], sys.argv[2], workers=2, ocr=False)
    took = time.perf_counter() - t0
    # VmHWM, not ru_maxrss: Linux keeps ru_maxrss across fork and exec, so a child of a
    # large parent would report the parent's peak
    status = open("/proc/self/status").read().split("VmHWM:")[1].split()[0]
    print(f"{corpus.files} {took:.1f} {int(status) / 1024:.0f}")
"""


def streaming_rows(tmp: Path, sizes: list[int]) -> list[str]:
    """Peak memory of a streaming export (plans written as parsed, none kept) per size."""
    import subprocess

    script = tmp / "stream.py"
    script.write_text(STREAM, encoding="utf-8")
    rows = []
    for n in sizes:
        folder = tmp / f"stream_{n}"
        folder.mkdir()
        write_corpus(folder, n)
        args = [sys.executable, str(script), str(folder), str(tmp / f"out_{n}"), str(ROOT)]
        files, took, peak = subprocess.run(
            args, capture_output=True, text=True, check=True
        ).stdout.split()
        rows.append(f"| {files} | {took} | {peak} |")
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--record", action="store_true", help="append the table to RESULTS.md")
    ap.add_argument("--stream-only", action="store_true", help="only the streaming export's memory")
    args = ap.parse_args()
    if args.stream_only:
        with tempfile.TemporaryDirectory() as tmp:
            rows = streaming_rows(Path(tmp), [args.n // 4, args.n])
        table = [
            f"### streaming export, peak memory ({date.today()}, {args.n // 4} and {args.n} "
            "files, 2 workers, VmHWM of a fresh process)",
            "",
            "| files | seconds | peak MB |",
            "|---:|---:|---:|",
            *rows,
        ]
        publish("\n".join(table), args.record)
        return 0
    tmp = Path(tempfile.mkdtemp(prefix="plancorpus-load-"))
    try:
        folder = tmp / "corpus"
        folder.mkdir()
        texts, pdfs = write_corpus(folder, args.n)
        runs = [
            timed("1 worker", folder, workers=1),
            timed("2 workers", folder, workers=2),
            timed("2 workers, empty cache", folder, workers=2, cache=tmp / "cache"),
        ]
        mem = peak_mb()
        runs.append(timed("rerun from the cache", folder, workers=2, cache=tmp / "cache"))
        t0 = time.perf_counter()
        rows = sum(len(t) for t in frames(runs[-1][2].plans).values())
        tables = time.perf_counter() - t0
        packed = runs[-1][2].plans.nbytes() / max(1, len(runs[-1][2].plans))
        runs += on_dask(folder)
        stream = streaming_rows(tmp, [args.n // 4, args.n])
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    one = runs[0][1]
    lines = [
        f"### loading a corpus ({date.today()}, Python {platform.python_version()}, "
        f"{platform.machine()}, {texts} text plans + {pdfs} PDFs)",
        "",
        "| run | seconds | plans/s | speed-up over 1 worker | plans | failures | from cache |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for label, seconds, corpus in runs:
        lines.append(
            f"| {label} | {seconds:.1f} | {corpus.files / seconds:.0f} | {one / seconds:.2f}× "
            f"| {len(corpus.plans)} | {len(corpus.failures)} | {corpus.cached} |"
        )
    lines.append(
        f"\nall seven tables from the rerun's {len(runs[3][2].plans)} plans (each plan built "
        f"once): {tables:.1f} s, {rows} rows; a plan kept packed takes {packed / 1024:.1f} kB"
        f"\n\npeak memory of the process after the three runs that keep their plans: {mem:.0f} MB"
    )
    lines += [
        "",
        "Streaming export (`export_files`: tables written as plans are parsed, none kept), "
        "each size in a fresh process, 2 workers:",
        "",
        "| files | seconds | peak RSS MB |",
        "|---:|---:|---:|",
        *stream,
    ]
    publish("\n".join(lines), args.record)
    return 0


if __name__ == "__main__":
    sys.exit(main())
