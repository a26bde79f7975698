"""Patterns compiled on first use, so that ``import plancorpus`` does not compile them all.

``X = lazy_compile(r"…")`` at a module's top level gives a stand-in that compiles the pattern
the first time one of its methods is used, then puts the compiled pattern in its place in the
module (every global name bound to it), so that later calls go to the pattern directly. A
reference kept elsewhere (a list, another module's import) keeps the compiled pattern's
methods it used, so its calls go almost directly too. A pattern built from data may be given
as a function that returns it: the data is then read on first use too.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Any, cast

import regex


class LazyPattern:
    """A pattern that the regex module compiles the first time it is used."""

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
        value = getattr(self.compiled(), name)
        if callable(value):  # kept: the next look-up finds it without coming here
            self.__dict__[name] = value
        return value

    def __repr__(self) -> str:
        return f"lazy_compile({self.pattern!r})"


def lazy_compile(pattern: str | Callable[[], str], flags: int = 0) -> regex.Pattern[str]:
    """``regex.compile(pattern, flags)``, done on first use (see the module's note);
    ``pattern`` may be a function that returns it."""
    module = sys._getframe(1).f_globals
    return cast("regex.Pattern[str]", LazyPattern(pattern, flags, module))


def matches_at(
    rx: regex.Pattern[str], text: str, starts: Iterable[int], start: int = 0, end: int | None = None
) -> Iterator[regex.Match[str]]:
    """The matches ``rx.finditer(text, start, end)`` gives, when every match can only begin at
    one of ``starts``: tried there only. For patterns slow to scan a whole text with (an
    alternation of words behind look-behinds), whose first word a plain find locates."""
    end = len(text) if end is None else end
    pos = start
    for at in sorted(set(starts)):
        if at >= pos:
            m = rx.match(text, at, end)
            if m:
                yield m
                pos = m.end()


def word_starts(text: str, words: Iterable[str]) -> Iterator[int]:
    """Every offset where one of ``words`` is written in ``text`` (as is: case counts)."""
    for word in words:
        i = text.find(word)
        while i >= 0:
            yield i
            i = text.find(word, i + 1)
