"""Precomputed figures for the leaders' dashboard (领导驾驶舱).

A ``Snapshot`` holds every figure of one scope — the whole ledger (``all``), or what one unit may
see (``unit:<id>``) — as computed by ``luoshi.dashboard.figures.compute``, with what it was computed
from: the day, the last entry of the audit trail and the last supervision run. The page reads one
snapshot (one query) and checks two marks (two queries), whatever the size of the ledger.

A snapshot is *stale* once the day has changed, something was saved since (every save of the
ledger, progress, supervision and indicators apps writes an audit entry) or a supervision run has
finished since. ``Snapshot.current(scope)`` recomputes a stale or missing snapshot on the spot when
the scope is small; a large one is served as it is, with its age shown, and refreshed by
``luoshi supervise`` or ``luoshi dashboard refresh`` (cron), so that no leader waits for it.

``PeriodSnapshot`` keeps, for each scope and quarter, the lights and completion as last computed in
that quarter: the trend of lights over periods, which cannot be recomputed from the records later.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, models, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from luoshi.ledger.models import AuditEntry, Role, Task, unit_of
from luoshi.web.display import stamp

# The page shows this many units (the worst); the units page and its JSON show them all.
TOP_UNITS = 20

# A stale snapshot of a scope with at most this many active tasks is recomputed when someone opens
# the dashboard (a unit's scope, the demo, a small installation); a larger one waits for the next
# ``luoshi supervise`` / ``luoshi dashboard refresh`` and is shown with the time it was computed.
LAZY_LIMIT = 5_000


@dataclass(frozen=True)
class Scope:
    """Whose figures: everything (the office, leaders, auditors) or one unit's (its reporter and leader).

    A unit's scope is the tasks its members may read (``Task.objects.visible_to``): those it leads or
    co-operates on and the sub-tasks cascaded from them. It is the same for every member of the unit.
    """

    unit_id: int | None = None
    unit_name: str = ""
    user: Any = None  # a member of the unit, whose visibility defines the unit's scope

    @classmethod
    def everything(cls) -> Scope:
        return cls()

    @classmethod
    def of(cls, user: Any) -> Scope | None:
        """The scope ``user`` may see, or None (no role: refused)."""
        role = Role.of(user)
        if role in {Role.OFFICE, Role.LEADER, Role.AUDITOR}:
            return cls()
        unit = unit_of(user)
        if role in Role.unit_roles() and unit is not None:
            return cls(unit_id=unit.pk, unit_name=unit.name, user=user)
        return None

    @property
    def key(self) -> str:
        return "all" if self.unit_id is None else f"unit:{self.unit_id}"

    @property
    def is_unit(self) -> bool:
        return self.unit_id is not None

    def tasks(self) -> Any:
        """Every task of the scope (any state)."""
        if self.unit_id is None:
            return Task.objects.all()
        return Task.objects.visible_to(self.user)

    def as_dict(self) -> dict[str, Any]:
        return {"kind": "unit" if self.is_unit else "all", "unit": self.unit_id, "unit_name": self.unit_name}


@dataclass(frozen=True)
class Marks:
    """What the figures were computed from: the last audit entry and the last finished supervision run."""

    audit: int
    run: int | None

    @classmethod
    def now(cls) -> Marks:
        from luoshi.supervision.models import Run

        audit = AuditEntry.objects.aggregate(m=Max("pk"))["m"] or 0
        run = Run.objects.filter(finished_at__isnull=False).aggregate(m=Max("pk"))["m"]
        return cls(audit, run)


class Snapshot(models.Model):
    scope = models.CharField(_("范围"), max_length=40, unique=True)
    today = models.DateField(_("业务日期"))
    computed_at = models.DateTimeField(_("计算时间"))
    seconds = models.FloatField(_("计算用时（秒）"), default=0)
    audit_mark = models.BigIntegerField(_("计算时的留痕编号"), default=0)
    run_mark = models.BigIntegerField(_("计算时的督查运行编号"), null=True, blank=True)
    tasks = models.PositiveIntegerField(_("任务数"), default=0)
    data = models.JSONField(_("数据"), default=dict)

    class Meta:
        verbose_name = _("驾驶舱数据")
        verbose_name_plural = _("驾驶舱数据")

    def __str__(self) -> str:
        return f"{self.scope} {stamp(self.computed_at)}"

    def is_stale(self, marks: Marks, today: dt.date) -> bool:
        return self.today != today or self.audit_mark != marks.audit or self.run_mark != marks.run

    @classmethod
    def refresh(cls, scope: Scope, today: dt.date | None = None) -> Snapshot:
        """Compute the scope's figures now and store them (replacing the previous snapshot)."""
        from .figures import compute

        today = today or timezone.localdate()
        marks = Marks.now()  # read first: a change made while computing makes the snapshot stale
        start = time.perf_counter()
        data, parts = split(compute(scope, today))
        fields = {
            "today": today,
            "computed_at": timezone.now(),
            "seconds": round(time.perf_counter() - start, 3),
            "audit_mark": marks.audit,
            "run_mark": marks.run,
            "tasks": data["totals"]["tasks"],
            "data": data,
        }
        try:
            with transaction.atomic():
                snapshot, _created = cls.objects.update_or_create(scope=scope.key, defaults=fields)
        except IntegrityError:  # another request stored it at the same moment: keep ours
            cls.objects.filter(scope=scope.key).update(**fields)
            snapshot = cls.objects.get(scope=scope.key)
        with transaction.atomic():
            SnapshotPart.objects.filter(snapshot=snapshot).delete()
            SnapshotPart.objects.bulk_create(
                [SnapshotPart(snapshot=snapshot, key=k, data=v) for k, v in parts.items()]
            )
        return snapshot

    def part(self, key: str, default: Any = None) -> Any:
        """A large part kept beside the snapshot (one query): ``units``, ``decision:<id>``, ``burden``."""
        found = SnapshotPart.objects.filter(snapshot=self, key=key).values_list("data", flat=True).first()
        return default if found is None else found

    @classmethod
    def current(cls, scope: Scope, today: dt.date | None = None) -> tuple[Snapshot, bool]:
        """The scope's snapshot and whether it is stale: computed now when missing, or when stale and
        small enough (``LAZY_LIMIT``); otherwise the stored one, stale, for the scheduled refresh."""
        today = today or timezone.localdate()
        snapshot = cls.objects.filter(scope=scope.key).first()
        if snapshot is None:
            return cls.refresh(scope, today), False
        if not snapshot.is_stale(Marks.now(), today):
            return snapshot, False
        if snapshot.tasks <= LAZY_LIMIT:
            return cls.refresh(scope, today), False
        return snapshot, True


