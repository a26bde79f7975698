"""Near-duplicate plans at corpus scale: candidates from banded LSH over MinHash signatures,
every candidate verified exactly, families from the verified pairs, and a lineage per family.

- A :class:`SketchIndex` holds, per document, its MinHash signature (128 × 32 bits) and its
  shingle set (32-bit keys, sorted), in growing arrays; it is saved and loaded whole, so
  adding 1,000 plans to a 100k-plan index sketches only the 1,000.
- Candidates: bands of a few signature values each; two documents that agree on all values
  of one band are candidates. The banding is chosen for the asked threshold so that a pair
  at the threshold is a candidate with probability ``TARGET_RECALL`` (0.998): for 0.8, 21
  bands of 6 rows, which make a pair of 0.6 a candidate with probability 0.65
  (``benchmarks/bench_dups.py`` measures the recall). A corpus of ``ALL_PAIRS_UP_TO``
  documents or fewer is verified pair by pair.
- Boilerplate: shingles found in at least ``BOILERPLATE_SHARE`` of a sample of the corpus are
  left out of every similarity (learned only from corpora of ``MIN_LEARN`` documents or more).
- Verification: the exact Jaccard of the two key sets without boilerplate; a candidate whose
  signature estimate is far below the threshold (more than ``PREFILTER`` under it, about six
  standard deviations of the estimate) is dropped without it. Reported similarities are
  never estimates.
"""

from __future__ import annotations

import bisect
import hashlib
import weakref
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import numpy.typing as npt

from plancorpus._processes import process_context
from plancorpus.compare.sketch import NUM_PERM, distinct, shingles, signature
from plancorpus.model.duplicates import (
    Boilerplate,
    DuplicatePair,
    Duplicates,
    Family,
    LineageEdge,
)
from plancorpus.model.plan import Plan

TARGET_RECALL = 0.998  # chance that a pair at the threshold becomes a candidate
ALL_PAIRS_UP_TO = 300  # a corpus this small is verified pair by pair, without LSH
BOILERPLATE_SHARE = 0.05
BOILERPLATE_SAMPLE = 2000
MIN_LEARN = 200
PREFILTER = 0.2
MAX_BUCKET = 400  # a larger bucket pairs each member with its neighbours only
MEASURE = (
    "Jaccard similarity of the two documents' sets of word 3-grams (syllables folded to one "
    "case and tone placement, punctuation dropped), boilerplate shingles left out; computed "
    "exactly on the sets"
)

I64 = npt.NDArray[np.int64]
F64 = npt.NDArray[np.float64]
U32 = npt.NDArray[np.uint32]


def _sketch_one(text: str) -> tuple[U32, U32]:
    """A document's signature and its shingle keys (the top 32 bits of each shingle hash,
    sorted and distinct: what exact verification compares)."""
    every = shingles(text, unique=False)
    keys: U32 = distinct((every >> np.uint64(32)).astype(np.uint32))  # type: ignore[assignment]
    return signature(every), keys


def _sketch_many(texts: Sequence[str]) -> tuple[U32, U32, I64]:
    """A batch's signatures (n × NUM_PERM), keys end to end, and offsets (n + 1)."""
    done = [_sketch_one(t) for t in texts]
    return _batch([s for s, _ in done], [k for _, k in done])


def _batch(sigs: Sequence[U32], keys: Sequence[U32]) -> tuple[U32, U32, I64]:
    lengths = np.fromiter((k.size for k in keys), dtype=np.int64, count=len(keys))
    offsets = np.zeros(len(keys) + 1, dtype=np.int64)
    np.cumsum(lengths, out=offsets[1:])
    stacked = np.vstack(sigs) if len(sigs) else np.empty((0, NUM_PERM), np.uint32)
    joined = np.concatenate(keys) if len(keys) else np.empty(0, np.uint32)
    return stacked, joined, offsets


@dataclass
class _Batch:
    sigs: U32  # n × NUM_PERM
    keys: U32  # every document's keys, end to end
    offsets: I64  # n + 1
    dropped: bool = False  # the index's boilerplate is removed from these keys


