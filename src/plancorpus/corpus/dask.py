"""The same parse on Dask: a bag of results, a corpus, or partitioned Parquet tables.

Each file is parsed by ``plancorpus.corpus.load._work`` in a Dask worker, exactly as in a
local run, and comes back as the plan's packed JSON (compressed, a fifth of its size on the
wire: :func:`plancorpus.corpus.stored.unpack` builds the Plan) or the reason it failed. With a
``distributed.Client`` connected (to a ``LocalCluster`` or a real scheduler) the work goes to
its workers; otherwise Dask's own local scheduler runs it. On a cluster every worker needs
plancorpus installed (with the Debian packages for OCR when scans are to be read) and must see
the files at the same paths (shared storage), or be given paths it can open.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import dask.bag as db
from dask.base import compute
from dask.delayed import delayed

from plancorpus.corpus.frames import ROWS, TABLES, schema
from plancorpus.corpus.load import Corpus, Failure, Result, _regular, _work, expand
from plancorpus.corpus.stored import unpack


def _parse_one(path: str, backend: str, ocr: bool | None) -> tuple[str, Result]:
    why, _ = _regular(Path(path))
    return path, (None, why, "read") if why else _work(path, backend, ocr)


def parse_bag(
    paths: Iterable[str | Path],
    backend: str = "pdfium",
    ocr: bool | None = None,
    partitions: int | None = None,
) -> db.Bag:
    """A bag of ``(path, (packed plan or None, failure reason or None, stage))``, one per
    file, in the order of :func:`plancorpus.corpus.load.expand`."""
    files = [str(p) for p in expand(paths)]
    bag = db.from_sequence(files, npartitions=partitions or max(1, min(len(files), 64)))
    parsed: db.Bag = bag.map(_parse_one, backend, ocr)
    return parsed


def load_dask(
    paths: Iterable[str | Path], backend: str = "pdfium", ocr: bool | None = None
) -> Corpus:
    """:func:`plancorpus.load` on Dask: the same plans and failures, in the same order."""
    out = Corpus()
    for path, (blob, reason, stage) in parse_bag(paths, backend, ocr).compute():
        out.files += 1
        if blob is not None:
            out.plans.append(blob)
        else:
            out.failures.append(Failure(path, reason or "unknown", stage))
    return out


def _rows(item: tuple[str, Result], table: str) -> list[dict[str, Any]]:
    blob = item[1][0]
    return list(ROWS[table](unpack(blob))) if blob else []


def _write_part(rows: list[dict[str, Any]], path: str, table: str) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.Table.from_pylist(rows, schema=schema(table)), path)
    return len(rows)


def write_parquet(bag: db.Bag, folder: str | Path) -> dict[str, int]:
    """Each table of :data:`plancorpus.corpus.frames.TABLES` as partitioned Parquet under
    ``folder/<table>/part-NNNNN.parquet``, each part written by the worker that parsed it;
    the number of rows of each table. Files are parsed once, whatever the number of
    tables."""
    parsed = bag.persist()
    counts = {}
    for table in TABLES:
        target = Path(folder) / table
        target.mkdir(parents=True, exist_ok=True)
        parts = parsed.map(_rows, table).flatten().to_delayed()
        writes = [
            delayed(_write_part)(part, str(target / f"part-{k:05d}.parquet"), table)
            for k, part in enumerate(parts)
        ]
        counts[table] = sum(compute(*writes))
    return counts
