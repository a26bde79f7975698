"""Hostile files (issue 12): one named regression per class the fuzz harness found, the user's
limits, and a short seeded fuzz run. The inputs are built by benchmarks/fuzz.py, whose full
run (10,000 cases and more) is recorded in benchmarks/RESULTS.md."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

import plancorpus
from conftest import ROOT, SAMPLES
from plancorpus import Limits
from plancorpus.corpus.load import _work
from plancorpus.model.plan import Plan
from plancorpus.text.numerals import roman
from render import locked_pdf

sys.path.insert(0, str(ROOT / "benchmarks"))
import fuzz

MB = 2**20
SAMPLE = (SAMPLES / "kh_duk_hoctap_2025.txt").read_text(encoding="utf-8")


def _parsed(data: bytes, **kw: object) -> Plan:
    plan = plancorpus.parse(data, ocr=False, **kw)  # type: ignore[arg-type]
    assert Plan.model_validate_json(plan.model_dump_json()) == plan
    return plan


def _seconds(fn: object, *args: object) -> float:
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        fn(*args)  # type: ignore[operator]
        best = min(best, time.perf_counter() - t0)
    return best


# --- DOCX --------------------------------------------------------------------------------------


def test_docx_numbering_values_that_are_not_numbers_are_ignored():
    plan = _parsed(fuzz.docx_numbering_not_a_number())
    assert plan.status == "partial" and plan.doc_type and plan.doc_type.value == "Kế hoạch"
    assert plan.number and plan.number.value == "12"


def test_docx_numbering_values_out_of_range_are_ignored():
    plan = _parsed(fuzz.docx_numbering_out_of_range())
    assert plan.doc_type and plan.doc_type.value == "Kế hoạch"
    assert "MỤC ĐÍCH" in plan.text


def test_docx_list_starting_at_two_billion_is_written_in_digits_at_once():
    t0 = time.perf_counter()
    plan = _parsed(fuzz.docx_huge_list_start())
    assert time.perf_counter() - t0 < 5  # once: two million "M"s, one concatenation each
    assert plan.doc_type and "MỤC ĐÍCH" in plan.text
    assert roman(14) == "XIV" and roman(2_000_000_000) == "2000000000"


def test_docx_style_with_a_junk_list_level_is_read():
    plan = _parsed(fuzz.docx_style_numbering_junk())
    assert plan.doc_type and "MỤC ĐÍCH" in plan.text


def test_docx_tables_nested_past_the_recursion_limit_are_read_flat():
    plan = _parsed(fuzz.docx_deep_nesting(5000))
    assert "Tập huấn cán bộ" in plan.text and plan.has_warning("deep_nesting")
    assert plan.doc_type and plan.doc_type.value == "Kế hoạch"


def test_docx_with_a_corrupt_zip_member_is_damaged_with_a_reason():
    plan = _parsed(fuzz.docx_corrupt_member())
    assert plan.status == "failed" and plan.has_warning("damaged_docx")
    message = next(w.message for w in plan.warnings if w.code == "damaged_docx")
    assert "cannot be read" in message and len(message) > 30


def test_docx_zip_bomb_is_refused_before_it_is_inflated():
    bomb = fuzz.docx_zip_bomb(64 * MB)  # the fuzz run uses a gigabyte
    assert len(bomb) < MB
    plan = _parsed(bomb, limits=Limits(max_unpacked=16 * MB))
    assert plan.status == "failed" and plan.has_warning("over_limit")
    message = next(w.message for w in plan.warnings if w.code == "over_limit")
    assert "Limits.max_unpacked" in message and "16.0 MB" in message


# --- PDF ---------------------------------------------------------------------------------------


def test_pdf_page_that_will_not_load_is_skipped_and_named():
    plan = _parsed(fuzz.pdf_broken_page())
    assert plan.has_warning("damaged_page")
    assert any("page 2" in w.message for w in plan.warnings if w.code == "damaged_page")


def test_pdf_over_the_page_limit_is_refused():
    plan = _parsed(fuzz.pdf_pages(50), limits=Limits(max_pages=20))
    assert plan.status == "failed" and plan.has_warning("over_limit")
    assert any("50 pages" in w.message for w in plan.warnings)


def test_pdf_claiming_a_billion_pages_is_read_as_what_it_holds():
    plan = _parsed(fuzz.pdf_lying_page_count())
    assert plan.status == "failed" and not plan.has_warning("stage_failed")


def test_pdf_after_more_junk_than_the_old_sniff_window_is_a_pdf():
    plan = _parsed(fuzz.pdf_junk_past_the_sniff())
    assert plan.input.format == "pdf" and plan.has_warning("junk_before_pdf")


def test_pdfplumber_errors_are_damage_with_a_reason(tmp_path: Path):
    plan = plancorpus.parse(locked_pdf(tmp_path / "locked.pdf"), backend="pdfplumber")
    assert plan.status == "failed" and plan.has_warning("encrypted")
    assert all(w.message for w in plan.warnings)
    broken = _parsed(fuzz.pdf_broken_page(), backend="pdfplumber")
    assert broken.status == "failed" and all(w.message for w in broken.warnings)


# --- .doc, RTF, binary, special files ------------------------------------------------------------


def test_doc_piece_table_with_a_negative_length_does_not_hang():
    t0 = time.perf_counter()
    plan = _parsed(fuzz.doc_stuck_piece_table())
    assert time.perf_counter() - t0 < 5
    assert plan.status == "failed" and plan.has_warning("unreadable_doc")


def test_rtf_saved_as_doc_is_read_as_rtf():
    plan = _parsed(fuzz.rtf_named_doc())
    assert plan.input.format == "rtf"
    assert plan.doc_type and plan.doc_type.value == "Kế hoạch"
    assert plan.number and plan.number.value == "12" and "Tập huấn cán bộ" in plan.text


def test_binary_data_named_txt_is_unsupported_with_a_reason():
    plan = _parsed(fuzz.binary_named_text())
    assert plan.status == "failed" and plan.has_warning("binary")
    assert plan.text == ""


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_or_a_link_to_dev_zero_is_refused_not_read(tmp_path: Path):
    fifo = tmp_path / "plan.txt"
    os.mkfifo(fifo)
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    for path in (fifo, link):
        with pytest.raises(OSError, match="Not a regular file") as caught:
            plancorpus.parse(path)
        assert caught.value.filename == str(path)


# --- text: size, time, super-linear passes ---------------------------------------------------


def test_text_over_the_size_limits_is_refused_with_the_limit_named(tmp_path: Path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * (3 * MB))
    plan = plancorpus.parse(big, limits=Limits(max_bytes=2 * MB))
    assert plan.status == "failed" and "Limits.max_bytes" in plan.warnings[0].message
    plan = plancorpus.parse_text("Tập huấn. " * 20_000, limits=Limits(max_chars=100_000))
    assert plan.status == "failed" and plan.has_warning("over_limit")
    assert plancorpus.parse_text("Tập huấn. " * 20_000).status != "failed"  # default limits


def test_the_time_limit_stops_between_stages_and_says_so():
    plan = plancorpus.parse_text(SAMPLE, limits=Limits(max_seconds=0))
    assert plan.status == "partial" and plan.has_warning("time_limit")
    message = next(w.message for w in plan.warnings if w.code == "time_limit")
    assert "stopped after stage 'clean'" in message and "Limits.max_seconds" in message
    assert plan.text  # what was read is kept


def test_thousands_of_citations_cost_linear_time():
    # once quadratic: the overlap check compared each citation with all kept so far, short
    # forms compiled an alternation of every number, and "của" was looked for to the text's end
    small = _seconds(plancorpus.parse_text, fuzz.many_citations(500).decode())
    large = _seconds(plancorpus.parse_text, fuzz.many_citations(4000).decode())
    assert large < 8 * small * 2.5 + 0.2  # 8× the citations; quadratic would be 64×
    plan = plancorpus.parse_text(fuzz.many_citations(4000).decode())
    assert len(plan.citations) == 4000 and plan.citations[-1].key == "3999/QĐ-UBND"


def test_doubled_line_repair_is_linear_and_keeps_the_text():
    # once: a line count from the start per edit, and one recursion level per segment, which
    # ran out on a long line and lost the whole text
    line = "Tập huấn cán bộ."  # printed twice and glued, 12,500 times over, on one line
    plan = plancorpus.parse_text("KẾ HOẠCH\n" + line * 25_000 + "\n")
    assert plan.has_warning("doubled_text") and not plan.has_warning("stage_failed")
    assert plan.text.count("Tập huấn cán bộ") == 12_500
    small = _seconds(plancorpus.parse_text, fuzz.doubled_lines(100, 1000).decode())
    large = _seconds(plancorpus.parse_text, fuzz.doubled_lines(800, 1000).decode())
    assert large < 8 * small * 2.5 + 0.2


def test_a_long_run_of_blanks_inside_a_line_costs_linear_time():
    # found by the 10,000-case fuzz run: a mutated seed with 37 KB of repeated blanks took
    # 5 s in the trailing-space pass, which tried every position of the run
    small = _seconds(plancorpus.parse, fuzz.blank_run(20_000))
    large = _seconds(plancorpus.parse, fuzz.blank_run(160_000))
    assert large < 8 * small * 2.5 + 0.2
    assert "Tập huấn" in plancorpus.parse(fuzz.blank_run(1000)).text


@pytest.mark.parametrize("piece", ["XIV ", "12/", "số ", "“1”.", "1-", "Điều 1. ", "I.II.", "a) "])
def test_one_long_line_of_pattern_food_costs_linear_time(piece: str):
    # a megabyte of one of these once took 27 s ("XIV "): a body name cased word by word
    small = _seconds(plancorpus.parse_text, piece * (25_000 // len(piece)))
    large = _seconds(plancorpus.parse_text, piece * (200_000 // len(piece)))
    assert large < 8 * small * 2.5 + 0.3


def test_adversarial_megabyte_line_parses():
    plan = plancorpus.parse(fuzz.adversarial_line(MB))
    assert plan.status in ("partial", "failed") and not plan.has_warning("stage_failed")


# --- load survives every class --------------------------------------------------------------------


def test_load_survives_a_folder_of_hostile_files(tmp_path: Path):
    good = tmp_path / "good.txt"
    good.write_text(SAMPLE, encoding="utf-8")
    hostile = {
        "numbering.docx": fuzz.docx_numbering_not_a_number(),
        "nested.docx": fuzz.docx_deep_nesting(3000),
        "corrupt.docx": fuzz.docx_corrupt_member(),
        "bomb.docx": fuzz.docx_zip_bomb(32 * MB),
        "broken.pdf": fuzz.pdf_broken_page(),
        "stuck.doc": fuzz.doc_stuck_piece_table(),
        "rtf.doc": fuzz.rtf_named_doc(),
        "binary.txt": fuzz.binary_named_text(),
        "empty.txt": b"",
    }
    for name, data in hostile.items():
        (tmp_path / name).write_bytes(data)
    os.mkfifo(tmp_path / "fifo.txt")
    corpus = plancorpus.load([tmp_path], workers=2, limits=Limits(max_unpacked=8 * MB))
    assert corpus.files == len(hostile) + 2
    assert len(corpus.plans) + len(corpus.failures) == corpus.files
    assert [f.path for f in corpus.failures] == [str(tmp_path / "fifo.txt")]
    by_name = {Path(p.input.path or "").name: p for p in corpus.plans}
    assert by_name["good.txt"].status == "ok"
    assert by_name["bomb.docx"].has_warning("over_limit")


def test_a_worker_out_of_memory_is_a_failure_that_says_so(monkeypatch):
    def hungry(*args: object, **kw: object) -> Plan:
        raise MemoryError

    monkeypatch.setattr(sys.modules["plancorpus.corpus.load"], "parse", hungry)
    blob, reason, stage = _work("x.txt", "pdfium", None, Limits(max_memory_mb=512))
    assert blob is None and stage == "memory" and "512 MB" in (reason or "")


# --- the harness itself -------------------------------------------------------------------------


def test_short_fuzz_run_finds_no_defect():
    """A seeded run: every crafted case, then mutations of the real files, each in a worker
    with a memory and time limit. The full run is `python benchmarks/fuzz.py --cases 10000`."""
    names = [n for n in fuzz.crafted if n not in ("huge_text", "docx_zip_bomb")]
    crafted = [(i, fuzz.crafted_case(n)) for i, n in enumerate(names)]
    mutated = list(fuzz.cases(len(fuzz.crafted) + 120, 12, fuzz.seed_files()))[len(fuzz.crafted) :]
    harness = fuzz.Harness(workers=2, timeout=60, memory_mb=3072)
    try:
        report = harness.run(iter(crafted + mutated))
    finally:
        harness.close()
    assert len(report.outcomes) == len(crafted) + len(mutated)
    assert report.defects() == []
    kinds = report.counts()
    assert kinds["ok"] >= len(crafted) + len(mutated) - 2  # the FIFO and /dev/zero are refused


def test_the_patterns_timeout_is_the_backstop_inside_a_stage():
    # between stages the time is checked; inside one, the whole-text scans of citations and
    # dates carry the document's remaining time as the regex module's timeout
    from plancorpus.extract.citations import extract_citations
    from plancorpus.text.budget import deadline, remaining

    text = "Căn cứ Quyết định số 12/QĐ-UBND ngày 1/2/2024; " * 20_000
    assert remaining() is None
    with deadline(0.0), pytest.raises(TimeoutError):
        extract_citations(text)
    assert len(extract_citations(text[:2000])) > 10  # no deadline outside a parse


def test_a_plan_cut_short_by_a_limit_is_not_cached(tmp_path: Path):
    # a rerun with other limits must read the file again, not the refusal
    (tmp_path / "plan.txt").write_text(SAMPLE, encoding="utf-8")
    cache = tmp_path / "cache.sqlite"
    small = Limits(max_bytes=100)
    first = plancorpus.load([tmp_path / "plan.txt"], cache=cache, limits=small, engine="inline")
    assert first.plans[0].has_warning("over_limit")
    again = plancorpus.load([tmp_path / "plan.txt"], cache=cache, engine="inline")
    assert again.cached == 0 and again.plans[0].status == "ok"
    third = plancorpus.load([tmp_path / "plan.txt"], cache=cache, engine="inline")
    assert third.cached == 1  # a whole plan is cached
