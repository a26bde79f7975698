"""Signature blocks ("chữ ký"): authority prefixes, title, name.

``TM. ỦY BAN NHÂN DÂN`` / ``KT. CHỦ TỊCH`` / ``PHÓ CHỦ TỊCH`` / ``(Đã ký)`` / ``Trần Văn A``.
Cells come from the tail zone; a row with two signature cells (a meeting record's secretary
and chair) starts two columns, each read as its own signer.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise

from plancorpus.data import patterns
from plancorpus.extract.names import org_name_case
from plancorpus.model.plan import AuthorityStep, Signer, Span
from plancorpus.segment.cues import find_head, is_name_cell, is_title_cell, prefix_match
from plancorpus.segment.lines import Cell, cut_cell
from plancorpus.text.lazyregex import lazy_compile
from plancorpus.text.vietnamese import is_upper_text

_MARK = lazy_compile(
    r"(?i)^\(?\s*(?:đã\s+ký|ký\s*(?:,|và)?\s*(?:tên|đóng\s+dấu|ghi\s+rõ\s+họ\s+tên)?[^)]*|"
    r"chữ\s+ký[^)]*|đã\s+ký\s+và\s+đóng\s+dấu)\s*\)?$"
)


# what a signature image leaves after a title in the text of a PDF ("PHÓ THỦ TƯỚNGy]")
_IMAGE_RESIDUE = lazy_compile(r"^(?P<t>[^\p{Ll}]*\p{Lu})[\p{Ll}\[\]\\|]{1,3}$")


def _without_residue(text: str) -> str:
    m = _IMAGE_RESIDUE.match(text)
    return m.group("t") if m and is_upper_text(m.group("t")) else text


def classify(text: str) -> str:
    """``prefix``, ``title``, ``mark``, ``name`` or ``other``."""
    s = _without_residue(text.strip())
    if prefix_match(s):
        return "prefix"
    if is_title_cell(s) or (is_upper_text(s) and _two_titles(s)[1] is not None):
        return "title"
    if _MARK.match(s):
        return "mark"
    if is_name_cell(s):
        return "name"
    return "other"


_SPACE = lazy_compile(r"\s")
_SPACES = lazy_compile(r"\s+")


@cache
def _prefix_forms() -> tuple[tuple[str, frozenset[str], frozenset[str]], ...]:
    """Each signature prefix with its written forms, compact and upper case, with and
    without their final dots."""
    out = []
    for p in patterns.signer_prefixes():
        forms = frozenset(_SPACE.sub("", w).upper() for w in (p.prefix, *p.written))
        out.append((p.prefix, forms, frozenset(f.rstrip(".") for f in forms)))
    return tuple(out)


def normalize_prefix(written: str) -> str:
    compact = _SPACE.sub("", written).upper()
    for prefix, forms, undotted in _prefix_forms():
        if compact in forms or compact.rstrip(".") in undotted:
            return prefix
    return written.strip()


@dataclass
class _Open:
    chain: list[AuthorityStep] = field(default_factory=list)
    title: str | None = None
    name: str | None = None
    note: str | None = None
    start: int = -1
    end: int = -1

    def touch(self, cell: Cell) -> None:
        self.start = cell.start if self.start < 0 else min(self.start, cell.start)
        self.end = max(self.end, cell.end)

    def empty(self) -> bool:
        return not (self.chain or self.title or self.name)

    def to_signer(self) -> Signer:
        inner = self.chain[-1] if self.chain else None
        return Signer(
            authority=inner.authority if inner else None,
            on_behalf_of=inner.on_behalf_of if inner else None,
            title=self.title,
            name=self.name,
            chain=self.chain,
            note=self.note,
            span=Span(start=self.start, end=self.end),
        )


def _columns(rows: list[list[Cell]]) -> list[list[tuple[int, Cell]]]:
    """Group signature cells into columns; two cells on one row mean two columns."""
    flat = [(r, c) for r, row in enumerate(rows) for c in row]
    if not any(len(row) >= 2 for row in rows):
        return [flat] if flat else []
    positions = sorted({c.column for _, c in flat})
    if len(positions) < 2:  # one cell cut in parts ("TM. … KT. … Nguyễn Văn A"): one column
        return [flat]
    gaps = [(b - a, k) for k, (a, b) in enumerate(pairwise(positions))]
    _, k = max(gaps)
    split = (positions[k] + positions[k + 1]) / 2
    left = [(r, c) for r, c in flat if c.column < split]
    right = [(r, c) for r, c in flat if c.column >= split]
    return [col for col in (left, right) if col]


# a signature block run into one line by a page copy: "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ
# TỊCH Nguyễn Hữu Tháp" is cut before each further prefix and before the name at its end
_RUN_ON_SIGNATURE = lazy_compile(
    r"(?<=\S)\s+(?=(?:KT|TL|TM|TUQ|Q)\s*\.\s*\p{Lu})"
    r"|(?<=\p{Lu}{2})\s+(?=\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}*){1,4}(?:\s*$|\s+\p{Lu}{2,}\s))"
    # an attached document's type and title run on after the name: "… Đinh Trung Tụng KẾ HOẠCH …"
    r"|(?<=\p{Ll})\s+(?=\p{Lu}{2,}\s+\p{Lu}{2,})"
)


def _unfold(cell: Cell) -> list[Cell]:
    out = cut_cell(cell, [(m.start(), m.end()) for m in _RUN_ON_SIGNATURE.finditer(cell.text)])
    return out if len(out) > 1 and classify(out[0].text) in ("prefix", "title") else [cell]


def read_signers(rows: list[list[Cell]]) -> list[Signer]:
    """Signers from rows of signature cells (already filtered to signature-like cells)."""
    out: list[Signer] = []
    rows = [[piece for cell in row for piece in _unfold(cell)] for row in rows]
    for column in _columns(rows):
        cur = _Open()
        for _, cell in column:
            kind = classify(cell.text)
            text = _without_residue(_SPACES.sub(" ", cell.text.strip()))
            if kind in ("name", "other") and _goes_on_principal(cur, text):
                kind = "principal"  # "TM. ỦY BAN" / "NHÂN DÂN": the body's name broken
            if kind == "prefix":
                if cur.title or cur.name:
                    out.append(cur.to_signer())
                    cur = _Open()
                m = prefix_match(text)
                assert m is not None
                authority = normalize_prefix(m.group("prefix"))
                principal, title = split_title(m.group("rest").strip(), authority)
                cur.chain.append(AuthorityStep(authority=authority, on_behalf_of=principal))
                if title:
                    cur.title = title
            elif kind == "title" and _office_under_role(cur, text):
                cur.note = cur.note or text.rstrip(".:")  # "TRƯỞNG BAN" / "PHÓ CHỦ TỊCH UBND TỈNH"
            elif kind == "title":
                if cur.title or cur.name:
                    out.append(cur.to_signer())
                    cur = _Open()
                cur.title = text.rstrip(".:")
                if cur.chain and not cur.chain[-1].on_behalf_of:
                    # "TL." alone, then "BỘ TRƯỞNG CHÁNH VĂN PHÒNG": the principal, the title
                    principal, title = _two_titles(cur.title)
                    if title:
                        last = cur.chain[-1]
                        cur.chain[-1] = AuthorityStep(
                            authority=last.authority, on_behalf_of=principal
                        )
                        cur.title = title
                elif not cur.chain:
                    cur.title, cur.note = _committee_role(cur.title, cur.note)
            elif kind == "mark":
                cur.note = text
            elif kind == "name":
                if cur.name:
                    out.append(cur.to_signer())
                    cur = _Open()
                cur.name = text.rstrip(".")
            elif kind == "principal":
                last = cur.chain[-1]
                cur.chain[-1] = AuthorityStep(
                    authority=last.authority, on_behalf_of=f"{last.on_behalf_of} {text}"
                )
            else:
                continue
            cur.touch(cell)
            if kind == "name":
                out.append(cur.to_signer())
                cur = _Open()
        if not cur.empty():
            out.append(cur.to_signer())
    return _join_stray_names(sorted(out, key=lambda s: s.span.start))


# a committee's head signs as such, the office he holds printed under it: "TRƯỞNG BAN" /
# "PHÓ THỦ TƯỚNG" / "Nguyễn Thiện Nhân" (Ban Chỉ đạo quốc gia 1237, 2013)
_COMMITTEE_ROLE = lazy_compile(
    r"^(?P<role>(?:PHÓ\s+)?TRƯỞNG\s+BAN|(?:PHÓ\s+)?CHỦ\s+TỊCH\s+HỘI\s+ĐỒNG|(?:PHÓ\s+)?TỔ\s+TRƯỞNG)"
    r"\s+(?P<office>\S.*)$"
)


def _office_under_role(cur: _Open, text: str) -> bool:
    """A title line right under a committee role, before the name: the office held."""
    return (
        bool(cur.title)
        and not cur.name
        and not cur.chain
        and _COMMITTEE_ROLE.match(f"{cur.title} {text}") is not None
    )


def _committee_role(title: str, note: str | None) -> tuple[str, str | None]:
    """The role a committee's head signs in, and the office written after it (kept as the
    signer's note)."""
    m = _COMMITTEE_ROLE.match(title)
    if m is None or not is_title_cell(m.group("office")):
        return title, note
    return m.group("role"), note or m.group("office")


