"""Export, edit in Excel, upload, see what changes, apply: the round trip."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse

from luoshi.exchange.models import SheetImport
from luoshi.ledger.models import AuditEntry, Milestone, Task

from .helpers import edit, rows, upload

pytestmark = pytest.mark.django_db


def export(client: Any, plan: Any) -> bytes:
    return client.get(reverse("exchange:export") + f"?decision={plan.decision.pk}").content


def test_an_edited_plan_comes_back_and_is_applied_with_the_audit_trail(
    as_user: Any, office: Any, plan: Any, unit_b: Any, banner: Any
) -> None:
    client = as_user(office)
    data = edit(
        export(client, plan),
        {
            (plan.a.pk, "牵头单位"): "教育厅",  # by its short name
            (plan.a.pk, "配合单位"): "鄂尔多斯市、达拉特旗",
            (plan.a.pk, "责任人"): "李四",
            (plan.a.pk, "完成时限"): "2026年底",
            (plan.a.pk, "季度节点"): "一季度：完成修复方案\n2024-06-30 完成验收",
            (plan.c.pk, "牵头单位"): "自治区发展和改革委员会",
            (plan.c.pk, "任务内容"): "完善制度建设。",
            (plan.b.pk, "进展情况"): "（只读列，改了也不导入）",
        },
    )
    response = client.post(reverse("exchange:import-upload"), {"file": upload(data)})
    record = SheetImport.objects.get()
    assert response["Location"] == reverse("exchange:import-preview", args=[record.pk])
    report = client.get(response["Location"] + "?format=json").json()
    assert (report["valid"], report["counts"]) == (
        True,
        {"rows": 3, "change": 2, "same": 1, "skip": 0, "error": 0},
    )
    changes = {c["label"]: (c["before"], c["after"]) for c in report["rows"][0]["changes"]}
    assert changes["牵头单位"] == ("自治区发展和改革委员会", "自治区教育厅")
    assert changes["完成时限"] == ("2030-06-30", "2026年内")
    assert "季度节点" in changes
    assert "任务内容" not in changes
    assert Task.objects.get(pk=plan.a.pk).responsible == "张三"  # nothing applied before confirming

    client.post(response["Location"])
    a, c = Task.objects.get(pk=plan.a.pk), Task.objects.get(pk=plan.c.pk)
    assert (a.lead_unit, a.responsible, a.deadline_kind, a.deadline) == (
        unit_b,
        "李四",
        "year_end",
        dt.date(2026, 12, 31),
    )
    assert sorted(u.name for u in a.co_units()) == ["达拉特旗", "鄂尔多斯市"]
    assert sorted((m.due, m.description) for m in Milestone.objects.filter(task=a, withdrawn=False)) == [
        (dt.date(2024, 3, 31), "完成修复方案"),
        (dt.date(2024, 6, 30), "完成验收"),
    ]
    assert (c.text, c.lead_unit.name, c.is_assigned) == ("完善制度建设。", "自治区发展和改革委员会", True)
    entries = AuditEntry.objects.filter(task=a, action="assign")
    assert entries.get().channel == "excel"
    assert "Excel" in entries.get().note
    assert SheetImport.objects.get().applied_at is not None

    again = rows(export(client, plan))
    assert (again[0]["牵头单位"], again[0]["完成时限"]) == ("自治区教育厅", "2026年内")
    assert again[0]["季度节点"] == "2024-03-31 完成修复方案\n2024-06-30 完成验收"
    second = client.post(reverse("exchange:import-upload"), {"file": upload(export(client, plan))})
    assert client.get(second["Location"] + "?format=json").json()["counts"]["change"] == 0


def test_an_applied_sheet_is_not_applied_twice(as_user: Any, office: Any, plan: Any) -> None:
    client = as_user(office)
    data = edit(export(client, plan), {(plan.a.pk, "责任人"): "王五"})
    location = client.post(reverse("exchange:import-upload"), {"file": upload(data)})["Location"]
    client.post(location)
    version = Task.objects.get(pk=plan.a.pk).version
    client.post(location)
    assert Task.objects.get(pk=plan.a.pk).version == version


def test_an_untouched_plan_comes_back_changing_nothing(as_user: Any, office: Any, plan: Any) -> None:
    Task.objects.filter(pk=plan.c.pk).update(text="完善制度。")
    client = as_user(office)
    report = client.get(
        client.post(reverse("exchange:import-upload"), {"file": upload(export(client, plan))})["Location"]
        + "?format=json"
    ).json()
    assert report["counts"] == {"rows": 3, "change": 0, "same": 3, "skip": 0, "error": 0}


@pytest.mark.parametrize("source", ["sample", "corpus"])
def test_an_untouched_task_list_comes_back_changing_nothing(
    as_user: Any, office: Any, unit_a: Any, source: str
) -> None:
    """``luoshi extract --format xlsx`` of a decision, imported untouched into that decision once the
    office has assigned some of its tasks in the ledger: every row is skipped, nothing changes."""
    import io
    import os
    from pathlib import Path

    from luoshi.document import extract
    from luoshi.ledger.importing import apply_import, plan_import

    path = Path(__file__).resolve().parents[2] / "samples" / "sample-decision.txt"
    if source == "corpus":
        shared = os.environ.get("LUOSHI_SHARED") or Path(__file__).resolve().parents[3].parent / "shared"
        path = Path(shared) / "corpus" / "im-decision-2022.txt"
        if not path.is_file():
            pytest.skip("../shared/corpus is not beside this checkout")
    doc = extract(path)
    decision = apply_import(plan_import(path.read_text(encoding="utf-8"), doc, None), source_name=path.name)
    tasks = list(Task.objects.filter(decision=decision).order_by("order")[:5])
    for t in tasks:
        t.assign(by=office, lead=unit_a, co=[], deadline_kind="date", deadline=dt.date(2030, 12, 31))
    buf = io.BytesIO()
    doc.to_xlsx(buf)
    client = as_user(office)
    location = client.post(
        reverse("exchange:import-upload"), {"file": upload(buf.getvalue()), "decision": decision.pk}
    )["Location"]
    report = client.get(location + "?format=json").json()
    assert report["counts"]["change"] == report["counts"]["error"] == 0
    client.post(location)
    for t in tasks:
        t.refresh_from_db()
        assert (t.lead_unit, t.deadline_kind, t.deadline) == (unit_a, "date", dt.date(2030, 12, 31))
