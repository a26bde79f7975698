"""A cache of parsed plans, keyed by file content and plancorpus version: one SQLite file.

SQLite because a corpus run must survive being stopped at any moment: each plan is committed
the moment it is parsed (a transaction of its own, in write-ahead-log mode), so a run killed
with Ctrl-C or SIGKILL loses nothing it finished, and a rerun reads those plans back instead
of parsing them again. One file is easy to move or delete; lookups are by primary key. Plans
are stored as their JSON, compressed (:func:`plancorpus.corpus.stored.pack`): the form a
corpus keeps, so a plan read back from the cache is handed over as it is, not rebuilt.

The key is the SHA-256 of the file's bytes, the plancorpus version and the reading options
(PDF back-end, OCR): an edited file, a new version or other options parse afresh.
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from plancorpus._version import __version__

_SCHEMA = """
create table if not exists plans (
    key text primary key,
    source text not null,
    json blob not null
)
"""


def content_key(data: bytes, backend: str, ocr: bool | None) -> str:
    digest = hashlib.sha256(data).hexdigest()
    return f"{digest}:{__version__}:{backend}:{ocr}"


class PlanCache:
    """``get(key)`` → the plan's packed JSON or None; ``put(key, source, blob)`` commits at
    once."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path).expanduser()
        if self.path.is_dir() or not self.path.suffix:  # a folder, existing or to be made
            self.path.mkdir(parents=True, exist_ok=True)
            self.path = self.path / "plancorpus-cache.sqlite"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(self.path)
        self._db.execute("pragma journal_mode=wal")
        self._db.execute("pragma synchronous=normal")
        self._db.execute(_SCHEMA)
        self._db.commit()

    def get(self, key: str) -> bytes | None:
        row = self._db.execute("select json from plans where key = ?", (key,)).fetchone()
        return bytes(row[0]) if row else None

    def put(self, key: str, source: str, blob: bytes) -> None:
        with self._db:
            self._db.execute(
                "insert or replace into plans (key, source, json) values (?, ?, ?)",
                (key, source, blob),
            )

    def __len__(self) -> int:
        return int(self._db.execute("select count(*) from plans").fetchone()[0])

    def close(self) -> None:
        self._db.close()
