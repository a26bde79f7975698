"""Single stages: cleaning, dates, codes, names, the pattern data and its examples."""

from __future__ import annotations

import pytest

from plancorpus.data import patterns
from plancorpus.extract.codes import parse_code
from plancorpus.extract.dates import find_dates
from plancorpus.extract.names import org_name_case
from plancorpus.extract.signers import normalize_prefix
from plancorpus.normalise.clean import clean, doubled_segments
from plancorpus.segment.cues import is_name_cell, is_title_cell, prefix_match
from plancorpus.segment.labels import label_of
from plancorpus.segment.sections import first_clause
from plancorpus.text.textmap import MappedText

# --- cleaning ---------------------------------------------------------------------------------


def test_doubled_segments():
    line = "nghèo, người khuyết tật tại vùng xa."
    assert doubled_segments(line + line) == [len(line)]
    a, b = "chương trình xây dựng phòng học,  ", "xây dựng nhà tình thương, hỗ trợ y tế, giếng"
    assert doubled_segments(a + a + b + b) == [len(a), len(b)]
    assert doubled_segments("trong lĩnh vực chung chung tay vì người nghèo") is None
    assert doubled_segments("ngắn") is None


def test_clean_keeps_the_map():
    original = "I. MỤC ĐÍCH\r\n**KT. TRƯỞNG BAN**\r\nHoa\u0300 Bi\u0300nh"
    mapped, notes = clean(original)
    assert mapped.text == "I. MỤC ĐÍCH\nKT. TRƯỞNG BAN\nHoà Bình"
    at = mapped.text.index("KT.")
    assert original[mapped.source(at) : mapped.source(at) + 3] == "KT."
    at = mapped.text.index("Bình")
    assert original[mapped.source(at) :].startswith("Bi\u0300nh")
    assert {code for code, _ in notes} >= {"markup_removed", "decomposed_unicode"}


def test_mapped_text_edits_compose():
    mt = MappedText.identity("abcdef")
    mt = mt.edit([(1, 3, "X")])  # aXdef
    mt = mt.edit([(0, 1, ""), (4, 5, "YY")])  # XdeYY
    assert mt.text == "XdeYY"
    assert [mt.source(i) for i in range(len(mt.text))] == [1, 3, 4, 5, 5]


# --- dates --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ngày 21/8/2017", [("2017-08-21", "date")]),
        ("ngày 30 tháng 9 năm 2022", [("2022-09-30", "date")]),
        ("01-10-1997", [("1997-10-01", "date")]),
        ("tháng 02/2023", [("2023-02", "month")]),
        ("Quý III năm 2022", [("2022-Q3", "quarter")]),
        ("Năm 2023:", [("2023", "year")]),
        ("giai đoạn 2021 - 2025", [("2021/2025", "range")]),
        ("từ tháng 02/2023 đến hết 31/12/2023", [("2023-02/2023-12-31", "range")]),
        ("từ tháng 28/4/2022 đến hết 31/12/2022", [("2022-04-28/2022-12-31", "range")]),
        ("Từ 26/11 đến 20/12/2022", [("2022-11-26/2022-12-20", "range")]),
        ("ngày    tháng    năm 2015", [("2015", "year")]),
        ("ngày 31/02/2023", []),  # no such day
        ("Nghị định số 30/2020/NĐ-CP", []),  # a code, not a month
        ("tỷ lệ 1/13, tăng 1,5%/năm", []),
        ("trước ngày 05/01 hàng năm", []),  # no year
    ],
)
def test_dates(text, expected):
    assert [(d.value, d.kind) for d in find_dates(text)] == expected


# --- codes --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "number", "symbol", "key", "defects"),
    [
        ("1258/QĐ-TTG", "1258", "QĐ-TTG", "1258/QĐ-TTg", ["code_case"]),
        ("272-QĐ-TW", "272", "QĐ-TW", "272-QĐ/TW", ["wrong_separator"]),
        ("38–CT/TW", "38", "CT/TW", "38-CT/TW", ["en_dash_in_code"]),
        ("22-\nNQ/TW", "22", "NQ/TW", "22-NQ/TW", ["code_broken_over_line"]),
        ("/KH-BDT", None, "KH-BDT", None, []),
        ("30/2020/NĐ-CP", "30", "2020/NĐ-CP", "30/2020/NĐ-CP", []),
        ("238/UBND-KGVX", "238", "UBND-KGVX", "238/UBND-KGVX", []),
        ("6499/ QĐ - UBND", "6499", "QĐ-UBND", "6499/QĐ-UBND", ["spaces_in_code"]),
        ("30c/NQ-CP", "30c", "NQ-CP", "30c/NQ-CP", []),
        ("-HD/BTCTU", None, "HD/BTCTU", None, []),
    ],
)
def test_codes(written, number, symbol, key, defects):
    code = parse_code(written)
    assert code is not None
    assert (code.number, code.symbol, code.key, code.defects) == (number, symbol, key, defects)


@pytest.mark.parametrize("text", ["1/13", "2021-2025", "18/20202QĐ-UBND", "abc"])
def test_not_codes(text):
    assert parse_code(text) is None


