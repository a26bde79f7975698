"""Number-and-symbol codes ("số, ký hiệu") of State and Party documents.

State form ``{number}/{year?}/{type}-{issuer}``: "1258/QĐ-TTg", "30/2020/NĐ-CP", and official
letters without a type code, "238/UBND-KGVX". Party form ``{number}-{type}/{issuer}``:
"05-CT/TW". :func:`parse_code` reads what was written, however messy, and gives the number,
the symbol as written (dashes normalised), the canonical key and the defects it saw.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

import regex

from plancorpus.data import patterns
from plancorpus.text.lazyregex import lazy_compile
from plancorpus.text.vietnamese import DASHES

_LETTERS = r"A-Za-zĐđƯƠÂÊÔĂ"
# the legislature adds its term ("55/2001/QH10", "…/UBTVQH15"), a unit its number
# ("UBND-VX1", "BCĐ389")
_PART = rf"[{_LETTERS}][{_LETTERS}&]*(?:\d{{1,3}})?"

# Written code, before normalisation: separators may carry spaces, en dashes, underscores,
# dots, and a line break.
_SEP = rf"[ \t]*(?:\n[ \t]*)?[/\-_.{DASHES}][ \t]*(?:\n[ \t]*)?"
_WRITTEN = lazy_compile(
    r"[ \t]*(?P<num>\d{1,5}(?:\.\d{1,2}(?=/(?:19|20)\d\d/))?[a-z]?)?[ \t]*(?P<rest>.+?)[ \t]*",
    flags=regex.S,
)
_SPLIT = lazy_compile(f"({_SEP})")
_SEP_RX = lazy_compile(_SEP)
_PART_RX = lazy_compile(_PART)
_YEAR_RX = lazy_compile(r"(?:19|20)\d\d")
_DASH_TO_HYPHEN = str.maketrans(dict.fromkeys(DASHES, "-"))
CODE_RX = lazy_compile(
    rf"(?P<num>\d{{1,5}}[a-z]?)?(?P<rest>{_SEP}(?:(?:19|20)\d\d{_SEP})?{_PART}"
    rf"(?:{_SEP}{_PART})*)",
)


@dataclass
class Code:
    raw: str
    number: str | None
    year: str | None
    type_code: str | None  # "QĐ", "KH"… in official case; None for letters without a type
    issuer: str | None  # "TTg", "UBND-KGVX", "TW"
    party: bool
    symbol: str  # the code after the number, dashes normalised: "QĐ-TTG", "2020/NĐ-CP"
    key: str | None  # canonical "1258/QĐ-TTg", "272-QĐ/TW"; None when the number is blank
    defects: list[str] = field(default_factory=list)


def official(code: str) -> str:
    """Official spelling of a type or issuer code ("TTG" → "TTg", "qđ" → "QĐ")."""
    return patterns.official_case().get(code.upper(), code.upper())


def is_known_issuer(code: str) -> bool:
    table = patterns.official_case()
    head = code.split("-")[0].upper()
    # the legislature's codes carry its term: "QH10", "UBTVQH15"
    return head in table or code.upper() in table or head.rstrip("0123456789") in table


@cache
def _issuer_only_codes() -> frozenset[str]:
    return frozenset(patterns.official_case()) - frozenset(patterns.doc_type_codes())


@cache
def _type_codes_longest_first() -> tuple[str, ...]:
    return tuple(sorted(patterns.doc_type_codes(), key=len, reverse=True))


def _unglue(part: str) -> tuple[str, str] | None:
    """A type code glued to a known issuer code ("NQCP" → NQ + CP), or None."""
    if part in patterns.official_case():
        return None
    for code in _type_codes_longest_first():
        rest = part[len(code) :]
        if part.startswith(code) and len(rest) >= 2 and rest in _issuer_only_codes():
            return code, rest
    return None


_TRAILING_NUMBER = lazy_compile(r"(?:19|20)\d\d|\d{1,3}")


def _is_tail(k: int, parts: list[str]) -> bool:
    """A year or a unit's number closing a symbol: "88/TN-2022", "12/QĐ-BTC.01"."""
    return 0 < k == len(parts) - 1 and _TRAILING_NUMBER.fullmatch(parts[k]) is not None


