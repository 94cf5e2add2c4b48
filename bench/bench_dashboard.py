"""Dashboard: the leaders' page on national-scale data (50,000 tasks, 2,000 units, 1,000,000 reports
from bench/ledger_data.py) with the lights of a supervision run, in SQLite. Goal from issue 6: the page
renders in ≤ 200 ms at the 95th percentile.

The data is the ledger benchmark's (var/bench/ledger.sqlite3), copied once into
var/bench/dashboard.sqlite3, migrated, and lit by one supervision run as bench/bench_supervision.py
does it (kept for the next run; delete the file to start again). The measurements run in a fresh
process, through Django's test client with production settings: the refresh that precomputes the
figures (what `luoshi supervise` does after its run), then the page, its JSON twin and the units page,
as a leader and as the reporter of the busiest department (whose own figures are computed on their
first visit and stored).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

from . import _database
from ._harness import ROOT, Result, write_section

TITLE = "Dashboard" + _database.where()
RUNS = 40
GOAL_MS = 200.0

LIGHT = """
import os, django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "luoshi.web.settings")
django.setup()
from luoshi.supervision.supervisor import Supervisor
Supervisor(collect=False, send=False).run()
"""

MEASURE = """
import json, os, resource, statistics, time
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "luoshi.web.settings")
import django
django.setup()
from django.contrib.auth import get_user_model
from django.test import Client
from bench._harness import p95, with_floor
from luoshi.dashboard.models import Scope, Snapshot
from luoshi.ledger.models import Profile, Role, Task
from luoshi.progress.models import Report

User = get_user_model()
leader_user, made = User.objects.get_or_create(username="bench-leader")
if made:
    Profile.objects.create(user=leader_user, role=Role.LEADER)
Snapshot.objects.all().delete()
start = time.perf_counter()
snapshot = Snapshot.refresh(Scope.everything())
refresh_s = time.perf_counter() - start
leader, reporter = Client(), Client()
leader.force_login(leader_user)
reporter_user = User.objects.get(username="bench-reporter")
reporter.force_login(reporter_user)
start = time.perf_counter()
first = reporter.get("/dashboard/")
assert first.status_code == 200
unit_first_s = time.perf_counter() - start
out = {
    "refresh_s": refresh_s,
    "unit_first_s": unit_first_s,
    "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "snapshot_kb": len(json.dumps(snapshot.data, ensure_ascii=False).encode()) / 1024,
    "sizes": f"{Task.objects.count():,} tasks, {Report.objects.count():,} reports",
    "unit_tasks": Task.objects.visible_to(reporter_user).count(),
    "pages": {},
}
for name, client, url in [
    ("leader", leader, "/dashboard/"),
    ("leader_json", leader, "/dashboard/?format=json"),
    ("leader_units", leader, "/dashboard/units/"),
    ("reporter", reporter, "/dashboard/"),
]:
    def get(client=client, url=url):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
    times, floor, statements = with_floor(get, runs=RUNS)
    out["pages"][name] = {
        "p95": p95(times),
        "median": statistics.median(times),
        "sql": statistics.median(floor),
        "statements": statements,
    }
print(json.dumps(out))
""".replace("RUNS", str(RUNS))


def _env() -> dict[str, str]:
    return {
        **os.environ,
        "LUOSHI_DATABASE_URL": _database.url("dashboard"),
        **_database.settings_env(),
        "PYTHONPATH": str(ROOT),
    }


def _prepare() -> None:
    """The ledger's national-scale data (generated once), copied, migrated and lit (once)."""
    if not _database.exists("ledger"):
        subprocess.run(
            [sys.executable, "-c", "from bench import bench_ledger; bench_ledger._setup()"],
            check=True,
            cwd=ROOT,
        )
    fresh = not _database.exists("dashboard")
    if fresh:
        print(f"  copying the national-scale ledger data into {_database.label('dashboard')} (once)")
        _database.copy("ledger", "dashboard")
    subprocess.run(
        [sys.executable, "-m", "luoshi", "manage", "migrate", "--verbosity", "0"],
        env=_env(),
        cwd=ROOT,
        check=True,
    )
    if fresh:
        print("  computing the lights with one supervision run (once)", flush=True)
        subprocess.run([sys.executable, "-c", LIGHT], env=_env(), cwd=ROOT, check=True)


def run() -> list[Result]:
    _prepare()
    done = subprocess.run(
        [sys.executable, "-c", MEASURE], env=_env(), cwd=ROOT, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-4000:])
    m = json.loads(done.stdout.strip().splitlines()[-1])
    pages = m["pages"]
    mine = f"{m['unit_tasks']:,} tasks"

    def rows(name: str, key: str, note: str) -> list[Result]:
        page = pages[key]
        ratio = f"page ÷ SQL = {page['median'] / page['sql']:.1f}, " if page["sql"] > 0 else ""
        return [
            Result(f"{name}, p95", page["p95"], "ms", GOAL_MS, note),
            Result(f"{name}, median", page["median"], "ms", None, ""),
            Result(
                f"{name}, its SQL alone, median",
                page["sql"],
                "ms",
                None,
                f"{ratio}{page['statements']} statements",
            ),
        ]

    return [
        *rows("dashboard (leader)", "leader", m["sizes"]),
        *rows("dashboard JSON twin (leader)", "leader_json", ""),
        *rows("units page (leader)", "leader_units", "first 100 of 2,000"),
        *rows("dashboard (reporter of the busiest unit)", "reporter", mine),
        Result("the unit's figures, computed on its first visit", m["unit_first_s"], "s", None, mine),
        Result("precompute (luoshi dashboard refresh), time", m["refresh_s"], "s", None, "whole ledger"),
        Result(
            "precomputed figures, size",
            m["snapshot_kb"],
            "KB",
            None,
            "the page's part; sections, units beside it",
        ),
        Result("peak memory of the measuring process (RSS)", m["rss_mb"], "MB", None, "refresh and pages"),
    ]


def write(results: list[Result]) -> None:
    write_section(
        TITLE,
        results,
        f"""
The leaders' dashboard (`/dashboard/`, docs/dashboard.md) on the ledger benchmark's data:
{_database.describe()}, with the task lights of one supervision run and production settings. The data
is copied once into {_database.label("dashboard")} and lit once. A fresh process precomputes the
figures (`Snapshot.refresh`, what `luoshi supervise` does after its run), then requests each page
{RUNS} times (after 3 warm-up requests) through Django's test client, its SQL sent again alone between
two requests (as in the ledger's section): the page reads one stored snapshot and makes a fixed number
of queries (`luoshi/dashboard/tests/test_query_counts.py`). A unit's own figures are computed on its
first visit.
""",
    )


if __name__ == "__main__":
    for r in run():
        print(r.row())
