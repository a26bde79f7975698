"""The corpus as tables: DataFrames with their dtypes, the plans × directives matrix, and an
export to Parquet and JSON lines written batch by batch."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from conftest import SAMPLES, parsed
from plancorpus.cli import main
from plancorpus.corpus.frames import TABLES, export, frames, matrix
from plancorpus.corpus.tables import citation_rows

PLANS = [parsed(p) for p in sorted(SAMPLES.glob("*.txt"))]


def test_every_table_has_its_columns_and_dtypes():
    tables = frames(PLANS)
    assert set(tables) == set(TABLES)
    for name, df in tables.items():
        assert [(c, str(t)) for c, t in df.dtypes.items()] == TABLES[name], name


def test_rows_follow_the_plans():
    tables = frames(PLANS)
    assert list(tables["plans"]["source"]) == [p.source for p in PLANS]
    assert len(tables["sections"]) == sum(len(p.nodes()) for p in PLANS)
    assert len(tables["citations"]) == len(citation_rows(PLANS))
    sgddt = tables["plans"].set_index("source").loc[str(SAMPLES / "kh_sgddt_doimoi_2024.txt")]
    assert sgddt["number"] == "415" and sgddt["year"] == 2024 and sgddt["date"] == "2024-03-12"
    assert tables["recipients"]["archive"].sum() == sum(
        1 for p in PLANS for r in p.recipients if r.archive is not None
    )


def test_matrix_counts_mentions():
    m = matrix(PLANS)
    for p in PLANS:
        for key in {c.key for c in p.citations if c.key}:
            assert m.loc[p.source, key] == sum(1 for c in p.citations if c.key == key)


def test_export_in_batches_equals_the_frames(tmp_path: Path):
    counts = export(iter(PLANS), tmp_path, batch=2)
    tables = frames(PLANS)
    for name, df in tables.items():
        assert counts[name] == len(df)
        back = pq.read_table(tmp_path / f"{name}.parquet").to_pandas().astype(dict(TABLES[name]))
        pd.testing.assert_frame_equal(back, df)
        lines = (tmp_path / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
        assert len(lines) == len(df) and all(json.loads(x)["source"] for x in lines)


def test_cli_export(tmp_path: Path, capsys):
    assert main(["export", str(SAMPLES), "--to", str(tmp_path / "out"), "--workers", "1"]) == 0
    assert "3 plans" in capsys.readouterr().err
    plans = pq.read_table(tmp_path / "out" / "plans.parquet")
    assert plans.num_rows == 3 and plans.column("number").to_pylist().count("415") == 1


def test_export_files_streams_the_plans_without_keeping_them(tmp_path: Path):
    from plancorpus.corpus.frames import export_files

    counts, corpus = export_files([SAMPLES], tmp_path / "out", batch=1, workers=2)
    assert corpus.plans == [] and corpus.files == 3 and not corpus.failures
    assert counts == export(PLANS, tmp_path / "again")
    plans = pq.read_table(tmp_path / "out" / "plans.parquet").to_pandas()
    assert sorted(plans["source"]) == sorted(p.source for p in PLANS)


def test_duckdb_reads_the_exported_parquet_as_the_readme_shows(tmp_path: Path):
    import pytest

    duckdb = pytest.importorskip("duckdb")
    export(PLANS, tmp_path)
    path = (tmp_path / "citations.parquet").as_posix()
    got = duckdb.sql(
        f"select key, count(distinct source) as plans from '{path}' where key is not null "
        "group by key order by plans desc, key"
    ).df()
    cites = frames(PLANS)["citations"].dropna(subset=["key"])
    want = cites.groupby("key")["source"].nunique()
    assert dict(zip(got["key"], got["plans"], strict=True)) == want.to_dict()
