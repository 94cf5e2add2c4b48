"""The periodic implementation report to the committee (学习宣传贯彻情况报告), from the ledger's data.

``build(decision, period)`` gathers what the report says — an overview (tasks, assignments, lights,
reports handed in on time), progress per part of the decision's outline with its notable tasks, the
targets with their delivery confidence (``luoshi.indicators``), and the sections 存在的问题 and
下一步工作, which the office edits (``ReportDraft``; generated from the data until it does) — into an
``ImplementationReport``; its words (the body, and the text generated for the office to edit) are in
``report_text``. ``to_docx(report)`` writes it in GB/T 9704 layout through
``luoshi.exchange.officialdoc``; ``luoshi.exchange.pdf.to_pdf(report)`` makes the PDF.

The office and leaders may generate it (``may_generate``); only the office edits it (``may_edit``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from luoshi.api.lights import light_of, with_lights
from luoshi.ledger.models import AuditEntry, Decision, ProgressStatus, Role, Task, TaskState, TaskUnit
from luoshi.progress.models import Report, ReportState
from luoshi.progress.overview import HANDED_IN
from luoshi.progress.periods import Period, reporting_period_for
from luoshi.web.display import day

from .officialdoc import Block, OfficialText
from .officialdoc import to_docx as _docx

LIGHTS = ("green", "yellow", "red", "done", "suspended", "none")
CONFIDENCES = ("red", "amber_red", "amber_green", "green", "unknown")  # worst first
NOTES_PER_KIND = 3
PERIOD_CHOICES = 12


# -- who may ----------------------------------------------------------------------------------------
def may_generate(user: Any) -> bool:
    """The office and leaders generate the report; units do not."""
    return Role.of(user) in {Role.OFFICE, Role.LEADER}


def may_edit(user: Any) -> bool:
    """Only the office edits its title, date and the sections 存在的问题 and 下一步工作."""
    return Role.of(user) == Role.OFFICE


# -- what it says ----------------------------------------------------------------------------------
@dataclass
class Reporting:
    """The period's progress reports: how many were due, handed in (on time or late), missing."""

    due: dt.date | None = None
    expected: int = 0
    handed_in: int = 0
    on_time: int = 0
    late: int = 0
    overdue: int = 0  # not handed in, the due date passed
    pending: int = 0  # not handed in, not yet due
    accepted: int = 0
    returned: int = 0  # reports of the period the office returned at least once
    overdue_units: list[str] = field(default_factory=list)  # most missing first


@dataclass
class Overview:
    tasks: int = 0
    subtasks: int = 0
    assigned: int = 0
    lights: dict[str, int] = field(default_factory=lambda: dict.fromkeys(LIGHTS, 0))
    percent: int = 0
    reporting: Reporting = field(default_factory=Reporting)


@dataclass
class TaskNote:
    """A task the report names: red (with the light's reason), done, or moving (with its report)."""

    kind: str  # "red", "done", "progress"
    task: int
    key: str
    text: str
    unit: str
    detail: str = ""


@dataclass
class Part:
    number: str
    title: str
    tasks: int = 0
    done: int = 0
    percent: int = 0
    lights: dict[str, int] = field(default_factory=lambda: dict.fromkeys(LIGHTS, 0))
    notes: list[TaskNote] = field(default_factory=list)


@dataclass
class TargetLine:
    id: int
    key: str
    text: str
    confidence: str
    confidence_label: str
    status: str
    status_label: str
    sentence: str


@dataclass
class ImplementationReport:
    decision_id: int
    decision_title: str
    period: str
    period_label: str
    periods: list[tuple[str, str]]
    title: str
    addressee: str
    issuer: str
    date: dt.date
    overview: Overview
    parts: list[Part]
    targets: list[TargetLine]
    problems: str
    next_steps: str
    default_problems: str
    default_next_steps: str
    default_title: str = ""
    default_addressee: str = ""
    default_issuer: str = ""
    edited: bool = False  # a draft of the office's is applied
    copy_to: str = ""  # 版记: 抄送 (督查规则 → 情况报告抄送)
    printer: str = ""  # 版记: 印发机关 (督查规则 → 印发机关)

    @property
    def target_counts(self) -> dict[str, int]:
        counts = dict.fromkeys(CONFIDENCES, 0)
        for t in self.targets:
            counts[t.confidence] += 1
        return counts

    @property
    def date_label(self) -> str:
        return day(self.date)

    def blocks(self) -> list[Block]:
        from .report_text import body

        return body(self)

    def text(self) -> OfficialText:
        return OfficialText(
            title=self.title,
            blocks=self.blocks(),
            addressee=self.addressee,
            signer=self.issuer,
            date=self.date_label,
            copy_to=self.copy_to,
            printer=self.printer,
            printed=self.date_label,
        )

    def filename(self, ext: str) -> str:
        return f"{_('学习宣传贯彻情况报告')}-{self.period}.{ext}"

    def as_dict(self) -> dict[str, Any]:
        """The report as JSON: the page's twin."""
        data = asdict(self)
        data["schema_version"] = 1
        data["date"] = self.date.isoformat()
        due = self.overview.reporting.due
        data["overview"]["reporting"]["due"] = due.isoformat() if due else None
        data["periods"] = [{"key": k, "label": label} for k, label in self.periods]
        data["target_counts"] = self.target_counts
        data["blocks"] = [
            {"level": b.level, "text": b.text, "body": b.body, "rows": b.rows} for b in self.blocks()
        ]
        return data


