"""An import never changes a field it cannot read with certainty: a formula, or text that starts like
one, refuses its row with the cell's address; an ambiguous deadline is an error quoting the cell; a
row that names no task, or a 任务清单 row without a lead unit, is skipped and left alone."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from luoshi.exchange.models import SheetImport
from luoshi.exchange.parsing import CellError, parse_deadline
from luoshi.ledger.models import Task
from luoshi.ledger.tests.factory import make_document

from .helpers import COL, edit, upload

pytestmark = pytest.mark.django_db


def export(client: Any, plan: Any) -> bytes:
    return client.get(reverse("exchange:export") + f"?decision={plan.decision.pk}").content


def check(client: Any, data: bytes, **form: Any) -> dict[str, Any]:
    response = client.post(reverse("exchange:import-upload"), {"file": upload(data), **form})
    assert response.status_code == 302, response.content.decode()[:2000]
    return client.get(response["Location"] + "?format=json").json()


def confirm(client: Any) -> None:
    client.post(reverse("exchange:import-preview", args=[SheetImport.objects.order_by("-pk").first().pk]))


@pytest.mark.parametrize(
    "cell", ["2025年、2030年", "2026年上半年", "2025年前", "2025-2030年", "6月底前", "2025年第三季度"]
)
def test_a_deadline_with_a_figure_the_reader_cannot_place_is_an_error_quoting_it(cell: str) -> None:
    with pytest.raises(CellError, match=f"无法确定完成时限“{cell}”"):
        parse_deadline(cell)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("2025年6月底", ("date", dt.date(2025, 6, 30), "")),
        ("2024年2月底前", ("date", dt.date(2024, 2, 29), "")),
        ("2025年12月31日前", ("date", dt.date(2025, 12, 31), "")),
        ("2030年", ("year_end", dt.date(2030, 12, 31), "")),
        (2030, ("year_end", dt.date(2030, 12, 31), "")),
        ("根据国家部署确定", ("text", None, "根据国家部署确定")),
    ],
)
def test_deadlines_written_in_one_certain_way_are_read(cell: Any, expected: tuple[Any, ...]) -> None:
    assert parse_deadline(cell) == expected


def test_an_ambiguous_deadline_in_the_plan_is_an_error_for_its_row_and_nothing_is_applied(
    as_user: Any, office: Any, plan: Any
) -> None:
    client = as_user(office)
    data = edit(
        export(client, plan),
        {(plan.a.pk, "完成时限"): "2025年、2030年", (plan.c.pk, "任务内容"): "完善制度。"},
    )
    report = check(client, data)
    assert report["valid"] is False
    (error,) = report["rows"][0]["errors"]
    assert error.startswith("【完成时限】无法确定完成时限“2025年、2030年”")
    confirm(client)
    task = Task.objects.get(pk=plan.a.pk)
    assert (task.deadline_kind, task.deadline) == ("date", dt.date(2030, 6, 30))


def test_a_formula_anywhere_in_a_row_refuses_that_row_with_the_cells_address(
    as_user: Any, office: Any, plan: Any
) -> None:
    client = as_user(office)
    data = edit(
        export(client, plan),
        {
            (plan.a.pk, "任务内容"): "=CONCAT(C5,C6)",  # a real formula: openpyxl writes it as one
            (plan.b.pk, "责任人"): "=1+2",
            (plan.c.pk, "任务内容"): "完善制度。",
            (plan.c.pk, "进展情况"): "@SUM(1)",  # a column the import otherwise ignores
        },
    )
    report = check(client, data)
    assert report["valid"] is False
    rows = report["rows"]
    letter = {h: "ABCDEFGHIJKLM"[n - 1] for h, n in COL.items()}
    assert rows[0]["errors"] == [
        f"单元格以公式开头（{letter['任务内容']}4），此行不导入：请删去开头的 =、+、-、@ 后重新上传。"
    ]
    assert f"单元格以公式开头（{letter['责任人']}5）" in rows[1]["errors"][0]
    assert f"单元格以公式开头（{letter['进展情况']}6）" in rows[2]["errors"][0]
    confirm(client)
    assert Task.objects.get(pk=plan.b.pk).responsible == ""
    assert Task.objects.get(pk=plan.a.pk).text == "推进草原保护修复。"


def test_text_typed_to_look_like_a_formula_is_refused_too(as_user: Any, office: Any, plan: Any) -> None:
    client = as_user(office)
    wb = load_workbook(io.BytesIO(edit(export(client, plan), {(plan.c.pk, "任务内容"): "完善制度。"})))
    ws = wb.worksheets[0]
    cell = ws.cell(row=4, column=COL["责任人"])
    cell.value = "-2+3"
    cell.data_type = "s"  # a string cell, as Excel keeps '-2+3 typed with a quote
    buf = io.BytesIO()
    wb.save(buf)
    report = check(client, buf.getvalue())
    assert "单元格以公式开头" in report["rows"][0]["errors"][0]


def test_an_untouched_task_list_skips_rows_without_a_lead_and_keeps_the_ledgers_deadlines(
    as_user: Any, office: Any, unit_a: Any
) -> None:
    """The case that lost data: a decision assigned in the ledger, its 任务清单 imported untouched."""
    from luoshi.ledger.importing import apply_import, plan_import

    doc = make_document()
    decision = apply_import(plan_import("原文", doc, None), source_name="test.txt")
    task = Task.objects.get(decision=decision, source_key="2.1")
    task.assign(by=office, lead=unit_a, co=[], deadline_kind="date", deadline=dt.date(2030, 12, 31))
    buf = io.BytesIO()
    doc.to_xlsx(buf)
    client = as_user(office)
    report = check(client, buf.getvalue(), decision=decision.pk)
    assert report["counts"]["change"] == 0
    assert report["counts"]["skip"] == report["counts"]["rows"]
    assert {r["skipped"] for r in report["rows"]} == {"未填写牵头单位，此行不导入。"}
    confirm(client)
    task.refresh_from_db()
    assert (task.deadline_kind, task.deadline, task.deadline_note) == ("date", dt.date(2030, 12, 31), "")


def test_a_task_list_row_with_a_lead_and_several_years_is_an_error_not_an_undated_deadline(
    as_user: Any, office: Any, unit_a: Any
) -> None:
    from luoshi.ledger.importing import apply_import, plan_import

    doc = make_document()
    decision = apply_import(plan_import("原文", doc, None), source_name="test.txt")
    buf = io.BytesIO()
    doc.to_xlsx(buf)
    wb = load_workbook(io.BytesIO(buf.getvalue()))
    ws = wb["任务清单"]
    header = [c.value for c in ws[1]]
    key = header.index("条目编号") + 1
    for r in range(2, ws.max_row + 1):
        if ws.cell(row=r, column=key).value == "2.1":
            ws.cell(row=r, column=header.index("牵头单位") + 1).value = "自治区发展和改革委员会"
            ws.cell(row=r, column=header.index("完成时限") + 1).value = "2025年、2030年"
        elif ws.cell(row=r, column=key).value == "1.1.2":
            ws.cell(row=r, column=header.index("牵头单位") + 1).value = "自治区发展和改革委员会"
            ws.cell(row=r, column=key).value = None
    out = io.BytesIO()
    wb.save(out)
    report = check(as_user(office), out.getvalue(), decision=decision.pk)
    by_key = {r["key"]: r for r in report["rows"]}
    assert "无法确定完成时限“2025年、2030年”" in by_key["2.1"]["errors"][0]
    assert "此行没有条目编号，不导入。" in {r["skipped"] for r in report["rows"]}
    assert Task.objects.get(decision=decision, source_key="2.1").deadline_note == ""
