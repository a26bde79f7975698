"""Tables of Word documents, as lines of text.

Word draws the header (issuer | motto) and the signature block ("Nơi nhận" | signer) as
borderless tables. Such a layout table comes out column by column, like a two-column block of
a PDF; a data table comes out row by row, its cells separated by a tab.
"""

from __future__ import annotations

import regex

_LAYOUT_MARK = regex.compile(
    r"(?im)cộng\s+hòa|cộng\s+hoà|độc\s+lập|đảng\s+cộng\s+sản|^\s*số\b|nơi\s+nhận|"
    r"^\s*(?:tm|kt|tl|tuq|t/m|k/t|t/l)[.\s]|ngày\s+.*tháng|giám\s+đốc|chủ\s+tịch|trưởng\s+ban"
)

Cell = list[str]  # the cell's lines


def table_lines(rows: list[list[Cell]]) -> list[str]:
    ncols = max((len(r) for r in rows), default=0)
    text = "\n".join(line for r in rows for c in r for line in c)
    if ncols and ncols <= 3 and len(rows) <= 20 and _LAYOUT_MARK.search(text):
        out: list[str] = []
        for col in range(ncols):
            for r in rows:
                if col < len(r):
                    out.extend(line for line in r[col] if line.strip())
        return out
    return ["\t".join(" ".join(" ".join(c).split()) for c in r) for r in rows]
