"""The time a document has left (``Limits.max_seconds``), for the regex module's timeout.

The pipeline checks the time between stages; inside a stage, the whole-text pattern scans
(the citations' and the dates') pass :func:`remaining` as the regex module's ``timeout``, so
that a pattern that backtracks on some hostile text stops with a ``TimeoutError`` (the stage
fails with a warning; the plan comes back) instead of running for ever. Outside a parse there
is no deadline and the scans have no timeout.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_DEADLINE: ContextVar[float | None] = ContextVar("plancorpus_deadline", default=None)


def remaining() -> float | None:
    """Seconds left for this document, or None without a deadline."""
    deadline = _DEADLINE.get()
    if deadline is None:
        return None
    return max(0.001, deadline - time.monotonic())


@contextmanager
def deadline(seconds: float | None) -> Iterator[None]:
    """Give the code inside ``seconds`` (None: no deadline)."""
    token = _DEADLINE.set(None if seconds is None else time.monotonic() + seconds)
    try:
        yield
    finally:
        _DEADLINE.reset(token)
