"""How a model shows itself in Jupyter, without the model importing a renderer.

A renderer module registers a function for a type (``report`` does so when it is imported,
which ``import plancorpus`` does); ``_repr_html_`` on the model asks this registry. No
renderer registered: no HTML, and Jupyter shows the plain repr."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

_HTML: dict[type, Callable[[Any], str]] = {}


def register_html(kind: type, render: Callable[[Any], str]) -> None:
    _HTML[kind] = render


def html_of(obj: object) -> str | None:
    for kind in type(obj).__mro__:
        if kind in _HTML:
            return _HTML[kind](obj)
    return None
