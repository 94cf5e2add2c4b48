"""Assess the ledger's targets against the series in the database, in bulk.

:func:`assess_targets` fetches what it needs with a fixed number of queries, whatever the number of
targets — the targets with their tasks and links, the indicators and aliases, the observations and
breaks, the values filed in accepted progress reports, the sub-tasks, the task lights and the
office's overrides — and then runs the pure maths (:mod:`luoshi.indicators.maths`) in Python.

Which series measures a target: the office's explicit link (:class:`TargetIndicator`), else the
indicator of the same name, else an active alias. Values filed in *accepted* progress reports count
as observations of that series (a returned or unfinished report's values do not); a target that no
series measures is assessed on its reported values alone.

The tasks behind a target: the task that carries it, or its active sub-tasks when it was cascaded.
Done or late comes from the supervision app's task lights when that app is installed
(:func:`task_lights`, the one switch), else from the task's progress status and deadline.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from types import SimpleNamespace
from typing import Any, cast

from django.apps import apps
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from luoshi.ledger.models import DeadlineKind, ProgressStatus, Target, Task, TaskState

from .maths import (
    METHODOLOGIES,
    TASKS_GOOD,
    Assessment,
    Confidence,
    Delivery,
    Goal,
    Methodology,
    Point,
    Projection,
    Relation,
    Series,
    Status,
    Summary,
    TaskView,
    assess,
    assess_direction,
    assess_milestone,
    assess_relation,
    delivery,
    summarise,
)
from .models import (
    AssessmentMethod,
    ConfidenceOverride,
    Indicator,
    IndicatorAlias,
    IndicatorBreak,
    Observation,
    Origin,
    effective_method,
)
from .tables import confidence_short, text_table
from .units import UnitError, convert

__all__ = [
    "Match",
    "Reading",
    "TargetAssessment",
    "assess_target",
    "assess_targets",
    "chosen_method",
    "method_label",
    "open_sdg_summary",
    "task_lights",
]

GOOD = frozenset({Status.ACHIEVED, Status.ON_TRACK, Status.DONE})
LAGGING = frozenset({Status.ACCELERATE, Status.LIMITED, Status.DETERIORATING, Status.MISSED, Status.OVERDUE})
# worst first: the order of the overview
CONFIDENCE_ORDER = (
    Confidence.RED,
    Confidence.AMBER_RED,
    Confidence.AMBER_GREEN,
    Confidence.GREEN,
    Confidence.UNKNOWN,
)


@dataclass(frozen=True)
class Match:
    """How a target found its series: ``link`` (the office chose it), ``name``, ``alias``, or ``""``."""

    indicator: Indicator | None
    via: str = ""
    alias: IndicatorAlias | None = None

    @property
    def label(self) -> str:
        if self.via == "link":
            return _("督查室指定")
        if self.via == "name":
            return _("名称一致")
        if self.via == "alias" and self.alias is not None:
            return _("别名：%(name)s") % {"name": self.alias.name}
        return _("未找到对应指标")

    def as_dict(self) -> dict[str, Any] | None:
        if self.indicator is None:
            return None
        return {
            "id": self.indicator.pk,
            "name": self.indicator.name,
            "unit": self.indicator.unit,
            "via": self.via,
            "alias": self.alias.name if self.alias is not None else None,
        }


@dataclass(frozen=True)
class Reading:
    """One value behind a series, for the tables: an observation or a value from an accepted report."""

    year: int
    month: int | None
    value: float  # in the series' unit
    reported_value: float
    reported_unit: str
    origin: str
    source: str = ""
    source_url: str = ""
    quote: str = ""
    note: str = ""
    original: str = ""
    recorded_at: dt.datetime | None = None
    recorded_by: str = ""
    observation_id: int | None = None
    report_id: int | None = None

    @property
    def when(self) -> str:
        return f"{self.year}-{self.month:02d}" if self.month else str(self.year)

    @property
    def origin_label(self) -> str:
        return str(Origin(self.origin).label)

    def as_dict(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "month": self.month,
            "value": self.value,
            "reported_value": self.reported_value,
            "reported_unit": self.reported_unit,
            "origin": self.origin,
            "source": self.source,
            "source_url": self.source_url,
            "quote": self.quote,
            "note": self.note,
            "original": self.original,
            "recorded_at": self.recorded_at.isoformat() if self.recorded_at else None,
            "recorded_by": self.recorded_by,
            "observation": self.observation_id,
            "report": self.report_id,
        }


@dataclass
class TargetAssessment:
    """One target assessed: the measured status, the tasks, the confidence and any override."""

    target: Any
    delivery: Delivery
    match: Match
    series: Series | None = None
    reference_match: Match | None = None
    reference_series: Series | None = None
    goal: Goal | None = None
    relation: Relation | None = None
    tasks: TaskView | None = None
    task_source: str = ""  # "lights" or "progress"
    task_ids: tuple[int, ...] = ()
    override: ConfidenceOverride | None = None
    readings: list[Reading] = field(default_factory=list)
    reference_readings: list[Reading] = field(default_factory=list)
    today: dt.date = field(default_factory=dt.date.today)
    methodology: Methodology = "luoshi"  # the method the office chose (or the request asked for)
    base_year: int | None = None
    method_source: str = "default"  # "target", "decision", "default" or "request"

    @property
    def assessment(self) -> Assessment:
        return self.delivery.assessment

    @property
    def status(self) -> Status:
        return self.delivery.status

    @property
    def computed(self) -> Confidence:
        return self.delivery.confidence

    @property
    def confidence(self) -> Confidence:
        """The confidence shown: the office's override when there is one, else the computed one."""
        return Confidence(self.override.level) if self.override is not None else self.computed

    @property
    def overridden(self) -> bool:
        return self.override is not None

    @property
    def sentence(self) -> str:
        return self.delivery.sentence_en if _english() else self.delivery.sentence_zh

    @property
    def status_label(self) -> str:
        return self.delivery.label_en if _english() else self.delivery.label_zh

    @property
    def confidence_label(self) -> str:
        c = self.confidence
        return c.label_en if _english() else c.label_zh

    @property
    def computed_label(self) -> str:
        c = self.computed
        return c.label_en if _english() else c.label_zh

    @property
    def method_label(self) -> str:
        """落实方法, Open SDG方法（基年2015年）: the method and base year the assessment used."""
        return method_label(self.methodology, self.base_year)

    @property
    def method_source_label(self) -> str:
        return {
            "target": _("本目标的设置"),
            "decision": _("沿用决定的设置"),
            "request": _("本次查询指定"),
        }.get(self.method_source, _("默认"))

    @property
    def mismatch(self) -> str:
        """The gap the office most needs to see: ``tasks_done_indicator_lags`` (every task done, the
        indicator behind) or ``indicator_ok_tasks_lag`` (the indicator on track, the tasks behind)."""
        t = self.tasks
        if t is None or t.total <= 0 or self.assessment.milestone:
            return ""
        if t.done >= t.total and self.status in LAGGING:
            return "tasks_done_indicator_lags"
        if self.status in GOOD and (t.share_ok or 0.0) < TASKS_GOOD:
            return "indicator_ok_tasks_lag"
        return ""

    @property
    def mismatch_label(self) -> str:
        return {
            "tasks_done_indicator_lags": _("任务已完成，指标仍滞后"),
            "indicator_ok_tasks_lag": _("指标正常，任务滞后"),
        }.get(self.mismatch, "")

    @property
    def unit(self) -> str:
        """The unit the assessment and the chart speak in."""
        if self.goal is not None and self.goal.unit:
            return self.goal.unit
        if self.series is not None:
            return self.series.unit
        return str(self.target.unit or "")

    def as_dict(self, *, readings: bool = False) -> dict[str, Any]:
        """The assessment as JSON: the page's twin, the CLI's ``--format json``, and what an API returns."""
        t, a, d = self.target, self.assessment, self.delivery
        out: dict[str, Any] = {
            "id": t.pk,
            "key": t.key,
            "decision": t.decision_id,
            "task": t.task_id,
            "kind": t.kind,
            "target": {
                "indicator": t.indicator,
                "comparator": t.comparator or None,
                "value": t.value,
                "value_max": t.value_max,
                "unit": t.unit or None,
                "year": t.year,
                "reference": t.reference or None,
                "text": t.text,
                "describe": t.describe(),
            },
            "indicator": self.match.as_dict(),
            "reference_indicator": self.reference_match.as_dict() if self.reference_match else None,
            "status": d.status.value,
            "status_zh": d.label_zh,
            "status_en": d.label_en,
            "method": a.method,
            "ratio": _finite(a.ratio),
            "actual_rate": _finite(a.actual_rate),
            "required_rate": _finite(a.required_rate),
            "projection": _projection(a.projection),
            "gap": _finite(a.gap),
            "crossing_year": a.crossing_year,
            "methodology": self.methodology,
            "base_year": self.base_year,
            "method_source": self.method_source,
            "method_label": self.method_label,
            "score": _finite(a.score),
            "explanation_zh": a.explanation_zh,
            "explanation_en": a.explanation_en,
            "tasks": (
                None
                if self.tasks is None
                else {
                    "total": self.tasks.total,
                    "done": self.tasks.done,
                    "late": self.tasks.late,
                    "on_schedule": self.tasks.on_schedule,
                    "source": self.task_source,
                    "ids": list(self.task_ids),
                }
            ),
            "computed_confidence": self.computed.value,
            "confidence": self.confidence.value,
            "confidence_zh": self.confidence.label_zh,
            "confidence_en": self.confidence.label_en,
            "override": (
                None
                if self.override is None
                else {
                    "level": self.override.level,
                    "reason": self.override.reason,
                    "by": self.override.by_name,
                    "at": self.override.at.isoformat(),
                }
            ),
            "mismatch": self.mismatch or None,
            "sentence_zh": d.sentence_zh,
            "sentence_en": d.sentence_en,
            "unit": self.unit or None,
            "points": _points(self.series, self.unit),
            "reference_points": _points(self.reference_series, self.unit),
        }
        if readings:
            out["readings"] = [r.as_dict() for r in self.readings]
            out["reference_readings"] = [r.as_dict() for r in self.reference_readings]
        return out


