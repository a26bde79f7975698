"""HTML, including HTML saved by Word under a .doc name: block elements become lines, tables
go through the same layout/data logic as Word tables."""

from __future__ import annotations

from html.parser import HTMLParser

import regex

from plancorpus.model.plan import SourceInfo
from plancorpus.read.base import Extracted, legacy_repaired
from plancorpus.read.decode import decode_bytes
from plancorpus.read.tables import Cell, table_lines

_BLOCK = {
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "blockquote",
    "section",
    "article",
    "header",
    "footer",
    "ul",
    "ol",
    "title",
}
_SKIP = {"script", "style", "head", "xml", "o:p"}
_CHARSET = regex.compile(rb"""(?i)charset\s*=\s*["']?([\w-]+)""")


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.buf: list[str] = []
        self.skip = 0
        self.tables: list[tuple[list[list[Cell]], list[Cell], Cell]] = []  # rows, row, cell

    def _flush(self) -> None:
        text = " ".join("".join(self.buf).split())
        self.buf = []
        if not text:
            return
        if self.tables:
            self.tables[-1][2].append(text)
        else:
            self.lines.append(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skip += 1
        elif tag == "table":
            self._flush()
            self.tables.append(([], [], []))
        elif tag in ("td", "th") or tag in _BLOCK:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in ("td", "th") and self.tables:
            self._flush()
            rows, row, cell = self.tables[-1]
            row.append(list(cell))
            cell.clear()
        elif tag == "tr" and self.tables:
            self._flush()
            rows, row, _ = self.tables[-1]
            if row:
                rows.append(list(row))
            row.clear()
        elif tag == "table" and self.tables:
            self._flush()
            rows, row, _ = self.tables.pop()
            if row:
                rows.append(list(row))
            out = table_lines(rows)
            if self.tables:
                self.tables[-1][2].extend(out)
            else:
                self.lines.extend(out)
        elif tag in _BLOCK:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.buf.append(data)


def read_html(data: bytes) -> Extracted:
    info = SourceInfo(format="html")
    declared = _CHARSET.search(data[:4096])
    text = None
    if declared:
        try:
            text = data.decode(declared.group(1).decode("ascii"), errors="replace")
            info.encoding = declared.group(1).decode("ascii").lower()
        except LookupError:
            text = None
    if text is None:
        decoded = decode_bytes(data)
        text, info.encoding = decoded.text, decoded.encoding
    parser = _Parser()
    parser.feed(text)
    parser.close()
    parser._flush()
    mapped, notes = legacy_repaired("\n".join(parser.lines), info)
    return Extracted(text=mapped, info=info, notes=notes)
