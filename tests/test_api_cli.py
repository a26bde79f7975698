"""The public API and the command line, including bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import plancorpus
from conftest import SAMPLES
from plancorpus.cli import main

SAMPLE = SAMPLES / "kh_sgddt_doimoi_2024.txt"


def test_model_dump_and_schema_round_trip():
    plan = plancorpus.parse(SAMPLE)
    data = plan.model_dump(mode="json")
    assert data["schema_version"] == plancorpus.SCHEMA_VERSION
    again = plancorpus.Plan.model_validate(data)
    assert again == plan
    schema = plancorpus.Plan.model_json_schema()
    for name in (
        "status",
        "warnings",
        "doc_type",
        "number",
        "symbol",
        "issuer",
        "place",
        "date",
        "title",
        "campaigns",
        "period",
        "sections",
        "citations",
        "dates",
        "signers",
        "recipients",
        "text",
    ):
        assert name in schema["properties"], name
    assert set(schema["$defs"]) >= {
        "Section",
        "Citation",
        "Signer",
        "Recipient",
        "DateMention",
        "Span",
    }


def test_missing_and_unreadable_files_raise_naming_the_file(tmp_path: Path):
    with pytest.raises(FileNotFoundError) as err:
        plancorpus.parse(tmp_path / "nowhere.txt")
    assert "nowhere.txt" in str(err.value)
    with pytest.raises(IsADirectoryError) as err2:
        plancorpus.parse(tmp_path)
    assert str(tmp_path) in str(err2.value)


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\x00\x01\x02" * 50,
        b"hello world",
        "Nơi nhận:\n- \n".encode(),
        b"I.\nII.\n1.\n",
        b"\xff\xfe" + "Kế hoạch".encode("utf-16-le"),
    ],
)
def test_odd_content_never_raises(tmp_path: Path, content: bytes):
    path = tmp_path / "odd.txt"
    path.write_bytes(content)
    plan = plancorpus.parse(path)
    assert plan.status in ("ok", "partial", "failed")
    assert plan.status != "ok"
    assert plan.warnings


def test_empty_file_is_failed_with_a_reason(tmp_path: Path):
    path = tmp_path / "empty.txt"
    path.write_text("")
    plan = plancorpus.parse(path)
    assert plan.status == "failed" and plan.has_warning("no_text")


_ALPHABET = st.sampled_from(
    [
        *'aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯ áàảãạấầẩẫậ0123456789.,;:-–/()“”"*\t\n',
        "KẾ HOẠCH\n",
        "I. ",
        "1. ",
        "a) ",
        "- ",
        "Nơi nhận:",
        "KT. ",
        "GIÁM ĐỐC",
        "Số: ",
        "/KH-UBND",
        "ngày ",
        " tháng ",
        " năm 2023",
        "Trên đây là",
        "Căn cứ ",
        "Lưu: VT.",
    ]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_ALPHABET, max_size=120).map("".join))
def test_parse_text_never_raises_and_spans_stay_inside(text: str):
    plan = plancorpus.parse_text(text)
    assert plan.status in ("ok", "partial", "failed")
    assert not any(w.code == "stage_failed" for w in plan.warnings), plan.warnings
    n = len(plan.text)
    spans = (
        [s.span for s in plan.all_sections()]
        + [s.span for s in plan.signers]
        + [r.span for r in plan.recipients]
        + [d.span for d in plan.dates]
        + [c.span for c in plan.campaigns]
    )
    for span in spans:
        assert 0 <= span.start <= span.end <= n
        a, b = plan.source_span(span)
        assert 0 <= a <= b <= len(text)


def test_cli_summary(capsys):
    assert main(["parse", str(SAMPLE)]) == 0
    out = capsys.readouterr().out
    assert "[ok]" in out
    assert "Sở Giáo dục và Đào tạo tỉnh Lâm Đồng" in out
    assert "III. TỔ CHỨC THỰC HIỆN" in out
    assert "2.1. Văn phòng Sở" in out
    assert "signer     KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC / Trần Thị Mai Hương" in out
    assert "recipients 6" in out


def test_cli_json_lines(capsys):
    files = sorted(SAMPLES.glob("*.txt"))
    assert main(["parse", "--json", *map(str, files)]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(rows) == len(files)
    assert all(plancorpus.Plan.model_validate(r).source.endswith(".txt") for r in rows)


def test_cli_parse_progress_bar_goes_to_stderr_and_loses_nothing(capsys, tmp_path: Path):
    files = sorted(SAMPLES.glob("*.txt"))
    code = main(["parse", "--json", "--progress", *map(str, files), str(tmp_path / "gone.txt")])
    captured = capsys.readouterr()
    assert code == 1 and "gone.txt" in captured.err
    rows = [json.loads(line) for line in captured.out.splitlines()]
    assert [Path(r["source"]).name for r in rows] == [f.name for f in files]


def test_cli_folder_and_missing_file(capsys, tmp_path: Path):
    code = main(["parse", "--json", "--compact", str(SAMPLES), str(tmp_path / "gone.txt")])
    captured = capsys.readouterr()
    assert code == 1
    assert "gone.txt" in captured.err
    rows = [json.loads(line) for line in captured.out.splitlines()]
    assert len(rows) == len(list(SAMPLES.glob("*.txt")))
    assert "text" not in rows[0]


def test_cli_stops_quietly_when_the_reader_goes_away():
    """`plancorpus parse … | head -1`: no traceback when the pipe closes."""
    import subprocess
    import sys

    proc = subprocess.Popen(
        [sys.executable, "-c", "import sys; from plancorpus.cli import main; sys.exit(main())",
         "parse", *[str(SAMPLES)] * 40],  # more output than a pipe holds
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )  # fmt: skip
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 0
    assert b"[ok]" in first
    assert "Traceback" not in err


# --- the face: verbs, types, deprecated names -----------------------------------------------


def test_all_lists_the_verbs_and_types_only():
    verbs = {"parse", "parse_text", "extract_citations", "load", "check", "render"}
    exported = set(plancorpus.__all__)
    assert verbs <= exported
    assert {"Plan", "Section", "Citation", "Finding", "Span"} <= exported
    assert not {"parse_bytes", "check_citations", "run", "STAGES", "read_file"} & exported
    for name in exported:  # everything advertised is there
        assert getattr(plancorpus, name) is not None


def test_parse_takes_a_path_or_its_bytes():
    path = SAMPLE
    from_path = plancorpus.parse(path)
    from_bytes = plancorpus.parse(path.read_bytes())
    assert from_bytes.source == "<bytes>" and from_path.source == str(path)
    assert from_bytes.outline() == from_path.outline()
    assert from_bytes.issuer == from_path.issuer and from_bytes.citations == from_path.citations


def test_old_names_still_work_with_a_deprecation_warning():
    data = SAMPLE.read_bytes()
    with pytest.warns(DeprecationWarning, match="parse_bytes"):
        old = plancorpus.parse_bytes(data, source="x")
    assert old.source == "x" and old.outline() == plancorpus.parse(data).outline()
    plan = plancorpus.parse(SAMPLE)
    with pytest.warns(DeprecationWarning, match="check_citations"):
        findings = plancorpus.check_citations(plan)
    assert findings == plancorpus.check(plan)


def test_reading_is_the_first_stage():
    names = [name for name, _ in plancorpus.STAGES]
    assert names[:3] == ["read", "clean", "layout"]


def test_render_text_and_json():
    plan = plancorpus.parse(SAMPLE)
    text = plancorpus.render(plan)
    assert text.startswith(str(SAMPLE)) and "preamble" in text and "sections" in text
    seed = plancorpus.parse_text(
        "KẾ HOẠCH\nThực hiện Chỉ thị số 05-CT/TW ngày 23/6/2021 của Ban Bí thư\n"
    )
    assert "  carries out 05-CT/TW" in plancorpus.render(
        seed
    ) and "1 implements" in plancorpus.render(seed)
    again = plancorpus.Plan.model_validate_json(plancorpus.render(plan, "json"))
    assert again == plan
    with pytest.raises(ValueError, match="cannot render"):
        plancorpus.render(plan.sections[0])  # text is for a whole plan


# --- diff and check on the command line -------------------------------------------------------


def test_cli_diff_text_json_markdown_html(capsys, tmp_path: Path):
    from conftest import SEEDS, corpus_file

    a, b = corpus_file(SEEDS, "003"), corpus_file(SEEDS, "000")
    assert main(["diff", str(a), str(b)]) == 0
    text = capsys.readouterr().out
    assert "1 added" in text and "2022" in text and "2023" in text
    assert main(["diff", "--json", str(a), str(b)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (
        data["summary"]["added"] == 1 and data["schema_version"] == plancorpus.DIFF_SCHEMA_VERSION
    )
    assert main(["diff", "--md", str(a), str(b)]) == 0
    assert "~~" in capsys.readouterr().out
    out = tmp_path / "report.html"
    assert main(["diff", "--html", str(out), str(a), str(b)]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "lĩnh vực xây dựng nông thôn mới" in page


def test_cli_diff_missing_file(capsys, tmp_path: Path):
    assert main(["diff", str(SAMPLE), str(tmp_path / "nope.txt")]) == 1
    assert "nope.txt" in capsys.readouterr().err


def test_cli_check_lists_findings_with_their_section(capsys):
    from conftest import SEEDS, corpus_file

    assert main(["check", str(corpus_file(SEEDS, "000"))]) == 0
    out = capsys.readouterr().out
    assert "[repeated_word]" in out and "II.2" in out and "chung chung" in out
    assert main(["check", "--json", str(corpus_file(SEEDS, "003"))]) == 0
    kinds = [json.loads(line)["kind"] for line in capsys.readouterr().out.splitlines() if line]
    assert "impossible_date" in kinds
