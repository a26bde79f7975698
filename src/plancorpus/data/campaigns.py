"""Typed access to ``data/campaigns.toml``: the national emulation campaigns and movements, and
a matcher that finds where a text speaks of one of them.

The matcher is one compiled alternation of every name, short name and distinctive phrase,
longest first. It ignores case and tone placement ("hoá" / "hóa": each word of a form is
spelled both ways, so the text is never rewritten), takes any run of white space (line breaks
included) between words, and treats commas and dashes between words as optional. It is tried
only where a word that opens some form starts (a fast named-list scan of the lower-cased
text), which keeps a 10 kB text near 2 ms. Offsets point into the text as given: text that is
not in NFC is composed letter by letter, so that every offset maps back (slower: about 5 ms
for 10 kB of decomposed text).
"""

from __future__ import annotations

import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache, partial
from importlib import resources
from itertools import accumulate
from typing import Any, Literal

import regex

from plancorpus.text.lazyregex import lazy_compile
from plancorpus.text.vietnamese import DASHES, compare_key, fold_tone_placement

FormKind = Literal["name", "short_name", "phrase"]


@dataclass(frozen=True)
class CampaignExample:
    text: str
    source: str
    only: bool = False  # the text must yield this campaign and no other


@dataclass(frozen=True)
class CampaignEntry:
    id: str
    name: str
    kind: str  # "phong_trao", "cuoc_van_dong", "hoc_tap"
    launched_by: str
    documents: tuple[str, ...]
    short_names: tuple[str, ...]
    phrases: tuple[str, ...]
    not_followed_by: tuple[str, ...]
    examples: tuple[CampaignExample, ...]
    note: str = ""

    def forms(self) -> tuple[tuple[str, FormKind], ...]:
        """Every written form with its kind: the name, the short names, the phrases."""
        named: list[tuple[str, FormKind]] = [(self.name, "name")]
        named += [(s, "short_name") for s in self.short_names]
        named += [(p, "phrase") for p in self.phrases]
        return tuple(named)


@dataclass(frozen=True)
class NotExample:
    text: str
    source: str
    why: str = ""


@dataclass(frozen=True)
class CampaignMention:
    campaign: str  # the entry's id
    start: int  # offsets in the text given to campaign_mentions
    end: int
    text: str  # text[start:end], as written
    form: str  # the listed form it matched
    kind: FormKind


@cache
def _raw() -> dict[str, Any]:
    data = resources.files("plancorpus").joinpath("data/campaigns.toml").read_bytes()
    return tomllib.loads(data.decode("utf-8"))


def _entry(d: dict[str, Any]) -> CampaignEntry:
    return CampaignEntry(
        id=d["id"],
        name=d["name"],
        kind=d["kind"],
        launched_by=d.get("launched_by", ""),
        documents=tuple(d.get("documents", [])),
        short_names=tuple(d.get("short_names", [])),
        phrases=tuple(d.get("phrases", [])),
        not_followed_by=tuple(d.get("not_followed_by", [])),
        examples=tuple(CampaignExample(**e) for e in d.get("examples", [])),
        note=d.get("note", ""),
    )


@cache
def campaigns() -> tuple[CampaignEntry, ...]:
    return tuple(_entry(d) for d in _raw()["campaigns"])


@cache
def campaign_by_id() -> dict[str, CampaignEntry]:
    return {c.id: c for c in campaigns()}


@cache
def not_examples() -> tuple[NotExample, ...]:
    return tuple(NotExample(**d) for d in _raw().get("not_examples", []))


# Between two words of a form: white space, or a comma or dash with optional space around it.
_SEPARATORS = f",{DASHES}-"
_SEP = rf"(?:\s*[{regex.escape(_SEPARATORS)}]\s*|\s+)"
_SPLIT = lazy_compile(rf"[\s{regex.escape(_SEPARATORS)}]+")
_TONES = "\u0300\u0301\u0309\u0303\u0323"
# an open oa/oe/uy syllable with its tone in the old place ("hoá"), in NFD
_OLD_PLACE = lazy_compile(rf"(?<![qQ])([oOuU])([aAeEyY])([{_TONES}])(?!\p{{L}})")


def _words(form: str) -> list[str]:
    return [w for w in _SPLIT.split(form) if w]


def form_key(form: str) -> str:
    """A key for telling forms apart: case, tone placement, commas and dashes ignored."""
    return " ".join(_words(compare_key(form)))


def _placements(word: str) -> list[str]:
    """The word in both tone placements, old style first: "hóa" -> ["hoá", "hóa"]."""
    old = fold_tone_placement(unicodedata.normalize("NFC", word))
    new = _OLD_PLACE.sub(r"\1\3\2", unicodedata.normalize("NFD", old))
    return list(dict.fromkeys([old, unicodedata.normalize("NFC", new)]))


def _spellings(word: str) -> list[str]:
    """Every spelling the matcher accepts for a word, case aside: both tone placements, and
    "ð" (U+00F0, a look-alike some text uses) for "đ"."""
    out = _placements(word)
    return list(dict.fromkeys(out + [w.replace("đ", "ð").replace("Đ", "Ð") for w in out]))


