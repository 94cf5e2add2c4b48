"""Run every benchmark (or those named on the command line) and update docs/benchmarks.md.

    python -m bench                 # all, each in a process of its own
    python -m bench extraction      # bench/bench_extraction.py only

Each benchmark runs in a fresh interpreter: several set Django up against databases of their own,
which cannot share one process.
"""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path


def run_one(name: str) -> int:
    """Run ``bench/bench_<name>.py`` here; returns how many goals it missed."""
    module = importlib.import_module(f"bench.bench_{name}")
    print(f"\n== {module.TITLE}", flush=True)
    results = module.run()
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
    names = argv or sorted(p.stem.removeprefix("bench_") for p in here.glob("bench_*.py"))
    over = 0
    for name in names:
        done = subprocess.run([sys.executable, "-m", "bench", "--one", name], cwd=here.parent)
        over += done.returncode
    print(f"\n{'all goals met' if not over else f'{over} goal(s) missed'}; docs/benchmarks.md updated")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
