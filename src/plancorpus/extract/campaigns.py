"""Campaign names: quoted movements ("phong trào thi đua “Vì người nghèo – …”").

A quotation is a campaign when "phong trào", "cuộc vận động" (or a list of them after
"phát động:") comes just before it; "danh hiệu “…”" (a title of merit) is not. Quotes may open
with ‘ and close with ”, and a name may wrap over lines.
"""

from __future__ import annotations

from plancorpus.data import patterns
from plancorpus.model.plan import Campaign, Span
from plancorpus.text.lazyregex import lazy_compile
from plancorpus.text.vietnamese import collapse_spaces, compare_key

_QUOTED = lazy_compile(r"[“‘\"](?P<c>[^“”\"\n]{2,200}(?:\n[^“”\"\n]{0,200}){0,2}?)[”’\"]")


# the cue words are data (patterns.toml, campaign_cues), read on first use
def _trigger() -> str:
    cues = patterns.campaign_cues()
    return (
        rf"(?i)(?:{patterns.phrase_alternation(cues.cues)})"
        rf"(?:\s+(?:{patterns.phrase_alternation(cues.qualifiers)}))*\s*:?\s*$"
    )


def _title_of_merit() -> str:
    return rf"(?i)(?:{patterns.phrase_alternation(patterns.campaign_cues().not_before)})\s*$"


_TRIGGER = lazy_compile(_trigger)
_LIST_GLUE = lazy_compile(r"^\s*[;,]?\s*(?:và\s+)?$")
_TITLE_OF_MERIT = lazy_compile(_title_of_merit)


def find_campaigns(text: str, title_span: Span | None = None) -> list[Campaign]:
    found: dict[str, Campaign] = {}
    prev_end = -1
    for m in _QUOTED.finditer(text):
        before = text[max(0, m.start() - 60) : m.start()]
        glued = prev_end >= 0 and _LIST_GLUE.match(text[prev_end : m.start()]) is not None
        if _TITLE_OF_MERIT.search(before) or not (_TRIGGER.search(before) or glued):
            prev_end = -1
            continue
        name = collapse_spaces(m.group("c"))
        span = Span(start=m.start(), end=m.end())
        in_title = bool(title_span and title_span.start <= m.start() < title_span.end)
        key = compare_key(name)
        if key in found:
            if in_title and not found[key].in_title:
                found[key] = found[key].model_copy(update={"in_title": True})
        else:
            found[key] = Campaign(name=name, raw=m.group(0), span=span, in_title=in_title)
        prev_end = m.end()
    # the plan's own campaign (in its title) first, then the rest in reading order
    return sorted(found.values(), key=lambda c: (not c.in_title, c.span.start))
