"""Patterns compiled on first use, so that ``import plancorpus`` does not compile them all.

``X = lazy_compile(r"…")`` at a module's top level gives a stand-in that compiles the pattern
the first time one of its methods is used, then puts the compiled pattern in its place in the
module (every global name bound to it), so that later calls go to the pattern directly. A
reference kept elsewhere (a list, another module's import) still works: it asks the
compiled pattern each time. A pattern built from data may be given as a function that
returns it: the data is then read on first use too.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any, cast

import regex


class LazyPattern:
    """A pattern that the regex module compiles the first time it is used."""

    __slots__ = ("_compiled", "_flags", "_module", "_source")

    def __init__(self, source: str | Callable[[], str], flags: int, module: dict[str, Any]) -> None:
        self._source = source
        self._flags = flags
        self._module = module
        self._compiled: regex.Pattern[str] | None = None

    @property
    def pattern(self) -> str:
        return self._source if isinstance(self._source, str) else self._source()

    def compiled(self) -> regex.Pattern[str]:
        if self._compiled is None:
            self._compiled = regex.compile(self.pattern, self._flags)
            for name, value in list(self._module.items()):
                if value is self:
                    self._module[name] = self._compiled
        return self._compiled

    def __getattr__(self, name: str) -> Any:
        return getattr(self.compiled(), name)

    def __repr__(self) -> str:
        return f"lazy_compile({self.pattern!r})"


def lazy_compile(pattern: str | Callable[[], str], flags: int = 0) -> regex.Pattern[str]:
    """``regex.compile(pattern, flags)``, done on first use (see the module's note);
    ``pattern`` may be a function that returns it."""
    module = sys._getframe(1).f_globals
    return cast("regex.Pattern[str]", LazyPattern(pattern, flags, module))
