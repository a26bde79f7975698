"""Classes of error found on documents plancorpus had not seen (issue 11), one test per class.

The inputs are written for these tests in the shapes real web copies and exports take (the
blind set itself, benchmarks/blind/, stays out of the tests so that it stays blind)."""

from __future__ import annotations

import plancorpus


def _fields(plan: plancorpus.Plan) -> dict[str, str | None]:
    names = ("doc_type", "number", "symbol", "issuer", "place", "date", "title")
    return {n: (getattr(plan, n).value if getattr(plan, n) else None) for n in names}


def test_header_columns_run_together_on_one_line():
    # a copy that lost the gap between the two header columns
    plan = plancorpus.parse_text(
        "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "TỈNH BẠC LIÊU Độc lập - Tự do - Hạnh phúc\n\n"
        "Số: 217/UBND-VX Bạc Liêu, ngày 9 tháng 5 năm 2019\n\n"
        "V/v tăng cường công tác phòng, chống dịch bệnh trên gia súc, gia cầm\n\n"
        "Kính gửi: Sở Nông nghiệp và Phát triển nông thôn.\n\n"
        "Để chủ động phòng, chống dịch bệnh, Ủy ban nhân dân tỉnh đề nghị Sở Nông nghiệp và "
        "Phát triển nông thôn khẩn trương triển khai các biện pháp sau đây.\n"
    )
    assert _fields(plan) == {
        "doc_type": "Công văn",
        "number": "217",
        "symbol": "UBND-VX",
        "issuer": "Ủy ban nhân dân tỉnh Bạc Liêu",
        "place": "Bạc Liêu",
        "date": "2019-05-09",
        "title": "tăng cường công tác phòng, chống dịch bệnh trên gia súc, gia cầm",
    }


def test_a_place_of_several_words_is_not_cut_as_a_second_column():
    plan = plancorpus.parse_text(
        "TRƯỜNG THCS LÊ LỢI        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Số: 12/KH-THCS            Cam Hải Tây, ngày 02 tháng 3 năm 2022\n\n"
        "KẾ HOẠCH\nDạy học trực tuyến\n\nCăn cứ tình hình thực tế của nhà trường;\n"
    )
    assert (plan.place.value, plan.date.value) == ("Cam Hải Tây", "2022-03-02")


def test_type_word_runs_into_the_title_on_one_line():
    # portal re-posts print the type and the title on one line, and often drop the header
    plan = plancorpus.parse_text(
        "KẾ HOẠCH Thực hiện công tác cải cách hành chính năm 2024\n\n"
        "Thực hiện Kế hoạch số 88/KH-UBND ngày 12/01/2024 của Ủy ban nhân dân tỉnh, Ủy ban "
        "nhân dân huyện ban hành Kế hoạch như sau:\n\nI. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n"
    )
    assert plan.doc_type.value == "Kế hoạch" and plan.doc_type.raw == "KẾ HOẠCH"
    assert plan.title.value == "Thực hiện công tác cải cách hành chính năm 2024"
    capitals = plancorpus.parse_text(
        "KẾ HOẠCH TỔ CHỨC HỘI THAO CÔNG NHÂN VIÊN CHỨC NĂM 2023\n\n"
        "Căn cứ Kế hoạch số 5/KH-LĐLĐ ngày 3/1/2023 của Liên đoàn Lao động tỉnh;\n"
    )
    assert capitals.doc_type.value == "Kế hoạch"
    assert capitals.title.value == "TỔ CHỨC HỘI THAO CÔNG NHÂN VIÊN CHỨC NĂM 2023"


def test_a_department_name_or_an_enacting_line_is_not_a_type_with_its_title():
    plan = plancorpus.parse_text(
        "ỦY BAN NHÂN DÂN TỈNH\nSỞ\nKẾ HOẠCH VÀ ĐẦU TƯ\nSố: 5/BC-SKHĐT\n\n"
        "BÁO CÁO\nTình hình thu hút đầu tư quý I năm 2021\n\nI. KẾT QUẢ\n"
    )
    assert plan.doc_type.value == "Báo cáo"
    assert plan.title.value == "Tình hình thu hút đầu tư quý I năm 2021"
    decision = plancorpus.parse_text(
        "ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 15/QĐ-UBND\n\n"
        "QUYẾT ĐỊNH CỦA ỦY BAN NHÂN DÂN TỈNH AN GIANG\n"
        "V/v ban hành Quy chế làm việc\n\nCăn cứ Luật Tổ chức chính quyền địa phương;\n"
    )
    assert decision.title is None or "CỦA" not in decision.title.value


def test_letter_header_without_type_line_or_body_start():
    # a short letter: issuer, number, place and date, subject; no "Kính gửi", no body cue
    plan = plancorpus.parse_text(
        "BỘ VĂN HÓA, THỂ THAO\nVÀ DU LỊCH\n\nSố: 4977/BVHTTDL-VP\n"
        "Hà Nội, ngày 07 tháng 8 năm 2023\nV/v tổ chức hội nghị\n\n"
        "Bộ đề nghị các đơn vị cử người dự.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n"
    )
    assert _fields(plan) == {
        "doc_type": "Công văn",
        "number": "4977",
        "symbol": "BVHTTDL-VP",
        "issuer": "Bộ Văn hóa, Thể thao và Du lịch",
        "place": "Hà Nội",
        "date": "2023-08-07",
        "title": "tổ chức hội nghị",
    }
    assert [r.name for r in plan.recipients][:1] == ["Như trên"]


def test_a_long_subject_line_stays_in_the_header():
    subject = "V/v " + "tiếp tục phối hợp tuyên truyền, vận động nhân dân tham gia " * 2
    plan = plancorpus.parse_text(
        f"ỦY BAN NHÂN DÂN\nTỈNH HẬU GIANG\nSố: 12/UBND-VX\nVị Thanh, ngày 1 tháng 4 năm 2011\n"
        f"{subject}\n\nKính gửi: Các sở, ban, ngành tỉnh.\n"
    )
    assert plan.title is not None and plan.title.value.startswith("tiếp tục phối hợp")


def test_a_regulation_title_stops_at_its_attached_to_note():
    plan = plancorpus.parse_text(
        "ỦY BAN NHÂN DÂN\nXÃ AN PHÚ\n\nQUY CHẾ LÀM VIỆC\nCỦA ỦY BAN NHÂN DÂN XÃ AN PHÚ\n"
        "(Ban hành kèm theo Quyết định số 30/QĐ-UBND ngày 2/8/2021\n"
        "của Ủy ban nhân dân xã An Phú)\nChương I\nNHỮNG QUY ĐỊNH CHUNG\n"
    )
    assert plan.doc_type.value == "Quy chế"
    assert plan.title.value == "LÀM VIỆC CỦA ỦY BAN NHÂN DÂN XÃ AN PHÚ"


def _keys(text: str) -> list[tuple[str | None, str | None]]:
    return [
        (c.key, c.date.value if c.date else None) for c in plancorpus.parse_text(text).citations
    ]


def test_codes_in_lower_case():
    assert _keys("Thực hiện chỉ thị số 07-ct/tw ngày 12/5/2021 của Ban Bí thư;") == [
        ("07-CT/TW", "2021-05-12")
    ]
    assert _keys("Căn cứ Nghị định 45/2022/nđ-cp ngày 7/7/2022 của Chính phủ;") == [
        ("45/2022/NĐ-CP", "2022-07-07")
    ]
    assert _keys("các nội dung 1/2 số hộ gia đình và 3/4 số xã") == []  # fractions stay prose


def test_tu_written_for_tw_in_party_codes():
    assert _keys("Nghị quyết số 26-NQ/TƯ ngày 05/8/2008 của Hội nghị Trung ương 7") == [
        ("26-NQ/TW", "2008-08-05")
    ]


def test_unit_codes_that_end_in_a_digit():
    text = "Công văn số 847/UBND-VX1 ngày 22/3/2011 và Kế hoạch số 10/KH-BCĐ389 ngày 2/3/2021"
    assert _keys(text) == [("847/UBND-VX1", "2011-03-22"), ("10/KH-BCĐ389", "2021-03-02")]


def test_words_glued_to_a_date_are_parted_and_noted():
    plan = plancorpus.parse_text("Thông báo số 45-TB/TWngày 03/02/2020 của Ban Bí thư.")
    assert [(c.key, c.date.value if c.date else None) for c in plan.citations] == [
        ("45-TB/TW", "2020-02-03")
    ]
    assert any(w.code == "glued_words" for w in plan.warnings)
    ocr = plancorpus.parse_text("Hà Nội, ngày31tháng03năm2026")
    assert [d.value for d in ocr.dates] == ["2026-03-31"]


def test_title_stops_at_a_body_sentence_and_at_converter_leftovers():
    plan = plancorpus.parse_text(
        "KẾ HOẠCH\nHoạt động của Ban Chỉ đạo chuyển đổi số huyện năm 2023 ![](/img/logo.png) |\n"
        "Triển khai thực hiện Quyết định số 47/QĐ-UBND ngày 12/01/2023 của Ủy ban nhân dân "
        "tỉnh, Ban Chỉ đạo ban hành Kế hoạch như sau:\nI. MỤC ĐÍCH, YÊU CẦU\n"
    )
    assert plan.title.value == "Hoạt động của Ban Chỉ đạo chuyển đổi số huyện năm 2023"
    regulation = plancorpus.parse_text(
        "QUY CHẾ\nLàm việc của Ủy ban nhân dân xã\n(Ban hành\nkèm theo Quyết định số 9/QĐ-UBND)\n"
        "Chương I\nNHỮNG QUY ĐỊNH CHUNG\n"
    )
    assert regulation.title.value == "Làm việc của Ủy ban nhân dân xã"


def test_a_citation_issuer_stops_before_a_subject_line_marker():
    (c,) = plancorpus.parse_text(
        "nhận được Công văn số 847/UBND-VX1 ngày 22/3/2011 của UBND tỉnh Quảng Ninh V/v tiếp "
        "tục phối hợp tuyên truyền"
    ).citations
    assert c.issuer == "UBND tỉnh Quảng Ninh"


def test_an_article_that_holds_a_plan_keeps_its_level():
    plan = plancorpus.parse_text(
        "QUYẾT ĐỊNH\nBan hành Kế hoạch phòng, chống thiên tai\n\nCăn cứ Luật Phòng, chống "
        "thiên tai;\n\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành Kế hoạch phòng, chống thiên tai như sau:\n"
        "I. MỤC TIÊU\n1. Mục tiêu chung\n2. Mục tiêu cụ thể\nII. NHIỆM VỤ\n"
        "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n"
    )
    assert [p for p, _ in plan.outline()] == [
        "Điều 1", "Điều 1.I", "Điều 1.I.1", "Điều 1.I.2", "Điều 1.II", "Điều 2",
    ]  # fmt: skip


