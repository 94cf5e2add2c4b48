"""Run every benchmark (or those named on the command line) and update docs/benchmarks.md.

    python -m bench                 # all, each in a process of its own
    python -m bench extraction      # bench/bench_extraction.py only
    python -m bench --postgresql postgresql://postgres@127.0.0.1:55432/bench ledger api
                                    # the same on PostgreSQL, in databases named bench, bench_api …
    python -m bench --scale 10 …    # ten times the tasks and reports (bench/_database.py)
    python -m bench --postgresql URL drop   # drop the benchmark databases of that server

Each benchmark runs in a fresh interpreter: several set Django up against databases of their own,
which cannot share one process.
"""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
from pathlib import Path

# benchmarks that run on the ledger's data, and so on PostgreSQL too; the others are pure Python
ON_DATABASE = {"ledger", "api", "dashboard", "supervision"}


def run_one(name: str) -> int:
    """Run ``bench/bench_<name>.py`` here; returns how many goals it missed."""
    from ._harness import LOADS, load

    module = importlib.import_module(f"bench.bench_{name}")
    print(f"\n== {module.TITLE}", flush=True)
    LOADS.append(load())
    results = module.run()
    LOADS.append(load())
    over = 0
    for r in results:
        print(f"  {r.name:<58} {r.value:>10.3g} {r.unit:<3} {r.verdict}", flush=True)
        over += r.verdict == "OVER"
    module.write(results)
    return over


def main(argv: list[str]) -> int:
    here = Path(__file__).parent
    if len(argv) == 2 and argv[0] == "--one":
        return min(run_one(argv[1]), 100)
    while argv[:1] in (["--postgresql"], ["--scale"]) and len(argv) >= 2:
        os.environ["LUOSHI_BENCH_POSTGRESQL" if argv[0] == "--postgresql" else "LUOSHI_BENCH_SCALE"] = argv[1]
        argv = argv[2:]
    if argv == ["drop"]:
        from . import _database

        print("dropped:", ", ".join(_database.drop_all()) or "nothing")
        return 0
    names = argv or sorted(p.stem.removeprefix("bench_") for p in here.glob("bench_*.py"))
    if os.environ.get("LUOSHI_BENCH_POSTGRESQL") or os.environ.get("LUOSHI_BENCH_SCALE", "1") != "1":
        names = [n for n in names if n in ON_DATABASE]
    over = 0
    for name in names:
        done = subprocess.run([sys.executable, "-m", "bench", "--one", name], cwd=here.parent)
        over += done.returncode
    print(f"\n{'all goals met' if not over else f'{over} goal(s) missed'}; docs/benchmarks.md updated")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
