"""load(): every file a plan or a failure, worker processes, time limits, crashes, the cache,
and a run stopped half way that resumes without redoing or losing anything."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

import plancorpus
from conftest import SAMPLES

SAMPLE_FILES = sorted(SAMPLES.glob("*.txt"))


def _copies(folder: Path, n: int, repeat: int = 1) -> list[Path]:
    """``n`` distinct copies of the samples (each a little different, ``repeat`` times long)."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for k in range(n):
        text = SAMPLE_FILES[k % len(SAMPLE_FILES)].read_text(encoding="utf-8") * repeat
        path = folder / f"plan_{k:03d}.txt"
        path.write_text(f"{text}\nBản số {k}.\n", encoding="utf-8")
        out.append(path)
    return out


def test_every_file_ends_as_a_plan_or_a_failure(tmp_path: Path):
    folder = tmp_path / "in"
    _copies(folder, 3)
    os.mkfifo(folder / "pipe.txt")  # would block a reader for ever
    (folder / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    corpus = plancorpus.load([folder], workers=2)
    assert corpus.files == 5 and len(corpus.plans) == 3 and len(corpus.failures) == 2
    reasons = {Path(f.path).name: (f.stage, f.reason) for f in corpus.failures}
    assert reasons["pipe.txt"][0] == "read" and "not a regular file" in reasons["pipe.txt"][1]
    assert reasons["gone.txt"][0] == "read"
    assert [Path(p.source).name for p in corpus.plans] == [f"plan_{k:03d}.txt" for k in range(3)]
    assert "5 files: 3 plans" in corpus.summary()


def test_processes_give_the_same_plans_as_inline(tmp_path: Path):
    files = _copies(tmp_path / "in", 4)
    fast = plancorpus.load(files, workers=2)
    slow = plancorpus.load(files, engine="inline")
    assert [p.model_dump() for p in fast.plans] == [p.model_dump() for p in slow.plans]
    with pytest.raises(ValueError, match="unknown engine"):
        plancorpus.load(files, engine="threads")


def test_cache_by_content(tmp_path: Path):
    files = _copies(tmp_path / "in", 3)
    cache = tmp_path / "cache"
    first = plancorpus.load(files, cache=cache, workers=2)
    again = plancorpus.load(files, cache=cache, workers=2)
    assert (first.cached, again.cached) == (0, 3)
    assert [p.model_dump() for p in again.plans] == [p.model_dump() for p in first.plans]
    files[1].write_text(files[1].read_text(encoding="utf-8") + "\nSửa lại.\n", encoding="utf-8")
    third = plancorpus.load(files, cache=cache, workers=2)
    assert third.cached == 2 and len(third.plans) == 3


def test_plans_are_kept_packed_and_built_on_access(tmp_path: Path, monkeypatch):
    files = _copies(tmp_path / "in", 3)
    cache = tmp_path / "cache"
    plancorpus.load(files, cache=cache, workers=2)

    def forbidden(*_: object, **__: object) -> None:
        raise AssertionError("a plan was built while loading")

    with monkeypatch.context() as m:  # a rerun from the cache builds no Plan object
        m.setattr(plancorpus.Plan, "model_validate_json", forbidden)
        again = plancorpus.load(files, cache=cache, workers=2)
    assert again.cached == 3
    direct = [plancorpus.parse(f) for f in files]
    assert again.plans == direct and again.plans[1] == direct[1]
    assert again.plans[1:] == direct[1:] and len(again.plans) == 3
    held = sum(len(p.model_dump_json()) for p in direct)
    assert again.plans.nbytes() < held / 3  # compressed JSON, far smaller than the JSON
    assert again.plans[0] is not again.plans[0]  # built afresh on each access


def test_a_file_over_the_time_limit_fails_and_the_run_goes_on(tmp_path: Path):
    small = _copies(tmp_path / "in", 3)
    big = _copies(tmp_path / "big", 1, repeat=1500)[0]  # about 5 MB: seconds to parse
    corpus = plancorpus.load([*small, big], workers=2, timeout=1.0)
    assert len(corpus.plans) == 3
    (failure,) = corpus.failures
    assert failure.stage == "timeout" and failure.path == str(big) and corpus.restarts == 1


RUNNER = """
import json, sys
import plancorpus
if __name__ == "__main__":
    files = sys.argv[3:]
    corpus = plancorpus.load(files, workers=int(sys.argv[1]), cache=sys.argv[2] or None)
    print(json.dumps({"plans": len(corpus.plans), "failures": len(corpus.failures),
                      "cached": corpus.cached, "files": corpus.files,
                      "restarts": corpus.restarts}))
"""


def _runner(tmp_path: Path, workers: int, cache: str, files: list[Path]) -> subprocess.Popen[str]:
    script = tmp_path / "runner.py"
    script.write_text(RUNNER, encoding="utf-8")
    args = [sys.executable, str(script), str(workers), cache, *map(str, files)]
    return subprocess.Popen(args, stdout=subprocess.PIPE, text=True)


def _worker_pids(parent: int) -> list[int]:
    """The parse workers of a run: children of its fork server, itself a child of ``parent``."""

    def children(pid: int) -> list[int]:
        path = Path(f"/proc/{pid}/task/{pid}/children")
        return [int(x) for x in path.read_text().split()] if path.exists() else []

    return [w for server in children(parent) for w in children(server)]


def test_a_worker_killed_with_sigkill_loses_nothing(tmp_path: Path):
    files = _copies(tmp_path / "in", 12, repeat=120)  # about 0.3 s each
    run = _runner(tmp_path, 2, "", files)
    deadline = time.monotonic() + 60
    killed = False
    while time.monotonic() < deadline and not killed:
        pids = _worker_pids(run.pid)
        if len(pids) >= 2:
            time.sleep(0.5)  # let them take files
            os.kill(pids[0], signal.SIGKILL)
            killed = True
        time.sleep(0.05)
    out, _ = run.communicate(timeout=120)
    assert killed, "no worker process was seen"
    result = json.loads(out)
    assert result["restarts"] >= 1, "the kill came after the run"
    del result["restarts"]
    assert result == {"plans": 12, "failures": 0, "cached": 0, "files": 12}


def test_a_run_stopped_half_way_resumes_from_the_cache(tmp_path: Path):
    files = _copies(tmp_path / "in", 12, repeat=120)
    cache = tmp_path / "cache.sqlite"
    run = _runner(tmp_path, 1, str(cache), files)
    deadline = time.monotonic() + 60
    done = 0
    while time.monotonic() < deadline and done < 3:
        time.sleep(0.1)
        if cache.exists():
            with sqlite3.connect(cache) as db:
                try:
                    done = db.execute("select count(*) from plans").fetchone()[0]
                except sqlite3.OperationalError:
                    done = 0
    run.send_signal(signal.SIGKILL)
    run.wait(timeout=30)
    assert done >= 3
    resumed = plancorpus.load(files, cache=cache, workers=2)
    assert resumed.cached >= done and len(resumed.plans) == 12 and not resumed.failures


def test_cache_path_may_be_a_new_folder_under_home(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    files = _copies(tmp_path / "in", 2)
    plancorpus.load(files, cache="~/.cache/plancorpus", engine="inline")
    assert (tmp_path / ".cache" / "plancorpus" / "plancorpus-cache.sqlite").is_file()
    assert plancorpus.load(files, cache="~/.cache/plancorpus", engine="inline").cached == 2
