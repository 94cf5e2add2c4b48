"""Properties: extract never raises on any text, and its output always fits the schema."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from luoshi.document import Document, extract_text

SCHEMA = json.loads(
    resources.files("luoshi.document").joinpath("data/extraction.schema.json").read_text("utf-8")
)
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)

# Pieces of policy text, so that the generator reaches the rules and not only their guards.
PIECES = [
    "一、",
    "二、",
    "十二、",
    "（一）",
    "（三）",
    "1.",
    "2、",
    "（1）",
    "第一部分",
    "到2035年",
    "2030年前",
    "今年",
    "明年",
    "2022—2025年",
    "“十五五”",
    "全区",
    "森林覆盖率",
    "达到",
    "超过",
    "稳定在",
    "控制在",
    "增长",
    "分别增长",
    "45%",
    "850亿斤",
    "以上",
    "左右",
    "以内",
    "千亿元",
    "过百亿元",
    "2个",
    "产值超",
    "、",
    "，",
    "。",
    "；",
    "：",
    "“",
    "”",
    "\n",
    "\n\n",
    "玉米",
    "奶业",
    "新能源装机规模",
    "火电装机规模",
    "与",
    "同步",
    "基本消除",
    "重污染天气",
    "鄂尔多斯",
    "呼包鄂",
    "大兴调查研究之风",
    "（上接第二版）",
    "— 3 —",
    "【字体：大 中 小】",
    "２０２５",
    "１２％",
    "坚持",
    "“科技兴蒙”",
    "行动",
    "比2020年",
    "以来",
    "多",
    "余",
    "个百分点",
    "2.1",
    "0",
    "-",
    "万",
    "亿",
]
policy_text = st.lists(st.sampled_from(PIECES) | st.text(max_size=6), max_size=60).map("".join)


def check(doc: Document) -> None:
    data = json.loads(doc.to_json())
    VALIDATOR.validate(data)
    section_ids = [s["id"] for s in data["sections"]]
    item_ids = [i["id"] for i in data["items"]]
    assert len(set(section_ids)) == len(section_ids)
    assert len(set(item_ids)) == len(item_ids)
    assert all(s["parent"] in section_ids for s in data["sections"] if s["parent"])
    assert all(i["section"] in section_ids for i in data["items"] if i["section"])
    assert all(t["item"] in item_ids for t in data["targets"])
    assert all(m in item_ids for p in data["places"] for m in p["mentions"])


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.text())
def test_extract_never_raises_on_any_text_and_fits_the_schema(text):
    check(extract_text(text))


@settings(max_examples=500, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(policy_text)
def test_extract_never_raises_on_policy_like_text_and_fits_the_schema(text):
    check(extract_text(text))


@settings(max_examples=100, deadline=None)
@given(policy_text)
def test_extracting_twice_gives_the_same_result(text):
    assert extract_text(text).to_json() == extract_text(text).to_json()
