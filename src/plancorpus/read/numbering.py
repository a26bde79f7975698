"""Automatic list numbering of Word documents, written back as labels ("1.", "a)", "II.").

Word draws these labels; they are not in the text. Both Word formats describe a list level by
a number format, a pattern with placeholders for the numbers of the levels ("%1.%2."), and a
start value; :class:`Counters` keeps the running numbers.
"""

from __future__ import annotations

from dataclasses import dataclass

from plancorpus.text.numerals import letter, roman

LEVELS = 10  # list levels a counter keeps (Word uses 0..8)


@dataclass(frozen=True)
class Level:
    fmt: str  # decimal, lowerLetter, upperLetter, lowerRoman, upperRoman, bullet, none
    text: str  # "%1.", "%1.%2.", "%3)"
    start: int = 1


def render(n: int, fmt: str) -> str:
    if fmt == "lowerLetter":
        return letter(n)
    if fmt == "upperLetter":
        return letter(n).upper()
    if fmt == "lowerRoman":
        return roman(n).lower()
    if fmt == "upperRoman":
        return roman(n)
    return str(n)


class Counters:
    """Running numbers per list; ``label`` advances one level and formats its pattern."""

    def __init__(self) -> None:
        self.counts: dict[str, list[int]] = {}

    def label(self, list_id: str, levels: dict[int, Level], ilvl: int) -> str:
        level = levels.get(ilvl)
        if level is None or level.fmt == "none":
            return ""
        if level.fmt == "bullet":
            return "-"
        counts = self.counts.setdefault(list_id, [0] * LEVELS)
        if not 0 <= ilvl < LEVELS:  # a broken file's level number: no label
            return ""
        if counts[ilvl] == 0:
            counts[ilvl] = level.start - 1
        counts[ilvl] += 1
        for deeper in range(ilvl + 1, len(counts)):
            counts[deeper] = 0
        text = level.text
        for k in range(ilvl + 1):
            lv = levels.get(k)
            value = counts[k] or (lv.start if lv else 1)
            text = text.replace(f"%{k + 1}", render(value, lv.fmt if lv else "decimal"))
        return text
