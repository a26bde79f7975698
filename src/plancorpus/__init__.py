"""plancorpus: Vietnamese administrative plans ("Kế hoạch") as typed, comparable objects.

>>> import plancorpus
>>> plan = plancorpus.parse("plan.txt")            # doctest: +SKIP
>>> plan.issuer.value, plan.date.value             # doctest: +SKIP
('Ban Dân tộc tỉnh Cao Bằng', '2022-09-30')

This module is the face: it re-exports the verbs and the model types and defines nothing.
The verbs live in modules named after the pipeline: ``pipeline`` (parse, parse_text),
``extract.citations``, ``corpus`` (load), ``compare.checks`` (check), ``compare.diff``
(compare), ``compare.duplicates`` (near_duplicates), ``report`` (render).

``near_duplicates`` is bound on first use (PEP 562 ``__getattr__``): its module needs numpy,
which would double the time ``import plancorpus`` takes.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

from plancorpus._version import __version__ as __version__
from plancorpus.compare.cascade import Cascade, cascade
from plancorpus.compare.checks import check
from plancorpus.compare.checks import check_citations as check_citations
from plancorpus.compare.diff import compare
from plancorpus.corpus import Corpus, Failure, load
from plancorpus.corpus import citation_matrix as citation_matrix
from plancorpus.corpus import citation_rows as citation_rows
from plancorpus.extract.citations import extract_citations
from plancorpus.model import (
    DIFF_SCHEMA_VERSION,
    SCHEMA_VERSION,
    AuthorityStep,
    Campaign,
    Citation,
    DateMention,
    Finding,
    Furniture,
    Issuer,
    ParseWarning,
    Period,
    Place,
    Plan,
    PlanDiff,
    Recipient,
    Section,
    Signer,
    SigningStamp,
    SourceInfo,
    Span,
    TextField,
)
from plancorpus.model.limits import Limits
from plancorpus.pipeline import STAGES as STAGES
from plancorpus.pipeline import parse, parse_text
from plancorpus.pipeline import parse_bytes as parse_bytes
from plancorpus.pipeline import run as run
from plancorpus.read import read_bytes as read_bytes
from plancorpus.read import read_file as read_file
from plancorpus.report import render

if TYPE_CHECKING:
    from plancorpus.compare.duplicates import near_duplicates

# names bound on first use, and the module each comes from
_LAZY = {"near_duplicates": "plancorpus.compare.duplicates"}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module 'plancorpus' has no attribute {name!r}")
    value = getattr(import_module(_LAZY[name]), name)
    globals()[name] = value
    return value


# the verbs and the types; the rest (STAGES, run, read_file, the table helpers, the
# deprecated names) stays importable from here without being advertised
__all__ = [
    "DIFF_SCHEMA_VERSION",
    "SCHEMA_VERSION",
    "AuthorityStep",
    "Campaign",
    "Cascade",
    "Citation",
    "Corpus",
    "DateMention",
    "Failure",
    "Finding",
    "Furniture",
    "Issuer",
    "Limits",
    "ParseWarning",
    "Period",
    "Place",
    "Plan",
    "PlanDiff",
    "Recipient",
    "Section",
    "Signer",
    "SigningStamp",
    "SourceInfo",
    "Span",
    "TextField",
    "cascade",
    "check",
    "compare",
    "extract_citations",
    "load",
    "near_duplicates",
    "parse",
    "parse_text",
    "render",
]
