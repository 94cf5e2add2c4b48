"""Ledger: the task list and "my unit" pages on national-scale data (50,000 tasks, 2,000 units,
1,000,000 reports) in SQLite or PostgreSQL (bench/_database.py), rendered through Django's test client
(no network), as an office user and as a reporter of the busiest department. Goal from issue 3: p95 ≤
150 ms. Each page's time is also compared with the time of its bare SQL."""

from __future__ import annotations

import os

from . import _database
from ._harness import Result, floor_rows, with_floor, write_section

TITLE = "Ledger" + _database.where()
RUNS = 40
GOAL_MS = 150.0


def _setup() -> None:
    os.environ["LUOSHI_DATABASE_URL"] = _database.url("ledger")
    os.environ.update(_database.settings_env())  # production settings: no query logging, no debug pages
    fresh = not _database.exists("ledger")
    if fresh:
        _database.create("ledger")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    if fresh:
        from .ledger_data import generate

        print(f"  generating national-scale data (once; kept in {_database.label('ledger')})")
        generate(log=lambda m: print(m, flush=True), scale=_database.SCALE)
        from django.db import connections

        connections.close_all()  # a PostgreSQL template cannot be copied while connected


def run() -> list[Result]:
    _setup()
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import reverse

    from luoshi.ledger.models import Profile, Task
    from luoshi.progress.models import Report

    User = get_user_model()
    office, reporter = Client(), Client()
    office.force_login(User.objects.get(username="bench-office"))
    reporter_user = User.objects.get(username="bench-reporter")
    reporter.force_login(reporter_user)
    unit = Profile.objects.get(user=reporter_user).unit
    sizes = f"{Task.objects.count():,} tasks, {Report.objects.count():,} reports"
    involved = Task.objects.involving(unit).count()
    word = Task.objects.order_by("pk").values_list("text", flat=True).first()[:4]
    pages = [
        ("task list, first page (office)", office, reverse("ledger:task-list"), GOAL_MS, sizes),
        (
            "task list, page 500 (office)",
            office,
            reverse("ledger:task-list") + "?page=500",
            GOAL_MS,
            "deep page",
        ),
        (
            "task list, filtered by unit, status and text",
            office,
            reverse("ledger:task-list") + f"?unit={unit.pk}&status=on_track&q={word}",
            GOAL_MS,
            "",
        ),
        (
            "task list (a reporter's own tasks)",
            reporter,
            reverse("ledger:task-list"),
            GOAL_MS,
            f"{involved} tasks",
        ),
        (
            "my unit (reporter of the busiest department)",
            reporter,
            reverse("progress:my-unit"),
            GOAL_MS,
            f"{involved} tasks",
        ),
        (
            "task page (office)",
            office,
            reverse("ledger:task-detail", args=[Task.objects.order_by("pk").first().pk]),
            None,
            "20 reports",
        ),
    ]
    results = []
    for name, client, url, goal, note in pages:

        def get(client=client, url=url) -> None:  # type: ignore[no-untyped-def]
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)

        page, floor, statements = with_floor(get, runs=RUNS)
        results.extend(floor_rows(name, page, floor, statements, goal, note))
    return results


def write(results: list[Result]) -> None:
    write_section(
        TITLE,
        results,
        f"""
Each page is requested {RUNS} times (after 3 warm-up requests) through Django's test client, so the
time is the server's: routing, permission checks, queries, template rendering. Between two requests
the page's own SQL statements (recorded once, with their parameters) are sent again alone through a
plain cursor and every row read: "its SQL alone", the database's floor for that page, and page ÷ SQL
how far above it the page is. The data comes from `bench/ledger_data.py`: {_database.describe()}
(2,000 tasks a decision, 20 quarters of reports a task, about two unit links a task), with production
settings (`LUOSHI_DEBUG=0`). It is generated once into {_database.label("ledger")} (delete it to
regenerate). The query count of each page is fixed whatever the data size;
`luoshi/web/tests/test_query_counts.py` asserts it.
""",
    )


if __name__ == "__main__":
    for r in run():
        print(r.row())
