"""Citation roles, Plan.implements and the cascade (issue 13). Expectations are read from the
seeds and the documents quoted in data/roles.toml and data/levels.toml; the role accuracy on
documents not tuned on is measured by benchmarks/eval_roles.py, not here."""

from __future__ import annotations

import csv
import io
import subprocess
import sys

import pytest

import plancorpus
from conftest import SAMPLES, SEEDS, corpus_file, parsed
from plancorpus.data import levels, roles


@pytest.mark.parametrize("example", roles.examples(), ids=lambda e: f"{e.role}:{e.key}")
def test_every_role_cue_example_reads_as_its_role(example: roles.RoleExample):
    plan = plancorpus.parse_text(example.text)
    mentions = [c for c in plan.citations if c.key == example.key]
    assert mentions, f"{example.key} not cited in: {example.text}"
    c = mentions[-1]
    assert (c.role, c.described_by, c.relation) == (
        example.role, example.described_by, example.relation,
    )  # fmt: skip
    assert c.cue is not None or c.role == "mention"


@pytest.mark.parametrize("example", levels.examples(), ids=lambda e: e.get("name") or e["code"])
def test_every_level_example_is_placed(example: dict[str, str]):
    where = levels.place(example.get("name"), example.get("code"))
    assert (where.level, where.branch) == (example["level"], example["branch"])


def test_seed_004_rests_on_two_plans_and_says_what_the_first_carries_out():
    plan = parsed(corpus_file(SEEDS, "004_"))
    roles_by_key = {c.key: c for c in plan.citations}
    assert roles_by_key["92-KH/TU"].role == "basis" and roles_by_key["92-KH/TU"].cue == "Căn cứ"
    assert roles_by_key["2451/KH-UBND"].role == "basis"
    directive = roles_by_key["05-CT/TW"]
    assert (directive.role, directive.described_by, directive.relation) == (
        "mention", "92-KH/TU", "implements",
    )  # fmt: skip
    assert plan.implements is None  # its title carries out a campaign, not a document


@pytest.mark.parametrize(
    ("prefix", "implements"),
    [
        ("000_", ["1258/QĐ-TTg"]),  # "Tiếp tục thực hiện các nội dung tại Quyết định số 1258…"
        ("001_", ["01/CT-UBND"]),  # "Thực hiện Chỉ thị số 01/CT-UBND ngày 09/01/2023…"
        ("002_", ["1223/KH-UBND"]),  # "Thực hiện Kế hoạch số 1223/KH-UBND ngày 08/7/2022…"
        ("003_", ["119/KH-UBND"]),  # "Thực hiện Kế hoạch số 119/KH-UBND tỉnh ngày 27/4/2022…"
    ],
)
def test_what_each_seed_carries_out(prefix: str, implements: list[str]):
    plan = parsed(corpus_file(SEEDS, prefix))
    assert plan.implements == implements
    first = next(c for c in plan.citations if c.key == implements[0])
    assert first.role == "implements" and first.cue and "hực hiện" in first.cue


def test_a_task_in_the_body_only_mentions_what_it_carries_out():
    plan = plancorpus.parse_text(
        "KẾ HOẠCH\nThực hiện Chỉ thị số 05-CT/TW ngày 23/6/2021 của Ban Bí thư\n\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n1. Triển khai thực hiện nghiêm túc Chỉ thị số 05-CT/TW.\n"
        "II. NHIỆM VỤ\n1. Tiếp tục thực hiện Nghị quyết số 26/NQ-CP ngày 03/4/2022 của Chính phủ.\n"
        "2. Căn cứ vào Quyết định số 12/QĐ-UBND ngày 4/5/2022, các xã rà soát.\n"
    )
    roles_of = [(c.key, c.role) for c in plan.citations]
    assert roles_of == [
        ("05-CT/TW", "implements"), ("05-CT/TW", "implements"),
        ("26/NQ-CP", "mention"), ("12/QĐ-UBND", "mention"),
    ]  # fmt: skip
    assert plan.implements == ["05-CT/TW"]


def test_a_list_after_one_cue_shares_it_and_a_verb_after_a_type_word_does_not_act():
    plan = plancorpus.parse_text(
        "QUYẾT ĐỊNH\nCăn cứ:\n- Luật Tổ chức chính quyền địa phương ngày 19/6/2015;\n\n"
        "- Nghị định số 45/2022/NĐ-CP ngày 7/7/2022 của Chính phủ;\n"
        "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 88/TTr-SNV ngày 2/3/2023.\n"
        "QUYẾT ĐỊNH:\nĐiều 1. Xây dựng Nghị định sửa đổi, bổ sung Nghị định số 15/2020/NĐ-CP.\n"
    )
    got = {c.key: c.role for c in plan.citations}
    assert got["Luật Tổ chức chính quyền địa phương"] == "basis"
    assert got["45/2022/NĐ-CP"] == "basis"
    assert got["88/TTr-SNV"] == "proposal"
    assert got["15/2020/NĐ-CP"] == "mention"  # the decree to be drafted amends it, not this one


