"""compare(a, b): alignment, inline changes, fields, citations, substitutions, findings.

Expectations are read from the seeds: 003 (a 2022 security plan) and 000 (a 2023 poverty
plan) are one document with edits; 000 inserts "2. Về công tác tổ chức cán bộ" under II; 003's
II.3 ends its heading "… điển hình tiên tiến trong bảo vệ an ninh Tổ quốc" where 000's II.4 says
"… trong lĩnh vực xây dựng nông thôn mới"; 003 cites Kế hoạch 119/KH-UBND of the province, 000
cites Quyết định 1258/QĐ-TTg. 002 and 004 are two agencies' plans for one campaign.
"""

from __future__ import annotations

import json

import pytest

import plancorpus
from conftest import ROOT, SAMPLES, SEEDS, corpus_file, parsed
from plancorpus.compare.words import inline_diff
from plancorpus.model import DiffOptions, PlanDiff


def seed(prefix: str) -> plancorpus.Plan:
    return parsed(corpus_file(SEEDS, prefix))


def by_b(diff: PlanDiff, path: str):
    return next(c for c in diff.sections if c.b_path == path)


@pytest.fixture(scope="module")
def d003_000() -> PlanDiff:
    return plancorpus.compare(seed("003"), seed("000"))


def test_inserted_section_shifts_no_alignment(d003_000):
    assert by_b(d003_000, "II.2").kind == "added"
    assert by_b(d003_000, "II.3").a_path == "II.2"
    assert by_b(d003_000, "II.4").a_path == "II.3"
    assert by_b(d003_000, "II.3").renumbered and by_b(d003_000, "II.4").renumbered
    for path in ("I", "I.1", "II", "III", "III.1", "III.2", "III.2.a", "III.2.b"):
        assert by_b(d003_000, path).a_path == path
    assert d003_000.summary.added == 1 and d003_000.summary.removed == 0
    assert d003_000.summary.moved == 0 and d003_000.summary.renumbered == 2


def test_campaign_phrase_is_one_replacement(d003_000):
    ops = [op for op in by_b(d003_000, "II.4").ops if op.op != "equal"]
    pairs = [(op.a.strip(), op.b.strip()) for op in ops]
    assert ("bảo vệ an ninh Tổ quốc", "lĩnh vực xây dựng nông thôn mới") in pairs


def test_ops_rebuild_both_texts(d003_000):
    change = by_b(d003_000, "II.4")
    a, b = seed("003"), seed("000")
    a_text = "".join(op.a for op in change.ops)
    b_text = "".join(op.b for op in change.ops)
    assert a_text.split() == a.text[change.a_span.start : change.a_span.end].split()[1:]
    assert b_text.split() == b.text[change.b_span.start : change.b_span.end].split()[1:]


def test_fields_citations_and_substitutions(d003_000):
    fields = {f.field: f for f in d003_000.metadata}
    assert fields["campaign"].kind == "changed"
    assert fields["campaign"].a == "Toàn dân bảo vệ an ninh Tổ quốc"
    assert fields["doc_type"].kind == "same"
    cites = {c.key: c.kind for c in d003_000.citations}
    assert cites["119/KH-UBND"] == "removed" and cites["1258/QĐ-TTg"] == "added"
    subs = {(s.a, s.b): s for s in d003_000.substitutions}
    assert subs[("2022", "2023")].kind == "year" and subs[("2022", "2023")].count >= 2
    campaign = [s for s in d003_000.substitutions if s.kind == "campaign"]
    assert campaign and campaign[0].a == "Toàn dân bảo vệ an ninh Tổ quốc"
    assert campaign[0].b.startswith("Vì người nghèo")


def test_similarity_tells_copies_from_relatives_and_strangers(d003_000):
    same_campaign = plancorpus.compare(seed("002"), seed("004"))
    stranger = plancorpus.compare(seed("004"), parsed(SAMPLES / "kh_sgddt_doimoi_2024.txt"))
    assert d003_000.summary.similarity > 0.7
    assert same_campaign.summary.similarity < 0.35
    assert stranger.summary.similarity < same_campaign.summary.similarity
    fields = {f.field: f.kind for f in same_campaign.metadata}
    assert fields["campaign"] == "same" and fields["issuer"] == "changed"
    # strangers share little beyond generic headings: most sections have no partner
    s = stranger.summary
    assert s.added + s.removed > s.same + s.changed


def test_compare_is_symmetric_in_counts():
    ab = plancorpus.compare(seed("002"), seed("004")).summary
    ba = plancorpus.compare(seed("004"), seed("002")).summary
    assert (ab.added, ab.removed, ab.similarity) == (ba.removed, ba.added, ba.similarity)


# --- moved and renumbered, on a sample plan of our own with its sections rearranged ---------

SAMPLE = SAMPLES / "kh_sgddt_doimoi_2024.txt"


ITEM_1 = (
    "1. Thi đua đổi mới phương pháp dạy học theo hướng phát huy năng lực, phẩm chất của\n"
    "học sinh; mỗi giáo viên đăng ký ít nhất một chuyên đề đổi mới trong năm học.\n"
)
ITEM_3 = (
    "3. Thi đua xây dựng môi trường học đường an toàn, thân thiện; hưởng ứng cuộc vận\n"
    "động “Mỗi thầy cô giáo là một tấm gương đạo đức, tự học và sáng tạo”.\n"
)


