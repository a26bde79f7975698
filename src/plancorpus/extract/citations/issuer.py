"""Issuer: the "của …" phrase after a citation ("…của Thủ tướng Chính phủ về việc…").

The phrase ends at a lower-case word that opens the rest of the sentence (the stop words in
data/patterns.toml, ``[citation_issuer]``), at a new list item after a line break, at a type
word that opens a new phrase, or after fourteen words.
"""

from __future__ import annotations

import regex

from plancorpus.data import patterns
from plancorpus.extract.citations.find import type_name
from plancorpus.segment.cues import find_head
from plancorpus.text.lazyregex import lazy_compile
from plancorpus.text.numerals import LETTERS, ROMAN_RX
from plancorpus.text.vietnamese import collapse_spaces, is_syllable

_WORD = lazy_compile(r"\S+")

_OF = lazy_compile(r"[ \t]*,?[ \t]*(?:\n[ \t]*)?(?i:của)[ \t\n]+")


_GLUED_STOP = lazy_compile(r"(?:về|của|theo|tại|trong|để|nhằm|đã|được)\p{Ll}{2,}")

# A person's title may open an issuer that goes on after a comma: "của Bộ trưởng, Trưởng ban
# Ban Tổ chức cán bộ Chính phủ".
# So may a ministry or department whose name holds a comma: "Bộ Lao động, Thương binh và Xã
# hội", "Sở Văn hóa, Thể thao và Du lịch".
_TITLE_BEFORE_COMMA = lazy_compile(
    r"(?:Bộ|Thứ|Thủ)\s+trưởng|(?:Phó\s+)?(?:Chủ\s+tịch|Giám\s+đốc)"
    r"|(?i:.*\b(?:Lao\s+động|Văn\s+h[oó]a|Văn\s+hoá))"
)
# a new list item after a line break ends the issuer ("…Chính phủ\n- Quyết định…", "…BR – VT\n2.
# Tiêu chuẩn"); a dash may also carry a name over the line ("Bộ Lao động\n- Thương binh và Xã hội")
_LABEL = lazy_compile(rf"\d{{1,2}}[.)]|[{LETTERS}][.)]|{ROMAN_RX}[.)]")

_DASH_ITEM = lazy_compile(r"[-–+•*]")
_JOINT = lazy_compile(r"^(?P<seg>[^,;.\n]*)\svà\s+\p{Lu}")


def _opens_item(token: str, after: list[regex.Match[str]]) -> bool:
    if _LABEL.fullmatch(token):
        return True
    if not _DASH_ITEM.fullmatch(token) or not after:
        return False
    first = after[0].group(0)
    two = " ".join(w.group(0) for w in after).rstrip(".,;:")
    return first[:1].islower() or type_name(two) is not None or type_name(first) is not None


# words that a body's name joins with a comma: "Ban Chỉ đạo tỉnh phòng, chống thiên tai"
_COMMA_PAIRS = {("phòng", "chống"), ("Phòng", "Chống"), ("PHÒNG", "CHỐNG")}


def _name_goes_on(bare: str, nxt: str, text: str, after: int) -> bool:
    """Does a body's name go on past the comma after ``bare``? In a fixed pair ("phòng,
    chống"), or in a joint issuer that names a further body and ends "và <body>" ("Ủy ban
    Thường vụ Quốc hội, Chính phủ và Ủy ban Trung ương Mặt trận…")."""
    if (bare, nxt) in _COMMA_PAIRS:
        return True
    ahead = text[after : after + 90]
    if not nxt[:1].isupper() or find_head(ahead.lstrip()) is None:
        return False
    joint = _JOINT.search(ahead)
    stops = patterns.citation_issuer_stops()
    return joint is not None and not any(w.lower() in stops for w in joint.group("seg").split())


_FOOTNOTE = lazy_compile(r"\[\d{1,3}\]$")


# a steering committee named by the fields it steers: "Ban Chỉ đạo Trung ương về phát triển
# khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số", "Tổ giúp việc Ban chỉ đạo …"
_COMMITTEE = lazy_compile(
    r"(?:Tổ\s+giúp\s+việc\s+)?Ban\s+[Cc]hỉ\s+đạo"
    r"(?:\s+(?:Trung\s+ương|quốc\s+gia|tỉnh|thành\s+phố|huyện))?(?:\s+về)?(?=\s+\p{Ll})"
)
_FIELD_WORD = lazy_compile(r"\s*(?P<w>[\p{Ll}\d]+)(?P<comma>,)?")