def test_normative_levels_each_their_own():
    plan = plancorpus.parse_text(
        "LUẬT\nThi đua, khen thưởng\n\nPhần thứ nhất\nNHỮNG QUY ĐỊNH CHUNG\nChương I\nPHẠM VI\n"
        "Mục 1\nĐỐI TƯỢNG\nTiểu mục 1\nCÁ NHÂN\nĐiều 1. Phạm vi điều chỉnh\n1. Luật này quy "
        "định.\na) điểm một;\nMục 2. NGUYÊN TẮC\nĐiều 2. Nguyên tắc\nChương II\nHÌNH THỨC\n"
        "Điều 3. Hình thức\n\nMục tiêu của Luật là khen đúng người.\n"
    )
    assert [p for p, _ in plan.outline()] == [
        "Phần thứ nhất",
        "Phần thứ nhất.Chương I",
        "Phần thứ nhất.Chương I.Mục 1",
        "Phần thứ nhất.Chương I.Mục 1.Tiểu mục 1",
        "Phần thứ nhất.Chương I.Mục 1.Tiểu mục 1.Điều 1",
        "Phần thứ nhất.Chương I.Mục 1.Tiểu mục 1.Điều 1.1",
        "Phần thứ nhất.Chương I.Mục 1.Tiểu mục 1.Điều 1.1.a",
        "Phần thứ nhất.Chương I.Mục 2",
        "Phần thứ nhất.Chương I.Mục 2.Điều 2",
        "Phần thứ nhất.Chương II",
        "Phần thứ nhất.Chương II.Điều 3",
    ]


def test_own_symbols_that_end_in_a_year_or_a_unit_number():
    plan = plancorpus.parse_text(
        "TỔNG CÔNG TY ĐIỆN LỰC\nSố: 88/TN-2022\nHà Nội, ngày 21 tháng 01 năm 2022\n"
        "V/v công bố thông tin\n"
    )
    assert (plan.number.value, plan.symbol.value) == ("88", "TN-2022")
    dotted = plancorpus.parse_text("BỘ TÀI CHÍNH\nSố: 12/QĐ-BTC.01\nV/v ban hành quy chế\n")
    assert (dotted.number.value, dotted.symbol.value) == ("12", "QĐ-BTC.01")
    assert any(w.code == "symbol_dot_in_code" for w in dotted.warnings)


def test_the_legislature_prints_the_type_on_the_number_line():
    plan = plancorpus.parse_text("QUỐC HỘI\nNghị quyết số: 36/2026/QH16\n\nNGHỊ QUYẾT\nVề x\n")
    assert (plan.number.value, plan.symbol.value) == ("36", "2026/QH16")
    bare = plancorpus.parse_text("QUỐC HỘI\nLuật số: 73/2025/QH15\n")
    assert bare.doc_type.value == "Luật"
    (c,) = plancorpus.parse_text("Căn cứ Luật Nhà giáo số 73/2025/QH15;").citations
    assert (c.key, c.doc_type) == ("73/2025/QH15", "Luật")


def test_a_title_stops_at_the_receivers_incoming_stamp():
    plan = plancorpus.parse_text(
        "BỘ THỬ NGHIỆM\nSố: 5/QĐ-BTN\n\nQUYẾT ĐỊNH\nBan hành quy chế thử nghiệm\n"
        "CÔNG VĂN ĐẾN Ngày: 12/3/2024\n"
    )
    assert plan.title.value == "Ban hành quy chế thử nghiệm"


def test_the_period_is_not_a_term_of_office_or_a_quoted_programmes():
    term = plancorpus.parse_text(
        "KẾ HOẠCH\nThực hiện Nghị quyết Đại hội Đảng bộ tỉnh nhiệm kỳ 2020 - 2025\n\n"
        "I. MỤC ĐÍCH\n1. Quán triệt nghị quyết.\n"
    )
    assert term.period is None
    quoted = plancorpus.parse_text(
        "KẾ HOẠCH\nTriển khai Đề án “Phát triển văn hóa giai đoạn 2016 - 2020” năm 2019\n\n"
        "I. MỤC ĐÍCH\n1. Phát triển văn hóa.\n"
    )
    assert (quoted.period.start, quoted.period.end, quoted.period.found_in) == (
        "2019", "2019", "title",
    )  # fmt: skip
    section = plancorpus.parse_text(
        "QUYẾT ĐỊNH\nBan hành Kế hoạch dạy học năm học 2023 - 2024\n\nĐiều 1. Ban hành kế "
        "hoạch.\nĐiều 5. Thời gian và tiến độ thực hiện\nTừ ngày 05/9/2023 đến ngày 31/5/2024.\n"
    )
    assert (section.period.start, section.period.end, section.period.found_in) == (
        "2023-09-05", "2024-05-31", "time_section",
    )  # fmt: skip


def _signers(text: str) -> list[tuple[str | None, ...]]:
    plan = plancorpus.parse_text(text)
    return [(s.authority, s.on_behalf_of, s.title, s.name) for s in plan.signers]


def test_a_signature_written_on_one_line():
    body = "KẾ HOẠCH\nTập huấn\n\nI. MỤC ĐÍCH\nNâng cao năng lực.\n\n"
    in_a_cell = body + (
        "Nơi nhận:                           KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC\n- Như trên;\n"
        "- Lưu: VT.                                        Trần Văn Bình\n"
    )
    one_line = (
        body
        + "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\nKT. GIÁM ĐỐC PHÓ GIÁM ĐỐC      Trần Văn Bình\n"
    )
    want = [("KT.", "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Trần Văn Bình")]
    assert _signers(in_a_cell) == want and _signers(one_line) == want
    whole = body + "TM. BAN GIÁM ĐỐC\nGIÁM ĐỐC\n\nLê Thị Hoa\n"  # "BAN GIÁM ĐỐC" is not split
    assert _signers(whole) == [("TM.", "BAN GIÁM ĐỐC", "GIÁM ĐỐC", "Lê Thị Hoa")]


def test_urgency_and_secrecy_marks_are_never_the_issuer():
    plan = plancorpus.parse_text(
        "KHẨN\nỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\nSố: 5/UBND-VX\nLai Châu, 31/12/2025\n"
        "V/v phòng chống rét\n\nKính gửi: Sở Y tế.\n"
    )
    assert plan.issuer.value == "Ủy ban nhân dân tỉnh Lai Châu"
    assert (plan.place.value, plan.date.value) == ("Lai Châu", "2025-12-31")  # a numeric date
    assert any(w.code == "header_mark" and "KHẨN" in w.message for w in plan.warnings)


def test_a_company_and_its_parent_on_two_lines():
    plan = plancorpus.parse_text(
        "MẬT\nTỔNG CÔNG TY ĐIỆN LỰC MIỀN BẮC\nCÔNG TY ĐIỆN LỰC HÀ NAM\nSố: 5/KH-PCHN\n\n"
        "KẾ HOẠCH\nBảo dưỡng lưới điện\n\nI. MỤC ĐÍCH\n"
    )
    assert plan.issuer.value.startswith("Công ty Điện Lực Hà Nam")
    assert plan.issuer.parent == "Tổng công ty Điện Lực Miền Bắc"


def test_a_skipped_number_does_not_drop_the_rest_of_a_section():
    plan = plancorpus.parse_text(
        "KẾ HOẠCH\nA\n\nI. MỤC ĐÍCH\n1. Một\n2. Hai\n3. Ba\n5. Năm\n6. Sáu\nII. NỘI DUNG\n"
    )
    assert [p for p, _ in plan.outline()] == ["I", "I.1", "I.2", "I.3", "I.5", "I.6", "II"]
    assert any(w.code == "numbering" and "skips" in w.message for w in plan.warnings)


def test_form_numbers_are_not_citations():
    assert _keys("Báo cáo theo mẫu 05/HN và Phụ lục 03/PL-UBND kèm theo Kế hoạch này.") == []


def test_the_issuer_before_the_number_or_the_date_after_the_issuer():
    (a,) = plancorpus.parse_text(
        "Thực hiện Chỉ thị của Ban Bí thư số 12-CT/TW ngày 3/1/2022;"
    ).citations
    assert (a.key, a.doc_type, a.issuer, a.date.value) == (
        "12-CT/TW", "Chỉ thị", "Ban Bí thư", "2022-01-03",
    )  # fmt: skip
    (b,) = plancorpus.parse_text(
        "Căn cứ Kế hoạch số 5/KH-TU của Tỉnh ủy Sơn La ngày 15/3/2024;"
    ).citations
    assert (b.issuer, b.date.value) == ("Tỉnh ủy Sơn La", "2024-03-15")


def test_a_header_run_together_into_few_lines():
    # a crawler's copy: its page title first, then the header cells joined by single spaces
    plan = plancorpus.parse_text(
        "Công văn 81/BHXH-CSYT năm 2022 hướng dẫn thanh toán do Bảo hiểm xã hội Việt Nam ban "
        "hành\nBẢO HIỂM XÃ HỘI VIỆT NAM -------\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ---------------\n"
        "Số: 81/BHXH-CSYT V/v hướng dẫn thanh toán chi phí khám chữa bệnh\n"
        "Hà Nội, ngày 12 tháng 01 năm 2022 Kính gửi: Bảo hiểm xã hội các tỉnh.\n"
        "Để thống nhất thực hiện, Bảo hiểm xã hội Việt Nam hướng dẫn các tỉnh thanh toán chi phí "
        "khám chữa bệnh như sau.\n"
    )
    assert _fields(plan) == {
        "doc_type": "Công văn",
        "number": "81",
        "symbol": "BHXH-CSYT",
        "issuer": "Bảo hiểm xã hội Việt Nam",
        "place": "Hà Nội",
        "date": "2022-01-12",
        "title": "hướng dẫn thanh toán chi phí khám chữa bệnh",
    }
    decision = plancorpus.parse_text(
        "ỦY BAN NHÂN DÂN TỈNH GIA LAI -------\nSố: 12/QĐ-UBND Gia Lai, ngày 04 tháng 5 năm "
        "2020 QUYẾT ĐỊNH V/V BAN HÀNH CHƯƠNG TRÌNH “VỀ QUAN HỆ LAO ĐỘNG” ỦY BAN NHÂN DÂN TỈNH "
        "GIA LAI\nCăn cứ Luật Tổ chức chính quyền địa phương;\n"
    )
    assert (decision.place.value, decision.date.value) == ("Gia Lai", "2020-05-04")
    assert (decision.doc_type.value, decision.title.value) == (
        "Quyết định", "BAN HÀNH CHƯƠNG TRÌNH “VỀ QUAN HỆ LAO ĐỘNG”",
    )  # fmt: skip


def test_a_date_wrapped_over_two_header_lines():
    for place_date in ("Hà Giang, ngày\n05 tháng 3 năm 2021", "Hà Giang, ngày 5\ntháng 3 năm 2021"):
        plan = plancorpus.parse_text(
            f"ỦY BAN NHÂN DÂN\nTỈNH HÀ GIANG\n|\nSố: 58/KH-UBND\n|\n{place_date}\n|\n"
            "KẾ HOẠCH\nPhòng, chống dịch năm 2021\n\nI. MỤC ĐÍCH\n"
        )
        assert (plan.place.value, plan.date.value) == ("Hà Giang", "2021-03-05"), place_date


def test_the_enacting_authority_under_a_title_in_capitals_and_a_decisions_period():
    plan = plancorpus.parse_text(
        "QUYẾT ĐỊNH\nPHÊ DUYỆT KẾ HOẠCH CHUYỂN ĐỔI CƠ CẤU CÂY TRỒNG\nGIAI ĐOẠN 2021 - 2025\n"
        "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH AN GIANG\nCăn cứ Luật Trồng trọt;\n"
    )
    assert (
        plan.title.value == "PHÊ DUYỆT KẾ HOẠCH CHUYỂN ĐỔI CƠ CẤU CÂY TRỒNG GIAI ĐOẠN 2021 - 2025"
    )
    assert (plan.period.start, plan.period.end, plan.period.found_in) == ("2021", "2025", "title")