def _english() -> bool:
    return (get_language() or "").startswith("en")


def method_label(methodology: str, base_year: int | None = None) -> str:
    name = _("Open SDG方法") if methodology == "open_sdg" else _("落实方法")
    if base_year:
        return _("%(name)s（基年%(year)s年）") % {"name": name, "year": base_year}
    return str(name)


def open_sdg_summary(results: Iterable[TargetAssessment]) -> Summary:
    """Open SDG's score averaged over the targets it scored (the targets assessed by its method)."""
    return summarise(r.assessment for r in results)


def summary_dict(s: Summary) -> dict[str, Any]:
    return {
        "score": s.score,
        "status": s.status.value if s.status is not None else None,
        "status_zh": s.label_zh,
        "status_en": s.label_en,
        "scored": s.scored,
        "unscored": s.unscored,
    }


def _finite(x: float | None) -> float | None:
    if x is None or not math.isfinite(x):
        return None
    return round(x, 9)


def _projection(p: Projection | None) -> dict[str, Any] | None:
    if p is None:
        return None
    return {
        "year": p.year,
        "value": _finite(p.value),
        "low": _finite(p.low),
        "high": _finite(p.high),
        "n": p.n,
        "slope": _finite(p.slope),
        "level": p.level,
    }


def _points(series: Series | None, unit: str) -> list[dict[str, Any]]:
    if series is None:
        return []
    try:
        s = series.to(unit) if unit and unit != series.unit else series
    except UnitError:
        s = series
    return [{"year": p.year, "month": p.month, "t": round(p.t, 6), "value": p.value} for p in s.points]


