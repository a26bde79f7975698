"""The five seed plans, with expectations read by hand from each document."""

from __future__ import annotations

from itertools import pairwise

import pytest

import plancorpus
from conftest import SEEDS, corpus_file


def labels(plan: plancorpus.Plan, path: str | None = None) -> list[str]:
    nodes = plan.sections if path is None else plan.find_section(path).children  # type: ignore[union-attr]
    return [n.label for n in nodes if n.kind != "bullet"]


def headings(plan: plancorpus.Plan, path: str) -> list[str]:
    node = plan.find_section(path)
    assert node is not None, path
    return [c.heading for c in node.children if c.kind != "bullet"]


# --- 004: Ban Dân tộc tỉnh Cao Bằng --------------------------------------------------------


def test_004_header(seed):
    p = seed("004")
    assert p.status == "ok"
    assert p.doc_type.value == "Kế hoạch"
    assert p.issuer.value == "Ban Dân tộc tỉnh Cao Bằng"
    assert p.number.value is None  # "Số: /KH-BDT": the number is blank
    assert p.symbol.value == "KH-BDT"
    assert p.has_warning("number_blank")
    assert p.place.value == "Cao Bằng"
    assert p.date.value == "2022-09-30"
    assert p.date.raw == "ngày 30 tháng 9 năm 2022"
    assert p.title.value == (
        "Thực hiện Phong trào thi đua “Vì người nghèo - Không để ai bị bỏ lại phía sau” "
        "giai đoạn 2021 - 2025"
    )
    assert p.campaigns[0].name == "Vì người nghèo - Không để ai bị bỏ lại phía sau"
    assert p.campaigns[0].in_title


def test_004_signer_behind_markup(seed):
    p = seed("004")
    assert len(p.signers) == 1
    s = p.signers[0]
    assert (s.authority, s.on_behalf_of, s.title, s.name) == (
        "KT.",
        "TRƯỞNG BAN",
        "PHÓ TRƯỞNG BAN",
        "Hà Văn Vui",
    )
    assert "**" not in p.text


def test_004_recipients(seed):
    p = seed("004")
    assert [r.raw for r in p.recipients] == [
        "UBND tỉnh",
        "Ban Thi đua Khen thưởng tỉnh, Sở Nội vụ",
        "Khối thi đua các cơ quan TMTH",
        "Lãnh đạo Ban",
        "Các phòng chuyên môn",
        "Lưu: VT, TĐKT",
    ]
    last = p.recipients[-1]
    assert last.archive and last.parts == ["VT", "TĐKT"]
    assert p.recipients[1].parts == ["Ban Thi đua Khen thưởng tỉnh", "Sở Nội vụ"]
    assert not any(r.archive for r in p.recipients[:-1])


def test_004_sections(seed):
    p = seed("004")
    assert labels(p) == ["I", "II", "III", "IV", "V"]
    assert [s.heading for s in p.sections] == [
        "MỤC ĐÍCH, YÊU CẦU",
        "NỘI DUNG THI ĐUA",
        "ĐỐI TƯỢNG, TIÊU CHÍ THI ĐUA; TIÊU CHUẨN, HÌNH THỨC KHEN THƯỞNG",
        "TIẾN ĐỘ THỰC HIỆN",
        "TỔ CHỨC THỰC HIỆN",
    ]
    three_three = p.find_section("III.3")
    assert three_three is not None
    assert [(c.label, c.kind) for c in three_three.children] == [
        ("3.1", "decimal"),
        ("3.2", "decimal"),
    ]
    assert headings(p, "III.3") == ["Khen thưởng từ cấp tỉnh trở lên", "Khen thưởng cấp Ban"]
    assert labels(p, "III.1") == ["a", "b"]


def test_004_reference_in_sentence_is_not_a_heading(seed):
    p = seed("004")
    # "…quy định tại Khoản 2 Mục III – Đối tượng, tiêu chí…" sits inside 3.2's bullet text
    romans = [n for n in p.all_sections() if n.kind == "roman"]
    assert [n.label for n in romans] == ["I", "II", "III", "IV", "V"]
    node = p.find_section("III.3.3.2")
    assert node is not None
    assert "Khoản 2 Mục III" in p.snippet(node.span)


