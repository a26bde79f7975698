"""plancorpus: Vietnamese administrative plans ("Kế hoạch") as typed, comparable objects.

>>> import plancorpus
>>> plan = plancorpus.parse("plan.txt")            # doctest: +SKIP
>>> plan.issuer.value, plan.date.value             # doctest: +SKIP
('Ban Dân tộc tỉnh Cao Bằng', '2022-09-30')
"""

from __future__ import annotations

from pathlib import Path

from .checks import Finding, check_citations
from .citations import extract_citations
from .corpus import Corpus, citation_matrix, citation_rows, load
from .models import (
    SCHEMA_VERSION,
    AuthorityStep,
    Campaign,
    Citation,
    DateMention,
    Furniture,
    Issuer,
    ParseWarning,
    Period,
    Plan,
    Recipient,
    Section,
    Signer,
    SigningStamp,
    SourceInfo,
    Span,
    TextField,
)
from .pipeline import STAGES, run
from .readers import read_bytes, read_file

__all__ = [
    "SCHEMA_VERSION",
    "STAGES",
    "AuthorityStep",
    "Campaign",
    "Citation",
    "Corpus",
    "DateMention",
    "Finding",
    "Furniture",
    "Issuer",
    "ParseWarning",
    "Period",
    "Plan",
    "Recipient",
    "Section",
    "Signer",
    "SigningStamp",
    "SourceInfo",
    "Span",
    "TextField",
    "check_citations",
    "citation_matrix",
    "citation_rows",
    "extract_citations",
    "load",
    "parse",
    "parse_bytes",
    "parse_text",
]

__version__ = "0.1.0"


def parse(path: str | Path, backend: str = "pdfium", ocr: bool | None = None) -> Plan:
    """Read a document file (text, PDF, DOCX, Word 97 .doc, HTML) into a :class:`Plan`.

    ``backend`` picks the PDF text back-end: "pdfium" (fast, the default) or "pdfplumber".
    ``ocr`` turns OCR of scanned PDFs on or off; by default scans are OCRed when Tesseract
    with its Vietnamese model is installed.

    Odd content never raises: the plan's ``status`` and ``warnings`` say what was not
    understood. A missing or unreadable file raises an ``OSError`` that names the file.
    """
    extracted = read_file(path, backend=backend, ocr=ocr)
    return run(extracted.text, source=str(path), extracted=extracted)


def parse_bytes(
    data: bytes, source: str = "<bytes>", backend: str = "pdfium", ocr: bool | None = None
) -> Plan:
    """Parse a document given as bytes (any supported format)."""
    extracted = read_bytes(data, path=None, backend=backend, ocr=ocr)
    return run(extracted.text, source=source, extracted=extracted)


def parse_text(text: str, source: str = "<text>") -> Plan:
    """Parse a document given as a string."""
    return run(text, source=source)
