"""Known names of laws, codes and ordinances, found whatever their case.

A law cited by a name in capitals ("Luật Thi đua, khen thưởng") shows where its name ends; one
written in lower case ("Luật doanh nghiệp tăng cả về số lượng") does not. The names in
data/laws.toml settle it: at a "Luật", "Bộ luật" or "Pháp lệnh" the longest listed name that
the text spells (ignoring case, tone placement, line breaks and an omitted comma) is the name.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any

import regex

from plancorpus.text.vietnamese import fold_tone_placement

_WINDOW = 160


@cache
def _raw() -> dict[str, Any]:
    data = resources.files("plancorpus").joinpath("data/laws.toml").read_bytes()
    return tomllib.loads(data.decode("utf-8"))


def names() -> tuple[str, ...]:
    return tuple(_raw()["names"])


def examples() -> tuple[tuple[str, str], ...]:
    return tuple((e["text"], e["name"]) for e in _raw()["examples"])


def _name_pattern(name: str) -> str:
    words = fold_tone_placement(name).replace(",", "").split()
    return r",?\s+".join(regex.escape(w) for w in words)


@cache
def _matcher() -> regex.Pattern[str]:
    # of two names that both fit at one place one extends the other: longest first
    ordered = sorted(names(), key=len, reverse=True)
    alts = "|".join(_name_pattern(n) for n in ordered)
    return regex.compile(rf"(?i)(?:{alts})(?![\p{{L}}\d])")


def name_end(text: str, pos: int) -> int | None:
    """End of the longest known name that starts at ``pos``, or None."""
    window = text[pos : pos + _WINDOW]
    folded = fold_tone_placement(window)
    if len(folded) != len(window):  # folding keeps the length of NFC text; be safe
        folded = window
    m = _matcher().match(folded)
    return pos + m.end() if m else None


_AMENDS = "sửa đổi bổ sung một số điều của "


def official(written: str) -> str | None:
    """The listed name that ``written`` spells (whatever its case), as listed; an amending
    law's name is built on the name of the law it amends."""
    folded = _folded(written)
    head = "Pháp lệnh" if folded.startswith("pháp lệnh ") else "Luật"
    if folded[len(head) + 1 :].startswith(fold_tone_placement(_AMENDS)):
        parts = regex.split(r"(?i)\bcủa\s+", written, maxsplit=1)
        inner = official(parts[1]) if len(parts) == 2 else None
        return f"{head} sửa đổi, bổ sung một số điều của {inner}" if inner else None
    return _by_folded().get(folded)


def _folded(name: str) -> str:
    return fold_tone_placement(" ".join(name.split())).lower().replace(",", "")


@cache
def _by_folded() -> dict[str, str]:
    """Each listed name by its folded form (the first of two that fold alike)."""
    out: dict[str, str] = {}
    for name in names():
        out.setdefault(_folded(name), name)
    return out
