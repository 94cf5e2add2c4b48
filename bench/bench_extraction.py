"""Extraction: warm time on the decision, the CLI end to end, and a 10 MB document."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ._harness import ROOT, SHARED, Result, p95, timings, write_section

TITLE = "Extraction"
SEED = SHARED / "corpus" / "im-decision-2022.txt"
FIXTURES = ROOT / "tests" / "fixtures"


def _sample() -> tuple[str, Path, str]:
    """The Inner Mongolia decision from ../shared, else the team's own fixtures."""
    if SEED.is_file():
        return SEED.read_text(encoding="utf-8"), SEED, "the Inner Mongolia decision (34 KB)"
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt")))
    tmp = Path(tempfile.mkdtemp()) / "fixtures.txt"
    tmp.write_text(text, encoding="utf-8")
    return text, tmp, f"the test fixtures ({len(text.encode()) // 1024} KB; ../shared is absent)"


def _child(code: str, *args: str) -> dict[str, float]:
    """Run ``code`` in a fresh interpreter; it prints a JSON object; add its peak RSS in MB."""
    wrapper = (
        "import json, resource, sys\n"
        f"{code}\n"
        "out['rss_mb'] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024\n"
        "print(json.dumps(out))\n"
    )
    done = subprocess.run([sys.executable, "-c", wrapper, *args], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def run() -> list[Result]:
    from luoshi.document import extract

    text, path, what = _sample()
    warm = timings(lambda: extract(text), runs=200)
    results = [
        Result("warm extraction, median", statistics.median(warm), "ms", 5.0, what),
        Result("warm extraction, 95th percentile", p95(warm), "ms", None, what),
    ]

    luoshi = Path(sys.executable).with_name("luoshi")
    cmd = (
        [str(luoshi), "extract", str(path)]
        if luoshi.exists()
        else [sys.executable, "-m", "luoshi", "extract", str(path)]
    )
    walls = []
    for _ in range(12):
        start = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=True)
        walls.append(time.perf_counter() - start)
    results.append(
        Result(
            "`luoshi extract` end to end, median of 12",
            statistics.median(walls[2:]),
            "s",
            0.3,
            "including interpreter start",
        )
    )

    big = Path(tempfile.mkdtemp()) / "big.txt"
    copies = max(1, (10 * 1024 * 1024) // len(text.encode()))
    with big.open("w", encoding="utf-8") as fh:
        for _ in range(copies):
            fh.write(text)
            fh.write("\n")
    size_mb = big.stat().st_size / 1024 / 1024
    code = (
        "import sys, time\nfrom luoshi.document import extract\n"
        "t = time.perf_counter(); d = extract(sys.argv[1]); s = time.perf_counter() - t\n"
        "out = {'s': s, 'items': len(d.items), 'targets': len(d.targets)}"
    )
    child = _child(code, str(big))
    note = f"{size_mb:.1f} MB: {int(child['items'])} items, {int(child['targets'])} targets"
    results.append(Result("10 MB document, time", child["s"], "s", 2.0, note))
    results.append(Result("10 MB document, peak memory (RSS)", child["rss_mb"], "MB", 200.0, "whole process"))
    os.unlink(big)
    return results


def write(results: list[Result]) -> None:
    write_section(
        TITLE,
        results,
        """
Warm extraction calls `luoshi.document.extract` on text already in memory, 200 times after 3
warm-up calls. The end-to-end time runs the installed `luoshi extract FILE` (JSON to a pipe) as a
new process. The 10 MB document is the decision repeated, extracted in a fresh interpreter whose
peak resident memory is reported. Goals from issue 2 ("Read a decision").
""",
    )