def split(data: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The snapshot proper (what the page shows) and its large parts, read only where shown: every
    unit (the units page), each decision's parts and sections (the decision chosen), every unit's burden
    (a unit's own figures)."""
    data = dict(data)
    units = data["units"]
    parts: dict[str, Any] = {"units": units}
    data["units"] = units[:TOP_UNITS]
    data["units_total"] = len(units)
    decisions = []
    for d in data["decisions"]:
        d = dict(d)
        parts[f"decision:{d['id']}"] = d.pop("parts")
        decisions.append(d)
    data["decisions"] = decisions
    burden = dict(data["burden"])
    parts["burden"] = burden.pop("by_unit", {})
    data["burden"] = burden
    return data, parts


class SnapshotPart(models.Model):
    """A large part of a snapshot, stored beside it so that the page reads only what it shows."""

    snapshot = models.ForeignKey(Snapshot, on_delete=models.CASCADE, related_name="parts")
    key = models.CharField(_("部分"), max_length=60)
    data = models.JSONField(_("数据"), default=dict)

    class Meta:
        verbose_name = _("驾驶舱数据（分块）")
        verbose_name_plural = _("驾驶舱数据（分块）")
        constraints = [models.UniqueConstraint(fields=["snapshot", "key"], name="dashboard_part_unique")]

    def __str__(self) -> str:
        return f"{self.snapshot_id} {self.key}"


class PeriodSnapshot(models.Model):
    """A scope's lights and completion as last computed during a quarter (the trend of lights)."""

    scope = models.CharField(_("范围"), max_length=40)
    period = models.CharField(_("季度"), max_length=8)
    computed_at = models.DateTimeField(_("计算时间"))
    data = models.JSONField(_("数据"), default=dict)

    class Meta:
        verbose_name = _("驾驶舱季度数据")
        verbose_name_plural = _("驾驶舱季度数据")
        constraints = [models.UniqueConstraint(fields=["scope", "period"], name="dashboard_period_unique")]

    def __str__(self) -> str:
        return f"{self.scope} {self.period}"

    @classmethod
    def record(cls, scope: Scope, period: str, data: dict[str, Any]) -> None:
        fields = {"computed_at": timezone.now(), "data": data}
        try:
            with transaction.atomic():
                cls.objects.update_or_create(scope=scope.key, period=period, defaults=fields)
        except IntegrityError:
            cls.objects.filter(scope=scope.key, period=period).update(**fields)
