"""The words of the 学习宣传贯彻情况报告: its body, block by block, and the text of 存在的问题 and
下一步工作 generated from the data until the office writes its own (``luoshi.exchange.report`` gathers
the figures)."""

from __future__ import annotations

import re
from typing import Any

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from luoshi.figures import colours
from luoshi.web.display import day

from .officialdoc import Block, cn_number
from .report import NOTES_PER_KIND, ImplementationReport, TaskNote

# the lights the parts table always shows (the others only when some part has them)
PART_COLUMNS = (colours.RED, colours.YELLOW, colours.GREEN, colours.DONE)

# -- what the office edits, generated from the data -------------------------------------------------
ORDINALS_EN = ("First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth")


def _ordinal(n: int) -> str:
    """一是, 二是 … (First, Second … in English)."""
    if (get_language() or "").startswith("en"):
        return f"{ORDINALS_EN[n - 1] if n <= len(ORDINALS_EN) else n}, "
    return f"{cn_number(n)}是"


def _list(items: Any) -> str:
    """A list inside a sentence: 甲、乙 (A, B)."""
    return _("、").join(items)


def _series(items: Any) -> str:
    """Clauses in a row: 甲；乙 (A; B)."""
    return _("；").join(items)


def _quoted(notes: list[TaskNote], limit: int = 2) -> str:
    return _list(_("“%(text)s”（%(unit)s牵头）") % {"text": n.text, "unit": n.unit} for n in notes[:limit])


def generated_problems(report: ImplementationReport) -> str:
    """存在的问题, one paragraph per problem the data show: red tasks, late or returned reports,
    targets in doubt."""
    items = []
    red = [n for p in report.parts for n in p.notes if n.kind == "red"]
    red_count = report.overview.lights.get("red", 0)
    if red_count:
        items.append(
            _("部分任务推进滞后。%(n)s项任务亮红灯，如%(examples)s，需要加大推进力度。")
            % {"n": red_count, "examples": _quoted(red) or _("相关任务")}
        )
    r = report.overview.reporting
    clauses = []
    if r.overdue:
        clauses.append(
            _("%(n)s份进展报告逾期未报送（涉及%(units)s）")
            % {
                "n": r.overdue,
                "units": _list(r.overdue_units[:3]) + (_("等") if len(r.overdue_units) > 3 else ""),
            }
        )
    if r.late:
        clauses.append(_("%(n)s份逾期报送") % {"n": r.late})
    if r.returned:
        clauses.append(_("%(n)s份被退回修改") % {"n": r.returned})
    if clauses:
        items.append(
            _("进展报送不够及时规范。%(period)s%(clauses)s。")
            % {"period": report.period_label, "clauses": "，".join(clauses)}
        )
    doubtful = [t for t in report.targets if t.confidence in {"red", "amber_red"}]
    if doubtful:
        items.append(
            _("部分量化目标实现存在风险。%(names)s等%(n)s个目标实现信心为红或黄红。%(sentence)s")
            % {
                "names": _list(f"“{t.text}”" for t in doubtful[:2]),
                "n": len(doubtful),
                "sentence": doubtful[0].sentence,
            }
        )
    if not items:
        return _("各项任务总体按计划推进，暂未发现突出问题。")
    return "\n".join(_ordinal(n) + item for n, item in enumerate(items, start=1))


def generated_next_steps(report: ImplementationReport) -> str:
    """下一步工作: one paragraph answering each problem, and the standing duty to report."""
    items = []
    red_count = report.overview.lights.get("red", 0)
    if red_count:
        items.append(
            _("紧盯滞后任务。对%(n)s项红灯任务逐项督办，压实牵头单位责任，限期整改到位。") % {"n": red_count}
        )
    r = report.overview.reporting
    if r.overdue or r.late or r.returned:
        if r.overdue_units:
            items.append(
                _("规范进展报送。督促%(units)s等单位按期报送进展报告，做到有进展、有数据、有佐证。")
                % {"units": _list(r.overdue_units[:3])}
            )
        else:
            items.append(_("规范进展报送。督促有关单位按期报送进展报告，做到有进展、有数据、有佐证。"))
    doubtful = [t for t in report.targets if t.confidence in {"red", "amber_red"}]
    if doubtful:
        items.append(
            _("加快推进滞后目标。聚焦%(names)s等目标，会同牵头单位分析差距，研究加快推进的具体措施。")
            % {"names": _list(f"“{t.text}”" for t in doubtful[:2])}
        )
    items.append(
        _("持续抓好学习宣传贯彻。坚持项目化管理、清单式推进，学习宣传贯彻情况及时报告%(to)s。")
        % {"to": report.addressee}
    )
    return "\n".join(_ordinal(n) + item for n, item in enumerate(items, start=1))


