"""The 任务分工方案 as an office files it, read from the sheet's XML: one page wide in print, rows as
tall as their wrapped text, the header frozen, and lists for what the import reads (units from the
catalogue on a hidden sheet, the forms of 完成时限)."""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

import pytest
from django.urls import reverse

from luoshi.exchange.sheet import FIRST_ROW, UNITS_SHEET, lines_in, row_height
from luoshi.ledger.models import Task, Unit

from .helpers import COL, workbook

pytestmark = pytest.mark.django_db


def export(client: Any, plan: Any) -> bytes:
    return client.get(reverse("exchange:export") + f"?decision={plan.decision.pk}").content


def sheet_xml(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read("xl/worksheets/sheet1.xml").decode()


def validation(ws: Any, column: str) -> Any:
    """The data validation on a column's cells."""
    (dv,) = [dv for dv in ws.data_validations.dataValidation if str(dv.sqref).startswith(column)]
    return dv


def test_it_prints_one_page_wide_on_a4_landscape(as_user: Any, office: Any, plan: Any) -> None:
    xml = sheet_xml(export(as_user(office), plan))
    assert '<pageSetUpPr fitToPage="1"/>' in xml  # without it Excel ignores fitToWidth
    setup = re.search(r"<pageSetup [^>]*>", xml).group(0)
    for attr in ('orientation="landscape"', 'paperSize="9"', 'fitToWidth="1"', 'fitToHeight="0"'):
        assert attr in setup


def test_the_header_stays_frozen_and_repeats_on_every_printed_page(
    as_user: Any, office: Any, plan: Any
) -> None:
    data = export(as_user(office), plan)
    pane = re.search(r"<pane [^>]*>", sheet_xml(data)).group(0)
    assert f'topLeftCell="A{FIRST_ROW}"' in pane
    assert 'state="frozen"' in pane
    assert workbook(data).worksheets[0].print_title_rows == "$3:$3"


def test_each_row_is_as_tall_as_its_wrapped_text(as_user: Any, office: Any, plan: Any) -> None:
    long = "推进草原保护修复，" * 30  # 270 characters: a dozen lines in the 任务内容 column
    Task.objects.filter(pk=plan.b.pk).update(text=long)
    ws = workbook(export(as_user(office), plan)).worksheets[0]
    heights = {r: ws.row_dimensions[r].height for r in range(FIRST_ROW, FIRST_ROW + 3)}
    assert heights[FIRST_ROW + 1] == row_height({COL["任务内容"] - 1: long})
    assert lines_in(long, 52) == 11
    assert heights[FIRST_ROW + 1] >= 11 * 14
    assert all(h is not None and h >= 18 for h in heights.values())


def test_lead_units_are_chosen_from_the_catalogue_on_a_hidden_sheet(
    as_user: Any, office: Any, plan: Any
) -> None:
    data = export(as_user(office), plan)
    wb = workbook(data)
    units = wb[UNITS_SHEET]
    assert units.sheet_state == "hidden"
    names = [r[0] for r in units.iter_rows(values_only=True)]
    assert names == list(Unit.objects.active().order_by("order", "code").values_list("name", flat=True))
    ws = wb.worksheets[0]
    letter = {h: "ABCDEFGHIJKLM"[n - 1] for h, n in COL.items()}
    lead = validation(ws, letter["牵头单位"])
    assert (lead.type, lead.formula1) == ("list", f"'{UNITS_SHEET}'!$A$1:$A${len(names)}")
    assert (lead.showErrorMessage, lead.errorStyle) == (True, "stop")
    assert str(lead.sqref) == f"{letter['牵头单位']}{FIRST_ROW}:{letter['牵头单位']}{FIRST_ROW + 2}"
    co = validation(ws, letter["配合单位"])
    assert co.formula1 == lead.formula1
    assert not co.showErrorMessage  # several units are typed into one cell


def test_the_deadline_column_offers_the_forms_the_import_reads(as_user: Any, office: Any, plan: Any) -> None:
    ws = workbook(export(as_user(office), plan)).worksheets[0]
    dv = validation(ws, "ABCDEFGHIJKLM"[COL["完成时限"] - 1])
    forms = dv.formula1.strip('"').split(",")
    assert forms[0] == "长期坚持"
    assert "2030年内" in forms  # up to the latest deadline in the sheet
    assert "2025-06-30" in dv.prompt
    assert "只填一个时限" in dv.prompt
