"""What a task's light rests on, for the task page: the light with its reason, and the facts the
rules read — the lead unit, the time limit (deadline, 形象进度 nodes), 序时进度 against the progress
reported, the last accepted report, each unit's reporting light — and, for a task cascaded to
banners and counties, its own progress beside what its sub-tasks add up to.

Read live from the record (a handful of queries for one task); the light itself is the stored one,
computed by ``luoshi.supervision.lights`` with the time it was computed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from luoshi.figures import colours
from luoshi.figures.tasks import RollUp, roll_up
from luoshi.web.display import day, moment


@dataclass
class Fact:
    label: str
    value: str


@dataclass
class Basis:
    colour: str
    label: str
    reason: str
    since: str
    computed: str
    facts: list[Fact] = field(default_factory=list)
    obligations: list[tuple[str, str, str, str]] = field(default_factory=list)  # unit, colour, label, reason
    rollup: RollUp | None = None

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "color": self.colour,
            "label": self.label,
            "reason": self.reason,
            "since": self.since,
            "computed": self.computed,
            "facts": [{"label": f.label, "value": f.value} for f in self.facts],
            "obligations": [
                {"unit": u, "color": c, "label": label, "reason": r} for u, c, label, r in self.obligations
            ],
        }
        if self.rollup is not None:
            r = self.rollup
            out["rollup"] = {
                "own_percent": r.own_percent,
                "mean_percent": r.mean_percent,
                "min_percent": r.min_percent,
                "done": r.done,
                "subtasks": len(r.relevant),
                "lights": r.lights,
            }
        return out


def basis_of(task: Any, user: Any, today: dt.date | None = None) -> Basis:
    """The basis of ``task``'s light as ``user`` may read it (reports and reporting lights they see)."""
    from luoshi.ledger.models import Milestone
    from luoshi.progress.models import Report, ReportState

    from .lights import TaskFacts, expected_percent
    from .models import ObligationLight, TaskLight

    today = today or timezone.localdate()
    light = TaskLight.objects.filter(task=task).first()
    if light is not None:
        colour, label, reason = light.color, str(light.get_color_display()), str(light.reason_display())
        since, computed = day(light.since), moment(light.computed_at)
    else:
        colour, label = colours.NONE, str(colours.LABELS[colours.NONE])
        reason, since, computed = _("尚未计算状态灯"), "", ""
    out = Basis(colour, label, reason, since, computed)
    facts = out.facts
    facts.append(Fact(_("牵头单位"), task.lead_unit.name if task.lead_unit_id else _("未确定（未分工）")))
    facts.append(Fact(_("完成时限"), task.deadline_display() or _("未定")))
    nodes = list(
        Milestone.objects.filter(task=task, withdrawn=False).order_by("due").values_list("due", "description")
    )
    upcoming = [(d, what) for d, what in nodes if d >= today]
    if upcoming:
        d, what = upcoming[0]
        facts.append(Fact(_("下一形象进度节点"), f"{day(d)} {what}"))
    elif nodes:
        facts.append(Fact(_("形象进度节点"), _("%(n)s个，均已到期") % {"n": len(nodes)}))
    on = timezone.localtime(task.assigned_at).date() if task.assigned_at else None
    facts_row = TaskFacts(
        task.pk,
        task.key,
        task.lead_unit_id,
        task.parent_id,
        task.deadline_kind,
        task.deadline,
        task.progress_status,
        task.percent,
        on,
    )
    expected = expected_percent(facts_row, today)
    reported = task.percent if task.percent is not None else 0
    if expected is not None:
        facts.append(
            Fact(
                _("序时进度"),
                _("应完成约%(expected)s%%，报告完成%(actual)s%%")
                % {"expected": expected, "actual": reported},
            )
        )
    else:
        facts.append(Fact(_("报告完成"), f"{reported}%" if task.percent is not None else _("尚无")))
    last = (
        Report.objects.visible_to(user)
        .filter(task=task, unit_id=task.lead_unit_id, state=ReportState.ACCEPTED)
        .order_by("-period", "-id")
        .first()
        if task.lead_unit_id
        else None
    )
    if last is not None:
        facts.append(
            Fact(
                _("最近采纳的报告"),
                _("%(period)s：完成%(percent)s%%，%(claim)s（%(when)s采纳）")
                % {
                    "period": last.period_label,
                    "percent": last.percent,
                    "claim": last.get_claim_display(),
                    "when": day(last.reviewed_at) if last.reviewed_at else "—",
                },
            )
        )
    else:
        facts.append(Fact(_("最近采纳的报告"), _("尚无")))
    for ob in (
        ObligationLight.objects.filter(task=task).select_related("unit").order_by("unit__order", "unit_id")
    ):
        out.obligations.append(
            (ob.unit.name, ob.color, str(ob.get_color_display()), str(ob.reason_display()))
        )
    out.rollup = roll_up(task)
    return out