def test_a_list_of_names_is_several_citations():
    assert [k for k, _ in _keys("Căn cứ Luật Doanh nghiệp, Luật Hợp tác xã;")] == [
        "Luật Doanh nghiệp",
        "Luật Hợp tác xã",
    ]
    assert [
        k for k, _ in _keys("theo Luật Bảo hiểm y tế do Bảo hiểm xã hội Việt Nam ban hành")
    ] == ["Luật Bảo hiểm y tế"]


def test_the_documents_own_number_in_a_page_title_or_label_is_not_a_citation():
    plan = plancorpus.parse_text(
        "Quyết định 435/QĐ-UBND năm 2020. ỦY BAN NHÂN DÂN TỈNH KON TUM -------\n"
        "Số: 435/QĐ-UBND Kon Tum, ngày 04 tháng 5 năm 2020\n\nQUYẾT ĐỊNH\nVề việc ban hành "
        "Chương trình hành động\n\nCăn cứ Chỉ thị số 37-CT/TW ngày 03/9/2019 của Ban Bí thư;\n"
        "QUYẾT ĐỊNH:\nQuyết định 435/QĐ-UBND năm 2020. Điều 1. Ban hành Chương trình.\n"
    )
    assert [c.key for c in plan.citations] == ["37-CT/TW"]
    assert any(w.code == "self_reference" for w in plan.warnings)


def test_a_signature_block_run_into_one_line_by_a_page_copy():
    body = "KẾ HOẠCH\nTập huấn\n\nI. MỤC ĐÍCH\nNâng cao năng lực.\n\n"
    body += "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n"
    chain = plancorpus.parse_text(
        body + "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Hữu Tháp\n"
    ).signers
    assert [(s.authority, s.on_behalf_of, s.title, s.name) for s in chain] == [
        ("KT.", "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Hữu Tháp")
    ]
    assert [(st.authority, st.on_behalf_of) for st in chain[0].chain] == [
        ("TM.", "ỦY BAN NHÂN DÂN"),
        ("KT.", "CHỦ TỊCH"),
    ]
    # a principal that ends in a title word is not cut: the Chairman of the Council of Ministers
    council = body + "KT. CHỦ TỊCH HỘI ĐỒNG BỘ TRƯỞNG\nPHÓ CHỦ TỊCH\n\nTố Hữu\n"
    assert _signers(council) == [("KT.", "CHỦ TỊCH HỘI ĐỒNG BỘ TRƯỞNG", "PHÓ CHỦ TỊCH", "Tố Hữu")]


def test_a_bare_title_before_the_recipients_and_a_placeholder_name():
    body = "KẾ HOẠCH\nTập huấn\n\nI. MỤC ĐÍCH\nNâng cao năng lực.\n\n"
    text = body + "GIÁM ĐỐC\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\nNguyễn Văn A\n"
    assert _signers(text) == [(None, None, "GIÁM ĐỐC", "Nguyễn Văn A")]


def _issuers(text: str) -> list[str | None]:
    return [c.issuer for c in plancorpus.parse_text(text).citations]


def test_issuer_names_with_commas_joint_issuers_and_a_subject_after_them():
    assert _issuers(
        "Kế hoạch số 5/KH-BCĐ ngày 2/3/2024 của Ban Chỉ đạo tỉnh phòng, chống thiên tai về x"
    ) == ["Ban Chỉ đạo tỉnh phòng, chống thiên tai"]
    assert _issuers(
        "Nghị quyết số 3/NQ-UBTVQH ngày 1/2/2024 của Ủy ban Thường vụ Quốc hội, Chính phủ và "
        "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam về phối hợp"
    ) == ["Ủy ban Thường vụ Quốc hội, Chính phủ và Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam"]
    assert _issuers("Quyết định số 7/QĐ-UBND ngày 1/2/2024 của UBND xã An Phú Về việc x") == [
        "UBND xã An Phú"
    ]
    # a comma that opens a new clause still ends the issuer
    assert _issuers(
        "Công văn số 5/UBND-VX của UBND tỉnh, Sở Y tế đã triển khai và Sở Tài chính"
    ) == ["UBND tỉnh"]


def test_ocr_damage_is_read_where_it_can_be_and_said():
    plan = plancorpus.parse_text(
        "UBND TINH HA NAM\nSo: 12/KH-UBND\nHa Nam, ngay31thang03nam2026\n\nKE HOACH\n"
        "Phong chong dich\n\nĐiu 7. Trách nhiệm\nĐiu 8. Hiệu lực\n"
    )
    assert (plan.number.value, plan.symbol.value, plan.date.value) == (
        "12",
        "KH-UBND",
        "2026-03-31",
    )
    assert [p for p, _ in plan.outline()] == ["Điu 7", "Điu 8"]
    damaged = [w.message for w in plan.warnings if w.code == "ocr_damage"]
    assert len(damaged) == 2 and "So:" in damaged[1]
    # "ngay" alone is a word ("right away"): only a whole date gets its marks back
    assert "ngay 5" in plancorpus.parse_text("Thực hiện ngay 5 nhiệm vụ năm 2024.").text


def test_page_numbers_left_in_a_text_copy_are_furniture_not_citations():
    plan = plancorpus.parse_text(
        "KẾ HOẠCH\nTập huấn\n\nI. MỤC ĐÍCH\nNâng cao năng lực.\nTrang 1/2\n"
        "II. NỘI DUNG\nTổ chức lớp học.\n- 2 -\n"
    )
    assert [(f.text, f.kind) for f in plan.furniture] == [
        ("Trang 1/2", "page_number"),
        ("- 2 -", "page_number"),
    ]
    assert plan.citations == []


def test_appendices_are_nodes_of_their_own_and_a_document_type():
    plan = plancorpus.parse_text(
        "ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 5/KH-UBND\n\nKẾ HOẠCH\nTập huấn\n\n"
        "I. MỤC ĐÍCH\nNâng cao năng lực.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\nCHỦ TỊCH\n\n"
        "Nguyễn Văn An\n\nPhụ lục I\nDANH SÁCH ĐƠN VỊ\n(Kèm theo Kế hoạch số 5/KH-UBND)\n"
        "1. Sở Y tế\n2. Sở Tài chính\n\nPhụ lục II. BẢNG PHÂN CÔNG\n1. Văn phòng\n"
    )
    assert [
        (a.label, a.kind, a.heading, [c.label for c in a.children]) for a in plan.appendices
    ] == [
        ("Phụ lục I", "appendix", "DANH SÁCH ĐƠN VỊ", ["1", "2"]),
        ("Phụ lục II", "appendix", "BẢNG PHÂN CÔNG", ["1"]),
    ]
    assert [p for p, _ in plan.outline()] == ["I"]  # the body's tree is the body's
    alone = plancorpus.parse_text(
        "PHỤ LỤC\nDANH SÁCH CÁC ĐƠN VỊ THAM GIA\n(Kèm theo Kế hoạch số 5/KH-UBND ngày 3/2/2024 "
        "của UBND tỉnh)\n\n1. Sở Y tế\n2. Sở Tài chính\n"
    )
    assert (alone.doc_type.value, alone.title.value) == ("Phụ lục", "DANH SÁCH CÁC ĐƠN VỊ THAM GIA")


def test_the_plan_a_decision_issues_after_its_signature():
    plan = plancorpus.parse_text(
        "BỘ TƯ PHÁP --------\nSố: 17/QĐ-BTP\nHà Nội, ngày 29 tháng 01 năm 2015 QUYẾT ĐỊNH BAN "
        "HÀNH KẾ HOẠCH CÔNG TÁC NĂM 2015 BỘ TRƯỞNG BỘ TƯ PHÁP\nCăn cứ Nghị định số "
        "22/2013/NĐ-CP ngày 13/3/2013 của Chính phủ;\nQUYẾT ĐỊNH:\nĐiều 1.\nBan hành Kế hoạch "
        "công tác năm 2015.\nĐiều 2.\nQuyết định này có hiệu lực thi hành kể từ ngày ký.\n"
        "Nơi nhận:\n- Như Điều 2;\n- Lưu: VT.\nKT. BỘ TRƯỞNG THỨ TRƯỞNG Đinh Văn Tâm KẾ HOẠCH "
        "CÔNG TÁC NĂM 2015\nI. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n2. Yêu cầu\nII. NỘI DUNG\n"
        "1. Xây dựng pháp luật\n"
    )
    assert plan.title.value == "BAN HÀNH KẾ HOẠCH CÔNG TÁC NĂM 2015"  # not the enacting authority
    assert _signers_of(plan) == [("KT.", "BỘ TRƯỞNG", "THỨ TRƯỞNG", "Đinh Văn Tâm")]
    assert [p for p, _ in plan.outline()] == ["Điều 1", "Điều 2"]
    assert [p for p, _ in plan.outline(appendices=True)][2:] == ["I", "I.1", "I.2", "II", "II.1"]
    (attached,) = plan.appendices
    assert (attached.kind, attached.label) == ("appendix", "")
    assert [(c.label, [g.label for g in c.children]) for c in attached.children] == [
        ("I", ["1", "2"]),
        ("II", ["1"]),
    ]


def _signers_of(plan: plancorpus.Plan) -> list[tuple[str | None, ...]]:
    return [(s.authority, s.on_behalf_of, s.title, s.name) for s in plan.signers]


def test_a_page_title_repeated_before_each_part_is_a_running_header():
    title = "Quyết định 16/QĐ-BHXH năm 2020 về mẫu thẻ do Bảo hiểm xã hội Việt Nam ban hành."
    plan = plancorpus.parse_text(
        f"BẢO HIỂM XÃ HỘI VIỆT NAM\nSố: 16/QĐ-BHXH\n\nQUYẾT ĐỊNH\nBan hành mẫu thẻ\n\n"
        f"Căn cứ Luật Bảo hiểm y tế;\nQUYẾT ĐỊNH:\n{title} Điều 1. Ban hành mẫu thẻ.\n"
        f"{title} Điều 2. Phôi thẻ\n1. Kích thước.\n{title} Điều 3. Hiệu lực thi hành.\n"
    )
    assert [p for p, _ in plan.outline()] == ["Điều 1", "Điều 2", "Điều 2.1", "Điều 3"]
    assert [f.kind for f in plan.furniture] == ["running_header"] * 3
    # the page titles name the document itself: only the law remains cited
    assert [c.key for c in plan.citations] == ["Luật Bảo hiểm y tế"]


def test_a_copy_block_keeps_its_own_issuer_number_date_and_signer():
    plan = plancorpus.parse_text(
        "ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\nSố: 5/KH-UBND\nLai Châu, ngày 2 tháng 5 năm 2024\n\n"
        "KẾ HOẠCH\nTập huấn\n\nI. MỤC ĐÍCH\nNâng cao năng lực.\n\nNơi nhận:\n- Như trên;\n"
        "- Lưu: VT.\n\nCHỦ TỊCH\n\nNguyễn Văn An\n\nSAO Y BẢN CHÍNH\nVĂN PHÒNG UBND TỈNH\n"
        "Số: 12/SY-VP\nLai Châu, ngày 5 tháng 5 năm 2024\nNơi nhận:\n- Sở Y tế;\n- Lưu: VT.\n\n"
        "TL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG\n\nLê Văn Bình\n"
    )
    assert (plan.number.value, plan.date.value) == ("5", "2024-05-02")  # the original's
    assert _signers_of(plan) == [(None, None, "CHỦ TỊCH", "Nguyễn Văn An")]
    (copy,) = plan.copies
    assert (copy.form, copy.issuer, copy.number, copy.symbol, copy.date) == (
        "Sao y", "Văn phòng UBND tỉnh", "12", "SY-VP", "2024-05-05",
    )  # fmt: skip
    assert [(s.authority, s.title, s.name) for s in copy.signers] == [
        ("TL.", "CHÁNH VĂN PHÒNG", "Lê Văn Bình")
    ]
    assert [r.name for r in copy.recipients] == ["Sở Y tế", "VT"]
    assert plan.citations == []