def _word_pattern(word: str) -> str:
    placed = [
        "".join("[đð]" if ch in "đĐ" else regex.escape(ch) for ch in w) for w in _placements(word)
    ]
    return placed[0] if len(placed) == 1 else f"(?:{'|'.join(placed)})"


def _alternative(form: str, not_followed_by: tuple[str, ...]) -> str:
    body = _SEP.join(_word_pattern(w) for w in _words(form))
    if not_followed_by:
        stops = "|".join(_word_pattern(w) for w in not_followed_by)
        body += rf"(?!\s+(?:{stops})(?!\w))"
    return f"({body})"


@cache
def _forms() -> tuple[tuple[CampaignEntry, str, FormKind], ...]:
    """Every form of every entry, longest first: group i + 1 of the matcher is form i."""
    listed = [(c, form, kind) for c in campaigns() for form, kind in c.forms()]
    return tuple(sorted(listed, key=lambda f: len(form_key(f[1])), reverse=True))


@cache
def _matcher() -> regex.Pattern[str]:
    """The one alternation of every form, longest first, tried where a first word starts."""
    alts = "|".join(_alternative(form, c.not_followed_by) for c, form, _kind in _forms())
    return regex.compile(rf"(?i)(?:{alts})(?!\w)")


@cache
def _starts() -> regex.Pattern[str]:
    """Where a form may start: a whole word that opens some form (a fast named-list scan of
    the lower-cased text)."""
    firsts = {s.lower() for _c, form, _k in _forms() for s in _spellings(_words(form)[0])}
    return regex.compile(r"\b\L<firsts>\b", firsts=sorted(firsts))


def _lowered(text: str) -> str:
    """The text in lower case, one character for one ("İ" alone lowers to two: kept)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(low_ch if len(low_ch := ch.lower()) == 1 else ch for ch in text)


_DECOMPOSE = partial(unicodedata.normalize, "NFD")
# a letter with its combining marks: the only place where composing (NFC) changes lengths
_MARKED = lazy_compile(r"\P{M}?\p{M}+")
_GRAPHEME = lazy_compile(r"\X", regex.DOTALL)


def _composed(text: str) -> tuple[str, list[int] | None]:
    """The text in NFC, and where each of its characters comes from (None: the same place).
    Each letter is composed with its own marks, so every offset maps back."""
    if unicodedata.is_normalized("NFC", text):
        return text, None
    composed = unicodedata.normalize("NFC", text)
    pieces = list(map(_DECOMPOSE, composed))
    if "".join(pieces) == text:  # fully decomposed text: each character has its own pieces
        return composed, [0, *accumulate(map(len, pieces))]
    parts: list[str] = []
    origin: list[int] = []
    pos = 0
    for m in _MARKED.finditer(text):
        _compose(text[pos : m.start()], pos, parts, origin)
        _compose(m.group(), m.start(), parts, origin)
        pos = m.end()
    _compose(text[pos:], pos, parts, origin)
    origin.append(len(text))
    return "".join(parts), origin


def _compose(piece: str, at: int, parts: list[str], origin: list[int]) -> None:
    """Append ``piece`` (found at offset ``at``) in NFC: a run of plain characters keeps one
    character per character; a letter with its marks becomes what it composes to."""
    composed = unicodedata.normalize("NFC", piece)
    if len(composed) == len(piece):
        parts.append(composed)
        origin.extend(range(at, at + len(piece)))
    elif len(piece) > 1 and _MARKED.fullmatch(piece) is None:
        for m in _GRAPHEME.finditer(piece):  # rare: a plain character that NFC rewrites
            _compose(m.group(), at + m.start(), parts, origin)
    else:
        parts.append(composed)
        origin.extend([at] * len(composed))


def _matches(text: str) -> list[regex.Match[str]]:
    starts, matcher = _starts(), _matcher()
    text = _lowered(text)
    found: list[regex.Match[str]] = []
    pos = 0
    while (start := starts.search(text, pos)) is not None:
        m = matcher.match(text, start.start(), start.start() + 600)
        if m is None:
            pos = start.end()
            continue
        found.append(m)
        pos = m.end()
    return found


def campaign_mentions(text: str) -> list[CampaignMention]:
    """Every place where ``text`` names or speaks of a listed campaign, in reading order and
    not overlapping; of two forms that fit at one place the longer wins."""
    composed, origin = _composed(text)
    forms = _forms()
    found: list[CampaignMention] = []
    for m in _matches(composed):
        entry, form, kind = forms[(m.lastindex or 1) - 1]
        start, end = (origin[m.start()], origin[m.end()]) if origin else m.span()
        found.append(CampaignMention(entry.id, start, end, text[start:end], form, kind))
    return found


def campaign_of(text: str) -> str | None:
    """The id of the first campaign that ``text`` (a plan's title or campaign field) names by
    its name or a short name; a distinctive phrase alone does not name a campaign."""
    for mention in campaign_mentions(text):
        if mention.kind != "phrase":
            return mention.campaign
    return None
