"""Agreement with the test expectations of other Vietnamese document-processing projects.

    python benchmarks/eval_peers.py [--verbose] [--peer ID] [--record]

The cases are benchmarks/peers/fixtures.toml: inputs and expected values taken from peers'
unit tests, mapped onto Plan fields (the mapping and its limits are written at the top of that
file). Each input is parsed with ``plancorpus.parse_text`` and every expected value is one
comparison. Reported: agreement per field and per peer, and the disagreements counted by the
verdict written next to their case in the fixtures (plancorpus wrong / peer wrong /
convention). ``--verbose`` lists each disagreement with its verdict; ``--peer`` keeps one
peer's cases; ``--record`` appends the tables to benchmarks/RESULTS.md.

Normalisation before comparing: Unicode NFC; runs of whitespace made one space; old and new
tone placement unified ("hoà" = "hòa", "uỷ" = "ủy"); case folded for every text field except
codes and citation keys, where en/em dashes become "-" and spaces are removed; a leading
"V/v" marker and final ".;:," are dropped from titles and headings. Dates are ISO strings.
"""

from __future__ import annotations

import argparse
import platform
import re
import sys
import tomllib
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from plancorpus import parse_text
from plancorpus.model.plan import Plan, Section
from plancorpus.text.vietnamese import compare_key
from results import record

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "benchmarks" / "peers" / "fixtures.toml"

# new-style tone placement -> old style, so both spellings compare equal
_VV = re.compile(r"^\s*v/v\s*:?\s*", re.IGNORECASE)
_DASHES = str.maketrans({"\u2013": "-", "\u2014": "-", "\u2212": "-"})


def norm_text(value: str | None) -> str | None:
    """Text fields: NFC, one space, tone placement unified, case folded (the project's own
    comparison key)."""
    return None if value is None else compare_key(value)


def norm_title(value: str | None) -> str | None:
    """Titles and headings: as text, without a leading "V/v" and final punctuation."""
    text = norm_text(value)
    if text is None:
        return None
    return _VV.sub("", text).rstrip(" .;:,")


def norm_code(value: str | None) -> str | None:
    """Codes and citation keys: NFC, dashes unified, no spaces; case kept."""
    if value is None:
        return None
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", value).translate(_DASHES))


# ---------------------------------------------------------------------------- plan fields --


def code_of(plan: Plan) -> str | None:
    symbol = plan.symbol.value if plan.symbol else None
    number = plan.number.value if plan.number else None
    if symbol is None:
        return None
    return f"{number or ''}/{symbol}"


def signer_block(plan: Plan) -> str | None:
    if not plan.signers:
        return None
    s = plan.signers[0]
    parts: list[str] = []
    if s.chain:
        for step in s.chain:
            parts += [step.authority, step.on_behalf_of or ""]
    elif s.authority:
        parts += [s.authority, s.on_behalf_of or ""]
    parts.append(s.title or "")
    text = " ".join(p for p in parts if p)
    return text or None


def articles_of(plan: Plan) -> list[Section]:
    return [n for n in plan.all_sections() if n.kind == "article"]


def actual(plan: Plan, name: str) -> Any:
    """The value of a mapped field (see the top of fixtures.toml)."""
    if name == "doc_type":
        return norm_text(plan.doc_type.value if plan.doc_type else None)
    if name == "code":
        return norm_code(code_of(plan))
    if name == "issuer":
        return norm_text(plan.issuer.value if plan.issuer else None)
    if name == "place":
        return norm_text(plan.place.value if plan.place else None)
    if name == "date":
        return plan.date.value if plan.date else None
    if name == "title":
        return norm_title(plan.title.value if plan.title else None)
    if name == "signer_block":
        return norm_text(signer_block(plan))
    if name == "signer_name":
        return norm_text(plan.signers[0].name if plan.signers else None)
    if name == "recipients":
        names = [r.name for r in plan.recipients if not r.archive]
        return norm_text("; ".join(names)) if names else None
    if name == "recipients_raw":
        raws = [r.raw for r in plan.recipients]
        return norm_text("; ".join(raws)) if raws else None
    if name == "articles":
        return [a.label for a in articles_of(plan)]
    if name == "outline":
        return [path for path, _ in plan.outline()]
    if name == "citations":
        return sorted({norm_code(c.key) for c in plan.citations if c.key})
    raise KeyError(name)


