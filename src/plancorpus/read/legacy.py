"""Legacy 8-bit Vietnamese encodings: TCVN3 (ABC, ".VnTime" fonts), VNI and VISCII.

Text typed in these fonts reaches us as Latin-1 look-alikes ("Nh©n d©n", "NHAÂN DAÂN"): it
decodes without error and reads as garbage. :func:`repair` looks at each line, converts it
when a legacy reading gives far more valid Vietnamese syllables than the text as it is, and
returns Unicode NFC. Documents mix encodings (a Unicode header over a TCVN3 body), so the
choice is made line by line, with the document's majority deciding lines too short to judge.
"""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from functools import cache
from importlib import resources

import regex

from plancorpus.text.textmap import Edit, MappedText
from plancorpus.text.vietnamese import is_syllable

ENCODINGS = ("tcvn3", "vni", "viscii")


@cache
def _tables() -> dict[str, dict[str, str]]:
    raw = resources.files("plancorpus").joinpath("data/legacy.json").read_text(encoding="utf-8")
    data = json.loads(raw)
    out: dict[str, dict[str, str]] = {}
    for name in ("tcvn3", "viscii"):
        table: dict[str, str] = {}
        for hex_byte, uni in data[name].items():
            b = int(hex_byte, 16)
            table[chr(b)] = uni  # the byte read as Latin-1
            if 0x80 <= b <= 0x9F:
                table[bytes([b]).decode("cp1252", errors="ignore") or chr(b)] = uni
        out[name] = table
    return out


# --- VNI: a base letter followed by a mark letter ----------------------------------------------

# Standalone VNI letters (as cp1252 glyphs): ơ ư đ, and the i/y forms that carry their tone.
_VNI_SINGLE = {
    "ô": "ơ", "Ô": "Ơ", "ö": "ư", "Ö": "Ư", "ñ": "đ", "Ñ": "Đ",
    "ì": "ì", "Ì": "Ì", "í": "í", "Í": "Í", "æ": "ỉ", "Æ": "Ỉ",
    "ó": "ĩ", "Ó": "Ĩ", "ò": "ị", "Ò": "Ị", "î": "ỵ", "Î": "Ỵ",
}  # fmt: skip
# Mark letters: what they add to the vowel before them (NFD combining marks).
_GRAVE, _ACUTE, _HOOK, _TILDE, _DOT = "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"
_CIRC, _BREVE = "\u0302", "\u0306"
_VNI_MARKS = {
    "ø": _GRAVE, "ù": _ACUTE, "û": _HOOK, "õ": _TILDE, "ï": _DOT,
    "â": _CIRC, "á": _CIRC + _ACUTE, "à": _CIRC + _GRAVE, "å": _CIRC + _HOOK,
    "ã": _CIRC + _TILDE, "ä": _CIRC + _DOT,
    "ê": _BREVE, "é": _BREVE + _ACUTE, "è": _BREVE + _GRAVE, "ú": _BREVE + _HOOK,
    "ü": _BREVE + _TILDE, "ë": _BREVE + _DOT,
}  # fmt: skip
_VNI_MARKS.update({k.upper(): v for k, v in list(_VNI_MARKS.items())})
_VNI_VOWELS = "aeiouyơưAEIOUYƠƯ"
_VNI_RX = regex.compile("([" + _VNI_VOWELS + "]?)([" + regex.escape("".join(_VNI_MARKS)) + "])")


_VNI_SINGLE_TABLE = str.maketrans(_VNI_SINGLE)


def _vni(text: str) -> str:
    text = text.translate(_VNI_SINGLE_TABLE)

    def mark(m: regex.Match[str]) -> str:
        base, sign = m.group(1), m.group(2)
        if not base:
            return str(sign)  # a mark letter with no vowel before it: leave it
        marks = _VNI_MARKS[sign]
        if (_CIRC in marks and base.lower() not in "aeo") or (
            _BREVE in marks and base.lower() != "a"
        ):
            return str(base + sign)
        return unicodedata.normalize("NFC", base + marks)

    return str(_VNI_RX.sub(mark, text))