# the switch ---------------------------------------------------------------------------------------
def task_lights(task_ids: Iterable[int]) -> dict[int, str] | None:
    """Each task's light from the supervision app (``green``, ``yellow``, ``red``, ``done``,
    ``suspended``), or None when that app is not installed. The one place that asks."""
    if not apps.is_installed("luoshi.supervision"):
        return None
    try:
        light = apps.get_model("supervision", "TaskLight")
    except LookupError:
        return None
    return dict(light.objects.filter(task_id__in=list(task_ids)).values_list("task_id", "color"))


# bulk assessment ----------------------------------------------------------------------------------
class _Resolver:
    """Names, aliases and links to indicators, from two queries."""

    def __init__(self) -> None:
        self.by_id = {i.pk: i for i in Indicator.objects.all()}
        self.by_name = {i.name: i for i in self.by_id.values()}
        self.aliases = {
            a.name: a for a in IndicatorAlias.objects.filter(active=True) if a.indicator_id in self.by_id
        }

    def match(self, name: str, linked_id: int | None) -> Match:
        if linked_id is not None and linked_id in self.by_id:
            return Match(self.by_id[linked_id], "link")
        name = (name or "").strip()
        if name in self.by_name:
            return Match(self.by_name[name], "name")
        alias = self.aliases.get(name)
        if alias is not None:
            return Match(self.by_id[alias.indicator_id], "alias", alias)
        return Match(None)


