"""Every figure a person reads, in one list: its code (as in the JSON), its name, where it is defined
and which surfaces show it. docs/figures.md describes each one; a test keeps the two in step."""

from __future__ import annotations

from dataclasses import dataclass

# the surfaces, as docs/figures.md names them
REPORT = "情况报告"  # the report to the committee, its page, JSON, Word and PDF
DASHBOARD = "驾驶舱"  # the leaders' dashboard, its snapshot, JSON twin and /api/v1/dashboard
API = "/api/v1/figures"
LIST = "任务清单"  # the task list, its JSON, /api/v1/tasks and /api/v1/lights, the Excel export
SUPERVISION = "督查"  # luoshi supervise, the 督查总览 page
ASSESSMENT = "考核"  # the units' scores
STUDY = "学习宣传"  # the study pages and their JSON, /api/v1/study (docs/study.md)


@dataclass(frozen=True)
class Figure:
    code: str
    name: str
    defined_in: str
    surfaces: tuple[str, ...]


FIGURES = (
    Figure("tasks", "在办任务", "luoshi.figures.tasks", (REPORT, DASHBOARD, API, LIST, SUPERVISION)),
    Figure("subtasks", "分解子任务", "luoshi.figures.tasks", (REPORT, API, LIST)),
    Figure("lights", "状态灯", "luoshi.supervision.lights", (REPORT, DASHBOARD, API, LIST, SUPERVISION)),
    Figure("done", "已办结", "luoshi.figures.tasks", (REPORT, DASHBOARD, API, LIST)),
    Figure("completion", "完成率", "luoshi.figures.tasks", (DASHBOARD, API)),
    Figure("mean_percent", "平均进度", "luoshi.figures.tasks", (REPORT, DASHBOARD, API)),
    Figure("overdue", "逾期未完成", "luoshi.figures.tasks", (DASHBOARD, API, LIST)),
    Figure("period", "报送周期", "luoshi.figures.reporting", (REPORT, DASHBOARD, API, SUPERVISION)),
    Figure("expected", "应报", "luoshi.figures.reporting", (REPORT, DASHBOARD, API, ASSESSMENT)),
    Figure("handed_in", "已报", "luoshi.figures.reporting", (REPORT, DASHBOARD, API)),
    Figure("on_time", "按时报送", "luoshi.figures.reporting", (REPORT, DASHBOARD, API)),
    Figure("late", "逾期报送", "luoshi.figures.reporting", (REPORT, DASHBOARD, API, ASSESSMENT)),
    Figure("missing", "逾期未报", "luoshi.figures.reporting", (REPORT, DASHBOARD, API, ASSESSMENT)),
    Figure("pending", "尚未报送", "luoshi.figures.reporting", (REPORT, DASHBOARD, API)),
    Figure("accepted", "已采纳", "luoshi.figures.reporting", (REPORT, DASHBOARD, API)),
    Figure("returned", "退回", "luoshi.figures.reporting", (REPORT, DASHBOARD, API)),
    Figure("awaiting", "退回待重报", "luoshi.figures.reporting", (DASHBOARD, API, LIST)),
    Figure("extra", "未计入的报告", "luoshi.figures.reporting", (REPORT, DASHBOARD, API)),
    Figure("handed_in_share", "报送率", "luoshi.figures.reporting", (DASHBOARD, API)),
    Figure("on_time_share", "按时报送率", "luoshi.figures.reporting", (DASHBOARD, API)),
    Figure("accepted_share", "采纳率", "luoshi.figures.reporting", (API,)),
    Figure("confidence", "交付信心", "luoshi.indicators.maths", (REPORT, DASHBOARD)),
    Figure("study.expected", "应学单位", "luoshi.study.coverage", (REPORT, DASHBOARD, STUDY)),
    Figure("study.studied", "已学单位", "luoshi.study.coverage", (REPORT, DASHBOARD, STUDY)),
    Figure("study.not_studied", "未学单位", "luoshi.study.coverage", (REPORT, DASHBOARD, STUDY)),
    Figure("study.share", "覆盖率", "luoshi.study.coverage", (REPORT, DASHBOARD, STUDY)),
    Figure("study.sessions", "学习场次", "luoshi.study.coverage", (REPORT, DASHBOARD, STUDY)),
    Figure("study.attendance", "参学人次", "luoshi.study.coverage", (REPORT, DASHBOARD, STUDY)),
    Figure("study.with_evidence", "有佐证的场次", "luoshi.study.coverage", (REPORT, STUDY)),
)
