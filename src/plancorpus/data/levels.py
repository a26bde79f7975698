"""Typed access to ``data/levels.toml``: the level (central, province, department, district,
commune) and branch (Party, State) of an issuing body, from its name or its issuer code."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import regex

from plancorpus.text.lazyregex import lazy_compile
from plancorpus.text.vietnamese import compare_key

LEVELS = ("central", "province", "department", "district", "commune")
# a Party code: "05-CT/TW" (number, dash, type, slash, body); a State one: "12/KH-UBND"
_PARTY_CODE = lazy_compile(r"^\d+[a-z]?-[^/\s]+/(?P<org>[^\s]+)$")
_STATE_CODE = lazy_compile(r"^\d+[a-z]?/(?:\d{4}/)?(?:[^-\s]+)-(?P<org>[^\s]+)$")
_QH = lazy_compile(r"^(?:UBTVQH|QH)\d*$")


@dataclass(frozen=True)
class Placed:
    level: str | None
    branch: str | None


@cache
def _raw() -> dict[str, Any]:
    data = resources.files("plancorpus").joinpath("data/levels.toml").read_bytes()
    return tomllib.loads(data.decode("utf-8"))


def name_key(name: str) -> str:
    """A body's name for comparing: the comparison key with "UBND", "HĐND", "TP." … written
    out ("UBND tỉnh Cao Bằng" and "Ủy ban nhân dân tỉnh Cao Bằng" get one key)."""
    key = " " + compare_key(name) + " "
    for short, full in _raw()["abbreviations"]:
        key = regex.sub(rf"(?<=\s){regex.escape(short)}(?=\s)", full, key)
    return compare_key(key)


@cache
def _rules() -> tuple[tuple[str, tuple[str, ...], tuple[str, ...], frozenset[str]], ...]:
    return tuple(
        (
            r["level"],
            tuple(compare_key(w) for w in r.get("contains", [])),
            tuple(compare_key(w) for w in r.get("opens", [])),
            frozenset(r.get("codes", [])),
        )
        for r in _raw()["levels"]
    )


def level_of_name(name: str) -> str | None:
    key = name_key(name) + " "
    for level, contains, opens, _ in _rules():
        if any(key.startswith(w + " ") for w in opens) or any(
            f" {w} " in f" {key}" for w in contains
        ):
            return level
    return None


def _org_code(key: str) -> tuple[str | None, bool]:
    """The issuer code of a canonical key, and whether the key is in the Party's form."""
    m = _PARTY_CODE.match(key)
    if m:
        return m.group("org"), True
    m = _STATE_CODE.match(key)
    return (m.group("org"), False) if m else (None, False)


def level_of_code(key: str) -> str | None:
    org, _ = _org_code(key)
    if org is None:
        return None
    if _QH.match(org):
        return "central"
    for level, _, _, codes in _rules():
        if org in codes or org.split("-")[0] in codes:
            return level
    return None


def branch_of(name: str | None, key: str | None) -> str | None:
    if key:
        org, party = _org_code(key)
        if org is not None:
            return "party" if party else "state"
    if name:
        words = _raw()["branch"]["party_words"]
        key_name = name_key(name)
        return "party" if any(compare_key(w) in key_name for w in words) else "state"
    return None


def place(name: str | None, key: str | None = None) -> Placed:
    """The level and branch of a body: by its name when it says, else by its code."""
    level = level_of_name(name) if name else None
    if level is None and key:
        level = level_of_code(key)
    return Placed(level, branch_of(name, key))


def examples() -> tuple[dict[str, str], ...]:
    return tuple(e for r in _raw()["levels"] for e in r["examples"])