# -- the body --------------------------------------------------------------------------------------
_CN_NUM = "[一二三四五六七八九十]+"
_LEVEL2 = re.compile(rf"^[（(]{_CN_NUM}[)）]\s*")
_LEVEL3 = re.compile(r"^\d{1,2}[．.、]\s*")


def office_blocks(text: str) -> list[Block]:
    """The office's text as blocks: a paragraph per line; a line starting （一） is a second-level
    heading and 1． a third-level one (renumbered in order), run in with the rest of the line."""
    out = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        for pattern, level in ((_LEVEL2, 2), (_LEVEL3, 3)):
            m = pattern.match(line)
            if m:
                rest = line[m.end() :]
                head, sep, tail = rest.partition("。")
                out.append(Block(head + sep, level, body=tail) if sep else Block(rest, level))
                break
        else:
            out.append(Block(line))
    return out


def percent(value: float) -> str:
    """An average progress as the dashboard shows it: one decimal, none when whole (46.4, 45)."""
    return f"{round(value, 1):g}"


def _lights_sentence(lights: dict[str, int]) -> str:
    """Every light of the tasks counted, so that the sentence adds up to the tasks: green, yellow and
    red always, the others when there are any (docs/figures.md)."""
    parts = [
        _("绿灯%(n)s项") % {"n": lights.get("green", 0)},
        _("黄灯%(n)s项") % {"n": lights.get("yellow", 0)},
        _("红灯%(n)s项") % {"n": lights.get("red", 0)},
    ]
    if lights.get("unassigned"):
        parts.append(_("未分工%(n)s项") % {"n": lights["unassigned"]})
    if lights.get("undated"):
        parts.append(_("未定时限%(n)s项") % {"n": lights["undated"]})
    if lights.get("suspended"):
        parts.append(_("暂缓督办%(n)s项") % {"n": lights["suspended"]})
    if lights.get("none"):
        parts.append(_("尚未亮灯%(n)s项") % {"n": lights["none"]})
    return _list(parts)


def study_blocks(report: ImplementationReport) -> list[Block]:
    """学习宣传情况: the units to study the decision and those that have, the sessions and attendance
    (in the period and in all), by form, and the units not yet studied, by name."""
    s = report.study
    blocks = [Block(_("学习宣传情况"), 1)]
    if not s or not (s.get("expected") or s.get("sessions")):
        blocks.append(
            Block(
                _("截至%(date)s，尚无单位登记学习《决定》的情况。")
                % {"date": day(s["until"]) if s else report.date_label}
            )
        )
        return blocks
    text = _("截至%(date)s，承担《决定》任务的%(expected)s个单位中，已有%(studied)s个单位组织学习") % {
        "date": day(s["until"]),
        "expected": s["expected"],
        "studied": s["studied"],
    }
    if s["share"] is not None:
        text += _("，覆盖率%(share)s") % {"share": f"{s['share'] * 100:.1f}%"}
    text += _("；累计组织学习%(sessions)s场次、参学%(attendance)s人次") % {
        "sessions": s["sessions"],
        "attendance": s["attendance"],
    }
    if s["forms"]:
        text += _("，其中%(forms)s") % {
            "forms": "、".join(
                _("%(label)s%(n)s场") % {"label": f["label"], "n": f["sessions"]} for f in s["forms"]
            )
        }
    text += _("；%(period)s组织学习%(n)s场次、参学%(people)s人次；有佐证材料的%(evidenced)s场次。") % {
        "period": report.period_label,
        "n": s["period_sessions"],
        "people": s["period_attendance"],
        "evidenced": s["with_evidence"],
    }
    blocks.append(Block(text))
    if s["not_studied"]:
        names = "、".join(s["not_yet_names"])
        if s["not_studied"] > len(s["not_yet_names"]):
            names += _("等%(n)s个单位") % {"n": s["not_studied"]}
        blocks.append(Block(_("尚未登记学习的单位：%(names)s。") % {"names": names}))
    elif s["expected"]:
        blocks.append(Block(_("承担任务的单位均已组织学习。")))
    return blocks


