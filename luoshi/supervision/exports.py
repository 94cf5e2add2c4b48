"""Excel exports of the league table (考核) and of the reporting burden (减负)."""

from __future__ import annotations

import io
from typing import Any

from django.utils.translation import gettext as _

from luoshi.document import new_workbook

from .assessment import formula, item_labels
from .burden import Load
from .models import Rules, Score


def _book() -> Any:
    return new_workbook()  # the one sanitiser: a unit named "=HYPERLINK(…)" stays text


def _bold_header(ws: Any) -> None:
    from openpyxl.styles import Font

    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "A2"


def league_xlsx(scores: list[Score], names: dict[int, str], rules: Rules, period_label: str) -> bytes:
    wb = _book()
    ws = wb.active
    ws.title = _("考核得分")
    labels = item_labels()
    items = [f["code"] for f in formula(rules)]
    ws.append(
        [
            _("名次"),
            _("单位"),
            _("得分"),
            _("应报份数"),
            *[f"{labels[c]}（{_('次')}）" for c in items],
            *[f"{labels[c]}（{_('分')}）" for c in items],
        ]
    )
    for s in scores:
        by = {i["code"]: i for i in s.breakdown.get("items", [])}
        ws.append(
            [
                s.rank,
                names.get(s.unit_id, ""),
                s.total,
                s.breakdown.get("due", 0),
                *[by.get(c, {}).get("count", 0) for c in items],
                *[by.get(c, {}).get("total", 0) for c in items],
            ]
        )
    _bold_header(ws)
    ws.column_dimensions["B"].width = 36
    rules_ws = wb.create_sheet(_("考核办法"))
    rules_ws.append([_("考核周期"), period_label])
    rules_ws.append([_("基础分"), rules.score_base])
    for f in formula(rules):
        rules_ws.append([f["label"], f["points"]])
    rules_ws.append([_("加分上限"), rules.bonus_cap])
    rules_ws.append([_("牵头单位权重"), rules.lead_weight])
    rules_ws.append([_("配合单位权重"), rules.co_weight])
    rules_ws.column_dimensions["A"].width = 28
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def burden_xlsx(loads: list[Load]) -> bytes:
    wb = _book()
    ws = wb.active
    ws.title = _("报送负担")
    ws.append(
        [
            _("单位"),
            _("牵头任务"),
            _("配合任务"),
            _("每年应报份数"),
            _("需填报指标"),
            _("近一年已报"),
            _("近一年收到通知"),
            _("近一年申请"),
        ]
    )
    for x in loads:
        ws.append([x.name, x.lead, x.co, x.reports_per_year, x.targets, x.filed, x.notices, x.requests])
    _bold_header(ws)
    ws.column_dimensions["A"].width = 36
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
