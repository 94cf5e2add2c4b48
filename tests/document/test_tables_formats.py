"""The same tables read alike from plain text, Word, a web page and a PDF (tests/document/tables.py)."""

from __future__ import annotations

import pytest

from luoshi.document import extract, read_source

from . import tables

ITEMS = [
    ("1.1", "measure", "到2030年，全市经济总量迈上新台阶，生态环境质量持续改善。"),
    ("1.2", "target", "地区生产总值增长（%）：2025年 5.6，2030年 5左右（预期性）"),
    ("1.3", "target", "全员劳动生产率（万元/人）：2025年 17.2，2030年 ＞22（预期性）"),
    ("1.4", "target", "研究与试验发展经费投入强度（%）：2025年 1.4，2030年 2以上（预期性）"),
    ("1.5", "target", "居民人均可支配收入增长（%）：2025年 5.2，2030年 与经济增长同步（预期性）"),
    ("1.6", "target", "森林覆盖率（%）：2025年 23.1，2030年 24.5（约束性）"),
    ("1.7", "target", "单位地区生产总值能源消耗降低（%）：2030年 〔13〕（约束性）"),
    ("1.8", "target", "粮食综合生产能力（亿斤）：2025年 780，2030年 800以上（约束性）"),
    (
        "2.1",
        "target",
        "建成一体化政务大数据平台，市级部门数据共享率达到95%（牵头单位：市政务服务和数据管理局；完成时限：2027年底前）。",
    ),
    ("2.2", "target", "出台支持民营经济发展壮大的若干措施（牵头单位：市发展改革委；完成时限：2026年6月）。"),
    ("2.3", "target", "新建改建城市地下管网300公里（牵头单位：市住房城乡建设局；完成时限：2028年）。"),
    (
        "2.4",
        "measure",
        "持续开展重点行业领域安全生产治本攻坚（牵头单位：市应急管理局；完成时限：长期坚持）。",
    ),
    ("3.1", "measure", "加强组织领导，压实各级责任。"),
]
TARGETS = [
    ("1.2", "numeric", "地区生产总值增长", "≈", 5.0, "%", 2030),
    ("1.3", "numeric", "全员劳动生产率", ">", 22.0, "万元/人", 2030),
    ("1.4", "numeric", "研究与试验发展经费投入强度", ">=", 2.0, "%", 2030),
    ("1.5", "relational", "居民人均可支配收入增长", "=", None, None, 2030),
    ("1.6", "numeric", "森林覆盖率", "=", 24.5, "%", 2030),
    ("1.7", "numeric", "单位地区生产总值能源消耗降低（累计）", "=", 13.0, "%", 2030),
    ("1.8", "numeric", "粮食综合生产能力", ">=", 800.0, "亿斤", 2030),
    ("2.1", "numeric", "市级部门数据共享率", ">=", 95.0, "%", 2027),
    ("2.2", "milestone", "出台支持民营经济发展壮大的若干措施", None, None, None, 2026),
    ("2.3", "numeric", "新建改建城市地下管网", "=", 300.0, "公里", 2028),
]


@pytest.fixture(params=list(tables.FORMATS), scope="module")
def document(request):
    return extract(tables.FORMATS[request.param](), name=f"plan.{request.param}")


def test_every_format_gives_the_same_items(document):
    assert [(i.id, i.kind, i.text) for i in document.items] == ITEMS


def test_every_format_gives_the_same_targets(document):
    got = [(t.item, t.kind, t.indicator, t.comparator, t.value, t.unit, t.year) for t in document.targets]
    assert got == TARGETS


def test_every_format_keeps_the_outline_around_the_tables(document):
    assert [(s.id, s.title) for s in document.sections] == [
        ("1", "主要目标"),
        ("2", "重点任务"),
        ("3", "保障措施"),
    ]
    assert (document.title, document.year) == (tables.TITLE, 2026)


@pytest.mark.parametrize("fmt", ["docx", "html", "pdf"])
def test_every_reader_hands_the_rows_over_one_line_each_cells_separated_by_tabs(fmt):
    text = read_source(tables.FORMATS[fmt](), name=f"plan.{fmt}").text
    assert "森林覆盖率\t%\t23.1\t24.5\t约束性" in text.split("\n")[-30:] or any(
        line.endswith("森林覆盖率\t%\t23.1\t24.5\t约束性") for line in text.split("\n")
    )
    assert (
        "1\t建成一体化政务大数据平台，市级部门数据共享率达到95%。\t市政务服务和数据管理局\t2027年底前" in text
    )