def test_a_moved_section_is_moved_not_deleted_and_added():
    # II.3 of the sample moved to the front of II, the list renumbered in reading order
    text = SAMPLE.read_text(encoding="utf-8")
    assert ITEM_1 in text and ITEM_3 in text
    moved_text = text.replace(ITEM_3, "").replace(ITEM_1, "1." + ITEM_3[2:] + "\n2." + ITEM_1[2:])
    moved_text = moved_text.replace("\n2. Thi đua ứng dụng", "\n3. Thi đua ứng dụng")
    a, b = plancorpus.parse_text(text), plancorpus.parse_text(moved_text)
    assert b.find_section("II.1").heading.startswith("Thi đua xây dựng môi")
    diff = plancorpus.compare(a, b)
    change = by_b(diff, "II.1")
    assert change.a_path == "II.3" and change.moved and change.kind == "moved"
    assert by_b(diff, "II.2").a_path == "II.1" and not by_b(diff, "II.2").moved
    assert diff.summary.added == 0 and diff.summary.removed == 0 and diff.summary.moved == 1


def test_inserted_section_leaves_the_rest_renumbered_and_unchanged():
    text = SAMPLE.read_text(encoding="utf-8")
    a = plancorpus.parse_text(text)
    ii = next(s for s in a.sections if s.label == "II")
    first_child = ii.children[0]
    insert = "1. Về công tác kiểm tra\nCác phòng tự kiểm tra việc thực hiện hằng quý.\n"
    b_text = text[: first_child.span.start] + insert + text[first_child.span.start :]
    # renumber the children of II that follow
    for child in reversed(ii.children):
        label = child.label
        at = first_child.span.start + len(insert) + (child.span.start - first_child.span.start)
        b_text = b_text[:at] + str(int(label) + 1) + b_text[at + len(label) :]
    b = plancorpus.parse_text(b_text)
    diff = plancorpus.compare(a, b)
    assert by_b(diff, "II.1").kind == "added"
    for child in ii.children:
        change = by_b(diff, f"II.{int(child.label) + 1}")
        assert change.a_path == f"II.{child.label}"
        assert change.kind == "renumbered" and change.renumbered and not change.ops


# --- inline diff options ----------------------------------------------------------------------


def test_word_granularity_keeps_words_whole():
    a, b = "nhiệm vụ xây dựng nhà ở", "nhiệm vụ xây nhà ở"
    word = [op for op in inline_diff(a, b, DiffOptions())[0] if op.op != "equal"]
    syllable = [
        op for op in inline_diff(a, b, DiffOptions(granularity="syllable"))[0] if op.op != "equal"
    ]
    assert [(op.a.strip(), op.b.strip()) for op in word] == [("xây dựng", "xây")]
    assert [(op.op, op.a.strip()) for op in syllable] == [("delete", "dựng")]


def test_options_case_punctuation_sentence():
    a, b = "Tổ chức thực hiện, kiểm tra.", "tổ chức thực hiện kiểm tra."
    assert any(op.op != "equal" for op in inline_diff(a, b, DiffOptions())[0])
    quiet = DiffOptions(ignore_case=True, ignore_punctuation=True)
    assert all(op.op == "equal" for op in inline_diff(a, b, quiet)[0])
    ops, _ = inline_diff(
        "Câu một. Câu hai giữ nguyên.",
        "Câu một đã sửa. Câu hai giữ nguyên.",
        DiffOptions(granularity="sentence"),
    )
    first = ops[0]
    assert (first.op, first.a.strip(), first.b.strip()) == (
        "replace",
        "Câu một.",
        "Câu một đã sửa.",
    )


def test_ignore_numbering_aligns_by_content(d003_000):
    quiet = plancorpus.compare(seed("003"), seed("000"), ignore_numbering=True)
    assert by_b(quiet, "II.3").a_path == "II.2" and not by_b(quiet, "II.3").renumbered


# --- the model ----------------------------------------------------------------------------------


def test_plandiff_round_trips_and_has_a_committed_schema(d003_000):
    again = PlanDiff.model_validate_json(d003_000.model_dump_json())
    assert again == d003_000
    schema = json.loads((ROOT / "schema" / "plan_diff.schema.json").read_text(encoding="utf-8"))
    assert schema["properties"].keys() == PlanDiff.model_fields.keys()
    assert d003_000.summary.similarity_defined_as.startswith("share of the two bodies")


def test_compare_takes_paths():
    diff = plancorpus.compare(SAMPLE, SAMPLE)
    assert diff.summary.similarity == 1.0
    assert {c.kind for c in diff.sections} == {"same"} and not diff.findings


# --- findings on a copy that was not fully updated (our sample, re-dated by hand) -------------


def _redated_copy() -> str:
    """The sample moved one year on, except the deadline of III.2.3, left as it was."""
    text = SAMPLE.read_text(encoding="utf-8")
    kept = "báo cáo kết quả về Sở trước ngày\n10/6/2024."
    assert kept in text
    moved = text.replace("2024", "2025").replace("2023", "2024")
    return moved.replace(kept.replace("2024", "2025"), kept)


def test_leftover_year_in_an_unchanged_passage_is_a_finding():
    a = parsed(SAMPLE)
    b = plancorpus.parse_text(_redated_copy(), source="copy")
    diff = plancorpus.compare(a, b)
    leftovers = [f for f in diff.findings if f.kind == "leftover_from_source"]
    assert [f.key for f in leftovers] == ["2024"]
    place = leftovers[0].places[0]
    assert place.source == "copy" and place.section == "III.2.2.3" and place.raw == "2024"
    assert b.text[place.span.start : place.span.end] == "2024"
    subs = {(s.a, s.b) for s in diff.substitutions}
    assert ("2024", "2025") in subs


def test_check_flags_the_deadline_left_before_the_plan():
    b = plancorpus.parse_text(_redated_copy(), source="copy")
    early = [f for f in plancorpus.check(b) if f.kind == "deadline_before_plan"]
    assert [f.key for f in early] == ["2024-06-10"]
    assert early[0].places[0].section == "III.2.2.3"