# --- 000: Sở Ngoại vụ, doubled lines -------------------------------------------------------


def test_000_doubled_lines_repaired(seed):
    p = seed("000")
    assert p.has_warning("doubled_text")
    assert "phi dự ánBên cạnh" not in p.text
    assert p.text.count("Bên cạnh đótiếp tục vận động thêm những dự án") == 1
    assert (
        "chương trình xây dựng phòng học,  xây dựng nhà tình thương, hỗ trợ y tế, giếng\n" in p.text
    )
    assert "vùng sâu, vùng xa.\n" in p.text and "vùng xa.nghèo" not in p.text


def test_000_wrapped_heading_and_outline(seed):
    p = seed("000")
    assert labels(p) == ["I", "II", "III"]
    assert labels(p, "II") == ["1", "2", "3", "4"]
    assert p.find_section("II.4").heading == (
        "Về tuyên truyền các phong trào thi đua và điển hình tiên tiến trong lĩnh vực xây dựng "
        "nông thôn mới"
    )
    assert labels(p, "III.2") == ["a", "b"]
    assert p.find_section("III.1").heading == "Thời gian"


def test_000_signature_split_from_recipients_head(seed):
    p = seed("000")
    assert [(s.authority, s.title, s.name) for s in p.signers] == [
        (None, "GIÁM ĐỐC", "Phạm Thị Anh Thư")
    ]
    assert [r.raw for r in p.recipients] == [
        "Ban TĐKT tỉnh",
        "Ban Giám đốc",
        "Các phòng chuyên môn",
        "Lưu: VT",
    ]
    assert p.recipients[-1].archive


def test_000_campaign_with_mismatched_quotes_and_period(seed):
    p = seed("000")
    names = [c.name for c in p.campaigns]
    # in the title with “…”, and again in the body opened with ‘ and closed with ”
    assert names == ["Vì người nghèo – Không để ai bị bỏ lại phía sau"]
    assert p.period.start == "2023-02" and p.period.end == "2023-12-31"
    assert p.issuer.value == "Sở Ngoại vụ" and p.issuer.found_in == "body"


# --- 002: a blank line after every line ----------------------------------------------------


def test_002_blank_lines_and_wrapped_roman_heading(seed):
    p = seed("002")
    assert p.has_warning("blank_lines")
    assert labels(p) == ["I", "II", "III", "IV", "V"]
    assert p.find_section("IV").heading == ("TIÊU CHÍ THI ĐUA, HÌNH THỨC VÀ TIÊU CHUẨN KHEN THƯỞNG")
    assert labels(p, "I.1") == ["a", "b"]
    assert labels(p, "I.2") == ["a", "b", "c"]
    assert p.issuer.value == "Sở Xây dựng"


def test_002_tail(seed):
    p = seed("002")
    assert [(s.title, s.name) for s in p.signers] == [("GIÁM ĐỐC", "Lê Anh Tuấn")]
    assert [r.raw for r in p.recipients] == [
        "UBND tỉnh",
        "Sở Nội vụ",
        "Các phòng, đơn vị thuộc Sở",
        "Công đoàn Sở",
        "Đoàn Thanh niên",
        "Website Sở",
        "Lưu: VT, VP",
    ]
    # one recipient, not two: "đơn vị thuộc Sở" does not name a separate body
    assert p.recipients[2].parts == []


# --- 001: numbered paragraphs, decimal children, a period that is not the plan's ------------


def test_001_structure(seed):
    p = seed("001")
    assert labels(p) == ["I", "II", "III"]
    assert labels(p, "II") == ["1", "2", "3", "4", "5", "6", "7"]
    assert [(c.label, c.kind) for c in p.find_section("III.2").children] == [
        ("2.1", "decimal"),
        ("2.2", "decimal"),
    ]
    assert headings(p, "III.2") == ["Văn phòng Sở", "Các phòng chuyên môn thuộc Sở"]
    first = p.find_section("II.1")
    assert first.heading == (
        "Thực hiện có hiệu quả Chỉ thị số 01/CT-UBND ngày 09/01/2023 của Chủ tịch UBND tỉnh về "
        "việc phát động phong trào thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã "
        "hội, an ninh, quốc phòng năm 2023"
    )
    assert p.find_section("II.7").heading == (
        "Tiếp tục triển khai có hiệu quả các phong trào thi đua do Thủ tướng Chính phủ phát động"
    )
    bullets = [c for c in p.find_section("I.1").children if c.kind == "bullet"]
    assert len(bullets) == 2


