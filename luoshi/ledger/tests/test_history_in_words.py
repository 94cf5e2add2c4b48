"""The record in people's words: the audit trail and every history read as a clerk would say it —
field labels, names instead of ids, values as the forms show them, Chinese verbs, local time."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path
from typing import Any

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from luoshi.ledger import history
from luoshi.ledger.models import Audited, AuditEntry, DeadlineKind, ProgressStatus, Task, acting_as
from luoshi.ledger.tests.factory import make_report, make_task

pytestmark = pytest.mark.django_db

LUOSHI = Path(__file__).resolve().parents[2]
CODES = re.compile(
    r"progress_status|lead_unit_id|_id\b|\bNone\b|\bFalse\b|\bTrue\b|ledger\.task|progress\.report|"
    r"\b(create|update|submit|approve|accept|return|reword|assign|file|sign)\b|\d{4}-\d\d-\d\dT|\bon_track\b|\bat_risk\b|\b20\d\dQ\d\b"
)


def words(html: str) -> str:
    """The text of the trail's table on a page."""
    table = re.search(r'<table class="small history">.*?</table>', html, flags=re.S)
    assert table is not None
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", table.group(0)))


def rows(html: str) -> list[tuple[str, str]]:
    """(time, verb) of each row of the trail's table."""
    found = re.findall(
        r'<tr>\s*<td class="nowrap">([^<]*)</td>\s*<td>.*?</td>\s*<td class="nowrap">([^<]*)</td>',
        html,
        flags=re.S,
    )
    return [(when.strip(), verb.strip()) for when, verb in found]


def line_of(entry: AuditEntry) -> history.Line:
    return history.describe([entry])[0]


def test_a_change_of_status_reads_with_the_fields_label_and_the_choices_labels(office: Any) -> None:
    task = make_task()
    task.progress_status = ProgressStatus.ON_TRACK
    task.save()
    task.progress_status = ProgressStatus.AT_RISK
    task.audit_as("progress", by=office)
    task.save()
    line = line_of(AuditEntry.objects.filter(task=task).first())
    assert line.verb == "更新进展"
    assert [(c.label, c.before, c.after) for c in line.changes] == [("进展", "正常推进", "存在风险")]
    assert line.changes_text == "进展：正常推进 → 存在风险"


def test_an_assignment_names_the_units_and_the_person_not_their_ids(
    office: Any, unit_a: Any, unit_b: Any
) -> None:
    task = make_task()
    task.assign(
        by=office, lead=unit_a, co=[unit_b], deadline_kind=DeadlineKind.DATE, deadline=dt.date(2026, 12, 31)
    )
    line = line_of(AuditEntry.objects.filter(task=task, action="assign").get())
    changes = {c.label: (c.before, c.after) for c in line.changes}
    assert line.verb == "分工"
    assert changes["牵头单位"] == ("—", "自治区发展和改革委员会")
    assert changes["完成时限"] == ("—", "按期完成")
    assert changes["截止日期"] == ("—", "2026年12月31日")
    assert changes["分工确认人"] == ("—", "王敏")
    assert "牵头：自治区发展和改革委员会" in changes["承办单位"][1]
    assert "配合：自治区教育厅" in changes["承办单位"][1]
    assert not CODES.search(line.changes_text), line.changes_text


def test_a_report_goes_through_its_steps_in_chinese_verbs(
    unit_a: Any, reporter_a: Any, unit_leader_a: Any, office: Any, as_user: Any
) -> None:
    task = make_task(lead_unit=unit_a)
    report = make_report(
        task=task, unit=unit_a, period="2026Q3", narrative="本季度推进情况。", created_by=reporter_a
    )
    report.submit(by=reporter_a)
    report.approve(by=unit_leader_a)
    report.return_(by=office, comment="请补充佐证材料。")
    lines = history.describe(report.history())
    assert [x.verb for x in lines] == ["创建", "提交", "审核通过", "退回"]
    assert lines[-1].note == "请补充佐证材料。"
    assert ("状态", "待督查室审核", "已退回") in [(c.label, c.before, c.after) for c in lines[-1].changes]
    page = as_user(office).get(reverse("progress:report-detail", args=[report.pk])).content.decode()
    text = words(page)
    for verb in ("提交", "审核通过", "退回", "请补充佐证材料。", "李强", "张伟", "王敏"):
        assert verb in text
    assert not CODES.search(text), CODES.search(text)