def test_number_only_short_forms_with_a_date_or_an_issuer():
    rows = [
        (c.form, c.doc_type, c.number, c.date.value if c.date else None, c.issuer, c.key)
        for c in plancorpus.parse_text(
            "Căn cứ Chỉ thị số 09 ngày 14/6/2022 của Thủ tướng; Nghị quyết số 26 ngày 03-11-2019 "
            "của HĐND tỉnh; Công điện số 812 ngày 20 tháng 7 năm 2023 của Bộ Y tế."
        ).citations
    ]
    assert rows == [
        ("short", "Chỉ thị", "09", "2022-06-14", "Thủ tướng", None),
        ("short", "Nghị quyết", "26", "2019-11-03", "HĐND tỉnh", None),
        ("short", "Công điện", "812", "2023-07-20", "Bộ Y tế", None),
    ]  # no key can be built from a number alone
    assert _keys("hoàn thành Kế hoạch 05 ngày tới") == []  # a count of days


def test_law_names_written_in_lower_case():
    assert _keys("căn cứ luật phòng, chống tham nhũng năm 2018 và các văn bản") == [
        ("Luật phòng, chống tham nhũng năm 2018", None)
    ]
    assert _keys("chấp hành luật pháp của nhà nước, tuân thủ theo luật giao thông") == []


def test_a_law_name_ends_at_a_bare_year_a_table_rule_or_a_subject():
    assert [k for k, _ in _keys("| Luật Đất đai | Vụ Đất đai | Tháng 9/2024 |")] == ["Luật Đất đai"]
    assert [k for k, _ in _keys("áp dụng Luật Doanh nghiệp 2014, Bộ Kế hoạch và Đầu tư")] == [
        "Luật Doanh nghiệp 2014"
    ]
    assert [k for k, _ in _keys("sửa đổi Luật Bảo vệ môi trường về ứng phó với biến đổi")] == [
        "Luật Bảo vệ môi trường"
    ]
    # a listed name with "và" inside it is not cut there
    assert [k for k, _ in _keys("thi hành Luật Tài nguyên, môi trường biển và hải đảo;")] == [
        "Luật Tài nguyên, môi trường biển và hải đảo"
    ]


def test_an_amending_law_name_runs_over_lines_whatever_its_case():
    # Binh Dinh HĐND resolution 21/2022 (blind batch 6): "Luật Sửa đổi" with a capital S, the
    # name wrapped over two lines, its date after it
    text = (
        "phương ngày 19 tháng 6 năm 2015; Luật Sửa đổi, bổ sung một số điều của Luật Tổ\n"
        "chức chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm\n2019;"
    )
    assert [k for k, _ in _keys(text)] == [
        "Luật Sửa đổi, bổ sung một số điều của Luật Tổ chức chính phủ và Luật Tổ chức chính "
        "quyền địa phương"
    ]
    # Tay Ninh QĐ 3745/2021 (batch 3): "có liên quan đến" belongs to the name
    text = "Căn cứ Luật sửa đổi, bổ sung một số điều của 37 luật có liên quan đến quy hoạch ngày 20"
    assert [k for k, _ in _keys(text + " tháng 11 năm 2018;")] == [
        "Luật sửa đổi, bổ sung một số điều của 37 luật có liên quan đến quy hoạch"
    ]
    # Bộ Y tế QĐ 3176/2024 (batch 4): "thuộc lĩnh vực …" is the subject, not the name
    text = "thi hành Luật Bảo hiểm xã hội và Luật An toàn vệ sinh lao động thuộc lĩnh y tế;"
    assert [k for k, _ in _keys(text)] == ["Luật Bảo hiểm xã hội", "Luật An toàn vệ sinh lao động"]


def test_a_crawler_header_run_into_lines_with_the_body_after_the_title():
    plan = plancorpus.parse_text(
        "Chỉ thị 29/TTg\nPHỦ THỦ TƯỚNG ----- CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập – Tự do – "
        "Hạnh phúc -------\nSố:\n29/TTg Hà Nội, ngày 10 tháng 11 năm 1980 CHỈ THỊ VỀ CÔNG TÁC ĐO "
        "ĐẠC RUỘNG ĐẤT TRONG CẢ NƯỚC Ngày 24 tháng 6 năm 1977 Hội đồng Chính phủ đã ra Quyết định "
        "số 169-CP về công tác điều tra ruộng đất trong cả nước.\n"
        "K/T THỦ TƯỚNG CHÍNH PHỦ PHÓ THỦ TƯỚNG Tố Hữu\n"
    )
    assert _fields(plan) == {
        "doc_type": "Chỉ thị",
        "number": "29",
        "symbol": "TTg",
        "issuer": "Phủ Thủ tướng",
        "place": "Hà Nội",
        "date": "1980-11-10",
        "title": "VỀ CÔNG TÁC ĐO ĐẠC RUỘNG ĐẤT TRONG CẢ NƯỚC",
    }
    assert _signers_of(plan) == [("K/T", "THỦ TƯỚNG CHÍNH PHỦ", "PHÓ THỦ TƯỚNG", "Tố Hữu")]
    decision = plancorpus.parse_text(
        "ỦY BAN NHÂN DÂN TỈNH TÂY NINH -------\nSố: 37/QĐ-UBND Tây Ninh, ngày 30 tháng 12 năm "
        "2021 QUYẾT ĐỊNH VỀ VIỆC PHÊ DUYỆT KẾ HOẠCH SỬ DỤNG ĐẤT NĂM 2022 HUYỆN CHÂU THÀNH ỦY BAN "
        "NHÂN DÂN TỈNH TÂY NINH\nCăn cứ Luật Đất đai;\nQUYẾT ĐỊNH:\nĐiều 1. Phê duyệt.\n"
    )
    assert (
        decision.title.value == "VỀ VIỆC PHÊ DUYỆT KẾ HOẠCH SỬ DỤNG ĐẤT NĂM 2022 HUYỆN CHÂU THÀNH"
    )
    assert (decision.period.start, decision.period.end) == ("2022", "2022")


def test_signatures_without_a_prefix_or_with_the_prefix_alone_run_into_one_line():
    body = "KẾ HOẠCH\nTập huấn\n\nI. MỤC ĐÍCH\nNâng cao năng lực.\n\n"
    body += "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n"
    assert _signers(body + "TL.\nBỘ TRƯỞNG CHÁNH VĂN PHÒNG Nguyễn Đức Tâm\n") == [
        ("TL.", "BỘ TRƯỞNG", "CHÁNH VĂN PHÒNG", "Nguyễn Đức Tâm")
    ]
    attached = body + "BỘ TRƯỞNG Đặng Văn Khánh CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA NGÀNH NĂM 2024\n"
    assert _signers(attached) == [(None, None, "BỘ TRƯỞNG", "Đặng Văn Khánh")]


def test_a_heading_stops_where_a_copy_ran_its_first_sub_item_on():
    plan = plancorpus.parse_text(
        "KẾ HOẠCH\nA\n\n1. Địa điểm\n2. Về Đại lý làm thủ tục hải quan 2.1. Điều kiện nhân viên\n"
    )
    assert plan.outline() == [("1", "Địa điểm"), ("2", "Về Đại lý làm thủ tục hải quan")]


def test_the_enacting_formula_is_not_the_type_line():
    plan = plancorpus.parse_text(
        "ỦY BAN NHÂN DÂN TỈNH TÂY NINH\nSố: 37/QĐ-UBND\nQUYẾT ĐỊNH VỀ VIỆC PHÊ DUYỆT KẾ HOẠCH "
        "SỬ DỤNG ĐẤT NĂM 2022\n\nCăn cứ Luật Đất đai;\n\nQUYẾT ĐỊNH\nĐiều 1. Phê duyệt.\n"
    )
    assert (plan.doc_type.value, plan.title.value) == (
        "Quyết định", "VỀ VIỆC PHÊ DUYỆT KẾ HOẠCH SỬ DỤNG ĐẤT NĂM 2022",
    )  # fmt: skip


def test_words_of_the_header_broken_over_lines_by_a_web_copy():
    # "ỦY" / "BAN NHÂN DÂN" and "Sơn" / "La, ngày …": a head and a place broken mid-name
    plan = plancorpus.parse_text(
        "ỦY\nBAN NHÂN DÂN\nTỈNH SƠN LA\n-------\n|\nCỘNG\nHÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n|\n"
        "Số: 35/KH-UBND\n|\nSơn\nLa, ngày 27 tháng 01 năm 2022\n|\nKẾ HOẠCH\nPhòng, chống dịch "
        "năm 2022\nI. CĂN CỨ PHÁP LÝ\n"
    )
    assert (plan.issuer.value, plan.place.value, plan.date.value) == (
        "Ủy ban nhân dân tỉnh Sơn La", "Sơn La", "2022-01-27",
    )  # fmt: skip
    # the enacting head of a body at the end of a run-on title line is cut off; a body whose
    # name ends in a title word is not
    decision = plancorpus.parse_text(
        "BỘ Y TẾ -------\nSố: 12/QĐ-BYT\nHà Nội, ngày 11 tháng 4 năm 2025 QUYẾT ĐỊNH VỀ VIỆC "
        "BAN HÀNH DANH MỤC MÃ DÙNG CHUNG (ĐỢT 1) BỘ TRƯỞNG\nBỘ Y TẾ\nCăn cứ Luật Khám bệnh;\n"
    )
    assert decision.title.value == "VỀ VIỆC BAN HÀNH DANH MỤC MÃ DÙNG CHUNG (ĐỢT 1)"
    council = plancorpus.parse_text(
        "HỘI ĐỒNG BỘ TRƯỞNG\n*****\nSố: 115-CT\n\nQUYẾT ĐỊNH\nVề việc x\n"
    )
    assert council.issuer.value == "Hội đồng Bộ trưởng"


def test_recipients_joined_by_a_semicolon_and_copy_counts_in_the_archive_line():
    # Hưng Yên KH 199/2026 and QĐ 729/QĐ-TTg (blind batch 5): "- Viện KSND tỉnh; Tòa án nhân
    # dân tỉnh;" names two bodies; "- Lưu: VT, QHĐP (3) Cương" gives three copies to QHĐP and
    # the typist's name
    plan = plancorpus.parse_text(
        "KẾ HOẠCH\nTập huấn\nI. MỤC ĐÍCH\n1. Nâng cao.\n\nNơi nhận:\n- Như trên;\n"
        "- Viện KSND tỉnh; Tòa án nhân dân tỉnh;\n- Lưu: VT, QHĐP (3) Cương\n"
        "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn An\n"
    )
    names = [r.name for r in plan.recipients]
    assert names[1:3] == ["Viện KSND tỉnh", "Tòa án nhân dân tỉnh"]  # two recipients
    assert ["VT", "QHĐP"] in [r.parts for r in plan.recipients]
    assert any(r.raw == "Lưu: VT, QHĐP (3) Cương" for r in plan.recipients)  # raw kept


