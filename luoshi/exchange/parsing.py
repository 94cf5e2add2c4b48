"""Reading what people type into the sheet: deadlines, quarter nodes, lists of units.

Each reader returns a value or raises ``CellError`` with a message for the row report. Units are
matched by name, short name or code; an unknown one gets suggestions by similarity.
"""

from __future__ import annotations

import calendar
import datetime as dt
import difflib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from luoshi.ledger.models import DeadlineKind, Unit


class CellError(Exception):
    """A cell whose content cannot be read; the message goes into the validation report."""


def clean_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).replace("\r\n", "\n").replace("\r", "\n").strip()


# -- deadlines (完成时限) ------------------------------------------------------------------------------

Deadline = tuple[str, dt.date | None, str]  # (kind, date, note) as Task.assign takes them

_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*(?:前|之前)?$")
_MONTH_END = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(?:底|末)\s*(?:前|之前)?$")
_YEAR_END = re.compile(r"^(\d{4})\s*(?:年\s*(?:内|底|底前|年底前|12月底前|内完成)?)?$")
_ONGOING = {"长期坚持", "长期", "持续推进", "长期推进"}
_DIGIT = re.compile(r"\d")


def _date(y: str, m: str, d: str) -> dt.date:
    try:
        return dt.date(int(y), int(m), int(d))
    except ValueError:
        raise CellError(_("日期不存在：%(y)s-%(m)s-%(d)s。") % {"y": y, "m": m, "d": d}) from None


def parse_deadline(value: Any) -> Deadline:
    """2025-12-31 (or 2025/12/31, 2025年12月31日, an Excel date) → a date; 2025年6月底 → the month's
    last day; 2025年内, 2025年底, 2025年 or 2025 → the end of that year; 长期坚持 → ongoing; empty → not
    set; words without a figure (“十五五”期间) → kept as words (at most 100 characters).

    Anything else that holds a figure (2025年、2030年; 2026年上半年; 2025年前) is not read with
    certainty, and is an error that quotes the cell: a deadline is never guessed."""
    if isinstance(value, dt.datetime):
        return (DeadlineKind.DATE, value.date(), "")
    if isinstance(value, dt.date):
        return (DeadlineKind.DATE, value, "")
    text = unicodedata.normalize("NFKC", clean_text(value))
    if not text or text in {"未定", "—", "-"}:
        return (DeadlineKind.NONE, None, "")
    if m := _DATE.match(text):
        return (DeadlineKind.DATE, _date(*m.groups()), "")
    if m := _MONTH_END.match(text):
        y, month = m.group(1), m.group(2)
        if not 1 <= int(month) <= 12:
            raise CellError(_("日期不存在：%(y)s年%(m)s月。") % {"y": y, "m": month})
        return (DeadlineKind.DATE, _date(y, month, str(calendar.monthrange(int(y), int(month))[1])), "")
    if m := _YEAR_END.match(text):
        return (DeadlineKind.YEAR_END, dt.date(int(m.group(1)), 12, 31), "")
    if text in _ONGOING:
        return (DeadlineKind.ONGOING, None, "")
    if _DIGIT.search(text):
        raise CellError(
            _(
                "无法确定完成时限“%(text)s”：请只填一个时限，写作日期（如 2025-06-30）、“2025年6月底”、“2025年内”或“长期坚持”。"
            )
            % {"text": clean_text(value)[:60]}
        )
    if len(text) > 100:
        raise CellError(_("完成时限的文字说明不能超过100字。"))
    return (DeadlineKind.TEXT, None, text)


def deadline_of(task: Any) -> Deadline:
    """A task's deadline in the same form, for comparison."""
    kind = task.deadline_kind or ""
    if kind in {DeadlineKind.DATE, DeadlineKind.YEAR_END}:
        return (kind, task.deadline, "")
    if kind == DeadlineKind.TEXT:
        return (kind, None, task.deadline_note)
    return (kind, None, "")


def format_deadline(d: Deadline) -> str:
    kind, date, note = d
    if kind == DeadlineKind.DATE and date:
        return date.strftime("%Y-%m-%d")
    if kind == DeadlineKind.YEAR_END and date:
        return f"{date.year}年内"
    if kind == DeadlineKind.ONGOING:
        return "长期坚持"
    if kind == DeadlineKind.TEXT:
        return note
    return ""


# -- quarter nodes (季度节点, the tasks' milestones) ---------------------------------------------------------

