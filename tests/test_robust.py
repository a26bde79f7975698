"""Odd and hostile text (issue 12): parse never raises, what it gives serialises and reads back,
every span is inside the text, and the cost stays linear. The fuzz harness over files is a
separate job; these are the properties for text and the regressions found so far."""

from __future__ import annotations

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import plancorpus
from plancorpus.model.plan import Plan, _spans

# letters, marks, digits and the punctuation that drives the patterns, plus line breaks and
# some whole words so that headers, labels and codes do occur
_PIECES = st.sampled_from(
    [
        "KẾ HOẠCH", "QUYẾT ĐỊNH", "Số: ", "12/KH-UBND", "05-CT/TW", "ngày 3 tháng 4 năm 2024",
        "Hà Nội, ", "I. ", "1. ", "a) ", "- ", "Điều 1. ", "Nơi nhận:", "KT. CHỦ TỊCH",
        "Nguyễn Văn A", "Căn cứ ", "của ", "UBND tỉnh", "“", "”", "\n", "\n\n", " ", "/", "-",
        ".", ",", ";", ":", "|", "số", "V/v ", "Phụ lục I", "SAO Y", "\ud800", "\x00", "\t",
    ]
)  # fmt: skip
_TEXT = st.lists(st.one_of(_PIECES, st.text(max_size=6)), max_size=60).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT)
def test_any_text_parses_serialises_and_reads_back(text: str):
    plan = plancorpus.parse_text(text)
    again = Plan.model_validate_json(plan.model_dump_json())
    assert again == plan
    assert plancorpus.parse_text(text) == plan  # same input, same output
    n = len(plan.text)
    for span in _spans(plan):
        assert 0 <= span.start <= span.end <= n


def test_a_lone_surrogate_is_replaced_and_said():
    plan = plancorpus.parse_text("KẾ HOẠCH\nTập huấn \ud800 cán bộ\n\nI. MỤC ĐÍCH\n")
    assert "\ufffd" in plan.text and "\ud800" not in plan.text
    assert any(w.code == "bad_characters" for w in plan.warnings)
    assert Plan.model_validate_json(plan.model_dump_json()) == plan


def _seconds(text: str) -> float:
    t0 = time.perf_counter()
    plancorpus.parse_text(text)
    return time.perf_counter() - t0


def test_thousands_of_blank_lines_cost_linear_time():
    # once quadratic: the issuer search ran a leading "\s+" from every blank line
    small = min(_seconds("\n" * 5_000 + "KẾ HOẠCH\nA\n") for _ in range(3))
    large = min(_seconds("\n" * 40_000 + "KẾ HOẠCH\nA\n") for _ in range(3))
    assert large < 8 * small * 3 + 0.5  # 8× the input: far from the 64× of a quadratic cost


def test_the_first_parse_of_a_process_is_the_same_as_the_next():
    # patterns compiled on first use replace themselves in their module: code that compared
    # a pattern by identity read the first document of a process differently from the rest
    import subprocess
    import sys
    from pathlib import Path

    sample = Path(__file__).resolve().parents[1] / "data" / "samples" / "kh_ubnd_xa_vanhoa_2023.txt"
    code = (
        "import sys, plancorpus\n"
        "a = plancorpus.parse(sys.argv[1]).model_dump_json()\n"
        "b = plancorpus.parse(sys.argv[1]).model_dump_json()\n"
        "print(a == b, plancorpus.parse(sys.argv[1]).implements)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(sample)], capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == ["True", "['112/KH-UBND']"]
