"""Roman numerals and list letters: the one copy every stage uses.

Vietnamese lists letter their items with the Vietnamese alphabet less the letters it does not
use ("a, b, c, d, đ, e, g, h, i, k, …": no f, j, w, z), and number their parts in Roman
numerals up to a few dozen ("I", "IV", "XII").
"""

from __future__ import annotations

# list letters in order, as Vietnamese documents use them
LETTERS = "abcdđeghiklmnopqrstuvxy"
# the digits that Roman section labels use (up to L = 50)
ROMAN_DIGITS = "IVXL"
# a Roman numeral in a regular expression ("II", "XIV")
ROMAN_RX = f"[{ROMAN_DIGITS}]+"

_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}
_WRITE = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip


def roman_value(s: str) -> int | None:
    """The value of a Roman numeral label ("XIV" → 14); None when it is not one or is above
    60 (a word in capitals, not a section number)."""
    total = 0
    prev = 0
    for ch in reversed(s):
        v = _VALUES.get(ch)
        if v is None:
            return None
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total if total <= 60 else None


ROMAN_TOP = 3999  # the largest number Roman numerals write; above it, digits


def roman(n: int) -> str:
    """``n`` in Roman numerals (14 → "XIV"); a number outside 1..3999 in digits."""
    if not 0 < n <= ROMAN_TOP:
        return str(n)
    out = []
    for value, digits in _WRITE:
        times, n = divmod(n, value)
        out.append(digits * times)
    return "".join(out)


def letter(n: int) -> str:
    """The ``n``-th list letter (1 → "a", 5 → "đ"), wrapping round after "y"."""
    return LETTERS[(n - 1) % len(LETTERS)]
