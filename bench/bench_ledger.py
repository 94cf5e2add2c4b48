"""Ledger: the task list and "my unit" pages on national-scale data (50,000 tasks, 2,000 units,
1,000,000 reports) in SQLite, rendered through Django's test client (no network), as an office user
and as a reporter of the busiest department. Goal from issue 3: p95 ≤ 150 ms."""

from __future__ import annotations

import os
import statistics

from ._harness import ROOT, Result, p95, timings, write_section

TITLE = "Ledger"
DB = ROOT / "var" / "bench" / "ledger.sqlite3"
RUNS = 40
GOAL_MS = 150.0


def _setup() -> None:
    os.environ["LUOSHI_DATABASE_URL"] = f"sqlite:///{DB}"
    os.environ["LUOSHI_DEBUG"] = "0"  # production settings: no query logging, no debug pages
    os.environ.setdefault("LUOSHI_SECRET_KEY", "bench-" + "x" * 40)
    os.environ["LUOSHI_ALLOWED_HOSTS"] = "testserver"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "luoshi.web.settings")
    import django

    django.setup()
    from django.core.management import call_command

    fresh = not DB.exists()
    DB.parent.mkdir(parents=True, exist_ok=True)
    call_command("migrate", verbosity=0)
    if fresh:
        from .ledger_data import generate

        print("  generating national-scale data (once; kept in var/bench/)")
        generate(log=lambda m: print(m, flush=True))


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

        times = timings(get, runs=RUNS)
        results.append(Result(f"{name}, p95", p95(times), "ms", goal, note))
        results.append(Result(f"{name}, median", statistics.median(times), "ms", None, ""))
    return results


def write(results: list[Result]) -> None:
    write_section(
        TITLE,
        results,
        f"""
Each page is requested {RUNS} times (after 3 warm-up requests) through Django's test client, so the
time is the server's: routing, permission checks, queries, template rendering. The data comes from
`bench/ledger_data.py`: 2,000 units, 50,000 tasks over 25 decisions, 1,000,000 reports (20 quarters
per task), about 100,000 unit links, in SQLite (WAL) with production settings (`LUOSHI_DEBUG=0`). It
is generated once into `var/bench/ledger.sqlite3` (delete the file to regenerate). The query count of
each page is fixed whatever the data size; `luoshi/web/tests/test_query_counts.py` asserts it.
""",
    )


if __name__ == "__main__":
    for r in run():
        print(r.row())
