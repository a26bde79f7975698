"""Render a text plan to PDF and DOCX at test time, the way real files are made.

- PDF (fpdf2 and a font with Vietnamese glyphs): lines top to bottom; a line holding two
  columns ("Nơi nhận:        KT. GIÁM ĐỐC") is drawn row by row, its right cell at the middle
  of the page; the document-type line is drawn twice with a small offset (fake bold); page
  numbers at the foot of each page and a running header from page 2.
- DOCX (written by hand, a minimal WordprocessingML package): paragraphs, and the two-column
  blocks as borderless two-column tables, as Word users make them.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from plancorpus.segment.lines import cells, split_lines

FONTS = [
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"),
]


def font_path() -> Path:
    for path in FONTS:
        if path.exists():
            return path
    pytest.skip("no font with Vietnamese glyphs (Debian fonts-dejavu-core; ./setup.sh installs it)")


def rows(text: str) -> list[list[str]]:
    """The plan's lines as rows of one or two cells; a line indented far to the right (a
    signer's name) is a row with only a right cell."""
    out = []
    for line in split_lines(text):
        found = [c.text for c in cells(line, after_punct=False)]
        if len(found) >= 2:
            out.append([found[0], " ".join(found[1:])])
        elif found and line.indent >= 40:
            out.append(["", found[0]])
        else:
            out.append([line.text.strip()])
    return out


def to_pdf(text: str, path: Path, size: float = 9.5, header: str | None = "Kế hoạch mẫu") -> Path:
    from fpdf import FPDF

    pdf = FPDF(format="A4", unit="pt")
    pdf.set_auto_page_break(False)
    pdf.add_font("V", "", str(font_path()))
    pdf.set_font("V", size=size)
    left, middle, top, bottom = 56.0, 320.0, 70.0, 780.0
    y = top
    page = 0

    def new_page() -> float:
        nonlocal page
        pdf.add_page()
        page += 1
        if header and page > 1:
            pdf.text(left, 40, header)
        pdf.text(290, 820, str(page))
        return top

    y = new_page()
    for row in rows(text):
        if y > bottom:
            y = new_page()
        if row == [""]:
            y += size * 0.8
            continue
        if len(row) == 1 and row[0] == "KẾ HOẠCH":
            for dx in (0.0, 0.35):  # fake bold: the same glyphs drawn twice
                pdf.text(260 + dx, y, row[0])
        else:
            if row[0]:
                pdf.text(left, y, row[0])
            if len(row) == 2:
                pdf.text(middle, y, row[1])
        y += size * 1.6
    pdf.output(str(path))
    return path


def _para(text: str, bold: bool = False) -> str:
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:p><w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def _table(block: list[list[str]]) -> str:
    trs = []
    for row in block:
        cells_xml = "".join(
            f'<w:tc><w:tcPr><w:tcW w:w="4500" w:type="dxa"/></w:tcPr>{_para(c)}</w:tc>'
            for c in [*row, ""][:2]
        )
        trs.append(f"<w:tr>{cells_xml}</w:tr>")
    grid = '<w:tblGrid><w:gridCol w:w="4500"/><w:gridCol w:w="4500"/></w:tblGrid>'
    return f'<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>{grid}{"".join(trs)}</w:tbl>'


def to_docx(text: str, path: Path) -> Path:
    """Paragraphs, and runs of lines that hold two columns as two-column tables (the lines of
    such a block that hold only a left or a right cell go in the same table)."""
    body: list[str] = []
    block: list[list[str]] = []
    all_rows = rows(text)
    for k, row in enumerate(all_rows):
        near_pair = any(len(r) == 2 for r in all_rows[k : k + 3]) or any(
            len(r) == 2 for r in all_rows[max(0, k - 2) : k]
        )
        if len(row) == 2 or (block and near_pair and row != [""]):
            block.append(row)
            continue
        if block:
            body.append(_table(block))
            block = []
        body.append(_para(row[0], bold=row[0] == "KẾ HOẠCH"))
    if block:
        body.append(_table(block))
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = (
        f'<?xml version="1.0" encoding="UTF-8"?><w:document {ns}>'
        f"<w:body>{''.join(body)}</w:body></w:document>"
    )
    content_types = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.wordprocessingml.document.main+xml"/></Types>'
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", content_types)
        zf.writestr("_rels/.rels", rels)
        zf.writestr("word/document.xml", document)
    return path


def locked_pdf(path: Path) -> Path:
    """A one-page PDF that needs a password to open."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_encryption(owner_password="owner", user_password="secret")
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.text(20, 20, "secret plan")
    pdf.output(str(path))
    return path