def test_moments_read_in_local_time_and_dates_in_chinese(office: Any, unit_a: Any, time_machine: Any) -> None:
    time_machine.move_to(dt.datetime(2026, 12, 3, 15, 21, tzinfo=dt.UTC), tick=False)
    task = make_task()
    task.assign(by=office, lead=unit_a, deadline_kind=DeadlineKind.DATE, deadline=dt.date(2027, 6, 30))
    line = line_of(AuditEntry.objects.filter(task=task, action="assign").get())
    assert line.when == "2026年12月3日 23:21"
    assert line.stamp == "2026-12-03 23:21"
    changes = {c.label: c.after for c in line.changes}
    assert changes["分工确认时间"] == "2026年12月3日 23:21"
    assert changes["截止日期"] == "2027年6月30日"


def test_booleans_read_yes_or_no_and_empty_reads_a_dash(office: Any) -> None:
    task = make_task(responsible="")
    task.responsible = "张三"
    task.has_targets = True
    task.save()
    line = line_of(AuditEntry.objects.filter(task=task, action="update").get())
    changes = {c.label: (c.before, c.after) for c in line.changes}
    assert changes["责任人"] == ("—", "张三")
    assert changes["含量化目标"] == ("否", "是")


def test_a_record_created_lists_only_what_it_holds_and_hides_internal_fields(office: Any) -> None:
    task = make_task()
    line = line_of(AuditEntry.objects.filter(task=task, action="create").get())
    assert line.created
    assert line.verb == "建立"
    labels = [c.label for c in line.changes]
    assert "编号" in labels
    assert "任务内容" in labels
    assert "ID" not in labels
    assert "version" not in " ".join(labels)
    assert all(c.after != "—" for c in line.changes)


def test_every_field_of_every_audited_record_has_a_label_in_chinese() -> None:
    missing = []
    for model in apps.get_models():
        if not issubclass(model, Audited):
            continue
        for f in model._meta.concrete_fields:
            if f.attname in history.HIDDEN:
                continue
            label = history.field_label(model, f.attname)
            if not re.search(r"[\u4e00-\u9fff]", label):
                missing.append(f"{model._meta.label_lower}.{f.attname}: {label}")
    assert missing == [], "give the field a verbose_name, or a label in luoshi.ledger.history.LABELS"


def test_every_action_the_code_records_has_a_verb() -> None:
    actions: set[str] = set()
    for path in LUOSHI.rglob("*.py"):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        actions |= set(re.findall(r'audit_as\(\s*"(\w+)"', text))
        actions |= set(re.findall(r'\brecord\(\s*"(\w+)"', text))
        actions |= set(re.findall(r'_transition\([^)]*?"(\w+)"', text))
        actions |= set(re.findall(r'_decide\([^)]*?"(\w+)"', text))
    from luoshi.indicators.models import Origin

    actions |= {o.value for o in Origin if o.value != "manual"}
    actions |= {"create", "update", "enable", "disable", "override", "clear_override"}
    assert len(actions) > 25
    assert sorted(a for a in actions if a not in history.VERBS) == []


def test_verbs_and_labels_read_in_english_too(office: Any) -> None:
    task = make_task()
    task.reword("新的表述。", by=office)
    with translation.override("en"):
        line = line_of(AuditEntry.objects.filter(task=task, action="reword").get())
        assert line.verb == "reworded"  # the trail's verb, not the button "Reword"
        assert line.kind == "Task"


# -- the audit list ---------------------------------------------------------------------------------
@pytest.fixture
def trail(office: Any, unit_a: Any, reporter_a: Any, unit_leader_a: Any, time_machine: Any) -> dict[str, Any]:
    """Two tasks, a report through its steps, entries spread over two local days."""
    time_machine.move_to(dt.datetime(2026, 12, 2, 2, 0, tzinfo=dt.UTC), tick=False)  # 10:00 on 2 December
    first = make_task(key="3.2.1", lead_unit=unit_a)
    first.reword("第一项任务的新表述。", by=office)
    time_machine.move_to(dt.datetime(2026, 12, 3, 17, 0, tzinfo=dt.UTC), tick=False)  # 01:00 on 4 December
    second = make_task(key="4.1.2")
    with acting_as(reporter_a):
        report = make_report(
            task=first, unit=unit_a, period="2026Q3", narrative="进展。", created_by=reporter_a
        )
        report.submit(by=reporter_a)
    return {"first": first, "second": second, "report": report}


def test_the_audit_list_is_a_compact_table_in_words(
    trail: dict[str, Any], auditor: Any, as_user: Any
) -> None:
    page = as_user(auditor).get(reverse("ledger:audit-list")).content.decode()
    text = words(page)
    for said in ("修改表述", "提交", "建立", "任务", "进展报告", "3.2.1", "王敏", "李强", "2026-12-04 01:00"):
        assert said in text, said
    assert not CODES.search(text), CODES.search(text)


