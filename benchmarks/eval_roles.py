"""Accuracy of citation roles and of Plan.implements on the blind role set (issue 13).

    python benchmarks/eval_roles.py [SET ...] [--verbose] [--record] [--title NOTE]

SET names a file of benchmarks/roles/ ("blind_roles", "batch6_roles"); by default every one.

The expectations (benchmarks/roles/blind_roles.toml) were read by hand from the blind texts
before any role code ran on them (how: benchmarks/roles/README.md). The texts are outside the
repository, in ../blind/texts/ or the folder named by PLANCORPUS_BLIND.

Pairing: the annotated mentions of one key, in text order, are paired with our citations of
that key (compared with the project's key folding), in text order; a mention with no partner
counts as missed and is reported apart from the role accuracy. Scores:
- role accuracy over the paired mentions (and per annotated role);
- described-by links: of the annotated ``described_by``, how many we give (same key, same
  relation);
- document-level implements: documents whose set of keys equals the annotated one (an empty
  annotation must be matched by None).
"""

from __future__ import annotations

import argparse
import os
import sys
import tomllib
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path
from typing import Any

import plancorpus
from plancorpus.text.vietnamese import compare_key

ROOT = Path(__file__).resolve().parents[1]
SETS = ROOT / "benchmarks" / "roles"
TEXTS = Path(os.environ.get("PLANCORPUS_BLIND", ROOT.parent / "blind")) / "texts"


def _k(key: str | None) -> str:
    return compare_key(key or "")


def score(names: list[str], verbose: bool = False) -> dict[str, Any]:
    docs = []
    for name in names:
        docs += tomllib.loads((SETS / f"{name}.toml").read_text(encoding="utf-8"))["doc"]
    paired = right = missed = absent = 0
    by_role: dict[str, Counter[str]] = defaultdict(Counter)
    links = links_right = 0
    impl_docs = impl_right = 0
    confusion: Counter[tuple[str, str]] = Counter()
    for doc in docs:
        path = TEXTS / f"{doc['id']}.txt"
        if not path.is_file():
            absent += 1
            continue
        plan = plancorpus.parse_text(path.read_text(encoding="utf-8"), source=doc["id"])
        ours: dict[str, list[Any]] = defaultdict(list)
        for c in plan.citations:
            ours[_k(c.key)].append(c)
        taken: Counter[str] = Counter()
        for m in doc["mentions"]:
            key = _k(m["key"])
            if taken[key] >= len(ours[key]):
                missed += 1
                continue
            c = ours[key][taken[key]]
            taken[key] += 1
            paired += 1
            ok = c.role == m["role"]
            right += ok
            by_role[m["role"]]["n"] += 1
            by_role[m["role"]]["right"] += ok
            confusion[(m["role"], c.role)] += not ok
            if verbose and not ok:
                want = f"want {m['role']}, got {c.role} (cue {c.cue!r})"
                print(f"{doc['id']}: {m['key']} {want} | {m['line']}")
            if m.get("described_by"):
                links += 1
                good = _k(c.described_by) == _k(m["described_by"]) and c.relation == m["relation"]
                links_right += good
                if verbose and not good:
                    link = f"want {m['described_by']} {m['relation']}, "
                    link += f"got {c.described_by} {c.relation}"
                    print(f"{doc['id']}: {m['key']} link {link}")
        want = {_k(k) for k in doc.get("implements", [])}
        got = {_k(k) for k in plan.implements or []}
        impl_docs += 1
        impl_right += want == got
        if verbose and want != got:
            wanted = sorted(doc.get("implements", []))
            print(f"{doc['id']}: implements want {wanted}, got {plan.implements}")
    return {
        "docs": len(docs) - absent,
        "absent": absent,
        "paired": paired,
        "missed": missed,
        "right": right,
        "by_role": by_role,
        "links": (links_right, links),
        "implements": (impl_right, impl_docs),
        "confusion": confusion,
    }


def table(s: dict[str, Any], title: str) -> str:
    acc = s["right"] / max(1, s["paired"])
    lines = [
        f"### citation roles, blind set ({date.today().isoformat()}): {title}",
        "",
        f"`python benchmarks/eval_roles.py` on {s['docs']} documents ({s['absent']} texts absent).",
        "",
        "| measure | value | count |",
        "|---|---:|---:|",
        f"| role accuracy (paired mentions) | {acc:.3f} | {s['right']}/{s['paired']} |",
        f"| annotated mentions we do not cite | | {s['missed']} |",
    ]
    for role, c in sorted(s["by_role"].items(), key=lambda kv: -kv[1]["n"]):
        lines.append(f"| role = {role} | {c['right'] / c['n']:.3f} | {c['right']}/{c['n']} |")
    lr, ln = s["links"]
    lines.append(f"| described-by links found | {lr / max(1, ln):.3f} | {lr}/{ln} |")
    ir, idocs = s["implements"]
    lines.append(f"| Plan.implements exactly right | {ir / max(1, idocs):.3f} | {ir}/{idocs} |")
    worst = ", ".join(f"{a}→{b} {n}" for (a, b), n in s["confusion"].most_common(6) if n)
    lines.append(f"| most common confusions (annotated→ours) | {worst or 'none'} | |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sets", nargs="*", help="role sets (default: every benchmarks/roles/*.toml)")
    ap.add_argument("--verbose", action="store_true", help="list every miss")
    ap.add_argument("--record", action="store_true", help="append the table to RESULTS.md")
    ap.add_argument("--title", default="run", help="a note for the recorded heading")
    args = ap.parse_args(argv)
    if not TEXTS.is_dir():
        print(f"eval_roles: no texts in {TEXTS}; set PLANCORPUS_BLIND", file=sys.stderr)
        return 2
    names = args.sets or sorted(p.stem for p in SETS.glob("*.toml"))
    result = table(score(names, args.verbose), f"{', '.join(names)}: {args.title}")
    print(result)
    if args.record:
        sys.path.insert(0, str(Path(__file__).parent))
        from results import record

        record(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