def test_a_citation_issuer_stops_before_a_capitalised_verb():
    # QĐ 844/QĐ-TTg (blind batch 5): "… theo Nghị Quyết số 282/NQ-CP ngày 15/9/2025 của Chính
    # phủ Ban hành Chương trình hành động …"
    plan = plancorpus.parse_text(
        "được thực hiện theo Nghị Quyết số 282/NQ-CP ngày\n15/9/2025 của Chính phủ Ban hành "
        "Chương trình hành động của Chính phủ thực\nhiện Nghị quyết số 72-NQ/TW\n"
    )
    first = plan.citations[0]
    assert (first.key, first.issuer) == ("282/NQ-CP", "Chính phủ")


def test_the_motto_run_on_with_the_place_and_an_enacting_body_in_old_tone_marks():
    # Nghị quyết 04/NQ-CP (blind batch 6): "… Độc lập - Tự do - Hạnh phúc Hà Nội, ngày 10 tháng
    # 01 năm 2022 |" in one cell; Quyết định 16/2017/QĐ-UBND Sơn La: the enacting body under
    # the title written "UỶ BAN NHÂN DÂN TỈNH SƠN LA" (old tone placement)
    plan = plancorpus.parse_text(
        "Chính phủ Số: 04/NQ-CP |\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh "
        "phúc Hà Nội, ngày 10 tháng 01 năm 2022 |\nNghị quyết\nVỀ ĐẨY MẠNH PHÂN CẤP\nCHÍNH PHỦ\n"
    )
    assert (plan.place.value, plan.date.value) == ("Hà Nội", "2022-01-10")
    assert plan.text[plan.place.span.start : plan.place.span.end] == "Hà Nội"
    decision = plancorpus.parse_text(
        "UỶ BAN NHÂN DÂN\nTỈNH SƠN LA\nSố: 16/2017/QĐ-UBND\nSơn La, ngày 05 tháng 6 năm 2017\n"
        "QUYẾT ĐỊNH\nBAN HÀNH QUY CHẾ PHỐI HỢP LIÊN NGÀNH\nUỶ BAN NHÂN DÂN TỈNH SƠN LA\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương năm 2015;\n"
    )
    assert decision.title.value == "BAN HÀNH QUY CHẾ PHỐI HỢP LIÊN NGÀNH"


def test_a_place_date_wrapped_after_the_comma_or_before_the_year():
    # Thừa Thiên Huế KH 200/KH-UBND and Sơn La QĐ 2862/QĐ-UBND (blind batch 6): web tables
    # wrap "Thừa Thiên Huế," / "ngày 13 tháng 5 năm 2024" and "Sơn" / "La, ngày 16 tháng 11" /
    # "năm 2018"
    plan = plancorpus.parse_text(
        "ỦY BAN NHÂN DÂN\nTỈNH THỪA THIÊN HUẾ\n-------\n|\nSố: 200/KH-UBND\n|\n"
        "Thừa Thiên Huế,\nngày 13 tháng 5 năm 2024\n|\nKẾ HOẠCH\nTriển khai chiến lược dữ liệu\n"
    )
    assert (plan.place.value, plan.date.value) == ("Thừa Thiên Huế", "2024-05-13")
    decision = plancorpus.parse_text(
        "ỦY\nBAN NHÂN DÂN\nTỈNH SƠN LA\n-------\n|\nSố: 2862/QĐ-UBND\n|\nSơn\n"
        "La, ngày 16 tháng 11\nnăm 2018\n|\nQUYẾT ĐỊNH\nVề việc ban hành quy chế\n"
    )
    assert (decision.place.value, decision.date.value) == ("Sơn La", "2018-11-16")


def test_a_number_whose_symbol_lost_its_type_code_is_kept_as_written():
    # Hà Tĩnh QĐ 1281 (blind batch 6): the page prints "Số: 1281/-UBND"
    plan = plancorpus.parse_text(
        "ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\n|\nSố: 1281/-UBND\n|\nHà Tĩnh, ngày 12 tháng 5 năm 2014\n"
        "QUYẾT ĐỊNH\nVề việc công bố thủ tục hành chính\n"
    )
    assert (plan.number.value, plan.symbol.value) == ("1281", "-UBND")
    assert plan.has_warning("symbol_malformed")


def test_a_type_line_in_sentence_case_before_a_title_in_capitals_and_a_lower_case_issuer():
    # Nghị quyết 04/NQ-CP (blind batch 6): the web copy prints "Chính phủ" and "Nghị quyết"
    # in sentence case, the title in capitals under it
    plan = plancorpus.parse_text(
        "Chính phủ\nSố: 04/NQ-CP |\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Hà Nội, ngày 10 tháng 01 năm 2022 |\nNghị quyết\n"
        "VỀ ĐẨY MẠNH PHÂN CẤP, PHÂN QUYỀN TRONG QUẢN LÝ NHÀ NƯỚC\nCHÍNH PHỦ\n"
        "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;\n"
    )
    assert (plan.doc_type.value, plan.issuer.value) == ("Nghị quyết", "Chính phủ")
    assert plan.title.value == "VỀ ĐẨY MẠNH PHÂN CẤP, PHÂN QUYỀN TRONG QUẢN LÝ NHÀ NƯỚC"
    # a sentence-case line in a plan's body is no type line
    body = plancorpus.parse_text("KẾ HOẠCH\nTập huấn\nI. MỤC ĐÍCH\nKế hoạch\nTổ chức tập huấn.\n")
    assert body.doc_type.value == "Kế hoạch" and body.title.value == "Tập huấn"


def test_an_action_programme_is_its_own_type_heading():
    # Hưng Yên Chương trình 28/CTr-UBND (blind batch 6): "CHƯƠNG TRÌNH HÀNH ĐỘNG" heads it,
    # the title follows ("THỰC HIỆN NGHỊ QUYẾT SỐ 11/NQ-CP …"), not "HÀNH ĐỘNG THỰC HIỆN …"
    plan = plancorpus.parse_text(
        "ỦY BAN NHÂN DÂN\nTỈNH HƯNG YÊN\n|\nSố: 28/CTr-UBND\n|\nHưng Yên, ngày 18 tháng 02 năm "
        "2022\n|\nCHƯƠNG TRÌNH HÀNH ĐỘNG\nTHỰC HIỆN NGHỊ QUYẾT SỐ 11/NQ-CP NGÀY 30/01/2022\n"
        "I. MỤC TIÊU\n"
    )
    assert plan.doc_type.value == "Chương trình hành động"
    assert plan.title.value == "THỰC HIỆN NGHỊ QUYẾT SỐ 11/NQ-CP NGÀY 30/01/2022"
    assert plan.symbol.value == "CTr-UBND"


def test_a_run_on_header_whose_title_opens_with_a_quote():
    # Vầy Nưa commune plan (blind batch 6): the whole header on one line, the title in quotes
    # right after the type word: "… Hạnh phúc KẾ HOẠCH “NĂM GIÁO DỤC VÙNG KHÓ KHĂN” XÃ VẦY NƯA"
    plan = plancorpus.parse_text(
        "ỦY BAN NHÂN DÂN XÃ VẦY NƯA CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập – Tự do – Hạnh "
        "phúc KẾ HOẠCH “NĂM GIÁO DỤC VÙNG KHÓ KHĂN” XÃ VẦY NƯA\nCăn cứ công văn số 167/SGD&ĐT-VP "
        "ngày 17/01/2013;\n"
    )
    assert plan.doc_type.value == "Kế hoạch"
    assert plan.issuer.value == "Ủy ban nhân dân xã Vầy Nưa"
    assert plan.title.value.startswith("“NĂM GIÁO DỤC VÙNG KHÓ KHĂN”")


def test_a_decision_copied_without_its_type_line_keeps_its_header_and_title():
    # thuvienphapluat copy of QĐ 1589/QĐ-TTg (blind batch 6): the crawler's title line and its
    # table of facts above the header, "QUYẾT ĐỊNH" lost, and the attached plan's "KẾ HOẠCH"
    # after "Điều 1." is not the document's type
    plan = plancorpus.parse_text(
        "Quyết định 1589/QĐ-TTg năm 2025 về Kế hoạch triển khai thi hành Luật Tổ chức chính "
        "quyền địa phương 72/2025/QH15 do Thủ tướng Chính phủ ban hành\n"
        "Số hiệu | 1589/QĐ-TTg |\nNgày ban hành | 24/07/2025 |\nNgày có hiệu lực | 24/07/2025 |\n"
        "Loại văn bản | Quyết định |\nCơ quan ban hành | Thủ tướng Chính phủ |\n"
        "Người ký | Nguyễn Hòa Bình |\nLĩnh vực | Bộ máy hành chính |\n"
        "THỦ TƯỚNG CHÍNH\nPHỦ |\nCỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM |\n"
        "Số: 1589/QĐ-TTg |\nHà Nội, ngày 24 tháng 7 năm 2025 |\n"
        "BAN HÀNH KẾ HOẠCH TRIỂN KHAI THI HÀNH LUẬT TỔ CHỨC CHÍNH QUYỀN ĐỊA PHƯƠNG\n"
        "THỦ TƯỚNG CHÍNH PHỦ\n"
        "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;\n"
        "QUYẾT ĐỊNH:\n"
        "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch triển khai thi hành Luật.\n"
        "Điều 2. Quyết định này có hiệu lực kể từ ngày ký ban hành.\n"
        "KẾ HOẠCH\nTRIỂN KHAI THI HÀNH LUẬT TỔ CHỨC CHÍNH QUYỀN ĐỊA PHƯƠNG\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n"
    )
    assert _fields(plan) == {
        "doc_type": "Quyết định",
        "number": "1589",
        "symbol": "QĐ-TTg",
        "issuer": "Thủ tướng Chính phủ",
        "place": "Hà Nội",
        "date": "2025-07-24",
        "title": "BAN HÀNH KẾ HOẠCH TRIỂN KHAI THI HÀNH LUẬT TỔ CHỨC CHÍNH QUYỀN ĐỊA PHƯƠNG",
    }


def test_a_scanned_letter_subject_goes_on_after_a_blank_line():
    # BGDĐT 3892/2019 from a scan (blind batch 6): the symbol unreadable, the "V/v" subject
    # broken by a blank line; a letter that sets a school year's tasks plans for that year
    plan = plancorpus.parse_text(
        "BO GIAO DUC VA DAO TAO\n\nCONG HOA XA HOI CHU NGHIA VIET NAM\n\n"
        "sá##j5GDĐT-GDTrH\n\nV/v hướng dẫn thực hiện nhiệm vụ\n\n"
        "giáo dục trung học năm học 2019-2020\n\nKính gửi:\n\n"
        "- Các sở giáo dục và đảo tạo\n\nThực hiện Chỉ thị số 2268/CT-BGDĐT ngày 08/8/2019.\n"
    )
    assert plan.doc_type is not None and plan.doc_type.value == "Công văn"
    assert plan.title is not None
    assert plan.title.value == "hướng dẫn thực hiện nhiệm vụ giáo dục trung học năm học 2019-2020"
    assert plan.period is not None and (plan.period.start, plan.period.end) == ("2019", "2020")
    assert "doc_type_inferred" in {w.code for w in plan.warnings}


def test_a_quoted_title_that_ends_with_a_place_on_a_page_run_into_one_line():
    # Vầy Nưa commune plan (blind batch 6): the whole page on one line
    plan = plancorpus.parse_text(
        "ỦY BAN NHÂN DÂN XÃ VẦY NƯA CỘNG HÒA XÃ HỘI CHỦ NGHIA VIỆT NAM Độc lập – Tự – Hạnh phúc "
        "KẾ HOẠCH “NĂM GIÁO DỤC VÙNG KHÓ KHĂN” XÃ VẦY NƯA (Ban hành kèm theo Quyết định số "
        "./QĐ-UBND ngày . tháng 11 năm 2013 của Ủy ban nhân dân xã Vầy Nưa) Căn công văn "
        "167/SGD&ĐT-VP ngày 17/01/2013 việc triển khai thực “ Năm giáo dục vùng khó khăn”."
    )
    assert plan.title is not None
    assert plan.title.value == "“NĂM GIÁO DỤC VÙNG KHÓ KHĂN” XÃ VẦY NƯA"


