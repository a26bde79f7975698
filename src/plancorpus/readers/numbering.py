"""Automatic list numbering of Word documents, written back as labels ("1.", "a)", "II.").

Word draws these labels; they are not in the text. Both Word formats describe a list level by
a number format, a pattern with placeholders for the numbers of the levels ("%1.%2."), and a
start value; :class:`Counters` keeps the running numbers.
"""

from __future__ import annotations

from dataclasses import dataclass

LETTERS = "abcdđeghiklmnopqrstuvxy"


@dataclass(frozen=True)
class Level:
    fmt: str  # decimal, lowerLetter, upperLetter, lowerRoman, upperRoman, bullet, none
    text: str  # "%1.", "%1.%2.", "%3)"
    start: int = 1


def roman(n: int) -> str:
    out = ""
    for value, digits in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while n >= value:
            out, n = out + digits, n - value
    return out


def render(n: int, fmt: str) -> str:
    if fmt == "lowerLetter":
        return LETTERS[(n - 1) % len(LETTERS)]
    if fmt == "upperLetter":
        return LETTERS[(n - 1) % len(LETTERS)].upper()
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
        counts = self.counts.setdefault(list_id, [0] * 10)
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
