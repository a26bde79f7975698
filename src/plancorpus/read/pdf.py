"""PDF: text layers through pypdfium2 (default) or pdfplumber, scans through OCR.

pdfium's own text gives lines in content order and already drops the second copy of
fake-bold glyphs. Where it joins two columns of one row ("Nơi nhận: KT. TRƯỞNG BAN"), it puts
a generated space between them: only there do we ask for character boxes, so the cost stays
near that of plain extraction. Annotations (the e-signature stamp, a number and a day stamped
by an e-office system) are flattened into the page, and their text is put back on the line
it was stamped on.
"""

from __future__ import annotations

import ctypes
import io
from bisect import bisect_right
from typing import Any

import plancorpus.read.ocr as ocr_module
from plancorpus.model.limits import DEFAULT_LIMITS, Limits
from plancorpus.model.plan import SourceInfo
from plancorpus.read.base import (
    Extracted,
    OverLimit,
    ReadStatus,
    error_detail,
    legacy_repaired,
    refused,
)
from plancorpus.read.decode import reads_as_legacy
from plancorpus.read.pages import Page, PCell, PLine, assemble
from plancorpus.text.textmap import MappedText

COLUMN_GAP = 18.0  # points: a wider gap between two runs on one line separates cells
BACKENDS = ("pdfium", "pdfplumber")


def read_pdf(
    data: bytes, backend: str = "pdfium", ocr: bool | None = None, limits: Limits = DEFAULT_LIMITS
) -> Extracted:
    info = SourceInfo(format="pdf", backend=backend)
    notes: list[tuple[str, str]] = []
    start = data.find(b"%PDF-")
    if start > 0:
        notes.append(("junk_before_pdf", f"{start} bytes before %PDF- were skipped"))
        data = data[start:]
    if backend not in BACKENDS:
        raise ValueError(f"unknown PDF backend {backend!r}: use 'pdfium' or 'pdfplumber'")
    read_pages = _pdfium_pages if backend == "pdfium" else _pdfplumber_pages
    try:
        pages, scanned_hint = read_pages(data, limits, notes)
    except _ReadFailure as exc:
        return refused(info, exc.status, exc.code, exc.message, notes)
    info.pages = len(pages)
    status: ReadStatus = "ok"
    if scanned_hint and _letters(pages) < 40 * max(1, len(pages)):
        use_ocr = ocr if ocr is not None else ocr_module.available()
        if use_ocr and ocr_module.available():
            ocr_pages = ocr_module.ocr_pdf(data)
            _keep_stamps(pages, ocr_pages)
            pages = ocr_pages
            info.ocr = True
            notes.append(("ocr", f"no text layer: {len(pages)} pages read by OCR (Tesseract, vie)"))
        else:
            status = "scanned"
            why = ocr_module.missing_reason() if use_ocr is not False else "OCR was turned off"
            notes.append(("scanned", f"scanned: needs OCR ({why})"))
    assembled = assemble(pages)
    # OCR gives Unicode: only a text layer can hold legacy-encoded text
    if info.ocr:
        mapped = MappedText.identity(assembled.text)
    else:
        mapped, legacy_notes = legacy_repaired(assembled.text, info)
        notes.extend(legacy_notes)
    out = Extracted(
        text=mapped,
        info=info,
        page_starts=assembled.page_starts,
        furniture=assembled.furniture,
        signing=assembled.signing,
        notes=notes,
        status=status,
    )
    out.legacy_suspect = reads_as_legacy(mapped.text)
    return out


def _letters(pages: list[Page]) -> int:
    return sum(ch.isalpha() for p in pages for line in p.lines for ch in line.text)


def _keep_stamps(text_pages: list[Page], ocr_pages: list[Page]) -> None:
    """The e-signature stamp lives in the text layer of a scan: keep it beside the OCR text."""
    for tp, op in zip(text_pages, ocr_pages, strict=False):
        op.lines.extend(tp.lines)