def test_a_parent_and_its_school_on_one_header_line_are_told_apart():
    # Quảng Hùng primary school (blind batch 4): both bodies on one line
    plan = plancorpus.parse_text(
        "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO THÀNH PHỐ SẦM SƠN TRƯỜNG TIỂU HỌC QUẢNG HÙNG\n"
        "Số: /KH-THQH\nQuảng Hùng, ngày 10 tháng 9 năm 2023\n\nKẾ HOẠCH NĂM HỌC 2023-2024\n"
        "Căn cứ Quyết định số 2457/QĐ-BGDĐT ngày 23/8/2023 của Bộ trưởng Bộ GDĐT;\n"
    )
    assert plan.issuer is not None
    assert plan.issuer.value.startswith("Trường Tiểu học Quảng Hùng")
    assert plan.issuer.parent == "Phòng Giáo dục và Đào tạo thành phố Sầm Sơn"
    # Mai Vàng kindergarten (batch 1): the head word glued to the school's level
    plan = plancorpus.parse_text(
        "PHÒNG GD-ĐT CAM LÂM        CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n"
        "  TRƯỜNGMN MAI VÀNG                     Độc lập- Tự do - Hạnh phúc\n\n"
        "         Số: 16 /KH-MNMV                Cam Hải Đông,  ngày  01 tháng 02 năm 2021\n\n"
        "                                                           KẾ HOẠCH\n\n"
        "Công tác phòng, chống dịch Covid-19 (SARS-CoV-2)\n\n"
        "trong tình hình mới  gây ra, của trường Mầm non Mai Vàng\n\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n"
    )
    assert plan.issuer is not None and plan.issuer.parent is not None
    assert plan.issuer.value.startswith("Trường")
    assert "CAM LÂM" not in plan.issuer.value.upper()
    # the title goes on after a blank line, in lower case
    assert plan.title is not None and plan.title.value.endswith("của trường Mầm non Mai Vàng")
    # one body on one line is not cut: "ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC"
    plan = plancorpus.parse_text(
        "ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC\nSố: 12/KH-UBND\nBình Phước, ngày 2 tháng 3 năm 2022\n"
        "KẾ HOẠCH\nPhòng chống thiên tai\n"
    )
    assert plan.issuer is not None and plan.issuer.parent is None
    assert plan.issuer.value == "Ủy ban nhân dân tỉnh Bình Phước"


def _recipient_names(text: str) -> list[str]:
    return [r.name for r in plancorpus.parse_text(text).recipients]


def test_two_bodies_on_one_recipient_line_and_purposes_written_loosely():
    # Lương Minh MTTQ plans (blind batch 7b): "; " between two bodies on one dash line, a
    # purpose after "(" with a space, "(th/h)"; Sơn La QĐ 254/2023 (batch 7c): a unit named
    # inside the purpose
    names = _recipient_names(
        "KẾ HOẠCH\nKiểm tra\n\nI. MỤC ĐÍCH\n\nNơi nhận:\n\n- BTT UBMTTQVN Tỉnh( B/c),\n\n"
        "- Ban xây dựng Đảng; Uỷ ban Kiểm tra Đảng ủy;\n\n- Như Điều 3 (th/h);\n\n"
        "- Bộ Công an (Cục A03 - để b/c);\n\n- Lưu: VT; VP.\n"
    )
    assert names == [
        "BTT UBMTTQVN Tỉnh",
        "Ban xây dựng Đảng",
        "Uỷ ban Kiểm tra Đảng ủy",
        "Như Điều 3",
        "Bộ Công an",
        "VT; VP",
    ]


def test_a_law_named_with_its_code_is_one_citation_and_names_end_at_lists():
    # MTTQ Lương Minh QĐ (blind batch 7b): the name and "số 85/2015/QH13" are one law
    assert [
        k
        for k, _ in _keys(
            "Căn cứ Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân số 85/2015/QH13, "
            "ngày 25/6/2015; Luật Khiếu nại số 02/2011/QH13;"
        )
    ] == ["85/2015/QH13", "02/2011/QH13"]
    # an amending law's name ends before "và các văn bản …" (batch 7b, Phố Bảng)
    assert [
        k
        for k, _ in _keys(
            "Luật sửa đổi, bổ sung một số điều của Luật Bầu cử đại biểu Quốc hội và đại biểu Hội "
            "đồng nhân dân và các văn bản chỉ đạo, hướng dẫn của các cơ quan"
        )
    ] == [
        "Luật sửa đổi, bổ sung một số điều của Luật Bầu cử đại biểu Quốc hội và đại biểu Hội "
        "đồng nhân dân"
    ]
    # a closing bracket ends a name; "Luật bầu cử" in lower case is the election law
    assert [k for k, _ in _keys("(theo quy định tại Điều 55 Luật Bầu cử).")] == ["Luật Bầu cử"]
    assert [k for k, _ in _keys("theo đúng quy định của Luật bầu cử; có tỷ lệ")] == ["Luật bầu cử"]


def test_a_plan_attached_after_a_signer_without_prefix_keeps_its_sections():
    # Sơn La QĐ 254/2023 (blind batch 7c): the signature in a Markdown table cell, a bare
    # "CHỦ TỊCH"; the attached plan restates the decision's own number
    plan = plancorpus.parse_text(
        "| ỦY BAN NHÂN DÂN TỈNH SƠN LA ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
        "|---|---|\n| Số: 254/QĐ-UBND | Sơn La, ngày 17 tháng 02 năm 2023 |\n\nQUYẾT ĐỊNH\n\n"
        "BAN HÀNH KẾ HOẠCH THỰC HIỆN CÔNG TÁC BẢO VỆ BÍ MẬT NHÀ NƯỚC NĂM 2023\n\n"
        "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch.\n\nĐiều 2. Hiệu lực.\n\n"
        "| Nơi nhận: - Bộ Công an (Cục A03 - để b/c); - Lưu: VT, NC. | CHỦ TỊCH Hoàng Quốc "
        "Khánh |\n|---|---|\n\nKẾ HOẠCH\n\nTHỰC HIỆN CÔNG TÁC BẢO VỆ BÍ MẬT NHÀ NƯỚC NĂM 2023 "
        "(Kèm theo Quyết định số 254/QĐ-UBND ngày 17/02/2023 của Chủ tịch Ủy ban nhân dân tỉnh)"
        "\n\nI. MỤC ĐÍCH, YÊU CẦU\n\n1. Nâng cao nhận thức.\n\n2. Chủ động khắc phục.\n\n"
        "II. NỘI DUNG CÔNG TÁC\n\n1. Tuyên truyền.\n"
    )
    paths = [path for path, _ in plan.outline(appendices=True)]
    assert {"Điều 1", "Điều 2", "I", "I.1", "I.2", "II", "II.1"} <= set(paths)
    assert all(c.key != "254/QĐ-UBND" for c in plan.citations)


def test_a_first_item_left_unnumbered_does_not_drop_the_second():
    # Bắc Cam Ranh MTTQ plan (blind batch 7b): "Mục đích" without its "1."
    plan = plancorpus.parse_text(
        "KẾ HOẠCH\nKiểm tra, giám sát\n\nI. MỤC ĐÍCH - YÊU CẦU\n\nMục đích\n\n"
        "- Nhằm đảm bảo cuộc bầu cử diễn ra dân chủ.\n\n2. Yêu cầu\n\n- Công tác kiểm tra.\n\n"
        "II. ĐỐI TƯỢNG KIỂM TRA, GIÁM SÁT\n\n1. Đối tượng kiểm tra\n"
    )
    assert [path for path, _ in plan.outline()] == ["I", "I.2", "II", "II.1"]
    assert any("unnumbered" in w.message for w in plan.warnings if w.code == "numbering")


def test_a_sub_committee_and_a_stray_mark_before_a_header_line():
    # Phố Bảng election sub-committee and Lương Minh MTTQ (blind batch 7b)
    plan = plancorpus.parse_text(
        "ỦY BAN BẦU CỬ XÃ PHỐ BẢNG \n\nTIỂU BAN THÔNG TIN, TUYÊN TRUYỀN, KHÁNH TIẾT\n\n"
        "Số: 01/KH-TBTTKT\n\nKẾ HOẠCH\nTuyên truyền bầu cử\n\nI. MỤC ĐÍCH\n"
    )
    assert plan.issuer is not None and plan.issuer.parent == "Ủy ban bầu cử xã Phố Bảng"
    assert plan.issuer.value.startswith("Tiểu ban Thông tin")
    plan = plancorpus.parse_text(
        "/ỦY BAN MTTQ VIỆT NAM\n\nXÃ LƯƠNG MINH\n\nBAN THƯỜNG TRỰC\n\nSố:      /KH-MTTQ-BTT\n\n"
        "KẾ HOẠCH\nHiệp thương\n\nI. MỤC ĐÍCH\n"
    )
    assert plan.issuer is not None and plan.issuer.parent is not None
    assert not plan.issuer.parent.startswith("/")


def test_a_term_of_office_in_the_time_section_is_not_the_period():
    plan = plancorpus.parse_text(
        "KẾ HOẠCH\nHiệp thương lần thứ hai\n\nI. MỤC ĐÍCH\n\nNội dung.\n\n"
        "II. THỜI GIAN THỰC HIỆN\n\n- Hội nghị hiệp thương lần thứ hai lập danh sách những người "
        "ứng cử đại biểu Hội đồng nhân dân xã khóa II, nhiệm kỳ 2026 - 2031 được thực hiện "
        "trong tháng 02/2026.\n"
    )
    assert plan.period is None or plan.period.raw != "2026 - 2031"


def test_line_breaks_written_as_escapes_by_a_scraper():
    # Lạng Sơn KH 54/2020 (blind batch 2): "\r\n" as backslash escapes inside the text
    plan = plancorpus.parse_text(
        "\\r\\n ỦY BAN NHÂN DÂN | \\r\\n \\r\\n CỘNG\\r\\n HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM | \\r\\n\n"
        "\\r\\n Số: 54/KH-UBND \\r\\n | \\r\\n \\r\\n Lạng Sơn, ngày 27 tháng 3 năm 2020 \\r\\n |"
        " \\r\\n\n\nThực hiện Quyết định số 1896/QĐ-TTg\\r\\nngày 25/12/2019 của Thủ tướng.\n"
    )
    assert (plan.number.value, plan.symbol.value) == ("54", "KH-UBND")
    assert plan.date is not None and plan.date.value == "2020-03-27"
    assert plan.has_warning("escaped_newlines")
    assert [c.key for c in plan.citations] == ["1896/QĐ-TTg"]
    # one or two backslash escapes (a path, a pattern) are left as written
    plain = plancorpus.parse_text("Xem tệp C:\\new\\data.txt trong thư mục.\n")
    assert "\\new" in plain.text and not plain.has_warning("escaped_newlines")


