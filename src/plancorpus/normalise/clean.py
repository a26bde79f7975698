"""Normalise decoded text into :attr:`Plan.text`, keeping the map back to the input.

Each step is a small function ``MappedText -> (MappedText, notes)``; ``clean`` runs them in
order. Notes become warnings on the plan (``code``, ``message``).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

import regex

from plancorpus.model.plan import Note
from plancorpus.text.lazyregex import lazy_compile, word_starts
from plancorpus.text.textmap import Edit, MappedText

Step = Callable[[MappedText], tuple[MappedText, list[Note]]]


_LINE_ENDS = lazy_compile(r"\r\n|[\r\u2028\u2029\x0b\x0c\x85]")


def newlines(mt: MappedText) -> tuple[MappedText, list[Note]]:
    """CRLF, CR, Unicode line separators, vertical tab (Word's manual line break) and form
    feed all become LF."""
    if not _any_of("\r\u2028\u2029\x0b\x0c\x85", mt.text):
        return mt, []
    return mt.sub(_LINE_ENDS, "\n"), []


# line breaks written out as escapes by a scraper ("ỦY BAN NHÂN DÂN | \\r\\n \\r\\n CỘNG")
_ESCAPED_BREAK = lazy_compile(r"(?:\\r)?\\n")


def escaped_newlines(mt: MappedText) -> tuple[MappedText, list[Note]]:
    """A text with several "\\r\\n" or "\\n" escapes (backslash and letter, as a scraper
    left them) gets real line breaks there; one or two are left alone (a path, a regex)."""
    if "\\n" not in mt.text:
        return mt, []
    count = len(_ESCAPED_BREAK.findall(mt.text))
    if count < 3:
        return mt, []
    out = mt.sub(_ESCAPED_BREAK, "\n")
    return out, [("escaped_newlines", f"{count} line breaks written as '\\n' escapes restored")]


_INVISIBLE = lazy_compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]+")
_ODD_SPACE = lazy_compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]")


_SURROGATE = lazy_compile(r"[\ud800-\udfff]")
_INVISIBLE_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_ODD_SPACE_CHARS = "\u00a0\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B)))


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")  # strict UTF-8 fails on a lone surrogate and nothing else
    except UnicodeEncodeError:
        return True
    return False


def _any_of(chars: str, text: str) -> bool:
    """Does ``text`` hold one of ``chars``? (A scan per character is faster than one scan of
    a character class.)"""
    return any(ch in text for ch in chars)


def characters(mt: MappedText) -> tuple[MappedText, list[Note]]:
    """Drop zero-width characters and soft hyphens; odd spaces become plain spaces; a lone
    surrogate (no character: JSON and UTF-8 cannot hold it) becomes U+FFFD, with a note."""
    notes: list[Note] = []
    if _any_of(_INVISIBLE_CHARS, mt.text):
        mt = mt.sub(_INVISIBLE, "")
    if _any_of(_ODD_SPACE_CHARS, mt.text):
        mt = mt.sub(_ODD_SPACE, " ")
    if _has_surrogate(mt.text):
        notes.append(
            ("bad_characters", f"{len(_SURROGATE.findall(mt.text))} lone surrogates replaced")
        )
        mt = mt.sub(_SURROGATE, "\ufffd")
    return mt, notes


_CLUSTER = lazy_compile(r"\P{M}\p{M}+")


def nfc(mt: MappedText) -> tuple[MappedText, list[Note]]:
    """Compose base letters and combining marks (NFD → NFC), one cluster at a time."""
    if unicodedata.is_normalized("NFC", mt.text):
        return mt, []
    count = 0

    def compose(m: regex.Match[str]) -> str:
        nonlocal count
        out = unicodedata.normalize("NFC", m.group(0))
        count += out != m.group(0)
        return out

    out = mt.sub(_CLUSTER, compose)
    notes = [("decomposed_unicode", f"{count} decomposed letters composed (NFC)")] if count else []
    return out, notes


_MD_STRONG = lazy_compile(r"\*\*|__(?=\S)|(?<=\S)__")
# emphasis may run over one line break: "*Đồng Tháp,\nngày 01 tháng 12 năm 2025*"
_MD_EM = lazy_compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]*?(?:\n[^*\n]*?)?[^\s*])\*(?![\w*])")
# an emphasis mark a converter left unpaired, at a word's edge: "của Chính phủ *(lĩnh vực",
# "công nghệ) *trên", "2025; *", "*Căn cứ …" (a bullet "* " and "(*)" are kept)
_MD_STRAY = lazy_compile(
    r"(?:^|(?<=[ \t]))\*(?=[^\s*])|(?<=[^\s*(])\*(?=[ \t]|$)|(?<=[ \t])\*(?=[ \t]*$)", regex.M
)
_MD_ESCAPE = lazy_compile(r"\\([-.*_#()\[\]!+`>])")
_MD_HEADING = lazy_compile(r"(?m)^#{1,6}[ \t]+")
_MD_IMAGE = lazy_compile(r"!\[[^\]\n]*\]\([^)\n]*\)")


def markup(mt: MappedText) -> tuple[MappedText, list[Note]]:
    """Remove emphasis, escapes and image links that Markdown converters leave:
    ``**KT. TRƯỞNG BAN``, ``(*Công đoàn*)``, ``1\\.``, ``# KẾ HOẠCH``, ``![](logo.png)``."""
    before = mt.text
    if "*" in before or "__" in before:
        mt = mt.sub(_MD_STRONG, "")
        mt = mt.sub(_MD_EM, r"\1")
        if before.count("*") >= 3:  # several: a converter's marks, not a footnote's
            mt = mt.sub(_MD_STRAY, "")
    if "\\" in before:
        mt = mt.sub(_MD_ESCAPE, r"\1")
    if "#" in before:
        mt = mt.sub(_MD_HEADING, "")
    if "![" in before:
        mt = mt.sub(_MD_IMAGE, "")  # an image's link left by a page converter: "![](…)"
    notes = [("markup_removed", "converter markup (emphasis, escapes) removed")]
    return mt, notes if mt.text != before else []


def doubled_segments(line: str, min_seg: int = 12) -> list[int] | None:
    """If ``line`` is made entirely of segments each printed twice in a row ("AABB"), return
    the segment lengths; otherwise None.

    A search with backtracking over where each segment ends, kept on an explicit stack (a line
    of thousands of segments must not run out of recursion) and given a budget of steps in
    proportion to the line's length, after which the line is left as it is."""
    n = len(line)
    if n < 2 * min_seg:
        return None
    dead: set[int] = set()  # positions from which the rest cannot be split into pairs
    path: list[tuple[int, int]] = []  # (segment start, where its copy starts)
    budget = 4096 + 16 * n  # characters compared, and a fixed cost per step

    def after(i: int, start: int) -> int:
        return line.find(line[i : i + min_seg], start) if i < n else -1

    i, j = 0, after(0, min_seg)
    while i < n:
        moved = False
        while j != -1 and 2 * (j - i) <= n - i:
            length = j - i
            budget -= length + 16
            if budget < 0:
                return None
            if i + 2 * length not in dead and line[i:j] == line[j : j + length]:
                path.append((i, j))
                i += 2 * length
                j = after(i, i + min_seg)
                moved = True
                break
            j = after(i, j + 1)
        if moved:
            continue
        dead.add(i)
        if not path:
            return None
        i, j = path.pop()
        j = after(i, j + 1)
    return [b - a for a, b in path] or None


def doubled_lines(mt: MappedText) -> tuple[MappedText, list[Note]]:
    """Repair lines printed twice and glued together ("…phi dự ánBên cạnh đó…phi dự án")."""
    edits: list[Edit] = []
    repaired = 0
    pos = 0
    for line in mt.text.split("\n"):
        body = line.rstrip()
        lead = len(body) - len(body.lstrip())
        segs = doubled_segments(body[lead:])
        if segs:
            repaired += 1
            cursor = pos + lead  # delete the second copy of each segment
            for length in segs:
                edits.append((cursor + length, cursor + 2 * length, ""))
                cursor += 2 * length
        pos += len(line) + 1
    if not edits:
        return mt, []
    return mt.edit(edits), [("doubled_text", f"{repaired} lines printed twice were repaired")]


def blank_every_line(mt: MappedText) -> tuple[MappedText, list[Note]]:
    """When hard-wrapped text has a blank line after every line, drop single blank lines (a
    run of two or more becomes one)."""
    lines = mt.text.split("\n")
    filled = [ln for ln in lines if ln.strip()]
    if len(filled) < 10:
        return mt, []
    gaps: list[int] = []
    cut_sentences = 0  # gaps after which the sentence goes on in lower case
    run = 0
    seen_text = False
    for ln in lines:
        if ln.strip():
            if seen_text:
                gaps.append(run)
                cut_sentences += run >= 1 and ln.strip()[0].islower()
            run = 0
            seen_text = True
        else:
            run += 1
    share = sum(1 for g in gaps if g >= 1) / max(1, len(gaps))
    if share < 0.7 or cut_sentences < 0.15 * len(gaps):
        return mt, []
    edits: list[Edit] = []
    pos = 0
    i = 0
    offsets = []
    for ln in lines:
        offsets.append(pos)
        pos += len(ln) + 1
    while i < len(lines):
        if lines[i].strip():
            i += 1
            continue
        j = i
        while j < len(lines) and not lines[j].strip():
            j += 1
        if i > 0 and j < len(lines):
            # lines i..j-1 are blank: keep none (one blank) or one (a longer run)
            keep = 0 if j - i == 1 else 1
            start = offsets[i + keep]
            end = offsets[j]
            if end > start:
                edits.append((start, end, ""))
        i = j
    return mt.edit(edits), [
        ("blank_lines", "a blank line followed every line; single blank lines were removed")
    ]


# words of a date glued to what is before or after them: "45-TB/TWngày 3/2", "Quốc hộingày 12",
# "ngày31tháng03năm2026" (OCR and copies that lost their spaces)
_GLUED_DATE = lazy_compile(
    r"(?<=[\p{L}\d])(?=ngày\s*\d)|(?<=\bngày)(?=\d)|(?<=\d)(?=(?:tháng|năm)\s*\d)"
    r"|(?<=\btháng)(?=\d)|(?<=\bnăm)(?=\d{4})"
)


# a date whose marks OCR lost: "ngay 31 thang 03 nam 2026" (only the whole date: "ngay" alone
# is a word, "right away")
_BARE_DATE = lazy_compile(
    r"(?i)\b(?P<d>ngay)\s*(?=\d{1,2}\s*(?:thang|tháng)\s*\d{1,2}\s*(?:nam|năm)\s*\d{4})"
    r"|(?<=\bng[aà]y\s*\d{1,2}\s*)(?P<m>thang)(?=\s*\d)|(?<=th[aá]ng\s*\d{1,2}\s*)(?P<y>nam)(?=\s*\d{4})"
)
_MARKED = {"d": "ngày ", "m": "tháng ", "y": "năm "}


# Cheap tests that every match of _BARE_DATE or _GLUED_DATE implies (the look-behinds make
# those patterns slow to scan a whole text with): most texts have neither.
def _digit_after(text: str, j: int) -> bool:
    """Does ``text`` hold white space (any amount) and then a digit from ``j`` on?"""
    while j < len(text) and text[j].isspace():
        j += 1
    return j < len(text) and text[j].isdigit()


def _may_be_bare(text: str) -> bool:
    """A word of _BARE_DATE ("ngay", "thang", "nam", any case) with a number after it (and,
    for "nam", a month's word somewhere)."""
    low = text.lower()  # the pattern ignores case
    words = ("ngay", "thang", "nam") if "thang" in low or "tháng" in low else ("ngay",)
    return any(_digit_after(low, i + len(w)) for w in words for i in word_starts(low, (w,)))


def _may_be_glued(text: str) -> bool:
    """A date's word with a number right after it (a year after "năm"), or after white space
    when a letter ("ngày") or a digit ("tháng", "năm") is glued before it."""
    for word, digits in (("ngày", 1), ("tháng", 1), ("năm", 4)):  # "năm" glued to a year
        for i in word_starts(text, (word,)):
            j = i + len(word)
            before = text[i - 1] if i else ""
            glued = before.isalnum() if word == "ngày" else before.isdigit()
            number = text[j : j + digits]
            if (len(number) == digits and number.isdigit()) or (glued and _digit_after(text, j)):
                return True
    return False


def bare_dates(mt: MappedText) -> tuple[MappedText, list[Note]]:
    """The marks put back on the words of a date OCR read without them."""
    if not _may_be_bare(mt.text) or not _BARE_DATE.search(mt.text):
        return mt, []
    count = 0

    def mark(m: regex.Match[str]) -> str:
        nonlocal count
        count += 1
        return next(_MARKED[k] for k, v in m.groupdict().items() if v).rstrip()

    out = mt.sub(_BARE_DATE, mark)
    return out, [
        ("ocr_damage", f"{count} words of dates read without their marks (ngay, thang, nam)")
    ]


def glued_dates(mt: MappedText) -> tuple[MappedText, list[Note]]:
    """A space put back between the words of a date and what they are glued to."""
    if not _may_be_glued(mt.text) or not _GLUED_DATE.search(mt.text):
        return mt, []
    count = len(_GLUED_DATE.findall(mt.text))
    out = mt.sub(_GLUED_DATE, " ")
    return out, [("glued_words", f"{count} spaces put back around the words of dates")]


# a digit of a date parted from the next by a space: "12/4/20 22", "năm 20 22", "tháng 0 6"
_SPLIT_DATE_HINT = lazy_compile(r"\b(?:19|20) \d\d\b|\b0 \d\b")
_SPLIT_DATE = lazy_compile(
    r"(?<=\b\d{1,2}\s?[/.\-]\s?\d{1,2}\s?[/.\-]\s?(?:19|20)|\bnăm\s{1,3}(?:19|20)) (?=\d\d\b)"
    r"|(?<=\b(?:ngày|tháng)\s{1,3}0) (?=\d\b)"
)


def split_dates(mt: MappedText) -> tuple[MappedText, list[Note]]:
    """The digits of a date joined again where a copy put a space between them."""
    if not _SPLIT_DATE_HINT.search(mt.text):
        return mt, []
    count = len(_SPLIT_DATE.findall(mt.text))
    if not count:
        return mt, []
    out = mt.sub(_SPLIT_DATE, "")
    return out, [("split_digits", f"{count} dates with a space inside a number joined again")]


def trailing_space(mt: MappedText) -> tuple[MappedText, list[Note]]:
    """Spaces and tabs at the end of each line removed, line by line (a regex scan for them
    would try every space of the text)."""
    text = mt.text
    if " \n" not in text and "\t\n" not in text and not text.endswith((" ", "\t")):
        return mt, []
    edits: list[Edit] = []
    pos = 0
    for line in text.split("\n"):
        kept = len(line.rstrip(" \t"))
        if kept < len(line):
            edits.append((pos + kept, pos + len(line), ""))
        pos += len(line) + 1
    return mt.edit(edits), []


STEPS: list[Step] = [
    newlines,
    escaped_newlines,
    characters,
    nfc,
    markup,
    doubled_lines,
    bare_dates,
    glued_dates,
    split_dates,
    trailing_space,
    blank_every_line,
]


def clean(text: str | MappedText, steps: list[Step] | None = None) -> tuple[MappedText, list[Note]]:
    """Run the cleaning steps; returns the cleaned text and the notes they made."""
    mt = MappedText.identity(text) if isinstance(text, str) else text
    notes: list[Note] = []
    for step in steps or STEPS:
        mt, step_notes = step(mt)
        notes.extend(step_notes)
    return mt, notes
