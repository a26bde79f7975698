"""The blind set's expectations (benchmarks/blind/) are well formed: each entry says where its
text came from and what it is, ids are unique, and citations have keys. The texts themselves
are outside the repository; the scores come from benchmarks/eval_blind.py, not from here."""

from __future__ import annotations

import tomllib
from pathlib import Path

BLIND = Path(__file__).resolve().parents[1] / "benchmarks" / "blind"
KINDS = {"plan", "decision", "letter", "guide", "report", "party", "other"}


def _docs() -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for path in sorted(BLIND.glob("batch*.toml")):
        out += tomllib.loads(path.read_text(encoding="utf-8"))["doc"]
    return out


def test_every_entry_says_where_it_came_from_and_what_it_is():
    docs = _docs()
    assert len(docs) >= 30
    ids = [d["id"] for d in docs]
    assert len(ids) == len(set(ids))
    for d in docs:
        assert str(d["source"]).startswith(("http", "johnPa02/", "github")), d["id"]
        assert d["kind"] in KINDS and isinstance(d["whole"], bool), d["id"]
        for c in d.get("cites", []):  # type: ignore[attr-defined]
            assert c["key"].strip(), d["id"]
        for path in d.get("headings", {}):  # type: ignore[attr-defined]
            assert path in d.get("sections", []), (d["id"], path)  # type: ignore[operator]