def test_a_signature_image_residue_after_the_title():
    # QĐ 892/QĐ-TTg in the Official Gazette (blind batch 7a): "PHÓ THỦ TƯỚNGy]"
    plan = plancorpus.parse_text(
        "QUYẾT ĐỊNH\nPhê duyệt Đề án\n\nĐiều 1. Phê duyệt.\n\nĐiều 2. Hiệu lực.\n\n"
        "KT. THỦ TƯỚNG \n   PHÓ THỦ TƯỚNGy] \n \nPhạm Thị Thanh Trà \n"
    )
    assert [(s.authority, s.title, s.name) for s in plan.signers] == [
        ("KT.", "PHÓ THỦ TƯỚNG", "Phạm Thị Thanh Trà")
    ]


def test_a_date_with_a_space_inside_a_number():
    # QĐ 773/QĐ-TTg on thuvienphapluat (blind batch 7d): "ngày 26 tháng 0 6 năm 2018"; the
    # issue's "12/4/20 22"
    plan = plancorpus.parse_text(
        "| Số: 773 /QĐ-TTg | Hà Nội, ngày 26 tháng 0 6 năm 2018 |\n\nQUYẾT ĐỊNH\nBan hành\n\n"
        "Căn cứ Nghị quyết số 12/NQ-CP ngày 12/4/20 22 của Chính phủ;\n"
    )
    assert plan.date is not None and plan.date.value == "2018-06-26"
    assert [(c.key, c.date.value if c.date else None) for c in plan.citations] == [
        ("12/NQ-CP", "2022-04-12")
    ]
    assert plan.has_warning("split_digits")
    # numbers that are no date keep their spaces
    assert "10 20 người" in plancorpus.parse_text("Có 10 20 người tham dự.\n").text


def test_a_purpose_after_the_semicolon_and_a_copy_count_with_a_dot():
    # Tuyên Quang QĐ 986/2024 and QĐ 773/QĐ-TTg (blind batch 7d)
    plan = plancorpus.parse_text(
        "QUYẾT ĐỊNH\nVề việc ban hành\n\nĐiều 1. Ban hành.\n\n"
        "| Nơi nhận: - Bộ Giáo dục và Đào tạo; (báo cáo) - Thường trực Tỉnh uỷ; (báo cáo) - "
        "Hội Khuyến học tỉnh; - Lưu: VT, KGVX (2.b). | CHỦ TỊCH Nguyễn Văn Sơn |\n"
    )
    rows = [(r.name, r.purpose) for r in plan.recipients]
    assert rows[:3] == [
        ("Bộ Giáo dục và Đào tạo", "báo cáo"),
        ("Thường trực Tỉnh uỷ", "báo cáo"),
        ("Hội Khuyến học tỉnh", None),
    ]
    assert ["VT", "KGVX"] in [r.parts for r in plan.recipients]


def test_ordinance_and_code_names_that_hold_common_words():
    # QĐ 773/QĐ-TTg (blind batch 7d): "người có công với cách mạng" is inside the name; "Pháp
    # lệnh thay thế …" (to be drafted) names no ordinance; Sơn La (batch 7c): "Bộ Luật"
    assert [
        k
        for k, _ in _keys(
            "lập hồ sơ đề nghị xây dựng Pháp lệnh thay thế Pháp lệnh Ưu đãi người có công với cách "
            "mạng; trình hồ sơ"
        )
    ] == ["Pháp lệnh Ưu đãi người có công với cách mạng"]
    assert [k for k, _ in _keys("theo quy định của Bộ Luật hình sự năm 2015;")] == [
        "Bộ Luật hình sự năm 2015"
    ]


def test_a_page_titles_year_between_a_code_and_its_date():
    # thuvienphapluat's heading (blind batch 7d): "Chỉ thị số 14-CT/TW 2017 ngày 19/7/2017"
    assert _keys("thực hiện Chỉ thị số 14-CT/TW 2017 ngày 19/7/2017 của Ban Bí thư") == [
        ("14-CT/TW", "2017-07-19")
    ]


def test_a_principal_broken_over_lines_and_a_signature_beside_the_recipients_head():
    # Đồng Tháp KH 617/2025 (blind batch 7f): "TM. ỦY BAN" / "NHÂN DÂN"
    plan = plancorpus.parse_text(
        "KẾ HOẠCH\nChuyển đổi số\n\nI. MỤC ĐÍCH\n1. Nâng cao.\n\n|\n*Nơi nhận:*\n"
        "- Bộ Khoa học và Công nghệ;\n- Lưu: VT, KGVX. Thg.\n|\n**TM. ỦY BAN\nNHÂN DÂN**\n"
        "KT. CHỦ TỊCH\n**PHÓ CHỦ TỊCH**\n**Huỳnh Minh Tuấn**\n|\n"
    )
    [signer] = plan.signers
    assert [(s.authority, s.on_behalf_of) for s in signer.chain] == [
        ("TM.", "ỦY BAN NHÂN DÂN"),
        ("KT.", "CHỦ TỊCH"),
    ]
    assert (signer.title, signer.name) == ("PHÓ CHỦ TỊCH", "Huỳnh Minh Tuấn")
    assert ["VT", "KGVX"] in [r.parts for r in plan.recipients]  # the drafter "Thg." left out
    # Huế KH 188/2026 (batch 7g): a PDF's text put "TM. ỦY BAN NHÂN DÂN" beside "Nơi nhận:"
    plan = plancorpus.parse_text(
        "KẾ HOẠCH\nDu lịch\n\nI. MỤC ĐÍCH\n1. Phát triển.\n\nNơi nhận: TM. ỦY BAN NHÂN DÂN\n"
        "- TT. Thành ủy, TT.HĐND TP (để b/c);\nKT. CHỦ TỊCH\n- CT, các PCT UBND TP;\n"
        "PHÓ CHỦ TỊCH\n- Lưu: VT, DL.\nTrần Hữu Thùy Giang\n"
    )
    assert all("ỦY BAN" not in r.name for r in plan.recipients)
    [signer] = plan.signers
    assert signer.chain[0].on_behalf_of == "ỦY BAN NHÂN DÂN"
    assert (signer.title, signer.name) == ("PHÓ CHỦ TỊCH", "Trần Hữu Thùy Giang")


def test_a_drafters_name_in_the_archive_line_in_its_written_forms():
    # blind batch 7f: "VT, (VX/MT.Tấn)", "ĐTQH (Tùng)"
    plan = plancorpus.parse_text(
        "KẾ HOẠCH\nViệc làm\n\nI. MỤC ĐÍCH\n1. A.\n\nNơi nhận:\n- Như trên;\n"
        "- Lưu: VT, (VX/MT.Tấn).\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn Dũng\n"
    )
    assert ["VT", "VX"] in [r.parts for r in plan.recipients]
    plan = plancorpus.parse_text(
        "KẾ HOẠCH\nViệc làm\n\nI. MỤC ĐÍCH\n1. A.\n\nNơi nhận:\n- Như trên;\n"
        "- Lưu: VT, ĐTQH (Tùng).\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Thành Diệu\n"
    )
    assert ["VT", "ĐTQH"] in [r.parts for r in plan.recipients]


def test_converter_emphasis_over_a_line_break_and_left_unpaired():
    # Đồng Tháp and Prime Minister pages (blind batch 7f): "*Đồng Tháp,\nngày … năm 2025*",
    # "của Chính phủ *(lĩnh vực\nkhoa học và công nghệ) *trên", "THỦ TƯỚNG" / "CHÍNH PHỦ"
    plan = plancorpus.parse_text(
        "|\n**THỦ TƯỚNG\nCHÍNH PHỦ**\n--------\n|\n|\nSố: 2623/QĐ-TTg\n|\n*Hà Nội, ngày\n"
        "29 tháng 11 năm 2025*\n|\n\n**QUYẾT ĐỊNH**\n\nBAN HÀNH KẾ HOẠCH TRIỂN KHAI THI HÀNH LUẬT "
        "BẢO VỆ DỮ\nLIỆU CÁ NHÂN\n\n*Căn cứ Nghị định số 80/2021/NĐ-CP ngày 26/8/2021 của Chính "
        "phủ *(lĩnh vực\nkhoa học và công nghệ) *trên địa bàn;*\n"
    )
    assert plan.issuer is not None and plan.issuer.value == "Thủ tướng Chính phủ"
    assert (plan.place.value, plan.date.value) == ("Hà Nội", "2025-11-29")
    assert "*" not in plan.text
    cites = {c.key: c for c in plan.citations}
    assert cites["80/2021/NĐ-CP"].issuer == "Chính phủ"
    # a listed law's name in the title in capitals, keyed as listed
    assert "Luật Bảo vệ dữ liệu cá nhân" in cites
    # a place of four words broken before its date
    plan = plancorpus.parse_text(
        "|\n**ỦY BAN NHÂN DÂN\n**\nTHÀNH PHỐ HỒ CHÍ MINH\n|\nSố: 172/KH-UBND\n|\n"
        "*Thành phố Hồ Chí\nMinh, ngày 18 tháng 11 năm 2025*\n|\n\n**KẾ HOẠCH**\n\nViệc làm\n"
    )
    assert plan.place is not None and plan.place.value == "Thành phố Hồ Chí Minh"


def test_a_listed_law_name_ends_before_the_sentence_in_lower_case():
    # TP. Hồ Chí Minh KH 172/2025 (blind batch 7f)
    assert [
        k
        for k, _ in _keys(
            "triển khai thi hành Luật Việc làm bảo đảm kịp thời, đồng bộ, thống nhất;"
        )
    ] == ["Luật Việc làm"]


def test_a_label_alone_on_its_line_opens_its_section():
    # Quảng Ngãi QĐ 1627/2025 (blind batch 7f): "**1.\nMục đích: **…" broken by a converter
    plan = plancorpus.parse_text(
        "KẾ HOẠCH\nTổng kiểm kê\n\n**I. MỤC ĐÍCH, YÊU CẦU**\n\n**1.\nMục đích: **Xác định "
        "số lượng tài sản công.\n\n**2.\nYêu cầu**\n\na)\nXác định cụ thể các nội dung.\n\n"
        "**II. PHẠM VI**\n\n**1.\nPhạm vi kiểm kê**\n"
    )
    assert [p for p, _ in plan.outline()] == ["I", "I.1", "I.2", "I.2.a", "II", "II.1"]
    assert dict(plan.outline())["I.2"] == "Yêu cầu"


def test_after_a_listed_name_a_comma_list_or_one_word_may_still_be_the_name():
    # the real corpus (gold citations): "Pháp lệnh thực hành tiết kiệm, chống lãng phí, chống
    # tham nhũng" goes on the name's own list; "Luật Đầu tư chung" is one more word; TP. Hồ Chí
    # Minh KH 172/2025 (blind batch 7f): "Luật Ngân sách nhà nước, nguồn chi …" is the sentence
    assert [
        k for k, _ in _keys("theo Pháp lệnh thực hành tiết kiệm, chống lãng phí, chống tham nhũng;")
    ] == ["Pháp lệnh thực hành tiết kiệm, chống lãng phí, chống tham nhũng"]
    assert [k for k, _ in _keys("xây dựng Luật Đầu tư chung;")] == ["Luật Đầu tư chung"]
    assert [k for k, _ in _keys("theo Luật Ngân sách nhà nước, nguồn chi tổ chức;")] == [
        "Luật Ngân sách nhà nước"
    ]
    # Quyết định 844/QĐ-TTg (blind batch 5): the law as amended keeps its name
    assert [k for k, _ in _keys("thi hành Luật Bảo hiểm y tế sửa đổi;")] == ["Luật Bảo hiểm y tế"]


