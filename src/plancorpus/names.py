"""Names of issuing bodies: find where one starts, and write an upper-case one in sentence case.

Headers print names in capitals ("SỞ LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI"); the body writes them in
sentence case ("Sở Lao động – Thương binh và Xã hội"). Comparing the two needs one form.
"""

from __future__ import annotations

from functools import cache

import regex

from . import patterns
from .vietnamese import capitalize_first, collapse_spaces, compare_key, is_syllable, is_upper_text

_TOKEN = regex.compile(r"[\p{L}\p{M}\d&]+|[^\s\p{L}\p{M}\d&]+|\s+")
_CONNECTORS = {"và", ",", "-", "–", "—", "&", ";"}


def _words(text: str) -> list[str]:
    return [t for t in _TOKEN.findall(text)]


def _match_words(tokens: list[str], start: int, phrase: str) -> int:
    """If the words of ``phrase`` open ``tokens[start:]`` (ignoring case and tone placement),
    return the index after the match; else -1."""
    want = phrase.split()
    i = start
    for w in want:
        while i < len(tokens) and tokens[i].isspace():
            i += 1
        if i >= len(tokens) or compare_key(tokens[i]) != compare_key(w):
            return -1
        i += 1
    return i


def _apply_case(source: str, model: str) -> str:
    """Write ``source`` with the capitalisation of ``model`` (same word, maybe other tones)."""
    if model.isupper() and len(model) > 1:
        return source.upper()
    return capitalize_first(source) if model[:1].isupper() else source.lower()


def _case_phrase(tokens: list[str], start: int, end: int, phrase: str) -> list[str]:
    models = iter(phrase.split())
    out = []
    for tok in tokens[start:end]:
        out.append(tok if tok.isspace() else _apply_case(tok, next(models)))
    return out


def _keep_word(tok: str) -> bool:
    """Acronyms ("KCN", "TĐKT") and numbers keep their spelling."""
    return not any(ch.isalpha() for ch in tok) or not is_syllable(tok)


@cache
def _head_first_words() -> frozenset[str]:
    return frozenset(compare_key(h.head.split()[0]) for h in patterns.org_heads())


def find_head(text: str) -> patterns.OrgHead | None:
    """The body word opening ``text`` ("Sở", "Ủy ban nhân dân"…), if any."""
    tokens = _words(text.strip()[:80])  # the longest head has a few words
    if not tokens or compare_key(tokens[0]) not in _head_first_words():
        return None
    for head in patterns.org_heads():
        if _match_words(tokens, 0, head.head) >= 0:
            return head
    return None


def org_name_case(text: str) -> str:
    """Sentence case for an upper-case body name; other text is returned with spacing tidied.

    >>> org_name_case("ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC")
    'Ủy ban nhân dân tỉnh Bình Phước'
    """
    text = collapse_spaces(text)
    if not is_upper_text(text):
        return text
    tokens = _words(text)
    out: list[str] = []
    i = 0
    mode = "function"
    for head in patterns.org_heads():
        end = _match_words(tokens, 0, head.head)
        if end >= 0:
            out = _case_phrase(tokens, 0, end, head.head)
            i, mode = end, head.casing
            break
    if mode == "school":
        i = _school_level(tokens, i, out)
        mode = "proper"
    capital_next = mode == "function" or not out
    proper = mode == "proper"
    after_connector = False
    while i < len(tokens):
        tok = tokens[i]
        if tok.isspace():
            out.append(tok)
            i += 1
            continue
        end = _locality(tokens, i)
        if end >= 0 and not after_connector:
            out.extend(t.lower() for t in tokens[i:end])
            i, proper, capital_next = end, True, False
            continue
        word_end, phrase = _proper_word(tokens, i)
        if phrase:
            out.extend(_case_phrase(tokens, i, word_end, phrase))
            i, capital_next = word_end, False
            continue
        if tok.lower() in _CONNECTORS or not any(ch.isalpha() for ch in tok):
            out.append(tok.lower())
            after_connector = tok.lower() in _CONNECTORS
            capital_next = capital_next or (mode == "function" and after_connector)
            i += 1
            continue
        after_connector = False
        if _keep_word(tok):
            out.append(tok)
            capital_next = False
        elif proper or capital_next:
            out.append(capitalize_first(tok))
            capital_next = False
        else:
            out.append(tok.lower())
        i += 1
    return "".join(out)


def _school_level(tokens: list[str], i: int, out: list[str]) -> int:
    for level in patterns.school_levels():
        j = i
        while j < len(tokens) and tokens[j].isspace():
            out.append(tokens[j])
            j += 1
        end = _match_words(tokens, j, level)
        if end >= 0:
            out.extend(_case_phrase(tokens, j, end, level))
            return end
        del out[len(out) - (j - i) :]
    return i


def _locality(tokens: list[str], i: int) -> int:
    for word in patterns.locality_words():
        end = _match_words(tokens, i, word)
        if end >= 0 and end < len(tokens):
            return end
    return -1


def _proper_word(tokens: list[str], i: int) -> tuple[int, str]:
    for phrase in patterns.proper_words():
        end = _match_words(tokens, i, phrase)
        if end >= 0:
            return end, phrase
    return -1, ""
