"""A generator of national-scale ledger data, for the ledger benchmark: 2,000 units, 50,000 tasks,
1,000,000 progress reports (and their unit links, sections and targets).

    python -m bench.ledger_data var/bench/ledger.sqlite3      # about two minutes on 2 cores
    python -m bench.ledger_data postgresql://postgres@127.0.0.1:55432/bench [SCALE]

``scale`` multiplies the tasks, decisions and reports (the units stay 2,000, a province's).

It writes with bulk inserts (no audit entries: this is load, not history) into a database the caller
has migrated, through Django's ORM so that it fits whatever the models are. Deterministic (seeded).
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import time
from collections import Counter
from collections.abc import Iterator
from typing import Any

UNITS = 2_000
TASKS = 50_000
REPORTS = 1_000_000
DECISIONS = 25
REGIONAL = 60
LEAGUES = 14
BATCH = 5_000
WORDS = [
    "推进",
    "加快",
    "深化",
    "实施",
    "建设",
    "完善",
    "提升",
    "培育",
    "强化",
    "落实",
    "生态",
    "能源",
    "粮食",
    "教育",
    "科技",
    "产业",
    "开放",
    "民生",
    "数字",
    "治理",
]


def _batches(items: Iterator[Any], size: int = BATCH) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def generate(seed: int = 7, today: dt.date | None = None, log: Any = print, scale: int = 1) -> dict[str, Any]:
    from django.contrib.auth import get_user_model
    from django.db import transaction

    from luoshi.ledger.models import Decision, Profile, Role, Section, Target, Task, TaskUnit, Unit, UnitKind
    from luoshi.progress.periods import Period

    rng = random.Random(seed)
    today = today or dt.date.today()
    started = time.perf_counter()
    with transaction.atomic():
        regional = [
            Unit(code=f"r{i:03d}", name=f"自治区第{i}厅", kind=UnitKind.DEPARTMENT, order=i)
            for i in range(REGIONAL)
        ]
        leagues = [
            Unit(
                code=f"L{i:02d}",
                name=f"第{i}盟市",
                kind=UnitKind.LEAGUE_CITY,
                order=100 + i,
                division_code=f"15{i:02d}00",
            )
            for i in range(LEAGUES)
        ]
        Unit.objects.bulk_create(regional + leagues)
        leagues = list(Unit.objects.filter(kind=UnitKind.LEAGUE_CITY))
        Unit.objects.filter(kind=UnitKind.LEAGUE_CITY).update(league_id=models_f("pk"))
        children = []
        for n in range(UNITS - REGIONAL - LEAGUES):
            league = leagues[n % LEAGUES]
            kind = UnitKind.BANNER_COUNTY if n % 3 else UnitKind.DEPARTMENT
            children.append(
                Unit(
                    code=f"c{n:04d}",
                    name=f"{league.name}第{n}单位",
                    kind=kind,
                    parent=league,
                    league=league,
                    order=1000 + n,
                )
            )
        Unit.objects.bulk_create(children)
        units = list(Unit.objects.values_list("pk", "league_id"))
        regional_ids = list(Unit.objects.filter(code__startswith="r").values_list("pk", flat=True))
        log(f"  units: {len(units)}")

        decisions = Decision.objects.bulk_create(
            [
                Decision(title=f"基准决定{i}", digest=f"{i:064d}", year=2022 + i % 4)
                for i in range(DECISIONS * scale)
            ]
        )
        sections: dict[int, list[Section]] = {}
        for d in decisions:
            tops = Section.objects.bulk_create(
                [
                    Section(
                        decision=d,
                        key=str(i + 1),
                        level=1,
                        number=str(i + 1),
                        title=f"第{i + 1}部分",
                        order=i * 10,
                    )
                    for i in range(10)
                ]
            )
            subs = Section.objects.bulk_create(
                [
                    Section(
                        decision=d,
                        key=f"{t.key}.{j + 1}",
                        level=2,
                        number=str(j + 1),
                        title=f"第{j + 1}节",
                        parent=t,
                        order=t.order + j + 1,
                    )
                    for t in tops
                    for j in range(5)
                ]
            )
            sections[d.pk] = subs
        per_decision = TASKS // DECISIONS  # 2,000 a decision, whatever the scale

        def tasks() -> Iterator[Task]:
            for d in decisions:
                for n in range(per_decision):
                    section = sections[d.pk][n * len(sections[d.pk]) // per_decision]
                    lead = rng.choice(regional_ids) if rng.random() < 0.3 else rng.choice(units)[0]
                    kind = rng.choice(["date", "year_end", "ongoing", ""])
                    deadline = (
                        dt.date(rng.choice([2024, 2025, 2026, 2027, 2030]), 12, 31)
                        if kind in {"date", "year_end"}
                        else None
                    )
                    text = "，".join(rng.choice(WORDS) + rng.choice(WORDS) for _ in range(8)) + "。"
                    yield Task(
                        decision=d,
                        section=section,
                        key=f"{section.key}.{n}",
                        source_key=f"{section.key}.{n}",
                        text=text,
                        source_text=text,
                        order=n,
                        lead_unit_id=lead,
                        deadline_kind=kind,
                        deadline=deadline,
                        has_targets=rng.random() < 0.2,
                        progress_status=rng.choice(
                            ["none", "on_track", "on_track", "at_risk", "behind", "done"]
                        ),
                        percent=rng.randrange(0, 101),
                        assigned_at=dt.datetime(2024, 1, 1, tzinfo=dt.UTC),
                    )

        for batch in _batches(tasks()):
            Task.objects.bulk_create(batch)
        league_of = dict(units)
        rows = list(Task.objects.values_list("pk", "lead_unit_id", "decision_id", "has_targets"))
        log(f"  tasks: {len(rows)} ({time.perf_counter() - started:.0f} s)")

        def links() -> Iterator[TaskUnit]:
            for pk, lead, _d, _t in rows:
                yield TaskUnit(task_id=pk, unit_id=lead, role="lead", league_id=league_of[lead])
                for co in {rng.choice(units)[0] for _ in range(rng.randrange(0, 3))} - {lead}:
                    yield TaskUnit(task_id=pk, unit_id=co, role="co", league_id=league_of[co])

        for batch in _batches(links()):
            TaskUnit.objects.bulk_create(batch)
        Target.objects.bulk_create(
            [
                Target(
                    decision_id=d,
                    task_id=pk,
                    key=f"T{pk}",
                    kind="numeric",
                    indicator="基准指标",
                    value=100.0,
                    unit="%",
                    year=2025,
                )
                for pk, _l, d, has in rows
                if has
            ],
            batch_size=BATCH,
        )
        per_task = REPORTS // TASKS
        current = Period.containing(today, "quarterly").previous()
        periods = [current]
        for _ in range(per_task - 1):
            periods.append(periods[-1].previous())
        made = _insert_reports(periods, log, started)
        # the personas the benchmark signs in as: the office, and a reporter of the busiest department
        User = get_user_model()
        office = User.objects.create_user("bench-office", password="x")
        Profile.objects.create(user=office, role=Role.OFFICE)
        led = Counter(lead for _p, lead, _d, _t in rows)
        busiest = max(regional_ids, key=lambda u: led[u])
        reporter = User.objects.create_user("bench-reporter", password="x")
        Profile.objects.create(user=reporter, role=Role.REPORTER, unit_id=busiest)
    from django.db import connection

    if connection.vendor == "postgresql":  # the planner's statistics, as autovacuum would make them later
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    log(f"  done in {time.perf_counter() - started:.0f} s")
    return {"units": len(units), "tasks": len(rows), "reports": made, "busiest_unit": busiest}


def models_f(name: str) -> Any:
    from django.db.models import F

    return F(name)


def _insert_reports(periods: list[Any], log: Any, started: float) -> int:
    """Every task's reports for ``periods``, written by the database itself in one INSERT … SELECT
    (seconds for a million rows on SQLite or PostgreSQL, where one object per row took minutes). Three
    in a hundred are drafts, deterministically, the rest accepted, as the generator always made them."""
    from django.db import connection
    from django.utils import timezone

    from luoshi.progress.models import Report, ReportState

    keys = " UNION ALL ".join(f"SELECT '{p.key}' AS period, {n} AS ord" for n, p in enumerate(periods))
    table = Report._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"""INSERT INTO {table} (version, task_id, unit_id, period, narrative, percent, claim, problems,
                    next_steps, state, review_comment, created_at, is_demo)
                SELECT 1, t.id, t.lead_unit_id, p.period, %s, 50, 'on_track', '', '',
                       CASE WHEN (t.id * 7 + p.ord * 13) %% 100 < 97 THEN %s ELSE %s END, '', %s, %s
                FROM ledger_task t CROSS JOIN ({keys}) p
                ORDER BY t.id, p.ord""",
            ["（基准数据）按计划推进。", ReportState.ACCEPTED, ReportState.DRAFT, timezone.now(), False],
        )
        made = cursor.rowcount
    log(f"  reports: {made} ({time.perf_counter() - started:.0f} s)")
    return int(made)


if __name__ == "__main__":
    import os
    from pathlib import Path

    where = sys.argv[1] if len(sys.argv) > 1 else "var/bench/ledger.sqlite3"
    if "://" in where:
        os.environ["LUOSHI_DATABASE_URL"] = where
    else:
        target = Path(where).resolve()
        target.parent.mkdir(parents=True, exist_ok=True)
        os.environ["LUOSHI_DATABASE_URL"] = f"sqlite:///{target}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "luoshi.web.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    print(generate(scale=int(sys.argv[2]) if len(sys.argv) > 2 else 1))