def _goes_on_principal(cur: _Open, text: str) -> bool:
    """A line in capitals right after a prefix line, before any title or name."""
    return bool(cur.chain) and not cur.title and not cur.name and is_upper_text(text)


def _title_splits(text: str, first: int = 1) -> Iterator[tuple[str, str]]:
    """Every way to cut ``text`` into words before and a signer's title after (at least
    ``first`` words before)."""
    words = text.split()
    for k in range(first, len(words)):
        tail = " ".join(words[k:])
        if is_title_cell(tail):
            yield " ".join(words[:k]), tail


def split_title(text: str, authority: str) -> tuple[str, str | None]:
    """A principal and a title written on one line: after "KT." a deputy's title ("GIÁM ĐỐC
    PHÓ GIÁM ĐỐC", "BỘ TRƯỞNG THỨ TRƯỞNG"), after "TM." a title after a body's name ("ỦY BAN
    NHÂN DÂN CHỦ TỊCH"); the principal, and the title when there is one. "CHỦ TỊCH HỘI ĐỒNG BỘ
    TRƯỞNG" and "BAN GIÁM ĐỐC" stay whole."""
    deputy_for = authority.replace("/", "").rstrip(".").upper() == "KT"
    for head, tail in _title_splits(text, first=2):
        deputy = deputy_for and (tail.split()[0].upper() == "PHÓ" or tail.upper() == "THỨ TRƯỞNG")
        if deputy or (authority == "TM." and find_head(org_name_case(head)) is not None):
            return head, tail
    return text, None


