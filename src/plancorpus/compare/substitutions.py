"""Replacements made consistently across a pair of plans: "2022" → "2023" in seven places,
one campaign's name → another's, one agency → another. Said once and counted, they let the
remaining edits stand out.

Sources: the replacements of the inline diffs of aligned sections, and the title. A year pair
is counted inside longer replacements too ("năm 2022" → "năm 2023"). A pair made at least
twice is a substitution; so is the pair of the two plans' own campaigns when their titles
name different ones.
"""

from __future__ import annotations

from collections import Counter

from plancorpus.compare.words import inline_diff
from plancorpus.model.diff import PlanDiff, Substitution
from plancorpus.model.plan import Plan
from plancorpus.segment.cues import find_head
from plancorpus.text.lazyregex import lazy_compile
from plancorpus.text.vietnamese import compare_key

_YEAR = lazy_compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_EDGE = ' \t\n,;:.“”"‘’()-–'
MIN_COUNT = 2


def _replacements(a: Plan, b: Plan, diff: PlanDiff) -> list[tuple[str, str]]:
    pairs = [
        (op.a.strip(_EDGE), op.b.strip(_EDGE))
        for change in diff.sections
        for op in change.ops
        if op.op == "replace"
    ]
    if a.title and b.title and a.title.value and b.title.value:
        ops, _ = inline_diff(a.title.value, b.title.value, diff.options)
        pairs += [(op.a.strip(_EDGE), op.b.strip(_EDGE)) for op in ops if op.op == "replace"]
    return [(x, y) for x, y in pairs if x and y]


def _years(pairs: list[tuple[str, str]]) -> Counter[tuple[str, str]]:
    found: Counter[tuple[str, str]] = Counter()
    for x, y in pairs:
        ya, yb = _YEAR.findall(x), _YEAR.findall(y)
        if ya and len(ya) == len(yb):
            found.update((p, q) for p, q in zip(ya, yb, strict=True) if p != q)
    return found


def _campaign(a: Plan, b: Plan) -> tuple[str, str] | None:
    ca = next((c.name for c in a.campaigns if c.in_title), None)
    cb = next((c.name for c in b.campaigns if c.in_title), None)
    if ca and cb and compare_key(ca) != compare_key(cb):
        return ca, cb
    return None


def _kind(x: str, y: str, campaigns: tuple[str, str] | None) -> str:
    if _YEAR.fullmatch(x) and _YEAR.fullmatch(y):
        return "year"
    if campaigns and (compare_key(x), compare_key(y)) == tuple(map(compare_key, campaigns)):
        return "campaign"
    if find_head(x) and find_head(y):
        return "agency"
    return "phrase"


def _count_campaign(text_pairs: list[tuple[str, str]], campaigns: tuple[str, str]) -> int:
    ka, kb = (compare_key(c) for c in campaigns)
    return sum(1 for x, y in text_pairs if ka in compare_key(x) and kb in compare_key(y))


def substitutions(a: Plan, b: Plan, diff: PlanDiff) -> list[Substitution]:
    pairs = _replacements(a, b, diff)
    counts: Counter[tuple[str, str]] = Counter(
        (x, y) for x, y in pairs if not (_YEAR.fullmatch(x) and _YEAR.fullmatch(y))
    )
    counts.update(_years(pairs))
    campaigns = _campaign(a, b)
    out: dict[tuple[str, str], Substitution] = {}
    if campaigns:
        n = max(1, _count_campaign(pairs, campaigns))
        out[campaigns] = Substitution(a=campaigns[0], b=campaigns[1], count=n, kind="campaign")
    for (x, y), n in counts.most_common():
        if n >= MIN_COUNT and (x, y) not in out:
            out[(x, y)] = Substitution(a=x, b=y, count=n, kind=_kind(x, y, campaigns))
    return sorted(out.values(), key=lambda s: (-s.count, s.a))
