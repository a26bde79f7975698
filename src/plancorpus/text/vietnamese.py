"""Facts about Vietnamese script: syllables, tone marks, case, and comparison keys."""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from itertools import islice

from plancorpus.text.lazyregex import lazy_compile

# The five tone marks as combining characters (NFD): grave, acute, hook above, tilde, dot below.
TONE_MARKS = frozenset("\u0300\u0301\u0309\u0303\u0323")

# Vowel nuclei of Vietnamese syllables, written without tone marks.
_VOWEL_CLUSTERS = sorted(
    (
        "a ă â e ê i o ô ơ u ư y "
        "ai ao au ay âu ây eo êu ia iê iu oa oă oe oi oo ôi ơi ua uâ uê ui uô uơ uy ưa ưi ươ ưu yê "
        "iêu yêu oai oao oay oeo uây uôi uya uyê uyu ươi ươu"
    ).split(" "),
    key=len,
    reverse=True,
)
_SYLLABLE = lazy_compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
    rf"(?:{'|'.join(_VOWEL_CLUSTERS)})"
    r"(?:ch|nh|ng|[cmnpt])?"
)
_WORD = lazy_compile(r"[^\W\d_]+")

DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_DASH_RX = lazy_compile(f"[{DASHES}]")
_QUOTE_TABLE = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "„": '"', "«": '"', "»": '"'})


_VOWEL_BASES = frozenset("aeiouyAEIOUY")


@lru_cache(maxsize=65536)
def strip_tone(word: str) -> tuple[str, int]:
    """The word without tone marks (vowel quality marks kept) and how many tones it had. A tone
    mark on a consonant ("ñ") counts as many tones, so that the word is not a syllable."""
    decomposed = unicodedata.normalize("NFD", word)
    tones = 0
    base = ""
    kept = []
    for ch in decomposed:
        if ch in TONE_MARKS:
            tones += 1 if base in _VOWEL_BASES else 9
            continue
        if not unicodedata.combining(ch):
            base = ch
        kept.append(ch)
    return unicodedata.normalize("NFC", "".join(kept)), tones


@lru_cache(maxsize=65536)
def is_syllable(word: str) -> bool:
    """True when ``word`` is spelled like one Vietnamese syllable ("người", "khuyết", "Ban")."""
    bare, tones = strip_tone(word.lower())
    return tones <= 1 and _SYLLABLE.fullmatch(bare) is not None


def vietnamese_score(text: str, sample: int = 600) -> tuple[float, int]:
    """Share of words holding a non-ASCII letter that are valid syllables, and how many such
    words were seen. Unicode Vietnamese scores near 1; TCVN3 or VNI read as Latin-1 near 0."""
    seen = good = 0
    for m in _WORD.finditer(text):
        word = m.group(0)
        if word.isascii():
            continue
        seen += 1
        good += is_syllable(word)
        if seen >= sample:
            break
    return (good / seen if seen else 1.0), seen


# Old-style tone placement puts the tone on the second vowel of oa/oe/uy ("hoà", "thuỷ"); the
# new style on the first ("hòa", "thủy"). Keys use the old style: either spelling folds to it.
_NEW_STYLE = lazy_compile(r"(?<![qQ])([oOuU])([\u0300\u0301\u0309\u0303\u0323])([aAeEyY])(?!\p{L})")


def fold_tone_placement(text: str) -> str:
    """Move the tone of open oa/oe/uy syllables to the second vowel ("hòa" → "hoà")."""
    nfd = unicodedata.normalize("NFD", text)
    if not any(ch in TONE_MARKS for ch in nfd):
        return text
    moved = _NEW_STYLE.sub(lambda m: m.group(1) + m.group(3) + m.group(2), nfd)
    return unicodedata.normalize("NFC", moved)


_SPACE_RX = lazy_compile(r"\s+")
_DASH_SPACING = lazy_compile(r"\s*-\s*")


def compare_key(text: str) -> str:
    """A key for comparing names and phrases: NFC, one tone placement, case-folded, dashes and
    quotes unified, spacing collapsed. "Hoà Bình" and "HÒA  BÌNH" get the same key."""
    return _compare_key_cached(text) if len(text) <= 64 else _compare_key(text)


@lru_cache(maxsize=65536)
def _compare_key_cached(text: str) -> str:
    return _compare_key(text)


def _compare_key(text: str) -> str:
    s = unicodedata.normalize("NFC", text)
    s = fold_tone_placement(s).casefold()
    s = _DASH_RX.sub("-", s).translate(_QUOTE_TABLE)
    s = _DASH_SPACING.sub(" - ", s)
    return str(_SPACE_RX.sub(" ", s)).strip()


def normalize_dashes(text: str) -> str:
    return str(_DASH_RX.sub("-", text))


def collapse_spaces(text: str) -> str:
    """Runs of whitespace (newlines included) become one space; ends are trimmed."""
    return " ".join(text.split())


def is_upper_text(text: str, min_letters: int = 2) -> bool:
    """True when every cased letter is upper case and there are at least ``min_letters``."""
    if text != text.upper() or text == text.lower():
        return False  # a lower-case letter somewhere, or no cased letter at all
    return sum(1 for _ in islice(filter(str.isalpha, text), min_letters)) >= min_letters


def capitalize_first(word: str) -> str:
    return word[:1].upper() + word[1:].lower() if word else word


def is_name_word(word: str) -> bool:
    """A capitalised syllable as in a person's name: "Phạm", "Thư" (not "UBND", not "thư")."""
    return (
        word[:1].isupper()
        and (len(word) >= 2 or not word.isascii())  # "I" is a numeral; "Ý" can be a name
        and (len(word) == 1 or word[1:].islower())
        and is_syllable(word)
    )


def fold_ascii(text: str) -> str:
    """Letters without any mark, upper case: "QUYẾT ĐỊNH", "QUYÉT ĐINH" → "QUYET DINH". For
    matching a few fixed words in text that OCR may have marked wrongly."""
    nfd = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    return " ".join("".join(ch for ch in nfd if not unicodedata.combining(ch)).upper().split())