# -- gathering -------------------------------------------------------------------------------------
def latest_period(decision: Decision, today: dt.date) -> Period:
    """The latest period with a report handed in, else the period units are reporting on now."""
    latest = Report.objects.filter(task__decision=decision, state__in=HANDED_IN).aggregate(p=Max("period"))[
        "p"
    ]
    now = reporting_period_for(today, decision.reporting_period, decision.report_due_days)
    if latest:
        try:
            period = Period.parse(latest)
        except ValueError:
            return now
        if period.kind == now.kind:
            return min(period, Period.containing(today, decision.reporting_period))
    return now


def period_choices(decision: Decision, today: dt.date) -> list[Period]:
    """The periods a report can be made for: the current one and the ones before it, newest first."""
    p = Period.containing(today, decision.reporting_period)
    out = []
    for _n in range(PERIOD_CHOICES):
        out.append(p)
        p = p.previous()
    return out


def parse_period(decision: Decision, key: str) -> Period:
    """``key`` as a period of the decision's kind (quarters or months); ValueError otherwise."""
    period = Period.parse(key)
    if period.kind != ("M" if decision.reporting_period == "monthly" else "Q"):
        raise ValueError(_("该决定不按此周期报送：%(key)s") % {"key": key})
    return period


_ADDRESSEE = re.compile(r"报告((?:[^\W\d_]){0,12}?(?:党委|党组|市委|县委|区委|旗委|盟委|省委|政府|领导小组))")


def default_addressee(decision: Decision) -> str:
    """主送机关: the body the decision says its implementation is reported to (“…情况及时报告自治区党委”),
    else 自治区党委."""
    texts = Task.objects.filter(decision=decision, text__contains="报告").values_list("text", flat=True)
    for text in sorted(texts, key=lambda t: "学习宣传贯彻" not in t):
        m = _ADDRESSEE.search(text)
        if m:
            return m.group(1)
    return _("自治区党委")


def default_issuer() -> str:
    from luoshi.supervision.models import Rules

    return Rules.objects.order_by("pk").values_list("office_name", flat=True).first() or _("督查室")


def imprint() -> tuple[str, str]:
    """The 版记's 印发机关 and 抄送 for the report, as the office set them in its rules."""
    from luoshi.supervision.models import Rules

    rules = Rules.objects.order_by("pk").first()
    if rules is None:
        return default_issuer(), ""
    return rules.printing_office, rules.report_copy_to


def default_title(decision: Decision, period: Period) -> str:
    return _("关于%(period)s学习宣传贯彻《%(decision)s》情况的报告") % {
        "period": period.label,
        "decision": decision.title.strip("《》"),
    }