def _committee_end(text: str, start: int) -> int | None:
    """Where a steering committee's name ends: after its list of fields, which a comma or a
    "và" marks as a list, at the first stop word or capital ("… và đề án 06| về Kế hoạch",
    "… và chuyển đổi số tỉnh| ban hành …")."""
    head = _COMMITTEE.match(text, start, start + 80)
    if head is None:
        return None
    stops = patterns.citation_issuer_stops()
    pos, end, listed = head.end(), head.end(), False
    for _ in range(40):
        w = _FIELD_WORD.match(text, pos, pos + 60)
        if w is None or "\n\n" in text[pos : w.start("w")]:
            break
        word = w.group("w")
        nxt = _FIELD_WORD.match(text, w.end(), w.end() + 60)
        after = nxt.group("w") if nxt else ""
        # "chuyển đổi số", "người có công": words of a field, not a number or a verb
        in_field = (word == "số" and not after[:1].isdigit()) or f"{word} {after}" == "có công"
        if (word in stops and not in_field) or f"{word} {after}" in stops:
            break
        listed = listed or bool(w.group("comma")) or word == "và"
        pos, end = w.end(), w.end("w")
    return end if listed else None


def issuer_after(text: str, pos: int) -> tuple[str, int] | None:
    """The "của …" phrase after a citation, and where it ends."""
    m = _OF.match(text, pos, pos + 60)  # bounded: regex scans ahead for "của"
    if not m:
        return None
    start = m.end()
    committee = _committee_end(text, start)
    if committee is not None:
        return collapse_spaces(text[start:committee]), committee
    words = list(_WORD.finditer(text[start : start + 200]))
    taken: list[regex.Match[str]] = []
    taken_upper = True  # every word taken is in capitals
    taken_comma = False  # a word taken holds a comma
    for k, w in enumerate(words):
        token = w.group(0)
        bare = token.rstrip('.,;:)”"')
        nxt = words[k + 1].group(0).rstrip(".,;:") if k + 1 < len(words) else ""
        pair = f"{bare} {nxt}".lower()
        if not taken:
            rest = " ".join(x.group(0) for x in words[k : k + 4])
            if not (bare[:1].isupper() or find_head(rest[:1].upper() + rest[1:])):
                return None
        else:
            # in a heading in capitals the stop words are capitals too ("…CHÍNH PHỦ VỀ QUY ĐỊNH")
            caps = bare.isupper() and taken_upper
            stops = patterns.citation_issuer_stops()
            if (bare[:1].islower() or caps) and (bare.lower() in stops or pair in stops):
                break
            if bare.lower() == "v/v" or pair == "về việc":
                break  # "… của UBND xã An Phú V/v (Về việc) …": the subject follows
            if pair == "ban hành":
                break  # "… của Chính phủ Ban hành Chương trình …": a verb, never a body
            if bare[:1].islower() and not is_syllable(bare) and _GLUED_STOP.match(bare):
                break  # "…Xã hội vềviệc triển khai": a stop word glued to the next one
            if type_name(pair):
                break  # "…Xã hội Hướng dẫn một số…", "…Bộ Giáo dục thông tư…": a new phrase
            if bare.lower() == "và" and (
                nxt[:1].islower()
                or type_name(" ".join(x.group(0) for x in words[k + 1 : k + 3]).rstrip(".,;:"))
            ):
                break
            gap = text[start + taken[-1].end() : start + w.start()]
            if "\n\n" in gap or ("\n" in gap and _opens_item(token, words[k + 1 : k + 3])):
                break
            if bare == "" or bare[:1] in '(“"':
                break
        taken.append(w)
        taken_upper = taken_upper and token.isupper()
        taken_comma = taken_comma or "," in token
        if token.endswith(",") and _name_goes_on(bare, nxt, text, start + w.end()):
            continue
        if token.endswith(",") and nxt[:1].isupper():
            so_far = text[start + taken[0].start() : start + w.start() + len(bare)]
            if _TITLE_BEFORE_COMMA.fullmatch(collapse_spaces(so_far)):
                continue
        if bare != token or len(taken) >= (22 if taken_comma else 14):
            break
    if not taken:
        return None
    end = start + taken[-1].start() + len(taken[-1].group(0).rstrip('.,;:)”"'))
    note = _FOOTNOTE.search(text, start, end)  # "… của UBND tỉnh[1] về …": a footnote's mark
    if note:
        end = note.start()
    return collapse_spaces(text[start:end]), end
