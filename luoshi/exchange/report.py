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
from luoshi.figures import colours, reporting
from luoshi.figures.tasks import Row, Tally, counted, rows
from luoshi.ledger.models import Decision, Role, Task, Unit
from luoshi.progress.models import HANDED_IN, Report, ReportState
from luoshi.progress.periods import Period, reporting_period_for
from luoshi.web.display import day

from .officialdoc import Block, OfficialText
from .officialdoc import to_docx as _docx

LIGHTS = colours.ORDER
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
    """The period's progress reports, as ``luoshi.figures.reporting`` counts them (docs/figures.md)."""

    due: dt.date | None = None
    expected: int = 0
    handed_in: int = 0
    on_time: int = 0
    late: int = 0
    overdue: int = 0  # not handed in, the due date passed
    pending: int = 0  # not handed in, not yet due
    accepted: int = 0
    returned: int = 0  # reports of the period the office returned at least once
    awaiting: int = 0  # returned and not handed in again
    extra: int = 0  # reports handed in that nobody owed (not counted above)
    overdue_units: list[str] = field(default_factory=list)  # most missing first


@dataclass
class Overview:
    tasks: int = 0
    subtasks: int = 0
    assigned: int = 0
    lights: dict[str, int] = field(default_factory=colours.empty)
    percent: float = 0.0
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
    percent: float = 0.0
    lights: dict[str, int] = field(default_factory=colours.empty)
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
    study: dict[str, Any] = field(default_factory=dict)  # 学习宣传: luoshi.study.coverage.for_report

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
    # the tasks counted (a cascaded task once, its sub-tasks through it) and their figures
    everything = rows(Task.objects.filter(decision=decision), today)
    mine = counted(everything)
    tally = Tally.of(mine)
    by_pk = {r.pk: r for r in mine}
    top = list(
        with_lights(Task.objects.filter(pk__in=list(by_pk)).select_related("section", "lead_unit")).order_by(
            "order", "id"
        )
    )
    lights = {t.pk: light_of(t, today) for t in top}
    overview = Overview(
        tasks=tally.tasks,
        subtasks=len(everything) - len(mine),
        assigned=sum(1 for t in top if t.assigned_at is not None),
        lights=tally.light_counts(),
        percent=tally.mean_percent or 0.0,
        reporting=_reporting(decision, period, today),
    )
    lead = {t.pk: t.lead_unit_id for t in top}
    accepted = {
        r.task_id: r
        for r in Report.objects.filter(
            task__decision=decision, period=period.key, state=ReportState.ACCEPTED
        ).only("task_id", "unit_id", "percent", "narrative")
        if r.task_id in lead and r.unit_id == lead[r.task_id]
    }
    parts = _parts(decision, top, by_pk, lights, accepted)
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
    from luoshi.study.coverage import for_report

    report.study = for_report(decision, since=period.start, until=min(period.end, today))
    from .report_text import generated_next_steps, generated_problems

    report.default_problems = generated_problems(report)
    report.default_next_steps = generated_next_steps(report)
    report.problems = problems or (draft.problems if draft else "") or report.default_problems
    report.next_steps = next_steps or (draft.next_steps if draft else "") or report.default_next_steps
    return report


def _reporting(decision: Decision, period: Period, today: dt.date) -> Reporting:
    """Who had to report on the period and what became of it: ``luoshi.figures.reporting``'s figures,
    with the units that missed the most first."""
    book = reporting.for_period(decision, period, today)
    figures = book.figures()
    due = book.dues.get((decision.pk, period.key))
    out = Reporting(
        due=due,
        expected=figures.expected,
        handed_in=figures.handed_in,
        on_time=figures.on_time,
        late=figures.late,
        overdue=figures.overdue,
        pending=figures.pending,
        accepted=figures.accepted,
        returned=figures.returned,
        awaiting=figures.awaiting,
        extra=figures.extra,
    )
    missing = Counter(o.unit for o in book.outcomes if not o.handed_in and o.due < today)
    if missing:
        names = dict(Unit.objects.filter(pk__in=list(missing)).values_list("pk", "name"))
        units = Counter()
        for unit, n in missing.items():
            units[names.get(unit, "")] += n
        out.overdue_units = [n for n, _c in sorted(units.items(), key=lambda kv: (-kv[1], kv[0]))]
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
    decision: Decision,
    top: list[Task],
    rows_of: dict[int, Row],
    lights: dict[int, Any],
    accepted: dict[int, Report],
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
        tally = Tally.of(rows_of[t.pk] for t in members)
        part = Part(
            number=number,
            title=title.strip().rstrip("。"),
            tasks=tally.tasks,
            done=tally.done,
            percent=tally.mean_percent or 0.0,
            lights=tally.light_counts(),
        )

        def note(kind: str, t: Task, detail: str = "") -> TaskNote:
            unit = t.lead_unit.name if t.lead_unit_id else _("未确定牵头单位")
            return TaskNote(kind, t.pk, t.key, _short(t.text), unit, detail)

        part.notes += [
            note("red", t, _reason(lights[t.pk].reason, t)) for t in members if lights[t.pk].color == "red"
        ][:NOTES_PER_KIND]
        part.notes += [note("done", t) for t in members if lights[t.pk].color == "done"][:NOTES_PER_KIND]
        moving = sorted(
            (
                t
                for t in members
                if t.pk in accepted and lights[t.pk].color in {colours.GREEN, colours.YELLOW}
            ),
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
