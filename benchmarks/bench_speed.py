"""Speed, memory and import cost of plancorpus, each against a reference measured in the same run.

    python benchmarks/bench_speed.py            # print the tables
    python benchmarks/bench_speed.py --record   # also append them to benchmarks/RESULTS.md
    python benchmarks/bench_speed.py --quick    # fewer repeats (a smoke run)

(a) text → Plan: ``parse_text`` on the seeds' and the samples' text, per plan and per kB,
    against one plain pass of the project's citation regex (``extract.citations.find._CODE``,
    case-sensitive, no alternation of words) over the same text; the ratio is best against best.
(b) PDF → Plan: ``parse(path, backend="pdfium", ocr=False)`` per page against raw pypdfium2
    text extraction (open, text page, ``get_text_range``) of the same PDFs: the text-layer PDFs
    of ../shared/corpus/real and, when fpdf2 is installed, the seeds rendered by tests/render.py.
(c) memory of a held Plan: tracemalloc over ``--hold`` plans parsed from those texts and kept.
(e) the 1 MB adversarial line of benchmarks/fuzz.py (digits, slashes, dashes, "số", quotes,
    Roman numerals, dots on one line) through ``parse``, against one plain citation-regex pass
    over it; the goal is under a second.
(d) ``import plancorpus`` in a fresh interpreter against ``python -c pass``, each the median of
    ``--imports`` runs alternated; ``python -X importtime`` says where the time goes.

The machine's CPU, cores, load, Python, OS and package versions head the tables: the machine
is shared, so read the ratios rather than the absolute times.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial
from importlib import metadata
from pathlib import Path

import plancorpus
from plancorpus.extract.citations.find import _CODE
from results import publish

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"
TEXT_PDFS = [
    "qb_cv1445_sldtbxh_2022.pdf", "hg_bc_stc_giathitruong_2024.pdf", "dang_hd06_tw_2025.pdf",
    "dang_hd_btctu_hanoi_huyhieu_2025.pdf", "dang_qd294_tw_2025.pdf",
    "mpi_bc_kehoach2005_tcvn3.pdf",
]  # fmt: skip
PACKAGES = ["plancorpus", "pydantic", "pydantic-core", "regex", "pypdfium2", "numpy"]
GOALS = {"ms per 6 kB": 1.5, "× citation pass": 25.0, "× raw pdfium": 2.0, "kB held": 40.0}
GOAL_IMPORT_MS = 150.0


def text_files() -> list[Path]:
    seeds = sorted((SHARED / "seeds").glob("*.txt"))
    return seeds + sorted((ROOT / "data" / "samples").glob("*.txt"))


def seconds(fn: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def alternated(
    fn: Callable[[], object], ref: Callable[[], object], repeat: int
) -> tuple[list[float], list[float]]:
    """Times of ``fn`` and of its reference, run in turn so that a disturbance hits both."""
    times: list[float] = []
    refs: list[float] = []
    for _ in range(repeat):
        times.append(seconds(fn))
        refs.append(seconds(ref))
    return times, refs


def citation_pass(text: str) -> int:
    return sum(1 for _ in _CODE.finditer(text))


# ----------------------------------------------------------------------------- machine


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "absent"


def machine() -> list[str]:
    load = " / ".join(f"{x:.2f}" for x in os.getloadavg())
    versions = ", ".join(f"{name} {version(name)}" for name in PACKAGES)
    return [
        f"- CPU: {cpu_model()}, {os.cpu_count()} cores; load average (1/5/15 min) {load}",
        f"- Python {platform.python_version()} ({platform.python_implementation()}), "
        f"{platform.platform()}",
        f"- {versions}",
    ]


# ----------------------------------------------------------------------------- (a) text


def text_rows(repeat: int) -> tuple[list[str], dict[str, float]]:
    rows, sums = [], {"parse": 0.0, "ref": 0.0, "kb": 0.0, "n": 0.0}
    for path in text_files():
        text = path.read_text(encoding="utf-8")
        plancorpus.parse_text(text)  # warm-up: patterns compiled, caches filled
        parse, ref = alternated(
            partial(plancorpus.parse_text, text), partial(citation_pass, text), repeat
        )
        kb = len(text.encode("utf-8")) / 1000
        best, best_ref = min(parse), min(ref)
        sums["parse"] += best
        sums["ref"] += best_ref
        sums["kb"] += kb
        sums["n"] += 1
        rows.append(
            f"| {path.name} | {kb:.1f} | {statistics.median(parse) * 1e3:.2f} | "
            f"{best * 1e3:.2f} | {best * 1e3 / kb:.3f} | {best_ref * 1e3:.3f} | "
            f"{best / best_ref:.1f}× |"
        )
    return rows, sums


def text_table(repeat: int) -> tuple[list[str], dict[str, float]]:
    rows, s = text_rows(repeat)
    per_kb = s["parse"] * 1e3 / s["kb"]
    ratio = s["parse"] / s["ref"]
    table = [
        f"**(a) text → Plan** (`parse_text`; best and median of {repeat}; reference: one pass of "
        "`_CODE`, the citation regex, over the same text)",
        "",
        "| file | kB | median ms | best ms | ms per kB | citation pass ms | ratio |",
        "|---|---:|---:|---:|---:|---:|---:|",
        *rows,
        f"| **all {s['n']:.0f}** | {s['kb']:.1f} | | {s['parse'] * 1e3 / s['n']:.2f} per plan | "
        f"{per_kb:.3f} | {s['ref'] * 1e3 / s['n']:.3f} | **{ratio:.1f}×** |",
    ]
    return table, {"ms per 6 kB": per_kb * 6, "× citation pass": ratio}


# ----------------------------------------------------------------------------- (b) PDF


def raw_pdfium(path: Path) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    pages = len(pdf)
    for i in range(pages):
        pdf[i].get_textpage().get_text_range()
    pdf.close()
    return pages


def rendered_pdfs(folder: Path) -> list[Path]:
    """The seeds rendered to PDF by tests/render.py (fpdf2 and a Vietnamese font needed)."""
    sys.path.insert(0, str(ROOT / "tests"))
    try:
        from render import to_pdf  # type: ignore[import-not-found]

        seeds = sorted((SHARED / "seeds").glob("*.txt"))
        return [to_pdf(p.read_text(encoding="utf-8"), folder / f"{p.stem}.pdf") for p in seeds]
    except Exception as exc:  # pytest.skip (no font) included
        print(f"rendered PDFs skipped: {exc!r}", file=sys.stderr)
        return []


def pdf_table(repeat: int, folder: Path) -> tuple[list[str], dict[str, float]]:
    files = [SHARED / "real" / f for f in TEXT_PDFS if (SHARED / "real" / f).exists()]
    files += rendered_pdfs(folder)
    rows, total, total_ref, total_pages = [], 0.0, 0.0, 0
    for path in files:
        pages = raw_pdfium(path)
        plancorpus.parse(path, backend="pdfium", ocr=False)
        parse, ref = alternated(
            partial(plancorpus.parse, path, backend="pdfium", ocr=False),
            partial(raw_pdfium, path),
            repeat,
        )
        best, best_ref = min(parse), min(ref)
        total, total_ref, total_pages = total + best, total_ref + best_ref, total_pages + pages
        rows.append(
            f"| {path.name} | {pages} | {best * 1e3 / pages:.2f} | {best_ref * 1e3 / pages:.2f} | "
            f"{best / best_ref:.2f}× |"
        )
    ratio = total / total_ref if total_ref else float("nan")
    pages = max(1, total_pages)
    return [
        f"**(b) PDF → Plan** (`parse(path, backend='pdfium', ocr=False)`, best of {repeat}; "
        "reference: raw pypdfium2 text of the same file)",
        "",
        "| file | pages | plancorpus ms per page | raw pypdfium2 ms per page | ratio |",
        "|---|---:|---:|---:|---:|",
        *rows,
        f"| **all** | {total_pages} | {total * 1e3 / pages:.2f} | {total_ref * 1e3 / pages:.2f} | "
        f"**{ratio:.2f}×** |",
    ], {"× raw pdfium": ratio}


# ----------------------------------------------------------------------------- (c) memory


def memory_table(hold: int) -> tuple[list[str], dict[str, float]]:
    texts = [p.read_text(encoding="utf-8") for p in text_files()]
    kb = sum(len(t.encode("utf-8")) for t in texts) / len(texts) / 1000
    for text in texts:  # caches filled and patterns compiled before counting
        plancorpus.parse_text(text)
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    held = [plancorpus.parse_text(texts[k % len(texts)]) for k in range(hold)]
    gc.collect()
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    per_plan = (after - before) / len(held) / 1000
    text_kb = sum(sys.getsizeof(p.text) for p in held) / len(held) / 1000
    return [
        f"**(c) memory of a held Plan** (tracemalloc, {hold} plans from the texts of (a) kept, "
        f"after one parse of each; their UTF-8 text {kb:.1f} kB on average)",
        "",
        "| measure | kB per plan |",
        "|---|---:|",
        f"| held Plan (everything it allocated) | **{per_plan:.1f}** |",
        f"| of which `Plan.text` (a str object) | {text_kb:.1f} |",
    ], {"kB held": per_plan}


# ----------------------------------------------------------------------------- (d) import


def run_ms(code: str) -> float:
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
    return (time.perf_counter() - t0) * 1e3


def import_profile(top: int = 8) -> list[str]:
    """The modules whose own import time is largest, from ``python -X importtime``."""
    err = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import plancorpus"],
        capture_output=True, text=True, check=True, cwd=ROOT,
    ).stderr  # fmt: skip
    rows = []
    for line in err.splitlines():
        parts = line.removeprefix("import time:").split("|")
        if len(parts) == 3 and parts[0].strip().isdigit():
            rows.append((int(parts[0]), int(parts[1]), parts[2].strip()))
    total = next((c for _, c, name in rows if name == "plancorpus"), 0)
    groups: dict[str, int] = {}
    for own, _, name in rows:
        head = name.split(".")[0] if not name.startswith("plancorpus") else name
        groups[head] = groups.get(head, 0) + own
    biggest = sorted(groups.items(), key=lambda kv: -kv[1])[:top]
    listed = ", ".join(f"{name} {us / 1e3:.0f}" for name, us in biggest)
    return [f"- `-X importtime`: {total / 1e3:.0f} ms in all; largest own times (ms): {listed}"]


def import_table(runs: int) -> tuple[list[str], dict[str, float]]:
    run_ms("import plancorpus")  # file-system caches warm, bytecode written
    plain, full = [], []
    for _ in range(runs):
        plain.append(run_ms("pass"))
        full.append(run_ms("import plancorpus"))
    net = statistics.median(full) - statistics.median(plain)
    return [
        f"**(d) `import plancorpus`** (fresh interpreter, median of {runs}, alternated with "
        "`python -c pass`)",
        "",
        "| measure | ms |",
        "|---|---:|",
        f"| `python -c pass` | {statistics.median(plain):.0f} |",
        f"| `python -c 'import plancorpus'` | {statistics.median(full):.0f} |",
        f"| import alone (difference) | **{net:.0f}** |",
        "",
        *import_profile(),
    ], {"import ms": net}


# ----------------------------------------------------------------------------- goals


def adversarial_table(repeat: int) -> tuple[list[str], dict[str, float]]:
    """(e) one megabyte of pattern food on one line."""
    sys.path.insert(0, str(Path(__file__).parent))
    from fuzz import adversarial_line

    data = adversarial_line()
    text = data.decode()
    parse = min(seconds(partial(plancorpus.parse, data)) for _ in range(repeat))
    ref = min(seconds(partial(citation_pass, text)) for _ in range(repeat))
    lines = [
        "**(e) a 1 MB adversarial line** (best of "
        f"{repeat}): parse {parse:.2f} s, one citation-regex pass {ref * 1000:.0f} ms "
        f"({parse / ref:.0f}×)"
    ]
    return lines, {"adversarial s": parse}


def goals_table(found: dict[str, float]) -> list[str]:
    rows = [
        (f"text → Plan, ms per 6 kB plan (≤ {GOALS['ms per 6 kB']})", "ms per 6 kB", GOALS),
        (f"text → Plan ÷ citation pass (≤ {GOALS['× citation pass']}×)", "× citation pass", GOALS),
        (f"PDF → Plan ÷ raw pypdfium2 (≤ {GOALS['× raw pdfium']}×)", "× raw pdfium", GOALS),
        (f"kB per held Plan (≤ {GOALS['kB held']})", "kB held", GOALS),
        (f"import ms (≤ {GOAL_IMPORT_MS:.0f})", "import ms", {"import ms": GOAL_IMPORT_MS}),
        ("1 MB adversarial line, s (< 1)", "adversarial s", {"adversarial s": 1.0}),
    ]
    out = ["| goal | measured | met |", "|---|---:|:---:|"]
    for label, key, goals in rows:
        if key in found:
            met = "yes" if found[key] <= goals[key] else "no"
            out.append(f"| {label} | {found[key]:.2f} | {met} |")
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--repeat", type=int, default=30, help="timed runs per text file")
    ap.add_argument("--pdf-repeat", type=int, default=5, help="timed runs per PDF")
    ap.add_argument("--hold", type=int, default=200, help="plans held for the memory figure")
    ap.add_argument("--imports", type=int, default=9, help="fresh interpreters per measure")
    ap.add_argument("--quick", action="store_true", help="a smoke run: few repeats")
    ap.add_argument("--record", action="store_true", help="append the tables to RESULTS.md")
    ap.add_argument("--note", default="", help="said in the heading (the commit, the load…)")
    args = ap.parse_args()
    if args.quick:
        args.repeat, args.pdf_repeat, args.hold, args.imports = 5, 2, 40, 3
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    found: dict[str, float] = {}
    sections: list[list[str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for part in (
            lambda: text_table(args.repeat),
            lambda: pdf_table(args.pdf_repeat, Path(tmp)),
            lambda: memory_table(args.hold),
            lambda: import_table(args.imports),
            lambda: adversarial_table(3),
        ):
            lines, figures = part()
            sections.append(lines)
            found.update(figures)
    note = f"; {args.note}" if args.note else ""
    out = [f"### speed, memory and import ({stamp}, `benchmarks/bench_speed.py`{note})", ""]
    out += machine()
    for lines in sections:
        out += ["", *lines]
    out += ["", "**goals** (issue 12)", "", *goals_table(found)]
    publish("\n".join(out), args.record)
    return 0


if __name__ == "__main__":
    sys.exit(main())
