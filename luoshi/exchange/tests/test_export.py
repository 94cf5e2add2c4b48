"""The 任务分工方案 export: the columns offices use, an official look, safe against formula injection,
and each row carrying the task's key so that it can come back."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from .helpers import rows, workbook

pytestmark = pytest.mark.django_db

HEADERS = [
    "序号",
    "板块",
    "任务内容",
    "量化目标",
    "牵头单位",
    "配合单位",
    "责任人",
    "完成时限",
    "季度节点",
    "进展情况",
    "亮灯",
]


def export(client: Any, query: str = "") -> bytes:
    response = client.get(reverse("exchange:export") + query)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "filename*=utf-8''" in response["Content-Disposition"]
    return response.content


def test_a_decisions_plan_has_the_columns_and_one_row_per_task(as_user: Any, office: Any, plan: Any) -> None:
    data = export(as_user(office), f"?decision={plan.decision.pk}")
    ws = workbook(data).worksheets[0]
    assert [ws.cell(row=3, column=n).value for n in range(1, 12)] == HEADERS
    assert ws["A1"].value == "关于推进测试工作的决定任务分工方案"
    first, second, third = rows(data)
    assert (first["序号"], first["板块"], first["牵头单位"], first["配合单位"]) == (
        1,
        "一、生态建设／（一）筑牢生态屏障",
        "自治区发展和改革委员会",
        "鄂尔多斯市",
    )
    assert (first["责任人"], first["完成时限"], first["季度节点"]) == (
        "张三",
        "2030-06-30",
        "2024-03-31 完成修复方案",
    )
    assert first["量化目标"] == "2030年 森林覆盖率 >= 26%"
    assert first["进展情况"].startswith("正常推进 · 40%")
    assert "修复面积达到80万亩。" in first["进展情况"]
    assert (first["亮灯"], second["亮灯"], second["完成时限"]) == ("绿灯", "黄灯", "长期坚持")
    assert [r["任务标识"] for r in (first, second, third)] == [plan.a.pk, plan.b.pk, plan.c.pk]


def test_the_sheet_looks_official(as_user: Any, office: Any, plan: Any) -> None:
    wb = workbook(export(as_user(office)))
    ws = wb.worksheets[0]
    assert ws.freeze_panes == "A4"
    assert ws["A3"].font.b
    assert ws["C4"].alignment.wrap_text
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == 9
    assert ws.print_title_rows == "$3:$3"
    assert "A1:K1" in {str(r) for r in ws.merged_cells.ranges}
    assert ws.column_dimensions["C"].width > ws.column_dimensions["A"].width
    assert ws.column_dimensions["L"].hidden
    assert ws.column_dimensions["M"].hidden
    assert wb["导出快照"].sheet_state == "veryHidden"


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_cell_starting_like_a_formula_is_text(as_user: Any, office: Any, plan: Any, start: str) -> None:
    plan.c.text = f"{start}SUM(A1:A9)*10 推进工作"
    plan.c.save()
    data = export(as_user(office))
    ws = workbook(data).worksheets[0]
    cell = ws.cell(row=6, column=3)
    assert cell.data_type == "s"
    assert cell.value.startswith(start.strip() or start)
    import io
    import zipfile

    sheet_xml = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml
    assert "<f " not in sheet_xml


def test_a_unit_exports_only_the_tasks_it_sees(as_user: Any, reporter_a: Any, plan: Any) -> None:
    assert [r["任务标识"] for r in rows(export(as_user(reporter_a)))] == [plan.a.pk]


def test_the_export_follows_the_light_filter_the_dashboard_links_to(
    as_user: Any, office: Any, plan: Any
) -> None:
    client = as_user(office)
    yellow = [r["任务标识"] for r in rows(export(client, f"?decision={plan.decision.pk}&light=yellow"))]
    assert yellow == [plan.b.pk]
    listed = client.get(
        reverse("ledger:task-list") + f"?decision={plan.decision.pk}&light=yellow&format=json"
    ).json()
    assert [t["id"] for t in listed["tasks"]] == yellow
    unassigned = rows(export(client, f"?decision={plan.decision.pk}&light=unassigned"))
    assert [(r["任务标识"], r["亮灯"]) for r in unassigned] == [(plan.c.pk, "未分工")]


def test_the_export_follows_the_task_lists_filters(as_user: Any, office: Any, plan: Any, unit_b: Any) -> None:
    assert [r["任务标识"] for r in rows(export(as_user(office), f"?unit={unit_b.pk}"))] == [plan.b.pk]
    page = as_user(office).get(reverse("ledger:task-list") + f"?unit={unit_b.pk}").content.decode()
    assert reverse("exchange:export") + f"?unit={unit_b.pk}" in page
