"""A plain factory for tests: ``make_task(**overrides)`` with sensible defaults, no library needed."""

from __future__ import annotations

import itertools
from typing import Any

from django.contrib.auth import get_user_model

from luoshi.document import Document, Item, Place, Section, Target
from luoshi.ledger.models import Decision, Profile, Task, TaskUnit, TaskUnitRole, Unit, UnitKind

_seq = itertools.count(1)


def make_user(
    username: str | None = None, *, role: str | None = None, unit: Unit | None = None, **kwargs: Any
) -> Any:
    username = username or f"user{next(_seq)}"
    kwargs.setdefault("first_name", username)
    user = get_user_model().objects.create_user(username=username, password="pw-for-tests-only", **kwargs)
    if role is not None:
        Profile.objects.create(user=user, role=role, unit=unit)
    return user


def make_unit(**kwargs: Any) -> Unit:
    n = next(_seq)
    kwargs.setdefault("code", f"u{n}")
    kwargs.setdefault("name", f"单位{n}")
    kwargs.setdefault("kind", UnitKind.DEPARTMENT)
    kwargs.setdefault("order", n)
    return Unit.objects.create(**kwargs)


def make_decision(**kwargs: Any) -> Decision:
    n = next(_seq)
    kwargs.setdefault("title", f"关于测试事项的决定{n}")
    kwargs.setdefault("digest", f"{n:064d}")
    kwargs.setdefault("year", 2024)
    return Decision.objects.create(**kwargs)


def make_task(**kwargs: Any) -> Task:
    """A task; ``lead_unit`` and ``co_units`` also create the unit links an assignment makes."""
    n = next(_seq)
    co_units = kwargs.pop("co_units", [])
    if "decision" not in kwargs:
        kwargs["decision"] = make_decision()
    kwargs.setdefault("key", f"1.{n}")
    kwargs.setdefault("text", f"推进第{n}项重点工作。")
    kwargs.setdefault("source_key", kwargs["key"])
    kwargs.setdefault("source_text", kwargs["text"])
    kwargs.setdefault("order", n)
    task = Task.objects.create(**kwargs)
    if task.lead_unit is not None:
        TaskUnit.objects.create(
            task=task, unit=task.lead_unit, role=TaskUnitRole.LEAD, league_id=task.lead_unit.league_id
        )
    for unit in co_units:
        TaskUnit.objects.create(task=task, unit=unit, role=TaskUnitRole.CO, league_id=unit.league_id)
    return task


def make_report(**kwargs: Any) -> Any:
    from luoshi.progress.models import Report

    if "task" not in kwargs:
        kwargs["task"] = make_task(lead_unit=kwargs.get("unit") or make_unit())
    kwargs.setdefault("unit", kwargs["task"].lead_unit)
    kwargs.setdefault("period", "2024Q1")
    kwargs.setdefault("narrative", "按计划推进，已完成阶段性工作。")
    kwargs.setdefault("percent", 25)
    return Report.objects.create(**kwargs)


def make_document(**kwargs: Any) -> Document:
    """A small decision built by hand: two parts, three items, two targets, one place."""
    kwargs.setdefault("title", "关于测试高质量发展的决定")
    kwargs.setdefault("year", 2024)
    kwargs.setdefault(
        "sections",
        [
            Section("1", 1, "一", "生态建设", None),
            Section("1.1", 2, "一", "筑牢生态屏障", "1"),
            Section("2", 1, "二", "能源基地", None),
        ],
    )
    kwargs.setdefault(
        "items",
        [
            Item("1.1.1", "1.1", "扎实推进防沙治沙和草原保护修复，到2030年全区森林覆盖率达到26%。", "target"),
            Item("1.1.2", "1.1", "深入打好蓝天保卫战，持续改善空气质量。", "measure"),
            Item("2.1", "2", "在鄂尔多斯建设一批风电光伏基地，今年新能源装机达到5000万千瓦。", "target"),
        ],
    )
    kwargs.setdefault(
        "targets",
        [
            Target(
                "T1",
                "1.1.1",
                "numeric",
                "森林覆盖率",
                "全区",
                ">=",
                26.0,
                "%",
                2030,
                None,
                "到2030年全区森林覆盖率达到26%",
            ),
            Target(
                "T2",
                "2.1",
                "numeric",
                "新能源装机",
                None,
                ">=",
                5000.0,
                "万千瓦",
                2024,
                None,
                "今年新能源装机达到5000万千瓦",
            ),
        ],
    )
    kwargs.setdefault("places", [Place("鄂尔多斯市", "prefecture", "150600", ("2.1",), ("鄂尔多斯",))])
    return Document(**kwargs)
