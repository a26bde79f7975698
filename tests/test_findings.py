"""Findings on one plan's own text, with expectations read from the seeds.

- 000 is a plan for "Vì người nghèo – Không để ai bị bỏ lại phía sau"; its II.4 heading ends
  "… trong lĩnh vực xây dựng nông thôn mới" and its last paragraph "… góp phần xây dựng nông
  thôn mới" (another campaign's matter); its II.2 writes "… chung chung\\ntay vì người nghèo –
  Không ai bị bỏ lại phía sau" (a doubled "chung", and the campaign without "để").
- 003 writes its period "từ tháng 28/4/2022" (a day and month after "tháng").
- 001, 002 and 004 hold none of these: every finding there would be a false alarm.
"""

from __future__ import annotations

import pytest

import plancorpus
from conftest import SEEDS, corpus_file, parsed
from plancorpus.compare.findings import plan_findings


def seed(prefix: str) -> plancorpus.Plan:
    return parsed(corpus_file(SEEDS, prefix))


def test_000_other_campaign_in_ii4():
    found = [f for f in plan_findings(seed("000")) if f.kind == "other_campaign"]
    assert len(found) == 1 and found[0].key == "nong_thon_moi"
    assert [(p.section, p.raw) for p in found[0].places] == [
        ("II.4", "xây dựng nông thôn mới"),
        ("II.4", "xây dựng nông thôn mới"),
    ]
    assert "Vì người nghèo" in found[0].message and "nông thôn mới" in found[0].message


def test_000_doubled_word_and_misnamed_campaign_in_ii2():
    kinds = {f.kind: f for f in plan_findings(seed("000"))}
    assert kinds["repeated_word"].places[0].section == "II.2"
    assert kinds["repeated_word"].places[0].raw == "chung chung"
    misnamed = kinds["campaign_differs_from_title"].places[0]
    assert misnamed.section == "II.2" and "Không ai bị bỏ lại phía sau" in misnamed.raw


def test_003_month_before_a_full_date():
    found = [f for f in plan_findings(seed("003")) if f.kind == "impossible_date"]
    assert [(f.places[0].section, f.places[0].raw) for f in found] == [("III.1", "tháng 28/4/2022")]


@pytest.mark.parametrize("prefix", ["001", "002", "004"])
def test_no_false_alarm_on_the_other_seeds(prefix):
    assert plan_findings(seed(prefix)) == []


def test_000_exactly_these_findings():
    kinds = sorted(f.kind for f in plan_findings(seed("000")))
    assert kinds == ["campaign_differs_from_title", "other_campaign", "repeated_word"]


def test_check_joins_citation_and_text_findings():
    kinds = {f.kind for f in plancorpus.check([seed("000"), seed("001")])}
    assert {"other_campaign", "repeated_word", "issuer_conflict"} <= kinds


def test_a_reduplicative_is_not_a_repeated_word():
    plan = plancorpus.parse_text(
        "KẾ HOẠCH\nThử\n\nI. NỘI DUNG\n1. Tránh nói chung chung, cần cụ thể.\n"
        "2. Phát triển triển khai các nhiệm vụ của các các đơn vị.\n"
    )
    found = [f.places[0].raw for f in plan_findings(plan) if f.kind == "repeated_word"]
    assert found == ["các các"]
