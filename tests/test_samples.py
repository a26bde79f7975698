"""The sample plans in data/samples (written for this project), against what they say."""

from __future__ import annotations

import plancorpus
from conftest import SAMPLES, parsed


def sample(name: str) -> plancorpus.Plan:
    return parsed(SAMPLES / name)


def test_department_plan_two_column_header_and_signature():
    p = sample("kh_sgddt_doimoi_2024.txt")
    assert p.status == "ok"
    assert (p.number.value, p.symbol.value) == ("415", "KH-SGDĐT")
    assert p.issuer.value == "Sở Giáo dục và Đào tạo tỉnh Lâm Đồng"
    assert p.issuer.parent == "UBND tỉnh Lâm Đồng"
    assert (p.place.value, p.date.value) == ("Lâm Đồng", "2024-03-12")
    assert p.campaigns[0].name == "Đổi mới, sáng tạo trong dạy và học"
    assert [c.name for c in p.campaigns[1:]] == [
        "Mỗi thầy cô giáo là một tấm gương đạo đức, tự học và sáng tạo"
    ]
    assert (p.period.start, p.period.end) == ("2024-03", "2024-05-31")
    assert [c.label for c in p.find_section("III.2").children] == ["2.1", "2.2", "2.3"]
    assert [c.label for c in p.find_section("I.1").children] == ["a", "b"]
    assert [(s.authority, s.on_behalf_of, s.title, s.name) for s in p.signers] == [
        ("KT.", "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Trần Thị Mai Hương")
    ]
    assert len(p.recipients) == 6
    assert (p.recipients[0].name, p.recipients[0].purpose) == ("UBND tỉnh", "để báo cáo")
    assert p.recipients[-1].archive


def test_commune_plan_nested_authorities():
    p = sample("kh_ubnd_xa_vanhoa_2023.txt")
    assert p.status == "ok"
    assert p.issuer.value == "Ủy ban nhân dân xã Tân Hòa"
    assert (p.number.value, p.symbol.value) == ("38", "KH-UBND")
    assert p.date.value == "2023-02-20"
    s = p.signers[0]
    assert [(c.authority, c.on_behalf_of) for c in s.chain] == [
        ("TM.", "ỦY BAN NHÂN DÂN"),
        ("KT.", "CHỦ TỊCH"),
    ]
    assert (s.authority, s.title, s.name, s.note) == (
        "KT.",
        "PHÓ CHỦ TỊCH",
        "Nguyễn Văn Hòa",
        "(Đã ký)",
    )
    assert (p.period.start, p.period.end) == ("2023-03", "2025")
    assert [r.raw for r in p.recipients] == [
        "UBND huyện (để báo cáo)",
        "TT Đảng ủy, HĐND xã",
        "Các thôn",
        "Lưu: VT, VH-XH",
    ]


def test_party_plan():
    p = sample("kh_duk_hoctap_2025.txt")
    assert p.status == "ok"
    assert (p.number.value, p.symbol.value) == ("27", "KH/ĐUK")
    assert p.issuer.value == "Đảng ủy Khối các cơ quan tỉnh Quảng Trị"
    assert p.issuer.parent == "Đảng bộ tỉnh Quảng Trị"
    assert p.date.value == "2025-01-06"
    assert [(s.authority, s.on_behalf_of, s.title, s.name) for s in p.signers] == [
        ("T/M", "BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Lê Quang Vinh")
    ]
    # Party recipients end with "," rather than ";"
    assert [r.name for r in p.recipients] == [
        "Ban Tuyên giáo Tỉnh ủy",
        "Các đảng bộ cơ sở",
        "Văn phòng Đảng ủy Khối",
    ]
    assert (p.period.start, p.period.end) == ("2025-01-06", "2025-12-31")
