"""Precision and recall of citation extraction on the hand-annotated set.

    python benchmarks/eval_citations.py [--verbose] [--record]

The set is benchmarks/citations/gold.toml: citations written down by reading real documents
of ../shared/corpus (how, and what is left out, is said at its top). Each document is parsed
with ``plancorpus.parse`` from its original file (PDF, DOCX, .doc or text), so reading errors
count against the extractor too. Reported: precision and recall by key (all, coded, named),
and over matched citations the accuracy of the date written with it and of its issuer.
``--verbose`` lists every miss, extra and wrong date or issuer; ``--record`` appends the
figures to benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
from datetime import date
from pathlib import Path

from plancorpus import parse
from plancorpus.compare.evaluate import CitationScore, load_gold, score_citations
from results import record

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
GOLD = ROOT / "benchmarks" / "citations" / "gold.toml"


def evaluate(corpus: Path = CORPUS, gold: Path = GOLD) -> tuple[CitationScore, int]:
    score = CitationScore()
    docs = load_gold(gold)
    for rel, cites in docs:
        plan = parse(corpus / rel, ocr=False)
        score_citations(plan.citations, cites, rel, score)
    return score, len(docs)


def report(score: CitationScore, docs: int) -> str:
    rows = [
        ("documents", f"{docs}"),
        ("gold citations (named)", f"{score.gold} ({score.gold_named})"),
        ("predicted (named)", f"{score.predicted} ({score.predicted_named})"),
        ("precision by key", f"{score.precision:.4f}"),
        ("recall by key", f"{score.recall:.4f}"),
        ("coded: precision / recall", f"{score.coded_precision:.4f} / {score.coded_recall:.4f}"),
        ("named: precision / recall", f"{score.named_precision:.4f} / {score.named_recall:.4f}"),
        ("date accuracy (matched)", f"{score.date_accuracy:.4f}"),
        ("issuer accuracy (matched)", f"{score.issuer_accuracy:.4f}"),
    ]
    return "\n".join(f"| {k} | {v} |" for k, v in rows)


def details(score: CitationScore) -> str:
    out = []
    out += [f"miss   {d}: {k}" for d, k in score.misses]
    out += [f"extra  {d}: {' '.join(r.split())}" for d, r in score.extras]
    out += [f"date   {d}: {k}: gold {g} got {p}" for d, k, g, p in score.wrong_dates]
    out += [f"issuer {d}: {k}: gold {g!r} got {p!r}" for d, k, g, p in score.wrong_issuers]
    return "\n".join(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--verbose", action="store_true", help="list every error")
    ap.add_argument("--record", action="store_true", help="append to benchmarks/RESULTS.md")
    args = ap.parse_args()
    if not CORPUS.is_dir():
        print(f"corpus not found at {CORPUS}", file=sys.stderr)
        return 1
    t0 = time.perf_counter()
    score, docs = evaluate()
    elapsed = time.perf_counter() - t0
    table = "| measure | value |\n|---|---|\n" + report(score, docs)
    print(table)
    print(f"\n({elapsed:.1f} s)")
    if args.verbose:
        print("\n" + details(score))
    if args.record:
        record(
            f"### citation accuracy on the annotated set ({date.today().isoformat()}, "
            f"Python {platform.python_version()})\n\n"
            "benchmarks/citations/gold.toml, each document parsed from its original file\n\n"
            + table
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