def _two_titles(text: str) -> tuple[str, str | None]:
    """A principal's title and the signer's, written on one line ("BỘ TRƯỞNG CHÁNH VĂN
    PHÒNG")."""
    return next(((h, t) for h, t in _title_splits(text) if is_title_cell(h)), (text, None))


def _alone(s: Signer) -> bool:
    return bool(s.name) and not (s.title or s.chain)


def _nameless(s: Signer) -> bool:
    return s.name is None and bool(s.title or s.chain)


def _join_stray_names(signers: list[Signer]) -> list[Signer]:
    """A name read apart from its title (the columns came out in the other order, or the
    name sat on the title's line after a wide gap) joins the nameless signer next to it."""
    out: list[Signer] = []
    k = 0
    while k < len(signers):
        s = signers[k]
        nxt = signers[k + 1] if k + 1 < len(signers) else None
        pair = (s, nxt) if nxt is not None and _alone(s) and _nameless(nxt) else None
        if pair is None and nxt is not None and _nameless(s) and _alone(nxt):
            pair = (nxt, s)
        if pair is not None:
            named, holder = pair
            a, b = named.span, holder.span
            span = Span(start=min(a.start, b.start), end=max(a.end, b.end))
            out.append(holder.model_copy(update={"name": named.name, "span": span}))
            k += 2
            continue
        out.append(s)
        k += 1
    return out


def signature_kind(text: str) -> str | None:
    """What a cell of the signature block is (``classify``), "run_on" for a block run into
    one line ("KT. BỘ TRƯỞNG THỨ TRƯỞNG Đinh Trung Tụng"), None when it is not one."""
    kind = classify(text)
    if kind != "other":
        return kind
    first = _RUN_ON_SIGNATURE.split(text, maxsplit=1)[0]
    return "run_on" if first != text and classify(first) in ("prefix", "title") else None
