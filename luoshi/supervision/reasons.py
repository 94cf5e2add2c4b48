"""The reason behind each light, as a code with parameters, rendered in the active language.

A light stores its code and parameters (and the Chinese text as computed), so that a page in English
shows the same reason in English: ``describe("report_missed", {...})``.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from luoshi.web.display import day


def period_label(key: str) -> str:
    from luoshi.progress.periods import Period

    try:
        return Period.parse(key).label
    except ValueError:
        return key


def describe(code: str, params: dict[str, Any]) -> str:
    p = params or {}
    if code == "study_missing":  # luoshi.study.urging
        return _("尚未登记学习《%(decision)s》的情况") % {"decision": p.get("decision", "")}
    if code == "on_schedule":
        if p.get("deadline"):
            return _("按计划推进，完成时限%(deadline)s") % {"deadline": day(p.get("deadline"))}
        return _("按计划推进")
    if code == "ongoing":
        return _("长期坚持，按期报送，未见滞后")
    if code == "on_milestones":
        return _("按形象进度节点推进，未见滞后")
    if code == "unassigned":
        return _("未分工：尚未确定牵头单位")
    if code in ("undated", "no_deadline"):  # no_deadline: a light stored before 未定时限 existed
        text = _("未定时限：没有完成日期或形象进度节点，无法判断是否按期")
        if p.get("note"):
            text += _("（时限说明：%(note)s）") % {"note": p["note"]}
        return text
    if code == "subtask":
        inner = describe(p.get("code", ""), p.get("params") or {})
        who = p.get("key", "")
        if p.get("unit"):
            who = _("%(key)s（%(unit)s）") % {"key": who, "unit": p["unit"]}
        if p.get("own_done"):
            return _("本级已办结，下级任务%(who)s未办结：%(reason)s") % {"who": who, "reason": inner}
        return _("下级任务%(who)s：%(reason)s") % {"who": who, "reason": inner}
    if code == "done":
        return _("已办结") + (f"（{day(p.get('date'))}）" if p.get("date") else "")
    if code == "inactive":
        return _("任务%(reason)s，不再督办") % {"reason": p.get("reason", "")}
    if code == "suspended":
        return _("暂缓督办：%(reason)s") % {"reason": p.get("reason", "")}
    if code == "deadline_passed":
        return _("完成时限%(deadline)s已过，逾期%(days)s个工作日") % {
            "deadline": day(p.get("deadline")),
            "days": p.get("days", 0),
        }
    if code == "deadline_near":
        if not p.get("days"):
            return _("今天（%(deadline)s）是完成时限") % {"deadline": day(p.get("deadline"))}
        return _("完成时限%(deadline)s，还有%(days)s个工作日") % {
            "deadline": day(p.get("deadline")),
            "days": p.get("days"),
        }
    if code == "milestone_near":
        return _("形象进度节点“%(what)s”%(due)s到期，还有%(days)s个工作日") % {
            "what": p.get("what", ""),
            "due": day(p.get("due")),
            "days": p.get("days", 0),
        }
    if code == "behind_schedule":
        return _("进度滞后于序时进度：应完成约%(expected)s%%，实际%(actual)s%%") % {
            "expected": p.get("expected", 0),
            "actual": p.get("actual", 0),
        }
    if code == "claimed_behind":
        return _("单位报告进度滞后")
    if code == "report_missed":
        text = _("%(period)s报告自%(since)s起未报送") % {
            "period": period_label(p.get("period", "")),
            "since": day(p.get("since")),
        }
        if p.get("unit"):
            text = f"{p['unit']}：{text}"
        if (p.get("missed") or 1) > 1:
            text += _("（共漏报%(n)s期）") % {"n": p["missed"]}
        return text
    if code == "report_due_soon":
        label = period_label(p.get("period", ""))
        if not p.get("days"):
            return _("%(period)s报告今天（%(due)s）截止") % {"period": label, "due": day(p.get("due"))}
        return _("%(period)s报告%(due)s截止，还有%(days)s个工作日") % {
            "period": label,
            "due": day(p.get("due")),
            "days": p.get("days"),
        }
    return code
