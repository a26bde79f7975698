"""The code base stays clean: ruff (lint and format) and mypy, when they are installed."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT


def _tool(name: str) -> str:
    """The tool next to the running Python (the project's venv), else the one on PATH."""
    path = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (./setup.sh --dev installs it)")
    return path


def test_ruff_lint_and_format():
    ruff = _tool("ruff")
    for args in (
        ["check", "src", "tests", "benchmarks", "scripts"],
        ["format", "--check", "src", "tests", "benchmarks", "scripts"],
    ):
        done = subprocess.run([ruff, *args], cwd=ROOT, capture_output=True, text=True)
        assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_strict():
    done = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True)
    if "No module named mypy" in done.stderr:
        pytest.skip("mypy is not installed")
    assert done.returncode == 0, done.stdout + done.stderr


def _lint_imports(cwd: Path, pythonpath: Path | None = None) -> subprocess.CompletedProcess[str]:
    import os

    env = dict(os.environ)
    if pythonpath is not None:
        env["PYTHONPATH"] = str(pythonpath)
    return subprocess.run(
        [_tool("lint-imports"), "--no-cache", "--config", str(ROOT / "pyproject.toml")],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
    )


def _contracts() -> list[dict[str, object]]:
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts: list[dict[str, object]] = config["tool"]["importlinter"]["contracts"]
    return contracts


def test_import_contracts_hold_with_nothing_ignored():
    assert all("ignore_imports" not in c for c in _contracts())
    done = _lint_imports(ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"Contracts: {len(_contracts())} kept, 0 broken" in done.stdout


# each planted import breaks one rule of architecture.md; a local import counts too
PLANTED = [
    ("segment/zones.py", "from plancorpus.extract.signers import classify", "layers"),
    ("read/text.py", "from plancorpus.normalise.clean import clean", "layers"),
    ("model/plan.py", "from plancorpus.text.vietnamese import compare_key", "layers"),
    ("corpus/load.py", "import plancorpus", "face"),
    ("report/summary.py", "from plancorpus.pipeline import parse_text", "renderers"),
]


@pytest.mark.parametrize(("module", "statement", "contract"), PLANTED)
def test_import_contracts_catch_an_upward_import(tmp_path, module, statement, contract):
    copy = tmp_path / "src" / "plancorpus"
    shutil.copytree(ROOT / "src" / "plancorpus", copy)
    target = copy / module
    planted = f"\n\ndef _planted() -> None:\n    {statement}  # noqa\n"
    target.write_text(target.read_text(encoding="utf-8") + planted, encoding="utf-8")
    done = _lint_imports(tmp_path, pythonpath=tmp_path / "src")
    assert done.returncode != 0, done.stdout
    names = {c["id"]: c["name"] for c in _contracts()}
    assert f"{names[contract]} BROKEN" in done.stdout


def test_notebooks_are_committed_without_outputs():
    import json

    books = sorted((ROOT / "notebooks").glob("*.ipynb"))
    assert [b.stem for b in books] == ["auditor", "researcher", "staff"]
    for book in books:
        cells = json.loads(book.read_text(encoding="utf-8"))["cells"]
        for cell in cells:
            if cell["cell_type"] == "code":
                assert cell["outputs"] == [] and cell["execution_count"] is None, book.name
