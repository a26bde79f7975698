"""Section labels: which numbering opens a line ("II.", "1.2.", "a)", "Điều 3.", "-").

A label is recognised by its shape alone here; whether it continues its siblings' sequence is
for :mod:`plancorpus.segment.sections` to decide.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from plancorpus.model.plan import SectionKind
from plancorpus.text.lazyregex import lazy_compile
from plancorpus.text.numerals import ROMAN_RX, roman_value

# (kind, pattern); the pattern's group "lab" is the label, and the match ends where the
# heading text begins. Order matters: the first pattern that matches wins.
_LABEL_PATTERNS: list[tuple[SectionKind, regex.Pattern[str]]] = [
    (
        "part",
        lazy_compile(
            r"(?P<lab>(?:PHẦN|Phần)\s+(?:THỨ|thứ)\s+\p{L}+|(?:PHẦN|Phần)\s+" + ROMAN_RX + ")"
            r"\s*[.:\-–]?\s*"
        ),
    ),
    ("part", lazy_compile(rf"(?P<lab>(?:CHƯƠNG|Chương)\s+(?:{ROMAN_RX}|\d+))\s*[.:\-–]?\s*")),
    # a chapter's sections ("Mục 1", "MỤC 2", "Tiểu mục 1"): alone on the line or before a
    # heading in capitals, never "Mục tiêu" or "mục 2 Điều 3" inside a sentence
    (
        "part",
        lazy_compile(
            rf"(?P<lab>(?:TIỂU\s+MỤC|Tiểu\s+mục|MỤC|Mục)\s+(?:{ROMAN_RX}|\d+))(?![\p{{L}}\d])"
            r"(?:\s*[.:\-–]?\s*(?=\p{Lu}{2})|\s*[.:]?\s*$)"
        ),
    ),
    # OCR may drop a letter or the marks: "Điu 7.", "Dieu 7."
    ("article", lazy_compile(r"(?P<lab>(?:Điều|Điu|Đieu|Dieu)\s+\d+[a-z]?)\s*[.:]\s*")),
    ("roman", lazy_compile(rf"(?P<lab>{ROMAN_RX})\s*[.\-–/)]\s*(?=[\p{{Lu}}\d“\"(])")),
    ("part", lazy_compile(r"(?P<lab>[A-HK-UWYĐ])\s*[.)]\s+(?=\p{Lu})")),
    ("decimal", lazy_compile(r"(?P<lab>\d{1,2}(?:\.\d{1,2})+)\s*[.)]?\s+")),
    (
        "arabic",
        # a digit may open the heading after a space ("1. 100% đội ngũ …"), not glued ("1.5")
        lazy_compile(
            r"(?P<lab>\d{1,2})\s*[.)](?:\s+(?=\S)|(?=[^\s\d]))|(?P<lab>\d{1,2})\s*[-–/]\s+"
        ),
    ),
    ("letter", lazy_compile(r"(?P<lab>[a-zđ])\s*[).]\s+")),
    ("bullet", lazy_compile(r"(?P<lab>[-–+•·▪○●*])\s*(?=\S)")),
]


@dataclass(frozen=True)
class Label:
    kind: SectionKind
    label: str
    end: int  # offset in the stripped line where the heading text begins


# A label can only open with one of these characters; most lines are rejected on it alone.
_LABEL_FIRST = frozenset("0123456789IVXLPCĐ-–+•·▪○●*abcdefghiklmnopqrstuvxyđABDEFGHKMNOQRSTUWY")


_NAMED_PARTS = ("Phần", "PHẦN", "Chương", "CHƯƠNG", "Mục", "MỤC", "Tiểu", "TIỂU")

# the characters each pattern of _LABEL_PATTERNS can open with, in the same order
_OPENERS = (
    "P", "C", "TM", "ĐD", "IVXL", "ABCDEFGHKLMNOPQRSTUWYĐ", "0123456789", "0123456789",
    "abcdefghijklmnopqrstuvwxyzđ", "-–+•·▪○●*",
)  # fmt: skip
_BY_FIRST: dict[str, tuple[tuple[SectionKind, regex.Pattern[str]], ...]] = {
    ch: tuple(p for p, opens in zip(_LABEL_PATTERNS, _OPENERS, strict=True) if ch in opens)
    for ch in _LABEL_FIRST
}
_SPACES = lazy_compile(r"\s+")


def label_of(text: str) -> Label | None:
    """The section label opening a (stripped) line, if any."""
    s = text.lstrip()
    if not s or s[0] not in _LABEL_FIRST:
        return None
    if s[0].islower() and (len(s) < 2 or s[1] not in ").\t "):
        return None  # a lower-case word, not "a)" or "đ."
    if s[:3] in ("V/V", "V/v"):
        return None  # "V/V BAN HÀNH …" opens a subject, not section V
    for kind, rx in _BY_FIRST[s[0]]:
        m = rx.match(s)
        if not m:
            continue
        lab = m.group("lab")
        if kind == "roman" and roman_value(lab) is None:
            continue
        if kind == "bullet" and s[m.end() :].startswith(("-", "–")):
            continue  # a rule "----", not a bullet
        rest = s[m.end() :]
        if not rest.strip() and kind not in ("part", "roman", "article"):
            continue
        if kind == "part" and lab.startswith(_NAMED_PARTS):
            lab = _SPACES.sub(" ", lab)
        return Label(kind, lab, m.end())
    return None
