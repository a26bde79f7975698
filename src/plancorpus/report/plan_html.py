"""A plan as a compact HTML block for Jupyter: header fields, counts, outline, warnings."""

from __future__ import annotations

from html import escape

from plancorpus.model.plan import Plan, TextField

_STYLE = (
    "font-family: 'DejaVu Sans', sans-serif; font-size: 13px; line-height: 1.4;"
    " border-left: 3px solid #3b6ea8; padding: 4px 10px"
)


def _cell(f: TextField | None) -> str:
    if f is None:
        return "<i>—</i>"
    return escape(f.value) if f.value is not None else f"<i>blank</i> ({escape(f.raw)})"


def plan_to_html(plan: Plan, max_outline: int = 30) -> str:
    period = f"{plan.period.start} .. {plan.period.end}" if plan.period else "—"
    campaign = next((c.name for c in plan.campaigns if c.in_title), None)
    date = escape(plan.date.value or "") if plan.date else "—"
    fields = [
        ("type", _cell(plan.doc_type)),
        ("number", f"{_cell(plan.number)} / {_cell(plan.symbol)}"),
        ("issuer", _cell(plan.issuer)),
        ("place, date", f"{_cell(plan.place)}, {date}"),
        ("title", _cell(plan.title)),
        ("campaign", escape(campaign) if campaign else "—"),
        ("period", escape(period)),
        ("counts", f"{len(plan.all_sections())} sections · {len(plan.citations)} citations · "
                   f"{len(plan.signers)} signers · {len(plan.recipients)} recipients"),
    ]  # fmt: skip
    rows = "".join(f"<tr><th style='text-align:left'>{k}</th><td>{v}</td></tr>" for k, v in fields)
    outline = "".join(
        f"<li>{escape(path)} {escape(heading[:90])}</li>"
        for path, heading in plan.outline()[:max_outline]
    )
    warnings = "; ".join(escape(w.code) for w in plan.warnings) or "none"
    return (
        f'<div style="{_STYLE}"><b>{escape(plan.source)}</b> '
        f"<span>[{escape(plan.status)}]</span><table>{rows}</table>"
        f"<details><summary>outline</summary><ul>{outline}</ul></details>"
        f"<div>warnings: {warnings}</div></div>"
    )
