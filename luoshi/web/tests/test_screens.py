"""The screens, driven through the test client as each persona would, then the database checked."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from luoshi.ledger.importing import apply_import, plan_import
from luoshi.ledger.models import (
    AuditEntry,
    Decision,
    SavedView,
    SuggestionRule,
    Target,
    Task,
    TaskState,
    Unit,
)
from luoshi.ledger.tests.factory import make_document, make_report, make_task
from luoshi.progress.models import Evidence, Measurement, Report, ReportState
from luoshi.samples import SAMPLE_DECISION

pytestmark = pytest.mark.django_db


def test_the_office_uploads_a_decision_previews_it_and_confirms(as_user: Any, office: Any) -> None:
    from luoshi.document import TASK_KINDS, extract

    if not extract(SAMPLE_DECISION).items:
        pytest.skip("extract() returns no items yet")
    client = as_user(office)
    upload = SimpleUploadedFile("sample-decision.txt", SAMPLE_DECISION.read_bytes())
    response = client.post(reverse("ledger:import-upload"), {"file": upload})
    assert response.status_code == 302
    assert not Decision.objects.exists()
    preview = client.get(response["Location"])
    assert "将新建决定" in preview.content.decode()
    done = client.post(response["Location"])
    decision = Decision.objects.get()
    assert done["Location"] == reverse("ledger:decision-detail", args=[decision.pk])
    tasks = [i for i in extract(SAMPLE_DECISION).items if i.kind in TASK_KINDS]  # the preamble stays out
    assert decision.tasks.count() == len(tasks)
    again = client.post(
        reverse("ledger:import-upload"),
        {"file": SimpleUploadedFile("again.txt", SAMPLE_DECISION.read_bytes())},
    )
    assert "完全相同" in client.get(again["Location"]).content.decode()
    client.post(again["Location"])
    assert Decision.objects.count() == 1


def _bomb() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b"<" + b" " * 50_000_000 + b">")
    return buf.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("decision.docx", _bomb(), "压缩炸弹"),
        ("photo.txt", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "不支持此类文件"),
        ("decision.txt", b"", "空"),
    ],
)
def test_an_upload_that_is_not_a_document_is_refused_with_a_message(
    as_user: Any, office: Any, name: str, data: bytes, message: str
) -> None:
    response = as_user(office).post(reverse("ledger:import-upload"), {"file": SimpleUploadedFile(name, data)})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Decision.objects.exists()


def test_an_upload_over_the_size_limit_is_refused(as_user: Any, office: Any, settings: Any) -> None:
    settings.MAX_UPLOAD_BYTES = 100
    response = as_user(office).post(
        reverse("ledger:import-upload"), {"file": SimpleUploadedFile("d.txt", "一、总体要求。".encode() * 50)}
    )
    assert "文件过大" in response.content.decode()


def test_the_outline_marks_the_targets_in_the_tasks_text(as_user: Any, leader: Any) -> None:
    decision = apply_import(plan_import("文本", make_document()))
    page = as_user(leader).get(reverse("ledger:decision-detail", args=[decision.pk])).content.decode()
    assert '<mark class="target">到2030年全区森林覆盖率达到26%</mark>' in page
    assert "筑牢生态屏障" in page


def test_the_task_list_filters_and_saves_a_view(
    as_user: Any, office: Any, unit_a: Any, unit_b: Any, league: Any
) -> None:
    a = make_task(text="建设风电基地。", lead_unit=unit_a)
    b = make_task(text="建设学校。", lead_unit=unit_b, co_units=[league], has_targets=True)
    client = as_user(office)

    def keys(**params: Any) -> set[str]:
        data = client.get(reverse("ledger:task-list"), {**params, "format": "json"}).json()
        return {t["key"] for t in data["tasks"]}

    assert keys() == {a.key, b.key}
    assert keys(unit=unit_a.pk) == {a.key}
    assert keys(league=league.pk) == {b.key}
    assert keys(has_target="1") == {b.key}
    assert keys(q="风电") == {a.key}
    assert keys(status="on_track") == set()
    client.post(reverse("ledger:save-view"), {"name": "风电任务", "query": "q=风电"})
    assert SavedView.objects.get(user=office).query == "q=风电"
    assert "风电任务" in client.get(reverse("ledger:task-list")).content.decode()


def test_an_invalid_filter_is_ignored_with_a_notice_not_an_error(as_user: Any, office: Any) -> None:
    response = as_user(office).get(reverse("ledger:task-list"), {"unit": "abc", "status": "nonsense"})
    assert response.status_code == 200
    assert "已忽略" in response.content.decode()


def test_the_office_confirms_suggestions_one_by_one_and_in_bulk(
    as_user: Any, office: Any, unit_a: Any, unit_b: Any
) -> None:
    SuggestionRule.objects.create(keyword="风电", unit=unit_a)
    SuggestionRule.objects.create(keyword="学校", unit=unit_b)
    one = make_task(text="建设风电基地。")
    two = make_task(text="建设学校。", decision=one.decision)
    three = make_task(text="建设风电和学校。", decision=one.decision)
    unmatched = make_task(text="其他工作。", decision=one.decision)
    client = as_user(office)
    url = reverse("ledger:suggestions", args=[one.decision_id])
    page = client.get(url).content.decode()
    assert "含关键词“风电”" in page
    assert "没有规则命中" in page
    client.post(url, {"one": one.pk})
    assert Task.objects.get(pk=one.pk).lead_unit == unit_a
    assert Task.objects.get(pk=two.pk).lead_unit is None
    client.post(url, {"task": [two.pk, three.pk, unmatched.pk]})
    assert Task.objects.get(pk=two.pk).lead_unit == unit_b
    assert Task.objects.get(pk=three.pk).is_assigned
    assert not Task.objects.get(pk=unmatched.pk).is_assigned


def test_assigning_with_a_stale_form_shows_who_changed_it_and_saves_nothing(
    as_user: Any, office: Any, unit_a: Any, unit_b: Any
) -> None:
    task = make_task()
    client = as_user(office)
    url = reverse("ledger:task-assign", args=[task.pk])
    form = {
        "lead_unit": unit_a.pk,
        "deadline_kind": "ongoing",
        "version": task.version,
        "m-TOTAL_FORMS": 0,
        "m-INITIAL_FORMS": 0,
    }
    Task.objects.get(pk=task.pk).reword("别人先改了。", by=office)
    response = client.post(url, form)
    assert response.status_code == 200
    assert "在你编辑期间" in response.content.decode()
    assert Task.objects.get(pk=task.pk).lead_unit is None
    form["version"] = Task.objects.get(pk=task.pk).version
    assert client.post(url, form).status_code == 302
    assert Task.objects.get(pk=task.pk).lead_unit == unit_a


def test_assigning_without_a_lead_unit_says_so_in_chinese(as_user: Any, office: Any) -> None:
    task = make_task()
    response = as_user(office).post(
        reverse("ledger:task-assign", args=[task.pk]),
        {"deadline_kind": "date", "version": 1, "m-TOTAL_FORMS": 0, "m-INITIAL_FORMS": 0},
    )
    page = response.content.decode()
    assert "这个字段是必填项" in page
    assert "按期完成的任务须填写截止日期" in page


def test_a_report_goes_through_its_whole_workflow_on_screen(
    client: Any, unit_a: Any, reporter_a: Any, unit_leader_a: Any, office: Any
) -> None:
    task = make_task(lead_unit=unit_a)
    target = Target.objects.create(
        decision=task.decision,
        task=task,
        key="T1",
        kind="numeric",
        indicator="装机",
        unit="万千瓦",
        value=100,
    )
    client.force_login(reporter_a)
    url = reverse("progress:report-for-task", args=[task.pk]) + "?period=2024Q1"
    form = client.get(url)
    assert "装机" in form.content.decode()
    response = client.post(
        url,
        {
            "narrative": "完成选址。",
            "percent": 30,
            "claim": "on_track",
            f"target_{target.pk}": "42.5",
            "evidence": SimpleUploadedFile("a.pdf", b"%PDF-1.4\n%%EOF\n"),
            "submit": "1",
        },
    )
    report = Report.objects.get()
    assert response.status_code == 302
    assert report.state == ReportState.SUBMITTED
    assert Measurement.objects.get(report=report).value == 42.5
    assert Evidence.objects.filter(report=report).count() == 1
    client.force_login(unit_leader_a)
    assert "待我审核" in client.get(reverse("progress:my-unit")).content.decode()
    client.post(
        reverse("progress:report-action", args=[report.pk, "approve"]),
        {"version": Report.objects.get().version},
    )
    client.force_login(office)
    assert task.key in client.get(reverse("progress:review-queue")).content.decode()
    client.post(
        reverse("progress:report-action", args=[report.pk, "return"]),
        {"comment": "请补充数据来源。", "version": Report.objects.get().version},
    )
    assert Report.objects.get().state == ReportState.RETURNED
    client.force_login(reporter_a)
    mine = client.get(reverse("progress:my-unit")).content.decode()
    assert "请补充数据来源。" in mine
    edit = reverse("progress:report-edit", args=[report.pk])
    client.post(
        edit,
        {
            "narrative": "完成选址，数据来自统计局。",
            "percent": 35,
            "claim": "on_track",
            "version": Report.objects.get().version,
            "submit": "1",
        },
    )
    assert Report.objects.get().state == ReportState.SUBMITTED
    actions = [e.action for e in Report.objects.get().history()]
    assert actions[:5] == ["create", "submit", "approve", "return", "update"]
    assert actions[-1] == "submit"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"percent": 130, "claim": "on_track"}, "完成百分比应在0到100之间"),
        ({"percent": 80, "claim": "done"}, "应为100%"),
        ({"percent": "很多", "claim": "on_track"}, "输入整数"),
    ],
)
def test_the_report_form_refuses_bad_values_in_chinese_and_saves_nothing(
    as_user: Any, unit_a: Any, reporter_a: Any, data: dict, message: str
) -> None:
    task = make_task(lead_unit=unit_a)
    response = as_user(reporter_a).post(
        reverse("progress:report-for-task", args=[task.pk]) + "?period=2024Q1", {"narrative": "x", **data}
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Report.objects.exists()


def test_a_bad_evidence_file_leaves_the_report_unsaved(as_user: Any, unit_a: Any, reporter_a: Any) -> None:
    task = make_task(lead_unit=unit_a)
    response = as_user(reporter_a).post(
        reverse("progress:report-for-task", args=[task.pk]) + "?period=2024Q1",
        {
            "narrative": "x",
            "percent": 10,
            "claim": "on_track",
            "evidence": SimpleUploadedFile("x.exe", b"MZ" + b"\0" * 99),
        },
    )
    assert "不支持此类文件" in response.content.decode()
    assert not Report.objects.exists()
    assert not Evidence.objects.exists()


def test_two_reporters_editing_the_same_report_do_not_lose_an_update(
    client: Any, unit_a: Any, reporter_a: Any
) -> None:
    report = make_report(task=make_task(lead_unit=unit_a), unit=unit_a)
    client.force_login(reporter_a)
    url = reverse("progress:report-edit", args=[report.pk])
    first = {"narrative": "第一个人的内容。", "percent": 20, "claim": "on_track", "version": report.version}
    second = {**first, "narrative": "第二个人的内容。"}
    assert client.post(url, first).status_code == 302
    response = client.post(url, second)
    assert "在你编辑期间" in response.content.decode()
    assert "李强" in response.content.decode()
    assert Report.objects.get().narrative == "第一个人的内容。"


def test_a_reporter_cannot_report_on_a_future_period(as_user: Any, unit_a: Any, reporter_a: Any) -> None:
    task = make_task(lead_unit=unit_a)
    assert (
        as_user(reporter_a)
        .get(reverse("progress:report-for-task", args=[task.pk]) + "?period=2999Q1")
        .status_code
        == 404
    )
    assert (
        as_user(reporter_a)
        .get(reverse("progress:report-for-task", args=[task.pk]) + "?period=bogus")
        .status_code
        == 404
    )


def test_the_office_withdraws_and_splits_tasks_on_screen(as_user: Any, office: Any) -> None:
    task = make_task(text="甲；乙。")
    client = as_user(office)
    client.post(reverse("ledger:task-split", args=[task.pk]), {"parts": "甲。\n乙。", "version": 1})
    assert Task.objects.get(pk=task.pk).state == TaskState.SPLIT
    part = Task.objects.get(derived_from=task, text="乙。")
    response = client.post(
        reverse("ledger:task-withdraw", args=[part.pk]), {"reason": "", "version": part.version}
    )
    assert "这个字段是必填项" in response.content.decode()
    client.post(
        reverse("ledger:task-withdraw", args=[part.pk]), {"reason": "与其他任务重复", "version": part.version}
    )
    assert Task.objects.get(pk=part.pk).state == TaskState.WITHDRAWN


def test_a_league_cascades_its_task_on_screen(
    as_user: Any, league: Any, banner: Any, league_reporter: Any
) -> None:
    task = make_task(lead_unit=league)
    response = as_user(league_reporter).post(
        reverse("ledger:task-cascade", args=[task.pk]),
        {
            "c-TOTAL_FORMS": 2,
            "c-INITIAL_FORMS": 0,
            "c-0-unit": banner.pk,
            "c-0-text": "治沙5万亩",
            "c-1-unit": "",
            "c-1-text": "",
        },
    )
    assert response.status_code == 302
    assert task.subtasks.get().lead_unit == banner


def test_the_office_imports_units_from_a_csv_upload(as_user: Any, office: Any) -> None:
    data = "代码,名称,类别\nx1,某市发展改革委,部门\n".encode()
    as_user(office).post(reverse("ledger:units-import"), {"file": SimpleUploadedFile("u.csv", data)})
    assert Unit.objects.filter(code="x1").exists()


def test_the_audit_trail_exports_to_csv_and_excel(as_user: Any, auditor: Any, office: Any) -> None:
    task = make_task()
    task.reword("新的表述。", by=office)
    client = as_user(auditor)
    csv_text = client.get(reverse("ledger:audit-export-csv"), {"task": task.pk}).content.decode("utf-8-sig")
    assert "reword" in csv_text
    assert "新的表述。" in csv_text
    assert "王敏" in csv_text
    xlsx = client.get(reverse("ledger:audit-export-xlsx"))
    assert xlsx.content[:2] == b"PK"
    page = client.get(reverse("ledger:audit-list"), {"task": task.pk}).content.decode()
    assert "修改表述" in page  # the page in words; the codes stay in the exports
    assert "reword" not in page
    assert AuditEntry.objects.filter(task=task).count() == 2


def test_the_interface_switches_to_english_and_back(client: Any, office: Any) -> None:
    client.force_login(office)
    assert "任务清单" in client.get(reverse("ledger:task-list")).content.decode()
    client.post(reverse("set_language"), {"language": "en", "next": "/tasks/"})
    page = client.get(reverse("ledger:task-list")).content.decode()
    assert "Task list" in page
    assert 'lang="en"' in page
    client.post(reverse("set_language"), {"language": "zh-hans", "next": "/tasks/"})
    assert "任务清单" in client.get(reverse("ledger:task-list")).content.decode()


def test_chinese_is_the_default_whatever_the_browser_asks_for(client: Any, office: Any) -> None:
    client.force_login(office)
    page = client.get(reverse("ledger:task-list"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert "任务清单" in page
    assert 'lang="zh-hans"' in page


def test_every_page_is_served_with_its_own_stylesheet_and_no_cdn(client: Any, office: Any) -> None:
    client.force_login(office)
    page = client.get(reverse("ledger:task-list")).content.decode()
    assert "http://" not in page
    assert "https://" not in page
    css = client.get("/static/luoshi/luoshi.css")
    assert css.status_code == 200
    assert b"@media print" in b"".join(css.streaming_content)