@dataclass
class SketchIndex:
    """Signatures and shingle keys of many documents, with their ids, dates and issuers.
    Documents are kept in batches of contiguous arrays (one per ``add``), never one small
    array per document."""

    ids: list[str] = field(default_factory=list)
    dates: list[str | None] = field(default_factory=list)
    issuers: list[str | None] = field(default_factory=list)
    _batches: list[_Batch] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list)
    boilerplate: U32 | None = None  # keys removed from every set, once learned
    boilerplate_info: Boilerplate | None = None
    _pool: ProcessPoolExecutor | None = None

    def _workers(self, n: int) -> ProcessPoolExecutor:
        """One pool for the index's life, its processes started from a small server process
        (not forked from this one, which may hold a large index by then)."""
        if self._pool is None:
            context = process_context()
            self._pool = ProcessPoolExecutor(n, mp_context=context)
            weakref.finalize(self, self._pool.shutdown)
        return self._pool

    def close(self) -> None:
        """Stop the sketching processes (they stop anyway when the index is dropped)."""
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None

    def __len__(self) -> int:
        return len(self.ids)

    def add(
        self,
        ids: Sequence[str],
        texts: Sequence[str],
        dates: Sequence[str | None] | None = None,
        issuers: Sequence[str | None] | None = None,
        workers: int | None = None,
    ) -> None:
        """Sketch ``texts`` (in ``workers`` processes when more than one) and add them."""
        if len(ids) != len(texts):
            raise ValueError(f"{len(ids)} ids for {len(texts)} texts")
        if workers and workers > 1 and len(texts) >= 2000:
            step = max(500, len(texts) // (workers * 8))
            chunks = [texts[k : k + step] for k in range(0, len(texts), step)]
            parts = list(self._workers(workers).map(_sketch_many, chunks))
            offsets = [parts[0][2]]
            for part in parts[1:]:
                offsets.append(part[2][1:] + offsets[-1][-1])
            batch = (
                np.vstack([p[0] for p in parts]),
                np.concatenate([p[1] for p in parts]),
                np.concatenate(offsets),
            )
        else:
            batch = _sketch_many(texts)
        self._append(ids, _Batch(*batch), dates, issuers)

    def add_sketches(
        self,
        ids: Sequence[str],
        sigs: Sequence[U32],
        keys: Sequence[U32],
        dates: Sequence[str | None] | None = None,
        issuers: Sequence[str | None] | None = None,
    ) -> None:
        """Add documents sketched elsewhere (a worker, an earlier run)."""
        self._append(ids, _Batch(*_batch(sigs, keys)), dates, issuers)

    def _append(
        self,
        ids: Sequence[str],
        batch: _Batch,
        dates: Sequence[str | None] | None,
        issuers: Sequence[str | None] | None,
    ) -> None:
        if self.boilerplate is not None:
            _drop_keys(batch, self.boilerplate)
        self._starts.append(len(self.ids))
        self._batches.append(batch)
        self.ids.extend(ids)
        self.dates.extend(dates if dates is not None else [None] * len(ids))
        self.issuers.extend(issuers if issuers is not None else [None] * len(ids))

    def signatures(self) -> U32:
        """All signatures, N × NUM_PERM."""
        if not self._batches:
            return np.empty((0, NUM_PERM), np.uint32)
        if len(self._batches) == 1:
            return self._batches[0].sigs
        return np.vstack([b.sigs for b in self._batches])

    def shingle_set(self, k: int) -> U32:
        b = bisect.bisect_right(self._starts, k) - 1
        batch, local = self._batches[b], k - self._starts[b]
        return batch.keys[batch.offsets[local] : batch.offsets[local + 1]]

    def drop(self, boilerplate: U32, info: Boilerplate) -> None:
        """Remove the boilerplate keys from every set, batch by batch (so memory grows by one
        batch at most); the index remembers them, and documents added later lose them too.
        Similarities are then those of the sets without boilerplate."""
        if self.boilerplate is None:
            self.boilerplate, self.boilerplate_info = boilerplate, info
        for batch in self._batches:
            _drop_keys(batch, self.boilerplate)

    def packed(self) -> tuple[U32, U32, I64]:
        """(signatures, all keys end to end, offsets N + 1): one copy of everything."""
        keys = [self.shingle_set(k) for k in range(len(self))]
        return self.signatures(), *_batch([], keys)[1:]

    def save(self, path: str | Path) -> None:
        sigs, keys, offsets = self.packed()
        np.savez_compressed(
            path,
            sigs=sigs,
            keys=keys,
            offsets=offsets,
            ids=np.array(self.ids, dtype=object),
            dates=np.array(self.dates, dtype=object),
            issuers=np.array(self.issuers, dtype=object),
            boilerplate=self.boilerplate if self.boilerplate is not None else np.empty(0),
            boilerplate_info=np.array(
                self.boilerplate_info.model_dump_json() if self.boilerplate_info else "",
                dtype=object,
            ),
        )

    @classmethod
    def load(cls, path: str | Path) -> SketchIndex:
        data = np.load(path, allow_pickle=True)
        index = cls()
        batch = _Batch(data["sigs"], data["keys"], data["offsets"])
        info = str(data["boilerplate_info"])
        if info:
            batch.dropped = True
            index.boilerplate = data["boilerplate"].astype(np.uint32)
            index.boilerplate_info = Boilerplate.model_validate_json(info)
        index._append(list(data["ids"]), batch, list(data["dates"]), list(data["issuers"]))
        return index


def _drop_keys(batch: _Batch, boilerplate: U32) -> None:
    if boilerplate.size == 0 or batch.dropped:
        return
    keep = ~_member(batch.keys, boilerplate)
    cum = np.zeros(keep.size + 1, dtype=np.int64)
    np.cumsum(keep, out=cum[1:])
    batch.keys, batch.offsets, batch.dropped = batch.keys[keep], cum[batch.offsets], True


def _member(values: U32, sorted_set: U32) -> npt.NDArray[np.bool_]:
    """Which ``values`` are in ``sorted_set`` (a binary search each)."""
    if sorted_set.size == 0:
        return np.zeros(values.size, dtype=bool)
    at = np.searchsorted(sorted_set, values)
    at[at == sorted_set.size] = 0
    hit: npt.NDArray[np.bool_] = sorted_set[at] == values
    return hit


@dataclass
class Pairs:
    """Verified pairs as arrays (positions in the index, i < j), and what was done."""

    i: I64
    j: I64
    jaccard: F64
    containment: F64
    boilerplate: U32
    candidates: int
    boilerplate_info: Boilerplate


# --- candidates -----------------------------------------------------------------------------


def banding(threshold: float, num_perm: int = NUM_PERM) -> tuple[int, int]:
    """(bands, rows): the most rows per band (fewest false candidates) that still make a pair
    of Jaccard ``threshold`` a candidate with probability ``TARGET_RECALL``."""
    for rows in range(num_perm, 0, -1):
        bands = num_perm // rows
        if 1 - (1 - threshold**rows) ** bands >= TARGET_RECALL:
            return bands, rows
    return num_perm, 1


def _band_keys(sigs: U32, band: int, rows: int) -> npt.NDArray[np.uint64]:
    cols = sigs[:, band * rows : (band + 1) * rows].astype(np.uint64)
    with np.errstate(over="ignore"):
        h = np.zeros(len(sigs), dtype=np.uint64) + np.uint64(band + 1)
        for c in range(cols.shape[1]):
            h = (h * np.uint64(0x100000001B3)) ^ cols[:, c]
    return h


def _pairs_of_rows(members: I64) -> I64:
    """Pair codes (i * 2^32 + j, i < j) of every row of a matrix of bucket members."""
    rows = np.sort(members, axis=1)
    ta, tb = np.triu_indices(rows.shape[1], k=1)
    a, b = rows[:, ta].ravel(), rows[:, tb].ravel()
    return (a << 32) | b


def _all_pairs(n: int) -> I64:
    return _pairs_of_rows(np.arange(n, dtype=np.int64)[None, :])


def candidates(sigs: U32, threshold: float = 0.8) -> I64:
    """Codes of the candidate pairs: documents that agree on every value of a band (every
    pair, for a corpus of ``ALL_PAIRS_UP_TO`` documents or fewer). Buckets of one size are
    paired together, in one array operation."""
    if len(sigs) <= ALL_PAIRS_UP_TO:
        return _all_pairs(len(sigs))
    bands, rows = banding(threshold)
    found: list[I64] = []
    for band in range(bands):
        h = _band_keys(sigs, band, rows)
        order = np.argsort(h, kind="stable").astype(np.int64)
        hs = h[order]
        starts = np.flatnonzero(np.concatenate([[True], hs[1:] != hs[:-1]]))
        sizes = np.diff(np.concatenate([starts, [hs.size]]))
        for size in np.unique(sizes[sizes > 1]).tolist():
            first = starts[sizes == size]
            if size > MAX_BUCKET:  # pair each member with the next only
                for s in first.tolist():
                    m = np.sort(order[s : s + size])
                    found.append((m[:-1] << 32) | m[1:])
                continue
            members = order[first[:, None] + np.arange(size)[None, :]]
            found.append(_pairs_of_rows(members))
    if not found:
        return np.empty(0, dtype=np.int64)
    return np.unique(np.concatenate(found))


# --- boilerplate ------------------------------------------------------------------------------


def learn_boilerplate(index: SketchIndex, seed: int = 0) -> tuple[U32, Boilerplate]:
    """Shingle keys found in at least ``BOILERPLATE_SHARE`` of a sample of documents."""
    n = len(index)
    if n < MIN_LEARN:
        note = f"not learned: {n} documents (at least {MIN_LEARN} are needed)"
        return np.empty(0, np.uint32), Boilerplate(learned=False, note=note)
    rng = np.random.default_rng(seed)
    sample = rng.choice(n, size=min(n, BOILERPLATE_SAMPLE), replace=False)
    pooled = np.concatenate([index.shingle_set(k) for k in sample.tolist()])
    keys, counts = np.unique(pooled, return_counts=True)
    common = keys[counts >= max(3, BOILERPLATE_SHARE * sample.size)].astype(np.uint32)
    info = Boilerplate(
        learned=True,
        shingles=int(common.size),
        min_share=BOILERPLATE_SHARE,
        sample=int(sample.size),
        note=f"{common.size} shingles found in at least {BOILERPLATE_SHARE:.0%} of "
        f"{sample.size} sampled documents are left out of every similarity",
    )
    return common, info


# --- verification ----------------------------------------------------------------------------


def _estimate(sigs: U32, a: I64, b: I64) -> F64:
    out = np.empty(a.size, dtype=np.float64)
    step = 20_000  # pairs at a time: 2 × 20k × 128 × 4 bytes
    for k in range(0, a.size, step):
        out[k : k + step] = (sigs[a[k : k + step]] == sigs[b[k : k + step]]).mean(axis=1)
    return out


def _common(sx: U32, sy: U32) -> U32:
    """The keys two sorted distinct sets share (a binary search of the smaller in the
    larger)."""
    small, large = (sx, sy) if sx.size <= sy.size else (sy, sx)
    shared: U32 = small[_member(small, large)]
    return shared


def _exact(index: SketchIndex, a: I64, b: I64) -> tuple[F64, F64]:
    """Exact Jaccard and containment of each pair, on the index's key sets (from which the
    boilerplate has been removed)."""
    jac = np.empty(a.size)
    con = np.empty(a.size)
    for k, (x, y) in enumerate(zip(a.tolist(), b.tolist(), strict=True)):
        sx, sy = index.shingle_set(x), index.shingle_set(y)
        shared = _common(sx, sy).size
        union = sx.size + sy.size - shared
        jac[k] = shared / union if union else 0.0  # two empty documents are no copies
        smaller = min(sx.size, sy.size)
        con[k] = shared / smaller if smaller else 0.0
    return jac, con


def find_pairs(
    index: SketchIndex,
    threshold: float = 0.8,
    boilerplate: U32 | None = None,
    progress: Callable[[str], None] | None = None,
) -> Pairs:
    """Every pair of documents whose exact Jaccard (boilerplate left out) is at least
    ``threshold``. ``boilerplate`` overrides the learned one."""
    note = progress or (lambda _: None)
    sigs = index.signatures()
    note("candidates")
    codes = candidates(sigs, threshold)
    a, b = (codes >> 32).astype(np.int64), (codes & 0xFFFFFFFF).astype(np.int64)
    keep = _estimate(sigs, a, b) >= threshold - PREFILTER
    a, b = a[keep], b[keep]
    if index.boilerplate is not None and index.boilerplate.size == 0 and boilerplate is None:
        index.boilerplate = None  # nothing was learned from a smaller corpus: learn again
    if index.boilerplate is not None:
        boilerplate = index.boilerplate
        info = index.boilerplate_info or Boilerplate(learned=False, note="kept with the index")
    elif boilerplate is None:
        boilerplate, info = learn_boilerplate(index)
    else:
        info = Boilerplate(learned=False, shingles=int(boilerplate.size), note="given")
    note("verify")
    index.drop(boilerplate, info)
    jac, con = _exact(index, a, b)
    ok = jac >= threshold
    return Pairs(a[ok], b[ok], jac[ok], con[ok], boilerplate, int(codes.size), info)


# --- families and lineage ----------------------------------------------------------------------


def _components(n: int, a: I64, b: I64) -> list[list[int]]:
    parent = list(range(n))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for x, y in zip(a.tolist(), b.tolist(), strict=True):
        rx, ry = root(x), root(y)
        if rx != ry:
            parent[max(rx, ry)] = min(rx, ry)
    groups: dict[int, list[int]] = {}
    for x in sorted({*a.tolist(), *b.tolist()}):
        groups.setdefault(root(x), []).append(x)
    return list(groups.values())


def _family_id(ids: list[str]) -> str:
    digest = hashlib.blake2b("\n".join(sorted(ids)).encode(), digest_size=4).hexdigest()
    return f"F-{digest}"


def _order_key(index: SketchIndex, k: int) -> tuple[int, str, int]:
    date = index.dates[k]
    return (0 if date else 1, date or "", k)


Sim = dict[tuple[int, int], float]


def _lineage(index: SketchIndex, members: list[int], sim: Sim) -> list[LineageEdge]:
    """Each member's parent: the most similar earlier member (by date, then input order);
    a member with no verified pair to an earlier one hangs from the latest earlier one."""
    ordered = sorted(members, key=lambda k: _order_key(index, k))
    edges = []
    for pos, child in enumerate(ordered[1:], start=1):
        scored = [
            (sim.get((min(p, child), max(p, child)), 0.0), q, p)
            for q, p in enumerate(ordered[:pos])
        ]
        best, _, parent = max(scored)
        edges.append(
            LineageEdge(child=index.ids[child], parent=index.ids[parent], similarity=round(best, 4))
        )
    return edges


def _family(index: SketchIndex, members: list[int], sim: Sim) -> Family:
    ids = [index.ids[k] for k in members]
    score = {k: sum(v for (x, y), v in sim.items() if k in (x, y)) for k in members}
    dates = sorted(d for k in members if (d := index.dates[k]))
    issuers = sorted({i for k in members if (i := index.issuers[k])})
    return Family(
        id=_family_id(ids),
        size=len(members),
        members=ids,
        representative=index.ids[max(members, key=lambda k: (score[k], -k))],
        first_date=dates[0] if dates else None,
        last_date=dates[-1] if dates else None,
        issuers=issuers,
        lineage=_lineage(index, members, sim),
    )


def families(index: SketchIndex, pairs: Pairs) -> list[Family]:
    """Connected groups of the verified pairs, largest first."""
    groups = _components(len(index), pairs.i, pairs.j)
    group_of = {k: g for g, members in enumerate(groups) for k in members}
    edges: list[dict[tuple[int, int], float]] = [{} for _ in groups]
    for x, y, v in zip(pairs.i.tolist(), pairs.j.tolist(), pairs.jaccard.tolist(), strict=True):
        edges[group_of[x]][(x, y)] = v
    found = [_family(index, g, e) for g, e in zip(groups, edges, strict=True)]
    return sorted(found, key=lambda f: (-f.size, f.id))


def to_duplicates(index: SketchIndex, pairs: Pairs, threshold: float) -> Duplicates:
    listed = [
        DuplicatePair(a=index.ids[x], b=index.ids[y], jaccard=round(j, 4), containment=round(c, 4))
        for x, y, j, c in zip(
            pairs.i.tolist(),
            pairs.j.tolist(),
            pairs.jaccard.tolist(),
            pairs.containment.tolist(),
            strict=True,
        )
    ]
    return Duplicates(
        documents=len(index),
        threshold=threshold,
        measure=MEASURE,
        candidates=pairs.candidates,
        pairs=sorted(listed, key=lambda p: (-p.jaccard, p.a, p.b)),
        families=families(index, pairs),
        boilerplate=pairs.boilerplate_info,
    )


def _when(plan: Plan) -> str | None:
    """The plan's date, else the start of its period (a plan "năm 2023" without a date)."""
    if plan.date and plan.date.value:
        return plan.date.value
    return plan.period.start if plan.period else None


def near_duplicates(
    items: Sequence[Plan | str],
    threshold: float = 0.8,
    *,
    ids: Sequence[str] | None = None,
    workers: int | None = None,
    progress: Callable[[str], None] | None = None,
) -> Duplicates:
    """Near-duplicate pairs and template families among plans (their body: preamble and
    sections) or texts. Pairs below ``threshold`` never appear; each similarity is exact.
    Plans give their source as id, and their date and issuer to the families."""
    index = SketchIndex()
    names = (
        list(ids)
        if ids is not None
        else [x.source if isinstance(x, Plan) else f"text-{k + 1}" for k, x in enumerate(items)]
    )
    texts = [x.body_text() if isinstance(x, Plan) else x for x in items]
    dates = [_when(x) if isinstance(x, Plan) else None for x in items]
    issuers = [x.issuer.value if isinstance(x, Plan) and x.issuer else None for x in items]
    index.add(names, texts, dates, issuers, workers=workers)
    index.close()
    return to_duplicates(index, find_pairs(index, threshold, progress=progress), threshold)
