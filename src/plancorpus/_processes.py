"""How worker processes are started, for the corpus run and the sketch index alike."""

from __future__ import annotations

import multiprocessing
import sys
from multiprocessing.context import BaseContext
from pathlib import Path


def process_context() -> BaseContext:
    """A fork server where it can work: workers then start small, without the parent's
    memory. It re-imports the main module, so a program read from stdin (no file to import)
    gets plain fork instead."""
    main = getattr(sys.modules.get("__main__"), "__file__", None)
    if main is not None and not Path(main).is_file():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("forkserver")