def _link_of(target: Any) -> Any:
    try:
        return target.indicator_link
    except Exception:  # RelatedObjectDoesNotExist: no explicit link
        return None


def _matches(target: Any, resolver: _Resolver) -> tuple[Match, Match | None]:
    link = _link_of(target)
    main = resolver.match(target.indicator, link.indicator_id if link else None)
    if target.kind != "relational":
        return main, None
    return main, resolver.match(target.reference, link.reference_id if link else None)


def _month_of(period: str) -> tuple[int, int] | None:
    from luoshi.progress.periods import Period

    try:
        p = Period.parse(period)
    except ValueError:
        return None
    return p.end.year, p.end.month


def assess_targets(
    targets: Iterable[Any],
    *,
    today: dt.date | None = None,
    methodology: Methodology | None = None,
    base_year: int | None = None,
) -> list[TargetAssessment]:
    """Assess ``targets`` (ledger Targets, or a queryset of them) with a fixed number of queries.

    Each target is assessed by the method the office chose for it or its decision
    (:class:`AssessmentMethod`); ``methodology`` and ``base_year`` override that for this call only
    (the CLI's ``--method``, the API's ``?method=``)."""
    from luoshi.progress.models import Measurement, ReportState

    if methodology is not None and methodology not in METHODOLOGIES:
        raise ValueError(f"unknown methodology: {methodology!r}")
    today = today or timezone.localdate()
    if hasattr(targets, "select_related"):
        targets = targets.select_related(
            "task", "indicator_link", "assessment_method", "decision__assessment_method"
        )
    targets = list(targets)
    if not targets:
        return []
    chosen = _chosen_methods(targets)
    resolver = _Resolver()
    matched = {t.pk: _matches(t, resolver) for t in targets}
    wanted: set[int] = set()
    for main, ref in matched.values():
        for m in (main, ref):
            if m is not None and m.indicator is not None:
                wanted.add(m.indicator.pk)

    # observations and breaks of the series these targets need
    readings: dict[int, list[Reading]] = {pk: [] for pk in wanted}
    for o in (
        Observation.objects.current()
        .filter(indicator_id__in=wanted)
        .select_related("recorded_by")
        .order_by("recorded_at", "id")
    ):
        ind = resolver.by_id[o.indicator_id]
        try:
            value = o.value_in(ind.unit)
        except UnitError:
            continue  # refused at entry; a unit changed since cannot break the page
        readings[o.indicator_id].append(
            Reading(
                o.year,
                o.month,
                value,
                o.value,
                o.unit,
                o.origin,
                o.source,
                o.source_url,
                o.quote,
                o.note,
                _original(o.original_value, o.original_unit),
                o.recorded_at,
                _name(o.recorded_by),
                observation_id=o.pk,
            )
        )
    breaks: dict[int, list[Any]] = {}
    for b in IndicatorBreak.objects.filter(indicator_id__in=wanted, withdrawn=False):
        breaks.setdefault(b.indicator_id, []).append(b.as_break())

    # values filed in accepted reports: of these targets, or of any target measured by the same series
    names = {i.name for pk in wanted for i in [resolver.by_id[pk]]}
    names |= {a.name for a in resolver.aliases.values() if a.indicator_id in wanted}
    own: dict[int, list[Reading]] = {}
    rows = (
        Measurement.objects.filter(report__state=ReportState.ACCEPTED, value__isnull=False)
        .filter(
            Q(target_id__in=[t.pk for t in targets])
            | Q(target__indicator__in=names)
            | Q(target__indicator_link__indicator_id__in=wanted)
        )
        .values_list(
            "target_id",
            "target__kind",
            "target__indicator",
            "target__unit",
            "target__indicator_link__indicator_id",
            "value",
            "note",
            "report_id",
            "report__period",
            "report__reviewed_at",
            "report__unit__name",
        )
        .order_by("report__reviewed_at", "id")
    )
    for tid, kind, name, unit, linked, value, note, report_id, period, reviewed, unit_name in rows:
        if kind != "numeric":
            continue
        when = _month_of(period)
        if when is None:
            continue
        m = resolver.match(name, linked)
        series_unit = m.indicator.unit if m.indicator is not None else (unit or "")
        try:
            v = convert(value, unit or series_unit, series_unit)
        except UnitError:
            continue
        reading = Reading(
            when[0],
            when[1],
            v,
            value,
            unit or series_unit,
            "report",
            source=f"{unit_name} {period}",
            note=note,
            recorded_at=reviewed,
            report_id=report_id,
        )
        if m.indicator is not None and m.indicator.pk in readings:
            readings[m.indicator.pk].append(reading)
        else:
            own.setdefault(tid, []).append(reading)
    for rs in readings.values():
        rs.sort(key=lambda r: r.recorded_at or timezone.now())

    # the tasks behind each target
    carried = _tasks_behind(targets, today)
    overrides = ConfidenceOverride.objects.in_force([t.pk for t in targets])

    def series_of(m: Match | None, target: Any, fallback_unit: str) -> tuple[Series, list[Reading]]:
        if m is not None and m.indicator is not None:
            ind = m.indicator
            rs = readings.get(ind.pk, [])
            zh, en = ind.caveat_zh, ind.caveat_en
            if m.alias is not None and m.alias.caveat_zh:
                zh = "；".join(s for s in (zh, m.alias.caveat_zh) if s)
                en = "; ".join(s for s in (en, m.alias.caveat_en or m.alias.caveat_zh) if s)
            return Series(ind.name, ind.unit, _as_points(rs), tuple(breaks.get(ind.pk, ())), zh, en or zh), rs
        rs = own.get(target.pk, []) if target is not None else []
        name = target.indicator if target is not None else ""
        return Series(name, fallback_unit, _as_points(rs)), rs

    out: list[TargetAssessment] = []
    for t in targets:
        main, ref = matched[t.pk]
        tasks, source, ids = carried.get(t.pk, (None, "", ()))
        how, year, where = effective_method(*chosen.get(t.pk, (None, None)))
        if methodology is not None:
            how, where = methodology, "request"
        if base_year is not None:
            year = base_year
        result = _assess_one(t, main, ref, tasks, today, series_of, how, year)
        result.methodology, result.base_year, result.method_source = how, year, where
        result.task_source, result.task_ids = source, ids
        result.override = overrides.get(t.pk)
        out.append(result)
    return out


