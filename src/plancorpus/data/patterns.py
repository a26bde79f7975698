"""Typed access to ``data/patterns.toml``: document types, issuer codes, signature prefixes,
signer titles and the words that open a body's name."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import regex


@dataclass(frozen=True)
class DocType:
    name: str  # sentence case: "Kế hoạch"
    code: str  # state code in a symbol: "KH" ("" when the type has none)
    party_code: str
    informal_code: str = ""
    examples: tuple[dict[str, str], ...] = field(default=())


@dataclass(frozen=True)
class IssuerCode:
    code: str
    name: str
    party: bool
    examples: tuple[str, ...]
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class SignerPrefix:
    prefix: str
    meaning: str
    written: tuple[str, ...]
    examples: tuple[str, ...]


@dataclass(frozen=True)
class OrgHead:
    head: str
    casing: str
    examples: tuple[dict[str, str], ...]


@cache
def _raw() -> dict[str, Any]:
    data = resources.files("plancorpus").joinpath("data/patterns.toml").read_bytes()
    return tomllib.loads(data.decode("utf-8"))


@cache
def doc_types() -> tuple[DocType, ...]:
    return tuple(
        DocType(
            name=d["name"],
            code=d.get("code", ""),
            party_code=d.get("party_code", d.get("code", "")),
            informal_code=d.get("informal_code", ""),
            examples=tuple(d.get("examples", [])),
        )
        for d in _raw()["doc_types"]
    )


@cache
def doc_type_names() -> dict[str, DocType]:
    """Lower-case name → type ("kế hoạch" → Kế hoạch)."""
    return {d.name.lower(): d for d in doc_types()}


@cache
def doc_type_codes() -> dict[str, DocType]:
    """Upper-case code → type ("KH" → Kế hoạch, "QYĐ" → Quy định). Party "QĐ" stays Quyết
    định: the symbol alone cannot tell a Party Quy định from a Quyết định."""
    out: dict[str, DocType] = {}
    for d in doc_types():
        for code in (d.code, d.informal_code):
            if code:
                out.setdefault(code.upper(), d)
    return out


@cache
def issuer_codes() -> tuple[IssuerCode, ...]:
    return tuple(
        IssuerCode(
            code=d["code"],
            name=d.get("name", ""),
            party=bool(d.get("party", False)),
            examples=tuple(d.get("examples", [])),
            aliases=tuple(d.get("aliases", [])),
        )
        for d in _raw()["issuer_codes"]
    )


@cache
def official_case() -> dict[str, str]:
    """Upper-case spelling → official spelling of every known code ("TTG" → "TTg")."""
    table = {c.code.upper(): c.code for c in issuer_codes()}
    table.update({a.upper(): c.code for c in issuer_codes() for a in c.aliases})
    for d in doc_types():
        for code in (d.code, d.party_code, d.informal_code):
            if code:
                table.setdefault(code.upper(), code)
    for sector in sector_codes():
        for lead in ("S", "B"):
            table.setdefault((lead + sector).upper(), lead + sector)
    return table


@cache
def sector_codes() -> tuple[str, ...]:
    return tuple(_raw()["sector_codes"]["codes"])


@cache
def party_issuer_codes() -> frozenset[str]:
    return frozenset(
        code.upper() for c in issuer_codes() if c.party for code in (c.code, *c.aliases)
    )


@cache
def signer_prefixes() -> tuple[SignerPrefix, ...]:
    return tuple(
        SignerPrefix(
            prefix=d["prefix"],
            meaning=d.get("meaning", ""),
            written=tuple(d.get("written", [])),
            examples=tuple(d.get("examples", [])),
        )
        for d in _raw()["signer_prefixes"]
    )


@cache
def signer_title_heads() -> tuple[str, ...]:
    return tuple(sorted(set(_raw()["signer_titles"]["heads"]), key=len, reverse=True))


@cache
def signer_title_examples() -> tuple[str, ...]:
    return tuple(_raw()["signer_titles"]["examples"])


@cache
def header_marks() -> frozenset[str]:
    """Urgency, secrecy and circulation marks of a header, upper case."""
    return frozenset(w.upper() for w in _raw()["header_marks"]["words"])


@cache
def org_heads() -> tuple[OrgHead, ...]:
    heads = [
        OrgHead(head=d["head"], casing=d["casing"], examples=tuple(d.get("examples", [])))
        for d in _raw()["org_heads"]
    ]
    return tuple(sorted(heads, key=lambda h: len(h.head), reverse=True))


@cache
def proper_words() -> tuple[str, ...]:
    words = [*_raw()["proper_words"]["words"], *provinces()]
    return tuple(sorted(set(words), key=len, reverse=True))


@cache
def provinces() -> tuple[str, ...]:
    return tuple(_raw()["provinces"]["names"])


@cache
def school_levels() -> tuple[str, ...]:
    return tuple(sorted(_raw()["school_levels"]["levels"], key=len, reverse=True))


@cache
def locality_words() -> tuple[str, ...]:
    return tuple(sorted(_raw()["locality_words"]["words"], key=len, reverse=True))


def phrase_alternation(phrases: tuple[str, ...] | list[str]) -> str:
    """A regex alternation of phrases, longest first, any run of white space between words."""
    ordered = sorted(phrases, key=len, reverse=True)
    return "|".join(regex.escape(p).replace(r"\ ", r"\s+") for p in ordered)


@cache
def citation_issuer_stops() -> frozenset[str]:
    return frozenset(_raw()["citation_issuer"]["stops"])


@cache
def citation_issuer_examples() -> tuple[dict[str, str], ...]:
    return tuple(_raw()["citation_issuer"]["examples"])


@cache
def recipient_purpose_words() -> tuple[str, ...]:
    return tuple(_raw()["recipient_purposes"]["words"])


@cache
def recipient_purpose_examples() -> tuple[dict[str, str], ...]:
    return tuple(_raw()["recipient_purposes"]["examples"])


@cache
def preamble_openers() -> tuple[str, ...]:
    return tuple(_raw()["preamble_openers"]["words"])


def preamble_examples() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(lines that open a preamble, lines that do not)."""
    table = _raw()["preamble_openers"]
    return tuple(table["examples"]), tuple(table["not_examples"])


@dataclass(frozen=True)
class CampaignCues:
    cues: tuple[str, ...]
    qualifiers: tuple[str, ...]
    not_before: tuple[str, ...]
    examples: tuple[dict[str, str], ...]


@cache
def campaign_cues() -> CampaignCues:
    table = _raw()["campaign_cues"]
    return CampaignCues(
        cues=tuple(table["cues"]),
        qualifiers=tuple(table["qualifiers"]),
        not_before=tuple(table["not_before"]),
        examples=tuple(table["examples"]),
    )
