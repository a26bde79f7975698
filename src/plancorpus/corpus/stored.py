"""A corpus's plans, kept compact: each plan as its compressed JSON, built again on access.

A parsed :class:`~plancorpus.model.plan.Plan` held in memory takes about thirty times the
space of its compressed JSON, and building one from JSON costs a millisecond or more (a
large PDF's plan, ten). A corpus therefore keeps what the workers and the cache hand over, the
compressed JSON, and builds a plan only when it is asked for: loading 10,000 plans from the
cache builds none, and a table made from them builds each one once, in turn, without holding
them all. The price: each access builds a new object, so a change made to
``corpus.plans[0]`` is not kept; take ``list(corpus.plans)`` to hold them as objects.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator, Sequence
from typing import overload

from plancorpus.model.plan import Plan

LEVEL = 3  # zlib level: a 14 kB plan in about 0.1 ms, to a fifth of its size


def pack(plan_json: str) -> bytes:
    """A plan's JSON as the compressed form kept by the corpus and the cache."""
    return zlib.compress(plan_json.encode("utf-8"), LEVEL)


def unpack(blob: bytes) -> Plan:
    return Plan.model_validate_json(zlib.decompress(blob))


class StoredPlans(Sequence[Plan]):
    """A read-only sequence of plans backed by compressed JSON (see the module's note);
    ``append`` takes a Plan or an already packed blob."""

    def __init__(self, plans: Iterable[Plan | bytes] = ()) -> None:
        self._blobs: list[bytes] = []
        for plan in plans:
            self.append(plan)

    def append(self, plan: Plan | bytes) -> None:
        self._blobs.append(plan if isinstance(plan, bytes) else pack(plan.model_dump_json()))

    @overload
    def __getitem__(self, index: int) -> Plan: ...

    @overload
    def __getitem__(self, index: slice) -> list[Plan]: ...

    def __getitem__(self, index: int | slice) -> Plan | list[Plan]:
        if isinstance(index, slice):
            return [unpack(b) for b in self._blobs[index]]
        return unpack(self._blobs[index])

    def __iter__(self) -> Iterator[Plan]:
        return (unpack(b) for b in self._blobs)

    def __len__(self) -> int:
        return len(self._blobs)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, StoredPlans):
            return self._blobs == other._blobs or list(self) == list(other)
        if isinstance(other, Sequence):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable, like a list

    def nbytes(self) -> int:
        """Bytes held by the packed plans."""
        return sum(len(b) for b in self._blobs)

    def __repr__(self) -> str:
        return f"<{len(self)} plans, {self.nbytes() / 1e6:.1f} MB packed>"
