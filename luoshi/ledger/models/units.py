"""The catalogue of organisations (单位): departments, party organs, leagues and cities, banners and counties.

The office keeps it in the app: add a unit, rename it, move it under another, order it, deactivate it
(refused while it still has work or people), or merge it into another unit (its work, people and
records move; it stays, deactivated, with a note of where it went). Units are never deleted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.dispatch import Signal
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .audit import Audited, NoDeleteQuerySet

# Sent inside the merge's transaction with ``source``, ``target``, ``by`` and ``note``; each app moves
# what it holds (reports, channels, requests …) and answers with what it moved, in words (进展报告3份).
unit_merging = Signal()
DIVISION_CODE = re.compile(r"^(\d{6}|\d{9}|\d{12})$")


class UnitKind(models.TextChoices):
    DEPARTMENT = "department", _("政府部门")
    PARTY_ORGAN = "party_organ", _("党委机关")
    LEAGUE_CITY = "league_city", _("盟市")
    BANNER_COUNTY = "banner_county", _("旗县（市、区）")
    OTHER = "other", _("其他单位")


class UnitQuerySet(NoDeleteQuerySet):
    def active(self) -> UnitQuerySet:
        return self.filter(active=True)

    def leagues(self) -> UnitQuerySet:
        return self.filter(kind=UnitKind.LEAGUE_CITY, active=True)

    def within(self, league: Unit) -> UnitQuerySet:
        """Units that belong to ``league`` (its banners, counties and departments), not the league itself."""
        return self.filter(league=league, active=True).exclude(pk=league.pk)

    def by_division(self) -> dict[str, Unit]:
        return {u.division_code: u for u in self.active().exclude(division_code="")}


class Unit(Audited):
    code = models.CharField(_("单位代码"), max_length=40, unique=True)
    name = models.CharField(_("单位名称"), max_length=120)
    short = models.CharField(_("简称"), max_length=40, blank=True)
    kind = models.CharField(_("类别"), max_length=20, choices=UnitKind.choices, db_index=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("上级单位"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    league = models.ForeignKey(
        "self",
        verbose_name=_("所属盟市"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("盟市本身及其所属旗县、部门都指向该盟市；自治区直属单位为空。"),
    )
    division_code = models.CharField(
        _("行政区划代码"),
        max_length=12,
        blank=True,
        db_index=True,
        help_text=_("盟市、旗县填写6位区划代码，如鄂尔多斯市150600；部门可不填。"),
    )
    order = models.PositiveIntegerField(_("排序"), default=0, help_text=_("同级单位按此数从小到大排列。"))
    active = models.BooleanField(_("在用"), default=True)
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("并入单位"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    objects = UnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("单位")
        verbose_name_plural = _("单位")
        ordering = ["order", "code"]

    def __str__(self) -> str:
        return self.name

    @property
    def label(self) -> str:
        return self.short or self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        loaded = getattr(self, "_audit_loaded", None) if not self._state.adding else None
        self.league_id = self.compute_league_id()
        with transaction.atomic():
            super().save(*args, **kwargs)
            if self.kind == UnitKind.LEAGUE_CITY and self.league_id != self.pk:
                # A league or city is its own league: known only once it has a primary key (derived, not audited).
                type(self)._base_manager.filter(pk=self.pk).update(league_id=self.pk)
                self.league_id = self.pk
                self._audit_loaded["league_id"] = self.pk
            if loaded is not None and (
                loaded.get("league_id") != self.league_id or loaded.get("kind") != self.kind
            ):
                self._carry_league_down()

    def _carry_league_down(self) -> None:
        """Every unit below this one, and their parts in tasks, belong to this unit's league now."""
        from .tasks import TaskUnit

        manager = type(self)._base_manager
        level = [self.pk]
        seen = {self.pk}
        TaskUnit.objects.filter(unit_id=self.pk).update(league_id=self.league_id)
        while level:
            children = list(manager.filter(parent_id__in=level).exclude(pk__in=seen))
            level = []
            for child in children:
                seen.add(child.pk)
                league = child.compute_league_id()
                if league != child.league_id:
                    manager.filter(pk=child.pk).update(league_id=league)  # derived, not audited
                    TaskUnit.objects.filter(unit_id=child.pk).update(league_id=league)
                level.append(child.pk)

    def compute_league_id(self) -> int | None:
        if self.kind == UnitKind.LEAGUE_CITY:
            return self.pk  # None on first save: fixed just below
        if self.parent_id is None:
            return None
        parent = self.parent
        return parent.pk if parent.kind == UnitKind.LEAGUE_CITY else parent.league_id

    @classmethod
    def new_code(cls, division_code: str = "") -> str:
        """A code for a unit the office adds without one: its division code when free, else the next u-number."""
        taken = cls._base_manager.filter
        if division_code and not taken(code=division_code).exists():
            return division_code
        n = cls._base_manager.count() + 1
        while taken(code=f"u{n:04d}").exists():
            n += 1
        return f"u{n:04d}"

    @property
    def is_league(self) -> bool:
        return self.kind == UnitKind.LEAGUE_CITY

    # -- the office's rules for the catalogue ------------------------------------------------------------
    def descendant_ids(self) -> set[int]:
        """Every unit below this one, at any depth."""
        manager = type(self)._base_manager
        found: set[int] = set()
        level = [self.pk]
        while level:
            level = [
                pk
                for pk in manager.filter(parent_id__in=level).values_list("pk", flat=True)
                if pk not in found
            ]
            found.update(level)
        return found

    def clean(self) -> None:
        errors: dict[str, str] = {}
        self.name = (self.name or "").strip()
        self.short = (self.short or "").strip()
        self.division_code = (self.division_code or "").strip()
        if self.division_code and not DIVISION_CODE.match(self.division_code):
            errors["division_code"] = gettext("行政区划代码应为6位、9位或12位数字，如150600。")
        if self.parent_id is not None:
            if self.pk is not None and (self.parent_id == self.pk or self.parent_id in self.descendant_ids()):
                errors["parent"] = gettext("上级单位不能是本单位或其下级单位。")
            elif not self.parent.active:
                errors["parent"] = gettext("上级单位“%(name)s”已停用。") % {"name": self.parent.name}
            elif self.kind == UnitKind.LEAGUE_CITY and self.parent.kind == UnitKind.LEAGUE_CITY:
                errors["parent"] = gettext("盟市不能隶属于另一个盟市。")
        if self.kind == UnitKind.BANNER_COUNTY and (
            self.parent_id is None or self.parent.kind != UnitKind.LEAGUE_CITY
        ):
            errors.setdefault("parent", gettext("旗县（市、区）的上级单位须是所属盟市。"))
        if errors:
            raise ValidationError(errors)

    def workload(self) -> Workload:
        """What still hangs on this unit: its tasks in hand, its active people, its units below."""
        from django.contrib.auth import get_user_model

        from .tasks import TaskState, TaskUnit

        return Workload(
            tasks=TaskUnit.objects.filter(unit=self, task__state=TaskState.ACTIVE).count(),
            people=get_user_model().objects.filter(luoshi_profile__unit=self, is_active=True).count(),
            children=type(self).objects.filter(parent=self, active=True).count(),
        )

    def deactivate(self, *, by: Any, note: str = "") -> None:
        """Stop using this unit. Refused while it still has tasks, people or units below it: they would
        be left with nobody; the office reassigns them first, or merges the unit into another."""
        if not self.active:
            return
        load = self.workload()
        if not load.empty:
            raise ValidationError(
                gettext("“%(name)s”仍有%(what)s，不能停用。请先调整，或将其合并到其他单位。")
                % {"name": self.name, "what": load.describe()}
            )
        self.active = False
        self.audit_as("disable", note, by=by)
        self.save()

    def reactivate(self, *, by: Any, note: str = "") -> None:
        if self.active:
            return
        if self.parent_id is not None and not self.parent.active:
            raise ValidationError(
                gettext("上级单位“%(name)s”已停用，请先启用上级单位。") % {"name": self.parent.name}
            )
        self.active = True
        self.merged_into = None
        self.audit_as("enable", note, by=by)
        self.save()

    def merge_into(self, target: Unit, *, by: Any) -> MergeResult:
        """Move everything this unit holds to ``target`` and deactivate it (机构改革、撤并).

        Its parts in tasks in hand (lead or co-operating; where both units were on a task, the target
        takes the larger part), its people, its suggestion rules and its sub-units move to the target;
        other apps move what they hold through :data:`unit_merging` (reports, channels, requests).
        What it did stays on record under its own name: receipts, notices, scores, withdrawn tasks.
        """
        from .people import Profile
        from .rules import SuggestionRule
        from .tasks import Task, TaskState, TaskUnit, TaskUnitRole

        if target.pk == self.pk:
            raise ValidationError(gettext("不能把单位合并到它自己。"))
        if not target.active:
            raise ValidationError(gettext("目标单位“%(name)s”已停用。") % {"name": target.name})
        if not self.active:
            raise ValidationError(gettext("“%(name)s”已停用，无需合并。") % {"name": self.name})
        if target.pk in self.descendant_ids():
            raise ValidationError(gettext("不能把单位合并到它的下级单位。"))
        note = gettext("%(source)s并入%(target)s") % {"source": self.name, "target": target.name}
        result = MergeResult(source=self, target=target)
        with transaction.atomic():
            links = TaskUnit.objects.filter(unit=self, task__state=TaskState.ACTIVE).select_related("task")
            for link in links:
                task = Task.objects.get(pk=link.task_id)
                before = task._unit_labels()
                theirs = TaskUnit.objects.filter(task=task, unit=target).first()
                if theirs is None:
                    TaskUnit.objects.filter(pk=link.pk).update(unit=target, league_id=target.league_id)
                else:
                    if link.role == TaskUnitRole.LEAD and theirs.role != TaskUnitRole.LEAD:
                        TaskUnit.objects.filter(pk=theirs.pk).update(role=TaskUnitRole.LEAD)
                    TaskUnit.objects.filter(pk=link.pk).delete()
                if task.lead_unit_id == self.pk:
                    task.lead_unit = target
                task.audit_as("update", note, by=by, units=(before, task._unit_labels()))
                task.save()
                result.tasks += 1
            for profile in Profile.objects.filter(unit=self):
                profile.unit = target
                profile.audit_as("update", note, by=by)
                profile.save()
                result.people += 1
            for rule in SuggestionRule.objects.filter(unit=self):
                rule.unit = target
                rule.audit_as("update", note, by=by)
                rule.save()
                result.rules += 1
            for child in type(self).objects.filter(parent=self):
                child.parent = target
                child.audit_as("update", note, by=by)
                child.save()
                result.children += 1
            for _receiver, moved in unit_merging.send(
                sender=type(self), source=self, target=target, by=by, note=note
            ):
                result.other += list(moved or [])
            self.active = False
            self.merged_into = target
            self.audit_as("merge", note, by=by)
            self.save()
        return result


@dataclass
class Workload:
    tasks: int = 0
    people: int = 0
    children: int = 0

    @property
    def empty(self) -> bool:
        return not (self.tasks or self.people or self.children)

    def describe(self) -> str:
        parts = []
        if self.tasks:
            parts.append(gettext("%(n)s项在办任务") % {"n": self.tasks})
        if self.people:
            parts.append(gettext("%(n)s个在用账号") % {"n": self.people})
        if self.children:
            parts.append(gettext("%(n)s个在用的下级单位") % {"n": self.children})
        return "、".join(parts)


@dataclass
class MergeResult:
    source: Unit
    target: Unit
    tasks: int = 0
    people: int = 0
    rules: int = 0
    children: int = 0
    other: list[str] = field(default_factory=list)

    def describe(self) -> str:
        parts = [
            gettext("任务%(n)s项") % {"n": self.tasks},
            gettext("账号%(n)s个") % {"n": self.people},
            gettext("分工规则%(n)s条") % {"n": self.rules},
            gettext("下级单位%(n)s个") % {"n": self.children},
        ]
        return "、".join(parts + self.other)