def test_the_audit_list_filters_by_who_what_when_and_which_task(
    trail: dict[str, Any], auditor: Any, as_user: Any
) -> None:
    client = as_user(auditor)

    def verbs(**query: str) -> list[str]:
        page = client.get(reverse("ledger:audit-list"), query).content.decode()
        return [verb for _when, verb in rows(page)]

    assert verbs(actor="李") == ["提交", "创建"]
    assert set(verbs(model="progress.report")) == {"提交", "创建"}
    assert "修改表述" in verbs(task="3.2.1")
    assert "修改表述" not in verbs(task="4.1.2")
    # days are local days: 17:00 UTC on 3 December is 4 December in Beijing
    assert "修改表述" in verbs(since="2026-12-02", until="2026-12-02")
    assert "修改表述" not in verbs(since="2026-12-03")
    assert "提交" in verbs(since="2026-12-04", until="2026-12-04")


def test_the_audit_list_shows_fifty_entries_a_page_with_a_fixed_number_of_queries(
    office: Any, auditor: Any, as_user: Any
) -> None:
    client = as_user(auditor)

    def queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(reverse("ledger:audit-list")).status_code == 200
        return len(ctx.captured_queries)

    for _ in range(30):
        make_task().reword("改。", by=office)
    few = queries()
    for _ in range(120):
        make_task().reword("再改。", by=office)
    page = client.get(reverse("ledger:audit-list")).content.decode()
    assert len(rows(page)) == 50
    assert re.search(r"第 1 / \d+ 页", page)  # the rest on further pages
    assert queries() == few


def test_the_exports_keep_the_codes_beside_the_words(
    trail: dict[str, Any], auditor: Any, as_user: Any
) -> None:
    from openpyxl import load_workbook

    client = as_user(auditor)
    data = client.get(reverse("ledger:audit-export-csv"), {"task": "3.2.1"}).content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(data)))
    header = rows[0]
    for column in (
        "时间",
        "操作",
        "对象类型",
        "内容",
        "时间（UTC）",
        "操作代码",
        "对象类型代码",
        "修改前（原始记录）",
    ):
        assert column in header
    reword = next(r for r in rows[1:] if r[header.index("操作代码")] == "reword")
    assert reword[header.index("操作")] == "修改表述"
    assert reword[header.index("对象类型")] == "任务"
    assert reword[header.index("时间")] == "2026-12-02 10:00:00"
    assert reword[header.index("时间（UTC）")].startswith("2026-12-02T02:00:00")
    assert "第一项任务的新表述。" in reword[header.index("内容")]
    book = load_workbook(io.BytesIO(client.get(reverse("ledger:audit-export-xlsx")).content))
    sheet = book.active
    cells = [c.value for c in next(sheet.iter_rows(min_row=1, max_row=1))]
    assert "操作代码" in cells
    times = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert dt.datetime(2026, 12, 2, 10, 0) in times  # Beijing wall clock, as the clerk would type it


def test_an_export_never_hands_excel_a_formula(office: Any, auditor: Any, as_user: Any) -> None:
    task = make_task()
    task.reword('=HYPERLINK("http://x","点此")', by=office)
    data = as_user(auditor).get(reverse("ledger:audit-export-csv")).content.decode("utf-8-sig")
    cells = [c for row in csv.reader(io.StringIO(data)) for c in row]
    assert any("HYPERLINK" in c for c in cells)
    assert not [c for c in cells if c.startswith(("=", "+", "-", "@"))]


def test_a_task_page_shows_its_history_in_words(office: Any, unit_a: Any, as_user: Any) -> None:
    task = make_task()
    task.assign(by=office, lead=unit_a, deadline_kind=DeadlineKind.ONGOING)
    task.reword("新的表述。", by=office)
    text = words(as_user(office).get(reverse("ledger:task-detail", args=[task.pk])).content.decode())
    for said in ("分工", "修改表述", "牵头单位", "自治区发展和改革委员会", "长期坚持", "王敏"):
        assert said in text, said
    assert not CODES.search(text), CODES.search(text)


def test_a_notice_page_shows_who_signed_for_it(
    unit_a: Any, reporter_a: Any, office: Any, as_user: Any
) -> None:
    from luoshi.supervision.models import Notice, NoticeKind, Receipt

    task = make_task(lead_unit=unit_a)
    notice = Notice.objects.create(
        kind=NoticeKind.ORDER,
        key="order/test",
        task=task,
        unit=unit_a,
        title="关于督促办理的督办单",
        issued_on=dt.date(2026, 11, 10),
    )
    Receipt.objects.create(notice=notice, unit=unit_a).sign(by=reporter_a)
    text = words(as_user(office).get(reverse("supervision:notice-detail", args=[notice.pk])).content.decode())
    assert "签收" in text
    assert "李强" in text
    assert "自治区发展和改革委员会" in text
    assert not CODES.search(text), CODES.search(text)
    assert Task.objects.filter(pk=task.pk).exists()
