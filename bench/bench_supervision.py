"""Supervision: one `luoshi supervise` run over national-scale data (50,000 tasks, 1,000,000 reports),
in SQLite. Goal from issue 4: ≤ 30 s and ≤ 500 MB.

The data is the ledger benchmark's (`bench/ledger_data.py`, cached in var/bench/ledger.sqlite3); each
measurement works on a fresh copy of it (var/bench/supervision.sqlite3), so that the first run
really computes and creates everything. Each run is a separate process, whose peak resident memory
is reported.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

from . import _database
from ._harness import ROOT, Result, write_section

TITLE = "Supervision" + _database.where()
GOAL_S = 30.0 * _database.SCALE  # 30 s at 50,000 tasks, growing at most linearly
GOAL_MB = 500.0

RUN = """
import json, os, resource, sys, time
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "luoshi.web.settings")
import django
django.setup()
from luoshi.supervision.supervisor import Supervisor
from luoshi.supervision.models import Notice, ObligationLight, TaskLight
start = time.perf_counter()
result = Supervisor(dry_run=sys.argv[1] == "dry", collect=False).run()
seconds = time.perf_counter() - start
print(json.dumps({
    "seconds": seconds,
    "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "counts": result.counts,
    "lights": TaskLight.objects.count() + ObligationLight.objects.count(),
    "notices": Notice.objects.count(),
}))
"""


def _env() -> dict[str, str]:
    return {**os.environ, "LUOSHI_DATABASE_URL": _database.url("supervision"), **_database.settings_env()}


def _prepare() -> None:
    """The ledger's national-scale data (generated once), copied fresh and migrated."""
    if not _database.exists("ledger"):
        subprocess.run(
            [sys.executable, "-c", "from bench import bench_ledger; bench_ledger._setup()"], check=True
        )
    _database.copy("ledger", "supervision")
    subprocess.run(
        [sys.executable, "-m", "luoshi", "manage", "migrate", "--verbosity", "0"],
        env=_env(),
        cwd=ROOT,
        check=True,
    )


def _run(mode: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", RUN, mode], env=_env(), cwd=ROOT, capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def run() -> list[Result]:
    print("  copying the national-scale ledger data and migrating")
    _prepare()
    dry = _run("dry")
    first = _run("run")
    second = _run("run")
    c = first["counts"]
    sizes = (
        f"{sum(c['tasks'].values()):,} task lights, {sum(c['obligations'].values()):,} reporting lights, "
        f"{first['notices']:,} notices"
    )
    _database.drop("supervision")  # a copy of the whole ledger: not kept
    return [
        Result("first run, time", first["seconds"], "s", GOAL_S, sizes),
        Result("first run, peak memory (RSS)", first["rss_mb"], "MB", GOAL_MB, "whole process"),
        Result(
            "second run (nothing new), time",
            second["seconds"],
            "s",
            GOAL_S,
            f"{sum(second['counts']['notices'].values())} new notices",
        ),
        Result("second run, peak memory (RSS)", second["rss_mb"], "MB", GOAL_MB, ""),
        Result("dry run, time", dry["seconds"], "s", None, "writes nothing"),
        Result("dry run, peak memory (RSS)", dry["rss_mb"], "MB", None, ""),
    ]


def write(results: list[Result]) -> None:
    write_section(
        TITLE,
        results,
        f"""
One supervision run (`Supervisor().run()`, what `luoshi supervise` does) over the ledger benchmark's
data: {_database.describe()}, with production settings; the goal grows linearly with the data (30 s
at 50,000 tasks). It computes and stores the light of every task and every reporting obligation, creates the
notices they call for (with receipts), checks the reports of the last four quarters for copy-paste,
and scores every unit for two quarters. Each run is a fresh process on a fresh copy of the data
({_database.label("supervision")}, dropped after); the second run finds nothing new. No channel is configured, so
nothing is sent. The generator's reports all share one short stock sentence, below the copy check's
minimum length: the check reads them all but compares none.
""",
    )


if __name__ == "__main__":
    for r in run():
        print(r.row())
