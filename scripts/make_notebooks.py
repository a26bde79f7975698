"""Write the three notebooks in notebooks/ from the cells below (outputs empty).

    python scripts/make_notebooks.py

Edit the cells here, not the .ipynb files: the notebooks are generated, committed without
outputs, and run by the test suite (nbmake).
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

OUT = Path(__file__).resolve().parents[1] / "notebooks"

SETUP = """\
from pathlib import Path
import warnings
import matplotlib.pyplot as plt
import pandas as pd
import plancorpus
from plancorpus.corpus.frames import frames, matrix

ROOT = Path.cwd().parent if Path.cwd().name == "notebooks" else Path.cwd()
SAMPLES = ROOT / "data" / "samples"
SHARED = ROOT.parent / "shared" / "corpus"
folders = [SAMPLES] + [f for f in (SHARED / "seeds", SHARED / "real") if f.is_dir()]
# the documents, not the notes beside them (SOURCES.md, transcripts' read-me files)
kinds = (".txt", ".pdf", ".docx", ".doc")
documents = [f for d in folders for f in sorted(d.iterdir()) if f.suffix in kinds]
print(len(documents), "documents in", [str(f) for f in folders])
"""

RESEARCHER = [
    new_markdown_cell(
        "# A corpus of plans: tables and pictures\n\n"
        "Load every document of the sample folder (and of `../shared/corpus` when it is "
        "there), make the tables, and look at what the plans cite, when and by whom they "
        "were issued, and which of them are copies of one another."
    ),
    new_code_cell(SETUP),
    new_code_cell(
        "corpus = plancorpus.load(documents, workers=2, ocr=False)\n"
        "print(corpus.summary())\n"
        "tables = frames(corpus.plans)\n"
        "{name: len(df) for name, df in tables.items()}"
    ),
    new_code_cell(
        'tables["plans"][["source", "doc_type", "issuer", "date", "year", "status"]].head(10)'
    ),
    new_markdown_cell("## The most cited directives"),
    new_code_cell(
        'cited = tables["citations"].dropna(subset=["key"])\n'
        'top = cited.groupby("key")["source"].nunique().sort_values().tail(12)\n'
        "ax = top.plot.barh(figsize=(7, 4), color='#3b6ea8')\n"
        'ax.set_xlabel("plans citing it"); ax.set_title("Most cited directives")\n'
        "plt.tight_layout(); plt.show()"
    ),
    new_markdown_cell("## Plans over time, by document type"),
    new_code_cell(
        'dated = tables["plans"].dropna(subset=["year"])\n'
        'by_year = dated.groupby(["year", "doc_type"]).size().unstack(fill_value=0)\n'
        "ax = by_year.plot.bar(stacked=True, figsize=(7, 4))\n"
        'ax.set_ylabel("documents"); ax.set_title("Documents by year and type")\n'
        "plt.tight_layout(); plt.show()"
    ),
    new_markdown_cell(
        "## How alike the plans are\n\n"
        "Exact Jaccard similarity of the plans' bodies (word 3-grams), every pair: the seeds "
        "000 and 003 are one plan copied and edited."
    ),
    new_code_cell(
        "from plancorpus.compare.duplicates import SketchIndex\n"
        "from plancorpus.compare.sketch import jaccard\n"
        'plans = [p for p in corpus.plans if p.status != "failed"][:20]\n'
        "index = SketchIndex()\n"
        "index.add([Path(p.source).name[:18] for p in plans], [p.body_text() for p in plans])\n"
        "n = len(plans)\n"
        "sim = pd.DataFrame([[jaccard(index.shingle_set(i), index.shingle_set(j)) "
        "for j in range(n)] for i in range(n)], index=index.ids, columns=index.ids)\n"
        "fig, ax = plt.subplots(figsize=(8, 7))\n"
        "im = ax.imshow(sim.values, cmap='viridis', vmin=0, vmax=1)\n"
        "ax.set_xticks(range(n), sim.columns, rotation=90, fontsize=7)\n"
        "ax.set_yticks(range(n), sim.index, fontsize=7)\n"
        'fig.colorbar(im, label="Jaccard"); ax.set_title("Similarity of plan bodies")\n'
        "plt.tight_layout(); plt.show()"
    ),
    new_code_cell(
        "found = plancorpus.near_duplicates(corpus.plans, threshold=0.5)\n"
        "[(Path(p.a).name, Path(p.b).name, p.jaccard) for p in found.pairs]"
    ),
    new_markdown_cell(
        "## How a directive travels down\n\n"
        "Each plan says what it carries out (its title, its first *Thực hiện* clause), what it "
        "rests on (*Căn cứ*), and sometimes what the documents it cites carry out themselves "
        "(*Kế hoạch số 92-KH/TU … thực hiện Chỉ thị số 05-CT/TW*). The cascade joins these "
        "links into one graph, with each issuer's level and the days each step took."
    ),
    new_code_cell(
        "cascade = plancorpus.cascade(corpus.plans)\n"
        "edges = cascade.edges()\n"
        "short = lambda s: Path(s).name[:24] if Path(s).is_file() else s  # a file: its name\n"
        'edges["carried_out_by"] = edges["carried_out_by"].map(short)\n'
        'edges[["directive", "directive_level", "carried_out_by", "level", "via", "lag_days"]]'
    ),
    new_code_cell(
        "from plancorpus.compare.cascade import level_order\n"
        "from plancorpus.data.levels import LEVELS\n"
        "import networkx as nx\n"
        "g = cascade.graph  # the dated directive with most dated documents below it\n"
        "dated = {n for n, d in g.nodes(data=True) if len(d.get('date') or '') == 10}\n"
        "busiest = max(dated, key=lambda n: (len(nx.descendants(g, n) & dated), n))\n"
        "who = cascade.implementers(busiest).dropna(subset=['date'])\n"
        "who = who[who['date'].str.len() == 10]\n"
        "when = pd.to_datetime(who['date'])\n"
        "rank = who['level'].map(level_order)\n"
        "fig, ax = plt.subplots(figsize=(8, 3.5))\n"
        "ax.scatter(when, rank, s=60, color='#3b6ea8', zorder=3)\n"
        "for day, r, name in zip(when, rank, who['document']):\n"
        "    ax.annotate(short(name), (day, r), textcoords='offset points',\n"
        "                xytext=(6, 4), fontsize=8)\n"
        "issued = cascade.graph.nodes[busiest].get('date')\n"
        "if issued and len(issued) == 10:\n"
        "    ax.axvline(pd.Timestamp(issued), color='#a83b3b', linestyle='--',\n"
        "               label=f'{busiest} issued')\n"
        "    ax.legend(loc='lower right')\n"
        "ax.set_yticks(range(len(LEVELS) + 1), [*LEVELS, 'unknown'])\n"
        "ax.invert_yaxis(); ax.grid(axis='x', alpha=0.3); fig.autofmt_xdate()\n"
        "ax.set_title(f'Who carried out {busiest}, and when')\n"
        "plt.tight_layout(); plt.show()"
    ),
    new_code_cell("cascade.chains()"),
]

AUDITOR = [
    new_markdown_cell(
        "# An auditor's pair: what was copied, what changed, what was left over\n\n"
        "Seed 003 (a 2022 plan) and seed 000 (the 2023 plan made from it) when the corpus is "
        "there; two sample plans otherwise."
    ),
    new_code_cell(SETUP),
    new_code_cell(
        'seeds = sorted((SHARED / "seeds").glob("*.txt")) if (SHARED / "seeds").is_dir() else []\n'
        "by_name = {p.name[:3]: p for p in seeds}\n"
        'if "003" in by_name and "000" in by_name:\n'
        '    a, b = by_name["003"], by_name["000"]\n'
        "else:\n"
        '    a, b = sorted(SAMPLES.glob("*.txt"))[:2]\n'
        "diff = plancorpus.compare(a, b)\n"
        "diff.summary"
    ),
    new_code_cell(
        'pd.DataFrame([{"kind": c.kind, "A": c.a_path, "B": c.b_path, '
        '"similarity": c.similarity, "heading": c.b_heading or c.a_heading} '
        "for c in diff.sections])"
    ),
    new_code_cell("[(s.a, s.b, s.count, s.kind) for s in diff.substitutions]"),
    new_code_cell(
        'changed = [c for c in diff.sections if c.kind == "changed"]\n'
        "for c in changed[:3]:\n"
        "    print(c.a_path, '→', c.b_path)\n"
        "    for op in c.ops:\n"
        "        if op.op != 'equal':\n"
        "            print('   ', op.op, repr(op.a.strip()[:60]), '→', repr(op.b.strip()[:60]))"
    ),
    new_markdown_cell("## Findings: evidence to look at"),
    new_code_cell(
        "plan_b = plancorpus.parse(b)\n"
        "findings = plancorpus.check(plan_b) + diff.findings\n"
        'pd.DataFrame([{"kind": f.kind, "section": f.places[0].section if f.places else None, '
        '"evidence": f.places[0].raw if f.places else None, "message": f.message} '
        "for f in findings])"
    ),
    new_markdown_cell("## The report, as it shows in the notebook"),
    new_code_cell("diff"),
]

STAFF = [
    new_markdown_cell(
        "# Provincial staff: which directives each plan carries out, and whether it cites "
        "them correctly\n\nThe citations of every plan, the consistency findings, and a "
        "spreadsheet to send on."
    ),
    new_code_cell(SETUP),
    new_code_cell(
        "corpus = plancorpus.load(documents, workers=2, ocr=False)\n"
        "tables = frames(corpus.plans)\n"
        'cites = tables["citations"]\n'
        'cites["plan"] = cites["source"].map(lambda s: Path(s).name)\n'
        'cites[["plan", "key", "doc_type", "date", "issuer", "defects"]].head(15)'
    ),
    new_code_cell(
        "m = matrix(corpus.plans)\nm.index = [Path(s).name[:24] for s in m.index]\nm.iloc[:, :8]"
    ),
    new_markdown_cell("## What looks wrong"),
    new_code_cell(
        "findings = plancorpus.check(corpus.plans)\n"
        'table = pd.DataFrame([{"kind": f.kind, "key": f.key, "message": f.message, '
        '"where": "; ".join(Path(p.source).name for p in f.places)} for f in findings])\n'
        'table.groupby("kind").size()'
    ),
    new_code_cell("table.head(10)"),
    new_markdown_cell("## A spreadsheet"),
    new_code_cell(
        "import tempfile\n"
        'out = Path(tempfile.mkdtemp()) / "citations.xlsx"\n'
        "with pd.ExcelWriter(out) as book:\n"
        '    cites.drop(columns=["source"]).to_excel(book, sheet_name="citations", index=False)\n'
        '    table.to_excel(book, sheet_name="findings", index=False)\n'
        'print(out, out.stat().st_size, "bytes")\n'
        'pd.read_excel(out, sheet_name="findings").shape'
    ),
]


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for name, cells in (("researcher", RESEARCHER), ("auditor", AUDITOR), ("staff", STAFF)):
        book = new_notebook(cells=cells)
        for k, cell in enumerate(book.cells):  # stable ids: a regeneration changes nothing
            cell["id"] = f"{name}-{k:02d}"
        book.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
        nbformat.write(book, OUT / f"{name}.ipynb")
        print(f"wrote {OUT / name}.ipynb")


if __name__ == "__main__":
    main()
