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
import shutil
import subprocess
import sys

from ._harness import ROOT, Result, write_section

TITLE = "Dashboard"
LEDGER_DB = ROOT / "var" / "bench" / "ledger.sqlite3"
DB = ROOT / "var" / "bench" / "dashboard.sqlite3"
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
from bench._harness import p95, timings
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
    times = timings(get, runs=RUNS)
    out["pages"][name] = {"p95": p95(times), "median": statistics.median(times)}
print(json.dumps(out))
""".replace("RUNS", str(RUNS))


def _env() -> dict[str, str]:
    return {
        **os.environ,
        "LUOSHI_DATABASE_URL": f"sqlite:///{DB}",
        "LUOSHI_DEBUG": "0",
        "LUOSHI_SECRET_KEY": os.environ.get("LUOSHI_SECRET_KEY", "bench-" + "x" * 40),
        "LUOSHI_ALLOWED_HOSTS": "testserver",
        "DJANGO_SETTINGS_MODULE": "luoshi.web.settings",
        "PYTHONPATH": str(ROOT),
    }


def _prepare() -> None:
    """The ledger's national-scale data (generated once), copied, migrated and lit (once)."""
    if not LEDGER_DB.exists():
        from . import bench_ledger

        bench_ledger._setup()  # generates var/bench/ledger.sqlite3
    fresh = not DB.exists()
    if fresh:
        print("  copying the national-scale ledger data into var/bench/dashboard.sqlite3 (once)")
        for suffix in ("-wal", "-shm"):
            (DB.parent / (DB.name + suffix)).unlink(missing_ok=True)
        shutil.copyfile(LEDGER_DB, DB)
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
    return [
        Result("dashboard (leader), p95", pages["leader"]["p95"], "ms", GOAL_MS, m["sizes"]),
        Result("dashboard (leader), median", pages["leader"]["median"], "ms", None, ""),
        Result("dashboard JSON twin (leader), p95", pages["leader_json"]["p95"], "ms", GOAL_MS, ""),
        Result("dashboard JSON twin (leader), median", pages["leader_json"]["median"], "ms", None, ""),
        Result("units page (leader), p95", pages["leader_units"]["p95"], "ms", GOAL_MS, "first 100 of 2,000"),
        Result(
            "dashboard (reporter of the busiest unit), p95", pages["reporter"]["p95"], "ms", GOAL_MS, mine
        ),
        Result(
            "dashboard (reporter of the busiest unit), median", pages["reporter"]["median"], "ms", None, ""
        ),
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
The leaders' dashboard (`/dashboard/`, docs/dashboard.md) on the ledger benchmark's data: 2,000 units,
50,000 tasks in 25 decisions, 1,000,000 reports, with the task lights of one supervision run, in SQLite
(WAL) with production settings. The data is copied once into `var/bench/dashboard.sqlite3` and lit once.
A fresh process precomputes the figures (`Snapshot.refresh`, what `luoshi supervise` does after its
run), then requests each page {RUNS} times (after 3 warm-up requests) through Django's test client: the
page reads one stored snapshot and makes a fixed number of queries
(`luoshi/dashboard/tests/test_query_counts.py`). A unit's own figures are computed on its first visit.
""",
    )


if __name__ == "__main__":
    for r in run():
        print(r.row())
