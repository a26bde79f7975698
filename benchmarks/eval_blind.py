"""Accuracy per field on the blind set: real documents annotated before the parser saw them.

    python benchmarks/eval_blind.py                     # every batch
    python benchmarks/eval_blind.py batch2 --verbose    # one batch, every miss listed
    python benchmarks/eval_blind.py --record            # also append the table to RESULTS.md
    python benchmarks/eval_blind.py batch7a batch7b --pool --whole --kind plan
                                                        # one table: the whole plans of two batches

The expectations are in benchmarks/blind/<batch>.toml (how they were made: blind/README.md);
the texts are outside the repository, in ../blind/texts/ beside the checkout or the folder
named by PLANCORPUS_BLIND (a document whose text is absent is skipped and counted).

Scoring, field by field, over the documents whose annotation has the field:
- header fields (doc_type, number, symbol, place, date, title): equal after folding (Unicode
  NFC, case, every space, old and new tone placement, a leading "V/v", trailing punctuation);
  issuer: our value starts with the annotated one (we add the parent's place: "Sở Y tế" of
  "UBND tỉnh X" is "Sở Y tế tỉnh X"); parent: equal after folding;
- period: start and end both equal; a period we give where the annotation has none is counted
  apart (``period given, none annotated``);
- sections: the annotated label paths (top two levels) found among ours (the body's and the
  appendices', ``Plan.outline(appendices=True)``): recall; ours at those depths found
  among the annotated: precision; headings: equal after folding;
- signers: an annotated signer is right when one of ours has the same name and title, and
  the annotated authority and principal are one step of its chain (each compared when
  annotated);
- recipients: names matched one to one after folding: precision and recall;
- citations: as benchmarks/eval_citations.py (paired by canonical key; date and issuer of the
  pairs).
"""

from __future__ import annotations

import argparse
import os
import sys
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import regex

from plancorpus import Plan, Signer, parse
from plancorpus.compare.evaluate import CitationScore, GoldCitation, score_citations
from plancorpus.text.vietnamese import compare_key
from results import record

ROOT = Path(__file__).resolve().parents[1]
SETS = ROOT / "benchmarks" / "blind"
TEXTS = Path(os.environ.get("PLANCORPUS_BLIND", ROOT.parent / "blind")) / "texts"
HEADER = ("doc_type", "number", "symbol", "issuer", "parent", "place", "date", "title")


def fold(text: str | None) -> str:
    """The form two values are compared in (see the module's note)."""
    if text is None:
        return ""
    out = regex.sub(r"^\s*v/v\b", "", compare_key(text))
    out = regex.sub(r"[\s*_|]+", "", out)
    return out.rstrip(".,;:/")


@dataclass
class Tally:
    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.right += ok
        self.total += 1

    def rate(self) -> str:
        return f"{self.right / self.total:.3f}" if self.total else "—"


@dataclass
class PR:
    """Matched, annotated and predicted counts: recall and precision."""

    matched: int = 0
    gold: int = 0
    predicted: int = 0

    def add(self, gold: list[str], predicted: list[str]) -> None:
        left = Counter(predicted)
        for g in gold:
            if left[g] > 0:
                left[g] -= 1
                self.matched += 1
        self.gold += len(gold)
        self.predicted += len(predicted)

    def recall(self) -> str:
        return f"{self.matched / self.gold:.3f}" if self.gold else "—"

    def precision(self) -> str:
        return f"{self.matched / self.predicted:.3f}" if self.predicted else "—"


@dataclass
class Score:
    docs: int = 0
    missing: list[str] = field(default_factory=list)
    fields: dict[str, Tally] = field(default_factory=dict)
    sections: PR = field(default_factory=PR)
    recipients: PR = field(default_factory=PR)
    citations: CitationScore = field(default_factory=CitationScore)
    extra_periods: int = 0
    misses: list[str] = field(default_factory=list)

    def tally(self, name: str, ok: bool, doc: str, want: object, got: object) -> None:
        self.fields.setdefault(name, Tally()).add(ok)
        if not ok:
            self.misses.append(f"{doc}: {name}: want {want!r}, got {got!r}")