def expected(name: str, value: Any) -> Any:
    """An expected value in the same normal form as :func:`actual`."""
    if name in ("doc_type", "issuer", "place", "signer_block", "signer_name"):
        return norm_text(value)
    if name in ("recipients", "recipients_raw"):
        return norm_text(value)
    if name == "title":
        return norm_title(value)
    if name == "code":
        return norm_code(value)
    return value


def searchable(plan: Plan, name: str) -> str:
    """The text a contains/excludes check looks in: the field as read and its value."""
    if name == "issuer":
        f = plan.issuer
        return norm_text(f"{f.raw} | {f.value or ''}") or "" if f else ""
    if name == "title":
        t = plan.title
        return norm_text(f"{t.raw} | {t.value or ''}") or "" if t else ""
    raise KeyError(name)


# ------------------------------------------------------------------------------- scoring --


@dataclass
class Check:
    peer: str
    case: str
    field: str
    expected: Any
    got: Any
    ok: bool


@dataclass
class Score:
    checks: list[Check] = field(default_factory=list)

    def add(self, peer: str, case: str, name: str, exp: Any, got: Any, ok: bool) -> None:
        self.checks.append(Check(peer, case, name, exp, got, ok))

    def table(self, key: str) -> list[tuple[str, int, int]]:
        agree: dict[str, int] = defaultdict(int)
        total: dict[str, int] = defaultdict(int)
        for c in self.checks:
            k = getattr(c, key)
            total[k] += 1
            agree[k] += c.ok
        return [(k, agree[k], total[k]) for k in sorted(total)]

    @property
    def misses(self) -> list[Check]:
        return [c for c in self.checks if not c.ok]


_DETAIL_FIELDS = ("headings", "article_headings", "clauses", "citation_dates", "citation_undated")


def score_case(case: dict[str, Any], plan: Plan, score: Score) -> None:
    peer, cid = case["peer"], case["id"]
    exp: dict[str, Any] = case.get("expect", {})

    def add(name: str, e: Any, g: Any, ok: bool | None = None) -> None:
        score.add(peer, cid, name, e, g, (e == g) if ok is None else ok)

    for name in case.get("absent", []):
        add(name, None, actual(plan, name))
    for name, value in exp.items():
        if name in _DETAIL_FIELDS:
            continue
        if name == "citations":
            got = actual(plan, "citations")
            if not value:
                add("citations", [], got)
            for key in value:
                add("citations", norm_code(key), got, norm_code(key) in got)
            continue
        add(name, expected(name, value), actual(plan, name))
    outline = dict(plan.outline())
    for path, heading in exp.get("headings", {}).items():
        add(
            "headings", f"{path}: {norm_title(heading)}", f"{path}: {norm_title(outline.get(path))}"
        )
    arts = {a.label: a for a in articles_of(plan)}
    for label, heading in exp.get("article_headings", {}).items():
        got = arts[label].heading if label in arts else None
        add("article_headings", f"{label}: {norm_title(heading)}", f"{label}: {norm_title(got)}")
    for label, labels in exp.get("clauses", {}).items():
        kids = None
        if label in arts:
            kids = [k.label for k in arts[label].children if k.kind == "arabic"]
        add("clauses", f"{label}: {labels}", f"{label}: {kids}")
    cites = {norm_code(c.key): c for c in plan.citations if c.key}
    for key, iso in exp.get("citation_dates", {}).items():
        c = cites.get(norm_code(key))
        add("citation_dates", f"{key}: {iso}", f"{key}: {c.date.value if c and c.date else None}")
    for key in exp.get("citation_undated", []):
        c = cites.get(norm_code(key))
        add(
            "citation_dates",
            f"{key}: None",
            f"{key}: {c.date.value if c and c.date else None}" if c else f"{key}: not found",
        )
    for kind, want in (("contains", True), ("excludes", False)):
        for name, parts in case.get(kind, {}).items():
            hay = searchable(plan, name)
            for part in parts:
                found = (norm_text(part) or "") in hay
                label = f"{'has' if want else 'not'} {part!r}"
                add(f"{name} ({kind})", label, hay or None, found == want)


