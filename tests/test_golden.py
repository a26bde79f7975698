"""Whole documents against committed golden JSON, and the committed JSON Schema of Plan.

Golden files live in tests/golden/. After a deliberate change of behaviour, regenerate them
with ``PLANCORPUS_REGENERATE_GOLDEN=1 .venv/bin/pytest tests/test_golden.py`` (the run writes
the files and fails, so that a regeneration never passes as a test run), read the diff, and
commit it. CI sets ``CI``; a test fails if the flag is on there.

The samples are our own documents: their golden files hold the whole plan. The seeds are the
real corpus, which the project must not copy: in their golden files every long text
(``Plan.text``, section and preamble text) is kept as its length and SHA-256, so that any
change to it still shows.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import plancorpus
from conftest import ROOT, SAMPLES, SEEDS, parsed

GOLDEN = ROOT / "tests" / "golden"
FLAG = "PLANCORPUS_REGENERATE_GOLDEN"
REGENERATE = os.environ.get(FLAG) == "1"
SEED_NAMES = ["000", "001", "002", "003", "004"]
SAMPLE_NAMES = sorted(p.name for p in SAMPLES.glob("*.txt"))


def _digest(text: str) -> dict[str, Any]:
    return {"chars": len(text), "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest()}


def _hide_texts(data: Any) -> Any:
    """Long texts as their digest (for documents we must not copy)."""
    if isinstance(data, dict):
        out = {}
        for k, v in data.items():
            if k in ("text", "source_map") and v:
                out[k] = _digest(json.dumps(v, ensure_ascii=False) if k == "source_map" else v)
            else:
                out[k] = _hide_texts(v)
        return out
    if isinstance(data, list):
        return [_hide_texts(v) for v in data]
    return data


def _view(plan: plancorpus.Plan, copy_allowed: bool) -> dict[str, Any]:
    data = plan.model_dump(mode="json")
    data["source"] = Path(data["source"]).name
    if data["input"].get("path"):
        data["input"]["path"] = Path(data["input"]["path"]).name
    return data if copy_allowed else _hide_texts(data)


def _check(name: str, view: dict[str, Any]) -> None:
    path = GOLDEN / f"{name}.json"
    text = json.dumps(view, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    if REGENERATE:
        path.write_text(text, encoding="utf-8")
        pytest.fail(f"regenerated {path.name}; unset {FLAG} and run the tests again")
    assert path.exists(), f"no golden file {path.name}: run with {FLAG}=1 to create it"
    assert json.loads(path.read_text(encoding="utf-8")) == view, (
        f"{name} differs from tests/golden/{path.name}; if the change is intended, "
        f"regenerate with {FLAG}=1 and commit the diff"
    )


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_sample_matches_golden(name):
    plan = parsed(SAMPLES / name)
    _check(f"sample_{Path(name).stem}", _view(plan, copy_allowed=True))
    # the golden file is a Plan: it reads back into the model unchanged
    again = plancorpus.Plan.model_validate_json(
        (GOLDEN / f"sample_{Path(name).stem}.json").read_text()
    )
    assert again.outline() == plan.outline()


@pytest.mark.parametrize("prefix", SEED_NAMES)
def test_seed_matches_golden(prefix):
    matches = sorted(SEEDS.glob(prefix + "_*")) if SEEDS.is_dir() else []
    if not matches:
        pytest.skip("the seeds (../shared/corpus/seeds) are absent")
    _check(f"seed_{prefix}", _view(parsed(matches[0]), copy_allowed=False))


def test_regenerate_flag_is_off_in_ci():
    assert not (os.environ.get("CI") and REGENERATE), f"{FLAG} must not be set in CI"


def test_committed_schema_matches_the_model():
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "make_schema.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    committed = json.loads((ROOT / "schema" / "plan.schema.json").read_text(encoding="utf-8"))
    assert committed["properties"].keys() == plancorpus.Plan.model_fields.keys()