def test_001_period_is_the_time_section(seed):
    p = seed("001")
    assert (p.period.start, p.period.end) == ("2023-01", "2023-12-31")
    assert p.period.found_in == "time_section"
    # "Kế hoạch 5 năm 2021-2025" is a range the text mentions, not the period
    assert any(d.value == "2021/2025" for d in p.dates)


def test_001_campaigns_in_a_list(seed):
    p = seed("001")
    assert [c.name for c in p.campaigns] == [
        "Cả nước chung sức xây dựng nông thôn mới",
        "Doanh nghiệp Việt Nam hội nhập và phát triển",
        "Cả nước chung tay vì người nghèo, không để ai bị bỏ lại phía sau",
        "Cán bộ, công chức thi đua thực hiện văn hóa công sở",
    ]


# --- 003: "từ tháng 28/4/2022" --------------------------------------------------------------


def test_003_period_day_after_thang(seed):
    p = seed("003")
    assert (p.period.start, p.period.end) == ("2022-04-28", "2022-12-31")
    assert p.issuer.value == "Sở Ngoại vụ"
    assert [c.name for c in p.campaigns] == ["Toàn dân bảo vệ an ninh Tổ quốc"]
    assert "(Công đoàn, Chi đoàn)" in p.text  # "(*Công đoàn, Chi đoàn*)" lost its markup
    assert [(s.title, s.name) for s in p.signers] == [("GIÁM ĐỐC", "Phạm Thị Anh Thư")]


# --- all seeds ------------------------------------------------------------------------------


def test_every_seed_is_ok_and_spans_map_back():
    for path in sorted(SEEDS.glob("*.txt")) or [corpus_file(SEEDS, "000")]:
        plan = plancorpus.parse(path)
        original = path.read_text(encoding="utf-8")
        assert plan.status == "ok", (path.name, plan.warnings)
        assert plan.doc_type.value == "Kế hoạch"
        for item in [*plan.recipients, *plan.signers]:
            start, end = plan.source_span(item.span)
            written = original[start:end].replace("**", "")
            assert " ".join(written.split()) == " ".join(plan.snippet(item.span).split())
        for node in plan.all_sections():
            assert 0 <= node.span.start < node.span.end <= len(plan.text)


# the preamble: body text before section I, read off each document
PREAMBLES = [
    ("000", "Tiếp tục thực hiện các nội dung tại Quyết định số 1258/QĐ-TTG", "như sau:"),
    ("001", "Thực hiện Chỉ thị  số 01/CT-UBND ngày  09/01/2023", "như sau:"),
    ("002", "Thực hiện Kế hoạch số 1223/KH-UBND ngày 08/7/2022", "triển khai thực hiện như sau:"),
    ("003", "Thực hiện Kế hoạch số 119/KH-UBND tỉnh ngày 27/4/2022", "như sau:"),
    ("004", "Căn cứ Kế hoạch số 92-KH/TU ngày 08/11/2021", "với các nội dung, như sau:"),
]


@pytest.mark.parametrize(("prefix", "opens", "ends"), PREAMBLES)
def test_preamble_is_a_node_and_the_body_is_covered(seed, prefix, opens, ends):
    p = seed(prefix)
    pre = p.preamble
    assert pre is not None and pre.kind == "preamble" and pre.label == ""
    assert pre.text.startswith(opens) and pre.text.endswith(ends)
    assert p.text[pre.span.start : pre.span.end] == pre.text
    nodes = p.body_nodes()
    assert nodes[0] is pre and nodes[1:] == p.sections and p.sections[0].label == "I"
    # nothing but blank space between the preamble and section I, nor between sections
    for a, b in pairwise(nodes):
        assert a.span.end <= b.span.start and not p.text[a.span.end : b.span.start].strip()
