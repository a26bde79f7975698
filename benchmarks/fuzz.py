"""A seeded, reproducible fuzz run over hostile inputs (issue 12).

Cases are real files of every format (the samples, the test documents, and the shared corpus
when it is there) changed by seeded mutations, plus crafted pathological inputs, each with a
name (see :data:`crafted`). Every case is parsed in a worker process with a memory limit and
a time limit; the parent records what happened:

- ``ok``: a plan came back and serialised (whatever its status: a failed plan with a reason is
  the right answer to a broken file);
- ``refused``: an ``OSError`` naming the file (right only for special files given by path);
- ``raised``: any other exception escaped ``parse`` (a defect);
- ``hang``: no answer within the time limit (a defect); the worker is killed and replaced;
- ``crash``: the worker died (a defect), e.g. a native library aborted.

    python benchmarks/fuzz.py --cases 10000 --seed 1 [--record]

Case ``i`` of seed ``s`` is the same on every run, so a failure can be replayed alone with
``--only i``.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import platform
import random
import resource
import struct
import sys
import tempfile
import time
import traceback
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from multiprocessing.connection import Connection, wait
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("PLANCORPUS_SHARED", ROOT.parent / "shared"))
SUFFIXES = {".txt", ".pdf", ".docx", ".doc", ".html", ".htm", ".md"}
MB = 2**20


@dataclass(frozen=True)
class Case:
    """One input: bytes to parse (``data``), or a special file made at run time (``special``:
    "fifo", "dev_zero"), named for the report."""

    name: str
    data: bytes = b""
    special: str | None = None
    suffix: str = ".txt"


@dataclass
class Outcome:
    kind: str  # ok, refused, raised, hang, crash
    detail: str = ""
    seconds: float = 0.0
    rss_mb: float = 0.0
    status: str = ""


# --- the real files the mutations start from ---------------------------------------------------


def seed_files(shared: Path = SHARED) -> list[Path]:
    """Every document the mutations start from, sorted, so that a seed gives the same cases."""
    folders = [ROOT / "data" / "samples", ROOT / "tests" / "data", shared / "corpus" / "seeds"]
    folders.append(shared / "corpus" / "real")
    found: list[Path] = []
    for folder in folders:
        if folder.is_dir():
            found += [p for p in folder.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file()]
    return sorted(p for p in found if p.stat().st_size < 8 * MB)


# --- mutations --------------------------------------------------------------------------------

# tokens that drive the patterns: codes, labels, dates, numbers, quotes, Roman numerals, dots
_TOKENS = [
    "số ", "Số: ", "/", "-", ".", "..", "“", "”", "\"", "I.", "II.", "XIV", "1.", "1.1.",
    "a)", "Điều 1.", "khoản 2", "ngày 12/3/2024", "12/KH-UBND", "05-CT/TW", "45/2022/NĐ-CP",
    "KẾ HOẠCH", "QUYẾT ĐỊNH", "Nơi nhận:", "KT. CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN", "\n", "\n\n",
    "\t", "|", "Căn cứ ", "của ", "giai đoạn 2021 - 2025", "Phụ lục", "SAO Y", "\x00", "\ufffd",
]  # fmt: skip


def _flip(data: bytes, rng: random.Random) -> bytes:
    buf = bytearray(data)
    for _ in range(rng.randint(1, 12)):
        if buf:
            buf[rng.randrange(len(buf))] = rng.randrange(256)
    return bytes(buf)


def _cut(data: bytes, rng: random.Random) -> bytes:
    if len(data) < 2:
        return data
    a = rng.randrange(len(data))
    b = min(len(data), a + rng.randint(1, max(1, len(data) // 4)))
    return data[:a] + data[b:] if rng.random() < 0.5 else data[:a]


def _repeat(data: bytes, rng: random.Random) -> bytes:
    if not data:
        return data
    a = rng.randrange(len(data))
    piece = data[a : a + rng.randint(1, 400)]
    return data[:a] + piece * rng.randint(2, 300) + data[a:]


def _insert(data: bytes, rng: random.Random) -> bytes:
    at = rng.randrange(len(data) + 1)
    if rng.random() < 0.3:
        junk = rng.randbytes(rng.randint(1, 2000))
    else:
        junk = "".join(rng.choice(_TOKENS) for _ in range(rng.randint(1, 400))).encode()
    return data[:at] + junk + data[at:]


def _text_reencode(data: bytes, rng: random.Random) -> bytes:
    text = data.decode("utf-8", errors="replace")
    codec = rng.choice(["utf-16", "utf-16-be", "utf-32", "cp1258", "latin-1", "utf-8-sig"])
    return text.encode(codec, errors="replace")


_XML_NUMBERS = [b"abc", b"-1", b"99999999999999999999", b"", b"1e9", b"0x10", b"\xef\xbc\x91"]


def _zip_member(data: bytes, rng: random.Random) -> bytes:
    """Change one member of a DOCX (its XML), then zip it again: gets past the zip layer."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            members = {i.filename: zf.read(i) for i in zf.infolist()}
    except Exception:
        return _flip(data, rng)
    name = rng.choice(sorted(members))
    body = members[name]
    choice = rng.random()
    if choice < 0.4 and b'w:val="' in body:  # a value that is not a number, or out of range
        spots = [i for i in range(len(body)) if body.startswith(b'w:val="', i)]
        at = rng.choice(spots) + len(b'w:val="')
        end = body.find(b'"', at)
        body = body[:at] + rng.choice(_XML_NUMBERS) + body[end:]
    elif choice < 0.6:
        body = _repeat(body, rng)
    elif choice < 0.8:
        body = _cut(body, rng)
    else:
        body = _flip(body, rng)
    members[name] = body
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for member, content in members.items():
            zf.writestr(member, content)
    return out.getvalue()


