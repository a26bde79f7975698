"""Names of issuing bodies: find where one starts, and write an upper-case one in sentence case.

Headers print names in capitals ("SỞ LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI"); the body writes them in
sentence case ("Sở Lao động – Thương binh và Xã hội"). Comparing the two needs one form.
"""

from __future__ import annotations

from plancorpus.data import patterns
from plancorpus.segment.cues import first_phrase, head_at, match_words, name_tokens, phrases_at
from plancorpus.text.vietnamese import (
    capitalize_first,
    collapse_spaces,
    is_syllable,
    is_upper_text,
)

_CONNECTORS = {"và", ",", "-", "–", "—", "&", ";"}


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


MAX_NAME = 400  # characters: longer than any body's name, parent and all


def org_name_case(text: str) -> str:
    """Sentence case for an upper-case body name; other text is returned with spacing tidied.

    >>> org_name_case("ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC")
    'Ủy ban nhân dân tỉnh Bình Phước'
    """
    text = collapse_spaces(text)
    if len(text) > MAX_NAME or not is_upper_text(text):
        return text  # no body's name is that long: a run-on line is left as it is
    tokens = name_tokens(text)
    out: list[str] = []
    i = 0
    mode = "function"
    head = head_at(tokens)
    if head is not None:
        end = match_words(tokens, 0, head.head)
        out = _case_phrase(tokens, 0, end, head.head)
        i, mode = end, head.casing
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
        end = match_words(tokens, j, level)
        if end >= 0:
            out.extend(_case_phrase(tokens, j, end, level))
            return end
        del out[len(out) - (j - i) :]
    return i


def _locality(tokens: list[str], i: int) -> int:
    found = phrases_at(tokens, i, patterns.locality_words())
    return next((end for end, _ in found if end < len(tokens)), -1)


def _proper_word(tokens: list[str], i: int) -> tuple[int, str]:
    return first_phrase(tokens, i, patterns.proper_words())
