"""Measuring text against a hand transcript: character and diacritic accuracy.

Both texts are compared in NFC with whitespace collapsed, aligned by edit distance.
- character accuracy: 1 − edit distance ÷ length of the transcript;
- diacritic accuracy: of the transcript's letters that carry a mark (tone, quality mark, đ),
  the share aligned to exactly the same letter.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein


def normalize(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def has_mark(ch: str) -> bool:
    """A letter with a tone or quality mark, or đ/Đ."""
    return ch in "đĐ" or (ch.isalpha() and len(unicodedata.normalize("NFD", ch)) > 1)


@dataclass(frozen=True)
class TextScore:
    characters: int
    char_accuracy: float
    marked: int
    diacritic_accuracy: float


def score_text(predicted: str, truth: str) -> TextScore:
    pred, ref = normalize(predicted), normalize(truth)
    distance = Levenshtein.distance(pred, ref)
    matched = [False] * len(ref)
    for op in Levenshtein.opcodes(pred, ref):
        if op.tag == "equal":
            for k in range(op.dest_start, op.dest_end):
                matched[k] = True
    marked = [k for k, ch in enumerate(ref) if has_mark(ch)]
    return TextScore(
        characters=len(ref),
        char_accuracy=1 - distance / max(1, len(ref)),
        marked=len(marked),
        diacritic_accuracy=sum(matched[k] for k in marked) / max(1, len(marked)),
    )
