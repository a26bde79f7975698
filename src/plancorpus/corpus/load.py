"""Many documents at once: every file under the paths given, parsed in worker processes.

Every input file ends either as a parsed plan or as a :class:`Failure` with its reason and
stage; the totals add up and nothing is dropped silently. Files are parsed in processes
(PDF libraries are not thread-safe), started from a small fork server so that they do not
inherit the parent's growing memory. A file that makes its worker hang longer than
``timeout`` seconds becomes a ``timeout`` failure; one that kills its worker twice becomes a
``crash`` failure; the other files in flight are parsed again and the run goes on. With a
``cache``, finished plans are committed one by one (see :mod:`plancorpus.corpus.cache`), so a
rerun parses only what changed or was not finished.
"""

from __future__ import annotations

import multiprocessing
import resource
import stat
import sys
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from plancorpus._processes import process_context
from plancorpus.corpus.cache import PlanCache, content_key
from plancorpus.corpus.stored import StoredPlans, pack, unpack
from plancorpus.model.limits import DEFAULT_LIMITS, Limits
from plancorpus.model.plan import Plan
from plancorpus.pipeline import parse

SUFFIXES = {".txt", ".md", ".pdf", ".docx", ".doc", ".htm", ".html"}
MAX_CRASHES = 2  # a file in flight when its worker died this often is the cause

Progress = Callable[[int, int, Path], None]
# (packed plan JSON, failure reason, stage): stage "done", or "limited" for a plan cut short
# by a limit (kept, but not cached: a rerun with other limits must read it again)
Result = tuple[bytes | None, str | None, str]
_LIMIT_CODES = ("over_limit", "time_limit")


def expand(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files as given; a folder stands for the documents in it (recursively, sorted). Every
    entry with a document's suffix counts, even one that is not a regular file (it becomes a
    failure, not a silent omission)."""
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            yield from sorted(
                f for f in p.rglob("*") if not f.is_dir() and f.suffix.lower() in SUFFIXES
            )
        else:
            yield p


@dataclass
class Failure:
    path: str
    reason: str
    stage: str = "read"  # read (the file), parse (a bug), memory, timeout, crash (worker died)


@dataclass
class Corpus:
    """What :func:`load` gives: the plans (kept packed, built on access: see
    :mod:`plancorpus.corpus.stored`), the failures, and the counts."""

    plans: StoredPlans = field(default_factory=StoredPlans)
    failures: list[Failure] = field(default_factory=list)
    files: int = 0
    cached: int = 0  # plans read back from the cache
    restarts: int = 0  # worker pools restarted after a hang or a crash
    seconds: float = 0.0

    def _repr_html_(self) -> str:
        """A compact summary for Jupyter: the totals and the failures."""
        rows = "".join(
            f"<tr><td>{escape(Path(f.path).name)}</td><td>{escape(f.stage)}</td>"
            f"<td>{escape(f.reason)}</td></tr>"
            for f in self.failures[:50]
        )
        table = (
            f"<table><tr><th>file</th><th>stage</th><th>reason</th></tr>{rows}</table>"
            if rows
            else ""
        )
        return f"<div><b>Corpus</b>: {escape(self.summary())}{table}</div>"

    def summary(self) -> str:
        by_stage = Counter(f.stage for f in self.failures)
        failed = ", ".join(f"{n} {stage}" for stage, n in sorted(by_stage.items()))
        return (
            f"{self.files} files: {len(self.plans)} plans ({self.cached} from the cache), "
            f"{len(self.failures)} failures{f' ({failed})' if failed else ''}, "
            f"in {self.seconds:.1f} s"
        )


def _work(path: str, backend: str, ocr: bool | None, limits: Limits = DEFAULT_LIMITS) -> Result:
    """Parse one file (in a worker process): the plan's packed JSON, or why not."""
    try:
        plan = parse(path, backend=backend, ocr=ocr, limits=limits)
        blob = pack(plan.model_dump_json())
    except OSError as exc:
        return None, f"{exc.strerror or exc}", "read"
    except MemoryError:
        mb = limits.max_memory_mb
        return None, f"out of memory (a worker may use {mb} MB: Limits.max_memory_mb)", "memory"
    except Exception as exc:  # a reader's bug must cost one file, not the run
        return None, f"{type(exc).__name__}: {exc}", "parse"
    limited = any(plan.has_warning(code) for code in _LIMIT_CODES)
    return blob, None, "limited" if limited else "done"


