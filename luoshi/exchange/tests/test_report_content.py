"""What the 学习宣传贯彻情况报告 says, read from the ledger: the overview, the parts, the targets, and
the sections the office edits (generated from the data until it does)."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

import pytest

from luoshi.exchange import report, report_text
from luoshi.exchange.models import ReportDraft
from luoshi.exchange.officialdoc import Block

pytestmark = pytest.mark.django_db


def text_of(r: report.ImplementationReport) -> str:
    return "\n".join(b.text + b.body for b in r.blocks())


def test_the_default_period_is_the_latest_with_reports_handed_in(world: SimpleNamespace) -> None:
    r = report.build(world.decision)
    assert (r.period, r.period_label) == ("2026Q3", "2026年第三季度")
    assert r.periods[0] == ("2026Q4", "2026年第四季度")  # the office may pick the current one too


def test_a_decision_without_reports_reports_on_the_period_units_are_reporting_on(
    world: SimpleNamespace,
) -> None:
    from luoshi.ledger.tests.factory import make_decision

    assert report.build(make_decision(title="新决定")).period == "2026Q4"


def test_the_overview_counts_tasks_assignments_and_lights(world: SimpleNamespace) -> None:
    o = report.build(world.decision).overview
    assert (o.tasks, o.subtasks, o.assigned) == (5, 0, 4)
    assert o.lights == {
        "red": 1,
        "yellow": 0,
        "green": 2,
        "unassigned": 1,  # d has no lead unit: 未分工, never green
        "undated": 0,
        "done": 1,
        "suspended": 0,
        "none": 0,
    }
    assert sum(o.lights.values()) == o.tasks
    assert o.percent == (40 + 20 + 100 + 0 + 30) / 5


def test_reports_are_counted_on_time_late_and_missing_against_their_due_date(world: SimpleNamespace) -> None:
    r = report.build(world.decision).overview.reporting
    assert r.due == dt.date(2026, 10, 13)  # the 5th working day after the National Day holiday
    # a (on time, accepted), b (late, then returned: not handed in), e (late); c was done in Q2
    assert (r.expected, r.handed_in, r.on_time, r.late, r.overdue, r.pending) == (3, 2, 1, 1, 1, 0)
    assert (r.accepted, r.returned) == (1, 1)
    assert r.overdue_units == ["自治区教育厅"]


def test_the_overview_reads_as_sentences(world: SimpleNamespace) -> None:
    text = text_of(report.build(world.decision))
    assert "《决定》确定的重点任务共5项，已确认分工4项。截至2026年11月10日，已办结1项" in text
    assert "绿灯2项、黄灯0项、红灯1项、未分工1项，任务平均完成进度38%。" in text
    assert (
        "2026年第三季度应报送进展报告3份，报送截止日期为2026年10月13日。已报送2份，其中按期报送1份、逾期报送1份；逾期未报送1份。督查室已采纳1份，退回修改1份。"
        in text
    )


def test_each_part_of_the_outline_has_its_progress_and_notable_tasks(world: SimpleNamespace) -> None:
    r = report.build(world.decision)
    eco, energy = r.parts
    assert (eco.title, eco.tasks, eco.done, eco.percent) == ("生态建设", 2, 0, 30)
    assert (energy.title, energy.tasks, energy.done) == ("能源基地", 3, 1)
    assert [(n.kind, n.key) for n in eco.notes] == [("red", "1.2"), ("progress", "1.1.1")]
    assert eco.notes[1].detail == "完成40%，完成修复面积12万亩。"  # the first sentence of the accepted report
    assert [(n.kind, n.key) for n in energy.notes] == [("done", "2.1")]
    heads = [(b.level, b.text) for b in r.blocks() if b.level == 2]
    assert heads == [(2, "生态建设。"), (2, "能源基地。")]
    table = next(b.rows for b in r.blocks() if b.rows)
    # a column for every light some part has: each row adds up to its tasks
    assert table[0] == ["部分", "任务", "红灯", "黄灯", "绿灯", "未分工", "已办结", "平均进度"]
    assert table[1] == ["生态建设", "2", "1", "0", "1", "0", "0", "30%"]
    assert table[2] == ["能源基地", "3", "0", "0", "1", "1", "1", "43.3%"]


def test_targets_come_with_their_confidence_and_sentence_worst_first(world: SimpleNamespace) -> None:
    r = report.build(world.decision)
    assert [(t.text, t.confidence) for t in r.targets] == [
        ("2025年完成草原确权登记", "red"),
        # one data point and no linked task finished: nothing to judge by (灰), never 黄绿
        ("到2035年全市森林覆盖率达到30%", "unknown"),
    ]
    forest = r.targets[1]
    assert "只有1个数据点（2026年27.5%）" in forest.sentence  # the value of the accepted report
    assert "无法判断" in forest.sentence
    assert r.target_counts == {"red": 1, "amber_red": 0, "amber_green": 0, "green": 0, "unknown": 1}
    text = text_of(r)
    assert "依据不足（灰）1个" in text
    assert "另有1个目标暂无足够数据评估：到2035年全市森林覆盖率达到30%。" in text


def test_the_problems_are_generated_from_red_tasks_late_reports_and_lagging_targets(
    world: SimpleNamespace,
) -> None:
    r = report.build(world.decision)
    lines = r.problems.splitlines()
    assert lines[0].startswith("一是部分任务推进滞后。1项任务亮红灯，如“完成草原确权登记")
    assert lines[1] == (
        "二是进展报送不够及时规范。2026年第三季度1份进展报告逾期未报送（涉及自治区教育厅），1份逾期报送，1份被退回修改。"
    )
    assert lines[2].startswith("三是部分量化目标实现存在风险。“2025年完成草原确权登记”等1个目标")
    steps = r.next_steps.splitlines()
    assert (
        steps[1] == "二是规范进展报送。督促自治区教育厅等单位按期报送进展报告，做到有进展、有数据、有佐证。"
    )
    assert steps[-1] == "四是持续抓好学习宣传贯彻。坚持项目化管理、清单式推进，学习宣传贯彻情况及时报告市委。"


def test_without_problems_the_report_says_so() -> None:
    from luoshi.ledger.tests.factory import make_decision

    r = report.build(make_decision(title="平稳推进的决定"), today=dt.date(2026, 11, 10))
    assert r.problems == "各项任务总体按计划推进，暂未发现突出问题。"
    assert r.next_steps.startswith("一是持续抓好学习宣传贯彻。")


def test_the_title_addressee_and_issuer_have_sensible_defaults(world: SimpleNamespace) -> None:
    r = report.build(world.decision)
    assert r.title == "关于2026年第三季度学习宣传贯彻《中共示范市委员会关于推进绿色发展的决定》情况的报告"
    assert r.addressee == "市委"  # the decision says: 学习宣传贯彻情况及时报告市委
    assert r.issuer == "督查室"
    assert r.date_label == "2026年11月10日"


def test_the_offices_draft_replaces_what_is_generated_and_arguments_replace_the_draft(
    world: SimpleNamespace, office: Any
) -> None:
    ReportDraft.objects.create(
        decision=world.decision,
        period="2026Q3",
        title="关于示范市贯彻落实情况的报告",
        issuer="示范市委督查室",
        date=dt.date(2026, 11, 12),
        problems="（一）基层落实不平衡。个别旗县进展较慢。\n一是学习不够深入。",
        updated_by=office,
    )
    r = report.build(world.decision, "2026Q3")
    assert (r.title, r.issuer, r.date_label, r.edited) == (
        "关于示范市贯彻落实情况的报告",
        "示范市委督查室",
        "2026年11月12日",
        True,
    )
    assert r.next_steps == r.default_next_steps  # left empty: still generated
    blocks = r.blocks()
    start = next(i for i, b in enumerate(blocks) if b.text == "存在的问题")
    assert [(b.level, b.text, b.body) for b in blocks[start + 1 : start + 3]] == [
        (2, "基层落实不平衡。", "个别旗县进展较慢。"),
        (0, "一是学习不够深入。", ""),
    ]
    assert report.build(world.decision, "2026Q3", title="另一个标题").title == "另一个标题"
    assert report.build(world.decision, "2026Q2").edited is False  # a draft belongs to its period


def test_a_period_of_the_wrong_kind_is_refused(world: SimpleNamespace) -> None:
    with pytest.raises(ValueError, match="不按此周期报送"):
        report.build(world.decision, "2026M09")
    with pytest.raises(ValueError, match="无法识别的报送周期"):
        report.build(world.decision, "2026Q9")


def test_the_offices_text_becomes_paragraphs_and_renumbered_headings() -> None:
    text = "（三）压实责任。各牵头单位要……\n\n1．建立台账\n  一是加强调度。  "
    assert report_text.office_blocks(text) == [
        Block("压实责任。", 2, body="各牵头单位要……"),
        Block("建立台账", 3),
        Block("一是加强调度。"),
    ]


def test_the_json_twin_has_the_report_and_its_blocks(world: SimpleNamespace) -> None:
    data = report.build(world.decision).as_dict()
    assert data["schema_version"] == 1
    assert data["period"] == "2026Q3"
    assert data["overview"]["reporting"]["due"] == "2026-10-13"
    assert data["target_counts"]["red"] == 1
    assert data["blocks"][1] == {"level": 1, "text": "总体进展", "body": "", "rows": []}


def test_building_the_report_takes_a_fixed_number_of_queries(
    world: SimpleNamespace, django_assert_max_num_queries: Any
) -> None:
    from luoshi.ledger.tests.factory import make_task

    report.build(world.decision)  # warm the caches (holiday table, rules)
    with django_assert_max_num_queries(40) as small:
        report.build(world.decision)
    for n in range(30):
        make_task(decision=world.decision, section=world.a.section, text=f"第{n}项补充任务。")
    with django_assert_max_num_queries(40) as large:
        report.build(world.decision)
    assert len(large.captured_queries) == len(small.captured_queries)


def test_a_task_is_named_by_its_first_clause_never_cut_inside_a_quotation() -> None:
    assert report._short("推进草原保护修复。加强监测。") == "推进草原保护修复"
    long = "各级领导干部要带头转作风、树新风，切实做到“我开的会我贯彻、我定的事我落实”。"
    assert report._short(long, 24) == "各级领导干部要带头转作风、树新风，切实做到……"
