"""API and search: list endpoints, full-text search and the Excel export on national-scale data
(50,000 tasks, 2,000 units, 1,000,000 reports from bench/ledger_data.py), through Django's test client
with an office token and a reporter's token. Goals: list endpoints as the ledger's pages, p95 ≤ 150 ms;
a selective search p95 ≤ 150 ms; exporting a decision's 2,000 tasks ≤ 5 s."""

from __future__ import annotations

import os
import statistics
import time

from . import _database
from ._harness import Result, floor_rows, timings, with_floor, write_section

TITLE = "API and search" + _database.where()
RUNS = 30
GOAL_MS = 150.0


def _setup() -> float | None:
    """A copy of the ledger benchmark's database (its own, so that this one's index and tokens do not
    touch the others'), migrated and indexed. Returns the time the index took to build, if it was built."""
    if not _database.exists("api"):
        if not _database.exists("ledger"):
            import subprocess
            import sys

            # generates the national-scale data once, in a process of its own
            subprocess.run(
                [sys.executable, "-c", "from bench import bench_ledger; bench_ledger._setup()"], check=True
            )
        print(f"  copying the ledger benchmark's data into {_database.label('api')} (once)")
        _database.copy("ledger", "api")
    os.environ["LUOSHI_DATABASE_URL"] = _database.url("api")
    os.environ.update(_database.settings_env())
    os.environ["LUOSHI_API_RATE_PER_MINUTE"] = "1000000"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from luoshi.search.models import SearchEntry

    if SearchEntry.objects.exists():
        return None
    print("  building the search index (once)", flush=True)
    start = time.perf_counter()
    from luoshi.search import rebuild

    rebuild(log=lambda m: print(m, flush=True))
    seconds = time.perf_counter() - start
    from django.db import connection

    if connection.vendor == "postgresql":  # the planner's statistics, as autovacuum makes them soon after
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE search_searchentry")
    return seconds


def run() -> list[Result]:
    built = _setup()
    from django.contrib.auth import get_user_model
    from django.test import Client

    from luoshi.api.models import ApiToken
    from luoshi.ledger.models import Decision, Profile, Task
    from luoshi.progress.models import Report
    from luoshi.search.models import SearchEntry

    User = get_user_model()
    office_user = User.objects.get(username="bench-office")
    reporter_user = User.objects.get(username="bench-reporter")
    office = Client(HTTP_AUTHORIZATION="Bearer " + ApiToken.issue(user=office_user, name="bench", by=None)[1])
    reporter = Client(
        HTTP_AUTHORIZATION="Bearer " + ApiToken.issue(user=reporter_user, name="bench", by=None)[1]
    )
    unit = Profile.objects.get(user=reporter_user).unit
    sizes = f"{Task.objects.count():,} tasks, {Report.objects.count():,} reports"
    entries = f"{SearchEntry.objects.count():,} entries"
    involved = Task.objects.involving(unit).count()
    decision = Decision.objects.order_by("pk").first()
    cases = [
        ("GET /tasks, first page (office)", office, "/api/v1/tasks", GOAL_MS, sizes),
        (
            "GET /tasks, page 500 (office)",
            office,
            "/api/v1/tasks?page=500&page_size=50",
            GOAL_MS,
            "deep page",
        ),
        (
            "GET /tasks, filtered by unit, status and light",
            office,
            f"/api/v1/tasks?unit={unit.pk}&status=on_track&light=green",
            GOAL_MS,
            "",
        ),
        ("GET /tasks (a reporter's own)", reporter, "/api/v1/tasks", GOAL_MS, f"{involved} tasks"),
        ("GET /reports, first page (office)", office, "/api/v1/reports", GOAL_MS, ""),
        ("GET /reports (a reporter's own)", reporter, "/api/v1/reports", GOAL_MS, ""),
        ("GET /lights (office)", office, "/api/v1/lights", GOAL_MS, ""),
        ("GET /targets (office)", office, "/api/v1/targets", GOAL_MS, ""),
        ("search, a phrase in ~2% of tasks (office)", office, "/api/v1/search?q=推进生态", GOAL_MS, entries),
        ("search, two words (reporter)", reporter, "/api/v1/search?q=推进 生态", GOAL_MS, ""),
        (
            "search, a phrase in every report (office)",
            office,
            "/api/v1/search?q=按计划推进",
            None,
            "worst case: 1,000,000 hits ranked",
        ),
    ]
    results = []
    stamp = _database.FILES / f"{_database.stem('api')}.index-seconds"
    stamp.parent.mkdir(parents=True, exist_ok=True)
    if built is not None:
        stamp.write_text(f"{built:.1f}")
    if stamp.exists():
        seconds = float(stamp.read_text())
        results.append(
            Result("building the search index (luoshi reindex)", seconds, "s", None, entries + ", once")
        )
    for name, client, url, goal, note in cases:

        def get(client: Client = client, url: str = url) -> None:
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code, response.content[:300])

        runs = RUNS if goal is not None else 5
        page, floor, statements = with_floor(get, runs=runs, warmup=2)
        results.extend(floor_rows(name, page, floor, statements, goal, note))
    export_url = f"/exchange/tasks.xlsx?decision={decision.pk}"
    browser = Client()
    browser.force_login(office_user)
    times = timings(lambda: browser.get(export_url), runs=3, warmup=1)
    n = Task.objects.filter(decision=decision).count()
    results.append(
        Result(
            "Excel export of a decision (office)",
            statistics.median(times) / 1000,
            "s",
            5.0,
            f"{n:,} tasks, median of 3",
        )
    )
    return results


def write(results: list[Result]) -> None:
    write_section(
        TITLE,
        results,
        f"""
Each request is made {RUNS} times (after 2 warm-up requests; 5 for the worst-case search) through
Django's test client with an API token, so the time is the server's: token check, rate limit,
permission querysets, queries, serialisation; between two requests its SQL is sent again alone, as
in the ledger's section. The data is the ledger benchmark's (`bench/ledger_data.py`:
{_database.describe()}), copied once into {_database.label("api")} and indexed for search once
(SQLite FTS5 or PostgreSQL's text search over character pairs, docs/search.md). The Excel export is
one decision's tasks through the screen. Each list and search makes a fixed number of queries
whatever the data size; `luoshi/api/tests/test_query_counts.py` asserts it.
""",
    )


if __name__ == "__main__":
    for r in run():
        print(r.row())
