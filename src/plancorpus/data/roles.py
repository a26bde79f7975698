"""Typed access to ``data/roles.toml``: the cue words that say what a citation does."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import regex

ROLES = ("basis", "implements", "replaces", "repeals", "amends", "guides", "proposal", "mention")


@dataclass(frozen=True)
class RoleExample:
    text: str
    key: str
    role: str
    described_by: str | None = None
    relation: str | None = None
    source: str = ""


@cache
def _raw() -> dict[str, Any]:
    data = resources.files("plancorpus").joinpath("data/roles.toml").read_bytes()
    return tomllib.loads(data.decode("utf-8"))


def _alternation(phrases: list[str]) -> str:
    ordered = sorted(set(phrases), key=len, reverse=True)
    return "|".join(regex.escape(p).replace(r"\ ", r"\s+").replace(",", r",?") for p in ordered)


def _cue_pattern(kind: str, extra: dict[str, list[str]] | None = None) -> regex.Pattern[str]:
    """One alternation of the cues of ``kind`` ("opening", "acting"), a named group per role,
    with ``extra`` phrases added to the roles given."""
    phrases = {r["role"]: list(r[kind]) for r in _raw()["roles"]}
    for role, more in (extra or {}).items():
        phrases[role] = phrases.get(role, []) + more
    groups = [f"(?P<{role}>{_alternation(p)})" for role, p in phrases.items() if p]
    return regex.compile(rf"(?i)(?<!\p{{L}})(?:{'|'.join(groups)})(?!\p{{L}})")


@cache
def opening_cue() -> regex.Pattern[str]:
    """A cue that opens its clause, after a label, a dash, "Để", "Nhằm" or "Tiếp tục";
    the name of the group that matched is the role. Use it with ``match(text, pos)``: it has
    no "^", which the regex module never matches at a ``pos`` past 0."""
    lead = r"[\s\-–+•*]*(?:(?:\d+(?:\.\d+)*|[a-zđ]|[IVXL]+)[.)]\s*)?(?:(?i:để|nhằm)\s+)?"
    inner = _cue_pattern("opening").pattern.removeprefix("(?i)")
    return regex.compile(rf"(?i){lead}{inner}")


@cache
def acting_cue() -> regex.Pattern[str]:
    """A cue that acts on what follows it, anywhere in the clause."""
    return _cue_pattern("acting")


@cache
def anywhere_opening() -> regex.Pattern[str]:
    """An opening cue found anywhere (a clause of its own inside a sentence)."""
    return _cue_pattern("opening")


@cache
def describing_cue() -> regex.Pattern[str]:
    """A cue between two citations that says what the earlier one does to the later one:
    the acting cues, and the verbs of carrying out (role implements)."""
    return _cue_pattern("acting", {"implements": _raw()["carry_out"]})


@cache
def carry_out_cue() -> regex.Pattern[str]:
    """A verb of carrying out, anywhere ("… triển khai thực hiện nghiêm túc Nghị quyết …")."""
    return regex.compile(rf"(?i)(?<!\p{{L}})(?:{_alternation(_raw()['carry_out'])})(?!\p{{L}})")


@cache
def head_headings() -> regex.Pattern[str]:
    """A top heading of the document's head ("I. MỤC ĐÍCH, YÊU CẦU")."""
    return regex.compile(rf"(?i){_alternation(_raw()['head_headings'])}")


@cache
def passive_before() -> regex.Pattern[str]:
    """Ends with a passive word: the cue after it describes an earlier document."""
    return regex.compile(rf"(?i)(?<!\p{{L}})(?:{_alternation(_raw()['passive'])})\s*$")


@cache
def subject_before() -> regex.Pattern[str]:
    """Ends with another document's type word: the acting cue after it is that one's."""
    words = _alternation(_raw()["other_subjects"])
    return regex.compile(rf"(?i)(?<!\p{{L}})(?:{words})\s+$")


@cache
def own_type_carry_out() -> regex.Pattern[str]:
    """ "Kế hoạch thực hiện …": the document's own kind, then a verb of carrying out."""
    types, verbs = _alternation(_raw()["own_types"]), _alternation(_raw()["carry_out"])
    between = r"(?:\s+[^\s;.:]+){0,8}?"  # "Chương trình hành động của Chính phủ thực hiện"
    return regex.compile(rf"(?i)(?<!\p{{L}})(?:{types}){between}\s+(?P<cue>{verbs})(?!\p{{L}})")


def _example(e: dict[str, Any], role: str) -> RoleExample:
    return RoleExample(
        text=e["text"],
        key=e["key"],
        role=e.get("role", role),
        described_by=e.get("described_by"),
        relation=e.get("relation"),
        source=e.get("source", ""),
    )


def examples() -> tuple[RoleExample, ...]:
    """Every example of the file: those of each role, and the described ones (mentions)."""
    raw = _raw()
    out = [_example(e, r["role"]) for r in raw["roles"] for e in r["examples"]]
    out += [_example(e, "mention") for e in raw.get("description_examples", [])]
    return tuple(out)
