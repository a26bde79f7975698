"""The Unicode transcripts in ../shared/corpus/real (a decision, a draft submission, a long
report): no exception, a sensible status, and what each yields, read from the transcript."""

from __future__ import annotations

from conftest import REAL, corpus_file, parsed


def test_decision_bp_qd991():
    p = parsed(corpus_file(REAL, "bp_qd991_ubnd_2008_vni.truth"))
    assert p.status == "ok"
    assert p.doc_type.value == "Quyết định"
    assert (p.number.value, p.symbol.value) == ("991", "QĐ-UBND")
    assert p.issuer.value == "Ủy ban nhân dân tỉnh Bình Phước"
    assert p.issuer.found_in == "header"
    assert (p.place.value, p.date.value) == ("Đồng Xoài", "2008-05-14")  # "ngày 14 tháng5 năm 2008"
    assert p.title.value.startswith("Về việc phê duyệt Kế hoạch thực hiện quy hoạch sử dụng rừng")
    assert p.title.value.endswith("sau rà soát quy hoạch 03 loại rừng")
    assert [(s.label, s.kind) for s in p.sections] == [
        ("Điều 1", "article"),
        ("Điều 2", "article"),
        ("Điều 3", "article"),
    ]
    assert p.find_section("Điều 2").heading == "Tổ chức thực hiện"
    assert [(s.authority, s.on_behalf_of, s.title, s.name) for s in p.signers] == [
        ("TM.", "ỦY BAN NHÂN DÂN TỈNH", "CHỦ TỊCH", "Trương Tấn Thiệu")
    ]
    assert p.recipients == []  # the transcript has no "Nơi nhận"
    assert p.period is None  # a decision: no implementation period of its own


def test_draft_submission_molisa():
    p = parsed(corpus_file(REAL, "molisa_ttr_nd51_2015_draft.truth"))
    # the transcript stops before the signature block: partial, and it says why
    assert p.status == "partial"
    assert p.has_warning("no_signature")
    assert p.has_warning("draft")
    assert p.doc_type.value == "Tờ trình"
    assert p.number.value is None and p.symbol.value == "TTr-BLĐTBXH"
    assert p.has_warning("symbol_spaces_in_code")  # "/TTr- BLĐTBXH"
    assert p.issuer.value == "Bộ Lao động – Thương binh và Xã hội"
    assert p.place.value == "Hà Nội"
    assert (p.date.value, p.date.kind) == ("2015", "year")  # "ngày    tháng    năm 2015"
    assert p.has_warning("date_incomplete")
    assert p.title.value.startswith("Về Nghị định sửa đổi, bổ sung một số điều của Nghị định")
    assert p.sections[0].label == "I"
    assert p.sections[0].heading == "Sự cần thiết ban hành Nghị định"


def test_long_report_mpi():
    p = parsed(corpus_file(REAL, "mpi_bc_kehoach2005_tcvn3.truth"))
    assert p.status == "partial"  # no header and no signature in the transcript
    assert p.doc_type.value == "Báo cáo"  # the first line, in sentence case
    assert p.title.value == (
        "Tình hình thực hiện nhiệm vụ kế hoạch năm 2004 và kế hoạch phát triển kinh tế - xã "
        "hội năm 2005"
    )
    parts = [s for s in p.sections if s.kind == "part"]
    assert [s.label for s in parts] == ["Phần thứ nhất", "Phần thứ hai"]
    assert parts[0].heading == (
        "Đánh giá khả năng thực hiện Nghị quyết quốc hội về nhiệm vụ kế hoạch năm 2004"
    )
    assert [c.label for c in parts[0].children] == ["I", "II", "III"]
    assert p.find_section("Phần thứ nhất.II.10").heading == (
        "Đảm bảo phát triển kinh tế - xã hội các vùng đồng bào dân tộc thiểu số"
    )
    # the transcript's own numbering slips ("iV.", a lower-case "VI. một số…") are reported
    assert p.has_warning("numbering")
    assert p.issuer is None  # the report names no issuer; "Chính phủ đã…" is not one
