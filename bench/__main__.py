"""Run every benchmark (or those named on the command line) and update docs/benchmarks.md.

python -m bench                 # all
python -m bench extraction      # bench/bench_extraction.py only
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    here = Path(__file__).parent
    names = argv or sorted(p.stem.removeprefix("bench_") for p in here.glob("bench_*.py"))
    over = 0
    for name in names:
        module = importlib.import_module(f"bench.bench_{name}")
        print(f"\n== {module.TITLE}")
        results = module.run()
        for r in results:
            print(f"  {r.name:<58} {r.value:>10.3g} {r.unit:<3} {r.verdict}")
            over += r.verdict == "OVER"
        module.write(results)
    print(f"\n{'all goals met' if not over else f'{over} goal(s) missed'}; docs/benchmarks.md updated")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