def parse_code(raw: str) -> Code | None:
    """Read a written number-and-symbol. Returns None when ``raw`` is not code-shaped."""
    m = _WRITTEN.fullmatch(raw)
    if not m:
        return None
    number = m.group("num")
    pieces = [p for p in _SPLIT.split(m.group("rest")) if p]
    # pieces alternate: [sep] part sep part ...
    lead = ""
    if pieces and _SEP_RX.fullmatch(pieces[0]):
        lead = pieces.pop(0)
    parts = pieces[0::2]
    inner = pieces[1::2]
    if (
        not parts
        or len(inner) != len(parts) - 1
        or any(_SEP_RX.fullmatch(p) is None for p in inner)
    ):
        return None
    year = None
    if _YEAR_RX.fullmatch(parts[0]) and len(parts) > 1:
        year = parts.pop(0)
        year_sep = inner.pop(0)
    else:
        year_sep = ""
    if not all(_PART_RX.fullmatch(p) or _is_tail(k, parts) for k, p in enumerate(parts)):
        return None
    if number is None and not lead:
        return None  # a bare word, not a code

    written = [s for s in (lead, year_sep, *inner) if s]
    defects: list[str] = []
    if any("\n" in s for s in written):
        defects.append("code_broken_over_line")
    if any(" " in s or "\t" in s for s in written):
        defects.append("spaces_in_code")
    if any(ch in s for s in written for ch in DASHES):
        defects.append("en_dash_in_code")
    if any("_" in s for s in written):
        defects.append("underscore_in_code")
    if any(s.strip() == "." for s in written):
        defects.append("dot_in_code")

    def norm(sep: str) -> str:
        return "".join(sep.split()).translate(_DASH_TO_HYPHEN)

    lead_n, inner_n = norm(lead), [norm(s) for s in inner]
    party_codes = patterns.party_issuer_codes()
    type_codes = patterns.doc_type_codes()
    upper = [p.upper() for p in parts]
    is_party = (
        lead_n == "-"
        and year is None
        and len(parts) >= 2
        and (inner_n[0] == "/" or (upper[0] in type_codes and upper[-1] in party_codes))
    ) or (
        # the Central Committee's code in the State's order: "Nghị quyết số 27/NQ- TW"
        lead_n == "/" and year is None and len(parts) == 2 and upper[0] in type_codes
        and upper[1] in ("TW", "TƯ")
    )  # fmt: skip
    type_code: str | None = None
    if is_party:
        type_code = official(parts[0])
        issuer = "-".join(official(p) for p in parts[1:])
        if inner_n[0] != "/" or lead_n != "-":
            defects.append("wrong_separator")
        key = f"{number}-{type_code}/{issuer}" if number else None
    else:
        if lead_n != "/" or any(s != "-" for s in inner_n) or norm(year_sep) not in ("", "/"):
            defects.append("wrong_separator")
        body = parts
        if len(parts) >= 2 and upper[0] in type_codes:
            type_code = official(parts[0])
            body = parts[1:]
        elif glued := _unglue(upper[0]):
            # "30c/NQCP", "2468/QĐUBND": the dash between type and issuer was lost
            type_code, body = official(glued[0]), [glued[1], *parts[1:]]
            defects.append("missing_separator")
        issuer = "-".join(official(p) for p in body)
        canon = f"{type_code}-{issuer}" if type_code else issuer
        key = f"{number}/{year + '/' if year else ''}{canon}" if number else None
    if any(p != official(p) for p in parts):
        defects.append("code_case")

    symbol = "".join(p + (inner_n[i] if i < len(inner_n) else "") for i, p in enumerate(parts))
    if year:
        symbol = f"{year}{norm(year_sep)}{symbol}"
    return Code(
        raw=raw,
        number=number,
        year=year,
        type_code=type_code,
        issuer=issuer,
        party=is_party,
        symbol=symbol,
        key=key,
        defects=list(dict.fromkeys(defects)),
    )
