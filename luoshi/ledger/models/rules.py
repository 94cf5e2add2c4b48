"""Suggestion rules: keywords that point to units. Places named in a task point to their league or city.

:func:`suggest` proposes a lead unit, co-operating units and a deadline for a task, and says why.
The office edits the rules in the app and confirms each suggestion with one click, or in bulk.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .audit import Audited
from .units import Unit, UnitKind


class SuggestionRule(Audited):
    keyword = models.CharField(
        _("关键词"), max_length=60, help_text=_("任务内容含此词时建议该单位。多个词用“+”连接表示须同时出现。")
    )
    unit = models.ForeignKey(Unit, verbose_name=_("建议单位"), on_delete=models.PROTECT, related_name="rules")
    role = models.CharField(
        _("建议分工"), max_length=4, choices=[("lead", _("牵头")), ("co", _("配合"))], default="lead"
    )
    weight = models.PositiveSmallIntegerField(
        _("权重"), default=1, help_text=_("同时命中多条规则时，权重大者优先。")
    )
    active = models.BooleanField(_("启用"), default=True)
    note = models.CharField(_("备注"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("分工建议规则")
        verbose_name_plural = _("分工建议规则")
        ordering = ["keyword", "id"]

    def __str__(self) -> str:
        return f"{self.keyword} → {self.unit}"

    def words(self) -> list[str]:
        return [w for w in (p.strip() for p in self.keyword.split("+")) if w]

    def matches(self, text: str) -> bool:
        words = self.words()
        return bool(words) and all(w in text for w in words)


@dataclass
class Suggestion:
    """A proposed assignment with the reasons for each unit in it."""

    lead: Unit | None = None
    co: list[Unit] = field(default_factory=list)
    reasons: dict[int, list[str]] = field(default_factory=dict)
    deadline_kind: str = ""
    deadline: dt.date | None = None
    deadline_reason: str = ""

    def why(self, unit: Unit) -> list[str]:
        return self.reasons.get(unit.pk, [])

    def rows(self) -> list[dict[str, Any]]:
        """Each suggested unit with its part (lead or co) and the reasons, lead first."""
        out = []
        if self.lead is not None:
            out.append({"unit": self.lead, "role": "lead", "why": self.why(self.lead)})
        out += [{"unit": u, "role": "co", "why": self.why(u)} for u in self.co]
        return out

    @property
    def empty(self) -> bool:
        return self.lead is None and not self.co


class Suggester:
    """Holds the active rules and the units by division code, to suggest for many tasks in a row."""

    def __init__(self, rules: Iterable[SuggestionRule] | None = None, units: Iterable[Unit] | None = None):
        if rules is None:
            rules = SuggestionRule.objects.filter(active=True, unit__active=True).select_related("unit")
        if units is None:
            units = Unit.objects.active().exclude(division_code="")
        self.rules = [r for r in rules if r.active]
        self._by_name: dict[str, Unit] | None = None
        self.by_division: dict[str, Unit] = {}
        for u in units:
            # a league or city wins over a banner with the same code (满洲里、二连浩特 are both)
            if (
                u.division_code
                and u.active
                and (u.division_code not in self.by_division or u.kind == UnitKind.LEAGUE_CITY)
            ):
                self.by_division[u.division_code] = u

    # A task that names its units, as a 任务分工表's row does (…（牵头单位：市数据局；完成时限：2026年底前）)
    # and as 分工方案 write it in prose (…（自治区发展改革委牵头，自治区财政厅配合）).
    _NAMED_LEAD = re.compile(r"(?:牵头单位|牵头部门|责任单位|责任部门|牵头)[:：]\s*([^；;）)。]+)")
    _NAMED_CO = re.compile(r"(?:配合单位|配合部门|参与单位|协同单位)[:：]\s*([^；;）)。]+)")
    _NAMED_DUE = re.compile(r"(?:完成时限|完成时间|时间节点|时限要求)[:：]\s*([^；;）)。]+)")
    _PROSE = re.compile(
        r"[（(]([^（）()；;]{2,80}?)牵头(?:[，,、]\s*([^（）()；;]{2,160}?)(?:配合|参与|按职责分工负责|分工负责))?[）)]"
    )
    _NAME_SEP = re.compile(r"[、，,；;/]|\s+")

    def named_units(self, text: str) -> tuple[list[Unit], list[Unit]]:
        """The lead and co-operating units a task names, matched by full name or short name."""
        leads: list[str] = []
        cos: list[str] = []
        for m in self._NAMED_LEAD.finditer(text):
            leads += self._names(m.group(1))
        for m in self._NAMED_CO.finditer(text):
            cos += self._names(m.group(1))
        for m in self._PROSE.finditer(text):
            leads += self._names(m.group(1))
            cos += self._names(m.group(2) or "")
        if not leads and not cos:
            return [], []
        index = self._name_index()
        lead = [index[n] for n in dict.fromkeys(leads) if n in index]
        co = [index[n] for n in dict.fromkeys(cos) if n in index and index[n] not in lead]
        return lead, co

    def _names(self, raw: str) -> list[str]:
        return [n.removesuffix("等") for n in (p.strip() for p in self._NAME_SEP.split(raw)) if len(n) >= 2]

    def _name_index(self) -> dict[str, Unit]:
        """Active units by full name and by short name (a full name wins), read once, when needed."""
        if self._by_name is None:
            self._by_name = {}
            units = list(Unit.objects.active())
            for u in units:
                if u.short:
                    self._by_name.setdefault(u.short, u)
            for u in units:
                self._by_name[u.name] = u
        return self._by_name

    def place_unit(self, code: str) -> Unit | None:
        """The league or city a place belongs to (the place itself for a league or city)."""
        unit = self.by_division.get(code)
        if unit is not None and unit.kind == UnitKind.LEAGUE_CITY:
            return unit
        if unit is not None and unit.league_id:
            return unit.league
        if len(code) == 6 and not code.endswith("00"):
            return self.by_division.get(code[:4] + "00")
        return None

    def suggest(self, task: Any, places: Iterable[Any] | None = None) -> Suggestion:
        text = task.text
        out = Suggestion()
        lead_score: dict[int, int] = {}
        units: dict[int, Unit] = {}
        co: list[Unit] = []
        for rule in self.rules:
            if not rule.matches(text):
                continue
            units[rule.unit_id] = rule.unit
            out.reasons.setdefault(rule.unit_id, []).append(
                gettext("含关键词“%(kw)s”（规则%(role)s）")
                % {"kw": rule.keyword, "role": rule.get_role_display()}
            )
            if rule.role == "lead":
                lead_score[rule.unit_id] = lead_score.get(rule.unit_id, 0) + rule.weight
            else:
                co.append(rule.unit)
        places = list(task.places.all()) if places is None else list(places)
        for place in places:
            unit = self.place_unit(place.code)
            if unit is None:
                continue
            units[unit.pk] = unit
            out.reasons.setdefault(unit.pk, []).append(gettext("任务提到“%(place)s”") % {"place": place.name})
            co.append(unit)
        named_lead, named_co = self.named_units(text)
        for unit in named_lead:
            units[unit.pk] = unit
            out.reasons.setdefault(unit.pk, []).insert(
                0, gettext("任务写明由“%(unit)s”牵头") % {"unit": unit.name}
            )
        for unit in named_co:
            units[unit.pk] = unit
            out.reasons.setdefault(unit.pk, []).insert(
                0, gettext("任务写明“%(unit)s”配合") % {"unit": unit.name}
            )
        if named_lead:
            out.lead = named_lead[0]  # the document's own assignment comes before any rule
            co = named_lead[1:] + named_co + co + [units[uid] for uid in lead_score]
        elif lead_score:
            best = max(lead_score.items(), key=lambda kv: (kv[1], -units[kv[0]].order, -kv[0]))[0]
            out.lead = units[best]
            for uid in lead_score:
                if uid != best:
                    co.append(units[uid])
            co = named_co + co
        else:
            co = named_co + co
        out.co = [u for u in dict.fromkeys(co) if out.lead is None or u.pk != out.lead.pk]
        self._deadline(task, out)
        return out

    _ONGOING = re.compile(r"长期坚持|常态化|持续|长效|始终|坚持不懈")
    _THIS_YEAR = re.compile(r"今年|年内|本年度")

    _DUE_DATE = re.compile(r"([12]\d{3})\s*年(?:\s*(\d{1,2})\s*月)?")

    def _named_deadline(self, task: Any, out: Suggestion) -> bool:
        """完成时限：2026年底前 (the end of 2026), 2027年6月 (the end of June 2027), 长期坚持 (ongoing)."""
        m = self._NAMED_DUE.search(task.text)
        if m is None:
            return False
        due = m.group(1).strip()
        date = self._DUE_DATE.search(due)
        if date is not None:
            year, month = int(date.group(1)), int(date.group(2) or 12)
            if not (1 <= month <= 12 and 1949 <= year <= 2100):
                return False
            nxt = dt.date(year + month // 12, month % 12 + 1, 1)
            out.deadline_kind = "date"
            out.deadline = nxt - dt.timedelta(days=1)
        elif self._ONGOING.search(due):
            out.deadline_kind = "ongoing"
        else:
            return False
        out.deadline_reason = gettext("任务写明完成时限“%(due)s”") % {"due": due}
        return True

    def _deadline(self, task: Any, out: Suggestion) -> None:
        if self._named_deadline(task, out):
            return
        years = [t.year for t in task.targets.all() if t.year]
        decision_year = task.decision.year
        if years:
            year = max(years)
            out.deadline_kind = "date"
            out.deadline = dt.date(year, 12, 31)
            out.deadline_reason = gettext("量化目标的年份是%(year)s年") % {"year": year}
        elif self._THIS_YEAR.search(task.text):
            out.deadline_kind = "year_end"
            out.deadline = dt.date(decision_year or timezone.localdate().year, 12, 31)
            out.deadline_reason = gettext("任务提到“今年”或“年内”")
        elif self._ONGOING.search(task.text):
            out.deadline_kind = "ongoing"
            out.deadline_reason = gettext("任务是持续性工作")