def verdicts(path: Path) -> dict[str, list[str]]:
    """The '# verdict:' (and '# note:') comments written inside each case of the fixtures
    file, each with its indented continuation lines."""
    out: dict[str, list[str]] = defaultdict(list)
    current = None
    open_note = False
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r'^id = "([^"]+)"', line)
        if m:
            current, open_note = m.group(1), False
        elif current and line.startswith(("# verdict", "# note")):
            out[current].append(line[2:])
            open_note = True
        elif current and open_note and line.startswith("#   "):
            out[current][-1] += " " + line[1:].strip()
        else:
            open_note = False
            if line.startswith("[[peer]]"):
                current = None
    return out


def evaluate(fixtures: Path = FIXTURES, peer: str | None = None) -> tuple[Score, dict[str, Any]]:
    data = tomllib.loads(fixtures.read_text(encoding="utf-8"))
    score = Score()
    for case in data["case"]:
        if peer and case["peer"] != peer:
            continue
        plan = parse_text(case["input"], source=case["id"])
        score_case(case, plan, score)
    return score, data


def rows(items: Iterable[tuple[str, int, int]]) -> str:
    lines = []
    agree = total = 0
    for name, a, t in items:
        lines.append(f"| {name} | {a} / {t} | {a / t:.2f} |")
        agree += a
        total += t
    if total:
        lines.append(f"| **all** | **{agree} / {total}** | **{agree / total:.2f}** |")
    return "\n".join(lines)


def report(score: Score, data: dict[str, Any]) -> str:
    repos = {p["id"]: p["repo"] for p in data["peer"]}
    cases: dict[str, set[str]] = defaultdict(set)
    for c in score.checks:
        cases[c.peer].add(c.case)
    by_peer = [
        (f"{p} ({repos.get(p, '?')}, {len(cases[p])} cases)", a, t)
        for p, a, t in score.table("peer")
    ]
    return (
        "| field | agree | rate |\n|---|---:|---:|\n"
        + rows(score.table("field"))
        + "\n\n| peer | agree | rate |\n|---|---:|---:|\n"
        + rows(by_peer)
    )


def verdict_of(check: Check, notes: dict[str, list[str]]) -> str:
    """The kind of verdict (plancorpus, peer, convention) written for a failed check: the one
    naming its field in parentheses, else the first without a field, else "unjudged"."""
    judged = [n for n in notes.get(check.case, []) if n.startswith("verdict:")]
    base = check.field.split(" (")[0]
    for n in judged:
        m = re.match(r"verdict: (\w+) \(([^)]+)\)", n)
        if m and m.group(2) == base:
            return m.group(1)
    for n in judged:
        m = re.match(r"verdict: (\w+) --", n)
        if m:
            return m.group(1)
    return "unjudged"


def tally(score: Score, notes: dict[str, list[str]]) -> str:
    counts: dict[str, int] = defaultdict(int)
    for c in score.misses:
        counts[verdict_of(c, notes)] += 1
    body = "\n".join(f"| {k} | {counts[k]} |" for k in sorted(counts))
    return "| disagreements judged | checks |\n|---|---:|\n" + body


def details(score: Score, notes: dict[str, list[str]]) -> str:
    out = []
    seen: set[str] = set()
    for c in score.misses:
        out.append(f"{c.peer:14} {c.case:34} {c.field:18} want {c.expected!r} got {c.got!r}")
        if c.case not in seen:
            out += [f"{'':14} {n}" for n in notes.get(c.case, ["(no verdict written)"])]
            seen.add(c.case)
    return "\n".join(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--verbose", action="store_true", help="list every disagreement")
    ap.add_argument("--peer", help="only the cases of this peer id")
    ap.add_argument("--record", action="store_true", help="append to benchmarks/RESULTS.md")
    args = ap.parse_args()
    score, data = evaluate(peer=args.peer)
    if not score.checks:
        print("no cases", file=sys.stderr)
        return 1
    table = report(score, data) + "\n\n" + tally(score, verdicts(FIXTURES))
    print(table)
    if args.verbose:
        print("\n" + details(score, verdicts(FIXTURES)))
    if args.record:
        record(
            f"### agreement with peers' test expectations ({date.today().isoformat()}, "
            f"Python {platform.python_version()})\n\n"
            "benchmarks/peers/fixtures.toml, each input parsed with plancorpus.parse_text\n\n"
            + table
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