def test_a_committee_head_signs_in_the_role_with_the_office_held_under_it():
    # Ban Chỉ đạo quốc gia 1237, KH 252/2013 (blind batch 7c), the signature in a table cell
    plan = plancorpus.parse_text(
        "KẾ HOẠCH\nTìm kiếm\n\nI. MỤC ĐÍCH\n1. A.\n\n"
        "| Nơi nhận: - Thủ tướng; - Lưu: VT, THVX (VB). | TRƯỞNG BAN PHÓ THỦ TƯỚNG Nguyễn Thiện "
        "Nhân |\n"
    )
    assert [(s.title, s.note, s.name) for s in plan.signers] == [
        ("TRƯỞNG BAN", "PHÓ THỦ TƯỚNG", "Nguyễn Thiện Nhân")
    ]
    assert ["VT", "THVX"] in [r.parts for r in plan.recipients]


def test_an_amending_law_name_ends_after_the_listed_laws_it_amends():
    # Lai Châu KH 7360/2025 (blind batch 8a): the name stops after the law it amends, in
    # sentence case and in the title in capitals
    text = "nhiệm vụ theo Luật sửa đổi, bổ sung một số điều của Luật Tiêu chuẩn và quy chuẩn kỹ\n"
    assert [k for k, _ in _keys(text + "thuật về Sở Khoa học và Công nghệ;")] == [
        "Luật sửa đổi, bổ sung một số điều của Luật Tiêu chuẩn và quy chuẩn kỹ thuật"
    ]
    plan = plancorpus.parse_text(
        "KẾ HOẠCH\nTRIỂN KHAI THI HÀNH LUẬT SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA LUẬT TIÊU CHUẨN VÀ "
        "QUY CHUẨN KỸ THUẬT TRÊN ĐỊA BÀN TỈNH LAI CHÂU\n\nI. MỤC ĐÍCH\n"
    )
    assert [c.key for c in plan.citations] == [
        "Luật sửa đổi, bổ sung một số điều của Luật Tiêu chuẩn và quy chuẩn kỹ thuật"
    ]
    # QĐ 773/QĐ-TTg (batch 7d): the amending ordinance's own code follows: the code is the key
    text = "và Pháp lệnh sửa đổi, bổ sung một số điều của Pháp lệnh Ưu đãi người có công với cách"
    assert [
        k for k, _ in _keys(text + " mạng số 04/2012/PL-UBTVQH13 ngày 16 tháng 7 năm 2012")
    ] == ["04/2012/PL-UBTVQH13"]


def test_copy_counts_after_a_recipient_and_initials_after_the_drafting_unit():
    # Cần Thơ KH 157/2025 and Nghệ An KH 987/2025 (blind batch 8a)
    plan = plancorpus.parse_text(
        "KẾ HOẠCH\nThi đua\n\nI. MỤC ĐÍCH\n1. A.\n\nNơi nhận:\n- CT, PCT UBND TP (1AE)\n"
        "- VPUBND TP (2C, 3C);\n- Lưu: VT, KGVX (TP,D).\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n"
        "Nguyễn Thực Hiện\n"
    )
    assert [r.name for r in plan.recipients][:2] == ["CT, PCT UBND TP", "VPUBND TP"]
    assert ["VT", "KGVX"] in [r.parts for r in plan.recipients]


def test_a_horizon_in_the_title_is_not_the_period():
    # Hà Nội KH 310/2025 (blind batch 8a): "… đến năm 2030" is where the subject aims
    plan = plancorpus.parse_text(
        "KẾ HOẠCH\nPHÁT TRIỂN HẠ TẦNG 5G, IOT TRONG CÁC KHU CÔNG NGHỆ CAO TRÊN ĐỊA BÀN THÀNH PHỐ "
        "HÀ NỘI ĐẾN NĂM 2030\n\nI. MỤC ĐÍCH, YÊU CẦU\n"
    )
    assert plan.period is None
    plan = plancorpus.parse_text(
        "KẾ HOẠCH\nPhát triển 5G giai đoạn 2026 - 2030, tầm nhìn đến năm 2045\n\nI. MỤC ĐÍCH\n"
    )
    assert plan.period is not None and (plan.period.start, plan.period.end) == ("2026", "2030")


def test_a_decimal_number_a_footnote_mark_and_a_conjunction_in_capitals():
    # TP. Hồ Chí Minh QĐ 2820/2025 and Đắk Lắk KH 0129/2025 (blind batch 8b)
    assert _keys(
        "Căn cứ Nghị quyết số\n66.2/2025/NQ-CP ngày 28 tháng 8 năm 2025 của Chính phủ"
    ) == [("66.2/2025/NQ-CP", "2025-08-28")]
    plan = plancorpus.parse_text(
        "KẾ HOẠCH\nTRIỂN KHAI QUYẾT ĐỊNH SỐ 06/QĐ-TTG NGÀY 02 THÁNG 01 NĂM 2025 CỦA THỦ TƯỚNG "
        "CHÍNH PHỦ VÀ QUYẾT ĐỊNH SỐ 10/QĐ-UBND\n\nI. MỤC ĐÍCH\n\nThực hiện Quyết định số "
        "02110/QĐ-UBND ngày 10/10/2025 của UBND tỉnh[1] về phòng, chống thiên tai.\n"
    )
    issuers = {c.key: c.issuer for c in plan.citations}
    assert issuers["06/QĐ-TTg"] == "THỦ TƯỚNG CHÍNH PHỦ"
    assert issuers["02110/QĐ-UBND"] == "UBND tỉnh"


def test_an_amending_law_that_names_many_laws_is_one_citation():
    # TP. Hồ Chí Minh QĐ 2820/2025 (blind batch 8b)
    text = (
        "Căn cứ Luật Đầu tư công số 58/2024/QH15 ngày 29 tháng 11 năm 2024, được sửa đổi, "
        "bổ sung tại Luật Sửa đổi,\nbổ sung một số điều của Luật Đấu thầu, Luật Đầu tư theo "
        "phương thức đối tác\ncông tư, Luật Hải quan, Luật Thuế giá trị gia tăng, Luật Thuế "
        "xuất khẩu, thuế\nnhập khẩu, Luật Đầu tư, Luật Đầu tư công, Luật Quản lý, sử dụng tài "
        "sản công;"
    )
    keys = [k for k, _ in _keys(text)]
    assert keys == [
        "58/2024/QH15",
        "Luật Sửa đổi, bổ sung một số điều của Luật Đấu thầu, Luật Đầu tư theo phương thức đối "
        "tác công tư, Luật Hải quan, Luật Thuế giá trị gia tăng, Luật Thuế xuất khẩu, thuế nhập "
        "khẩu, Luật Đầu tư, Luật Đầu tư công, Luật Quản lý, sử dụng tài sản công",
    ]
    assert [
        k for k, _ in _keys("Căn cứ Luật Đo đạc và bản\nđồ số 27/2018/QH14 ngày 14/6/2018;")
    ] == ["27/2018/QH14"]


def test_a_steering_committee_named_by_the_fields_it_steers():
    # Nghệ An KH 987/2025 (8a), Đồng Tháp KH 552/2025 (8b) and KH 597/2025 (7f): the fields
    # after "Ban Chỉ đạo" are its name, up to the subject or the verb
    rows = [
        (
            "Kế hoạch số 01-KH/BCĐ ngày 28/06/2025 của Ban Chỉ đạo\nphát triển khoa học, công "
            "nghệ, đổi mới sáng tạo, chuyển đổi số, cải cách hành\nchính và đề án 06 về Kế hoạch",
            "Ban Chỉ đạo phát triển khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số, cải "
            "cách hành chính và đề án 06",
        ),
        (
            "Thông báo số 30-TB/TGV ngày 13/6/2025 của Tổ giúp việc Ban chỉ đạo\nTrung ương về "
            "phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số\nthông báo kết luận",
            "Tổ giúp việc Ban chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng "
            "tạo và chuyển đổi số",
        ),
        (
            "Quyết định số 03-QĐ/BCĐ ngày 13/8/2025 của\nBan Chỉ đạo về phát triển khoa học, công "
            "nghệ, đổi mới sáng tạo và chuyển đổi số\ntỉnh ban hành Chương trình công tác",
            "Ban Chỉ đạo về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số tỉnh",
        ),
    ]
    for text, issuer in rows:
        assert [c.issuer for c in plancorpus.parse_text(text).citations][:1] == [issuer]


def test_batch_8c_classes():
    # Bắc Ninh KH 141/2025 (blind batch 8c): an item that opens with a number ("1. 100% …");
    # the Central Committee's code in the State's order ("27/NQ- TW")
    plan = plancorpus.parse_text(
        "KẾ HOẠCH\nXây dựng pháp luật\n\nII. MỤC TIÊU\nCHỦ YẾU\n\n1. 100% đội ngũ cán bộ, công\n"
        "chức có trình độ đại học Luật.\n\n2. 100% các Sở, ngành bố\ntrí công chức.\n\n"
        "III. NHIỆM VỤ\n\nThực hiện Nghị quyết số 27/NQ- TW ngày 09/11/2022 của Ban Chấp hành\n"
        "Trung ương đảng khóa XIII.\n"
    )
    assert [p for p, _ in plan.outline()] == ["II", "II.1", "II.2", "III"]
    [cite] = plan.citations
    assert (cite.key, cite.date.value if cite.date else None) == ("27-NQ/TW", "2022-11-09")
    assert "wrong_separator" in cite.defects
    assert plancorpus.parse_text("Giá 1.5 triệu đồng.\n").outline() == []  # no label glued
    # TP. Hồ Chí Minh KH 174/2025 (8c): a listed law, then a comma and a new item
    assert [
        k
        for k, _ in _keys(
            "theo Luật Phòng chống bạo lực gia đình, Bộ tiêu chí xây dựng gia đình hạnh phúc;"
        )
    ] == ["Luật Phòng chống bạo lực gia đình"]
    # Nghệ An KH 1026/2025 and TP. Hồ Chí Minh KH 174/2025 (8c): drafters in archive lines
    plan = plancorpus.parse_text(
        "KẾ HOẠCH\nBảo vệ\n\nI. MỤC ĐÍCH\n1. A.\n\nNơi nhận:\n- Như trên;\n"
        "- Lưu: VTUB, NC (TP, Vinh), (MT.Tấn).\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn Đệ\n"
    )
    assert ["VTUB", "NC"] in [r.parts for r in plan.recipients]


def test_an_amending_law_that_numbers_each_law_it_amends_is_one_citation():
    # TP. Hồ Chí Minh QĐ 2820/2025 (blind batch 8b): the codes inside name the amended laws
    text = (
        "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Đất đai số 31/2024/QH15, Luật Nhà ở\n"
        "số 27/2023/QH15, Luật Kinh doanh bất động sản số 29/2023/QH15 và Luật Các tổ chức tín "
        "dụng số 32/2024/QH15 ngày 29 tháng 6 năm 2024;"
    )
    assert [k for k, _ in _keys(text)] == [
        "Luật sửa đổi, bổ sung một số điều của Luật Đất đai số 31/2024/QH15, Luật Nhà ở số "
        "27/2023/QH15, Luật Kinh doanh bất động sản số 29/2023/QH15 và Luật Các tổ chức tín dụng "
        "số 32/2024/QH15"
    ]
    # one law and one code: the code is the amending law's own (batch 8b's reading)
    text = (
        "tại Luật sửa đổi, bổ sung một số điều của\nLuật xây dựng số 62/2020/QH14 ngày 17/6/2020;"
    )
    assert [k for k, _ in _keys(text)] == ["62/2020/QH14"]