def ours(plan: Plan, name: str) -> str | None:
    if name == "parent":
        return plan.issuer.parent if plan.issuer else None
    value = getattr(plan, name)
    return value.value if value is not None else None


def header_right(name: str, want: str, got: str | None) -> bool:
    if name == "issuer":
        return bool(got) and fold(got).startswith(fold(want))
    return fold(want) == fold(got)


def score_header(doc: dict[str, Any], plan: Plan, score: Score) -> None:
    for name in HEADER:
        if name in doc:
            got = ours(plan, name)
            score.tally(name, header_right(name, doc[name], got), doc["id"], doc[name], got)
    period = plan.period
    if "period" in doc:
        want = (doc["period"].get("start"), doc["period"].get("end"))
        got = (period.start, period.end) if period else None
        score.tally("period", got == want, doc["id"], want, got)
    elif period is not None and doc.get("whole"):
        score.extra_periods += 1
        score.misses.append(f"{doc['id']}: period given, none annotated: {period.raw!r}")


def score_sections(doc: dict[str, Any], plan: Plan, score: Score) -> None:
    if "sections" not in doc:
        return
    want = list(doc["sections"])
    depth = max((p.count(".") for p in want), default=0)
    rows = plan.outline(appendices=True)
    got = [p for p, _ in rows if p.count(".") <= depth]
    outline: dict[str, str] = {}
    for path, heading in rows:  # a label written twice ("II" … "II"): the first, as annotated
        outline.setdefault(path, heading)
    score.sections.add(want, got)
    lost = sorted(set(want) - set(got))
    extra = sorted(set(got) - set(want))
    if lost or extra:
        score.misses.append(f"{doc['id']}: sections: missed {lost}, extra {extra}")
    for path, heading in doc.get("headings", {}).items():
        got_heading = outline.get(path)
        ok = fold(heading) == fold(got_heading)
        score.tally("headings", ok, doc["id"], f"{path} {heading}", got_heading)


def _same_signer(want: dict[str, str], s: Signer) -> bool:
    """Name and title equal; the annotated authority and principal equal to one step of the
    chain ("TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH": the annotation has room for one step)."""
    steps = [(st.authority, st.on_behalf_of) for st in s.chain] or [(s.authority, s.on_behalf_of)]
    step_ok = any(
        fold(want.get("authority", a)) == fold(a) and fold(want.get("on_behalf_of", b)) == fold(b)
        for a, b in steps
    )
    return step_ok and all(
        fold(v) == fold(getattr(s, k)) for k, v in want.items() if k in ("title", "name")
    )


def score_people(doc: dict[str, Any], plan: Plan, score: Score) -> None:
    for want in doc.get("signers", []):
        ok = any(_same_signer(want, s) for s in plan.signers)
        got = [(s.authority, s.on_behalf_of, s.title, s.name) for s in plan.signers]
        score.tally("signers", ok, doc["id"], want, got)
    if "recipients" in doc:
        want = [fold(r) for r in doc["recipients"]]
        # an archive line ("Lưu: VT, KT") is one Recipient whose parts are the copies kept
        got = [
            fold(n)
            for r in plan.recipients
            for n in (r.parts if r.archive and r.parts else [r.name])
        ]
        score.recipients.add(want, got)
        lost, extra = Counter(want) - Counter(got), Counter(got) - Counter(want)
        if lost or extra:
            score.misses.append(
                f"{doc['id']}: recipients: missed {sorted(lost.elements())}, "
                f"extra {sorted(extra.elements())}"
            )


def score_doc(doc: dict[str, Any], score: Score) -> None:
    path = TEXTS / f"{doc['id']}.txt"
    if not path.exists():
        score.missing.append(doc["id"])
        return
    plan = parse(path, ocr=False)
    score.docs += 1
    score_header(doc, plan, score)
    score_sections(doc, plan, score)
    score_people(doc, plan, score)
    if "cites" in doc:
        gold = [
            GoldCitation(c["key"], c.get("date"), c.get("issuer"), bool(c.get("named", False)))
            for c in doc["cites"]
        ]
        score_citations(plan.citations, gold, doc["id"], score.citations)


