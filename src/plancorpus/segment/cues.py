"""Cues that several stages read: is this cell a signature's authority prefix, a signer's
title, a person's name, the opening word of a body's name?

Zones use them to find where the signature block begins; the signer reader uses them to read
it; the section reader uses the body-name cue to tell a wrapped name from a new sentence.
"""

from __future__ import annotations

from functools import cache

import regex

from plancorpus.data import patterns
from plancorpus.text.lazyregex import lazy_compile
from plancorpus.text.vietnamese import compare_key, is_name_word, is_upper_text

PREFIX_RX = lazy_compile(
    r"^(?P<prefix>(?:T\.?\s?M|K\.?\s?T|T\.?\s?L|T\.?U\.?Q|Q)\s?\.\s*|(?:T/[Mm]|K/T|T/L)\s*|"
    r"(?:TM|KT|TL|TUQ)\s+)(?P<rest>(?:\p{Lu}.*)?)$"
)


def prefix_match(text: str) -> regex.Match[str] | None:
    """An authority prefix opening a cell ("KT. TRƯỞNG BAN", "T/M BAN BÍ THƯ")."""
    m = PREFIX_RX.match(text.strip())
    rest = m.group("rest").strip() if m else ""
    return m if m and (not rest or is_upper_text(rest)) else None  # "TL." alone on its line


_QUALIFIERS = r"(?:\s+(?:THỨ\s+NHẤT|THỨ\s+HAI|THƯỜNG\s+TRỰC|PHỤ\s+TRÁCH|HỘI\s+ĐỒNG|SỞ|BAN|PHÒNG))*"


def _title_pattern() -> str:
    heads = "|".join(regex.escape(h).replace(r"\ ", r"\s+") for h in patterns.signer_title_heads())
    return rf"^(?:PHÓ\s+)?(?:{heads}){_QUALIFIERS}$"


TITLE_RX = lazy_compile(_title_pattern)  # the titles are data, read on first use


_SPACES = lazy_compile(r"\s+")


def is_title_cell(text: str) -> bool:
    return TITLE_RX.match(_SPACES.sub(" ", text.strip().strip(".:"))) is not None


_NOT_NAMES = {"Nơi", "Như", "Lưu", "Kính", "Trân", "Hà Nội"}


def is_name_cell(text: str) -> bool:
    """A person's name: two to six capitalised syllables ("Phạm Thị Anh Thư"), or a
    template's placeholder ("Nguyễn Văn A")."""
    words = text.strip().strip(".").split()
    if not 2 <= len(words) <= 6 or words[0] in _NOT_NAMES:
        return False
    if len(words) >= 3 and len(words[-1]) == 1 and "A" <= words[-1] <= "Z":
        words = words[:-1]  # a placeholder in a template: "Nguyễn Văn A"
    return all(is_name_word(w) for w in words)


_TOKEN = lazy_compile(r"[\p{L}\p{M}\d&]+|[^\s\p{L}\p{M}\d&]+|\s+")


def name_tokens(text: str) -> list[str]:
    return [t for t in _TOKEN.findall(text)]


@cache
def _phrase_keys(phrase: str) -> tuple[str, ...]:
    return tuple(compare_key(w) for w in phrase.split())


def match_words(tokens: list[str], start: int, phrase: str) -> int:
    """If the words of ``phrase`` open ``tokens[start:]`` (ignoring case and tone placement),
    return the index after the match; else -1."""
    i = start
    n = len(tokens)
    for key in _phrase_keys(phrase):
        while i < n and tokens[i].isspace():
            i += 1
        if i >= n or compare_key(tokens[i]) != key:
            return -1
        i += 1
    return i


@cache
def _by_first_word(phrases: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """The phrases grouped by their first word's key, each group in the given order."""
    out: dict[str, list[str]] = {}
    for phrase in phrases:
        keys = _phrase_keys(phrase)
        out.setdefault(keys[0] if keys else "", []).append(phrase)
    return {key: tuple(group) for key, group in out.items()}


def phrases_at(tokens: list[str], i: int, phrases: tuple[str, ...]) -> list[tuple[int, str]]:
    """``(end, phrase)`` for each of ``phrases`` (in order) whose words open ``tokens[i:]``;
    only the phrases whose first word is there are tried."""
    j = i
    while j < len(tokens) and tokens[j].isspace():
        j += 1
    if j >= len(tokens):
        return []
    found = []
    for phrase in _by_first_word(phrases).get(compare_key(tokens[j]), ()):
        end = match_words(tokens, i, phrase)
        if end >= 0:
            found.append((end, phrase))
    return found


def first_phrase(tokens: list[str], i: int, phrases: tuple[str, ...]) -> tuple[int, str]:
    """``(end, phrase)`` for the first of ``phrases`` whose words open ``tokens[i:]``, else
    ``(-1, "")``."""
    found = phrases_at(tokens, i, phrases)
    return found[0] if found else (-1, "")


@cache
def _head_first_words() -> frozenset[str]:
    return frozenset(compare_key(h.head.split()[0]) for h in patterns.org_heads())


def find_head(text: str) -> patterns.OrgHead | None:
    """The body word opening ``text`` ("Sở", "Ủy ban nhân dân"…), if any."""
    tokens = name_tokens(text.strip()[:80])  # the longest head has a few words
    if not tokens or compare_key(tokens[0]) not in _head_first_words():
        return None
    return head_at(tokens)


@cache
def _heads_by_name() -> dict[str, patterns.OrgHead]:
    out: dict[str, patterns.OrgHead] = {}
    for head in patterns.org_heads():
        out.setdefault(head.head, head)
    return out


@cache
def _head_names() -> tuple[str, ...]:
    return tuple(head.head for head in patterns.org_heads())


def head_at(tokens: list[str]) -> patterns.OrgHead | None:
    """The first body head (in the patterns' order) whose words open ``tokens``."""
    end, name = first_phrase(tokens, 0, _head_names())
    return _heads_by_name()[name] if end >= 0 else None