# --- labels, clauses, names ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "kind", "label"),
    [
        ("I. MỤC ĐÍCH, YÊU CẦU", "roman", "I"),
        ("IV. TIÊU CHÍ THI ĐUA", "roman", "IV"),
        ("2.1. Văn phòng Sở:", "decimal", "2.1"),
        ("1. Mục đích", "arabic", "1"),
        ("a) Văn phòng Sở có trách nhiệm:", "letter", "a"),
        ("đ) Đào tạo quản trị hệ thống", "letter", "đ"),
        ("- Theo dõi, thống kê", "bullet", "-"),
        ("Điều 1. Phê duyệt Kế hoạch", "article", "Điều 1"),
        ("Phần thứ nhất", "part", "Phần thứ nhất"),
        ("A. KHỐI THI ĐUA DO UBND TỈNH", "part", "A"),
    ],
)
def test_labels(line, kind, label):
    found = label_of(line)
    assert found is not None and (found.kind, found.label) == (kind, label)


@pytest.mark.parametrize("line", ["Mục III – Đối tượng", "2023. Tổ chức", "1/13 số hộ", "------"])
def test_not_labels(line):
    assert label_of(line) is None


def test_first_clause():
    assert first_clause("Thời gian: Phong trào thi đua được triển khai") == "Thời gian"
    # a sentence is cut at its semicolon; a short heading without a stop keeps it (issue 11:
    # "a heading that contains ';' is not cut there")
    assert (
        first_clause("Thi đua phát huy sáng kiến; nâng cao trách nhiệm của cán bộ.")
        == "Thi đua phát huy sáng kiến"
    )
    assert (
        first_clause("Thi đua phát huy sáng kiến; nâng cao trách nhiệm")
        == "Thi đua phát huy sáng kiến; nâng cao trách nhiệm"
    )
    assert (
        first_clause("Giao TP. Hồ Chí Minh chủ trì. Các sở phối hợp")
        == "Giao TP. Hồ Chí Minh chủ trì"
    )


def test_names_and_titles():
    assert is_name_cell("Phạm Thị Anh Thư")
    assert not is_name_cell("GIÁM ĐỐC")
    assert not is_name_cell("Nơi Nhận")
    assert is_title_cell("PHÓ CHỦ TỊCH THỨ NHẤT")
    assert not is_title_cell("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG BÌNH")
    assert prefix_match("KT.CHỦ TỊCH") is not None
    assert prefix_match("TMĐT phát triển") is None
    assert normalize_prefix("K.T.") == "KT."


# --- the pattern data: every example yields what its entry says ------------------------------


def test_org_head_examples():
    cases = [(ex["upper"], ex["name"]) for h in patterns.org_heads() for ex in h.examples]
    assert len(cases) >= 10
    for upper, name in cases:
        assert org_name_case(upper) == name


def test_signer_prefix_examples():
    for p in patterns.signer_prefixes():
        for example in p.examples:
            m = prefix_match(example)
            assert m is not None, example
            assert normalize_prefix(m.group("prefix")) == p.prefix, example


def test_signer_title_examples():
    for example in patterns.signer_title_examples():
        assert is_title_cell(example), example


def test_issuer_code_examples_are_known():
    from plancorpus.extract.codes import is_known_issuer

    for entry in patterns.issuer_codes():
        for example in entry.examples:
            code = parse_code(example)
            assert code is not None, example
            assert code.issuer is not None and is_known_issuer(code.issuer), example
            assert entry.code.upper() in {
                code.issuer.upper(),
                code.issuer.split("-")[0].upper(),
                *(p.upper() for p in code.issuer.split("-")),
                f"{code.type_code}-{code.issuer}".upper(),
            }, example


def test_doc_type_codes_are_unique_and_official():
    codes = [d.code for d in patterns.doc_types() if d.code]
    assert len(codes) == len(set(codes))
    assert patterns.official_case()["TTG"] == "TTg"
    assert patterns.official_case()["QYĐ"] == "QyĐ"


# --- word lists moved out of the code: each example runs through its stage ------------------


@pytest.mark.parametrize("example", patterns.citation_issuer_examples(), ids=lambda e: e["issuer"])
def test_citation_issuer_stop_examples(example):
    from plancorpus import extract_citations

    first = extract_citations(example["text"])[0]
    assert first.issuer == example["issuer"]


def test_citation_issuer_stops_are_lower_case_words():
    stops = patterns.citation_issuer_stops()
    assert len(stops) > 100 and {"về", "thực hiện", "quy định"} <= stops
    assert all(s == s.lower() and s.strip() == s for s in stops)


@pytest.mark.parametrize("example", patterns.recipient_purpose_examples(), ids=lambda e: e["name"])
def test_recipient_purpose_examples(example):
    from plancorpus.extract.recipients import parse_recipient

    r = parse_recipient(example["text"], 0)
    assert r is not None
    assert (r.name, r.purpose) == (example["name"], example["purpose"])


def test_preamble_opener_examples():
    from plancorpus.segment.zones import PREAMBLE_START

    opens, others = patterns.preamble_examples()
    assert opens and others
    for line in opens:
        assert PREAMBLE_START.match(line), line
    for line in others:
        assert not PREAMBLE_START.match(line), line


@pytest.mark.parametrize("example", patterns.campaign_cues().examples, ids=lambda e: e["campaign"])
def test_campaign_cue_examples(example):
    from plancorpus.extract.campaigns import find_campaigns

    names = [c.name for c in find_campaigns(example["text"])]
    assert example["campaign"] in names