def _ready(_: int) -> bool:
    return True


def _cap_memory(megabytes: int | None) -> None:
    """In a worker: its address space is capped, so a file that would take the machine's
    memory gets a MemoryError (a failure) instead of the kernel's OOM killer."""
    if megabytes is None:
        return
    limit = megabytes * 2**20
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _regular(path: Path) -> tuple[str | None, int]:
    """Why ``path`` cannot be read as a document (or None), and its size."""
    try:
        found = path.stat()
    except OSError as exc:
        return f"{exc.strerror or exc}", 0
    if not stat.S_ISREG(found.st_mode):
        return "not a regular file (a device, a pipe or a socket)", 0
    return None, found.st_size


@dataclass
class _Run:
    """The state of one load: where results go, and the counts the progress shows."""

    total: int
    backend: str
    ocr: bool | None
    cache: PlanCache | None
    progress: Progress | None
    on_plan: Callable[[Plan], None] | None = None  # given: plans are handed over, not kept
    limits: Limits = DEFAULT_LIMITS
    plans: dict[int, bytes] = field(default_factory=dict)
    failures: dict[int, Failure] = field(default_factory=dict)
    keys: dict[int, str] = field(default_factory=dict)
    cached: int = 0
    restarts: int = 0
    handed: int = 0

    def finish(self, k: int, path: Path, result: Result, cached: bool = False) -> None:
        blob, reason, stage = result
        if blob is not None:
            if self.on_plan is None:
                self.plans[k] = blob
            else:
                self.on_plan(unpack(blob))
                self.handed += 1
            if self.cache is not None and k in self.keys and not cached and stage == "done":
                self.cache.put(self.keys[k], str(path), blob)
        else:
            self.failures[k] = Failure(str(path), reason or "unknown", stage)
        if self.progress:
            done = len(self.plans) + self.handed + len(self.failures)
            self.progress(done, self.total, path)


def _from_cache(run: _Run, files: list[Path]) -> list[int]:
    """Check each file and look it up; the positions still to parse."""
    todo = []
    for k, path in enumerate(files):
        why, size = _regular(path)
        if why is not None:
            run.finish(k, path, (None, why, "read"))
            continue
        if run.cache is None or run.limits.over("max_bytes", size):
            todo.append(k)  # a file over the size limit is refused by its worker, unread
            continue
        run.keys[k] = content_key(path.read_bytes(), run.backend, run.ocr)
        found = run.cache.get(run.keys[k])
        if found is None:
            todo.append(k)
        else:
            run.cached += 1
            run.finish(k, path, (found, None, "done"), cached=True)
    return todo


def _kill(pool: ProcessPoolExecutor) -> None:
    for proc in list(getattr(pool, "_processes", {}).values()):
        proc.kill()


def _schedule(run: _Run, files: list[Path], todo: list[int], workers: int, timeout: float) -> None:
    """Parse ``todo`` in ``workers`` processes, at most one file per worker at a time, so
    that a file's time in a worker is known; restart the pool after a hang or a crash."""
    queue = deque(todo)
    crashes: Counter[int] = Counter()
    context = process_context()
    while queue:
        pool = ProcessPoolExecutor(
            workers,
            mp_context=context,
            initializer=_cap_memory,
            initargs=(run.limits.max_memory_mb,),
        )
        running: dict[Future[Result], tuple[int, float]] = {}
        try:
            list(pool.map(_ready, range(workers)))  # start them: a file's clock starts later
            _drain(run, files, queue, pool, running, workers, timeout)
        except BrokenProcessPool:
            run.restarts += 1
            for k, _ in running.values():
                crashes[k] += 1
                if crashes[k] >= MAX_CRASHES:
                    reason = f"the worker process died {crashes[k]} times while reading it"
                    run.finish(k, files[k], (None, reason, "crash"))
                else:
                    queue.appendleft(k)
        finally:
            _kill(pool)
            pool.shutdown(wait=False, cancel_futures=True)


