"""What a benchmark returns, and how the results are printed and written to docs/benchmarks.md."""

from __future__ import annotations

import os
import platform
import re
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "benchmarks.md"
SHARED = Path(os.environ.get("LUOSHI_SHARED") or ROOT.parent / "shared")  # a git worktree points it elsewhere


@dataclass(frozen=True)
class Result:
    name: str
    value: float
    unit: str  # "ms", "s", "MB"
    goal: float | None = None  # the value must be at most this
    note: str = ""

    @property
    def verdict(self) -> str:
        if self.goal is None:
            return ""
        return "ok" if self.value <= self.goal else "OVER"

    def row(self) -> str:
        goal = f"≤ {self.goal:g} {self.unit}" if self.goal is not None else ""
        return f"| {self.name} | {self.value:.3g} {self.unit} | {goal} | {self.verdict} | {self.note} |"


def timings(fn: Callable[[], object], *, runs: int, warmup: int = 3) -> list[float]:
    """Wall times of ``fn`` in milliseconds, after ``warmup`` calls."""
    for _ in range(warmup):
        fn()
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 20 else max(values)


def machine() -> str:
    cpus = os.cpu_count()
    return f"{platform.machine()}, {cpus} cores, Python {platform.python_version()}, {platform.system()}"


def write_section(title: str, results: list[Result], intro: str) -> None:
    """Replace (or add) the section ``## title`` of docs/benchmarks.md with these results."""
    body = [
        f"## {title}",
        "",
        intro.strip(),
        "",
        f"Measured {time.strftime('%Y-%m-%d')} on {machine()}.",
        "",
        "| measure | result | goal | | note |",
        "|---|---|---|---|---|",
        *(r.row() for r in results),
        "",
    ]
    section = "\n".join(body)
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else _HEADER
    pattern = re.compile(rf"^## {re.escape(title)}\n.*?(?=^## |\Z)", re.S | re.M)
    text = (
        pattern.sub(lambda _: section + "\n", text)
        if pattern.search(text)
        else text.rstrip("\n") + "\n\n" + section
    )
    DOC.write_text(text.rstrip("\n") + "\n", encoding="utf-8")


_HEADER = """# Benchmarks

Speed and memory goals are checked here, by `make bench`, never by timed tests. Each section is
rewritten by the benchmark that owns it (`bench/bench_*.py`); the numbers are what the last run on
the named machine measured. A line marked OVER misses its goal.
"""
