"""Shared fixtures. The real corpus lives beside the repository in ../shared/corpus; tests
that need it skip cleanly when it is absent (set PLANCORPUS_SHARED to point elsewhere)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import plancorpus

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("PLANCORPUS_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus"
SEEDS = CORPUS / "seeds"
REAL = CORPUS / "real"
SAMPLES = ROOT / "data" / "samples"


def corpus_file(folder: Path, prefix: str) -> Path:
    """The corpus file whose name starts with ``prefix``; skips the test when it is absent."""
    matches = sorted(folder.glob(prefix + "*")) if folder.is_dir() else []
    if not matches:
        pytest.skip(f"corpus file {prefix}* not found in {folder} (../shared absent?)")
    return matches[0]


_cache: dict[Path, plancorpus.Plan] = {}


def parsed(path: Path) -> plancorpus.Plan:
    """Parse once per test session; plans are not mutated by the tests."""
    if path not in _cache:
        _cache[path] = plancorpus.parse(path)
    return _cache[path]


@pytest.fixture
def seed():
    def get(prefix: str) -> plancorpus.Plan:
        return parsed(corpus_file(SEEDS, prefix))

    return get
