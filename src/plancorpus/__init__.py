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
    Issuer,
    ParseWarning,
    Period,
    Plan,
    Recipient,
    Section,
    Signer,
    SourceInfo,
    Span,
    TextField,
)
from .pipeline import STAGES, run
from .reader import load as load_file

__all__ = [
    "SCHEMA_VERSION",
    "STAGES",
    "AuthorityStep",
    "Campaign",
    "Citation",
    "Corpus",
    "DateMention",
    "Finding",
    "Issuer",
    "ParseWarning",
    "Period",
    "Plan",
    "Recipient",
    "Section",
    "Signer",
    "SourceInfo",
    "Span",
    "TextField",
    "check_citations",
    "citation_matrix",
    "citation_rows",
    "extract_citations",
    "load",
    "parse",
    "parse_text",
]

__version__ = "0.1.0"


def parse(path: str | Path) -> Plan:
    """Read a document file into a :class:`Plan`.

    Odd content never raises: the plan's ``status`` and ``warnings`` say what was not
    understood. A missing or unreadable file raises an ``OSError`` that names the file.
    """
    loaded = load_file(path)
    return run(
        loaded.text,
        source=str(path),
        info=loaded.info,
        legacy_suspect=loaded.legacy_suspect,
        notes=loaded.notes,
    )


def parse_text(text: str, source: str = "<text>") -> Plan:
    """Parse a document given as a string."""
    return run(text, source=source)
