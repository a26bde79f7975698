"""Recipients ("Nơi nhận"): one item per dash line, with its purpose and the archive copy.

"- Sở Nội vụ (để báo cáo);" → name "Sở Nội vụ", purpose "để báo cáo".
"- Lưu: VT, TĐKT." → archive line; its parts are the clerical office and the drafting unit.
"""

from __future__ import annotations

from plancorpus.data import patterns
from plancorpus.model.plan import Recipient, Span
from plancorpus.text.lazyregex import lazy_compile
from plancorpus.text.vietnamese import collapse_spaces


# why a copy is sent: "(để báo cáo)", "(b/c)"; the words are data (patterns.toml)
def _purpose_words() -> str:
    return patterns.phrase_alternation(patterns.recipient_purpose_words())


_PURPOSE_PAREN = lazy_compile(
    lambda: (
        rf"(?i)\s*\(\s*(?P<p>(?:[^()]*?[-–,]\s*)?(?:để|thay)\b[^()]*|(?:{_purpose_words()})[^()]*)\)\s*$"
    )
)
_PURPOSE_SLASH = lazy_compile(lambda: rf"(?i)\s*/\s*(?P<p>để\s+(?:{_purpose_words()})\b.*)$")
_ARCHIVE = lazy_compile(r"(?i)^lưu\b\s*:?\s*")
_DASH = lazy_compile(r"^\s*[-–—•+]\s*")
_TRAIL = lazy_compile(r"[\s;,.]+$")


# a copy count and the typist after an archive entry: "QHĐP (3) Cương", "KGVX (2b). Tùng",
# "KGVX (2.b)"
_COPIES = lazy_compile(r"\s*\(\s*\d+\s*\.?\s*b?\s*\)\.?(?:\s+\p{Lu}[\p{L}.]*)?$")


# the drafter after the drafting unit: "ĐTQH (Tùng)", "THVX (VB)", "KGVX (TP,D)", "NC (TP, Vinh)",
# "KGVX. Thg.", "(VX/MT.Tấn)"
_TYPIST = lazy_compile(
    r"(?:\s*\(\p{Lu}\p{Ll}+\)|\s+\(\p{Lu}{2,3}\)"
    r"|\s+\(\p{Lu}\p{L}{0,5}(?:\s*,\s*\p{Lu}\p{L}{0,5})+\)"
    r"|\.\s*\p{Lu}\p{Ll}+\.?)$"
)
# a part that is only the drafter: "Lưu: VT, (MT.Tấn)."
_ONLY_TYPIST = lazy_compile(r"^\(\p{Lu}+\.\s*\p{Lu}\p{Ll}+\)$")
# how many copies go to a recipient, in a code: "CT, PCT UBND TP (1AE)", "VPUBND TP (2C, 3C)"
_COPY_MARK = lazy_compile(r"\s*\(\s*\d+\s*\p{Lu}{0,3}(?:\s*,\s*\d+\s*\p{Lu}{0,3})*\s*\)$")
_UNIT_SLASH_TYPIST = lazy_compile(r"^\((?P<unit>\p{Lu}+)/[^()]*\)$")


def _archive_part(piece: str) -> str:
    """One entry of an archive line without copy counts and the drafter's name."""
    part = _COPIES.sub("", piece) or piece
    slash = _UNIT_SLASH_TYPIST.match(part)
    if slash:
        return str(slash.group("unit"))
    return _TYPIST.sub("", part) or part


def _split_parts(name: str) -> list[str]:
    """Recipients joined on one line by commas or semicolons ("Ban Thi đua Khen thưởng tỉnh,
    Sở Nội vụ", "Viện KSND tỉnh; Tòa án nhân dân tỉnh")."""
    pieces: list[str] = []
    depth = 0
    buf = ""
    for ch in name:
        depth += ch == "("
        depth -= ch == ")"
        if ch in ",;" and depth == 0:
            pieces.append(buf.strip())
            buf = ""
        else:
            buf += ch
    pieces.append(buf.strip())
    return [p for p in pieces if p]


def parse_recipient(text: str, start: int) -> Recipient | None:
    """One recipient from its written line (dash and final punctuation included).
    ``start`` is the offset of ``text`` in Plan.text."""
    lead = _DASH.match(text)
    offset = lead.end() if lead else 0
    body = text[offset:]
    body = body[: len(_TRAIL.sub("", body))] if _TRAIL.search(body) else body
    raw = collapse_spaces(body)
    if not raw:
        return None
    purpose = None
    name = raw
    m = _PURPOSE_PAREN.search(raw) or _PURPOSE_SLASH.search(raw)
    if m:
        purpose = m.group("p").strip()
        name = raw[: m.start()].strip().rstrip(";,")  # "Bộ Giáo dục và Đào tạo; (báo cáo)"
    if not m and _COPY_MARK.search(name):
        name = _COPY_MARK.sub("", name)
    archive = bool(_ARCHIVE.match(name))
    if archive:
        name = _ARCHIVE.sub("", name, count=1)
    pieces = _split_parts(name)
    if archive:
        parts = [_archive_part(p) for p in pieces if not _ONLY_TYPIST.match(p)]
    else:
        # "Ban Thi đua Khen thưởng tỉnh, Sở Nội vụ" is two bodies; "Các phòng, đơn vị thuộc Sở"
        # is one (its second piece does not open with a capital)
        parts = (
            pieces
            if len(pieces) > 1 and all(len(p.split()) >= 2 and p[0].isupper() for p in pieces)
            else []
        )
    lead_ws = len(body) - len(body.lstrip())
    span_start = start + offset + lead_ws
    return Recipient(
        raw=raw,
        name=name,
        purpose=purpose,
        archive=archive,
        parts=parts,
        span=Span(start=span_start, end=span_start + len(body.strip())),
    )
