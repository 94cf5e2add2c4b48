"""The lights (状态灯) a task can have: their codes, their order and their names.

One list for every surface: the supervision run stores these codes, the dashboard, the report, the
task list's filter, the API and the Excel export count and label them from here. Pure (no database):
the ledger's forms import it.

A light needs a basis: green means the task has a lead unit, a time limit (a date, or 形象进度
nodes, or 长期坚持) and nothing behind schedule. A task without a lead unit is 未分工; one without a
time limit is 未定时限 — states of their own, never green.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

RED = "red"
YELLOW = "yellow"
GREEN = "green"
UNASSIGNED = "unassigned"
UNDATED = "undated"
DONE = "done"
SUSPENDED = "suspended"
NONE = "none"  # no light computed yet (the supervision run has not reached the task)

# The order every table and sentence lists them in.
ORDER = (RED, YELLOW, GREEN, UNASSIGNED, UNDATED, DONE, SUSPENDED, NONE)

# The lights the supervision run stores (``NONE`` is the absence of one).
STORED = ORDER[:-1]

LABELS = {
    RED: _("红灯"),
    YELLOW: _("黄灯"),
    GREEN: _("绿灯"),
    UNASSIGNED: _("未分工"),
    UNDATED: _("未定时限"),
    DONE: _("已办结"),
    SUSPENDED: _("已暂缓"),
    NONE: _("未亮灯"),
}

# Worst first: a parent task takes the worst light of its own and its sub-tasks'; a task takes the
# worst of its own rules and of its units' reporting duties.
SEVERITY = {RED: 0, YELLOW: 1, UNASSIGNED: 2, UNDATED: 3, GREEN: 4, NONE: 5, SUSPENDED: 6, DONE: 7}

# Colours for charts and Excel fills (hex, no '#').
FILLS = {
    RED: "FFC7CE",
    YELLOW: "FFEB9C",
    GREEN: "C6EFCE",
    UNASSIGNED: "F4CCE4",
    UNDATED: "E4DDF4",
    DONE: "BDD7EE",
    SUSPENDED: "D9D9D9",
    NONE: "F2F2F2",
}


def choices() -> list[tuple[str, str]]:
    """(code, name) pairs in order, for forms and filters."""
    return [(c, LABELS[c]) for c in ORDER]


def empty() -> dict[str, int]:
    """A count of zero for every light, in order."""
    return dict.fromkeys(ORDER, 0)
