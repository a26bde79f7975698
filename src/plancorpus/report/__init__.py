"""Output for people: renderers that read the model and nothing else."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

from plancorpus.model.plan import Plan
from plancorpus.report.summary import render as render_summary

Format = Literal["text", "json"]


def render(obj: BaseModel, to: Format = "text") -> str:
    """``obj`` written for a reader: ``"text"`` (the terminal summary of a :class:`Plan`) or
    ``"json"`` (any model, indented)."""
    if to == "json":
        return obj.model_dump_json(indent=2)
    if to == "text" and isinstance(obj, Plan):
        return render_summary(obj)
    raise ValueError(f"cannot render {type(obj).__name__} as {to!r}: use 'text' (Plan) or 'json'")
