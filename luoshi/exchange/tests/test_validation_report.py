"""The validation report: errors row by row, nothing applied while any row is wrong, suggestions for
unknown units, and changes made in the ledger since the export never overwritten silently."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import pytest
from django.urls import reverse

from luoshi.exchange.models import SheetImport
from luoshi.ledger.models import Task
from luoshi.ledger.tests.factory import make_document

from .helpers import edit, upload

pytestmark = pytest.mark.django_db


def export(client: Any, plan: Any) -> bytes:
    return client.get(reverse("exchange:export") + f"?decision={plan.decision.pk}").content


def check(client: Any, data: bytes, **form: Any) -> dict[str, Any]:
    response = client.post(reverse("exchange:import-upload"), {"file": upload(data), **form})
    assert response.status_code == 302, response.content.decode()[:2000]
    return client.get(response["Location"] + "?format=json").json()


def test_errors_are_listed_row_by_row_and_nothing_is_applied(as_user: Any, office: Any, plan: Any) -> None:
    client = as_user(office)
    data = edit(
        export(client, plan),
        {
            (plan.a.pk, "责任人"): "赵六",  # fine on its own
            (plan.b.pk, "完成时限"): "2025-02-30",
            (plan.c.pk, "任务内容"): "完善制度。",
            (plan.c.pk, "季度节点"): "找个时间完成",
        },
    )
    report = check(client, data)
    assert report["valid"] is False
    by_row = {r["row"]: r for r in report["rows"]}
    assert by_row[4]["status"] == "change"
    assert "日期不存在" in by_row[5]["errors"][0]
    assert "完成时限" in by_row[5]["errors"][0]
    assert "季度节点" in by_row[6]["errors"][0]
    location = reverse("exchange:import-preview", args=[SheetImport.objects.get().pk])
    page = client.post(location).content.decode()
    assert "没有导入任何内容" in page or "整张表都不会导入" in page
    assert Task.objects.get(pk=plan.a.pk).responsible == "张三"


def test_an_unknown_unit_gets_suggestions_by_similarity(as_user: Any, office: Any, plan: Any) -> None:
    client = as_user(office)
    report = check(
        client,
        edit(
            export(client, plan), {(plan.a.pk, "牵头单位"): "发改委", (plan.b.pk, "配合单位"): "自治区教育局"}
        ),
    )
    first, second = report["rows"][0]["errors"][0], report["rows"][1]["errors"][0]
    assert "找不到单位“发改委”" in first
    assert "自治区发展和改革委员会" in first
    assert "自治区教育厅" in second


def test_a_change_made_in_the_ledger_since_the_export_is_reported_not_overwritten(
    as_user: Any, office: Any, plan: Any, unit_a: Any, league: Any
) -> None:
    client = as_user(office)
    exported = export(client, plan)
    task = Task.objects.get(pk=plan.a.pk)
    task.assign(
        by=office, lead=unit_a, co=[league], responsible="钱七", deadline_kind="date", deadline=task.deadline
    )
    report = check(client, edit(exported, {(plan.a.pk, "责任人"): "孙八"}))
    (error,) = report["rows"][0]["errors"]
    assert "责任人" in error
    assert "导出后" in error
    assert "王敏" in error
    assert Task.objects.get(pk=plan.a.pk).responsible == "钱七"


def test_a_field_changed_in_the_ledger_that_the_office_did_not_touch_is_kept(
    as_user: Any, office: Any, plan: Any, unit_a: Any, league: Any
) -> None:
    client = as_user(office)
    exported = export(client, plan)
    task = Task.objects.get(pk=plan.a.pk)
    task.assign(
        by=office, lead=unit_a, co=[league], responsible="钱七", deadline_kind="date", deadline=task.deadline
    )
    report = check(
        client, edit(exported, {(plan.a.pk, "完成时限"): "长期坚持", (plan.c.pk, "任务内容"): "完善制度。"})
    )
    assert report["valid"], report["rows"]
    assert [c["label"] for c in report["rows"][0]["changes"]] == ["完成时限"]
    client.post(reverse("exchange:import-preview", args=[SheetImport.objects.get().pk]))
    task = Task.objects.get(pk=plan.a.pk)
    assert (task.responsible, task.deadline_kind) == ("钱七", "ongoing")


def test_a_repeated_task_key_is_an_error_and_a_row_without_one_is_skipped(
    as_user: Any, office: Any, plan: Any
) -> None:
    client = as_user(office)
    report = check(
        client,
        edit(
            export(client, plan),
            {
                (plan.b.pk, "任务标识"): plan.a.pk,
                (plan.c.pk, "任务标识"): None,
                (plan.c.pk, "任务内容"): "完善制度。",
            },
        ),
    )
    rows = report["rows"]
    assert "同一项任务" in rows[1]["errors"][0]
    assert (rows[2]["status"], rows[2]["errors"]) == ("skip", [])
    assert "没有任务标识" in rows[2]["skipped"]


def test_the_extraction_sheet_fills_in_lead_units_before_import(
    as_user: Any, office: Any, unit_a: Any, league: Any
) -> None:
    from luoshi.ledger.importing import apply_import, plan_import

    doc = make_document()
    decision = apply_import(plan_import("原文", doc, None), source_name="test.txt")
    buf = io.BytesIO()
    doc.to_xlsx(buf)
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(buf.getvalue()))
    ws = wb["任务清单"]
    header = [c.value for c in ws[1]]
    lead, co, key = header.index("牵头单位") + 1, header.index("配合单位") + 1, header.index("条目编号") + 1
    for r in range(2, ws.max_row + 1):
        if ws.cell(row=r, column=key).value == "2.1":
            ws.cell(row=r, column=lead).value = "发展改革委"
            ws.cell(row=r, column=co).value = "鄂尔多斯市"
    out = io.BytesIO()
    wb.save(out)
    client = as_user(office)
    no_decision = client.post(
        reverse("exchange:import-upload"), {"file": upload(out.getvalue(), "任务清单.xlsx")}
    )
    assert "请选择它所属的决定" in client.get(no_decision["Location"], follow=True).content.decode()
    report = check(client, out.getvalue(), decision=decision.pk)
    assert report["kind"] == "list"
    assert report["valid"], report["rows"][0]["errors"]
    assert report["counts"]["change"] == 1
    client.post(reverse("exchange:import-preview", args=[SheetImport.objects.order_by("-pk").first().pk]))
    task = Task.objects.get(decision=decision, source_key="2.1")
    assert (task.lead_unit, [u.name for u in task.co_units()]) == (unit_a, ["鄂尔多斯市"])
    assert Task.objects.get(decision=decision, source_key="1.1.1").lead_unit is None


def _bomb() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/workbook.xml", b"<" + b" " * 50_000_000 + b">")
    return buf.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("bomb.xlsx", _bomb(), "压缩炸弹"),
        ("note.xlsx", "不是表格".encode(), "识别为 txt"),
        ("plain.txt", "不是表格".encode(), "不支持"),
        ("empty.xlsx", b"", "空"),
    ],
)
def test_an_unsafe_or_wrong_upload_is_refused(
    as_user: Any, office: Any, name: str, data: bytes, message: str
) -> None:
    response = as_user(office).post(reverse("exchange:import-upload"), {"file": upload(data, name)})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not SheetImport.objects.exists()


@pytest.mark.parametrize("persona", ["reporter_a", "unit_leader_a", "leader", "auditor"])
def test_only_the_office_imports(as_user: Any, request: pytest.FixtureRequest, persona: str) -> None:
    assert as_user(request.getfixturevalue(persona)).get(reverse("exchange:import-upload")).status_code == 403
