"""Reading and editing exported workbooks in tests, as an office would in Excel."""

from __future__ import annotations

import io
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from luoshi.exchange.sheet import COLUMNS, FIRST_ROW

COL = {c.header: n for n, c in enumerate(COLUMNS, start=1)}


def workbook(data: bytes) -> Any:
    return load_workbook(io.BytesIO(data))


def rows(data: bytes) -> list[dict[str, Any]]:
    ws = workbook(data).worksheets[0]
    return [
        {c.header: ws.cell(row=r, column=n).value for n, c in enumerate(COLUMNS, start=1)}
        for r in range(FIRST_ROW, ws.max_row + 1)
    ]


def edit(data: bytes, changes: dict[tuple[int, str], Any]) -> bytes:
    """Set cells by (task id, column header), as someone editing the sheet would."""
    wb = workbook(data)
    ws = wb.worksheets[0]
    for r in range(FIRST_ROW, ws.max_row + 1):
        pk = ws.cell(row=r, column=COL["任务标识"]).value
        for (task_pk, header), value in changes.items():
            if task_pk == pk:
                ws.cell(row=r, column=COL[header]).value = value
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def upload(data: bytes, name: str = "任务分工方案.xlsx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)
