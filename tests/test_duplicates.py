"""near_duplicates: pairs, families, lineage, boilerplate, a stored index.

Read from the documents: seeds 003 (a 2022 plan) and 000 (a 2023 plan) are one document with
edits: a family whose earlier member is 003; the other seeds share a skeleton with them but
little text. The Quảng Bình decision 2871 exists as a .doc draft and as the signed scan.
"""

from __future__ import annotations

import numpy as np
import pytest

import plancorpus
from conftest import REAL, SEEDS, corpus_file, parsed
from plancorpus.compare import duplicates as dups
from plancorpus.compare.sketch import jaccard
from plancorpus.read import ocr


def seeds() -> list[plancorpus.Plan]:
    return [parsed(corpus_file(SEEDS, k)) for k in ("000", "001", "002", "003", "004")]


def name(path: str) -> str:
    return path.rsplit("/", 1)[-1][:3]


def test_seeds_no_near_copies_at_the_default_threshold():
    found = plancorpus.near_duplicates(seeds())
    assert found.pairs == [] and found.families == [] and found.documents == 5
    assert not found.boilerplate.learned and "200" in found.boilerplate.note


def test_seeds_000_and_003_form_a_family_rooted_at_the_2022_plan():
    found = plancorpus.near_duplicates(seeds(), threshold=0.5)
    assert [(name(p.a), name(p.b)) for p in found.pairs] == [("000", "003")]
    pair = found.pairs[0]
    assert 0.5 <= pair.jaccard < 0.8 and pair.containment >= pair.jaccard
    (family,) = found.families
    assert family.size == 2 and family.id.startswith("F-")
    edge = family.lineage[0]
    assert (name(edge.parent), name(edge.child)) == ("003", "000")
    assert family.first_date is not None and family.first_date.startswith("2022")


def test_reported_similarity_is_exact_and_never_below_the_threshold():
    plans = seeds()
    found = plancorpus.near_duplicates(plans, threshold=0.5)
    index = dups.SketchIndex()
    index.add([p.source for p in plans], [p.body_text() for p in plans])
    by_id = {p.source: k for k, p in enumerate(plans)}
    for pair in found.pairs:
        exact = jaccard(index.shingle_set(by_id[pair.a]), index.shingle_set(by_id[pair.b]))
        assert pair.jaccard == round(exact, 4) >= 0.5


def test_draft_and_signed_scan_of_one_decision():
    if not ocr.available():
        pytest.skip("Tesseract with Vietnamese is not installed: the scan cannot be read")
    draft = parsed(corpus_file(REAL, "qb_qd2871_ubnd_2022_draft"))
    signed = parsed(corpus_file(REAL, "qb_qd2871_ubnd_2022_signed_scan"))
    found = plancorpus.near_duplicates([draft, signed, *seeds()], threshold=0.5)
    pairs = {frozenset((name(p.a), name(p.b))) for p in found.pairs}
    assert frozenset({"qb_"}) in pairs or any(
        p.a != p.b and "qb_qd2871" in p.a and "qb_qd2871" in p.b for p in found.pairs
    )


# --- synthetic checks that need no corpus -----------------------------------------------------

BOILERPLATE = (
    "Trên đây là Kế hoạch của đơn vị, đề nghị các phòng, ban nghiêm túc triển khai thực hiện. "
    "Trong quá trình thực hiện nếu có khó khăn, vướng mắc, báo cáo về Văn phòng để tổng hợp. "
    "Nơi nhận: như trên; lưu văn thư. Cộng hòa xã hội chủ nghĩa Việt Nam độc lập tự do hạnh phúc. "
)


def _unique_text(rng: np.random.Generator, n: int = 60) -> str:
    syllables = ["xây", "dựng", "kế", "hoạch", "phát", "triển", "nông", "thôn", "giáo", "dục",
                 "y", "tế", "văn", "hóa", "an", "ninh", "quốc", "phòng", "du", "lịch", "môi",
                 "trường", "tài", "chính", "đầu", "tư", "công", "nghệ", "số", "hóa"]  # fmt: skip
    return " ".join(rng.choice(syllables, size=n))


def test_boilerplate_does_not_make_strangers_alike():
    rng = np.random.default_rng(7)
    shared = BOILERPLATE + _unique_text(np.random.default_rng(1), 300)
    texts = [shared + " " + _unique_text(rng, 20) for _ in range(dups.MIN_LEARN + 50)]
    found = plancorpus.near_duplicates(texts, threshold=0.8)
    assert found.boilerplate.learned and found.boilerplate.shingles > 0
    assert found.pairs == []
    # the same corpus without learning: the shared block alone makes them look alike
    index = dups.SketchIndex()
    index.add([f"t{k}" for k in range(len(texts))], texts)
    raw = dups.find_pairs(index, 0.8, boilerplate=np.empty(0, np.uint32))
    assert raw.i.size > 0


def test_a_stored_index_grows_without_resketching(tmp_path):
    rng = np.random.default_rng(3)
    base = [_unique_text(rng, 200) for _ in range(40)]
    copies = [t.replace("xây", "làm", 1) for t in base[:10]]
    index = dups.SketchIndex()
    index.add([f"b{k}" for k in range(40)], base)
    index.save(tmp_path / "index.npz")
    again = dups.SketchIndex.load(tmp_path / "index.npz")
    again.add([f"c{k}" for k in range(10)], copies)
    found = dups.to_duplicates(again, dups.find_pairs(again, 0.8), 0.8)
    assert {(p.a, p.b) for p in found.pairs} == {(f"b{k}", f"c{k}") for k in range(10)}
    whole = dups.SketchIndex()
    whole.add([f"b{k}" for k in range(40)] + [f"c{k}" for k in range(10)], base + copies)
    assert np.array_equal(whole.packed()[0], again.packed()[0])


def test_banding_reaches_the_target_recall_at_the_threshold():
    for threshold in (0.5, 0.7, 0.8, 0.9):
        bands, rows = dups.banding(threshold)
        assert bands * rows <= 128
        assert 1 - (1 - threshold**rows) ** bands >= dups.TARGET_RECALL


def test_cli_dups_prints_families_and_writes_csv(capsys, tmp_path):
    from plancorpus.cli import main

    seeds()  # skips when the seeds are absent
    out_csv = tmp_path / "pairs.csv"
    assert main(["dups", str(SEEDS), "--threshold", "0.5", "--csv", str(out_csv)]) == 0
    shown = capsys.readouterr().out
    assert "1 families" in shown and "derives from" in shown and "(earliest)" in shown
    rows = out_csv.read_text(encoding="utf-8").splitlines()
    assert rows[0] == "a,b,jaccard,containment,family" and len(rows) == 2
    assert main(["dups", str(SEEDS), "--json"]) == 0
    assert '"pairs": []' in capsys.readouterr().out


def test_empty_documents_are_not_copies_of_each_other():
    # scans read without OCR have no text: they must not pair with one another
    found = plancorpus.near_duplicates(["", "   ", "Kế hoạch số 1 về việc tổ chức thi đua"])
    assert found.pairs == [] and found.families == []
