"""The models of a plan share their pydantic fields sets (held plans are a third smaller);
what pydantic answers about set fields must not change."""

from __future__ import annotations

import copy
import pickle

import pytest

import plancorpus
from plancorpus.model.plan import Plan, SharedFieldsSet

TEXT = """UBND TỈNH LÂM ĐỒNG
SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 415/KH-SGDĐT          Lâm Đồng, ngày 12 tháng 3 năm 2024

KẾ HOẠCH
Triển khai đổi mới

I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Thực hiện Quyết định số 1258/QĐ-TTg ngày 21/8/2017 của Thủ tướng Chính phủ.
2. Yêu cầu
Bảo đảm tiến độ.
II. TỔ CHỨC THỰC HIỆN
Các đơn vị thực hiện.
"""


@pytest.fixture()
def plan() -> Plan:
    return plancorpus.parse_text(TEXT)


def test_models_share_one_set_per_set_of_names(plan: Plan) -> None:
    spans = [s.span for s in plan.all_sections()]
    assert len(spans) >= 2
    assert all(type(s.__pydantic_fields_set__) is SharedFieldsSet for s in spans)
    assert spans[0].__pydantic_fields_set__ is spans[1].__pydantic_fields_set__


def test_setting_an_attribute_changes_only_that_model(plan: Plan) -> None:
    first, second = (s.span for s in plan.all_sections()[:2])
    first.page = 2
    assert "page" in first.model_fields_set
    assert "page" not in second.model_fields_set
    assert second.model_dump(exclude_unset=True) == {"start": second.start, "end": second.end}


def test_the_shared_set_refuses_changes(plan: Plan) -> None:
    with pytest.raises(TypeError):
        plan.sections[0].span.model_fields_set.add("page")


def test_copies_pickles_and_json_behave_as_before(plan: Plan) -> None:
    assert copy.deepcopy(plan) == plan
    assert pickle.loads(pickle.dumps(plan)) == plan
    moved = plan.sections[0].span.model_copy(update={"page": 5})
    assert moved.page == 5 and "page" in moved.model_fields_set
    assert "page" not in plan.sections[0].span.model_fields_set
    again = Plan.model_validate_json(plan.model_dump_json())
    assert again.model_dump_json() == plan.model_dump_json()
    assert type(again.sections[0].__pydantic_fields_set__) is SharedFieldsSet
