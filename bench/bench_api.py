"""API and search: list endpoints, full-text search and the Excel export on national-scale data
(50,000 tasks, 2,000 units, 1,000,000 reports from bench/ledger_data.py), through Django's test client
with an office token and a reporter's token. Goals: list endpoints as the ledger's pages, p95 ≤ 150 ms;
a selective search p95 ≤ 150 ms; exporting a decision's 2,000 tasks ≤ 5 s."""

from __future__ import annotations

import os
import shutil
import statistics
import time

from ._harness import ROOT, Result, p95, timings, write_section

TITLE = "API and search"
SOURCE = ROOT / "var" / "bench" / "ledger.sqlite3"
DB = ROOT / "var" / "bench" / "api.sqlite3"
RUNS = 30
GOAL_MS = 150.0


def _setup() -> float | None:
    """A copy of the ledger benchmark's database (its own, so that this one's index and tokens do not
    touch the others'), migrated and indexed. Returns the time the index took to build, if it was built."""
    os.environ["LUOSHI_DATABASE_URL"] = f"sqlite:///{DB}"
    os.environ["LUOSHI_DEBUG"] = "0"
    os.environ.setdefault("LUOSHI_SECRET_KEY", "bench-" + "x" * 40)
    os.environ["LUOSHI_ALLOWED_HOSTS"] = "testserver"
    os.environ["LUOSHI_API_RATE_PER_MINUTE"] = "1000000"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "luoshi.web.settings")
    fresh = not DB.exists()
    if fresh:
        if not SOURCE.exists():
            from . import bench_ledger

            bench_ledger._setup()  # generates the national-scale data once
        print("  copying the ledger benchmark's data into var/bench/api.sqlite3 (once)")
        shutil.copyfile(SOURCE, DB)
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
    return time.perf_counter() - start


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
    stamp = DB.with_suffix(".index-seconds")
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
        times = timings(get, runs=runs, warmup=2)
        results.append(Result(f"{name}, p95", p95(times), "ms", goal, note))
        results.append(Result(f"{name}, median", statistics.median(times), "ms", None, ""))
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
permission querysets, queries, serialisation. The data is the ledger benchmark's (`bench/ledger_data.py`:
2,000 units, 50,000 tasks, 1,000,000 reports), copied once into `var/bench/api.sqlite3` and indexed
for search once (SQLite FTS5 over character pairs). The Excel export is one decision's tasks through
the screen. Each list and search makes a fixed number of queries whatever the data size;
`luoshi/api/tests/test_query_counts.py` asserts it.
""",
    )


if __name__ == "__main__":
    for r in run():
        print(r.row())