def test_roles_survive_the_json_round_trip():
    plan = parsed(corpus_file(SEEDS, "004_"))
    again = plancorpus.Plan.model_validate_json(plan.model_dump_json())
    assert [(c.role, c.cue, c.described_by) for c in again.citations] == [
        (c.role, c.cue, c.described_by) for c in plan.citations
    ]
    assert again.implements == plan.implements


# --- the cascade -----------------------------------------------------------------------------


def _plans() -> list[plancorpus.Plan]:
    seeds = [parsed(corpus_file(SEEDS, f"00{k}_")) for k in range(5)]
    return seeds + [parsed(p) for p in sorted(SAMPLES.glob("*.txt"))]


def test_cascade_links_a_directive_through_a_province_plan_to_a_department():
    found = plancorpus.cascade(_plans())
    seed4 = str(corpus_file(SEEDS, "004_"))
    g = found.graph
    # two documents are numbered 05-CT/TW: the Party restarts its numbers each term; the year
    # of the mention tells them apart (seed 004 cites the one of 23/6/2021, a sample plan the
    # one of 15/5/2016)
    assert {"05-CT/TW (2021)", "05-CT/TW (2016)"} <= set(g.nodes)
    # read from 92-KH/TU's own description in seed 004's basis sentence
    link = g.edges["05-CT/TW (2021)", "92-KH/TU (2021)"]
    assert link["via"] == "description" and link["lag_days"] == 138  # 23/6/2021 → 08/11/2021
    assert g.nodes["92-KH/TU (2021)"]["level"] == "province"
    assert not g.nodes["92-KH/TU (2021)"]["in_corpus"]
    assert g.nodes["05-CT/TW (2021)"]["level"] == "central"
    assert g.nodes["05-CT/TW (2021)"]["branch"] == "party"
    # seed 004 rests on 92-KH/TU: a basis link, kept apart from what it says it carries out
    assert g.edges["92-KH/TU (2021)", seed4]["via"] == "basis"
    chains = found.chains()
    assert any(
        row.path.startswith("05-CT/TW (2021) → 92-KH/TU (2021) → ") for row in chains.itertuples()
    )
    who = found.implementers("05-ct/tw (2021)")
    assert list(who["document"]) == ["92-KH/TU (2021)", seed4] and list(who["step"]) == [1, 2]
    assert list(who["lag_days"]) == [138, 464]  # 23/6/2021 → 08/11/2021, → 30/9/2022
    assert found.candidates("05-CT/TW") == ["05-CT/TW (2016)", "05-CT/TW (2021)"]
    later = found.implementers("05-CT/TW (2016)")
    assert list(later["document"]) == ["27-KH/ĐUK (2025)"]


def test_cascade_by_issuer_what_was_done_and_what_was_not():
    found = plancorpus.cascade(_plans())
    done = found.carried_out_by("Sở Ngoại vụ")
    assert set(done["directive_key"]) == {"1258/QĐ-TTg", "01/CT-UBND", "119/KH-UBND"}
    lagging = found.not_carried_out("Sở Ngoại vụ")
    assert "1223/KH-UBND" not in set(lagging["key"])  # another province's plan
    sample = found.implementers("112/KH-UBND")
    assert list(sample["key"]) == ["38/KH-UBND"] and list(sample["lag_days"]) == [35]
    assert list(sample["level"]) == ["commune"]


_CLI = [sys.executable, "-c", "import sys; from plancorpus.cli import main; sys.exit(main())"]


def test_cli_cascade_table_and_csv(tmp_path):
    out = tmp_path / "cascade.csv"
    run = subprocess.run(
        [*_CLI, "cascade", str(SAMPLES), "--csv", str(out)],
        capture_output=True, text=True, encoding="utf-8", check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert {(r["directive_key"], r["key"]) for r in rows} >= {
        ("112/KH-UBND", "38/KH-UBND"), ("1874/KH-UBND", "415/KH-SGDĐT"),
    }  # fmt: skip
    table = subprocess.run(
        [*_CLI, "cascade", str(SAMPLES), "--directive", "112/KH-UBND"],
        capture_output=True, text=True, encoding="utf-8", check=False,
    )  # fmt: skip
    assert table.returncode == 0 and "38/KH-UBND" in table.stdout and "commune" in table.stdout
