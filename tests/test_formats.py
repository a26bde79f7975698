"""Every format a province keeps: PDF (text layer, scans), DOCX, Word 97 .doc, HTML, legacy
encodings. Expectations for the real files were read from the documents."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

import plancorpus
from conftest import REAL, ROOT, SAMPLES, corpus_file, parsed
from plancorpus.compare.evaluate import score_text
from plancorpus.read import ocr, read_file
from plancorpus.read.legacy import _tables
from render import locked_pdf, to_docx, to_pdf


def fields(p: plancorpus.Plan) -> dict[str, object]:
    """What a user reads off a plan, whatever the format (spans and pages aside)."""
    return {
        "status": p.status,
        "doc_type": p.doc_type and p.doc_type.value,
        "number": p.number and p.number.value,
        "symbol": p.symbol and p.symbol.value,
        "issuer": p.issuer and p.issuer.value,
        "place": p.place and p.place.value,
        "date": p.date and p.date.value,
        "title": p.title and p.title.value,
        "campaigns": [c.name for c in p.campaigns],
        "period": p.period and (p.period.start, p.period.end),
        "outline": p.outline(),
        "citations": [(c.key, c.date and c.date.value, c.issuer) for c in p.citations],
        "signers": [(s.authority, s.on_behalf_of, s.title, s.name, s.note) for s in p.signers],
        "recipients": [r.raw for r in p.recipients],
    }


SAMPLE_FILES = sorted(SAMPLES.glob("*.txt"))


# --- parity: the same plan from text, PDF and DOCX ----------------------------------------------


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda p: p.stem)
def test_pdf_gives_the_same_plan_as_text(sample: Path, tmp_path: Path):
    text = sample.read_text(encoding="utf-8")
    pdf = plancorpus.parse(to_pdf(text, tmp_path / "plan.pdf"))
    assert pdf.input.format == "pdf" and pdf.input.backend == "pdfium"
    assert fields(pdf) == fields(plancorpus.parse(sample))


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda p: p.stem)
def test_docx_gives_the_same_plan_as_text(sample: Path, tmp_path: Path):
    text = sample.read_text(encoding="utf-8")
    docx = plancorpus.parse(to_docx(text, tmp_path / "plan.docx"))
    assert docx.input.format == "docx"
    assert fields(docx) == fields(plancorpus.parse(sample))


def test_pdfplumber_backend_gives_the_same_plan(tmp_path: Path):
    sample = SAMPLES / "kh_sgddt_doimoi_2024.txt"
    path = to_pdf(sample.read_text(encoding="utf-8"), tmp_path / "plan.pdf")
    plumber = plancorpus.parse(path, backend="pdfplumber")
    assert plumber.input.backend == "pdfplumber"
    assert fields(plumber) == fields(plancorpus.parse(sample))


def test_pdf_columns_fake_bold_furniture_and_pages(tmp_path: Path):
    sample = SAMPLES / "kh_sgddt_doimoi_2024.txt"
    path = to_pdf(sample.read_text(encoding="utf-8"), tmp_path / "plan.pdf")
    for backend in ("pdfium", "pdfplumber"):
        plan = plancorpus.parse(path, backend=backend)
        assert plan.input.pages == 2
        # the fake-bold title yields each character once
        assert "KẾ HOẠCH" in plan.text and "KKẾẾ" not in plan.text
        # two columns drawn row by row come out column by column
        assert "Nơi nhận:\n- UBND tỉnh (để báo cáo);" in plan.text
        assert "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC" in plan.text
        # page numbers and the running header are furniture, out of the text
        assert [(f.text, f.page, f.kind) for f in plan.furniture] == [
            ("1", 1, "page_number"),
            ("Kế hoạch mẫu", 2, "running_header"),
            ("2", 2, "page_number"),
        ]
        assert "Kế hoạch mẫu" not in plan.text
        # every span has a page
        spans = [s.span for s in plan.all_sections()] + [c.span for c in plan.citations]
        spans += [s.span for s in plan.signers] + [r.span for r in plan.recipients]
        assert spans and all(s.page in (1, 2) for s in spans)
        assert plan.sections[0].span.page == 1 and plan.signers[0].span.page == 2


def test_hyphen_at_line_end_is_kept(tmp_path: Path):
    text = (
        "KẾ HOẠCH\nThử\n\nI. CĂN CỨ\nCăn cứ Nghị quyết số 22-\nNQ/TW ngày 10/4/2013 của Bộ "
        "Chính trị;\n"
    )
    plan = plancorpus.parse(to_pdf(text, tmp_path / "h.pdf", header=None))
    assert [c.key for c in plan.citations] == ["22-NQ/TW"]
    assert "code_broken_over_line" in plan.citations[0].defects


# --- odd PDFs -----------------------------------------------------------------------------------


def test_junk_before_pdf_header_encrypted_and_truncated(tmp_path: Path):

    good = to_pdf(
        (SAMPLES / "kh_duk_hoctap_2025.txt").read_text(encoding="utf-8"), tmp_path / "a.pdf"
    )
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"\x00\x01junk from an upload\r\n" + good.read_bytes())
    plan = plancorpus.parse(junk)
    assert plan.status == "ok" and plan.has_warning("junk_before_pdf")

    plan = plancorpus.parse(locked_pdf(tmp_path / "locked.pdf"))
    assert plan.status == "failed" and plan.has_warning("encrypted")

    cut = tmp_path / "cut.pdf"
    cut.write_bytes(good.read_bytes()[: len(good.read_bytes()) // 2])
    plan = plancorpus.parse(cut)
    assert plan.status == "failed" and plan.has_warning("damaged_pdf")


def test_html_saved_as_doc(tmp_path: Path):
    html = (
        "<html><head><meta charset='utf-8'></head><body>"
        "<table><tr><td>UBND TỈNH THỬ</td><td>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</td></tr>"
        "<tr><td>Số: 5/KH-UBND</td><td>Thử, ngày 02 tháng 3 năm 2024</td></tr></table>"
        "<p>KẾ HOẠCH</p><p>Tổ chức thử nghiệm</p><p>I. MỤC ĐÍCH</p><p>Nội dung.</p>"
        "<table><tr><td>Nơi nhận:<br>- Lưu: VT.</td><td>CHỦ TỊCH<br><br>Nguyễn Văn An</td></tr>"
        "</table></body></html>"
    )
    path = tmp_path / "ke_hoach.doc"
    path.write_text(html, encoding="utf-8")
    plan = plancorpus.parse(path)
    assert plan.input.format == "html"
    assert (plan.number.value, plan.symbol.value, plan.date.value) == ("5", "KH-UBND", "2024-03-02")
    assert [(s.title, s.name) for s in plan.signers] == [("CHỦ TỊCH", "Nguyễn Văn An")]
    assert [r.raw for r in plan.recipients] == ["Lưu: VT"]


# --- real PDFs with a text layer ----------------------------------------------------------------


def test_cv1445_stamped_number_and_day():
    p = parsed(corpus_file(REAL, "qb_cv1445"))
    assert p.status == "ok" and p.input.pages == 2
    # the number and the day are stamped by the e-office system (annotations)
    assert (p.number.value, p.symbol.value) == ("1445", "SLĐTBXH-LĐVLDN")
    assert p.date.value == "2022-10-03"
    assert p.doc_type.value == "Công văn" and p.has_warning("doc_type_inferred")
    assert p.issuer.value == "Sở Lao động – Thương binh và Xã hội tỉnh Quảng Bình"
    assert [(s.authority, s.on_behalf_of, s.title, s.name) for s in p.signers] == [
        ("KT.", "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Đinh Thị Ngọc Lan")
    ]
    assert [r.raw for r in p.recipients] == [
        "Như trên",
        "UBND Tỉnh (Báo cáo)",
        "Phòng LĐTBXH các huyện, TX, TP",
        "Lưu: VT, LĐVLDN",
    ]
    assert ("884/KH-UBND", "2022-05-24") in [(c.key, c.date and c.date.value) for c in p.citations]


def test_hg_report_wrapped_recipient_and_page_numbers():
    p = parsed(corpus_file(REAL, "hg_bc_stc"))
    assert (p.doc_type.value, p.number.value, p.symbol.value) == ("Báo cáo", None, "BC-STC")
    assert p.issuer.value == "Sở Tài chính tỉnh Hậu Giang"
    assert (p.place.value, p.date.value) == ("Hậu Giang", "2024")  # "ngày tháng năm 2024"
    assert [(s.title, s.name, s.span.page) for s in p.signers] == [
        ("PHÓ GIÁM ĐỐC", "Nguyễn Thị Kim Loan", 6)
    ]
    assert "Các Sở: CT, LĐTBXH, TNMT, XD, TTTT, NN&PTNT, GTVT" in [r.raw for r in p.recipients]
    assert [(f.text, f.page) for f in p.furniture] == [(str(n), n) for n in range(2, 7)]
    # the report cites the decision twice and, by name and date, the Law on Prices
    assert [c.key for c in p.citations] == ["22/2024/QĐ-UBND", "Luật giá", "22/2024/QĐ-UBND"]


def test_party_guide_hd06():
    p = parsed(corpus_file(REAL, "dang_hd06"))
    assert p.input.pages == 33
    assert (p.doc_type.value, p.number.value, p.symbol.value) == ("Hướng dẫn", "06", "HD/TW")
    assert p.issuer.value == "Ban Chấp hành Trung ương"
    assert (p.place.value, p.date.value) == ("Hà Nội", "2025-06-09")
    s = p.signers[0]
    assert (s.authority, s.on_behalf_of, s.name, s.span.page) == (
        "T/M",
        "BAN BÍ THƯ",
        "Trần Cẩm Tú",
        32,
    )
    # the recipients, run together on one line by the PDF, are four items
    assert [r.raw for r in p.recipients] == [
        "Các tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương",
        "Các ban, cơ quan, đơn vị của Đảng ở Trung ương",
        "Các đồng chí Ủy viên Ban Chấp hành Trung ương Đảng",
        "Lưu Văn phòng Trung ương Đảng",
    ]
    cited = {(c.key, c.date and c.date.value, c.span.page) for c in p.citations}
    assert ("294-QĐ/TW", "2025-05-26", 1) in cited
    assert ("01-HD/TW", "2021-09-28", 32) in cited


def test_party_guide_hanoi_and_regulation_294():
    p = parsed(corpus_file(REAL, "dang_hd_btctu"))
    assert (p.number.value, p.symbol.value) == (None, "HD/BTCTU")
    assert p.issuer.value == "Ban Tổ chức Thành uỷ Hà Nội"
    assert p.date.value == "2025-08"
    assert [(s.authority, s.on_behalf_of, s.title, s.name) for s in p.signers] == [
        ("K/T", "TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Triệu Thị Ngọc")
    ]
    assert len(p.recipients) == 6 and p.recipients[-1].archive
    keys = [c.key for c in p.citations if c.form == "party"]
    assert keys == ["12-HD/BTCTW", "06-HD/TW", "08-HD/BTCTU"]
    q = parsed(corpus_file(REAL, "dang_qd294"))
    assert (q.doc_type.value, q.number.value, q.date.value) == ("Quy định", "294", "2025-05-26")
    assert [(s.authority, s.title, s.name) for s in q.signers] == [("T/M", "TỔNG BÍ THƯ", "Tô Lâm")]


def test_tcvn3_text_layer():
    p = parsed(corpus_file(REAL, "mpi_bc_kehoach2005_tcvn3.pdf"))
    assert p.input.legacy_encoding == "tcvn3" and p.has_warning("legacy_encoding_converted")
    assert p.doc_type.value == "Báo cáo"
    assert p.title.value.startswith("Tình hình thực hiện nhiệm vụ kế hoạch năm 2004")
    assert [s.label for s in p.sections if s.kind == "part"] == ["Phần thứ nhất", "Phần thứ hai"]
    # a sentence running on over the break from page 8 to 9 is not cut by a blank line
    at = p.text.index("Nghị quyết của Hội nghị Ban chấp hành\nTrung ương Đảng lần thứ 9")
    assert (p.page_of(at), p.page_of(at + 45)) == (8, 9)
    truth = corpus_file(REAL, "mpi_bc_kehoach2005_tcvn3.truth").read_text(encoding="utf-8")
    score = score_text(
        read_file(corpus_file(REAL, "mpi_bc_kehoach2005_tcvn3.pdf")).text.text, truth
    )
    assert score.diacritic_accuracy >= 0.99 and score.char_accuracy >= 0.98


# --- scans ------------------------------------------------------------------------------------


SCANS = ["qb_kh672", "qb_qd2871_ubnd_2022_signed", "qb_ttr2753", "qb_bb02", "pt_cv275", "pt_cv4532"]


@pytest.mark.parametrize("name", SCANS)
def test_scan_without_ocr_is_failed_with_a_reason(name: str):
    plan = plancorpus.parse(corpus_file(REAL, name), ocr=False)
    assert plan.status == "failed"
    assert plan.has_warning("scanned")
    assert "scanned: needs OCR" in next(w.message for w in plan.warnings if w.code == "scanned")
    assert plan.sections == [] and plan.signers == []


def test_e_signature_stamps_are_signing_metadata():
    p = plancorpus.parse(corpus_file(REAL, "qb_kh672"), ocr=False)
    assert p.has_warning("junk_before_pdf")
    assert [(s.organization, s.signed_at, s.page) for s in p.signing] == [
        ("UBND tỉnh Quảng Bình", "2024-04-17T10:39:42", 1)
    ]
    assert "Giờ ký" not in p.text
    q = plancorpus.parse(corpus_file(REAL, "qb_qd2871_ubnd_2022_signed"), ocr=False)
    assert [(s.organization, s.signed_at) for s in q.signing] == [
        ("UBND tỉnh Quảng Bình", "2022-10-24T15:17:35")
    ]


@pytest.mark.skipif(not ocr.available(), reason="Tesseract with Vietnamese is not installed")
def test_ocr_of_a_real_scan():
    p = plancorpus.parse(corpus_file(REAL, "qb_qd2871_ubnd_2022_signed"))
    assert p.input.ocr and p.has_warning("ocr")
    assert p.doc_type.value == "Quyết định"
    assert p.title.value == "Về việc tặng Bằng khen của Chủ tịch UBND tỉnh"
    assert [s.label for s in p.sections] == ["Điều 1", "Điều 2"]
    assert ("2753/TTr-STP", "2022-09-28") in [(c.key, c.date and c.date.value) for c in p.citations]
    page1 = p.text[: p.page_starts[1]] if len(p.page_starts) > 1 else p.text
    truth = (ROOT / "tests/data/ocr/qb_qd2871_signed_scan_page1.txt").read_text(encoding="utf-8")
    assert score_text(page1, truth).char_accuracy >= 0.94


# --- Word 97 .doc and DOCX ----------------------------------------------------------------------


def test_doc_plan_with_automatic_numbering():
    p = parsed(corpus_file(REAL, "pt_kh_stttt"))
    assert p.input.format == "doc" and p.status == "ok"
    assert (p.doc_type.value, p.number.value, p.symbol.value) == ("Kế hoạch", None, "KH-STTTT")
    assert (
        p.issuer.value == "Sở Thông tin và Truyển thông tỉnh Phú Thọ"
    )  # the typo is the document's
    assert p.date.value == "2011-12"
    # "1." of II is drawn by Word's list numbering, not typed: it is restored
    assert p.find_section("II.1").heading == "Cài đặt hệ thống phần mềm"
    assert [c.label for c in p.find_section("II.2").children if c.kind == "letter"] == [
        "a",
        "b",
        "c",
        "d",
        "đ",
    ]
    assert [c.label for c in p.find_section("III").children] == ["1", "2", "3", "4", "5"]
    assert [(s.title, s.name) for s in p.signers] == [("GIÁM ĐỐC", "Phan Quang Thao")]
    assert [r.raw for r in p.recipients][-1] == "Lưu: VT, P.CNTT"


def test_doc_directive_with_tab_interleaved_signature():
    p = parsed(corpus_file(REAL, "bd_ct09"))
    assert (p.doc_type.value, p.number.value, p.symbol.value) == ("Chỉ thị", "09", "2009/CT-UBND")
    assert (p.issuer.value, p.date.value) == ("Ủy ban nhân dân tỉnh Bình Dương", "2009-04-15")
    s = p.signers[0]
    assert [(c.authority, c.on_behalf_of) for c in s.chain] == [
        ("TM.", "UỶ BAN NHÂN DÂN"),
        ("KT.", "CHỦ TỊCH"),
    ]
    assert (s.title, s.note, s.name) == ("PHÓ CHỦ TỊCH", "(Đã ký)", "Nguyễn Văn Hiệp")
    assert len(p.recipients) == 12 and p.recipients[-1].raw == "Lưu VT"


def test_doc_decisions():
    p = parsed(corpus_file(REAL, "ct_qd09"))
    assert (p.number.value, p.symbol.value, p.date.value) == ("09", "2010/QĐ-UBND", "2010-01-21")
    assert [s.label for s in p.sections] == ["Điều 1", "Điều 2", "Điều 3"]
    assert [(s.authority, s.title, s.name) for s in p.signers] == [
        ("KT.", "PHÓ CHỦ TỊCH", "Trần Tuấn Anh")
    ]
    d = parsed(corpus_file(REAL, "qb_qd2871_ubnd_2022_draft"))
    assert (d.number.value, d.date.value) == (None, "2022-10")
    assert [s.label for s in d.sections] == ["Điều 1", "Điều 2"]
    assert [c.label for c in d.find_section("Điều 1").children] == ["1", "2", "3", "4", "5"]
    assert [(s.title, s.name) for s in d.signers] == [("CHỦ TỊCH", "Trần Thắng")]
    assert [r.raw for r in d.recipients] == ["Như Điều 2", "Sở Tài chính", "Lưu: VT, NCVX"]


def test_doc_school_letter():
    p = parsed(corpus_file(REAL, "hn_cv191"))
    assert (p.doc_type.value, p.number.value, p.symbol.value) == ("Công văn", "191", "CV-THDX")
    assert p.date.value == "2025-10-29"
    assert [(s.title, s.name) for s in p.signers] == [("HIỆU TRƯỞNG", "Đỗ Thị Kim Huế")]
    assert [(r.name, r.purpose, r.archive) for r in p.recipients] == [
        ("UBND xã", "để báo cáo", False),
        ("Phòng VH-XH xã", "để báo cáo", False),
        ("VT", None, True),
    ]
    assert [c.key for c in p.citations] == [
        "20/2023/TT-BGD",
        "6499/QĐ-UBND",
        "20/2023/TT-BGD",
        "6499/QĐ-UBND",
    ]


def test_doc_legacy_encodings():
    vni = parsed(corpus_file(REAL, "bp_qd991_ubnd_2008_vni.doc"))
    assert vni.input.legacy_encoding == "vni"
    assert vni.issuer.value == "Ủy ban nhân dân tỉnh Bình Phước"
    assert (vni.number.value, vni.date.value) == ("991", "2008-05-14")
    assert [(s.authority, s.title, s.name) for s in vni.signers] == [
        ("TM.", "CHỦ TỊCH", "Trương Tấn Thiệu")
    ]
    tcvn = parsed(corpus_file(REAL, "ct_qd256_ub_2004_tcvn3"))
    assert tcvn.input.legacy_encoding == "tcvn3"
    assert (tcvn.number.value, tcvn.symbol.value, tcvn.date.value) == (
        "256",
        "2004/QĐ-UB",
        "2004-07-01",
    )
    assert tcvn.issuer.value == "Ủy ban nhân dân thành phố Cần Thơ"
    assert [(s.authority, s.on_behalf_of, s.title, s.name) for s in tcvn.signers] == [
        ("TM.", "UBND THÀNH PHỐ CẦN THƠ", "CHỦ TỊCH", "Võ Thanh Tòng")
    ]
    assert {"Bộ Nội vụ", "TT.HĐND, UBND TP"} <= {r.raw for r in tcvn.recipients}
    # "ñy" (TCVN3 for "ủy") left alone in a Unicode line by a run without a legacy font
    assert "của ủy ban nhân dân thành phố Cần Thơ)" in tcvn.text and "ñ" not in tcvn.text
    truth = corpus_file(REAL, "bp_qd991_ubnd_2008_vni.truth").read_text(encoding="utf-8")
    score = score_text(read_file(corpus_file(REAL, "bp_qd991_ubnd_2008_vni.doc")).text.text, truth)
    assert score.diacritic_accuracy >= 0.99 and score.char_accuracy >= 0.98


def test_docx_guide_and_decree():
    p = parsed(corpus_file(REAL, "hy_hd_hdtdkt"))
    assert p.doc_type.value == "Hướng dẫn" and p.has_warning("draft")
    assert p.issuer.value == "Hội đồng Thi đua - Khen thưởng tỉnh Hưng Yên"
    s = p.signers[0]
    assert [(c.authority, c.on_behalf_of) for c in s.chain] == [
        ("TM.", "HỘI ĐỒNG TĐKT"),
        ("KT.", "CHỦ TỊCH"),
    ]
    assert (s.title, s.name) == ("PHÓ CHỦ TỊCH THỨ NHẤT", "Đặng Ngọc Quỳnh")
    assert [r.raw for r in p.recipients] == [
        "Ban TĐKT TW",
        "Chủ tịch, các Phó chủ tịch UBND tỉnh",
        "Các thành viên Hội đồng TĐKT tỉnh",
        "Các cơ quan, đơn vị, địa phương thuộc khối thi đua của tỉnh",
        "Lưu: Ban TĐKT",
    ]
    cited = {c.key: c for c in p.citations}
    assert "malformed_code" in cited["18/2020/QĐ-UBND"].defects  # "18/20202QĐ-UBND"
    d = parsed(corpus_file(REAL, "cp_nd30"))
    assert (d.doc_type.value, d.number.value, d.symbol.value) == ("Nghị định", "30", "2020/NĐ-CP")
    assert (d.issuer.value, d.date.value) == ("Chính phủ", "2020-03-05")
    assert [(s.authority, s.on_behalf_of, s.title, s.name) for s in d.signers] == [
        ("TM.", "CHÍNH PHỦ", "THỦ TƯỚNG", "Nguyễn Xuân Phúc")
    ]
    assert d.sections[0].label == "Chương I" and d.sections[0].children[0].label == "Điều 1"
    # pages as Word last laid them out: the file records 19 w:lastRenderedPageBreak marks
    assert d.input.pages == 20 and d.signers[0].span.page == 20
    assert d.sections[0].span.page == 1 and p.input.pages == 8  # the guide: 7 marks


def test_docx_page_marks():
    from plancorpus.read.docx import _PAGE_BREAK as BREAK
    from plancorpus.read.docx import _RENDERED_BREAK as RENDERED
    from plancorpus.read.docx import _pages

    # explicit breaks count when Word recorded no layout
    assert _pages(f"một\n{BREAK}hai\n{BREAK}ba") == ("một\nhai\nba", [0, 4, 8])
    # with a recorded layout the explicit breaks are ignored (Word marks both at a break)
    assert _pages(f"một{RENDERED}\n{BREAK}hai{RENDERED}ba") == ("một\nhaiba", [0, 3, 7])
    assert _pages("không có trang") == ("không có trang", [])


# --- the legacy tables against iconv -------------------------------------------------------------


@pytest.mark.skipif(shutil.which("iconv") is None, reason="iconv is not installed")
@pytest.mark.parametrize(("name", "iconv_name"), [("tcvn3", "TCVN5712-1"), ("viscii", "VISCII")])
def test_legacy_tables_match_iconv(name: str, iconv_name: str):
    table = _tables()[name]
    for byte in range(0xA0, 0x100):
        done = subprocess.run(
            ["iconv", "-f", iconv_name, "-t", "UTF-8"],
            input=bytes([byte]),
            capture_output=True,
            check=False,
        )
        if done.returncode == 0 and done.stdout.decode() != chr(byte):
            assert table[chr(byte)] == done.stdout.decode(), hex(byte)