def build(
    decision: Decision,
    period: Period | str | None = None,
    *,
    today: dt.date | None = None,
    title: str = "",
    addressee: str = "",
    issuer: str = "",
    date: dt.date | None = None,
    problems: str = "",
    next_steps: str = "",
    use_draft: bool = True,
) -> ImplementationReport:
    """The report on ``decision`` for ``period`` (default: the latest). Arguments given override the
    office's draft for the period, which overrides what is generated from the data."""
    from .models import ReportDraft

    today = today or timezone.localdate()
    if period is None:
        period = latest_period(decision, today)
    elif isinstance(period, str):
        period = parse_period(decision, period)
    draft = ReportDraft.objects.filter(decision=decision, period=period.key).first() if use_draft else None
    tasks = list(
        with_lights(
            Task.objects.filter(decision=decision, state=TaskState.ACTIVE).select_related(
                "section", "lead_unit"
            )
        ).order_by("order", "id")
    )
    top = [t for t in tasks if t.parent_id is None]
    lights = {t.pk: light_of(t, today) for t in tasks}
    overview = Overview(
        tasks=len(top),
        subtasks=len(tasks) - len(top),
        assigned=sum(1 for t in top if t.assigned_at is not None),
        lights=_count(lights[t.pk].color for t in top),
        percent=_mean(t.percent for t in top),
        reporting=_reporting(decision, period, tasks, lights, today),
    )
    lead = {t.pk: t.lead_unit_id for t in tasks}
    accepted = {
        r.task_id: r
        for r in Report.objects.filter(
            task__decision=decision, period=period.key, state=ReportState.ACCEPTED
        ).only("task_id", "unit_id", "percent", "narrative")
        if r.task_id in lead and r.unit_id == lead[r.task_id]
    }
    parts = _parts(decision, top, lights, accepted)
    targets = _targets(decision, today)
    defaults = {
        "title": default_title(decision, period),
        "addressee": default_addressee(decision),
        "issuer": default_issuer(),
    }
    report = ImplementationReport(
        decision_id=decision.pk,
        decision_title=decision.title,
        period=period.key,
        period_label=period.label,
        periods=[(p.key, p.label) for p in period_choices(decision, today)],
        title=title or (draft.title if draft else "") or defaults["title"],
        addressee=addressee or (draft.addressee if draft else "") or defaults["addressee"],
        issuer=issuer or (draft.issuer if draft else "") or defaults["issuer"],
        date=date or (draft.date if draft else None) or today,
        overview=overview,
        parts=parts,
        targets=targets,
        problems="",
        next_steps="",
        default_problems="",
        default_next_steps="",
        default_title=defaults["title"],
        default_addressee=defaults["addressee"],
        default_issuer=defaults["issuer"],
        edited=draft is not None,
    )
    report.printer, report.copy_to = imprint()
    from .report_text import generated_next_steps, generated_problems

    report.default_problems = generated_problems(report)
    report.default_next_steps = generated_next_steps(report)
    report.problems = problems or (draft.problems if draft else "") or report.default_problems
    report.next_steps = next_steps or (draft.next_steps if draft else "") or report.default_next_steps
    return report


def _count(colors: Any) -> dict[str, int]:
    counts = dict.fromkeys(LIGHTS, 0)
    for c in colors:
        counts[c if c in counts else "none"] += 1
    return counts


def _mean(values: Any) -> int:
    values = [v or 0 for v in values]
    return round(sum(values) / len(values)) if values else 0


def _reporting(
    decision: Decision, period: Period, tasks: list[Task], lights: dict[int, Any], today: dt.date
) -> Reporting:
    """Who had to report on the period (the lead unit of each assigned task, and the co-operating
    units when the report calendar says so), and who did, by the due date or after it."""
    from luoshi.supervision.calendar import WorkCalendar
    from luoshi.supervision.lights import first_period
    from luoshi.supervision.schedule import Schedule

    schedule = Schedule.for_decisions([(decision.pk, decision.reporting_period, decision.report_due_days)])[
        decision.pk
    ]
    calendar = WorkCalendar.load()
    due = schedule.due(period, calendar)
    tz = timezone.get_current_timezone()
    by_id = {t.pk: t for t in tasks}
    expected: set[tuple[int, int]] = set()
    links = TaskUnit.objects.filter(task__decision=decision, task__state=TaskState.ACTIVE).values_list(
        "task_id", "unit_id", "role", "unit__name"
    )
    names: dict[int, str] = {}
    for task_id, unit_id, role, name in links:
        task = by_id.get(task_id)
        if task is None:
            continue
        if role != "lead" and not schedule.co_units_report:
            continue
        if task.assigned_at is None or lights[task_id].color == "suspended":
            continue
        first = first_period(schedule, task.assigned_at.astimezone(tz).date())
        if first is None or first > period:
            continue
        if (
            task.progress_status == ProgressStatus.DONE
            and task.progress_period
            and task.progress_period < period.key
        ):
            continue  # done before this period: nothing more to report
        expected.add((task_id, unit_id))
        names[unit_id] = name
    reports = Report.objects.filter(task__decision=decision, period=period.key).values_list(
        "pk", "task_id", "unit_id", "state", "submitted_at"
    )
    out = Reporting(due=due, expected=len(expected))
    handed: set[tuple[int, int]] = set()
    ids = []
    for pk, task_id, unit_id, state, submitted_at in reports:
        ids.append(str(pk))
        if state == ReportState.ACCEPTED:
            out.accepted += 1
        if (task_id, unit_id) not in expected or state not in HANDED_IN:
            continue
        handed.add((task_id, unit_id))
        if submitted_at is None or submitted_at.astimezone(tz).date() <= due:
            out.on_time += 1
        else:
            out.late += 1
    out.handed_in = len(handed)
    missing = expected - handed
    if due < today:
        out.overdue = len(missing)
        units = Counter(names[u] for _t, u in missing)
        out.overdue_units = [n for n, _c in sorted(units.items(), key=lambda kv: (-kv[1], kv[0]))]
    else:
        out.pending = len(missing)
    out.returned = (
        AuditEntry.objects.filter(model="progress.report", action="return", object_id__in=ids)
        .values("object_id")
        .distinct()
        .count()
        if ids
        else 0
    )
    return out


