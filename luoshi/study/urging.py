"""催办 the units that have not studied a decision yet, through the supervision ladder's notices: one
催办 (``NoticeKind.URGE``) to each such unit, in its 督办通知 inbox and on the office's channels, with the
reason in words (尚未登记学习《…》). The key ``urge:study:<decision>:<unit>:<day>`` makes a second
press on the same day create nothing twice; the office's action is on the audit trail."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext as _

from luoshi.ledger.models import Decision, Role, record

from .coverage import of_decision

CODE = "study_missing"


def urge_not_yet(decision: Decision, *, by: Any, today: dt.date | None = None) -> tuple[int, int]:
    """Send a 催办 to every unit to study ``decision`` that has not; returns (made, already sent today)."""
    from luoshi.supervision.calendar import WorkCalendar
    from luoshi.supervision.escalation import NoticeWriter, Planned
    from luoshi.supervision.lights import unit_names
    from luoshi.supervision.models import NoticeKind, Rules

    if Role.of(by) != Role.OFFICE:
        raise PermissionDenied(_("你没有权限进行此操作。"))
    today = today or timezone.localdate()
    missing = of_decision(decision, until=today).not_yet()
    if not missing:
        return 0, 0
    title = decision.title.strip("《》")
    planned = [
        Planned(
            key=f"urge:study:{decision.pk}:{u.unit}:{today.isoformat()}",
            kind=NoticeKind.URGE,
            level="",
            task_id=None,
            unit_id=u.unit,
            period="",
            code=CODE,
            params={"decision": title, "decision_id": decision.pk},
        )
        for u in missing
    ]
    writer = NoticeWriter.create(Rules.get(), WorkCalendar.load(), today, None, unit_names())
    made = writer.write(planned)
    if made:
        record(
            "urge",
            decision,
            note=_("催办尚未学习的单位：%(names)s") % {"names": "、".join(u.name for u in missing)},
            actor=by,
        )
    return len(made), len(planned) - len(made)