def documents(batch: str) -> list[dict[str, Any]]:
    """A batch's entries (a batch file still without any has none)."""
    docs: list[dict[str, Any]] = tomllib.loads(
        (SETS / f"{batch}.toml").read_text(encoding="utf-8")
    ).get("doc", [])
    return docs


def evaluate(batches: list[str], whole: bool = False, kinds: set[str] | None = None) -> Score:
    """One score over the entries of ``batches``; with ``whole``, only whole documents; with
    ``kinds``, only entries of those kinds ("plan", "decision", ...)."""
    score = Score()
    for batch in batches:
        for doc in documents(batch):
            if whole and not doc.get("whole"):
                continue
            if kinds and doc.get("kind") not in kinds:
                continue
            score_doc(doc, score)
    return score


def table(batch: str, score: Score) -> list[str]:
    c = score.citations
    rows = [(name, t.rate(), f"{t.right}/{t.total}") for name, t in score.fields.items()]
    rows += [
        ("sections: recall / precision", f"{score.sections.recall()} / "
         f"{score.sections.precision()}", f"{score.sections.matched}/{score.sections.gold}"),
        ("recipients: recall / precision", f"{score.recipients.recall()} / "
         f"{score.recipients.precision()}", f"{score.recipients.matched}/{score.recipients.gold}"),
        ("citations: precision / recall", f"{c.precision:.3f} / {c.recall:.3f}",
         f"{c.matched}/{c.gold} ({c.predicted} given)"),
        ("citations: date / issuer of the matched", f"{c.date_accuracy:.3f} / "
         f"{c.issuer_accuracy:.3f}", f"{c.matched}"),
        ("period given, none annotated (whole documents)", f"{score.extra_periods}", ""),
    ]  # fmt: skip
    out = [f"| {batch}: {score.docs} documents | value | count |", "|---|---:|---:|"]
    out += [f"| {a} | {b} | {n} |" for a, b, n in rows]
    if score.missing:
        out.append(f"\n(texts absent, skipped: {len(score.missing)})")
    return out


def misses(score: Score) -> list[str]:
    c = score.citations
    lines = list(score.misses)
    lines += [f"{d}: citation missed {k}" for d, k in c.misses]
    lines += [f"{d}: citation extra {k}" for d, k in c.extras]
    lines += [f"{d}: citation {k} date: want {w}, got {g}" for d, k, w, g in c.wrong_dates]
    lines += [f"{d}: citation {k} issuer: want {w}, got {g}" for d, k, w, g in c.wrong_issuers]
    return lines


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("batches", nargs="*", help="batch names (default: every blind/*.toml)")
    ap.add_argument("--verbose", action="store_true", help="list every miss")
    ap.add_argument("--record", action="store_true", help="append the table to RESULTS.md")
    ap.add_argument("--title", default="", help="a note for the recorded heading")
    ap.add_argument("--pool", action="store_true", help="one table for all the batches named")
    ap.add_argument("--whole", action="store_true", help="only whole documents")
    ap.add_argument("--kind", action="append", help="only entries of this kind (repeatable)")
    args = ap.parse_args()
    if not TEXTS.exists():
        print(f"the blind texts are not at {TEXTS}: set PLANCORPUS_BLIND", file=sys.stderr)
        return 2
    batches = args.batches or sorted(p.stem for p in SETS.glob("*.toml"))
    lines = [f"### blind set ({date.today()}){f': {args.title}' if args.title else ''}", ""]
    groups = [batches] if args.pool else [[b] for b in batches]
    kinds = set(args.kind) if args.kind else None
    for group in groups:
        score = evaluate(group, whole=args.whole, kinds=kinds)
        name = "+".join(group) + (" (whole)" if args.whole else "")
        name += f" ({', '.join(sorted(kinds))})" if kinds else ""
        lines += [*table(name, score), ""]
        if args.verbose:
            print("\n".join(misses(score)), end="\n\n")
    text = "\n".join(lines)
    print(text)
    if args.record:
        record(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
