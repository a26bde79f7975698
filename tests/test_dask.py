"""The parse on Dask, on a local distributed cluster (2 worker processes): the same plans and
failures as the local run, and the tables as partitioned Parquet with the same schema."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

import plancorpus
from conftest import SAMPLES
from plancorpus.corpus.frames import TABLES, frames

distributed = pytest.importorskip("distributed")
from plancorpus.corpus.dask import parse_bag, write_parquet  # noqa: E402


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


def _inputs(tmp_path: Path) -> list[Path]:
    os.mkfifo(tmp_path / "pipe.txt")
    return [SAMPLES, tmp_path / "pipe.txt", tmp_path / "missing.txt"]


def test_dask_gives_what_the_local_run_gives(client, tmp_path: Path):
    inputs = _inputs(tmp_path)
    local = plancorpus.load(inputs, engine="inline")
    remote = plancorpus.load(inputs, engine="dask")
    assert [p.model_dump() for p in remote.plans] == [p.model_dump() for p in local.plans]
    assert [(f.path, f.stage) for f in remote.failures] == [
        (f.path, f.stage) for f in local.failures
    ]
    assert remote.files == local.files == len(local.plans) + len(local.failures) == 5


def test_partitioned_parquet_has_the_tables_schema(client, tmp_path: Path):
    counts = write_parquet(parse_bag([SAMPLES], partitions=2), tmp_path / "out")
    local = frames(plancorpus.load([SAMPLES], engine="inline").plans)
    for name, columns in TABLES.items():
        table = pq.read_table(tmp_path / "out" / name)
        assert table.schema.names == [c for c, _ in columns]
        assert counts[name] == table.num_rows == len(local[name])
        back = table.to_pandas().astype(dict(columns))
        key = [c for c in ("source", "start", "path", "value") if c in back.columns][:2]
        pd.testing.assert_frame_equal(
            back.sort_values(key).reset_index(drop=True),
            local[name].sort_values(key).reset_index(drop=True),
        )
