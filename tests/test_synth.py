"""The synthetic plan generator of benchmarks/synth.py, and a small end-to-end run of the
near-duplicate search against the exact ground truth that the generator makes possible."""

from __future__ import annotations

import importlib.util
import itertools
import sys
from collections import Counter, defaultdict
from types import ModuleType

import numpy as np
import pytest

import plancorpus
from conftest import ROOT
from plancorpus.compare.sketch import jaccard, shingles


def _load_synth() -> ModuleType:
    name = "bench_synth"
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / "synth.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # a dataclass looks its module up there
    spec.loader.exec_module(module)
    return module


synth = _load_synth()


def test_same_seed_same_stream_other_seed_other_stream():
    first = list(synth.generate(60, seed=3))
    assert first == list(synth.generate(60, seed=3))
    assert [t for *_, t in first] != [t for *_, t in synth.generate(60, seed=4)]


@pytest.mark.parametrize("n", [0, 1, 7, synth.BUFFER + 13])
def test_streams_exactly_the_requested_count_with_unique_ids(n):
    ids = [doc_id for doc_id, _, _ in synth.generate(n, seed=1)]
    assert len(ids) == n
    assert len(set(ids)) == n


def test_streams_lazily():
    """A billion plans are never made: the first few come without the rest."""
    head = list(itertools.islice(synth.generate(10**9, seed=2), 3))
    assert len(head) == 3


def test_family_sizes_are_capped_and_members_are_spread_out():
    docs = list(synth.generate(3000, seed=5))
    sizes = Counter(f for _, f, _ in docs)
    assert max(sizes.values()) <= synth.MAX_FAMILY
    assert 1 in sizes.values() and max(sizes.values()) >= 10
    big = max(sizes, key=lambda f: sizes[f])
    places = [k for k, (_, f, _) in enumerate(docs) if f == big]
    assert places[-1] - places[0] > 2 * len(places)  # not one block


def test_plans_are_of_plan_size():
    sizes = [len(t.encode()) for _, _, t in synth.generate(300, seed=6)]
    assert min(sizes) >= 3000 and np.median(sizes) <= 8000


def test_family_members_are_closer_to_each_other_than_to_strangers():
    docs = list(synth.generate(160, seed=7))
    sets = [shingles(t) for _, _, t in docs]
    members = defaultdict(list)
    for k, (_, f, _) in enumerate(docs):
        members[f].append(k)
    groups = [g for g in members.values() if len(g) >= 2]
    assert groups
    for group in groups:
        for k in group[:3]:
            kin = max(jaccard(sets[k], sets[x]) for x in group if x != k)
            strangers = max(jaccard(sets[k], sets[x]) for x in range(len(docs)) if x not in group)
            assert kin > strangers, (docs[k][0], kin, strangers)


def test_a_synthetic_plan_parses_as_a_plan():
    _, _, text = next(iter(synth.generate(5, seed=8)))
    plan = plancorpus.parse_text(text)
    assert plan.title is not None and "năm" in plan.title.value
    assert [s.label for s in plan.sections] == ["I", "II", "III", "IV"]
    assert plan.sections[1].children  # numbered items under II
    assert plan.issuer is not None and plan.recipients


def test_small_corpus_end_to_end_against_exact_ground_truth():
    try:
        from plancorpus.compare.duplicates import SketchIndex, find_pairs
    except ImportError as err:  # the engine is written alongside this generator
        pytest.skip(f"plancorpus.compare.duplicates is not importable yet: {err}")
    ids, fams, texts = zip(*synth.generate(500, seed=11), strict=True)
    index = SketchIndex()
    index.add(list(ids), list(texts))
    result = find_pairs(index, threshold=0.8)
    boiler = np.asarray(result.boilerplate)
    sets = [index.shingle_set(k) for k in range(len(index))]
    sets = [s[~np.isin(s, boiler)] for s in sets]
    truth = set()
    for a, b in itertools.combinations(range(len(ids)), 2):
        if fams[a] == fams[b] and jaccard(sets[a], sets[b]) >= 0.8:
            truth.add((a, b))
    found = set(zip(result.i.tolist(), result.j.tolist(), strict=True))
    assert len(truth) >= 30  # enough true pairs for the recall to mean something
    assert len(found & truth) / len(truth) >= 0.99
    assert found <= truth  # every reported pair is a true one
    family_of = dict(zip(ids, fams, strict=True))
    dups = plancorpus.near_duplicates(list(texts), threshold=0.8, ids=list(ids))
    assert len(dups.pairs) == len(found)
    for fam in dups.families:
        assert len({family_of[m] for m in fam.members}) == 1  # one generated family each
