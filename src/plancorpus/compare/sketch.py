"""Shingles and MinHash signatures of a text, for near-duplicate search at corpus scale.

A text becomes the set of its word 3-grams ("shingles") over syllables folded to one form
(lower case, one tone placement, punctuation dropped), each hashed to 64 bits by a hash that is
the same in every process and on every machine (BLAKE2b of the syllable, mixed arithmetically),
so signatures can be stored and compared across runs. The signature is a one-permutation
MinHash: one hash per shingle, split into ``NUM_PERM`` bins by its top bits, the least value in
each bin kept, and empty bins filled from the next full one (densification). Two signatures
agree in a bin with a probability close to the Jaccard similarity of the two sets, which is
what banded LSH needs; similarities reported to users are always computed exactly on the sets.
"""

from __future__ import annotations

import hashlib

import numpy as np
import numpy.typing as npt

from plancorpus.text.vietnamese import fold_tone_placement

SHINGLE = 3  # words per shingle
NUM_PERM = 128  # signature length (bins)
_BIN_SHIFT = np.uint64(64 - 7)  # top 7 bits choose one of 128 bins
_LOW = np.uint64(0xFFFFFFFF)
_MIX1 = np.uint64(0x9E3779B97F4A7C15)
_MIX2 = np.uint64(0xBF58476D1CE4E5B9)
_MIX3 = np.uint64(0x94D049BB133111EB)
_PUNCT = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~“”‘’–—…•·«»"

U64 = npt.NDArray[np.uint64]
U32 = npt.NDArray[np.uint32]


_HASHES: dict[str, int] = {}  # token as written (lower case) → hash; the vocabulary is small


def _token_hash(token: str) -> int:
    """A stable 64-bit hash of a token with its punctuation stripped and its tone placement
    folded; 0 for a token of punctuation only."""
    core = fold_tone_placement(token.strip(_PUNCT))
    if not core:
        return 0
    return int.from_bytes(hashlib.blake2b(core.encode(), digest_size=8).digest(), "little") | 1


def word_hash(token: str) -> int:
    found = _HASHES.get(token)
    if found is None:
        found = _HASHES[token] = _token_hash(token)
    return found


def _mix(x: U64) -> U64:
    """splitmix64's finaliser: spreads the bits of each value (wrapping arithmetic)."""
    x = x ^ (x >> np.uint64(30))
    x = x * _MIX2
    x = x ^ (x >> np.uint64(27))
    x = x * _MIX3
    return x ^ (x >> np.uint64(31))


def distinct(values: npt.NDArray[np.generic]) -> npt.NDArray[np.generic]:
    """Sorted distinct values (a sort and a mask: much faster than np.unique on small arrays)."""
    ordered = np.sort(values)
    if ordered.size < 2:
        return ordered
    keep = np.empty(ordered.size, dtype=bool)
    keep[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=keep[1:])
    return ordered[keep]


def word_ids(text: str) -> U64:
    """The hashes of the text's syllables, punctuation left out."""
    tokens = text.lower().split()
    found = list(map(_HASHES.get, tokens))
    if None in found:  # words not seen before in this process
        found = [word_hash(t) if h is None else h for t, h in zip(tokens, found, strict=True)]
    ids: U64 = np.array(found, dtype=np.uint64)
    kept: U64 = ids[ids != 0]
    return kept


def shingles(text: str, k: int = SHINGLE, unique: bool = True) -> U64:
    """The sorted, distinct 64-bit hashes of the text's word ``k``-grams (a text shorter than
    ``k`` words gives its words as one shingle); one per position,
    unsorted, with ``unique=False`` (a signature does not need them distinct)."""
    ids = word_ids(text)
    if ids.size == 0:
        return np.empty(0, dtype=np.uint64)
    if ids.size < k:
        ids = np.concatenate([ids, np.ones(k - ids.size, dtype=np.uint64)])
    n = ids.size - k + 1
    with np.errstate(over="ignore"):
        acc = ids[:n].copy()
        for j in range(1, k):
            acc = acc * _MIX1 + ids[j : n + j]
        mixed = _mix(acc)
    return distinct(mixed) if unique else mixed  # type: ignore[return-value]


def signature(shingle_set: U64, num_perm: int = NUM_PERM) -> U32:
    """One-permutation MinHash of a shingle set, densified (see the module's text)."""
    out = np.full(num_perm, np.iinfo(np.uint32).max, dtype=np.uint32)
    if shingle_set.size == 0:
        return out
    with np.errstate(over="ignore"):
        h = _mix(shingle_set ^ _MIX1)
    bins = (h >> _BIN_SHIFT).astype(np.int64) % num_perm
    vals = (h & _LOW).astype(np.uint32)
    np.minimum.at(out, bins, vals)
    return _densify(out)


def _densify(sig: U32) -> U32:
    """Each empty bin takes the value of the next full bin (circularly), offset by the
    distance, so that two sets still agree there only when they agree in that bin."""
    empty = sig == np.iinfo(np.uint32).max
    if not empty.any() or empty.all():
        return sig
    n = sig.size
    full = np.flatnonzero(~empty)
    idx = np.arange(n)
    nxt = np.searchsorted(full, idx)
    src = full[nxt % full.size]
    dist = (src - idx) % n
    filled = sig[src].astype(np.uint64) + dist.astype(np.uint64) * np.uint64(0x9E3779B1)
    return np.where(empty, (filled & _LOW).astype(np.uint32), sig)


def jaccard(a: U64, b: U64) -> float:
    """Exact Jaccard similarity of two sorted distinct shingle sets."""
    if a.size == 0 and b.size == 0:
        return 1.0
    common = np.intersect1d(a, b, assume_unique=True).size
    return common / (a.size + b.size - common)


def containment(a: U64, b: U64) -> float:
    """Share of the smaller set found in the larger: a short plan copied into a long one."""
    small = min(a.size, b.size)
    if small == 0:
        return 0.0
    return np.intersect1d(a, b, assume_unique=True).size / small
