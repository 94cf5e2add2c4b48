"""The escalation ladder: 提醒 before a due date, 催办 once overdue, a numbered 督办单 (blue, yellow,
red) as it stays overdue, and a 通报 listing the units that missed a period's reports.

Each notice has a natural key, for example ``order/red:report:812:45:2026Q3`` (rule and level, task,
unit, period) or ``urge:deadline:812:2026-06-30`` (an extension changes the deadline and so starts a
new chain). ``NoticeWriter.write`` creates the notices that do not exist yet, with their receipts and
deliveries, in one transaction; the unique key makes a concurrent or repeated run create nothing twice.
Only the highest rung reached is issued: a report first found 25 working days late gets a red
督办单, not a 催办 and three 督办单 at once.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from luoshi.ledger.models import Task

from . import reasons, searching
from .calendar import WorkCalendar
from .documents import order_title
from .lights import DecisionLights
from .models import Channel, Color, Delivery, Notice, NoticeCounter, NoticeKind, Receipt, Rules, Run

BATCH = 500


@dataclass(frozen=True)
class Planned:
    key: str
    kind: str
    level: str
    task_id: int | None
    unit_id: int | None
    period: str
    code: str
    params: dict[str, Any]
    rows: tuple[dict[str, Any], ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "kind": self.kind,
            "level": self.level,
            "task": self.task_id,
            "unit": self.unit_id,
            "period": self.period,
            "reason": reasons.describe(self.code, self.params) if self.code else "",
            "units": [r["unit"] for r in self.rows],
        }


def rung(days: int, rules: Rules) -> tuple[str, str] | None:
    """(kind, level) of the highest rung reached after ``days`` working days overdue, if any."""
    for level, after in rules.ladder():
        if days >= after:
            return NoticeKind.ORDER, level
    if days >= rules.urge_after:
        return NoticeKind.URGE, ""
    return None


def _key(kind: str, level: str, rest: str) -> str:
    return f"{kind}/{level}:{rest}" if level else f"{kind}:{rest}"


def plan(book: DecisionLights, rules: Rules) -> list[Planned]:
    """The notices the lights of one decision call for (whether or not they exist already)."""
    out = []
    for ob in book.obligations:
        v = ob.verdict
        rest = f"report:{ob.task_id}:{ob.unit_id}:{ob.period}"
        if v.color == Color.RED:
            step = rung(v.days, rules)
            if step is not None:
                out.append(
                    Planned(_key(*step, rest), *step, ob.task_id, ob.unit_id, ob.period, v.code, v.params)
                )
        elif v.color == Color.YELLOW and v.days <= rules.remind_working_days:
            out.append(
                Planned(
                    _key(NoticeKind.REMIND, "", rest),
                    NoticeKind.REMIND,
                    "",
                    ob.task_id,
                    ob.unit_id,
                    ob.period,
                    v.code,
                    v.params,
                )
            )
    for pk, v in book.tasks.items():
        v = book.own.get(pk, v)  # a parent's own deadline, whatever its sub-tasks add to its light
        task = book.facts[pk]
        if task.lead_unit_id is None or task.deadline is None:
            continue
        rest = f"deadline:{pk}:{task.deadline.isoformat()}"
        if v.code == "deadline_passed":
            step = rung(v.days, rules)
            if step is not None:
                out.append(Planned(_key(*step, rest), *step, pk, task.lead_unit_id, "", v.code, v.params))
        elif v.code == "deadline_near" and v.days <= rules.remind_working_days:
            out.append(
                Planned(
                    _key(NoticeKind.REMIND, "", rest),
                    NoticeKind.REMIND,
                    "",
                    pk,
                    task.lead_unit_id,
                    "",
                    v.code,
                    v.params,
                )
            )
    return out


@dataclass
class CircularBook:
    """Across all decisions: per period, the units that missed its report once the 通报 date passed."""

    rows: dict[str, dict[int, int]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(int)))
    overdue: dict[int, int] = field(default_factory=lambda: defaultdict(int))

    def add(self, book: DecisionLights, rules: Rules, calendar: WorkCalendar, today: dt.date) -> None:
        if book.window is None:
            return
        open_periods = {
            p.key for p, due in book.window.past if calendar.add(due, rules.circular_after) <= today
        }
        if open_periods:
            for ob in book.obligations:
                for key in ob.missed_keys:
                    if key in open_periods:
                        self.rows[key][ob.unit_id] += 1
        for pk, v in book.tasks.items():
            lead = book.facts[pk].lead_unit_id
            if v.code == "deadline_passed" and v.days >= rules.circular_after and lead is not None:
                self.overdue[lead] += 1

    def planned(self, names: dict[int, str]) -> list[Planned]:
        out = []
        for period, units in sorted(self.rows.items()):
            rows = tuple(
                {"unit": u, "name": names.get(u, ""), "missed": n, "overdue": self.overdue.get(u, 0)}
                for u, n in sorted(units.items(), key=lambda kv: (-kv[1], names.get(kv[0], "")))
            )
            out.append(
                Planned(
                    f"circular:{period}",
                    NoticeKind.CIRCULAR,
                    "",
                    None,
                    None,
                    period,
                    "",
                    {"rows": list(rows)},
                    rows,
                )
            )
        return out


def existing_keys(keys: Iterable[str]) -> set[str]:
    found: set[str] = set()
    keys = list(keys)
    for i in range(0, len(keys), BATCH):
        found.update(Notice.objects.filter(key__in=keys[i : i + BATCH]).values_list("key", flat=True))
    return found


def _chunks(items: list[Any], size: int = BATCH) -> Iterator[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


@dataclass
class NoticeWriter:
    rules: Rules
    calendar: WorkCalendar
    today: dt.date
    run: Run | None
    names: dict[int, str]
    channels: list[Channel] = field(default_factory=list)

    @classmethod
    def create(
        cls, rules: Rules, calendar: WorkCalendar, today: dt.date, run: Run | None, names: dict[int, str]
    ) -> NoticeWriter:
        return cls(rules, calendar, today, run, names, list(Channel.objects.filter(active=True)))

    def fresh(self, planned: list[Planned]) -> list[Planned]:
        """Those not created yet (first seen wins when one key is planned twice)."""
        seen = existing_keys(p.key for p in planned)
        out = []
        for p in planned:
            if p.key not in seen:
                seen.add(p.key)
                out.append(p)
        return out

    def deliveries_for(self, planned: Planned) -> list[tuple[Channel, str]]:
        units = {planned.unit_id} if planned.unit_id is not None else {r["unit"] for r in planned.rows}
        return [
            (ch, addr) for ch in self.channels if ch.wants(planned.kind, units) for addr in ch.addresses()
        ]

    def write(self, planned: list[Planned]) -> list[Notice]:
        """Create the planned notices that do not exist yet, with receipts and deliveries. Safe to run
        concurrently: a key created meanwhile by another run makes this batch start again without it."""
        made: list[Notice] = []
        for chunk in _chunks(planned):
            for attempt in range(5):
                try:
                    made.extend(self._write(chunk))
                    break
                except IntegrityError:
                    if attempt == 4:
                        raise
        return made

    def _write(self, planned: list[Planned]) -> list[Notice]:
        with transaction.atomic():
            fresh = self.fresh(planned)
            if not fresh:
                return []
            tasks = {
                pk: (key, text)
                for pk, key, text in Task.objects.filter(
                    pk__in={p.task_id for p in fresh if p.task_id}
                ).values_list("pk", "key", "text")
            }
            year = self.today.year
            numbered = {k: [p for p in fresh if p.kind == k] for k in (NoticeKind.ORDER, NoticeKind.CIRCULAR)}
            serials: dict[str, int] = {}
            for kind, items in numbered.items():
                if items:
                    first = NoticeCounter.reserve(kind, year, len(items))
                    for n, p in enumerate(items):
                        serials[p.key] = first + n
            due = self.calendar.add(self.today, self.rules.order_working_days)
            now = timezone.now()
            notices = [
                Notice(
                    key=p.key,
                    kind=p.kind,
                    level=p.level,
                    task_id=p.task_id,
                    unit_id=p.unit_id,
                    period=p.period,
                    year=year if p.key in serials else None,
                    serial=serials.get(p.key),
                    title=self.title(p, tasks.get(p.task_id or 0)),
                    code=p.code,
                    params=p.params,
                    reason=reasons.describe(p.code, p.params) if p.code else "",
                    due=due if p.kind in {NoticeKind.ORDER, NoticeKind.CIRCULAR} else None,
                    feedback=self.rules.feedback if p.kind == NoticeKind.ORDER else "",
                    issued_on=self.today,
                    created_at=now,
                    run=self.run,
                )
                for p in fresh
            ]
            Notice.objects.bulk_create(notices, batch_size=BATCH)
            by_key = {n.key: n for n in notices}
            if any(n.pk is None for n in notices):  # a backend that does not return keys from bulk inserts
                by_key = {n.key: n for n in Notice.objects.filter(key__in=list(by_key))}
            receipts, deliveries = [], []
            for p in fresh:
                notice = by_key[p.key]
                if p.kind == NoticeKind.ORDER and p.unit_id is not None:
                    receipts.append(Receipt(notice=notice, unit_id=p.unit_id))
                elif p.kind == NoticeKind.CIRCULAR:
                    receipts.extend(Receipt(notice=notice, unit_id=r["unit"]) for r in p.rows)
                for channel, address in self.deliveries_for(p):
                    deliveries.append(
                        Delivery(
                            notice=notice, channel=channel, kind=channel.kind, address=address, next_at=now
                        )
                    )
            Receipt.objects.bulk_create(receipts, batch_size=BATCH)
            Delivery.objects.bulk_create(deliveries, batch_size=BATCH)
            created = [by_key[p.key] for p in fresh]
            searching.index_new(created)
            return created

    def title(self, p: Planned, task: tuple[str, str] | None) -> str:
        key, text = task or ("", "")
        period = reasons.period_label(p.period) if p.period else ""
        if p.kind == NoticeKind.CIRCULAR:
            return _("关于%(period)s重点任务报送情况的通报") % {"period": period}
        if p.kind == NoticeKind.ORDER:
            return order_title(text)
        if p.kind == NoticeKind.URGE:
            if p.code == "study_missing":  # luoshi.study.urging
                return _("催办：学习宣传贯彻《%(decision)s》") % {"decision": p.params.get("decision", "")}
            if p.period:
                return _("催办：%(key)s %(period)s报告逾期未报送") % {"key": key, "period": period}
            return _("催办：%(key)s已超过完成时限") % {"key": key}
        if p.period:
            return _("提醒：%(key)s %(period)s报告即将截止") % {"key": key, "period": period}
        return _("提醒：%(key)s完成时限将至") % {"key": key}
