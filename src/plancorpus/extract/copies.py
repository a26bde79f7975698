"""Copy blocks ("bản sao"): "SAO Y BẢN CHÍNH", "SAO LỤC", "TRÍCH SAO" after the original's
signature, each with the copying body, its own number, place and date, its recipients and its
signer. They are read with the header and tail readers, on the block's own lines."""

from __future__ import annotations

from plancorpus.extract.header import read_header
from plancorpus.extract.tail import read_tail
from plancorpus.model.plan import CopyBlock, Span
from plancorpus.segment.lines import Line
from plancorpus.segment.zones import COPY_HEAD, Zones, find_tail_start
from plancorpus.text.vietnamese import collapse_spaces

_FORMS = {"SAOY": "Sao y", "SAOLỤC": "Sao lục", "TRÍCHSAO": "Trích sao"}


def copy_heads(lines: list[Line], zone: range) -> list[int]:
    return [i for i in zone if COPY_HEAD.match(lines[i].text)]


def read_copies(text: str, lines: list[Line], zone: range) -> list[CopyBlock]:
    """Every copy block in ``zone`` (the lines after the original's tail)."""
    heads = copy_heads(lines, zone)
    out = []
    for k, head in enumerate(heads):
        stop = heads[k + 1] if k + 1 < len(heads) else zone.stop
        out.append(_read_block(text, lines, head, stop))
    return out


def _read_block(text: str, lines: list[Line], head: int, stop: int) -> CopyBlock:
    m = COPY_HEAD.match(lines[head].text)
    assert m is not None
    tail_start = find_tail_start(lines, head + 1)
    if tail_start is None or tail_start >= stop:
        tail_start = stop
    none = range(stop, stop)
    zones = Zones(range(head + 1, tail_start), None, none, none, none, none, none)
    h = read_header(text, lines, zones)
    tail = read_tail(text, lines, range(tail_start, stop))
    end = max((lines[i].content_end for i in range(head, stop) if not lines[i].blank), default=0)
    return CopyBlock(
        form=_FORMS.get("".join(m.group("form").split()), m.group("form")),
        raw=collapse_spaces(lines[head].stripped),
        issuer=h.issuer.value if h.issuer else None,
        number=h.number.value if h.number else None,
        symbol=h.symbol.value if h.symbol else None,
        place=h.place.value if h.place else None,
        date=h.date.value if h.date else None,
        signers=tail.signers,
        recipients=tail.recipients,
        span=Span(start=lines[head].content_start, end=end),
    )
