"""Tables of a corpus for notebooks and files: pandas DataFrames, Parquet and JSON lines.

Seven tables, one row per plan, section, citation, signer, recipient, date mention and
finding, each with the columns and dtypes of :data:`TABLES` (strings are pandas ``string``,
counts and offsets nullable ``Int64``, flags ``boolean``; dates stay ISO strings at the
precision written, "2023-02" or "2022-09-30"). ``export`` writes them batch by batch from any
iterable of plans, so a corpus of 100k plans never needs 100k plans in memory.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from plancorpus.compare.checks import citation_findings
from plancorpus.compare.fields import field_text
from plancorpus.compare.findings import plan_findings, section_path_at
from plancorpus.corpus.load import Corpus, load
from plancorpus.corpus.tables import CITATION_COLUMNS, citation_row
from plancorpus.model.plan import Plan

Row = dict[str, Any]
_ARROW = {"string": pa.string(), "Int64": pa.int64(), "boolean": pa.bool_()}

# table → [(column, pandas dtype)]; what each column holds is said in the README
TABLES: dict[str, list[tuple[str, str]]] = {
    "plans": [
        ("source", "string"), ("status", "string"), ("format", "string"), ("pages", "Int64"),
        ("doc_type", "string"), ("number", "string"), ("symbol", "string"),
        ("issuer", "string"), ("issuer_found_in", "string"), ("place", "string"),
        ("date", "string"), ("year", "Int64"), ("title", "string"), ("campaign", "string"),
        ("period_start", "string"), ("period_end", "string"), ("sections", "Int64"),
        ("citations", "Int64"), ("signers", "Int64"), ("recipients", "Int64"),
        ("warnings", "string"), ("chars", "Int64"),
    ],
    "sections": [
        ("source", "string"), ("path", "string"), ("label", "string"), ("kind", "string"),
        ("level", "Int64"), ("heading", "string"), ("start", "Int64"), ("end", "Int64"),
        ("page", "Int64"),
    ],
    "citations": [
        (c, "Int64" if c in ("start", "end", "page") else "string") for c in CITATION_COLUMNS
    ],
    "signers": [
        ("source", "string"), ("authority", "string"), ("on_behalf_of", "string"),
        ("title", "string"), ("name", "string"), ("start", "Int64"), ("end", "Int64"),
    ],
    "recipients": [
        ("source", "string"), ("name", "string"), ("purpose", "string"),
        ("archive", "boolean"), ("raw", "string"),
    ],
    "dates": [
        ("source", "string"), ("value", "string"), ("kind", "string"), ("raw", "string"),
        ("start", "Int64"), ("end", "Int64"),
    ],
    "findings": [
        ("source", "string"), ("kind", "string"), ("key", "string"), ("message", "string"),
        ("section", "string"), ("raw", "string"), ("start", "Int64"), ("end", "Int64"),
    ],
}  # fmt: skip


def plan_row(p: Plan) -> Row:
    date = field_text(p.date)
    year = int(date[:4]) if date and date[:4].isdigit() else None
    return {
        "source": p.source, "status": p.status, "format": p.input.format,
        "pages": p.input.pages, "doc_type": field_text(p.doc_type), "number": field_text(p.number),
        "symbol": field_text(p.symbol), "issuer": field_text(p.issuer),
        "issuer_found_in": p.issuer.found_in if p.issuer else None, "place": field_text(p.place),
        "date": date, "year": year, "title": field_text(p.title),
        "campaign": next((c.name for c in p.campaigns if c.in_title), None),
        "period_start": p.period.start if p.period else None,
        "period_end": p.period.end if p.period else None,
        "sections": len(p.all_sections()), "citations": len(p.citations),
        "signers": len(p.signers), "recipients": len(p.recipients),
        "warnings": ";".join(w.code for w in p.warnings), "chars": len(p.text),
    }  # fmt: skip


def _sections(p: Plan) -> Iterator[Row]:
    for path, node in p.nodes():
        yield {
            "source": p.source, "path": path, "label": node.label, "kind": node.kind,
            "level": node.level, "heading": node.heading, "start": node.span.start,
            "end": node.span.end, "page": node.span.page,
        }  # fmt: skip


def _findings(p: Plan) -> Iterator[Row]:
    for f in citation_findings(p) + plan_findings(p):
        place = f.places[0] if f.places else None
        span = place.span if place else None
        yield {
            "source": p.source, "kind": f.kind, "key": f.key, "message": f.message,
            "section": place.section if place and place.section else (
                section_path_at(p, span.start) if span else None),
            "raw": place.raw if place else None,
            "start": span.start if span else None, "end": span.end if span else None,
        }  # fmt: skip


ROWS: dict[str, Callable[[Plan], Iterable[Row]]] = {
    "plans": lambda p: [plan_row(p)],
    "sections": _sections,
    "citations": lambda p: [citation_row(p, c) for c in p.citations],
    "signers": lambda p: [
        {"source": p.source, "authority": s.authority, "on_behalf_of": s.on_behalf_of,
         "title": s.title, "name": s.name, "start": s.span.start, "end": s.span.end}
        for s in p.signers
    ],
    "recipients": lambda p: [
        {"source": p.source, "name": r.name, "purpose": r.purpose,
         "archive": r.archive is not None, "raw": " ".join(r.raw.split())}
        for r in p.recipients
    ],
    "dates": lambda p: [
        {"source": p.source, "value": d.value, "kind": d.kind, "raw": d.raw,
         "start": d.span.start, "end": d.span.end}
        for d in p.dates
    ],
    "findings": _findings,
}  # fmt: skip


def schema(table: str) -> pa.Schema:
    return pa.schema([(name, _ARROW[dtype]) for name, dtype in TABLES[table]])


def _frame(table: str, rows: list[Row]) -> pd.DataFrame:
    arrow = pa.Table.from_pylist(rows, schema=schema(table))
    return arrow.to_pandas().astype(dict(TABLES[table]))


def frames(plans: Iterable[Plan]) -> dict[str, pd.DataFrame]:
    """Every table of ``plans`` as a DataFrame with the dtypes of :data:`TABLES`."""
    rows: dict[str, list[Row]] = {t: [] for t in TABLES}
    for p in plans:
        for table, make in ROWS.items():
            rows[table].extend(make(p))
    return {t: _frame(t, r) for t, r in rows.items()}


def matrix(plans: Iterable[Plan]) -> pd.DataFrame:
    """Plans × cited directives: how often each plan cites each key (rows: sources)."""
    rows = [{"source": p.source, "key": c.key} for p in plans for c in p.citations if c.key]
    if not rows:
        return pd.DataFrame()
    long = pd.DataFrame(rows)
    wide = long.groupby(["source", "key"]).size().unstack(fill_value=0)
    order = wide.sum().sort_values(ascending=False).index
    return wide[order]


class TableWriter:
    """Parquet and JSON-lines writers for every table, fed one plan at a time."""

    def __init__(self, folder: str | Path, batch: int = 1000) -> None:
        out = Path(folder)
        out.mkdir(parents=True, exist_ok=True)
        self.batch, self.seen = batch, 0
        self.writers = {t: pq.ParquetWriter(out / f"{t}.parquet", schema(t)) for t in TABLES}
        self.lines = {t: (out / f"{t}.jsonl").open("w", encoding="utf-8") for t in TABLES}
        self.counts = dict.fromkeys(TABLES, 0)
        self.pending: dict[str, list[Row]] = {t: [] for t in TABLES}

    def add(self, plan: Plan) -> None:
        for table, make in ROWS.items():
            self.pending[table].extend(make(plan))
        self.seen += 1
        if self.seen % self.batch == 0:
            _flush(self.pending, self.writers, self.lines, self.counts)

    def close(self) -> dict[str, int]:
        _flush(self.pending, self.writers, self.lines, self.counts)
        for w in self.writers.values():
            w.close()
        for fh in self.lines.values():
            fh.close()
        return self.counts


def export_files(
    paths: Iterable[str | Path], folder: str | Path, batch: int = 1000, **load_options: Any
) -> tuple[dict[str, int], Corpus]:
    """Parse the files under ``paths`` and write their tables as the plans come, keeping
    none of them: (rows per table, the corpus with its failures and counts)."""
    writer = TableWriter(folder, batch)
    try:
        corpus = load(paths, on_plan=writer.add, **load_options)
    finally:
        counts = writer.close()
    return counts, corpus


def export(plans: Iterable[Plan], folder: str | Path, batch: int = 1000) -> dict[str, int]:
    """Write every table to ``folder`` as ``<table>.parquet`` and ``<table>.jsonl``, ``batch``
    plans at a time; the number of rows of each table."""
    writer = TableWriter(folder, batch)
    try:
        for p in plans:
            writer.add(p)
    finally:
        counts = writer.close()
    return counts


def _flush(
    pending: dict[str, list[Row]],
    writers: dict[str, pq.ParquetWriter],
    lines: dict[str, Any],
    counts: dict[str, int],
) -> None:
    for table, rows in pending.items():
        if not rows:
            continue
        writers[table].write_table(pa.Table.from_pylist(rows, schema=schema(table)))
        lines[table].writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
        counts[table] += len(rows)
        rows.clear()
