"""Measuring against hand-made references: text against a transcript (character and diacritic
accuracy), citations against an annotated set (precision, recall, date and issuer accuracy).

Texts are compared in NFC with whitespace collapsed, aligned by edit distance.
- character accuracy: 1 − edit distance ÷ length of the transcript;
- diacritic accuracy: of the transcript's letters that carry a mark (tone, quality mark, đ),
  the share aligned to exactly the same letter.
"""

from __future__ import annotations

import tomllib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from plancorpus.extract.citations import name_base
from plancorpus.model.plan import Citation
from plancorpus.text.vietnamese import compare_key


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


# --- citations against a hand-annotated set --------------------------------------------------


@dataclass(frozen=True)
class GoldCitation:
    """One citation written down by hand: its key, and the date and issuer written with it."""

    key: str
    date: str | None = None
    issuer: str | None = None
    named: bool = False


@dataclass
class CitationScore:
    """Counts over a set of documents; the rates are computed from them."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0
    gold_named: int = 0
    predicted_named: int = 0
    matched_named: int = 0
    dates_right: int = 0
    issuers_right: int = 0
    misses: list[tuple[str, str]] = field(default_factory=list)
    extras: list[tuple[str, str]] = field(default_factory=list)
    wrong_dates: list[tuple[str, str, str | None, str | None]] = field(default_factory=list)
    wrong_issuers: list[tuple[str, str, str | None, str | None]] = field(default_factory=list)

    @staticmethod
    def _rate(num: int, den: int) -> float:
        return num / den if den else 1.0

    @property
    def precision(self) -> float:
        return self._rate(self.matched, self.predicted)

    @property
    def recall(self) -> float:
        return self._rate(self.matched, self.gold)

    @property
    def coded_precision(self) -> float:
        return self._rate(self.matched - self.matched_named, self.predicted - self.predicted_named)

    @property
    def coded_recall(self) -> float:
        return self._rate(self.matched - self.matched_named, self.gold - self.gold_named)

    @property
    def named_precision(self) -> float:
        return self._rate(self.matched_named, self.predicted_named)

    @property
    def named_recall(self) -> float:
        return self._rate(self.matched_named, self.gold_named)

    @property
    def date_accuracy(self) -> float:
        return self._rate(self.dates_right, self.matched)

    @property
    def issuer_accuracy(self) -> float:
        return self._rate(self.issuers_right, self.matched)


def _match_key(key: str, named: bool) -> str:
    return name_base(key) if named else compare_key(key)


def score_citations(
    predicted: list[Citation], gold: list[GoldCitation], doc: str, score: CitationScore
) -> None:
    """Add one document to ``score``.

    A prediction counts when it has a key and is not the Party Charter (which the annotation
    leaves out). Predictions and gold citations are paired by key, in reading order within a
    key; a pair's date is right when the date written with the citation is the gold date (both
    absent counts as right), and its issuer when the two compare equal.
    """
    preds = [c for c in predicted if c.key and c.doc_type != "Điều lệ"]
    by_key: dict[str, list[Citation]] = {}
    for c in preds:
        by_key.setdefault(_match_key(c.key or "", c.form == "named"), []).append(c)
    score.gold += len(gold)
    score.predicted += len(preds)
    score.gold_named += sum(g.named for g in gold)
    score.predicted_named += sum(c.form == "named" for c in preds)
    for g in gold:
        queue = by_key.get(_match_key(g.key, g.named))
        if not queue:
            score.misses.append((doc, g.key))
            continue
        c = queue.pop(0)
        score.matched += 1
        score.matched_named += g.named
        got_date = c.date.value if c.date else None
        if got_date == g.date:
            score.dates_right += 1
        else:
            score.wrong_dates.append((doc, g.key, g.date, got_date))
        if compare_key(c.issuer or "") == compare_key(g.issuer or ""):
            score.issuers_right += 1
        else:
            score.wrong_issuers.append((doc, g.key, g.issuer, c.issuer))
    for queue in by_key.values():
        score.extras.extend((doc, c.raw) for c in queue)


def load_gold(path: Path) -> list[tuple[str, list[GoldCitation]]]:
    """The annotated set: (file relative to the corpus folder, its citations in order)."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return [
        (
            d["file"],
            [
                GoldCitation(
                    key=c["key"],
                    date=c.get("date"),
                    issuer=c.get("issuer"),
                    named=bool(c.get("named", False)),
                )
                for c in d["cites"]
            ],
        )
        for d in data["doc"]
    ]
