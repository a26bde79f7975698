"""Reading formats: PDF pages per second per back-end, and the accuracy of legacy-encoding
conversion and of OCR against hand transcripts.

    python benchmarks/bench_formats.py [--record] [--no-ocr]

PDF speed: for every PDF with a text layer in ../shared/corpus/real, the best of three runs (one
for pdfplumber, which is two orders of magnitude slower) of
(a) raw pypdfium2 text extraction (load page + text page + get_text_range), (b) raw pdfplumber
extract_text, with and without dedupe_chars, (c) plancorpus.parse end to end with each
back-end. Figures are milliseconds per page over all those pages.

Accuracy: character and diacritic accuracy (plancorpus.compare.evaluate) of the converted text
against the transcripts in ../shared/corpus/real (*.truth.txt), and of OCR against our own
transcription of one scanned page (tests/data/ocr).
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import plancorpus
from plancorpus.compare.evaluate import score_text
from plancorpus.read import ocr, read_file
from results import publish

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT.parent / "shared" / "corpus" / "real"
TEXT_PDFS = [
    "qb_cv1445_sldtbxh_2022.pdf", "hg_bc_stc_giathitruong_2024.pdf", "dang_hd06_tw_2025.pdf",
    "dang_hd_btctu_hanoi_huyhieu_2025.pdf", "dang_qd294_tw_2025.pdf",
    "mpi_bc_kehoach2005_tcvn3.pdf",
]  # fmt: skip


def best(fn: Callable[[], object], repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def raw_pypdfium2(path: Path) -> None:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    for i in range(len(pdf)):
        page = pdf[i]
        page.get_textpage().get_text_range()
    pdf.close()


def raw_pdfplumber(path: Path, dedupe: bool) -> None:
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            (page.dedupe_chars() if dedupe else page).extract_text()


def speed(repeat: int) -> list[str]:
    files = [REAL / f for f in TEXT_PDFS if (REAL / f).exists()]
    import pypdfium2 as pdfium

    pages = sum(len(pdfium.PdfDocument(str(f))) for f in files)
    rows = {
        "pypdfium2 get_text_range (raw)": lambda f: raw_pypdfium2(f),
        "pdfplumber extract_text (raw)": lambda f: raw_pdfplumber(f, False),
        "pdfplumber extract_text + dedupe_chars (raw)": lambda f: raw_pdfplumber(f, True),
        "plancorpus.parse, backend pdfium": lambda f: plancorpus.parse(f, backend="pdfium"),
        "plancorpus.parse, backend pdfplumber": lambda f: plancorpus.parse(f, backend="pdfplumber"),
    }
    out = [
        f"PDF text layers: {len(files)} files, {pages} pages (best of {repeat} runs; "
        "pdfplumber rows: one run)",
        "",
        "| reader | ms per page | pages per second |",
        "|---|---:|---:|",
    ]
    for name, fn in rows.items():
        runs = 1 if "pdfplumber" in name else repeat  # about half a second a page: once is enough
        total = sum(best(lambda f=f, fn=fn: fn(f), runs) for f in files)
        out.append(f"| {name} | {total * 1000 / pages:.2f} | {pages / total:.0f} |")
    return out


def accuracy(with_ocr: bool) -> list[str]:
    out = [
        "",
        "| text | characters | char accuracy | marked letters | diacritic accuracy |",
        "|---|---:|---:|---:|---:|",
    ]
    pairs = [
        (
            "VNI .doc (bp_qd991)",
            REAL / "bp_qd991_ubnd_2008_vni.doc",
            REAL / "bp_qd991_ubnd_2008_vni.truth.txt",
        ),
        (
            "TCVN3 PDF text layer (mpi_bc)",
            REAL / "mpi_bc_kehoach2005_tcvn3.pdf",
            REAL / "mpi_bc_kehoach2005_tcvn3.truth.txt",
        ),
    ]
    for name, source, truth in pairs:
        if source.exists() and truth.exists():
            s = score_text(read_file(source).text.text, truth.read_text(encoding="utf-8"))
            out.append(
                f"| {name} | {s.characters} | {s.char_accuracy:.4f} | {s.marked} | "
                f"{s.diacritic_accuracy:.4f} |"
            )
    scan = REAL / "qb_qd2871_ubnd_2022_signed_scan.pdf"
    truth = ROOT / "tests" / "data" / "ocr" / "qb_qd2871_signed_scan_page1.txt"
    if with_ocr and ocr.available() and scan.exists():
        t0 = time.perf_counter()
        plan = plancorpus.parse(scan)
        secs = time.perf_counter() - t0
        page1 = plan.text[: plan.page_starts[1]] if len(plan.page_starts) > 1 else plan.text
        s = score_text(page1, truth.read_text(encoding="utf-8"))
        out.append(
            f"| OCR, Tesseract vie, page 1 of qb_qd2871 ({secs / 2:.1f} s/page) | "
            f"{s.characters} | {s.char_accuracy:.4f} | {s.marked} | "
            f"{s.diacritic_accuracy:.4f} |"
        )
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--record", action="store_true")
    ap.add_argument("--no-ocr", action="store_true")
    args = ap.parse_args()
    if not REAL.is_dir():
        print("../shared/corpus/real is absent: nothing to measure", file=sys.stderr)
        return 1
    head = (
        f"### reading formats ({date.today()}, Python {platform.python_version()}, "
        f"{platform.machine()})"
    )
    table = "\n".join([head, "", *speed(args.repeat), *accuracy(not args.no_ocr)])
    publish(table, args.record)
    return 0


if __name__ == "__main__":
    sys.exit(main())