def body(report: ImplementationReport) -> list[Block]:
    """The report's body, in the order the committee reads it."""
    o, r = report.overview, report.overview.reporting
    blocks = [
        Block(
            _("按照《%(decision)s》关于学习宣传贯彻情况及时报告的要求，现将%(period)s贯彻落实情况报告如下。")
            % {"decision": report.decision_title.strip("《》"), "period": report.period_label}
        ),
        Block(_("总体进展"), 1),
    ]
    subtasks = _("（另分解子任务%(n)s项）") % {"n": o.subtasks} if o.subtasks else ""
    blocks.append(
        Block(
            _(
                "《决定》确定的重点任务共%(tasks)s项%(subtasks)s，已确认分工%(assigned)s项。截至%(date)s，已办结%(done)s项，%(lights)s，任务平均完成进度%(percent)s%%。"
            )
            % {
                "tasks": o.tasks,
                "subtasks": subtasks,
                "assigned": o.assigned,
                "date": report.date_label,
                "done": o.lights.get("done", 0),
                "lights": _lights_sentence(o.lights),
                "percent": percent(o.percent),
            }
        )
    )
    if r.expected:
        text = _(
            "%(period)s应报送进展报告%(expected)s份，报送截止日期为%(due)s。已报送%(handed)s份，其中按期报送%(on_time)s份、逾期报送%(late)s份"
        ) % {
            "period": report.period_label,
            "expected": r.expected,
            "due": day(r.due) if r.due else "",
            "handed": r.handed_in,
            "on_time": r.on_time,
            "late": r.late,
        }
        if r.overdue:
            text += _("；逾期未报送%(n)s份") % {"n": r.overdue}
        if r.pending:
            text += _("；尚未报送%(n)s份（未到截止日期）") % {"n": r.pending}
        text += _("。督查室已采纳%(accepted)s份，退回修改%(returned)s份。") % {
            "accepted": r.accepted,
            "returned": r.returned,
        }
        if r.extra:
            text += _("另有%(n)s份报告不属应报范围（如配合单位、暂缓督办的任务报送的），未计入以上数字。") % {
                "n": r.extra
            }
        blocks.append(Block(text))
    else:
        blocks.append(Block(_("%(period)s没有应报送的进展报告。") % {"period": report.period_label}))

    blocks += study_blocks(report)

    blocks.append(Block(_("各部分推进情况"), 1))
    if report.parts:
        # a column for every light some part has, so that each row adds up to its tasks
        shown = [c for c in colours.ORDER if c in PART_COLUMNS or any(p.lights.get(c) for p in report.parts)]
        rows = [[_("部分"), _("任务"), *(str(colours.LABELS[c]) for c in shown), _("平均进度")]]
        for p in report.parts:
            rows.append(
                [p.title, str(p.tasks), *(str(p.lights.get(c, 0)) for c in shown), f"{percent(p.percent)}%"]
            )
        blocks.append(Block("", rows=rows))
    for p in report.parts:
        blocks.append(
            Block(
                p.title + "。",
                2,
                body=_("本部分共%(tasks)s项任务，已办结%(done)s项，平均完成进度%(percent)s%%；%(lights)s。")
                % {
                    "tasks": p.tasks,
                    "done": p.done,
                    "percent": percent(p.percent),
                    "lights": _lights_sentence(p.lights),
                },
            )
        )
        red = [n for n in p.notes if n.kind == "red"]
        if red:
            blocks.append(
                Block(
                    _("亮红灯的任务：%(list)s。")
                    % {
                        "list": _series(
                            _("“%(text)s”（%(unit)s牵头，%(why)s）")
                            % {"text": n.text, "unit": n.unit, "why": n.detail}
                            for n in red
                        )
                    }
                )
            )
        done = [n for n in p.notes if n.kind == "done"]
        if done:
            blocks.append(Block(_("已办结的任务：%(list)s。") % {"list": _quoted(done, NOTES_PER_KIND)}))
        for n in (n for n in p.notes if n.kind == "progress"):
            blocks.append(
                Block(
                    _("“%(text)s”（%(unit)s牵头）：%(detail)s")
                    % {"text": n.text, "unit": n.unit, "detail": n.detail}
                )
            )

    blocks.append(Block(_("量化目标实现情况"), 1))
    if report.targets:
        c = report.target_counts
        blocks.append(
            Block(
                _(
                    "《决定》提出的%(n)s个量化目标中，有把握按期实现（绿）%(green)s个，较有把握（黄绿）%(amber_green)s个，风险较大（黄红）%(amber_red)s个，难以按期实现（红）%(red)s个，依据不足（灰）%(unknown)s个。"
                )
                % {"n": len(report.targets), **c}
            )
        )
        assessed = [t for t in report.targets if t.confidence != "unknown"]
        for t in assessed:
            blocks.append(Block(t.text + "。", 3, body=f"{t.confidence_label}。{t.sentence}"))
        unknown = [t for t in report.targets if t.confidence == "unknown"]
        if unknown:
            blocks.append(
                Block(
                    _("另有%(n)s个目标暂无足够数据评估：%(names)s。")
                    % {"n": len(unknown), "names": _series(t.text for t in unknown)}
                )
            )
    else:
        blocks.append(Block(_("《决定》没有提出量化目标。")))

    blocks.append(Block(_("存在的问题"), 1))
    blocks += office_blocks(report.problems)
    blocks.append(Block(_("下一步工作"), 1))
    blocks += office_blocks(report.next_steps)
    blocks.append(Block(_("特此报告。")))
    return blocks
