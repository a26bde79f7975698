"""OCR of scanned PDFs with Tesseract and its Vietnamese model (optional).

Tesseract is a system program (Debian: ``tesseract-ocr`` and ``tesseract-ocr-vie``; the
README's set-up installs both). Without it, scans keep the status "scanned: needs OCR" and
this module says what is missing. Pages are rendered by pypdfium2, written as PGM (no image
library needed), and read back as words with their boxes (Tesseract's TSV output), so that a
scan goes through the same column logic as a text layer.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from functools import cache
from itertools import pairwise

from plancorpus.read.pages import Page, PCell, PLine

DPI = 300


@cache
def _languages() -> frozenset[str]:
    exe = shutil.which("tesseract")
    if exe is None:
        return frozenset()
    try:
        done = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    return frozenset(line.strip() for line in done.stdout.splitlines()[1:] if line.strip())


def available() -> bool:
    """True when Tesseract with the Vietnamese model is installed."""
    return "vie" in _languages()


def missing_reason() -> str:
    if shutil.which("tesseract") is None:
        return (
            "Tesseract is not installed; install the Debian packages tesseract-ocr and "
            "tesseract-ocr-vie (./setup.sh does) to read scans"
        )
    if not available():
        return "Tesseract has no Vietnamese model; install the Debian package tesseract-ocr-vie"
    return "OCR is available"


def _pgm(bitmap: object, path: str) -> None:
    """Write a grey pdfium bitmap as a binary PGM file."""
    width, height, stride = bitmap.width, bitmap.height, bitmap.stride  # type: ignore[attr-defined]
    buf = bytes(bitmap.buffer)  # type: ignore[attr-defined]
    with open(path, "wb") as fh:
        fh.write(f"P5 {width} {height} 255\n".encode("ascii"))
        for y in range(height):
            fh.write(buf[y * stride : y * stride + width])


def ocr_image(path: str) -> str:
    """Tesseract's TSV for an image file."""
    done = subprocess.run(
        ["tesseract", path, "stdout", "-l", "vie", "--psm", "3", "tsv"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"tesseract failed: {done.stderr.strip()[:300]}")
    return done.stdout


def page_from_tsv(tsv: str, number: int, scale: float) -> Page:
    """Lines of positioned words, in points, from Tesseract's TSV."""
    words: dict[tuple[int, int, int], list[tuple[float, float, float, float, str]]] = {}
    page_w = page_h = 0.0
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12:
            continue
        level = cols[0]
        left, top, width, height = (int(c) / scale for c in cols[6:10])
        if level == "1":
            page_w, page_h = width, height
            continue
        text = cols[11].strip()
        if level != "5" or not text:
            continue
        key = (int(cols[2]), int(cols[3]), int(cols[4]))
        words.setdefault(key, []).append((left, left + width, top, top + height, text))
    lines: list[PLine] = []
    for items in words.values():
        items.sort()
        height = max(4.0, sorted(i[3] - i[2] for i in items)[len(items) // 2])
        gaps = sorted(b[0] - a[1] for a, b in pairwise(items))
        word_gap = gaps[len(gaps) // 2] if gaps else height / 3
        # a column gap: much wider than this line's own word gaps
        wide = max(2.5 * word_gap, 0.8 * height)
        cells: list[PCell] = []
        for x0, x1, _, _, text in items:
            if cells and x0 - cells[-1].x1 <= wide:
                cells[-1].text += " " + text
                cells[-1].x1 = x1
            else:
                cells.append(PCell(text, x0, x1))
        lines.append(PLine(cells, min(i[2] for i in items), max(i[3] for i in items)))
    lines.sort(key=lambda line: (round(line.top / 4), line.x0))
    return Page(number, page_w, page_h, lines)


def ocr_pdf(data: bytes, pages: list[int] | None = None) -> list[Page]:
    """OCR the pages of a PDF (all, or the 1-based ``pages`` given)."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    out: list[Page] = []
    scale = DPI / 72
    try:
        with tempfile.TemporaryDirectory(prefix="plancorpus-ocr-") as tmp:
            for i in range(len(pdf)):
                if pages and i + 1 not in pages:
                    continue
                page = pdf[i]
                bitmap = page.render(scale=scale, grayscale=True)
                path = os.path.join(tmp, f"page{i + 1}.pgm")
                _pgm(bitmap, path)
                out.append(page_from_tsv(ocr_image(path), i + 1, scale))
                page.close()
    finally:
        pdf.close()
    return out