class _ReadFailure(Exception):
    def __init__(self, status: ReadStatus, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


# --- pdfium -------------------------------------------------------------------------------------


def _check_pages(count: int, limits: Limits) -> None:
    if count == 0:
        raise _ReadFailure("damaged", "damaged_pdf", "the PDF has no pages")
    why = limits.over("max_pages", count)
    if why:
        raise OverLimit(f"the PDF's pages: {why}")


def _bad_page(notes: list[tuple[str, str]], number: int, exc: Exception) -> Page:
    """An empty page in place of one that would not load; the plan's warnings say which."""
    notes.append(("damaged_page", f"page {number} cannot be read ({type(exc).__name__}: {exc})"))
    return Page(number, 0.0, 0.0, [])


def _pdfium_pages(
    data: bytes, limits: Limits, notes: list[tuple[str, str]]
) -> tuple[list[Page], bool]:
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code in (raw.FPDF_ERR_PASSWORD, raw.FPDF_ERR_SECURITY):
            raise _ReadFailure("encrypted", "encrypted", "encrypted: a password is needed") from exc
        raise _ReadFailure("damaged", "damaged_pdf", f"the PDF cannot be read: {exc}") from exc
    try:
        _check_pages(len(pdf), limits)
        pages: list[Page] = []
        images = 0
        for i in range(len(pdf)):
            try:
                page, has_images = _pdfium_page(pdf, i)
            except pdfium.PdfiumError as exc:
                page, has_images = _bad_page(notes, i + 1, exc), False
            pages.append(page)
            images += has_images
        return pages, images > 0
    finally:
        pdf.close()


def _pdfium_page(pdf: Any, i: int) -> tuple[Page, bool]:
    """Page ``i``'s lines, and whether a page without letters holds images (a scan)."""
    import pypdfium2.raw as raw

    page = pdf[i]
    width, height = page.get_size()
    before = None
    if raw.FPDFPage_GetAnnotCount(page.raw) > 0:
        tp0 = page.get_textpage()
        before = tp0.count_chars()
        tp0.close()
        raw.FPDFPage_Flatten(page.raw, raw.FLAT_NORMALDISPLAY)
        page.close()
        page = pdf[i]
    tp = page.get_textpage()
    lines = _pdfium_lines(tp, height, before)
    images = False
    if not any(ch.isalpha() for line in lines for ch in line.text):
        images = any(True for _ in page.get_objects(filter=(raw.FPDF_PAGEOBJ_IMAGE,), max_depth=2))
    tp.close()
    page.close()
    return Page(i + 1, width, height, lines), images


class _Boxes:
    """Character boxes from a pdfium text page, asked for one at a time."""

    def __init__(self, tp: Any, height: float) -> None:
        import pypdfium2.raw as raw

        self.raw, self.tp, self.height = raw, tp.raw, height
        self.l, self.r, self.b, self.t = (ctypes.c_double() for _ in range(4))

    def box(self, i: int) -> tuple[float, float, float, float]:
        """(x0, x1, top, bottom) with top measured down from the top of the page."""
        self.raw.FPDFText_GetCharBox(self.tp, i, self.l, self.r, self.b, self.t)
        return self.l.value, self.r.value, self.height - self.t.value, self.height - self.b.value

    def font_size(self, i: int) -> float:
        return float(self.raw.FPDFText_GetFontSize(self.tp, i))

    def generated(self, i: int) -> bool:
        return bool(self.raw.FPDFText_IsGenerated(self.tp, i) == 1)


def _segments(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line of pdfium's text, without its line break."""
    out = []
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl
        stop = end - 1 if end > pos and text[end - 1] == "\r" else end
        out.append((pos, stop))
        if nl < 0:
            break
        pos = nl + 1
    return out


Located = tuple[PLine, list[tuple[int, int]]]  # a line and the character range of each cell


def _pdfium_lines(tp: Any, height: float, before: int | None) -> list[PLine]:
    n = tp.count_chars()
    # pdfium writes U+FFFE for a hyphen glyph it cannot map ("QĐ\ufffeUBND", "22\ufffe")
    text = tp.get_text_range().replace("\ufffe", "-")
    if len(text) != n:  # characters outside the BMP: no index-to-text map, no geometry
        return [
            PLine([PCell(t.strip(), 0.0, 0.0)], k, k + 1)
            for k, t in enumerate(text.replace("\r", "").split("\n"))
            if t.strip()
        ]
    boxes = _Boxes(tp, height)
    limit = n if before is None else before
    lines: list[Located] = []
    stamped: list[Located] = []
    segments = []
    for a, b in _segments(text):
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            first, last = boxes.box(a), boxes.box(b - 1)
            segments.append((a, b, first, last))
    # the page's own measure: width per character of its lines (median)
    ratios = sorted((last[1] - first[0]) / (b - a) for a, b, first, last in segments if b - a > 20)
    per_char = ratios[len(ratios) // 2] if ratios else 0.0
    for a, b, first, last in segments:
        for located in _cut(text, a, b, boxes, first, last, per_char):
            # text of a flattened annotation comes after the page's own text
            (stamped if located[1][0][0] >= limit else lines).append(located)
    for row, _ in stamped:
        for cell in row.cells:
            _place(cell, row, lines, boxes, text)
    return [line for line, _ in lines]


Box = tuple[float, float, float, float]


def _cut(
    text: str, a: int, b: int, boxes: _Boxes, first: Box, last: Box, per_char: float
) -> list[Located]:
    """One line of pdfium's text as positioned cells. Where pdfium put a space of its own, the
    characters on either side may be far apart (two columns of one row: a new cell) or on
    different rows (a line break pdfium missed: a new line). Only lines wider than their
    characters need (by the page's own measure) or changing rows are searched."""
    rows: list[list[tuple[int, int]]] = [[]]
    start = a
    size = max(1.0, boxes.font_size(a))
    one_row = abs(last[2] - first[2]) < 0.5 * size
    plain = one_row and per_char > 0 and (last[1] - first[0]) < 1.15 * per_char * (b - a) + 8
    for k in range(a + 1, b - 1) if not plain else ():
        if text[k] != " " or not boxes.generated(k):
            continue
        left, right = boxes.box(k - 1), boxes.box(k + 1)
        size = max(1.0, left[3] - left[2])
        if right[2] > left[3] - 0.2 * size or right[3] < left[2] + 0.2 * size:
            rows[-1].append((start, k))
            rows.append([])
            start = k + 1
        elif right[0] - left[1] > max(COLUMN_GAP, 2.0 * size):
            rows[-1].append((start, k))
            start = k + 1
    rows[-1].append((start, b))
    out: list[Located] = []
    for ranges in rows:
        cells = []
        top, bottom = float("inf"), float("-inf")
        for s, e in ranges:
            first, last = boxes.box(s), boxes.box(e - 1)
            cells.append(PCell(text[s:e].strip(), first[0], last[1]))
            top, bottom = min(top, first[2]), max(bottom, first[3])
        out.append((PLine(cells, top, bottom), ranges))
    return out


def _place(frag: PCell, row: PLine, lines: list[Located], boxes: _Boxes, text: str) -> None:
    """Put stamped text back on the line it was stamped on, at its position."""
    mid = (row.top + row.bottom) / 2
    for line, ranges in lines:
        if not (line.top - 2 <= mid <= line.bottom + 2):
            continue
        for cell, (s, e) in zip(line.cells, ranges, strict=True):
            if cell.x0 - 4 <= frag.x0 <= cell.x1 + 40:
                xs = [boxes.box(i)[0] for i in range(s, e)]
                k = bisect_right(xs, frag.x0)
                before, after = text[s : s + k].rstrip(), text[s + k : e].lstrip()
                glue = "" if after[:1] in "/-–" else " "
                cell.text = f"{before} {frag.text}{glue}{after}".strip()
                return
    lines.append((PLine([frag], row.top, row.bottom), [(0, 0)]))
    lines.sort(key=lambda item: item[0].top)


# --- pdfplumber ---------------------------------------------------------------------------------


def _pdfplumber_pages(
    data: bytes, limits: Limits, notes: list[tuple[str, str]]
) -> tuple[list[Page], bool]:
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        count = len(pdf.pages)
    except Exception as exc:  # pdfminer raises many kinds for a broken file
        root = _root_cause(exc)
        if isinstance(root, PDFPasswordIncorrect) or "encrypt" in error_detail(root).lower():
            raise _ReadFailure("encrypted", "encrypted", "encrypted: a password is needed") from exc
        raise _ReadFailure(
            "damaged", "damaged_pdf", f"the PDF cannot be read ({error_detail(root)})"
        ) from exc
    pages: list[Page] = []
    images = 0
    with pdf:
        _check_pages(count, limits)
        for n, page in enumerate(pdf.pages, 1):
            try:
                lines = _plumber_lines(page.dedupe_chars().chars)
                images += not lines and bool(page.images)
                pages.append(Page(n, float(page.width), float(page.height), lines))
            except Exception as exc:  # pdfminer fails on a broken page: keep the others
                pages.append(_bad_page(notes, n, exc))
    return pages, images > 0


def _root_cause(exc: BaseException) -> BaseException:
    """The exception a wrapper carries (pdfplumber wraps pdfminer's in its own, as its
    argument, so that the wrapper's message is empty)."""
    for _ in range(10):
        inner = next((a for a in exc.args if isinstance(a, BaseException)), None)
        inner = inner or exc.__cause__
        if inner is None:
            break
        exc = inner
    return exc


def _plumber_lines(chars: list[dict[str, Any]]) -> list[PLine]:
    rows: list[list[dict[str, Any]]] = []
    for ch in sorted(chars, key=lambda c: (round(c["top"]), c["x0"])):
        if rows and abs(rows[-1][0]["top"] - ch["top"]) <= 2.5:
            rows[-1].append(ch)
        else:
            rows.append([ch])
    out: list[PLine] = []
    for row in rows:
        row.sort(key=lambda c: c["x0"])
        cells: list[PCell] = []
        buf = ""
        cx0 = row[0]["x0"]
        prev = None
        for ch in row:
            if prev is not None:
                gap = ch["x0"] - prev["x1"]
                size = prev["bottom"] - prev["top"]
                if gap > max(COLUMN_GAP, 2.0 * size):
                    cells.append(PCell(buf.strip(), cx0, prev["x1"]))
                    buf, cx0 = "", ch["x0"]
                elif gap > 0.2 * size and not buf.endswith(" ") and ch["text"] != " ":
                    buf += " "
            buf += ch["text"]
            prev = ch
        if prev is not None:
            cells.append(PCell(buf.strip(), cx0, prev["x1"]))
        cells = [c for c in cells if c.text]
        if cells:
            out.append(PLine(cells, min(c["top"] for c in row), max(c["bottom"] for c in row)))
    return out