MUTATIONS: dict[str, Callable[[bytes, random.Random], bytes]] = {
    "flip": _flip,
    "cut": _cut,
    "repeat": _repeat,
    "insert": _insert,
}


def mutate(data: bytes, suffix: str, rng: random.Random) -> tuple[str, bytes]:
    """One to three seeded mutations, chosen to suit the format."""
    names = list(MUTATIONS)
    if suffix == ".docx":
        names += ["zip_member"] * 4
    if suffix in (".txt", ".md", ".html", ".htm"):
        names += ["reencode"]
    done = []
    for _ in range(rng.randint(1, 3)):
        name = rng.choice(names)
        done.append(name)
        if name == "zip_member":
            data = _zip_member(data, rng)
        elif name == "reencode":
            data = _text_reencode(data, rng)
        else:
            data = MUTATIONS[name](data, rng)
    return "+".join(done), data


# --- crafted inputs ---------------------------------------------------------------------------

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_TYPES = (
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"><Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)


def _para(text: str, num: tuple[str, str] | None = None) -> str:
    props = (
        f'<w:pPr><w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr></w:pPr>'
        if num
        else ""
    )
    return f"<w:p>{props}<w:r><w:t>{text}</w:t></w:r></w:p>"


def docx(body: str, **members: str | bytes) -> bytes:
    """A minimal DOCX whose body is ``body`` (WordprocessingML), with extra members
    ("numbering", "styles") given as XML."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", _TYPES)
        zf.writestr("word/document.xml", f"<w:document {_W}><w:body>{body}</w:body></w:document>")
        for name, xml in members.items():
            zf.writestr(f"word/{name}.xml", xml)
    return out.getvalue()


_PLAN_LINES = ["ỦY BAN NHÂN DÂN", "Số: 12/KH-UBND", "KẾ HOẠCH", "Tập huấn cán bộ", "I. MỤC ĐÍCH"]


def _numbering(start: str, ilvl: str = "0", fmt: str = "upperRoman") -> str:
    return (
        f'<w:numbering {_W}><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="{ilvl}">'
        f'<w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="%1."/></w:lvl>'
        f'</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>'
    )


def _numbered_body(ilvl: str = "0") -> str:
    return "".join(_para(t) for t in _PLAN_LINES) + _para("MỤC ĐÍCH", ("1", ilvl)) * 3


def docx_numbering_not_a_number() -> bytes:
    return docx(_numbered_body("x"), numbering=_numbering("abc", ilvl="?"))


def docx_numbering_out_of_range() -> bytes:
    return docx(_numbered_body("4000000000"), numbering=_numbering("-7", ilvl="99"))


def docx_huge_list_start() -> bytes:
    """A start value of two billion in Roman numerals: once built by string repetition."""
    return docx(_numbered_body(), numbering=_numbering("2000000000"))


def docx_style_numbering_junk() -> bytes:
    styles = (
        f'<w:styles {_W}><w:style w:styleId="H1"><w:pPr><w:numPr><w:ilvl w:val="one"/>'
        f'<w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>'
    )
    body = "".join(_para(t) for t in _PLAN_LINES)
    body += '<w:p><w:pPr><w:pStyle w:val="H1"/></w:pPr><w:r><w:t>MỤC ĐÍCH</w:t></w:r></w:p>'
    return docx(body, styles=styles, numbering=_numbering("1"))


def docx_deep_nesting(depth: int = 5000) -> bytes:
    """Tables in tables, deeper than Python's recursion limit."""
    inner = _para("Tập huấn cán bộ")
    body = "<w:tbl><w:tr><w:tc>" * depth + inner + "</w:tc></w:tr></w:tbl>" * depth
    return docx("".join(_para(t) for t in _PLAN_LINES) + body)


def docx_corrupt_member() -> bytes:
    """document.xml whose deflated bytes are damaged: zlib fails inside zipfile."""
    good = docx("".join(_para(t) for t in _PLAN_LINES * 50))
    at = good.find(b"word/document.xml") + len("word/document.xml")
    buf = bytearray(good)
    for k in range(at + 10, at + 60):
        buf[k] ^= 0x5A
    return bytes(buf)


def docx_zip_bomb(inflated: int = 1024 * MB) -> bytes:
    """document.xml that inflates to ``inflated`` bytes (a gigabyte by default) from about
    a megabyte."""
    head = f"<w:document {_W}><w:body><w:p><w:r><w:t>".encode()
    tail = b"</w:t></w:r></w:p></w:body></w:document>"
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = b" " * MB
    deflated = [comp.compress(head)]
    crc = zlib.crc32(head)
    for _ in range(inflated // MB):
        deflated.append(comp.compress(chunk))
        crc = zlib.crc32(chunk, crc)
    deflated += [comp.compress(tail), comp.flush()]
    crc = zlib.crc32(tail, crc)
    size = len(head) + (inflated // MB) * MB + len(tail)
    return _zip_with("word/document.xml", b"".join(deflated), crc, size)


def _zip_with(name: str, deflated: bytes, crc: int, size: int) -> bytes:
    """A zip holding [Content_Types].xml and one deflated member given raw."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", _TYPES)
    base = out.getvalue()
    cd_at = struct.unpack_from("<I", base, len(base) - 6)[0]
    entries, central = base[:cd_at], base[cd_at : len(base) - 22]
    raw = name.encode()
    local = struct.pack(
        "<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(deflated), size, len(raw), 0
    )
    offset = len(entries)
    cd = struct.pack(
        "<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, crc, len(deflated), size,
        len(raw), 0, 0, 0, 0, 0, offset,
    )  # fmt: skip
    body = entries + local + raw + deflated
    cd_all = central + cd + raw
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 2, 2, len(cd_all), len(body), 0)
    return body + cd_all + end


def pdf_pages(count: int) -> bytes:
    """A valid PDF of ``count`` empty pages (a cheap file with a huge page count)."""
    kids = " ".join(f"{3 + i} 0 R" for i in range(count))
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {count} >>".encode(),
    ]
    objs += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"] * count
    return _pdf(objs)


def _pdf(objs: list[bytes]) -> bytes:
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def pdf_lying_page_count() -> bytes:
    """A Pages node that claims a billion pages and holds one."""
    return pdf_pages(1).replace(b"/Count 1", b"/Count 1000000000")


def pdf_broken_page() -> bytes:
    """A page whose object is not a dictionary: the document opens, the page does not load."""
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
            b"(not a page)",
        ]
    )


def pdf_junk_past_the_sniff(junk: int = 70_000) -> bytes:
    """An upload whose PDF starts after a long run of junk."""
    return b"Content-Type: application/pdf\r\n" + b"x" * junk + pdf_pages(1)


def rtf_named_doc() -> bytes:
    return (
        b"{\\rtf1\\ansi\\ansicpg1258\\deff0{\\fonttbl{\\f0 Times New Roman;}}"
        b"\\pard \\u7910?Y BAN NH\\u194?N D\\u194?N\\par "
        b"S\\u7889?: 12/KH-UBND\\par K\\u7870? HO\\u7840?CH\\par "
        b"T\\u7853?p hu\\u7845?n c\\'e1n b\\u7897?\\par I. M\\u7908?C \\u272?\\u205?CH\\par }"
    )


def doc_stuck_piece_table() -> bytes:
    """A Word 97 file whose piece-table prefix has a negative length: the loop that skips
    property modifiers never advances."""
    import olefile  # noqa: F401  (only to be sure the reader would get this far)

    wd = bytearray(1024)
    struct.pack_into("<HH", wd, 0, 0xA5EC, 0x00C1)
    struct.pack_into("<H", wd, 0x0A, 0x0200)  # 1Table
    struct.pack_into("<H", wd, 32, 14)  # csw
    lw_at = 34 + 14 * 2
    struct.pack_into("<H", wd, lw_at, 22)  # cslw
    struct.pack_into("<I", wd, lw_at + 2 + 12, 40)  # ccpText
    pairs = lw_at + 2 + 22 * 4 + 2
    struct.pack_into("<II", wd, pairs + 33 * 8, 0, 8)  # fcClx = 0, lcbClx = 8
    table = bytearray(64)
    table[0] = 0x01
    struct.pack_into("<h", table, 1, -3)  # cbGrpprl = -3: pos += 3 - 3 forever
    return _ole({"WordDocument": bytes(wd), "1Table": bytes(table)})


def _ole(streams: dict[str, bytes]) -> bytes:
    """A compound file with the given streams (each padded to 4096 bytes, so all are in the
    regular FAT and no mini stream is needed)."""
    sector = 512
    names = list(streams)
    data = [streams[n].ljust(4096, b"\0") for n in names]
    counts = [len(d) // sector for d in data]
    dir_sectors = 1
    fat_entries = 1 + dir_sectors + sum(counts)
    fat_sectors = (fat_entries * 4 + sector - 1) // sector
    first = fat_sectors  # sectors: FAT, directory, then the streams
    fat = [0xFFFFFFFD] * fat_sectors + [0xFFFFFFFE] * dir_sectors
    starts = []
    at = first + dir_sectors
    for c in counts:
        starts.append(at)
        fat += [at + k + 1 for k in range(c - 1)] + [0xFFFFFFFE]
        at += c
    fat += [0xFFFFFFFF] * (fat_sectors * sector // 4 - len(fat))
    header = bytearray(sector)
    header[:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", header, 24, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into(
        "<IIIIIIII", header, 40, 0, fat_sectors, first, 0, 4096, 0xFFFFFFFE, 0, 0xFFFFFFFE
    )
    struct.pack_into("<I", header, 68, 0)  # no DIFAT sectors
    difat = list(range(fat_sectors)) + [0xFFFFFFFF] * (109 - fat_sectors)
    struct.pack_into("<109I", header, 76, *difat)
    entries = [_dir_entry("Root Entry", 5, 0xFFFFFFFE, 0, child=1)]
    for i, (name, start, d) in enumerate(zip(names, starts, data, strict=True)):
        right = i + 2 if i + 1 < len(names) else 0xFFFFFFFF
        entries.append(_dir_entry(name, 2, start, len(d), right=right))
    directory = b"".join(entries).ljust(sector * dir_sectors, b"\0")
    fat_bytes = struct.pack(f"<{len(fat)}I", *fat)
    return bytes(header) + fat_bytes + directory + b"".join(data)


def _dir_entry(
    name: str, kind: int, start: int, size: int, child: int = 0xFFFFFFFF, right: int = 0xFFFFFFFF
) -> bytes:
    entry = bytearray(128)
    raw = name.encode("utf-16-le")
    entry[: len(raw)] = raw
    struct.pack_into("<HBB", entry, 64, len(raw) + 2, kind, 1)
    struct.pack_into("<III", entry, 68, 0xFFFFFFFF, right, child)
    struct.pack_into("<II", entry, 116, start, size)
    return bytes(entry)


def adversarial_line(size: int = MB) -> bytes:
    """One line of a megabyte of what the patterns feed on: digits, slashes, dashes, "số",
    quotes, Roman numerals, dots."""
    rng = random.Random(7)
    parts = ["1", "12", "/", "-", "số ", "“", "”", "XIV", "II", ".", "..", "2024", "ND-CP", " "]
    out: list[str] = []
    n = 0
    while n < size:
        piece = rng.choice(parts)
        out.append(piece)
        n += len(piece.encode())
    return "".join(out).encode()


def many_citations(n: int = 20_000) -> bytes:
    head = "KẾ HOẠCH\nThực hiện các văn bản\n"
    body = "".join(f"Căn cứ Quyết định số {k}/QĐ-UBND ngày 1/2/2024; " for k in range(n))
    return (head + body).encode()


def doubled_lines(repeat: int = 3000, width: int = 4000) -> bytes:
    """Long lines, each repeated many times (what a broken converter writes)."""
    line = ("Tập huấn cán bộ " * (width // 16)).strip()
    return ("KẾ HOẠCH\n" + (line + "\n") * repeat + line * 50).encode()


def blank_lines(n: int = 200_000) -> bytes:
    return b"\n" * n + "KẾ HOẠCH\nỦY BAN NHÂN DÂN\n".encode()


def blank_run(n: int = 200_000) -> bytes:
    """A long run of spaces and tabs inside a line (a converter's layout): once quadratic in
    the trailing-space pass, which tried every position of the run."""
    return ("KẾ HOẠCH\nTập huấn" + " \t" * (n // 2) + "cán bộ\n").encode()


def binary_named_text() -> bytes:
    return random.Random(3).randbytes(300_000)


def huge_text() -> bytes:
    return "Tập huấn cán bộ. ".encode() * (200 * MB // 20)


# name → (builder of the bytes, the name's suffix); the special files are made at run time
_CRAFTED: dict[str, tuple[Callable[[], bytes], str]] = {
    "empty": (lambda: b"", ".txt"),
    "binary_named_text": (binary_named_text, ".txt"),
    "docx_numbering_not_a_number": (docx_numbering_not_a_number, ".docx"),
    "docx_numbering_out_of_range": (docx_numbering_out_of_range, ".docx"),
    "docx_huge_list_start": (docx_huge_list_start, ".docx"),
    "docx_style_numbering_junk": (docx_style_numbering_junk, ".docx"),
    "docx_deep_nesting": (docx_deep_nesting, ".docx"),
    "docx_corrupt_member": (docx_corrupt_member, ".docx"),
    "docx_zip_bomb": (docx_zip_bomb, ".docx"),
    "pdf_many_pages": (lambda: pdf_pages(5000), ".pdf"),
    "pdf_lying_page_count": (pdf_lying_page_count, ".pdf"),
    "pdf_broken_page": (pdf_broken_page, ".pdf"),
    "pdf_junk_past_the_sniff": (pdf_junk_past_the_sniff, ".pdf"),
    "rtf_named_doc": (rtf_named_doc, ".doc"),
    "doc_stuck_piece_table": (doc_stuck_piece_table, ".doc"),
    "adversarial_line": (adversarial_line, ".txt"),
    "many_citations": (many_citations, ".txt"),
    "doubled_lines": (doubled_lines, ".txt"),
    "blank_lines": (blank_lines, ".txt"),
    "blank_run": (blank_run, ".txt"),
    "huge_text": (huge_text, ".txt"),
}
_SPECIAL = {"fifo_named_txt": "fifo", "dev_zero_named_txt": "dev_zero"}


def crafted_case(name: str) -> Case:
    """The crafted case called ``name`` (see :data:`crafted` for the names)."""
    if name in _SPECIAL:
        return Case(name, special=_SPECIAL[name])
    build, suffix = _CRAFTED[name]
    return Case(name, build(), suffix=suffix)


crafted = sorted([*_CRAFTED, *_SPECIAL])


def cases(count: int, seed: int, files: list[Path]) -> Iterator[tuple[int, Case]]:
    """The crafted cases first, then mutations of the real files; case ``i`` depends only on
    ``seed`` and ``i``."""
    originals: dict[Path, bytes] = {}
    for i in range(count):
        if i < len(crafted):
            yield i, crafted_case(crafted[i])
            continue
        if not files:
            return
        rng = random.Random(seed * 1_000_003 + i)
        path = files[rng.randrange(len(files))]
        if path not in originals:
            originals[path] = path.read_bytes()
        how, data = mutate(originals[path], path.suffix.lower(), rng)
        yield i, Case(f"{path.name}:{how}", data, suffix=path.suffix.lower())


# --- the worker -------------------------------------------------------------------------------


def _materialise(case: Case, folder: Path) -> Path:
    path = folder / f"case{case.suffix}"
    if path.is_symlink() or path.exists():
        path.unlink()
    if case.special == "fifo":
        os.mkfifo(path)
    elif case.special == "dev_zero":
        path.symlink_to("/dev/zero")
    else:
        path.write_bytes(case.data)
    return path


def serve(conn: Connection, memory_mb: int, folder: str) -> None:
    """Worker loop: parse each case sent, answer (kind, detail, seconds, rss, status)."""
    limit = memory_mb * MB
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    import plancorpus

    conn.send("ready")
    while True:
        case = conn.recv()
        if case is None:
            return
        t0 = time.perf_counter()
        kind, detail, status = "ok", "", ""
        try:
            plan = plancorpus.parse(_materialise(case, Path(folder)), ocr=False)
            plan.model_dump_json()
            status = plan.status
            detail = ",".join(sorted({w.code for w in plan.warnings}))[:200]
        except OSError as exc:
            kind, detail = "refused", f"{type(exc).__name__}: {exc}"[:300]
        except BaseException as exc:
            frame = traceback.extract_tb(exc.__traceback__)[-1]
            where = f"{Path(frame.filename).name}:{frame.lineno}"
            kind, detail = "raised", f"{type(exc).__name__}: {str(exc)[:200]} at {where}"
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        conn.send((kind, detail, time.perf_counter() - t0, rss, status))


@dataclass
class _Slot:
    proc: object = None
    conn: Connection | None = None
    case: tuple[int, Case] | None = None
    started: float = 0.0


@dataclass
class Report:
    outcomes: dict[int, tuple[Case, Outcome]] = field(default_factory=dict)
    seconds: float = 0.0

    def counts(self) -> Counter[str]:
        return Counter(o.kind for _, o in self.outcomes.values())

    def defects(self) -> list[tuple[int, Case, Outcome]]:
        """What must not happen: an exception that is not a refusal of a special file, a
        hang, a dead worker."""
        out = []
        for i, (case, o) in sorted(self.outcomes.items()):
            if o.kind in ("raised", "hang", "crash") or (o.kind == "refused" and not case.special):
                out.append((i, case, o))
        return out


class Harness:
    """Workers with a memory limit; each case gets ``timeout`` seconds."""

    def __init__(self, workers: int = 2, timeout: float = 30.0, memory_mb: int = 3072) -> None:
        import multiprocessing

        self.ctx = multiprocessing.get_context("forkserver")
        self.timeout, self.memory_mb = timeout, memory_mb
        self.tmp = tempfile.TemporaryDirectory(prefix="plancorpus-fuzz-")
        self.slots = [_Slot() for _ in range(workers)]
        for k, slot in enumerate(self.slots):
            self._start(slot, k)

    def _start(self, slot: _Slot, k: int) -> None:
        folder = Path(self.tmp.name) / f"w{k}"
        folder.mkdir(exist_ok=True)
        parent, child = self.ctx.Pipe()
        proc = self.ctx.Process(target=serve, args=(child, self.memory_mb, str(folder)))
        proc.start()
        child.close()
        try:
            parent.recv()  # "ready": plancorpus imported
        except EOFError:
            raise RuntimeError("a fuzz worker could not start (see its traceback)") from None
        slot.proc, slot.conn, slot.case = proc, parent, None

    def _restart(self, slot: _Slot) -> None:
        proc = slot.proc
        proc.kill()  # type: ignore[attr-defined]
        proc.join()  # type: ignore[attr-defined]
        self._start(slot, self.slots.index(slot))

    def run(self, todo: Iterator[tuple[int, Case]], progress: bool = False) -> Report:
        report = Report()
        t0 = time.monotonic()
        pending = iter(todo)
        busy = True
        while busy:
            for slot in self.slots:
                if slot.case is None:
                    nxt = next(pending, None)
                    if nxt is not None:
                        slot.case, slot.started = nxt, time.monotonic()
                        with contextlib.suppress(OSError):  # a dead worker: its poll says so
                            slot.conn.send(nxt[1])  # type: ignore[union-attr]
            live = [s for s in self.slots if s.case is not None]
            busy = bool(live)
            ready = wait([s.conn for s in live], timeout=0.2)  # type: ignore[misc]
            for slot in live:
                self._collect(slot, slot.conn in ready, report)
            if progress and len(report.outcomes) % 500 == 0 and report.outcomes:
                print(f"{len(report.outcomes)} cases, {dict(report.counts())}", file=sys.stderr)
        report.seconds = time.monotonic() - t0
        return report

    def _collect(self, slot: _Slot, ready: bool, report: Report) -> None:
        assert slot.case is not None and slot.conn is not None
        i, case = slot.case
        elapsed = time.monotonic() - slot.started
        if ready:
            try:
                kind, detail, seconds, rss, status = slot.conn.recv()
            except (EOFError, OSError):
                report.outcomes[i] = (case, Outcome("crash", "the worker died", elapsed))
                self._restart(slot)
                return
            report.outcomes[i] = (case, Outcome(kind, detail, seconds, rss, status))
            slot.case = None
        elif elapsed > self.timeout:
            report.outcomes[i] = (
                case,
                Outcome("hang", f"no answer in {self.timeout:g} s", elapsed),
            )
            self._restart(slot)

    def close(self) -> None:
        for slot in self.slots:
            with contextlib.suppress(OSError):
                slot.conn.send(None)  # type: ignore[union-attr]
            slot.proc.join(timeout=5)  # type: ignore[attr-defined]
            slot.proc.kill()  # type: ignore[attr-defined]
        self.tmp.cleanup()


def summary(report: Report, seed: int) -> str:
    outs = [o for _, o in report.outcomes.values()]
    statuses = Counter(o.status for o in outs if o.kind == "ok")
    slowest = max(report.outcomes.values(), key=lambda co: co[1].seconds, default=None)
    lines = [
        f"## Fuzz run, {date.today().isoformat()} (`python benchmarks/fuzz.py --cases "
        f"{len(outs)} --seed {seed}`)",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, {platform.system()} {platform.release()}.",
        "",
        "| measure | value |",
        "|---|---:|",
        f"| cases | {len(outs)} |",
        *(f"| {kind} | {n} |" for kind, n in sorted(report.counts().items())),
        f"| plans by status | {', '.join(f'{k} {v}' for k, v in sorted(statuses.items()))} |",
        f"| defects (raised, hang, crash, refused bytes) | {len(report.defects())} |",
        f"| peak worker memory (max RSS) | {max((o.rss_mb for o in outs), default=0):.0f} MB |",
        f"| slowest case | {slowest[1].seconds:.2f} s ({slowest[0].name}) |" if slowest else "",
        f"| wall time | {report.seconds:.0f} s |",
    ]
    return "\n".join(line for line in lines if line) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cases", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=30.0, help="seconds per case")
    ap.add_argument("--memory", type=int, default=3072, help="MB of address space per worker")
    ap.add_argument("--only", type=int, action="append", help="run only case I (repeatable)")
    ap.add_argument("--crafted", help="run only these crafted cases (comma-separated names)")
    ap.add_argument("--verbose", action="store_true", help="print every case's outcome")
    ap.add_argument("--record", action="store_true", help="append the figures to RESULTS.md")
    args = ap.parse_args(argv)
    todo = cases(args.cases, args.seed, seed_files())
    if args.crafted:
        todo = enumerate(crafted_case(name) for name in args.crafted.split(","))
    if args.only:
        todo = (ic for ic in todo if ic[0] in set(args.only))
    harness = Harness(args.workers, args.timeout, args.memory)
    try:
        report = harness.run(todo, progress=True)
    finally:
        harness.close()
    for i, (case, o) in sorted(report.outcomes.items()) if args.verbose else []:
        print(
            f"{i} {case.name}: {o.kind} {o.status} {o.seconds:.2f} s {o.rss_mb:.0f} MB {o.detail}"
        )
    for i, case, o in report.defects():
        print(f"DEFECT case {i} {case.name}: {o.kind} {o.detail}", file=sys.stderr)
    table = summary(report, args.seed)
    print(table)
    if args.record:
        sys.path.insert(0, str(Path(__file__).parent))
        from results import record

        record(table)
    return 1 if report.defects() else 0


if __name__ == "__main__":
    sys.exit(main())