def assess_target(
    target: Any,
    *,
    today: dt.date | None = None,
    methodology: Methodology | None = None,
    base_year: int | None = None,
) -> TargetAssessment:
    return assess_targets(
        Target.objects.filter(pk=target.pk), today=today, methodology=methodology, base_year=base_year
    )[0]


def _cached(descriptor: Any, instance: Any) -> bool:
    try:
        return bool(descriptor.is_cached(instance))
    except AttributeError:
        return False


def _related(instance: Any, name: str) -> Any:
    try:
        return getattr(instance, name)
    except Exception:  # RelatedObjectDoesNotExist: nothing chosen
        return None


def chosen_method(owner: Any) -> AssessmentMethod | None:
    """The office's stored choice for a decision or a target (None: nothing chosen)."""
    return _related(owner, "assessment_method")


def _chosen_methods(targets: list[Any]) -> dict[int, tuple[AssessmentMethod | None, AssessmentMethod | None]]:
    """Each target's own choice of method and its decision's: from the joins of a queryset when they
    were made, else in one query."""
    from luoshi.ledger.models import Decision

    if all(
        _cached(Target.assessment_method, t)
        and _cached(Target.decision, t)
        and _cached(Decision.assessment_method, t.decision)
        for t in targets
    ):
        return {
            t.pk: (_related(t, "assessment_method"), _related(t.decision, "assessment_method"))
            for t in targets
        }
    found = AssessmentMethod.objects.for_targets(targets)
    return {t.pk: (found["target"].get(t.pk), found["decision"].get(t.decision_id)) for t in targets}


