"""Many plans: load a folder (every file ends as a plan or a recorded failure), then tables."""

from plancorpus.corpus.load import Corpus, Failure, expand, load, stderr_progress
from plancorpus.corpus.tables import CITATION_COLUMNS, citation_matrix, citation_row, citation_rows

__all__ = [
    "CITATION_COLUMNS",
    "Corpus",
    "Failure",
    "citation_matrix",
    "citation_row",
    "citation_rows",
    "expand",
    "load",
    "stderr_progress",
]