def _drain(
    run: _Run,
    files: list[Path],
    queue: deque[int],
    pool: ProcessPoolExecutor,
    running: dict[Future[Result], tuple[int, float]],
    workers: int,
    timeout: float,
) -> None:
    while queue or running:
        while queue and len(running) < workers:
            k = queue.popleft()
            job = pool.submit(_work, str(files[k]), run.backend, run.ocr, run.limits)
            running[job] = (k, time.monotonic())
        done, _ = wait(running, timeout=0.25, return_when=FIRST_COMPLETED)
        for fut in done:
            k, _ = running[fut]
            result = fut.result()  # BrokenProcessPool leaves ``k`` among the running
            del running[fut]
            run.finish(k, files[k], result)
        now = time.monotonic()
        late = [fut for fut, (_, t0) in running.items() if now - t0 > timeout]
        for fut in late:
            k, _ = running.pop(fut)
            run.finish(k, files[k], (None, f"no result after {timeout:g} s", "timeout"))
        if late:  # the hung worker must go: restart the pool, put the others back
            run.restarts += 1
            queue.extendleft(k for k, _ in running.values())
            running.clear()
            return


def _inline(run: _Run, files: list[Path], todo: list[int]) -> None:
    for k in todo:
        run.finish(k, files[k], _work(str(files[k]), run.backend, run.ocr, run.limits))


def load(
    paths: Iterable[str | Path],
    progress: Progress | None = None,
    backend: str = "pdfium",
    ocr: bool | None = None,
    *,
    workers: int | None = None,
    cache: str | Path | None = None,
    engine: str = "processes",
    timeout: float | None = None,
    on_plan: Callable[[Plan], None] | None = None,
    limits: Limits | None = None,
) -> Corpus:
    """Parse every document under ``paths`` (files, or folders read recursively).

    ``engine``: "processes" (``workers`` processes, by default one per core, each file with a
    ``timeout``), "inline" (this process, one file after another: no time limit, for
    debugging) or "dask" (the connected Dask cluster, see :mod:`plancorpus.corpus.dask`).
    ``on_plan``: called with each plan as it is parsed (in the order they finish), which is
    then not kept: the corpus holds only the failures and the counts, so memory does not grow
    with the corpus (see :func:`plancorpus.corpus.frames.export_files`).
    ``cache``: a folder or SQLite file where plans are kept by content. Unreadable,
    hanging and crashing files become :class:`Failure` records; nothing is dropped silently.
    ``limits``: what one document may cost (see :class:`~plancorpus.Limits`); a file over one
    becomes a failed plan that says which. ``timeout``: seconds before a worker that has not
    answered is killed (default: the time limit, plus a minute for a slow stage to notice).
    """
    if engine not in ("processes", "inline", "dask"):
        raise ValueError(f"unknown engine {engine!r}: use 'processes', 'inline' or 'dask'")
    if engine == "dask" and on_plan is not None:
        raise ValueError("on_plan is for the local engines; on Dask write the tables from the bag")
    if engine == "dask":
        return _on_dask(paths, backend, ocr)
    started = time.monotonic()
    files = list(expand(paths))
    store = PlanCache(cache) if cache is not None else None
    lim = limits or DEFAULT_LIMITS
    run = _Run(len(files), backend, ocr, store, progress, on_plan, lim)
    if timeout is None:
        timeout = (lim.max_seconds or 300.0) + 60.0
    try:
        todo = _from_cache(run, files)
        if engine == "inline" or not todo:
            _inline(run, files, todo)
        else:
            count = workers or max(1, min(len(todo), multiprocessing.cpu_count()))
            _schedule(run, files, todo, count, timeout)
    finally:
        if store is not None:
            store.close()
    order = range(len(files))
    return Corpus(
        plans=StoredPlans(run.plans[k] for k in order if k in run.plans),
        failures=[run.failures[k] for k in order if k in run.failures],
        files=len(files),
        cached=run.cached,
        restarts=run.restarts,
        seconds=time.monotonic() - started,
    )


def _on_dask(paths: Iterable[str | Path], backend: str, ocr: bool | None) -> Corpus:
    try:
        from plancorpus.corpus.dask import load_dask
    except ModuleNotFoundError as exc:
        raise ModuleNotFoundError(
            f"engine='dask' needs Dask ({exc.name} is not installed): "
            "pip install 'plancorpus[dask]'"
        ) from exc
    return load_dask(paths, backend=backend, ocr=ocr)


def stderr_progress(n: int, total: int, path: Path) -> None:
    print(f"[{n}/{total}] {path}", file=sys.stderr, flush=True)