def _original(value: str, unit: str) -> str:
    """As the source printed it: 35.54 billion kilograms, 768.06亿斤."""
    if not value:
        return ""
    if unit and unit[:1].isascii() and unit[:1].isalpha():
        return f"{value} {unit}"
    return f"{value}{unit}"


def _name(user: Any) -> str:
    if user is None:
        return ""
    return str(user.get_full_name() or user.get_username())


def _as_points(readings: list[Reading]) -> tuple[Point, ...]:
    # in the order recorded: a later value for the same time replaces an earlier one
    return tuple(
        Point(r.year, r.value, r.month, None, r.source_url or None, r.quote or None, r.note or None)
        for r in readings
    )


def _assess_one(
    t: Any,
    main: Match,
    ref: Match | None,
    tasks: TaskView | None,
    today: dt.date,
    series_of: Any,
    methodology: Methodology = "luoshi",
    base_year: int | None = None,
) -> TargetAssessment:
    if t.kind == "relational":
        series, rs = series_of(main, t, "")
        if not t.reference:
            a = _unassessable(t, "关系目标缺少参照指标", "the relation names no reference indicator")
            return TargetAssessment(
                t, delivery(a, tasks), main, series, ref, None, tasks=tasks, readings=rs, today=today
            )
        relation = Relation(t.indicator, t.reference, t.comparator or ">", t.year, t.text)
        ref_series, ref_rs = series_of(ref, None, series.unit)
        ref_series = replace(ref_series, indicator=ref_series.indicator or t.reference)
        a = assess_relation(series, ref_series, relation, today=today, methodology=methodology)
        return TargetAssessment(
            t,
            delivery(a, tasks),
            main,
            series,
            ref,
            ref_series,
            relation=relation,
            tasks=tasks,
            readings=rs,
            reference_readings=ref_rs,
            today=today,
        )
    if t.kind == "milestone":
        deadline: int | dt.date | None = t.year or (t.task.deadline if t.task_id and t.task else None)
        if deadline is None:
            a = _unassessable(t, "目标没有期限，无法判断", "the target has no deadline", milestone=True)
        else:
            done_on = _done_on(t, tasks, today)
            a = assess_milestone(deadline, done_on, today, indicator=t.indicator)
        return TargetAssessment(t, delivery(a, tasks), main, tasks=tasks, today=today)
    goal = _goal_of(t)
    series, rs = series_of(main, t, (goal.unit if goal else t.unit) or "")
    if goal is None:
        if methodology == "open_sdg" and t.comparator in (">=", ">", "<=", "<"):
            # Open SDG's method without a target value: the growth in the desired direction
            a = assess_direction(
                series, t.indicator, t.comparator, t.unit or series.unit, year=t.year, base_year=base_year
            )
        else:
            a = _unassessable(t, "目标没有数值，无法评估", "the target has no value")
        return TargetAssessment(t, delivery(a, tasks), main, series, tasks=tasks, readings=rs, today=today)
    a = assess(series, goal, today=today, methodology=methodology, base_year=base_year)
    return TargetAssessment(
        t, delivery(a, tasks), main, series, goal=goal, tasks=tasks, readings=rs, today=today
    )