def _judge_with(line: str, encoding: str) -> tuple[str | None, int]:
    """:func:`judge` when the document's encoding is known: is the line better in it? Lines
    that are not may still be in another legacy encoding."""
    if not _SUSPECT.search(line):
        return None, 0
    good0, seen0 = _score(line)
    good1, _ = _score(CONVERTERS[encoding](line))
    if good1 - good0 >= max(1, seen0 // 3):
        return encoding, seen0
    return judge(line)


@cache
def _translation(name: str) -> dict[int, str]:
    return {ord(k): v for k, v in _tables()[name].items()}


def _by_table(name: str) -> Callable[[str], str]:
    def convert(text: str) -> str:
        return unicodedata.normalize("NFC", text.translate(_translation(name)))

    return convert


CONVERTERS: dict[str, Callable[[str], str]] = {
    "tcvn3": _by_table("tcvn3"),
    "vni": _vni,
    "viscii": _by_table("viscii"),
}


def convert(text: str, encoding: str) -> str:
    """Convert ``text`` read in a legacy encoding to Unicode NFC."""
    out = CONVERTERS[encoding](text)
    return restore_capitals(text, out) if encoding == "tcvn3" else out


_WORD_CHARS = r"[^\s\d.,;:!?()\[\]\"“”'’/\\\-–—]"
# words holding at least one capital ASCII letter: the only ones restore_capitals may change
_CAPITAL_WORD = regex.compile(rf"{_WORD_CHARS}*[A-Z]{_WORD_CHARS}*")


def restore_capitals(original: str, converted: str) -> str:
    """TCVN3 has no upper-case toned letters: a word typed in capitals ("PH¢N") converts to
    "PHâN". When every ASCII letter of a word is upper case, the whole word is."""
    if len(original) != len(converted):
        return converted
    out = list(converted)
    for m in _CAPITAL_WORD.finditer(original):
        word = m.group(0)
        ascii_letters = [c for c in word if c.isascii() and c.isalpha()]
        if not ascii_letters or not all(c.isupper() for c in ascii_letters) or len(word) < 2:
            continue
        # "PH¢N", "ñY": capitals; "KÕ" (one capital, first): title case, left as it is
        if len(ascii_letters) >= 2 or word[0] != ascii_letters[0]:
            out[m.start() : m.end()] = converted[m.start() : m.end()].upper()
    return "".join(out)


# --- detection -------------------------------------------------------------------------------

# Latin-1 letters that Vietnamese uses as they are; any other character of U+0080-U+00FF (or a
# cp1252 letter) in a line means it may be legacy-encoded: TCVN3 "©¸µ®", VNI "øïñäö", VISCII.
_VIETNAMESE_LATIN1 = "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý\u00a0"
_SUSPECT = regex.compile(
    "[\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192--["
    + _VIETNAMESE_LATIN1
    + "]]"
    # VNI capitals use only Vietnamese letters, but a vowel then Â/Ê never occurs: "NHAÂN"
    + "|[AEOaeo][ÂÊâê]",
    flags=regex.V1,
)
_LETTERS = regex.compile(r"[^\W\d_]+")


def might_be_legacy(text: str) -> bool:
    """A character that Unicode Vietnamese does not use is somewhere in the text."""
    return _SUSPECT.search(text) is not None


def _score(text: str) -> tuple[int, int]:
    """(valid syllables, words with non-ASCII letters) of a text."""
    good = seen = 0
    for w in _LETTERS.findall(text):
        if w.isascii():
            continue
        seen += 1
        good += is_syllable(w)
    return good, seen


def judge(line: str) -> tuple[str | None, int]:
    """The legacy encoding that turns ``line`` into Vietnamese, or None, and how many
    non-ASCII words the decision rests on."""
    if not _SUSPECT.search(line):
        return None, 0
    good0, seen0 = _score(line)
    best, best_good = None, good0
    for name in ENCODINGS:
        good, _ = _score(CONVERTERS[name](line))
        if good > best_good:
            best, best_good = name, good
    if best is None or best_good - good0 < max(1, seen0 // 3):
        return None, seen0
    return best, seen0


def _majority(lines: list[str], hint: str | None) -> str | None:
    """The document's encoding: ``hint`` if given, else the verdict of a sample of lines."""
    if hint:
        return hint
    votes: Counter[str] = Counter()
    suspects = [line for line in lines if _SUSPECT.search(line)]
    for line in suspects[:200]:
        enc, n = judge(line)
        if enc and n >= 3:
            votes[enc] += 1
    return votes.most_common(1)[0][0] if votes else None


def decide(lines: list[str], majority: str | None) -> list[str | None]:
    """For each line, the legacy encoding to convert it from, or None. ``majority`` (the
    document's encoding, see :func:`_majority`) decides lines too short to judge on their
    own."""
    verdicts = [_judge_with(line, majority) if majority else judge(line) for line in lines]
    out: list[str | None] = []
    for line, (enc, n) in zip(lines, verdicts, strict=True):
        chosen = enc if enc and (n >= 3 or enc == majority) else None
        if chosen is None and majority and n < 3 and not line.isascii():
            # a short line in a legacy document ("Bé Néi vô", "TT.H§ND"): it follows the
            # majority unless that makes it read worse
            good0, _ = _score(line)
            good1, _ = _score(CONVERTERS[majority](line))
            suspect = _SUSPECT.search(line) is not None
            chosen = majority if good1 > good0 or (suspect and good1 >= good0) else None
        out.append(chosen)
    return out


_SUSPECT_WORD = regex.compile(r"\S*(?:" + _SUSPECT.pattern + r")\S*", flags=regex.V1)


def _mop_words(line: str, encoding: str) -> str:
    """A Unicode line with a stray legacy word left in it ("của ñy ban", where one run kept
    its TCVN3 bytes): each word that only reads as Vietnamese once converted is converted."""

    def fix(m: regex.Match[str]) -> str:
        word = m.group(0)
        new = convert(word, encoding)
        good0, _ = _score(word)
        good1, seen1 = _score(new)
        return new if seen1 and good1 == seen1 and good1 > good0 else word

    return str(_SUSPECT_WORD.sub(fix, line))


def _edits(lines: list[str], hint: str | None) -> Iterator[tuple[int, str, str | None]]:
    """(line index, new line, encoding converted from or None for a word-level repair) for
    every line that changes."""
    majority = _majority(lines, hint)
    for k, (line, enc) in enumerate(zip(lines, decide(lines, majority), strict=True)):
        if enc:
            yield k, convert(line, enc), enc
        elif majority and _SUSPECT.search(line):
            new = _mop_words(line, majority)
            if new != line:
                yield k, new, None


def repair(text: str, hint: str | None = None) -> tuple[str, Counter[str]]:
    """Convert the legacy-encoded lines of ``text``; returns the text and how many lines were
    converted from each encoding."""
    lines = text.split("\n")
    counts: Counter[str] = Counter()
    for k, new, enc in _edits(lines, hint):
        if enc:
            counts[enc] += 1
        lines[k] = new
    return "\n".join(lines), counts


def repair_mapped(mt: MappedText, hint: str | None = None) -> tuple[MappedText, Counter[str]]:
    """:func:`repair` on mapped text: converted lines keep their map to the input."""
    counts: Counter[str] = Counter()
    if not _SUSPECT.search(mt.text):
        return mt, counts
    lines = mt.text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    edits: list[Edit] = []
    for k, new, enc in _edits(lines, hint):
        if enc:
            counts[enc] += 1
        if new != lines[k]:
            edits.append((starts[k], starts[k] + len(lines[k]), new))
    return (mt.edit(edits) if edits else mt), counts


LEGACY_FONTS = {
    "tcvn3": regex.compile(r"(?i)^\.vn|^vn[a-z]|abc"),
    "vni": regex.compile(r"(?i)^vni[-_ ]"),
}


def font_encoding(font: str | None) -> str | None:
    """The legacy encoding a font name implies: ".VnTime" → tcvn3, "VNI-Times" → vni."""
    if not font:
        return None
    for name in ("vni", "tcvn3"):
        if LEGACY_FONTS[name].search(font.strip()):
            return name
    return None


def is_capitals_font(font: str | None) -> bool:
    """TCVN3 fonts whose name ends in H (".VnTimeH", ".VnArialH") draw every letter as a
    capital."""
    return bool(font) and font_encoding(font) == "tcvn3" and font.rstrip().endswith("H")  # type: ignore[union-attr]