Node = tuple[dt.date, str]

_Q = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_NODE_DATE = re.compile(
    r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*(?:前)?\s*[：:、，,\s]\s*(.+)$", re.S
)
_NODE_QUARTER = re.compile(
    r"^(?:(\d{4})\s*年\s*)?(?:第)?([一二三四1-4])\s*季度\s*(?:末|底)?\s*(?:前)?\s*[：:、，,\s]?\s*(.+)$", re.S
)
_SPLIT_NODES = re.compile(r"[；;]\s*(?=\d{4}\s*[-/.年]|(?:\d{4}\s*年\s*)?第?[一二三四1-4]\s*季度)")


def parse_nodes(value: Any, year: int) -> list[Node]:
    """One node per line: ``2025-03-31 完成方案编制`` or ``一季度：完成方案编制`` (the quarter's last day,
    in ``year`` unless the line names one: ``2025年二季度：…``)."""
    text = unicodedata.normalize("NFKC", clean_text(value))
    nodes: list[Node] = []
    for raw_line in text.split("\n"):
        for line in _SPLIT_NODES.split(raw_line.strip()):
            line = line.strip().rstrip("；;")
            if not line:
                continue
            if m := _NODE_DATE.match(line):
                due, desc = _date(m.group(1), m.group(2), m.group(3)), m.group(4)
            elif m := _NODE_QUARTER.match(line):
                y, q = int(m.group(1) or year), _Q[m.group(2)]
                due = dt.date(y, q * 3, calendar.monthrange(y, q * 3)[1])
                desc = m.group(3)
            else:
                raise CellError(
                    _(
                        "无法识别的季度节点“%(line)s”：每行写一个节点，如“2025-03-31 完成方案编制”或“一季度：完成方案编制”。"
                    )
                    % {"line": line[:40]}
                )
            desc = desc.strip()
            if not desc:
                raise CellError(_("季度节点“%(line)s”缺少内容。") % {"line": line[:40]})
            if len(desc) > 300:
                raise CellError(_("季度节点的内容不能超过300字。"))
            nodes.append((due, desc))
    return sorted(dict.fromkeys(nodes))


def format_nodes(nodes: Iterable[Node]) -> str:
    return "\n".join(f"{due:%Y-%m-%d} {desc}" for due, desc in sorted(nodes))


# -- units ------------------------------------------------------------------------------------------

_SEPARATORS = re.compile(r"[、，,；;\n/]+|\s+")


def split_units(value: Any) -> list[str]:
    return [p for p in _SEPARATORS.split(unicodedata.normalize("NFKC", clean_text(value))) if p]


@dataclass(frozen=True)
class Unknown:
    name: str
    suggestions: tuple[str, ...]
    ambiguous: bool = False


def _norm(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split()).lower()


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


class UnitMatcher:
    """Finds units by name, short name or code (active units only), and suggests similar names."""

    def __init__(self, units: Iterable[Unit] | None = None) -> None:
        self.units = list(units if units is not None else Unit.objects.active().order_by("order", "code"))
        self.index: dict[str, list[Unit]] = {}
        for u in self.units:
            for key in {_norm(u.name), _norm(u.short) if u.short else "", _norm(u.code)} - {""}:
                self.index.setdefault(key, []).append(u)

    def find(self, name: str) -> Unit | Unknown:
        found = list({u.pk: u for u in self.index.get(_norm(name), [])}.values())
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            return Unknown(name, tuple(u.name for u in found), ambiguous=True)
        return Unknown(name, self.suggest(name))

    def suggest(self, name: str, n: int = 3) -> tuple[str, ...]:
        """The units most like ``name``: similar characters, or ``name`` written as an abbreviation of
        theirs (发改委 → 发展和改革委员会)."""
        wanted = _norm(name)
        scored: list[tuple[float, int, str]] = []
        for u in self.units:
            best = 0.0
            for candidate in (u.name, u.short):
                if not candidate:
                    continue
                c = _norm(candidate)
                score = difflib.SequenceMatcher(None, wanted, c).ratio()
                if len(wanted) >= 2 and _subsequence(wanted, c):
                    score = max(score, 0.6 + 0.4 * len(wanted) / len(c))
                best = max(best, score)
            if best >= 0.5:
                scored.append((best, -u.order, u.name))
        scored.sort(reverse=True)
        return tuple(dict.fromkeys(name for _s, _o, name in scored))[:n]