def _goal_of(t: Any) -> Goal | None:
    if t.value is None:
        return None
    comparator = t.comparator if t.comparator in (">=", ">", "≈", "<=", "<", "=") else "="
    # the ledger's Target carries the extraction's fields, which is all Goal.from_target reads
    fields = SimpleNamespace(
        id=t.key,
        kind="numeric",
        indicator=t.indicator,
        comparator=comparator,
        value=t.value,
        value_max=t.value_max,
        unit=t.unit or "",
        year=t.year,
        text=t.text or "",
    )
    try:
        return Goal.from_target(cast(Any, fields))
    except ValueError:
        return None


def _unassessable(t: Any, zh: str, en: str, *, milestone: bool = False) -> Assessment:
    return Assessment(
        Status.NOT_ASSESSABLE, "none", zh, en, indicator=t.indicator, unit=t.unit or None, milestone=milestone
    )


def _done_on(t: Any, tasks: TaskView | None, today: dt.date) -> dt.date | None:
    """A milestone is done when every task behind it is done: on the end of the latest period reported."""
    if tasks is None or tasks.total <= 0 or tasks.done < tasks.total:
        return None
    task = t.task
    period = getattr(task, "progress_period", "") if task is not None else ""
    when = _month_of(period) if period else None
    if when is None:
        return today
    year, month = when
    import calendar

    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _tasks_behind(targets: list[Any], today: dt.date) -> dict[int, tuple[TaskView, str, tuple[int, ...]]]:
    """For each target: its tasks counted (total, done, late), where that came from, and their ids."""
    task_ids = {t.task_id for t in targets if t.task_id}
    if not task_ids:
        return {}
    subtasks: dict[int, list[Any]] = {}
    for s in Task.objects.filter(parent_id__in=task_ids, state=TaskState.ACTIVE).order_by("order", "id"):
        subtasks.setdefault(s.parent_id, []).append(s)
    behind: dict[int, list[Any]] = {}
    for t in targets:
        task = t.task
        if task is None or task.state != TaskState.ACTIVE:
            continue
        behind[t.pk] = subtasks.get(task.pk) or [task]
    all_ids = {x.pk for xs in behind.values() for x in xs}
    lights = task_lights(all_ids)
    out: dict[int, tuple[TaskView, str, tuple[int, ...]]] = {}
    for tid, tasks in behind.items():
        total = done = late = 0
        used_lights = False
        for task in tasks:
            color = lights.get(task.pk) if lights is not None else None
            if color is not None:
                used_lights = True
                if color in ("suspended", "unassigned", "undated"):
                    continue  # no evidence either way: not under supervision, nobody on it, no time limit
                total += 1
                done += color == "done"
                late += color == "red"
                continue
            total += 1
            if task.progress_status == ProgressStatus.DONE:
                done += 1
            elif task.progress_status == ProgressStatus.BEHIND or _overdue(task, today):
                late += 1
        out[tid] = (
            TaskView(total, done, late),
            "lights" if used_lights else "progress",
            tuple(x.pk for x in tasks),
        )
    return out


def _overdue(task: Any, today: dt.date) -> bool:
    return (
        task.deadline_kind in (DeadlineKind.DATE, DeadlineKind.YEAR_END)
        and task.deadline is not None
        and task.deadline < today
        and task.progress_status != ProgressStatus.DONE
    )


def by_confidence(results: Iterable[TargetAssessment]) -> list[tuple[Confidence, list[TargetAssessment]]]:
    """The overview's groups, worst first; every level is present, empty or not."""
    groups: dict[Confidence, list[TargetAssessment]] = {c: [] for c in CONFIDENCE_ORDER}
    for r in results:
        groups[r.confidence].append(r)
    return [(c, groups[c]) for c in CONFIDENCE_ORDER]


def table_of(results: list[TargetAssessment]) -> str:
    """The CLI's table: key, target, status, confidence (an override marked with *), and the sentence."""
    en = _english()
    headers = ["key", "target", "status", "confidence"] if en else ["编号", "目标", "进度", "信心"]
    rows, notes = [], []
    for r in results:
        c = r.confidence
        mark = "*" if r.overridden else ""
        rows.append(
            [r.target.key, r.target.describe(), r.status_label, confidence_short(c, english=en) + mark]
        )
        notes.append(r.sentence + (f" [{r.mismatch_label}]" if r.mismatch else ""))
    return text_table(headers, rows, notes)