def _cut(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis, never inside a quotation or after a comma."""
    if len(text) <= limit:
        return text
    cut = text[:limit]
    if cut.count("“") > cut.count("”"):
        cut = cut[: cut.rfind("“")]
    return cut.rstrip("，、；：,;: ") + "……"


def _short(text: str, limit: int = 30) -> str:
    """A task named in a sentence: its first clause, cut."""
    s = text.strip().rstrip("。；;")
    return _cut(re.split(r"[。；]", s, maxsplit=1)[0], limit)


def _parts(
    decision: Decision, top: list[Task], lights: dict[int, Any], accepted: dict[int, Report]
) -> list[Part]:
    """Progress per part (the top level of the decision's outline), with its notable tasks."""
    heads = list(decision.sections.filter(parent=None).order_by("order", "id"))
    groups: dict[int | None, list[Task]] = {h.pk: [] for h in heads}
    for t in top:
        head = None
        if t.section is not None:
            for h in heads:
                if t.section.key == h.key or t.section.key.startswith(h.key + "."):
                    head = h.pk
                    break
        groups.setdefault(head, []).append(t)
    parts = []
    for h in [*heads, None]:
        members = groups.get(h.pk if h is not None else None, [])
        if not members:
            continue
        if h is None:
            number, title = "", _("其他任务")
        else:
            number = h.number
            title = h.title or (_("第%(n)s部分") % {"n": h.number or h.key})
        part = Part(
            number=number,
            title=title.strip().rstrip("。"),
            tasks=len(members),
            done=sum(1 for t in members if lights[t.pk].color == "done"),
            percent=_mean(t.percent for t in members),
            lights=_count(lights[t.pk].color for t in members),
        )

        def note(kind: str, t: Task, detail: str = "") -> TaskNote:
            unit = t.lead_unit.name if t.lead_unit_id else _("未确定牵头单位")
            return TaskNote(kind, t.pk, t.key, _short(t.text), unit, detail)

        part.notes += [
            note("red", t, _reason(lights[t.pk].reason, t)) for t in members if lights[t.pk].color == "red"
        ][:NOTES_PER_KIND]
        part.notes += [note("done", t) for t in members if lights[t.pk].color == "done"][:NOTES_PER_KIND]
        moving = sorted(
            (t for t in members if t.pk in accepted and lights[t.pk].color in {"green", "yellow"}),
            key=lambda t: (-accepted[t.pk].percent, t.order),
        )
        part.notes += [note("progress", t, _excerpt(accepted[t.pk])) for t in moving[: NOTES_PER_KIND - 1]]
        parts.append(part)
    return parts


def _reason(reason: str, task: Task) -> str:
    """The light's reason without the lead unit's name in front (the sentence names it already)."""
    if task.lead_unit_id and reason.startswith(task.lead_unit.name + "："):
        return reason[len(task.lead_unit.name) + 1 :]
    return reason


def _excerpt(report: Report) -> str:
    first = re.split(r"(?<=[。！；])", report.narrative.strip(), maxsplit=1)[0].strip()
    first = _cut(first.rstrip("；;，,"), 80)
    if not first.endswith(("。", "！", "……")):
        first += "。"
    return _("完成%(percent)s%%，%(narrative)s") % {"percent": report.percent, "narrative": first}


def _targets(decision: Decision, today: dt.date) -> list[TargetLine]:
    from luoshi.indicators.assessing import assess_targets, by_confidence
    from luoshi.ledger.models import Target

    results = assess_targets(
        Target.objects.filter(decision=decision, withdrawn=False).order_by("id"), today=today
    )
    texts = Counter((a.target.text or "").strip() for a in results)
    lines = []
    for _c, group in by_confidence(results):
        for a in group:
            t = a.target
            text = (t.text or t.describe()).strip().rstrip("。")
            if t.text and texts[t.text.strip()] > 1:  # one sentence, several subjects: name this one's
                text += f"（{t.indicator}）"
            lines.append(
                TargetLine(
                    id=t.pk,
                    key=t.key,
                    text=text,
                    confidence=a.confidence.value,
                    confidence_label=a.confidence_label,
                    status=a.status.value,
                    status_label=a.status_label,
                    sentence=a.sentence,
                )
            )
    return lines


# -- writing ----------------------------------------------------------------------------------------
def to_docx(report: ImplementationReport) -> bytes:
    """The report as a .docx in GB/T 9704 layout."""
    return _docx(report.text())
