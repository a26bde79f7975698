"""Output for people: renderers that read the model and nothing else."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

from pydantic import BaseModel

from plancorpus.model.diff import PlanDiff
from plancorpus.model.display import register_html
from plancorpus.model.plan import Plan
from plancorpus.report.html import diff_to_html
from plancorpus.report.markdown import diff_to_markdown
from plancorpus.report.plan_html import plan_to_html
from plancorpus.report.summary import render as render_summary

Format = Literal["text", "markdown", "html", "json"]


def _diff_terminal(diff: PlanDiff) -> str:
    from plancorpus.report.terminal import diff_to_terminal  # rich loads on first use

    return diff_to_terminal(diff)


def _plan_markdown(plan: Plan) -> str:
    return f"```text\n{render_summary(plan)}\n```\n"


RENDERERS: dict[tuple[type[BaseModel], str], Callable[[Any], str]] = {
    (Plan, "text"): render_summary,
    (Plan, "markdown"): _plan_markdown,
    (Plan, "html"): plan_to_html,
    (PlanDiff, "text"): _diff_terminal,
    (PlanDiff, "markdown"): diff_to_markdown,
    (PlanDiff, "html"): diff_to_html,
}


def render(obj: BaseModel, to: Format = "text") -> str:
    """``obj`` written for a reader. A :class:`PlanDiff`: ``"text"`` (plain terminal layout),
    ``"markdown"``, ``"html"`` (one self-contained page) or ``"json"``; a :class:`Plan`:
    ``"text"`` (the terminal summary), ``"markdown"`` or ``"json"``; any model: ``"json"``."""
    if to == "json":
        return obj.model_dump_json(indent=2)
    renderer = RENDERERS.get((type(obj), to))
    if renderer is None:
        known = [*sorted(f for t, f in RENDERERS if isinstance(obj, t)), "json"]
        raise ValueError(f"cannot render {type(obj).__name__} as {to!r}: use one of {known}")
    return renderer(obj)


# what Jupyter shows for a plan or a diff (see plancorpus.model.display)
register_html(Plan, plan_to_html)
register_html(PlanDiff, diff_to_html)
